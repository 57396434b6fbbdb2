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

/// Every migration in order; the database's `user_version` is how many have run.
const ALL: &[&str] = &[V1, V2, V3, V4, V5, V6, V7];

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
}
