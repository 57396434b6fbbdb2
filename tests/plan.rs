//! `kioku plan` through the real binary (issue 22 and issue 20 item 6): the new-card quota applied
//! and said honestly, siblings and leeches kept in the final days, and the eve, exam day and list.

mod common;

use common::{lines_with, Env};

/// 2025-06-01 09:00 in Tokyo (the tests' zone): study day 2025-06-01.
const DAY0: &str = "2025-06-01T09:00:00+09:00";

fn at(day: u32) -> String {
    format!("2025-06-{day:02}T09:00:00+09:00")
}

fn run(env: &Env, now: &str, args: &[&str], stdin: &str) -> String {
    let out = env.kioku(now).env("KIOKU_LANG", "en").args(args).write_stdin(stdin).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The distinct card keys a piped review showed, in order.
fn keys_shown(stdout: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for line in lines_with(stdout, "card ") {
        let key = line.split(' ').nth(1).unwrap().to_string();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Empty responses and grades: every card answered good until the session ends.
fn all_good() -> String {
    "\n".repeat(200)
}

fn quota_deck() -> String {
    let mut deck = String::from("deck: q\ncards:\n  - id: cloze\n    cloze: \"{{c1::a}} {{c2::b}} {{c3::c}}\"\n");
    for i in 1..=9 {
        deck.push_str(&format!("  - id: n{i}\n    front: F{i}\n    back: B{i}\n"));
    }
    deck
}

#[test]
fn the_plan_raises_the_new_card_limit_and_says_so_and_introduces_siblings_together() {
    // 12 new cards (a 3-part cloze and 9 others), new_per_day 2, an exam 6 days away: spread
    // over the 6 days but three, 12 / 3 = 4 a day, all introduced by the third day.
    let env = Env::new();
    env.write_deck("q.yaml", &quota_deck());
    run(&env, DAY0, &["config", "set", "new_per_day", "2"], "");
    let plan = run(&env, DAY0, &["plan", "--exam-date", "2025-06-07"], "");
    assert!(
        plan.contains("new cards: 4 a day, all introduced by 2025-06-03 (the plan raises new_per_day, 2, to this"),
        "{plan}"
    );
    let review = run(&env, DAY0, &["review"], &all_good());
    // All three parts of the cloze on the first day (not buried by each other), then one more.
    assert_eq!(keys_shown(&review), ["q/cloze:c1", "q/cloze:c2", "q/cloze:c3", "q/n1"], "{review}");

    // Without a plan: new_per_day (2), and the cloze's other parts wait for later days.
    let env = Env::new();
    env.write_deck("q.yaml", &quota_deck());
    run(&env, DAY0, &["config", "set", "new_per_day", "2"], "");
    let review = run(&env, DAY0, &["review"], &all_good());
    assert_eq!(keys_shown(&review), ["q/cloze:c1", "q/n1"], "{review}");
}

#[test]
fn the_plan_says_it_keeps_new_per_day_when_that_is_enough() {
    let env = Env::new();
    env.write_deck("q.yaml", &quota_deck());
    // 12 new cards over 30 − 3 days: the plan needs 1 a day; new_per_day (20) is more.
    let plan = run(&env, DAY0, &["plan", "--exam-date", "2025-07-01"], "");
    assert!(
        plan.contains("new cards: 20 a day (new_per_day; the plan needs at least 1), all introduced by 2025-06-01"),
        "{plan}"
    );
    // Nothing studied yet: no empty chart, a line instead.
    assert!(plan.contains("no reviews due yet in the next 30 days"), "{plan}");
    assert!(!plan.contains('└'), "{plan}");
}

const SIBLINGS: &str = "deck: s\ncards:\n  - id: a\n    front: A\n    back: a\n    reverse: true\n";

/// Both cards of a reversed note learned on day 0 under a plan for `exam`, fuzz off: a good,
/// good from new gives S ≈ 2.3 days, so both are due on 2025-06-03.
fn siblings_learned(exam: &str) -> Env {
    let env = Env::new();
    env.write_deck("s.yaml", SIBLINGS);
    run(&env, DAY0, &["config", "set", "fuzz", "false"], "");
    run(&env, DAY0, &["plan", "--exam-date", exam], "");
    let review = run(&env, DAY0, &["review"], &all_good());
    assert_eq!(keys_shown(&review), ["s/a", "s/a:reverse"], "{review}");
    assert!(review.contains("saved s/a 3 due 2025-06-02T19:00:00Z"), "{review}");
    env
}

#[test]
fn siblings_are_not_buried_from_the_final_review_day_on() {
    // Exam on the 6th: the final review day is the 3rd, when both siblings are due. Both are shown.
    let env = siblings_learned("2025-06-06");
    let review = run(&env, &at(3), &["review"], &all_good());
    assert_eq!(keys_shown(&review), ["s/a", "s/a:reverse"], "{review}");
    // Exam on the 10th: on the 3rd there is time, so the sibling is buried as usual.
    let env = siblings_learned("2025-06-10");
    let review = run(&env, &at(3), &["review"], &all_good());
    assert_eq!(keys_shown(&review), ["s/a"], "{review}");
}

#[test]
fn a_leech_before_the_exam_is_kept_with_a_warning() {
    for (plan, kept) in [(true, true), (false, false)] {
        let env = Env::new();
        env.write_deck("s.yaml", "deck: s\ncards:\n  - id: x\n    front: X\n    back: x\n");
        run(&env, DAY0, &["config", "set", "fuzz", "false"], "");
        run(&env, DAY0, &["config", "set", "leech_threshold", "1"], "");
        if plan {
            run(&env, DAY0, &["plan", "--exam-date", "2025-06-10"], "");
        }
        run(&env, DAY0, &["review"], &all_good());
        // Forgotten on the 3rd: the first lapse makes it a leech.
        let review = run(&env, &at(3), &["review"], &format!("\nagain\n{}", all_good()));
        assert!(review.contains("leech: forgotten 1 time"), "{review}");
        if kept {
            assert!(lines_with(&review, "suspended ").is_empty(), "{review}");
            assert!(review.contains("not suspended, since the exam on 2025-06-10 needs it"), "{review}");
            // Relearned in the same session, and due again before the exam.
            assert_eq!(lines_with(&review, "saved s/x ").len(), 2, "{review}");
        } else {
            assert_eq!(lines_with(&review, "suspended "), ["suspended s/x"], "{review}");
        }
    }
}

#[test]
fn the_eve_the_exam_day_and_after() {
    let env = siblings_learned("2025-06-06");
    let eve = run(&env, &at(5), &["plan"], "");
    assert!(eve.contains("exam 2025-06-06 in 1 day · target 90% · all decks"), "{eve}");
    let out = env.kioku(&at(5)).env("KIOKU_LANG", "ja").arg("plan").output().unwrap();
    let ja = String::from_utf8(out.stdout).unwrap();
    assert!(ja.contains("試験 2025年6月6日 まであと 1 日 · 目標 90% · すべてのデッキ"), "{ja}");
    let day = run(&env, &at(6), &["plan"], "");
    assert!(day.contains("exam 2025-06-06 is today · target 90% · all decks"), "{day}");
    assert!(day.contains("cards in scope: 2 (2 studied, 0 never studied)"), "{day}");
    assert!(lines_with(&day, "  cards at or above 90% now: ").len() == 1 && day.contains(" of 2 ("), "{day}");
    let list = run(&env, &at(6), &["plan", "--list"], "");
    assert!(list.contains("exam 2025-06-06  target 90%  all decks  (today)"), "{list}");
    let list = run(&env, &at(7), &["plan", "--list"], "");
    assert!(list.contains("exam 2025-06-06  target 90%  all decks  (past)"), "{list}");
    assert!(run(&env, &at(7), &["plan"], "").contains("no upcoming exam"));
}

#[test]
fn an_exam_date_that_reads_two_ways_says_both_and_changes_nothing() {
    let env = Env::new();
    env.write_deck("alpha.yaml", common::SMALL_DECK);
    let out = env.kioku(DAY0).args(["plan", "--exam-date", "5/4/2027"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--exam-date: '5/4/2027' reads two ways, 2027-04-05 (day/month) or 2027-05-04 (month/day)"),
        "{err}"
    );
    // Read before the database is opened: none is made.
    assert!(!env.db().exists());
    // One that reads one way only (27 is no month) is taken.
    env.kioku(DAY0).args(["plan", "--exam-date", "27/7/2027"]).assert().success();
}
