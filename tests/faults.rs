//! Faults: killed processes, damaged databases, a full disk. Bounded for CI; set
//! KIOKU_FAULT_RUNS (e.g. 50) for the full count of kills.

mod common;

use common::Env;

fn generated_deck(cards: usize) -> String {
    let mut text = String::from("deck: g\ncards:\n");
    for i in 0..cards {
        text.push_str(&format!("  - id: n{i}\n    front: \"Q{i}\"\n    back: \"A{i}\"\n"));
    }
    text
}

/// A generated deck of `notes` in `env`, loaded and synced into a store opened at `now`.
fn synced_store(env: &Env, notes: usize, now: chrono::DateTime<chrono::Utc>) -> kioku::testing::store::Store {
    use kioku::testing::deck::{self, DeckSource};
    env.write_deck("g.yaml", &generated_deck(notes));
    let collection = deck::load(&DeckSource::Dir(env.decks())).unwrap();
    let cards: Vec<_> = collection.decks.iter().flat_map(deck::expand).collect();
    let mut store = kioku::testing::store::Store::open(&env.db(), now).unwrap();
    store.sync_cards(kioku::testing::store::LearnerId::PERSONAL, &cards, now.timestamp_millis()).unwrap();
    store
}

#[test]
fn kill_9_at_random_points_never_loses_an_acknowledged_answer() {
    let runs: u64 = std::env::var("KIOKU_FAULT_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(6);
    let mut rng = kioku::testing::rng::Rng::new(2026);
    for run in 0..runs {
        let env = Env::new();
        env.write_deck("g.yaml", &generated_deck(1000));
        let kill_after = 1 + rng.below(999);
        let mut child = env.spawn(Some("2025-06-01T09:00:00Z"), &["review", "--new", "1000"]);
        // Alternate grades so both learning steps and graduations are written.
        let (_stdin, _stdout) =
            common::answer_until_saved(&mut child, kill_after, |k| if k % 3 == 0 { "1" } else { "3" });
        let acknowledged = kill_after;
        child.kill().unwrap();
        child.wait().unwrap();
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "run {run}");
        let rows: i64 = conn.query_row("SELECT count(*) FROM reviews", [], |r| r.get(0)).unwrap();
        assert_eq!(rows as usize, acknowledged, "run {run}: killed after {kill_after} acknowledged answers");
    }
}

#[test]
fn damaged_databases_get_a_clear_error_naming_the_file() {
    let env = Env::new();
    env.write_deck("g.yaml", &generated_deck(50));
    env.kioku("2025-06-01T09:00:00Z")
        .args(["review", "--limit", "20"])
        .write_stdin("\n3\n".repeat(20))
        .assert()
        .success();
    let good = std::fs::read(env.db()).unwrap();
    let name = env.db().display().to_string();
    // Truncated to half.
    std::fs::write(env.db(), &good[..good.len() / 2]).unwrap();
    let _ = std::fs::remove_file(format!("{name}-wal"));
    let out = env.kioku("2025-06-01T10:00:00Z").arg("due").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&name) && (stderr.contains("damaged") || stderr.contains("malformed")), "{stderr}");
    assert!(!stderr.contains("panicked"));
    // Garbage written over its pages (the header kept).
    let mut corrupt = good.clone();
    for b in corrupt.iter_mut().skip(100).take(8000) {
        *b = 0xA5;
    }
    std::fs::write(env.db(), &corrupt).unwrap();
    let out = env.kioku("2025-06-01T10:00:00Z").arg("due").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&name) && stderr.contains("restore a backup"), "{stderr}");
    // Not SQLite at all, and empty.
    std::fs::write(env.db(), "just some text, not a database at all, long enough for a header").unwrap();
    let out = env.kioku("2025-06-01T10:00:00Z").arg("due").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a kioku database or is damaged"));
    std::fs::write(env.db(), "").unwrap();
    env.kioku("2025-06-01T10:00:00Z").arg("due").assert().success(); // an empty file is a new database
}

#[test]
fn a_full_disk_reports_the_answer_that_failed_and_keeps_the_earlier_ones() {
    use chrono::{TimeZone, Utc};
    use kioku::testing::scheduler::{DayClock, Rating, Scheduler};
    use kioku::testing::session::review::{ReviewOptions, ReviewSession};
    use kioku::testing::session::Filter;
    use kioku::testing::settings::Settings;
    use kioku::testing::store::LearnerId;

    let env = Env::new();
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap();
    let mut store = synced_store(&env, 400, now);
    let settings = Settings { new_per_day: 400, ..Settings::default() };
    let scheduler = Scheduler::new(settings, None).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    // The disk "fills" a few pages past the current size.
    let pages: u32 =
        rusqlite::Connection::open(env.db()).unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    store.limit_pages_for_tests(pages + 3).unwrap();
    let mut session = ReviewSession::new(
        &store,
        LearnerId::PERSONAL,
        scheduler.into(),
        days,
        Filter::default(),
        ReviewOptions::default(),
        now,
    )
    .unwrap();
    let mut saved = 0;
    let failure = loop {
        let Some(index) = session.next(now) else { panic!("the disk never filled") };
        match session.answer(&mut store, index, Rating::Good, now, now) {
            Ok(_) => saved += 1,
            Err(e) => break e.to_string(),
        }
        assert!(saved < 10_000);
    };
    assert!(failure.contains("full"), "{failure}");
    // Earlier answers were saved: the message must not say nothing was.
    assert!(failure.contains("every answer acknowledged before it is kept"), "{failure}");
    assert!(!failure.contains("nothing was saved"), "{failure}");
    assert!(failure.contains(&env.db().display().to_string()), "{failure}");
    drop(session);
    drop(store);
    let rows: i64 = rusqlite::Connection::open(env.db())
        .unwrap()
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, saved, "every answer saved before the disk filled is there, the failed one is not");
}

#[test]
fn a_session_moves_the_log_into_the_database_while_the_learner_reads() {
    use chrono::{TimeZone, Utc};
    use kioku::testing::scheduler::{DayClock, Rating, Scheduler};
    use kioku::testing::session::review::{ReviewOptions, ReviewSession};
    use kioku::testing::session::Filter;
    use kioku::testing::settings::Settings;
    use kioku::testing::store::LearnerId;

    let env = Env::new();
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap();
    let mut store = synced_store(&env, 100, now);
    let scheduler = Scheduler::new(Settings { new_per_day: 100, ..Settings::default() }, None).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    let mut session = ReviewSession::new(
        &store,
        LearnerId::PERSONAL,
        scheduler.into(),
        days,
        Filter::default(),
        ReviewOptions::default(),
        now,
    )
    .unwrap();
    let wal = std::path::PathBuf::from(format!("{}-wal", env.db().display()));
    let frames = || -> (i64, i64, i64) {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap()
    };
    for _ in 0..63 {
        let index = session.next(now).unwrap();
        session.answer(&mut store, index, Rating::Good, now, now).unwrap();
        session.idle(&mut store).unwrap(); // not due yet: nothing happens
    }
    assert!(std::fs::metadata(&wal).unwrap().len() > 63 * 4096, "63 answers are in the log");
    let index = session.next(now).unwrap();
    session.answer(&mut store, index, Rating::Good, now, now).unwrap();
    session.idle(&mut store).unwrap();
    // The 64th answer's idle time copied the log into the database and started it over with one
    // page (the header written to restart it): the next answer appends from the start.
    assert_eq!(frames(), (0, 1, 1));
    drop(session);
    let rows: i64 = rusqlite::Connection::open(env.db())
        .unwrap()
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 64);
}

/// Makes a file read-only for as long as it lives: `chattr +i` (which binds root too), else
/// permissions (which bind other users). None when neither stops this process writing to it.
struct ReadOnly(std::path::PathBuf);

impl ReadOnly {
    fn make(path: &std::path::Path) -> Option<ReadOnly> {
        let immutable =
            std::process::Command::new("chattr").arg("+i").arg(path).output().is_ok_and(|o| o.status.success());
        if !immutable {
            let mut perms = std::fs::metadata(path).ok()?.permissions();
            perms.set_readonly(true);
            std::fs::set_permissions(path, perms).ok()?;
        }
        let guard = ReadOnly(path.to_path_buf());
        std::fs::OpenOptions::new().write(true).open(path).is_err().then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr").arg("-i").arg(&self.0).output();
        if let Ok(meta) = std::fs::metadata(&self.0) {
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, perms);
        }
    }
}

#[test]
fn a_read_only_database_is_named_before_a_session_starts_and_still_shows_what_is_due() {
    let env = Env::new();
    env.write_deck("g.yaml", &generated_deck(3));
    env.kioku("2025-06-01T10:00:00Z").arg("due").assert().success();
    let Some(_read_only) = ReadOnly::make(&env.db()) else {
        eprintln!("skipped: this system cannot make a file read-only for this user (root without chattr)");
        return;
    };
    let before = std::fs::read(env.db()).unwrap();
    let out = env.kioku("2025-06-01T10:00:00Z").arg("review").write_stdin("\n3\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&env.db().display().to_string()) && stderr.contains("writable"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("card "), "no card is shown that could not be saved");
    // Reading works: what is due, with deck changes not saved (and said so).
    env.write_deck("g.yaml", &generated_deck(4));
    let out = env.kioku("2025-06-01T10:00:00Z").arg("due").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only, so deck changes are not saved"));
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn a_database_with_two_names_is_refused_and_two_first_runs_at_once_both_work() {
    let env = Env::new();
    env.write_deck("g.yaml", &generated_deck(3));
    env.kioku("2025-06-01T10:00:00Z").arg("due").assert().success();
    // A hard link: SQLite would keep a log per name, and answers through one would be lost.
    let other = env.dir.path().join("other.sqlite3");
    std::fs::hard_link(env.db(), &other).unwrap();
    let out = env.kioku("2025-06-01T10:00:00Z").arg("review").write_stdin(":q\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has 2 hard links"), "{out:?}");
    std::fs::remove_file(&other).unwrap();
    env.kioku("2025-06-01T10:00:00Z").arg("review").write_stdin(":q\n").assert().success();
    // Two runs creating one new database at the same moment: both succeed (the loser of the
    // race to create the schema tries again).
    for _ in 0..5 {
        let fresh = env.dir.path().join("fresh.sqlite3");
        for suffix in ["", "-wal", "-shm", ".lock"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
        }
        let run = || {
            let mut cmd = env.std_command("2025-06-01T10:00:00Z");
            cmd.env("KIOKU_DB", &fresh).arg("due").stdout(std::process::Stdio::null());
            cmd.stderr(std::process::Stdio::piped()).spawn().unwrap()
        };
        let (a, b) = (run(), run());
        // On failure, say what kioku said (this race was seen to fail once on a loaded machine).
        for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
