//! Schema migrations, numbered by `PRAGMA user_version` (rusqlite_migration). Append only: a
//! released migration is never edited.

use rusqlite_migration::{Migrations, M};

/// Version 1: cards and their schedules, the review log, settings, deck file fingerprints.
const V1: &str = r#"
CREATE TABLE cards (
    id                INTEGER PRIMARY KEY,
    key               TEXT NOT NULL UNIQUE,          -- deck/note-id[:variant]
    state             INTEGER NOT NULL DEFAULT 0,    -- 0 new, 1 learning, 2 review, 3 relearning
    step              INTEGER NOT NULL DEFAULT 0,
    stability         REAL,                          -- days
    difficulty        REAL,                          -- 1-10
    due_at_ms         INTEGER,                       -- UTC ms; review cards: start of due study day
    due_day           INTEGER,                       -- study day (days since 1970-01-01), review cards
    last_review_at_ms INTEGER,
    last_review_day   INTEGER,
    reps              INTEGER NOT NULL DEFAULT 0,
    lapses            INTEGER NOT NULL DEFAULT 0,
    suspended         INTEGER NOT NULL DEFAULT 0,
    buried_until_day  INTEGER,
    leech             INTEGER NOT NULL DEFAULT 0,
    created_at_ms     INTEGER NOT NULL
);
CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    card_id         INTEGER NOT NULL REFERENCES cards(id),
    reviewed_at_ms  INTEGER NOT NULL,                -- UTC ms
    utc_offset_secs INTEGER NOT NULL,                -- the zone's offset at that moment
    study_day       INTEGER NOT NULL,
    rating          INTEGER NOT NULL,                -- 1-4; 0 for manual rows
    kind            TEXT NOT NULL CHECK (kind IN ('review','cram','exam','manual')),
    state_before    INTEGER NOT NULL,
    state_after     INTEGER NOT NULL,
    elapsed_days    INTEGER NOT NULL,
    interval_secs   INTEGER NOT NULL,
    due_at_ms       INTEGER,                         -- after the row
    stability       REAL,                            -- after the row
    difficulty      REAL,                            -- after the row
    duration_ms     INTEGER NOT NULL,
    card_before     TEXT NOT NULL                    -- JSON schedule before the row, for undo
);
CREATE INDEX reviews_by_card ON reviews(card_id, id);
CREATE INDEX reviews_by_day ON reviews(study_day);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE deck_files (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash     TEXT NOT NULL,
    raw_json TEXT NOT NULL
);
"#;

/// Version 2: mock exam papers and their results.
const V2: &str = r#"
CREATE TABLE exams (
    id              INTEGER PRIMARY KEY,
    taken_at_ms     INTEGER NOT NULL,                -- UTC ms
    utc_offset_secs INTEGER NOT NULL,
    seed            INTEGER NOT NULL,                -- replays the paper
    scope           TEXT NOT NULL,                   -- decks and tags asked, as given
    questions       INTEGER NOT NULL,
    score           INTEGER NOT NULL,                -- right answers
    duration_ms     INTEGER NOT NULL,
    results         TEXT NOT NULL                    -- JSON: per question key, form, verdict
);
"#;

/// Version 3: exam plans.
const V3: &str = r#"
CREATE TABLE plans (
    id            INTEGER PRIMARY KEY,
    exam_day      INTEGER NOT NULL,                  -- study day of the exam
    target        REAL NOT NULL,                     -- retrievability wanted on the day, 0-1
    decks         TEXT NOT NULL,                     -- JSON array; empty = all
    tags          TEXT NOT NULL,                     -- JSON array; empty = all
    created_at_ms INTEGER NOT NULL
);
"#;

/// Version 4: each card row keeps what its deck says (deck, place, tags) and the card itself
/// (`card_content`, apart so that scans of `cards` stay small), so a review or `due` with
/// unchanged deck files reads only the rows it needs, never the decks. The deck file records
/// (which held each deck as JSON) are remade as fingerprints only, so every file is read once
/// more to fill the new columns.
const V4: &str = r#"
ALTER TABLE cards ADD COLUMN deck TEXT;             -- deck id
ALTER TABLE cards ADD COLUMN position INTEGER;      -- place in the deck's cards; NULL = gone from the decks
ALTER TABLE cards ADD COLUMN tags TEXT;             -- JSON array: deck tags, then note tags
CREATE TABLE card_content (
    card_id INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
    content TEXT NOT NULL                            -- JSON: the card as shown (prompt, answer, judge...)
);
DROP TABLE deck_files;
CREATE TABLE deck_files (
    path          TEXT PRIMARY KEY,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    hash          TEXT NOT NULL,
    deck_id       TEXT NOT NULL,                     -- the deck the file holds
    checked_at_ms INTEGER NOT NULL                   -- when the record was made (file-system clock)
);
CREATE INDEX cards_in_deck_order ON cards(state, deck, position);
CREATE INDEX cards_by_due_day ON cards(state, due_day, deck, position);
CREATE INDEX cards_by_deck ON cards(deck, position);
"#;

/// Version 5: breaks (study days away), and the action of a manual row (postpone, advance,
/// break…; NULL for older rows and for suspend/bury rows written before it).
const V5: &str = r#"
CREATE TABLE breaks (
    id            INTEGER PRIMARY KEY,
    first_day     INTEGER NOT NULL,                  -- study day, inclusive
    last_day      INTEGER NOT NULL,                  -- study day, inclusive
    created_at_ms INTEGER NOT NULL
);
ALTER TABLE reviews ADD COLUMN action TEXT;
"#;

/// Version 6: each card row's version, raised by every write of its schedule, so an answer to a
/// card shown before another window or device changed it is refused (`Store::record_if_unchanged`).
const V6: &str = "ALTER TABLE cards ADD COLUMN version INTEGER NOT NULL DEFAULT 0;";

/// Version 7: the option a student chose, kept with each answer to a choice or true/false card
/// (for the teacher's item analysis): the chosen option's text as the deck writes it (choice),
/// `true` or `false` (true/false), the empty text for "don't know" (an empty response); NULL for
/// every other kind of card, for manual rows and for answers saved before this version.
const V7: &str = "ALTER TABLE reviews ADD COLUMN chosen_option TEXT;";

/// Version 8: many learners in one database (a class, issue 16). Every row that belongs to a
/// learner names it (`learner_id`; 0 is a personal database's one learner, and in a class
/// database the class's own settings and the teacher's limits): cards with their schedules (each
/// learner has their own card rows, so a key is unique per learner), the review log, exams,
/// plans, breaks, settings and deck file records. `learners` holds a class's accounts (codes and
/// passwords only as argon2 hashes), `sessions` the sign-in sessions (the token only as a hash)
/// and `sign_in_failures` the failed sign-ins that rate limits count, so that any server on the
/// database can take any request. Tables whose key changes are remade (foreign keys are off
/// while migrations run).
const V8: &str = r#"
CREATE TABLE cards_v7 (
    id                INTEGER PRIMARY KEY,
    learner_id        INTEGER NOT NULL DEFAULT 0,
    key               TEXT NOT NULL,                 -- deck/note-id[:variant]
    state             INTEGER NOT NULL DEFAULT 0,
    step              INTEGER NOT NULL DEFAULT 0,
    stability         REAL,
    difficulty        REAL,
    due_at_ms         INTEGER,
    due_day           INTEGER,
    last_review_at_ms INTEGER,
    last_review_day   INTEGER,
    reps              INTEGER NOT NULL DEFAULT 0,
    lapses            INTEGER NOT NULL DEFAULT 0,
    suspended         INTEGER NOT NULL DEFAULT 0,
    buried_until_day  INTEGER,
    leech             INTEGER NOT NULL DEFAULT 0,
    created_at_ms     INTEGER NOT NULL,
    deck              TEXT,
    position          INTEGER,
    tags              TEXT,
    version           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (learner_id, key)
);
INSERT INTO cards_v7 (id, learner_id, key, state, step, stability, difficulty, due_at_ms, due_day,
        last_review_at_ms, last_review_day, reps, lapses, suspended, buried_until_day, leech,
        created_at_ms, deck, position, tags, version)
    SELECT id, 0, key, state, step, stability, difficulty, due_at_ms, due_day,
        last_review_at_ms, last_review_day, reps, lapses, suspended, buried_until_day, leech,
        created_at_ms, deck, position, tags, version FROM cards;
DROP INDEX cards_in_deck_order;
DROP INDEX cards_by_due_day;
DROP INDEX cards_by_deck;
DROP TABLE cards;
ALTER TABLE cards_v7 RENAME TO cards;
CREATE INDEX cards_in_deck_order ON cards(learner_id, state, deck, position);
CREATE INDEX cards_by_due_day ON cards(learner_id, state, due_day, deck, position);
CREATE INDEX cards_by_deck ON cards(learner_id, deck, position);

ALTER TABLE reviews ADD COLUMN learner_id INTEGER NOT NULL DEFAULT 0;
DROP INDEX reviews_by_day;
CREATE INDEX reviews_by_day ON reviews(learner_id, study_day);
ALTER TABLE exams ADD COLUMN learner_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN learner_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE breaks ADD COLUMN learner_id INTEGER NOT NULL DEFAULT 0;

CREATE TABLE settings_v7 (
    learner_id INTEGER NOT NULL DEFAULT 0,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (learner_id, key)
);
INSERT INTO settings_v7 (learner_id, key, value) SELECT 0, key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_v7 RENAME TO settings;

CREATE TABLE deck_files_v7 (
    learner_id    INTEGER NOT NULL DEFAULT 0,
    path          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    hash          TEXT NOT NULL,
    deck_id       TEXT NOT NULL,
    checked_at_ms INTEGER NOT NULL,
    PRIMARY KEY (learner_id, path)
);
INSERT INTO deck_files_v7 (learner_id, path, size, mtime_ns, hash, deck_id, checked_at_ms)
    SELECT 0, path, size, mtime_ns, hash, deck_id, checked_at_ms FROM deck_files;
DROP TABLE deck_files;
ALTER TABLE deck_files_v7 RENAME TO deck_files;

CREATE TABLE learners (
    id            INTEGER PRIMARY KEY,               -- the learner_id of their rows; from 1
    account       TEXT NOT NULL UNIQUE,              -- 学籍番号, or 'teacher'
    name          TEXT NOT NULL,                     -- 氏名 ('' for the teacher)
    class_group   TEXT NOT NULL DEFAULT '',          -- クラス
    role          TEXT NOT NULL CHECK (role IN ('student', 'teacher')),
    code_hash     TEXT,                              -- argon2 PHC string; NULL once a password is set
    password_hash TEXT,                              -- argon2 PHC string
    active        INTEGER NOT NULL DEFAULT 1,        -- 0: removed (rows kept, sign-in refused)
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,                  -- BLAKE2b of the cookie's token, hex
    learner_id    INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    csrf_token    TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_by_learner ON sessions(learner_id);
CREATE TABLE sign_in_failures (
    id        INTEGER PRIMARY KEY,
    account   TEXT NOT NULL,                         -- as typed (normalised), known or not
    address   TEXT NOT NULL,                         -- the client's IP address
    at_ms     INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_account ON sign_in_failures(account, at_ms);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures(address, at_ms);
"#;

/// Every migration in order; the database's `user_version` is how many have run.
const ALL: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(ALL.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this kioku writes: one per migration.
pub const LATEST: i64 = ALL.len() as i64;

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid_and_end_at_the_latest_version() {
        super::migrations().validate().unwrap();
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, super::LATEST);
    }

    /// A personal database from before the learners migration keeps every row, each now learner
    /// 0's, with its ids and references intact. (Counted from the list, so the test holds
    /// whatever number the migration ends up with.)
    #[test]
    fn the_learners_migration_makes_every_older_row_learner_0s() {
        let before = super::ALL.iter().position(|m| *m == super::V8).unwrap();
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_version(&mut conn, before).unwrap();
        conn.execute_batch(
            "INSERT INTO cards (id, key, created_at_ms, deck, position, tags, state, reps) VALUES (5, 'd/n1', 1, 'd', 0, '[]', 2, 1);
             INSERT INTO card_content (card_id, content) VALUES (5, '{}');
             INSERT INTO reviews (id, card_id, reviewed_at_ms, utc_offset_secs, study_day, rating, kind, state_before,
                                  state_after, elapsed_days, interval_secs, duration_ms, card_before)
                 VALUES (9, 5, 1, 0, 1, 3, 'review', 0, 2, 0, 86400, 10, '{}');
             INSERT INTO settings (key, value) VALUES ('new_per_day', '7');
             INSERT INTO deck_files (path, size, mtime_ns, hash, deck_id, checked_at_ms) VALUES ('/d.yaml', 1, 1, 'h', 'd', 1);
             INSERT INTO plans (exam_day, target, decks, tags, created_at_ms) VALUES (30, 0.9, '[]', '[]', 1);
             INSERT INTO breaks (first_day, last_day, created_at_ms) VALUES (3, 4, 1);
             INSERT INTO exams (taken_at_ms, utc_offset_secs, seed, scope, questions, score, duration_ms, results)
                 VALUES (1, 0, 1, 'all', 1, 1, 1, '[]');",
        )
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            one("SELECT key || ' ' || learner_id || ' ' || state || ' ' || reps FROM cards WHERE id = 5"),
            "d/n1 0 2 1"
        );
        assert_eq!(one("SELECT content FROM card_content WHERE card_id = 5"), "{}");
        assert_eq!(one("SELECT card_id || ' ' || learner_id FROM reviews WHERE id = 9"), "5 0");
        assert_eq!(one("SELECT value || learner_id FROM settings WHERE key = 'new_per_day'"), "70");
        assert_eq!(one("SELECT deck_id || learner_id FROM deck_files"), "d0");
        for table in ["plans", "breaks", "exams"] {
            assert_eq!(one(&format!("SELECT group_concat(learner_id) FROM {table}")), "0", "{table}");
        }
        let problems: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(problems, 0);
        // The same key for two learners; still once per learner.
        conn.execute("INSERT INTO cards (key, created_at_ms, learner_id) VALUES ('d/n1', 1, 3)", []).unwrap();
        assert!(conn.execute("INSERT INTO cards (key, created_at_ms, learner_id) VALUES ('d/n1', 1, 3)", []).is_err());
    }
}
