//! Mock exams and cram through the binary: scoring, the saved history, and schedules left
//! exactly as they were.

mod common;

use common::{lines_with, Env};

const NOW: &str = "2025-06-01T09:00:00+09:00";

const DECK: &str = "\
deck: e
cards:
  - id: date
    front: 非常戒厳の宣布は？
    back: 2024年12月
    check: date
  - id: vote
    question: 中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: tf
    statement: 韓国国会は非常戒厳を即座に否定した。
    answer: true
  - id: who
    front: 北朝鮮の指導者は？
    back: 金正恩
    category: person
  - id: who2
    front: 韓国の前大統領は？
    back: 尹錫悦
    category: person
  - id: who3
    front: 国民の力の候補は？
    back: 金文洙
    category: person
";

/// Every card row as text (the schedule columns), for "unchanged" comparisons.
fn card_rows(env: &Env) -> Vec<String> {
    env.dump().into_iter().filter(|r| r.starts_with("cards:")).collect()
}

/// Answers each question of an exam right, from what the question shows.
fn right_answers(stdout: &str) -> String {
    let mut answers = String::new();
    let questions = stdout.split("\nscore ").next().unwrap();
    for block in questions.split("\ncard ").skip(1) {
        let options: Vec<&str> = block.lines().filter(|l| l.starts_with("option ")).collect();
        let answer = if block.contains("非常戒厳の宣布は？") && options.is_empty() {
            "2024-12".to_string()
        } else if block.contains("非常戒厳の宣布は？") {
            options.iter().find(|o| o.ends_with("2024年12月")).unwrap().split(' ').nth(1).unwrap().to_string()
        } else if block.contains("→ ") && block.contains("true or false?") {
            // A self-graded card asked as true/false: "question → answer".
            let shown = block.lines().find_map(|l| l.trim().strip_prefix("→ ")).unwrap();
            let right = ["金正恩", "尹錫悦", "金文洙"];
            let q = ["北朝鮮の指導者は？", "韓国の前大統領は？", "国民の力の候補は？"];
            let k = q.iter().position(|q| block.contains(q)).unwrap();
            if shown == right[k] {
                "t".into()
            } else {
                "f".into()
            }
        } else if block.contains("true or false?") {
            "正".into()
        } else {
            let want = if block.contains("中国の投票は？") {
                "棄権"
            } else if block.contains("北朝鮮の指導者は？") {
                "金正恩"
            } else if block.contains("韓国の前大統領は？") {
                "尹錫悦"
            } else {
                "金文洙"
            };
            options.iter().find(|o| o.ends_with(want)).unwrap().split(' ').nth(1).unwrap().to_string()
        };
        answers.push_str(&answer);
        answers.push('\n');
    }
    answers
}

#[test]
fn a_seeded_exam_is_scored_saved_and_changes_no_schedule() {
    let env = Env::new();
    env.write_deck("e.yaml", DECK);
    env.kioku(NOW).args(["review", "--limit", "3"]).write_stdin("\n3\n".repeat(3)).assert().success();
    let before = card_rows(&env);
    // A first run only to see the paper (quit at once: everything counts wrong).
    let peek = env.kioku(NOW).args(["exam", "--seed", "11", "--count", "6"]).write_stdin(":q\n").output().unwrap();
    let peek = String::from_utf8(peek.stdout).unwrap();
    assert!(peek.starts_with("seed 11\n"), "{peek}");
    assert!(peek.contains("score 0/6"), "{peek}");
    // The same seed replays the same paper: show every question by answering "don't know".
    let blank =
        env.kioku(NOW).args(["exam", "--seed", "11", "--count", "6"]).write_stdin("\n".repeat(6)).output().unwrap();
    let blank = String::from_utf8(blank.stdout).unwrap();
    assert_eq!(lines_with(&blank, "card ")[0], lines_with(&peek, "card ")[0]);
    let again =
        env.kioku(NOW).args(["exam", "--seed", "11", "--count", "6"]).write_stdin("\n".repeat(6)).output().unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    let paper = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("card ") || l.starts_with("option ") || l.starts_with("item "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(paper(&blank), paper(&again), "the same seed gives the same paper");
    assert_eq!(lines_with(&blank, "verdict wrong").len(), 6);
    // Now answer everything right.
    let later = "2025-06-01T10:00:00+09:00";
    let out = env
        .kioku(later)
        .args(["exam", "--seed", "11", "--count", "6"])
        .write_stdin(right_answers(&blank))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "verdict right").len(), 6, "{stdout}");
    assert!(stdout.contains("\nscore 6/6\n"), "{stdout}");
    // Exam rows are logged (kind exam, rating implied by the verdict); the schedule is untouched.
    let exam_rows: Vec<serde_json::Value> = env.history().into_iter().filter(|r| r["kind"] == "exam").collect();
    assert_eq!(exam_rows.len(), 6 + 6 + 6, "answered questions only: twice 6 blank, then 6 right");
    assert!(exam_rows[..12].iter().all(|r| r["rating"] == 1));
    assert!(exam_rows[12..].iter().all(|r| r["rating"] == 3));
    assert_eq!(card_rows(&env), before, "an exam changes no schedule");
    let history = env.kioku(NOW).args(["exam", "--history"]).output().unwrap();
    let history = String::from_utf8(history.stdout).unwrap();
    assert_eq!(history.lines().count(), 1 + 4, "a header and four papers: {history}");
    assert!(history.lines().last().unwrap().contains("6/6"), "{history}");
    assert!(history.contains("seed 11"));
}

#[test]
fn exam_refuses_undo_and_a_time_limit_counts_the_rest_wrong() {
    let env = Env::new();
    env.write_deck("e.yaml", DECK);
    let out = env.kioku(NOW).args(["exam", "--seed", "3", "--count", "3"]).write_stdin(":u\n:q\n").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no undo in an exam"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("score 0/3"));
    // An answer that arrives after the time limit does not count; the rest are wrong.
    let mut child = env.spawn(None, &["exam", "--seed", "3", "--count", "3", "--time-limit", "1s"]);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(b"t\nt\nt\n");
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("time is up") && stdout.contains("score 0/3"), "{stdout}");
    assert!(lines_with(&stdout, "verdict ").is_empty(), "no answer was taken after the limit: {stdout}");
    env.kioku(NOW).args(["exam", "--time-limit", "soon"]).assert().code(1);
}

#[test]
fn cram_logs_answers_and_leaves_every_card_row_byte_identical() {
    let env = Env::new();
    env.write_deck("e.yaml", DECK);
    env.kioku(NOW).args(["review", "--limit", "2"]).write_stdin("\n1\n\n3\n").assert().success();
    let before = card_rows(&env);
    let out = env
        .kioku(NOW)
        .args(["cram", "--limit", "5"])
        .write_stdin("\n1\n\n3\n:u\n\n4\n\n3\n\n3\n\n3\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("saved e/date 1 cram"), "{stdout}");
    assert!(stdout.contains("undone e/vote"), "{stdout}");
    assert_eq!(card_rows(&env), before, "cram changes no schedule");
    let cram_rows = env.history().into_iter().filter(|r| r["kind"] == "cram").count();
    assert_eq!(cram_rows, 5);
    // --missed: the card answered again in review (e/date) and in cram.
    let out = env.kioku(NOW).args(["cram", "--missed"]).write_stdin(":q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "card "), vec!["card e/date typed"], "{stdout}");
}

#[test]
fn a_plan_moves_a_review_that_would_cross_the_exam_before_it() {
    let env = Env::new();
    env.write_deck(
        "p.yaml",
        "deck: p\ncards:\n  - id: a\n    front: A\n    back: a\n  - id: z\n    front: Z\n    back: z\n",
    );
    env.kioku(NOW).args(["config", "set", "fuzz", "false"]).assert().success();
    // Easy on a new card: FSRS-6's initial easy stability is 8.2956 days, so it is due 8 study
    // days later, 2025-06-09; R on 2025-06-07 without a review would be about 0.92… but on the
    // 9th it would be 0.90 and later less. An exam on 2025-06-09 with target 0.95 needs a review
    // before it.
    let out = env.kioku(NOW).args(["review", "--limit", "1"]).write_stdin("\neasy\n").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("saved p/a 4 due 2025-06-08T19:00:00Z"));
    let out = env.kioku(NOW).args(["plan", "--exam-date", "2025-06-09", "--target", "0.95"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("(1 review moved before it)"), "{stdout}");
    assert!(stdout.contains("studied cards predicted at or above 95% on the day: 1 of 1 (100%)"), "{stdout}");
    // The card is now due on a day inside its window, before the exam.
    let rows = env.history();
    let moved = rows.iter().find(|r| r["kind"] == "manual").unwrap();
    let due = moved["due"].as_str().unwrap().to_string();
    assert!(due.as_str() < "2025-06-08T19:00:00Z" && due.as_str() > "2025-06-01T19:00:00Z", "{due}");
    // On that day the review shows up; answering it good keeps the card above target on the day.
    let due_local = chrono::DateTime::parse_from_rfc3339(&due).unwrap() + chrono::Duration::hours(5);
    let out =
        env.kioku(&due_local.to_rfc3339()).args(["review", "--new", "0"]).write_stdin("\ngood\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("card p/a basic"), "{stdout}");
    let out = env.kioku(&due_local.to_rfc3339()).arg("plan").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 of 1 (100%)"), "{}", String::from_utf8_lossy(&out.stdout));
    // --list and --remove.
    let list = env.kioku(NOW).args(["plan", "--list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("exam 2025-06-09  target 95%  all decks"));
    env.kioku(NOW).args(["plan", "--remove", "1"]).assert().success();
    env.kioku(NOW).args(["plan", "--remove", "1"]).assert().code(1);
    env.kioku(NOW).args(["plan", "--exam-date", "2025-05-01"]).assert().code(1);
}
