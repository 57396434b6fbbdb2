//! The daily review end to end through the binary, piped.

mod common;

use std::io::Write;

use common::{lines_with, Env, SMALL_DECK};

const NOW: &str = "2025-06-01T09:00:00+09:00";

#[test]
fn ten_answers_then_quit_saves_exactly_ten() {
    let env = Env::with_bundled_decks();
    let input = "\n3\n".repeat(10) + ":q\n";
    let out = env.kioku(NOW).arg("review").write_stdin(input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "saved ").len(), 10);
    assert_eq!(lines_with(&stdout, "card ").len(), 11, "the 11th card is shown, then :q");
    assert!(stdout.lines().any(|l| l == "done 10"));
    let history = env.history();
    assert_eq!(history.len(), 10);
    for row in &history {
        assert_eq!(row["kind"], "review");
        assert_eq!(row["rating"], 3);
        assert_eq!(row["state_before"], "new");
        assert_eq!(row["interval_secs"], 600, "good on a new card moves to the 10m step");
    }
}

#[test]
fn end_of_input_without_a_grade_saves_nothing_for_that_card() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let out = env.kioku(NOW).arg("review").write_stdin("\n3\nmy answer\n").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l == "done 1"), "{stdout}");
    assert_eq!(env.history().len(), 1);
}

#[test]
fn undo_removes_the_answer_and_asks_the_card_again() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let before = env.kioku(NOW).arg("due").output().unwrap();
    assert!(before.status.success());
    let schedules_before = env.schedules();
    let out = env.kioku(NOW).arg("review").write_stdin("\n3\n\n4\n:u\n:q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let cards = lines_with(&stdout, "card ");
    assert_eq!(cards[0], "card alpha/a basic");
    assert_eq!(cards[1], "card alpha/b basic", "alpha/a:reverse is a buried sibling");
    assert!(stdout.contains("\nundone alpha/b\ncard alpha/b basic\n"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "done 1"));
    let history = env.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["card"], "alpha/a");
    assert_eq!(env.schedules()["alpha/b"], schedules_before["alpha/b"], "undo restores the saved state");
    // Undo at the grade line drops the typed response; nothing to undo is an error, not a crash.
    let out = env.kioku(NOW).arg("review").write_stdin(":u\n\n:u\n:q\n").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to undo"));
    assert!(out.status.success());
}

#[test]
fn invalid_lines_are_refused_and_asked_again() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).args(["config", "set", "fuzz", "false"]).assert().success();
    let out = env.kioku(NOW).arg("review").write_stdin("\n5\nexcellent\n:x\nＥＡＳＹ\n:q\n").output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error: ")).count(), 3, "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Fuzz off: easy on a new card graduates with FSRS-6's initial easy stability, 8.2956 days
    // (the `fsrs` crate's documented default), rounded to 8: due on study day 2025-06-09, which
    // starts at 04:00 in Tokyo, 19:00 UTC the day before.
    assert_eq!(lines_with(&stdout, "saved "), vec!["saved alpha/a 4 due 2025-06-08T19:00:00Z"]);
}

#[test]
fn suspend_and_bury_hide_cards() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let out = env.kioku(NOW).arg("review").write_stdin(":s\n:b\n:q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("suspended alpha/a\n"), "{stdout}");
    assert!(stdout.contains("buried alpha/a:reverse\n"), "{stdout}");
    let history = env.history();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|r| r["kind"] == "manual" && r["rating"] == 0));
    // The next day the buried card is back; the suspended one is not until unsuspended.
    let next_day = "2025-06-02T09:00:00+09:00";
    let out = env.kioku(next_day).arg("review").write_stdin(":q\n").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("card alpha/a:reverse reverse\n"));
    env.kioku(next_day).args(["unsuspend", "alpha/a"]).assert().success().stdout("unsuspended alpha/a\n");
    let out = env.kioku(next_day).arg("review").write_stdin(":q\n").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("card alpha/a basic\n"));
    env.kioku(next_day).args(["suspend", "alpha/nope"]).assert().code(1);
}

#[test]
fn limit_new_and_filters() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let out = env.kioku(NOW).args(["review", "--limit", "2"]).write_stdin("\n3\n".repeat(5)).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "saved ").len(), 2);
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let out = env.kioku(NOW).args(["review", "--tag", "extra"]).write_stdin("\n3\n".repeat(5)).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Only alpha/b has the tag; after good it is in the 10m step and shown again as learn-ahead.
    assert!(lines_with(&stdout, "card ").iter().all(|l| l.starts_with("card alpha/b ")), "{stdout}");
    let out = env.kioku(NOW).args(["review", "--new", "0"]).write_stdin(":q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        lines_with(&stdout, "card ").iter().all(|l| l.starts_with("card alpha/b ")),
        "only the learning card: {stdout}"
    );
    env.kioku(NOW).args(["review", "nodeck"]).assert().code(1);
}

#[test]
fn kill_after_five_acknowledged_answers_keeps_exactly_five() {
    let env = Env::with_bundled_decks();
    let mut child = env.spawn(Some(NOW), &["review"]);
    // An empty response is valid for every card kind ("don't know" when judged).
    let (mut stdin, _stdout) = common::answer_until_saved(&mut child, 5, |_| "3");
    // A sixth response without its grade line, then the process dies.
    stdin.write_all(b"half\n").unwrap();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(env.history().len(), 5);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_second_review_on_the_same_database_is_refused() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let mut first = env.spawn(None, &["review"]);
    // Wait until the first session shows its card (it holds the lock by then).
    let (line, _out) = common::first_line(&mut first);
    assert!(line.starts_with("card "));
    let second = env.kioku(NOW).arg("review").write_stdin(":q\n").output().unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("already using"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    drop(first.stdin.take()); // end of input: the first session ends normally
    assert!(first.wait().unwrap().success());
    // Once it is gone, a new session may start.
    env.kioku(NOW).arg("review").write_stdin(":q\n").assert().success();
}

#[test]
fn a_card_due_tomorrow_is_not_shown_at_one_am_in_new_york() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let ny = |now: &str| {
        let mut cmd = env.kioku(now);
        cmd.env("KIOKU_TZ", "America/New_York");
        cmd
    };
    // Easy on a new card: due on a later study day, which starts at 04:00 New York time.
    let out =
        ny("2025-03-01T12:00:00-05:00").args(["review", "--limit", "1"]).write_stdin("\neasy\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let due = lines_with(&stdout, "saved alpha/a 4 due ")[0].rsplit(' ').next().unwrap().to_string();
    let due = chrono::DateTime::parse_from_rfc3339(&due).unwrap();
    assert_eq!(due.with_timezone(&chrono_tz::America::New_York).format("%H:%M").to_string(), "04:00");
    let review_count = |now: chrono::DateTime<chrono::FixedOffset>| {
        let out = ny(&now.to_rfc3339()).args(["due", "--json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["decks"][0]["review"].as_u64().unwrap()
    };
    // 01:00 local on the due date is still the previous study day.
    assert_eq!(review_count(due - chrono::Duration::hours(3)), 0);
    assert_eq!(review_count(due), 1);
}

#[test]
fn a_clock_set_back_does_not_break_anything() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku("2025-06-10T09:00:00+09:00").args(["review", "--limit", "1"]).write_stdin("\n4\n").assert().success();
    // Days later the clock says an earlier date; the card is not due, new cards are shown.
    let out =
        env.kioku("2025-06-01T09:00:00+09:00").args(["review", "--limit", "1"]).write_stdin("\n3\n").output().unwrap();
    assert!(out.status.success());
    env.kioku("2025-06-01T09:00:00+09:00").args(["due", "--json"]).assert().success();
    for row in env.history() {
        assert!(row["elapsed_days"].as_u64().unwrap() == 0);
        assert!(row["interval_secs"].as_i64().unwrap() > 0);
    }
}

#[test]
fn undo_takes_back_answers_not_a_later_suspend() {
    let env = Env::new();
    env.write_deck(
        "two.yaml",
        "deck: two\ncards:\n  - id: a\n    front: A\n    back: a\n  - id: b\n    front: B\n    back: b\n",
    );
    // a, b answered good; a comes back early (learn-ahead) and is suspended; then both answers undone.
    let out = env.kioku(NOW).arg("review").write_stdin("\n3\n\n3\n:s\n:u\n:u\n:q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("suspended two/a\n") && stdout.contains("undone two/a\n"), "{stdout}");
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let (state, suspended): (i64, bool) = conn
        .query_row("SELECT state, suspended FROM cards WHERE key = 'two/a'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((state, suspended), (0, true), "the answer is undone, the suspend stays");
    // The undone card is not asked again while suspended: b is asked next.
    assert!(stdout.contains("undone two/a\ndone 0") || !stdout.contains("undone two/a\ncard two/a"), "{stdout}");
}

#[test]
fn suspend_from_another_process_waits_for_the_review_to_end() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).arg("due").assert().success();
    let mut first = env.spawn(None, &["review"]);
    let (_line, _out) = common::first_line(&mut first);
    let refused = env.kioku(NOW).args(["suspend", "alpha/a"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already using"));
    drop(first.stdin.take());
    assert!(first.wait().unwrap().success());
    env.kioku(NOW).args(["suspend", "alpha/a"]).assert().success();
}

#[test]
fn stats_count_study_days_across_the_rollover_and_a_dst_change() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let berlin = |now: &str| {
        let mut cmd = env.kioku(now);
        cmd.env("KIOKU_TZ", "Europe/Berlin");
        cmd
    };
    // 2025-03-30: clocks jump from 02:00 to 03:00. 03:30 is before the 04:00 rollover: still the
    // 29th. 04:30 is the 30th.
    berlin("2025-03-29T10:00:00+01:00").args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    berlin("2025-03-30T03:30:00+02:00").args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    berlin("2025-03-30T04:30:00+02:00").args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    let out = berlin("2025-03-30T12:00:00+02:00").args(["stats", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let calendar: Vec<u64> = v["calendar"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect();
    assert_eq!(&calendar[180..], &[2, 1], "two answers on the 29th's study day, one on the 30th");
    assert_eq!(v["current_streak_days"], 2);
    // The first card came back (learning, overdue) at 03:30 and graduated; the 04:30 answer
    // was a new card, now learning.
    assert_eq!((v["cards"]["learning"].as_u64(), v["cards"]["review"].as_u64()), (Some(1), Some(1)));
    let text = berlin("2025-03-30T12:00:00+02:00").arg("stats").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("streak: 2 days"));
}

#[test]
fn the_new_card_limit_counts_notes_when_siblings_are_buried_and_cards_when_not() {
    // Six notes with a reverse each; the queue reads only as many rows as the limit needs, yet
    // must give what the whole collection would: with burying, one card per note.
    let mut deck = String::from("deck: s\ncards:\n");
    for n in 1..=6 {
        deck.push_str(&format!("  - id: n{n}\n    front: F{n}\n    back: B{n}\n    reverse: true\n"));
    }
    let first_cards = |env: &Env, args: &[&str]| {
        let out = env.kioku(NOW).args(args).write_stdin("\n4\n".repeat(12)).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        lines_with(&stdout, "card ").iter().map(|l| l.split(' ').nth(1).unwrap().to_string()).collect::<Vec<_>>()
    };
    let env = Env::new();
    env.write_deck("s.yaml", &deck);
    env.kioku(NOW).args(["config", "set", "new_per_day", "2"]).assert().success();
    assert_eq!(first_cards(&env, &["review"]), ["s/n1", "s/n2"]);
    // Notes n1 and n2 were answered today: their reverses stay buried; four more notes.
    assert_eq!(first_cards(&env, &["review", "--new", "4"]), ["s/n3", "s/n4", "s/n5", "s/n6"]);
    let env = Env::new();
    env.write_deck("s.yaml", &deck);
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    env.kioku(NOW).args(["config", "set", "new_per_day", "3"]).assert().success();
    assert_eq!(first_cards(&env, &["review"]), ["s/n1", "s/n1:reverse", "s/n2"]);
}

#[test]
fn the_random_new_card_order_is_a_fixed_shuffle_of_every_new_card() {
    // Thirty notes with a reverse each. `random` picks the day's new cards from the whole deck by
    // a fixed hash of the card key (`new_card_rank`), shown in that order: the same on a fresh
    // database, and not the deck's first notes.
    let mut deck = String::from("deck: s\ncards:\n");
    for n in 1..=30 {
        deck.push_str(&format!("  - id: n{n:02}\n    front: F{n}\n    back: B{n}\n    reverse: true\n"));
    }
    let run = |settings: &[(&str, &str)]| {
        let env = Env::new();
        env.write_deck("s.yaml", &deck);
        for (key, value) in settings {
            env.kioku(NOW).args(["config", "set", key, value]).assert().success();
        }
        let out = env.kioku(NOW).arg("review").write_stdin("\n4\n".repeat(12)).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        lines_with(&stdout, "card ").iter().map(|l| l.split(' ').nth(1).unwrap().to_string()).collect::<Vec<_>>()
    };
    let rank = |k: &String| kioku::testing::scheduler::queue::new_card_rank(k);
    let ranked = |mut keys: Vec<String>, n: usize| {
        keys.sort_by_key(rank);
        keys.truncate(n);
        keys
    };
    let notes: Vec<String> = (1..=30).map(|n| format!("s/n{n:02}")).collect();
    let pairs: Vec<[String; 2]> = notes.iter().map(|n| [n.clone(), format!("{n}:reverse")]).collect();
    let random = [("new_card_order", "random"), ("new_per_day", "5")];
    let shown = run(&random);
    // With siblings buried a note counts once, as its best-ranked card (the other one is buried).
    let best_of_each_note = pairs.iter().map(|p| p.iter().min_by_key(|k| rank(k)).unwrap().clone()).collect();
    assert_eq!(shown, ranked(best_of_each_note, 5));
    assert_ne!(shown, notes[..5]);
    assert_eq!(run(&random), shown, "the same shuffle on another database");
    // Without burying, every card (reverses too) is drawn on its own.
    let no_bury = [("new_card_order", "random"), ("new_per_day", "5"), ("bury_siblings", "false")];
    assert_eq!(run(&no_bury), ranked(pairs.concat(), 5));
    // The default is the decks' order.
    assert_eq!(run(&[("new_per_day", "5")]), notes[..5]);
}

#[test]
fn deck_changes_wait_for_an_open_review_and_a_refused_review_changes_nothing() {
    // A note of zeta moved to beta (renamed_from) while a review of beta's card is open: the
    // move replaces rows, so it must not happen under the session answering them.
    let env = Env::new();
    env.write_deck("zeta.yaml", "cards:\n  - id: q\n    front: Q\n    back: q\n");
    env.kioku(NOW).args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    env.write_deck("zeta.yaml", "cards:\n  - id: r\n    front: R\n    back: r\n");
    env.write_deck("beta.yaml", "cards:\n  - id: y\n    front: Y\n    back: y\n");
    let mut first = env.spawn(Some(NOW), &["review", "beta"]);
    let (line, _out) = common::first_line(&mut first);
    assert_eq!(line.trim(), "card beta/y basic");
    env.write_deck("beta.yaml", "cards:\n  - id: y\n    renamed_from: zeta/q\n    front: Y\n    back: y\n");
    let before = env.dump();
    let second = env.kioku(NOW).arg("review").write_stdin(":q\n").output().unwrap();
    assert!(String::from_utf8_lossy(&second.stderr).contains("already using"));
    let due = env.kioku(NOW).arg("due").output().unwrap();
    assert!(due.status.success());
    assert!(String::from_utf8_lossy(&due.stderr).contains("deck changes will be read when it ends"));
    assert_eq!(env.dump(), before, "neither the refused review nor due changed the database");
    // The open session's answer is saved; then the move happens.
    let stdin = first.stdin.as_mut().unwrap();
    stdin.write_all(b"\n3\n:q\n").unwrap();
    assert!(first.wait().unwrap().success());
    assert_eq!(env.history().iter().filter(|r| r["card"] == "beta/y").count(), 1);
    env.kioku(NOW).arg("due").assert().success();
    // beta/y has history of its own now, so zeta/q's is not moved onto it.
    let cards: Vec<String> = env.history().iter().map(|r| r["card"].as_str().unwrap().to_string()).collect();
    assert_eq!(cards, ["zeta/q", "beta/y"]);
}
