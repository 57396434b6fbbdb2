//! Issue 21 end to end through the binary: a backlog said plainly and new cards paused, breaks,
//! postpone and advance (logged as manual rows with their action), the forecast in `stats`.

mod common;

use common::{lines_with, Env};

const DAY1: &str = "2025-06-02T09:00:00+09:00";
/// Sixty days later: every card learned on day 1 is overdue.
const LATER: &str = "2025-08-01T09:00:00+09:00";

/// 30 cards learned on day 1 (no learning steps: good graduates at once), reviews limited to 5 a day.
fn learned() -> Env {
    let env = Env::with_bundled_decks();
    for (key, value) in [("learning_steps", ""), ("reviews_per_day", "5"), ("new_per_day", "30")] {
        env.kioku(DAY1).args(["config", "set", key, value]).assert().success();
    }
    let out = env.kioku(DAY1).args(["review", "--limit", "30"]).write_stdin("\n3\n".repeat(30)).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines_with(&String::from_utf8(out.stdout).unwrap(), "saved ").len(), 30);
    env
}

fn actions(env: &Env) -> Vec<String> {
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let mut stmt = conn.prepare("SELECT action FROM reviews WHERE action IS NOT NULL ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_backlog_is_said_and_pauses_new_cards() {
    let env = learned();
    let out = env.kioku(LATER).arg("review").write_stdin("\n3\n".repeat(10)).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // 30 overdue, none due today, 5 a day (no history of reviews yet: the limit is the pace):
    // 30 / 5 = 6 days.
    assert!(
        stdout.starts_with("  backlog: 30 overdue · 0 due today\n  at 5 reviews a day it is gone in 6 days\n"),
        "{stdout}"
    );
    assert_eq!(lines_with(&stdout, "saved ").len(), 5, "five reviews, then no new card: {stdout}");
    assert!(env.history().iter().skip(30).all(|r| r["state_before"] == "review"));
    assert!(stdout.contains("  backlog: 25 overdue"), "the summary says it again: {stdout}");
    // With the pause off, new cards follow the day's reviews.
    let env = learned();
    env.kioku(LATER).args(["config", "set", "backlog_pause_new", "false"]).assert().success();
    let out = env.kioku(LATER).args(["review", "--limit", "6"]).write_stdin("\n3\n".repeat(6)).output().unwrap();
    let history = env.history();
    assert_eq!(lines_with(&String::from_utf8(out.stdout).unwrap(), "saved ").len(), 6);
    assert_eq!(history.last().unwrap()["state_before"], "new");
}

#[test]
fn a_break_moves_its_reviews_and_stops_new_cards() {
    let env = learned();
    let out = env.kioku(DAY1).args(["break", "2025年6月4日", "10 June 2025"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("break 1 recorded: 2025-06-04 – 2025-06-10 (7 study days)"), "{stdout}");
    // No review card is due inside the break any more; each move is a manual row "break".
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let (start, end) = (20_243, 20_249); // study days of 2025-06-04 and 2025-06-10 (days since 1970)
    let inside: i64 = conn
        .query_row("SELECT count(*) FROM cards WHERE state = 2 AND due_day BETWEEN ?1 AND ?2", [start, end], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(inside, 0);
    assert!(!actions(&env).is_empty() && actions(&env).iter().all(|a| a == "break"));
    // During the break: no new cards (the reviews moved to its eve are shown if one studies).
    let out = env.kioku("2025-06-05T09:00:00+09:00").arg("review").write_stdin(":q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("left: 0 new ·") && !stdout.contains(" · new · "), "{stdout}");
    let list = env.kioku(DAY1).args(["break", "--list"]).output().unwrap();
    assert_eq!(String::from_utf8(list.stdout).unwrap(), "  1  2025-06-04 – 2025-06-10  (7 days)\n");
    // Bad input changes nothing.
    let before = env.dump();
    env.kioku(DAY1).args(["break", "2025-06-20", "2025-06-19"]).assert().code(1);
    env.kioku(DAY1).args(["break", "2025-06", "2025-06-19"]).assert().code(1);
    env.kioku(DAY1).args(["break", "--remove", "9"]).assert().code(1);
    assert_eq!(env.dump(), before);
    env.kioku(DAY1).args(["break", "--remove", "1"]).assert().success().stdout("removed break 1\n");
    // A break over an exam's last days is allowed, with a warning.
    env.kioku(DAY1).args(["plan", "--exam-date", "2025年7月1日"]).assert().success();
    let out = env.kioku(DAY1).args(["break", "2025-06-28", "2025-07-02"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("warning: the break covers some of the last 7 days before the exam on 2025-07-01"));
}

#[test]
fn postpone_and_advance_ask_then_log_their_action() {
    let env = learned();
    let before = env.dump();
    let out = env.kioku(LATER).args(["postpone", "3"]).write_stdin("yes\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "piped without --yes is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("add --yes"));
    assert_eq!(env.dump(), before, "nothing moved");
    let out = env.kioku(LATER).args(["postpone", "3", "--yes"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("postpone 3 cards by "), "{stdout}");
    assert!(stdout.contains("predicted recall when reviewed falls from"), "{stdout}");
    assert!(stdout.ends_with("postponed 3 cards\n"), "{stdout}");
    assert_eq!(actions(&env), vec!["postpone"; 3]);
    // Postponed cards are no longer due today: 27 overdue.
    let out = env.kioku(LATER).arg("review").write_stdin(":q\n").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("  backlog: 27 overdue"));
    // Advance: cards due later, to today.
    let out = env.kioku(DAY1).args(["advance", "2", "--yes"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("advance 2 cards to today"), "{stdout}");
    assert_eq!(actions(&env)[3..], ["advance", "advance"]);
    let rows = env.history();
    assert!(rows[rows.len() - 2..].iter().all(|r| r["kind"] == "manual" && r["rating"] == 0));
    env.kioku(LATER).args(["advance", "0", "--yes"]).assert().code(1);
}

#[test]
fn stats_says_how_the_forecast_was_placed() {
    let env = learned();
    env.kioku(DAY1).args(["config", "set", "easy_days", "sun:0"]).assert().success();
    env.kioku(DAY1).args(["break", "2025-06-20", "2025-06-22"]).assert().success();
    let out = env.kioku(DAY1).arg("stats").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("forecast placed with load balancing on · easy days sun:0\n"), "{stdout}");
    assert!(stdout.contains("break 2025-06-20 – 2025-06-22: no new cards, reviews moved around it\n"), "{stdout}");
}
