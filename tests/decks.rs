//! Deck files and the database: editing a deck keeps progress, a broken deck changes nothing,
//! unchanged files are not parsed again.

mod common;

use common::{lines_with, Env, SMALL_DECK};

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// Answers every card shown today with good, then quits.
fn review_all(env: &Env, now: &str) -> String {
    let out =
        env.kioku(now).args(["review", "--new", "100"]).write_stdin("\n3\n".repeat(40) + ":q\n").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn editing_a_deck_keeps_progress() {
    let env = Env::new();
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let stdout = review_all(&env, NOW);
    assert!(lines_with(&stdout, "saved ").len() >= 5);
    let before = env.schedules();
    let history_before = env.history().len();

    // Reorder notes, fix a typo in a back, add a note, move note c to a new deck with renamed_from.
    env.write_deck(
        "alpha.yaml",
        "deck: alpha\ntags: [t]\ncards:\n  - id: b\n    front: Question B\n    back: Answer B (fixed)\n  - id: a\n    front: Question A\n    back: Answer A\n    reverse: true\n  - id: d\n    front: New D\n    back: D\n",
    );
    env.write_deck(
        "beta.yaml",
        "deck: beta\ncards:\n  - id: c\n    renamed_from: alpha/c\n    cloze: \"{{c1::One}} and {{c2::two}}\"\n",
    );
    let out = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = env.schedules();
    for key in ["alpha/a", "alpha/a:reverse", "alpha/b"] {
        assert_eq!(after[key], before[key], "{key} keeps its state");
    }
    assert_eq!(after["beta/c:c1"], before["alpha/c:c1"], "history moved with renamed_from");
    assert_eq!(after["beta/c:c2"], before["alpha/c:c2"]);
    assert!(!after.contains_key("alpha/c:c1"));
    assert_eq!(after["alpha/d"].0, 0, "the added note is new");
    let history = env.history();
    assert_eq!(history.len(), history_before, "no review row lost");
    assert!(history.iter().any(|r| r["card"] == "beta/c:c1"));

    // Remove note b, run, restore it: its history and state come back untouched.
    env.write_deck(
        "alpha.yaml",
        "deck: alpha\ncards:\n  - id: a\n    front: Question A\n    back: Answer A\n    reverse: true\n",
    );
    env.kioku(NOW).args(["due"]).assert().success();
    let out = env.kioku(NOW).args(["history", "--json", "--card", "alpha/b"]).output().unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!rows.is_empty(), "an orphan keeps its history");
    env.write_deck(
        "alpha.yaml",
        SMALL_DECK.replace("  - id: c\n    cloze: \"{{c1::One}} and {{c2::two}}\"\n", "").as_str(),
    );
    env.kioku(NOW).args(["due"]).assert().success();
    assert_eq!(env.schedules()["alpha/b"], before["alpha/b"]);
}

#[test]
fn a_broken_deck_exits_1_with_positions_and_changes_nothing() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    review_all(&env, NOW);
    let dump_before = env.dump();
    env.write_deck("broken.yaml", "deck: broken\ncards:\n  - id: x\n    front: Q\n    anwser: A\n");
    env.write_deck(
        "dup.yaml",
        "cards:\n  - id: x\n    front: Q\n    back: A\n  - id: x\n    front: \"\"\n    back: B\n",
    );
    for args in [vec!["review"], vec!["due"]] {
        let out = env.kioku("2025-06-05T09:00:00+09:00").args(&args).write_stdin("\n3\n").output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        let broken = env.decks().join("broken.yaml").display().to_string();
        let dup = env.decks().join("dup.yaml").display().to_string();
        assert!(stderr.contains(&format!("{broken}:5:5: error: card 1 (line 3): unknown field `anwser`")), "{stderr}");
        assert!(stderr.contains(&format!("{dup}:5:9: error: duplicate note id 'x'")), "{stderr}");
        assert!(stderr.contains(&format!("{dup}:6:12: error: `front` is empty")), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(env.dump(), dump_before, "no row of the database changed");
}

#[test]
fn a_broken_deck_creates_no_database() {
    let env = Env::new();
    env.write_deck("bad.yaml", "cards:\n  - id: a\n    cloze: no deletion\n");
    let out = env.kioku(NOW).arg("review").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stderr)
        .unwrap()
        .replace(&env.decks().display().to_string(), "DECKS"));
    assert!(!env.db().exists());
}

#[test]
fn two_files_with_one_deck_id_are_an_error() {
    let env = Env::new();
    env.write_deck("one.yaml", "deck: same\ncards:\n  - id: a\n    front: Q\n    back: A\n");
    env.write_deck("two.yml", "deck: same\ncards:\n  - id: b\n    front: Q\n    back: A\n");
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("deck id 'same' is also the id of"));
}

#[test]
fn only_files_that_changed_are_parsed() {
    use kioku::testing::deck::{scan, DeckSource, FileCache};
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.write_deck("beta.yaml", "cards:\n  - id: x\n    front: Q\n    back: A\n");
    // Written an hour "ago", as most decks are: their size and mtime can be trusted.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in ["alpha.yaml", "beta.yaml"] {
        std::fs::File::options().write(true).open(env.decks().join(name)).unwrap().set_modified(hour_ago).unwrap();
    }
    let source = DeckSource::Dir(env.decks());
    let first = scan(&source, &FileCache::new()).unwrap();
    assert_eq!((first.changed.len(), first.kept.len()), (2, 0));
    let records: FileCache = first.changed.iter().map(|(_, r)| (r.path.clone(), r.clone())).collect();
    let second = scan(&source, &records).unwrap();
    assert_eq!((second.changed.len(), second.kept.len(), second.refreshed), (0, 2, 0));
    assert!(second.is_unchanged());
    env.write_deck("beta.yaml", "cards:\n  - id: x\n    front: Q2\n    back: A\n");
    let third = scan(&source, &records).unwrap();
    assert_eq!(third.changed.iter().map(|(d, _)| d.id.as_str()).collect::<Vec<_>>(), ["beta"]);
    std::fs::remove_file(env.decks().join("alpha.yaml")).unwrap();
    let fourth = scan(&source, &records).unwrap();
    assert_eq!(fourth.gone.len(), 1, "the removed file's record is gone");
}

#[test]
fn bad_settings_and_options_are_refused_clearly() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let out = env.kioku(NOW).args(["config", "set", "desired_retention", "1.2"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("desired_retention must be a number from 0.70 to 0.99"));
    env.kioku(NOW)
        .args(["config", "set", "learning_steps", "2m", "20m"])
        .assert()
        .success()
        .stdout("learning_steps = \"2m 20m\"\n");
    env.kioku(NOW).args(["config", "get", "learning_steps"]).assert().success().stdout("2m 20m\n");
    env.kioku(NOW).args(["config", "get", "nope"]).assert().code(1);
    env.kioku("yesterday").arg("due").assert().code(1);
    env.kioku(NOW).args(["--tz", "Mars/Olympus", "due"]).assert().code(1);
    env.kioku(NOW).args(["review", "--limit", "x"]).assert().code(2);
    // A file that is not a database.
    std::fs::write(env.db(), b"this is not sqlite, just text that is long enough to be read as a header").unwrap();
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a kioku database or is damaged"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn renamed_from_edge_cases_never_lose_a_card() {
    let env = Env::new();
    env.write_deck(
        "alpha.yaml",
        "cards:\n  - id: a\n    front: Q\n    back: A\n  - id: k\n    front: K\n    back: K\n",
    );
    env.kioku(NOW).args(["review"]).write_stdin("\n3\n\n3\n:q\n").assert().success();
    let before = env.schedules();
    // Two notes claim a's history: a deck error (the history can go to one only), and nothing
    // changes. (Claiming a note still in the deck is a deck error, tested elsewhere.)
    env.write_deck(
        "alpha.yaml",
        "cards:\n  - id: b\n    renamed_from: a\n    front: Q\n    back: A\n  - id: c\n    renamed_from: a\n    front: Q\n    back: A\n  - id: k\n    front: K\n    back: K\n",
    );
    let out = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("renamed_from 'a' is also given by card 1 (line 2)"),
        "{out:?}"
    );
    assert_eq!(env.schedules(), before);
    // With one claim, that note takes the history.
    env.write_deck(
        "alpha.yaml",
        "cards:\n  - id: b\n    renamed_from: a\n    front: Q\n    back: A\n  - id: c\n    front: Q\n    back: A\n  - id: k\n    front: K\n    back: K\n",
    );
    env.kioku(NOW).args(["due", "--json"]).assert().success();
    let after = env.schedules();
    assert_eq!(after["alpha/b"], before["alpha/a"], "the note takes the history");
    assert_eq!(after["alpha/c"].0, 0, "the other starts afresh");
    assert_eq!(after["alpha/k"], before["alpha/k"]);
    assert_eq!(env.history().len(), 2);
}

#[test]
fn hostile_deck_folders_and_files_are_refused_quickly() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    // A folder symlinked to its parent is not followed (no endless walk).
    std::fs::create_dir(env.decks().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", env.decks().join("sub/up1")).unwrap();
    std::os::unix::fs::symlink("..", env.decks().join("sub/up2")).unwrap();
    env.kioku(NOW).arg("due").assert().success();
    // A named pipe called *.yaml is not read (it would block forever).
    assert!(std::process::Command::new("mkfifo").arg(env.decks().join("pipe.yaml")).status().unwrap().success());
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a regular file"));
    std::fs::remove_file(env.decks().join("pipe.yaml")).unwrap();
    // Deep nesting and alias bombs are refused before the YAML library sees them.
    let deep = format!("cards:\n  - id: a\n    front: {}{}\n    back: x\n", "[".repeat(50_000), "]".repeat(50_000));
    env.write_deck("deep.yaml", &deep);
    let bomb = format!(
        "description: &s \"{}\"\ncards:\n  - id: a\n    front: x\n    back: y\n    tags: [{}]\n",
        "lol".repeat(1000),
        vec!["*s"; 200_000].join(", ")
    );
    env.write_deck("bomb.yaml", &bomb);
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bomb.yaml:6:") && stderr.contains("aliases (*name) expand to more than 100,000 values"),
        "{stderr}"
    );
    assert!(stderr.contains("deep.yaml:3:") && stderr.contains("YAML syntax"), "{stderr}");
}

#[test]
fn renamed_from_a_note_still_present_is_a_deck_error() {
    let env = Env::new();
    env.write_deck("d.yaml", "cards:\n  - id: a\n    front: x\n    back: y\n    renamed_from: a\n  - id: b\n    front: x\n    back: y\n    renamed_from: d/a\n");
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("d.yaml:5:19: error: renamed_from names 'a', which is still a note of this deck"),
        "{stderr}"
    );
    assert!(stderr.contains("d.yaml:9:19: error: renamed_from names 'a'"), "{stderr}");
    assert!(!env.db().exists());
}

#[test]
fn databases_that_would_keep_nothing_or_are_not_ours_are_refused_untouched() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let mut cmd = env.kioku(NOW);
    let out = cmd.env("KIOKU_DB", ":memory:").arg("review").write_stdin("\n3\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("in-memory database"));
    // `file:` is an ordinary file name, not a URI.
    let mut cmd = env.kioku(NOW);
    cmd.env("KIOKU_DB", "file:x.sqlite3").arg("review").write_stdin("\n3\n").assert().success();
    assert!(env.dir.path().join("file:x.sqlite3").exists());
    // Someone else's SQLite file is refused before anything is written to it.
    let foreign = env.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let out = env.kioku(NOW).env("KIOKU_DB", &foreign).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not kioku's"));
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
    // A review naming a deck that does not exist creates no database.
    let fresh = Env::new();
    fresh.write_deck("alpha.yaml", SMALL_DECK);
    fresh.kioku(NOW).args(["review", "nosuchdeck"]).assert().code(1);
    fresh.kioku(NOW).args(["review", "--tag", "nosuchtag"]).assert().code(1);
    assert!(!fresh.db().exists());
}

#[test]
fn optimize_evaluates_the_reference_log_and_refuses_too_little_history() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let log = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revlog-sample-12k.csv");
    let out = env.kioku(NOW).env("KIOKU_TZ", "UTC").args(["optimize", "--from-csv"]).arg(&log).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Reference figures (shared/data/README.md): 6,276 items; defaults 0.4535 / 0.0766; trained
    // 0.4428 / 0.0450.
    assert!(stdout.contains("12580 reviews of 1205 cards → 6276 training items"), "{stdout}");
    assert!(stdout.contains("current (FSRS-6 defaults)       0.4535      0.0766"), "{stdout}");
    assert!(stdout.contains("trained on this history         0.4428      0.0450"), "{stdout}");
    assert!(stdout.contains("a CSV log never changes your parameters"));
    // Two reviews are far from the 8 items FSRS needs: say so, change nothing.
    env.kioku(NOW).args(["review", "--limit", "2"]).write_stdin("\n3\n\n3\n").assert().success();
    let before = env.dump();
    let out = env.kioku(NOW).arg("optimize").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FSRS needs at least 8"));
    assert_eq!(env.dump(), before);
}

#[test]
fn an_older_schema_is_backed_up_then_migrated_and_a_newer_one_refused() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    // Make it a version-1 database (before exams, plans and the cards' deck columns existed).
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    // Cards as version 1 had them: one learner (no learner_id), no deck columns, no version.
    let v1_cards = "id, key, state, step, stability, difficulty, due_at_ms, due_day, last_review_at_ms, \
                    last_review_day, reps, lapses, suspended, buried_until_day, leech, created_at_ms";
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF;
         DROP INDEX cards_in_deck_order; DROP INDEX cards_by_due_day; DROP INDEX cards_by_deck;
         CREATE TABLE cards_v1 (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, state INTEGER NOT NULL DEFAULT 0,
             step INTEGER NOT NULL DEFAULT 0, stability REAL, difficulty REAL, due_at_ms INTEGER, due_day INTEGER,
             last_review_at_ms INTEGER, last_review_day INTEGER, reps INTEGER NOT NULL DEFAULT 0,
             lapses INTEGER NOT NULL DEFAULT 0, suspended INTEGER NOT NULL DEFAULT 0, buried_until_day INTEGER,
             leech INTEGER NOT NULL DEFAULT 0, created_at_ms INTEGER NOT NULL);
         INSERT INTO cards_v1 SELECT {v1_cards} FROM cards;
         DROP TABLE cards; ALTER TABLE cards_v1 RENAME TO cards;
         DROP TABLE card_content;
         DROP TABLE deck_files;
         CREATE TABLE deck_files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                                  hash TEXT NOT NULL, raw_json TEXT NOT NULL);
         DROP TABLE exams; DROP TABLE plans; DROP TABLE breaks; ALTER TABLE reviews DROP COLUMN action;
         ALTER TABLE reviews DROP COLUMN chosen_option;
         DROP INDEX reviews_by_day; ALTER TABLE reviews DROP COLUMN learner_id;
         CREATE INDEX reviews_by_day ON reviews(study_day);
         CREATE TABLE settings_v1 (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO settings_v1 SELECT key, value FROM settings; DROP TABLE settings;
         ALTER TABLE settings_v1 RENAME TO settings;
         DROP TABLE sessions; DROP TABLE sign_in_failures; DROP TABLE learners;
         PRAGMA user_version = 1;"
    ))
    .unwrap();
    drop(conn);
    let due = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
    assert!(due.status.success());
    // The decks are read again to fill the new columns: the deck's cards are counted.
    let due: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(due["decks"][0]["deck"], "alpha");
    assert_eq!(due["total"]["learning"], 1, "the card answered before the upgrade is in learning");
    let backups: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("kioku.sqlite3.bak-"))
        .collect();
    assert_eq!(backups, vec!["kioku.sqlite3.bak-20250601-000000".to_string()], "named from the clock, UTC");
    assert_eq!(env.history().len(), 1, "history kept across the upgrade");
    env.kioku(NOW).args(["exam", "--history"]).assert().success();
    // A database from a newer kioku is refused, untouched.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("PRAGMA user_version = 99;").unwrap();
    drop(conn);
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("written by a newer kioku (schema 99"));
}

#[test]
fn an_edit_that_keeps_size_and_mtime_is_still_seen_while_the_record_is_fresh() {
    // Some file systems keep mtimes to the second: a quick fix of the same length can leave size
    // and mtime as they were. A record made within 2 s of the file's mtime is not trusted alone.
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    let path = env.decks().join("alpha.yaml");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    env.kioku(NOW).arg("due").assert().success();
    env.write_deck("alpha.yaml", &SMALL_DECK.replace("Answer B", "Answer Z"));
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(mtime).unwrap();
    let out = env.kioku(NOW).args(["review", "--new", "9"]).write_stdin("\n3\n".repeat(9)).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Answer Z") && !text.contains("Answer B"), "{text}");
}

#[test]
fn removed_notes_and_files_leave_today_at_once_and_return_when_restored() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.write_deck("beta.yaml", "cards:\n  - id: x\n    front: X\n    back: x\n");
    let new_cards = |env: &Env| {
        let out = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["decks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["deck"].to_string(), d["new"].as_u64().unwrap()))
            .collect::<Vec<_>>()
    };
    // alpha: a, a:reverse, b, c:c1, c:c2; beta: x.
    assert_eq!(new_cards(&env), vec![("\"alpha\"".into(), 5), ("\"beta\"".into(), 1)]);
    env.write_deck(
        "alpha.yaml",
        &SMALL_DECK.replace("  - id: b\n    front: Question B\n    back: Answer B\n    tags: [extra]\n", ""),
    );
    std::fs::remove_file(env.decks().join("beta.yaml")).unwrap();
    assert_eq!(new_cards(&env), vec![("\"alpha\"".into(), 4)]);
    let out = env.kioku(NOW).args(["review", "--new", "9"]).write_stdin("\n3\n".repeat(9)).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("alpha/b ") && !text.contains("beta/x"), "{text}");
    env.write_deck("alpha.yaml", SMALL_DECK);
    // a and c:c1 were answered; b is back, still new, beside a:reverse and c:c2.
    assert_eq!(new_cards(&env), vec![("\"alpha\"".into(), 3)]);
}

#[test]
fn history_moves_to_a_renamed_card_whichever_file_is_read_first() {
    // The new home's file sorts before the old one's: the move must not depend on that order.
    let env = Env::new();
    env.write_deck("zeta.yaml", "cards:\n  - id: x\n    front: X\n    back: x\n  - id: y\n    front: Y\n    back: y\n");
    env.kioku(NOW).args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    assert_eq!(env.history()[0]["card"], "zeta/x");
    env.write_deck("zeta.yaml", "cards:\n  - id: y\n    front: Y\n    back: y\n");
    env.write_deck("able.yaml", "cards:\n  - id: x\n    renamed_from: zeta/x\n    front: X\n    back: x\n");
    env.kioku(NOW).arg("due").assert().success();
    let history = env.history();
    assert_eq!((history.len(), history[0]["card"].as_str()), (1, Some("able/x")));
}

#[test]
fn a_misnamed_deck_or_tag_changes_nothing_even_when_files_changed() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).arg("due").assert().success();
    env.write_deck("alpha.yaml", &SMALL_DECK.replace("Answer B", "Answer B, fixed"));
    let before = env.dump();
    let out = env.kioku(NOW).args(["review", "alpah"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no deck 'alpah'; loaded decks: alpha"));
    let out = env.kioku(NOW).args(["stats", "--tag", "Extra"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no card has the tag 'Extra'"), "{out:?}");
    assert_eq!(env.dump(), before);
    // The tag of the changed file is known before it is synced.
    env.write_deck("alpha.yaml", &SMALL_DECK.replace("tags: [extra]", "tags: [added]"));
    env.kioku(NOW).args(["review", "--tag", "added"]).write_stdin(":q\n").assert().success();
}

#[test]
fn a_renamed_from_naming_a_card_that_is_back_in_its_deck_moves_nothing() {
    let env = Env::new();
    let zeta = "cards:\n  - id: x\n    front: X\n    back: x\n  - id: y\n    front: Y\n    back: y\n";
    env.write_deck("zeta.yaml", zeta);
    env.kioku(NOW).args(["review", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    env.write_deck("zeta.yaml", "cards:\n  - id: y\n    front: Y\n    back: y\n");
    env.kioku(NOW).arg("due").assert().success(); // zeta/x is gone (its history kept)
                                                  // x comes back to zeta, and a new deck (read first) also claims it: zeta/x keeps its history.
    env.write_deck("zeta.yaml", zeta);
    env.write_deck("able.yaml", "cards:\n  - id: x\n    renamed_from: zeta/x\n    front: X\n    back: x\n");
    env.kioku(NOW).arg("due").assert().success();
    assert_eq!(env.history()[0]["card"], "zeta/x");
}

#[test]
fn two_folders_default_decks_are_two_sets_of_files_and_empty_decks_are_listed() {
    // `./decks` seen from two folders: same name, size and mtime, different questions.
    let env = Env::new();
    let mtime = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_735_725_600);
    for (course, question) in [("x", "Course X question"), ("y", "Course Y question")] {
        let decks = env.dir.path().join(course).join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        let file = decks.join("alpha.yaml");
        std::fs::write(&file, format!("deck: alpha\ncards:\n  - id: a\n    front: {question}\n    back: A\n")).unwrap();
        std::fs::File::options().write(true).open(&file).unwrap().set_modified(mtime).unwrap();
        std::fs::write(decks.join("empty.yaml"), "deck: empty\ncards: []\n").unwrap();
    }
    let review_in = |course: &str| {
        let mut cmd = env.kioku(NOW);
        cmd.env("KIOKU_DECKS", "").current_dir(env.dir.path().join(course)).arg("review");
        String::from_utf8(cmd.write_stdin(":q\n").output().unwrap().stdout).unwrap()
    };
    assert!(review_in("x").contains("Course X question"));
    assert!(review_in("y").contains("Course Y question"), "an empty KIOKU_DECKS means ./decks");
    let mut cmd = env.kioku(NOW);
    cmd.env("KIOKU_DECKS", "").current_dir(env.dir.path().join("y")).args(["due", "--json"]);
    let due: serde_json::Value = serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap();
    let decks: Vec<&str> = due["decks"].as_array().unwrap().iter().map(|d| d["deck"].as_str().unwrap()).collect();
    assert_eq!(decks, ["alpha", "empty"], "a deck without cards is listed too");
}

#[test]
fn a_run_that_finds_none_of_the_last_runs_deck_files_says_so() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).arg("due").assert().success();
    // Its own ./decks seen from its folder is the same set of files: only the notice that
    // names the folder it depends on (issue 20), no warning.
    let here = env.kioku(NOW).env_remove("KIOKU_DECKS").env("KIOKU_LANG", "en").arg("due").output().unwrap();
    let said = String::from_utf8_lossy(&here.stderr);
    assert!(said.starts_with("kioku: using the decks in ") && said.lines().count() == 1, "{said}");
    // From a folder without ./decks, KIOKU_DECKS unset: the bundled decks.
    let elsewhere = env.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let run = || env.kioku(NOW).env_remove("KIOKU_DECKS").current_dir(&elsewhere).arg("due").output().unwrap();
    let out = run();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("using the bundled decks, none of which the last run used"), "{stderr}");
    assert!(run().stderr.is_empty(), "said once, when the files changed");
}

#[test]
fn slips_of_a_japanese_keyboard_are_named_where_they_are_and_change_nothing() {
    let env = Env::new();
    // Lines 3, 4, 6, 9 and 15 hold a slip each; the ： and ・ of lines 5 and 10 are content.
    let text = "\
cards:
  - id: a
    front：尹錫悦大統領が非常戒厳を宣布したのはいつ？
　　back: 2024年12月
    explanation: 本文：「昨年12月」・ 国会は即座に否定した。
  ＃ 次は選択問題
  - id: b
    question: 中国の投票は？
    answer:　棄権
    distractors: [・賛成]
  - id: c
    statement: 李在明が当選した。
    answer: true
    tags:
      ・ 人物
";
    env.write_deck("slips.yaml", text);
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(["lint", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(u64, u64, &str)> = found
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["line"].as_u64().unwrap(), d["col"].as_u64().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (3, 10, "fullwidth-colon"),
            (4, 1, "fullwidth-space"),
            (6, 3, "fullwidth-hash"),
            (9, 12, "fullwidth-space"),
            (15, 7, "fullwidth-dash")
        ]
    );
    assert!(found.iter().all(|d| d["hint"].as_str().unwrap().contains("(U+")), "{found:?}");
    // The text form: path:line:col, the line, a caret under the character (double width
    // counted), and the hint.
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").arg("review").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let file = env.decks().join("slips.yaml").display().to_string();
    assert!(
        stderr.contains(&format!(
            "{file}:3:10: error: `front` is followed by a full-width colon, so YAML does not see a field name\n  \
             |     front：尹錫悦大統領が非常戒厳を宣布したのはいつ？\n  |          ^\n  \
             = hint: replace ： (U+FF1A FULLWIDTH COLON) with a half-width colon and a space: `front: `"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("5 errors in the decks; nothing was changed"), "{stderr}");
    assert!(!env.db().exists());
}
