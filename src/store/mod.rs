//! The SQLite store: the only place with SQL. One `Store` per run; WAL with
//! `synchronous=NORMAL`, foreign keys on, one transaction per answer, so an acknowledged answer
//! survives a killed process. Nothing here deletes history because a deck file is missing.

mod breaks;
mod schema;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row};

use crate::deck::{Card, FileCache, FileRecord};
use crate::scheduler::{CardSchedule, State, StudyDay};
use crate::{Error, Result};

pub use breaks::CardMove;
pub use schema::LATEST as SCHEMA_VERSION;

/// What produced a review row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewKind {
    Review,
    Cram,
    Exam,
    /// Suspend, unsuspend, bury, forget: rating 0.
    Manual,
}

impl ReviewKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::Review => "review",
            ReviewKind::Cram => "cram",
            ReviewKind::Exam => "exam",
            ReviewKind::Manual => "manual",
        }
    }
}

/// One row of the review log. Stability, difficulty, due and interval are as they are *after*
/// the row.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub card_key: String,
    pub reviewed_at_ms: i64,
    pub utc_offset_secs: i32,
    pub study_day: StudyDay,
    /// 1–4; 0 for manual rows.
    pub rating: u8,
    pub kind: String,
    pub state_before: State,
    pub state_after: State,
    pub elapsed_days: u32,
    pub interval_secs: i64,
    pub due_at_ms: Option<i64>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub duration_ms: i64,
}

impl ReviewRow {
    /// A row that leaves the card's schedule `s` as it is (cram, exam): state before = after,
    /// no elapsed days or interval, S, D and due as they are.
    pub fn log_only(
        card_key: &str,
        s: &CardSchedule,
        kind: ReviewKind,
        rating: u8,
        at: ReviewRowTime,
        duration_ms: i64,
    ) -> ReviewRow {
        ReviewRow {
            card_key: card_key.to_string(),
            reviewed_at_ms: at.at_ms,
            utc_offset_secs: at.utc_offset_secs,
            study_day: at.study_day,
            rating,
            kind: kind.as_str().to_string(),
            state_before: s.state,
            state_after: s.state,
            elapsed_days: 0,
            interval_secs: 0,
            due_at_ms: s.due_at_ms,
            stability: s.stability,
            difficulty: s.difficulty,
            duration_ms: duration_ms.max(0),
        }
    }
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Answers committed since the last checkpoint (`checkpoint_when_idle`).
    uncheckpointed: u32,
}

/// Answers after which `checkpoint_when_idle` moves the WAL into the database (about 500 pages).
const CHECKPOINT_EVERY_ANSWERS: u32 = 64;

/// How one try at opening the database ended, when it did not.
enum Attempt {
    /// Perhaps lost a race with another process creating or upgrading the file.
    Raced(Error),
    Failed(Error),
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when absent. An older schema is
    /// migrated after a copy `<file>.bak-YYYYMMDD-HHMMSS` is made beside it (named from `now`);
    /// a newer one is refused. Returns `Error::Database` naming the file and what to do.
    ///
    /// Two kioku processes creating or upgrading the same file at once: the one that loses the
    /// race to SQLite's locks tries again (for up to a second) and then finds it done.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        let started = std::time::Instant::now();
        loop {
            match Self::open_once(path, now) {
                Ok(store) => return Ok(store),
                Err(Attempt::Raced(_)) if started.elapsed().as_millis() < 1000 => {
                    std::thread::sleep(std::time::Duration::from_millis(50))
                }
                Err(Attempt::Raced(e) | Attempt::Failed(e)) => return Err(e),
            }
        }
    }

    fn open_once(path: &Path, now: DateTime<Utc>) -> std::result::Result<Store, Attempt> {
        let db_err = |message: String| Attempt::Failed(Error::Database { path: path.to_path_buf(), message });
        if path.as_os_str() == ":memory:" {
            return Err(db_err("is SQLite's in-memory database, which would keep nothing; give a file path".into()));
        }
        if path.is_dir() {
            return Err(db_err("is a folder; give the path of a database file, e.g. kioku.sqlite3".into()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| db_err(format!("cannot create folder {}: {e}", dir.display())))?;
        }
        let existed = path.exists();
        // Each name of a file gets its own WAL: two names (hard links) are two databases to
        // SQLite, and answers saved through one are lost through the other.
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return Err(db_err(format!(
                    "has {} hard links (names); SQLite keeps a separate log for each, so answers could be lost: \
                     keep one name (a symbolic link is fine)",
                    meta.nlink()
                )));
            }
        }
        // No URI handling: `file:…` is a file name like any other (SQLite reads a name that
        // starts with `file:` as a URI, so such a relative name gets a leading `./`).
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open_path =
            if path.to_string_lossy().starts_with("file:") { Path::new(".").join(path) } else { path.to_path_buf() };
        let fail = |e: rusqlite::Error| Attempt::Failed(db_error(path, e));
        // Another process creating or upgrading the file at the same moment: try again.
        let raced = |e: rusqlite::Error| Attempt::Raced(db_error(path, e));
        let mut conn = Connection::open_with_flags(&open_path, flags).map_err(fail)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(fail)?;
        // One statement, so both are read from one snapshot (another process may be creating it).
        let (version, tables): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(db_err(format!(
                "was written by a newer kioku (schema {version}; this one knows {SCHEMA_VERSION}); upgrade kioku to use it"
            )));
        }
        if existed && version == 0 {
            // An existing file with no schema must be empty, not someone else's database; checked
            // before anything is written to it.
            if tables > 0 {
                return Err(db_err("is an SQLite database but not kioku's; use --db to choose another file".into()));
            }
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(raced)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
        // Sessions checkpoint while the learner reads (`checkpoint_when_idle`); SQLite's own
        // checkpoint, which stalls the commit that triggers it, stays as a backstop.
        conn.pragma_update(None, "wal_autocheckpoint", 4_000).map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(fail)?;
        if existed && version < SCHEMA_VERSION && version > 0 {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(raced)?;
            let backup = PathBuf::from(format!("{}.bak-{}", path.display(), now.format("%Y%m%d-%H%M%S")));
            std::fs::copy(path, &backup)
                .map_err(|e| db_err(format!("cannot make the backup {} before upgrading: {e}", backup.display())))?;
        }
        schema::migrations().to_latest(&mut conn).map_err(|e| match e {
            // The SQL of the migration is no use to a learner; the reason is.
            rusqlite_migration::Error::RusqliteError { err, .. } => raced(err),
            other => db_err(format!("cannot upgrade the schema: {other}")),
        })?;
        Ok(Store { conn, path: path.to_path_buf(), uncheckpointed: 0 })
    }

    /// Copies the WAL back into the database file once 64 answers have been committed since the
    /// last time (a passive checkpoint: it never waits for other connections). Called while the
    /// learner reads a card, so the copying (and its fsync) is not inside an answer's commit, as
    /// SQLite's automatic checkpoint would be; it also keeps the WAL small.
    pub fn checkpoint_when_idle(&mut self) -> Result<()> {
        if self.uncheckpointed >= CHECKPOINT_EVERY_ANSWERS {
            let (busy, frames, copied): (i64, i64, i64) = self
                .conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(|e| self.err(e))?;
            if busy == 0 && frames == copied {
                // Everything copied: the next write starts the WAL over, which costs about as
                // much as an answer; a write of the same schema version does it now instead.
                let version: i64 =
                    self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.err(e))?;
                self.conn.pragma_update(None, "user_version", version).map_err(|e| self.err(e))?;
            }
            self.uncheckpointed = 0;
        }
        Ok(())
    }

    /// Whether the file could only be opened for reading (write-protected by the system).
    pub fn is_read_only(&self) -> Result<bool> {
        self.conn.is_readonly(rusqlite::MAIN_DB).map_err(|e| self.err(e))
    }

    /// Whether answers can be saved. Returns `Error::Database`
    /// ("check that the file and its folder are writable") for a read-only file, so a session
    /// refuses to start rather than failing at its first answer.
    pub fn check_writable(&self) -> Result<()> {
        // SQLite opens a write-protected file read-only without a word, and in WAL mode even
        // takes the write lock; only the first write would fail.
        if self.is_read_only()? {
            return Err(Error::Database {
                path: self.path.clone(),
                message: "is read-only, so answers could not be saved; check that the file and its folder are writable"
                    .into(),
            });
        }
        Ok(())
    }

    /// Caps the database at `pages` pages for this connection: simulates a full disk in tests.
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) -> Result<()> {
        self.conn.pragma_update(None, "max_page_count", pages).map_err(|e| self.err(e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        db_error(&self.path, e)
    }

    /// Takes the session lock (`<db>.lock` beside the real file, symlinks resolved; an OS file
    /// lock released when the process ends). Returns `Error::Locked` when another process holds it.
    pub fn lock_session(&self) -> Result<File> {
        self.lock_session_within(std::time::Duration::ZERO)
    }

    /// `lock_session`, trying again for up to `wait` (another command may hold the lock for the
    /// few milliseconds it takes to read in deck changes).
    pub fn lock_session_within(&self, wait: std::time::Duration) -> Result<File> {
        let real = std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        let lock = PathBuf::from(format!("{}.lock", real.display()));
        let file =
            File::options().create(true).truncate(false).write(true).open(&lock).map_err(|e| Error::Database {
                path: self.path.clone(),
                message: format!(
                    "cannot open its lock file {}: {e}; remove that file or fix its permissions",
                    lock.display()
                ),
            })?;
        let started = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(Error::Locked { db: self.path.clone(), lock }),
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(Error::Database {
                        path: self.path.clone(),
                        message: format!("cannot lock its lock file {}: {e}", lock.display()),
                    })
                }
            }
        }
    }

    // ---- deck files -------------------------------------------------------------------------

    /// The fingerprints of the deck files read by earlier runs, by path.
    pub fn file_records(&self) -> Result<FileCache> {
        let sql = "SELECT path, size, mtime_ns, hash, deck_id, checked_at_ms FROM deck_files";
        self.query_all(sql, [], |r| {
            let record = FileRecord {
                path: r.get(0)?,
                size: r.get::<_, i64>(1)? as u64,
                mtime_ns: r.get(2)?,
                hash: r.get(3)?,
                deck_id: r.get(4)?,
                checked_at_ms: r.get(5)?,
            };
            Ok((record.path.clone(), record))
        })
    }

    /// Starts the one transaction that brings card rows and file records in line with the deck
    /// files (`DeckSync`); nothing is written unless it is committed.
    pub fn begin_sync(&mut self) -> Result<DeckSync<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_error(&self.path, e))?;
        Ok(DeckSync { tx, path: &self.path })
    }

    /// Makes the rows match `cards`, every card of a collection with each deck's cards together
    /// in deck order (`DeckSync` for all decks at once; for tests and benchmarks).
    pub fn sync_cards(&mut self, cards: &[Card], now_ms: i64) -> Result<()> {
        let mut decks: Vec<(&str, Vec<Card>)> = Vec::new();
        for card in cards {
            match decks.last_mut() {
                Some((deck, list)) if *deck == card.deck => list.push(card.clone()),
                _ => decks.push((&card.deck, vec![card.clone()])),
            }
        }
        let sync = self.begin_sync()?;
        let ids: Vec<String> = decks.iter().map(|(d, _)| d.to_string()).collect();
        sync.keep_only_decks(&ids)?;
        for (deck, list) in &decks {
            sync.mark_gone(deck, &list.iter().map(|c| c.key.as_str()).collect())?;
        }
        let keys: HashSet<&str> = cards.iter().map(|c| c.key.as_str()).collect();
        for (_, list) in &decks {
            sync.upsert_deck(list, &|key| keys.contains(key), now_ms)?;
        }
        sync.commit()
    }

    /// One card's row id and schedule. Returns `Error::UnknownCard` when no card has `key`.
    pub fn schedule(&self, key: &str) -> Result<(i64, CardSchedule)> {
        self.conn
            .query_row(&format!("SELECT id, {SCHEDULE_COLUMNS} FROM cards WHERE key = ?1"), [key], |r| {
                Ok((r.get(0)?, schedule_from_row(r, 1)?))
            })
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| Error::UnknownCard { key: key.to_string(), similar: self.similar_keys(key) })
    }

    /// Streams the cards of one of today's lists that are in the decks, in queue order, to
    /// `visit` until it returns false: (re)learning cards due before `before_ms` (by due time),
    /// review cards due by a study day (most overdue first, then deck order), or new cards (deck
    /// order). Reads through an index, so stopping early costs only the rows visited.
    /// Only cards of `decks` when it is not empty.
    pub fn visit_cards(
        &self,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()> {
        let (condition, order, bound) = match list {
            CardList::Learning { before_ms } => ("state IN (1, 3) AND due_at_ms < ?1", "due_at_ms", before_ms),
            CardList::Due { by } => ("state = 2 AND due_day <= ?1", "due_day, deck, position", by.0 as i64),
            CardList::New => ("state = 0 AND ?1 = ?1", "deck, position", 0),
        };
        let in_decks = if decks.is_empty() {
            String::new()
        } else {
            format!(" AND deck IN ({})", (2..decks.len() + 2).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", "))
        };
        let sql = format!(
            "SELECT id, deck, position, (SELECT content FROM card_content WHERE card_id = cards.id), {SCHEDULE_COLUMNS}
             FROM cards WHERE position IS NOT NULL AND {condition}{in_decks} ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let values: Vec<rusqlite::types::Value> = std::iter::once(bound.into())
            .chain(decks.iter().map(|d| rusqlite::types::Value::Text(d.clone())))
            .collect();
        let mut rows = stmt.query(rusqlite::params_from_iter(values)).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = (|| {
                Ok(StoredCard {
                    id: r.get(0)?,
                    deck: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    position: r.get(2)?,
                    content: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    schedule: schedule_from_row(r, 4)?,
                })
            })()
            .map_err(|e| self.err(e))?;
            if !visit(row)? {
                break;
            }
        }
        Ok(())
    }

    /// Every card in the decks, in deck order, without its content (for views of the whole
    /// collection, such as `stats`, that need no prompts).
    pub fn cards_in_decks(&self) -> Result<Vec<CardIndexRow>> {
        let sql = format!(
            "SELECT id, key, deck, tags, {SCHEDULE_COLUMNS} FROM cards WHERE position IS NOT NULL ORDER BY deck, position"
        );
        self.query_all(&sql, [], |r| {
            let (deck, tags) = deck_and_tags_at(r, 2)?;
            Ok(CardIndexRow { id: r.get(0)?, key: r.get(1)?, deck, tags, schedule: schedule_from_row(r, 4)? })
        })
    }

    /// The cards in the decks that `keep` accepts (by deck and tags), in deck order, each made
    /// by `make` from its row id, content and schedule (for `exam` and `cram`, which show any
    /// card in scope; made in place, as a whole collection of cards is large).
    pub fn cards_with_content<T>(
        &self,
        keep: &dyn Fn(&str, &[String]) -> bool,
        mut make: impl FnMut(i64, Card, CardSchedule) -> T,
    ) -> Result<Vec<T>> {
        let sql = format!(
            "SELECT id, deck, tags, (SELECT content FROM card_content WHERE card_id = cards.id), {SCHEDULE_COLUMNS}
             FROM cards WHERE position IS NOT NULL ORDER BY deck, position"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut cards = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let (id, (deck, tags)) =
                (r.get(0).map_err(|e| self.err(e))?, deck_and_tags_at(r, 1).map_err(|e| self.err(e))?);
            if !keep(&deck, &tags) {
                continue;
            }
            let content: Option<String> = r.get(3).map_err(|e| self.err(e))?;
            let schedule = schedule_from_row(r, 4).map_err(|e| self.err(e))?;
            let row = StoredCard { id, deck, position: 0, schedule, content: content.unwrap_or_default() };
            let card = self.stored_card(&row)?;
            cards.push(make(id, card, row.schedule));
        }
        Ok(cards)
    }

    /// The card stored with a row (`card_content`). Returns `Error::Database` when it cannot be
    /// read back (a damaged row).
    pub fn stored_card(&self, row: &StoredCard) -> Result<Card> {
        serde_json::from_str(&row.content).map_err(|_| Error::Database {
            path: self.path.clone(),
            message: format!(
                "card row {} cannot be read back; remove the deck file records with \
                 `sqlite3 <db> 'DELETE FROM deck_files'` so the decks are read again, or restore a backup",
                row.id
            ),
        })
    }

    /// Ids of the decks of every deck file read (a deck without cards included), sorted.
    pub fn file_deck_ids(&self) -> Result<Vec<String>> {
        self.query_all("SELECT DISTINCT deck_id FROM deck_files ORDER BY deck_id", [], |r| r.get(0))
    }

    /// Every tag of the cards in the decks (only of the decks `only` accepts), sorted, each once.
    pub fn tags(&self, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT deck, tags FROM cards WHERE position IS NOT NULL AND tags IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], deck_and_tags).map_err(|e| self.err(e))?;
        let mut tags = std::collections::BTreeSet::new();
        for row in rows {
            let (deck, list) = row.map_err(|e| self.err(e))?;
            if only(&deck) {
                tags.extend(list);
            }
        }
        Ok(tags.into_iter().collect())
    }

    /// Per deck (sorted by id): cards available on `today` that are (new, (re)learning due
    /// before `day_end_ms`, review due by `today`), before any daily limit.
    pub fn due_counts(&self, today: StudyDay, day_end_ms: i64) -> Result<Vec<(String, [usize; 3])>> {
        let sql = "SELECT deck,
                          coalesce(sum(available AND state = 0), 0),
                          coalesce(sum(available AND state IN (1, 3) AND due_at_ms < ?2), 0),
                          coalesce(sum(available AND state = 2 AND due_day <= ?1), 0)
                   FROM (SELECT deck, state, due_at_ms, due_day,
                                suspended = 0 AND (buried_until_day IS NULL OR buried_until_day <= ?1) AS available
                         FROM cards WHERE position IS NOT NULL AND deck IS NOT NULL)
                   GROUP BY deck ORDER BY deck";
        self.query_all(sql, params![today.0, day_end_ms], |r| {
            let count = |i| r.get::<_, i64>(i).map(|n| n as usize);
            Ok((r.get(0)?, [count(1)?, count(2)?, count(3)?]))
        })
    }

    /// Review cards in the decks per due study day.
    pub fn reviews_per_due_day(&self) -> Result<HashMap<StudyDay, usize>> {
        let sql = "SELECT due_day, count(*) FROM cards
                   WHERE state = 2 AND position IS NOT NULL AND due_day IS NOT NULL GROUP BY due_day";
        self.query_all(sql, [], |r| Ok((StudyDay(r.get(0)?), r.get::<_, i64>(1)? as usize)))
    }

    /// Deck and tags of the cards in the decks due on study day `day` (which runs from
    /// `start_ms` to `end_ms`, UTC): review cards due that day and (re)learning cards due within
    /// it, available then.
    pub fn due_on(&self, day: StudyDay, start_ms: i64, end_ms: i64) -> Result<Vec<(String, Vec<String>)>> {
        let mut found = Vec::new();
        // Two queries, so each reads through an index.
        let lists = [
            ("state = 2 AND due_day = ?1 AND ?2 = ?2 AND ?3 = ?3", [day.0 as i64, 0, 0]),
            ("state IN (1, 3) AND due_at_ms >= ?2 AND due_at_ms < ?3", [day.0 as i64, start_ms, end_ms]),
        ];
        for (condition, bounds) in lists {
            let sql = format!(
                "SELECT deck, tags FROM cards WHERE {condition} AND position IS NOT NULL AND suspended = 0
                 AND (buried_until_day IS NULL OR buried_until_day <= ?1)"
            );
            found.extend(self.query_all::<_, _, Vec<_>>(&sql, bounds, deck_and_tags)?);
        }
        Ok(found)
    }

    /// Deck and tags of every new card in the decks that is available on `today`.
    pub fn new_card_tags(&self, today: StudyDay) -> Result<Vec<(String, Vec<String>)>> {
        let sql = "SELECT deck, tags FROM cards WHERE state = 0 AND position IS NOT NULL AND suspended = 0
                   AND (buried_until_day IS NULL OR buried_until_day <= ?1)";
        self.query_all(sql, [today.0], deck_and_tags)
    }

    /// Runs `sql` and collects every row mapped by `row` (into a Vec, a map…); errors name the file.
    fn query_all<P: rusqlite::Params, T, C: FromIterator<T>>(
        &self,
        sql: &str,
        params: P,
        row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<C> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params, row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<C>>().map_err(|e| self.err(e))
    }

    /// Up to five card keys that start with, or contain, `key` (for "did you mean").
    fn similar_keys(&self, key: &str) -> Vec<String> {
        let Ok(mut stmt) = self.conn.prepare("SELECT key FROM cards") else {
            return Vec::new();
        };
        let keys: Vec<String> =
            stmt.query_map([], |r| r.get(0)).map(|rows| rows.filter_map(|r| r.ok()).collect()).unwrap_or_default();
        // Keys containing what was typed, then keys a few edits away (typos, a wrong suffix).
        let note = key.split(':').next().unwrap_or(key);
        let mut scored: Vec<(usize, &String)> = keys
            .iter()
            .filter_map(|k| {
                if k.contains(key) || (k.starts_with(note) && note.contains('/')) {
                    Some((0, k))
                } else {
                    let d = crate::answer::osa_distance(k, key);
                    (d <= 3).then_some((d, k))
                }
            })
            .collect();
        scored.sort();
        scored.into_iter().take(5).map(|(_, k)| k.clone()).collect()
    }

    /// Saves one answer (or manual action) in one transaction: the review row and the card's new
    /// schedule. When this returns, the answer is durable. Returns the review row's id.
    pub fn record(
        &mut self,
        card_id: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let before_json = serde_json::to_string(before).map_err(|x| Error::Scheduler(x.to_string()))?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        insert_review(&tx, card_id, row, &before_json).map_err(e)?;
        let review_id = tx.last_insert_rowid();
        write_schedule(&tx, card_id, after).map_err(e)?;
        tx.commit().map_err(e)?;
        self.uncheckpointed += 1;
        Ok(review_id)
    }

    /// Undoes review row `review_id`: deletes it and restores the schedule saved with it, in one
    /// transaction. Returns the restored schedule.
    pub fn undo(&mut self, review_id: i64) -> Result<CardSchedule> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let (card_id, before_json): (i64, String) = tx
            .query_row("SELECT card_id, card_before FROM reviews WHERE id = ?1", [review_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(e)?;
        let mut before: CardSchedule = serde_json::from_str(&before_json).map_err(|x| Error::Database {
            path: path.clone(),
            message: format!("review {review_id} has an unreadable saved state: {x}"),
        })?;
        // A suspend or bury made after this answer stays: undo takes back the answer only.
        let later_manual: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE card_id = ?1 AND id > ?2 AND kind = 'manual')",
                params![card_id, review_id],
                |r| r.get(0),
            )
            .map_err(e)?;
        if later_manual {
            let current = tx
                .query_row(&format!("SELECT {SCHEDULE_COLUMNS} FROM cards WHERE id = ?1"), [card_id], |r| {
                    schedule_from_row(r, 0)
                })
                .map_err(e)?;
            before.suspended = current.suspended;
            before.buried_until_day = current.buried_until_day;
        }
        tx.execute("DELETE FROM reviews WHERE id = ?1", [review_id]).map_err(e)?;
        write_schedule(&tx, card_id, &before).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(before)
    }

    /// Changes a card's schedule outside an answer, logging a manual row (rating 0).
    pub fn record_manual(
        &mut self,
        card_id: i64,
        key: &str,
        before: &CardSchedule,
        after: &CardSchedule,
        at: ReviewRowTime,
    ) -> Result<i64> {
        let row = ReviewRow {
            card_key: key.to_string(),
            reviewed_at_ms: at.at_ms,
            utc_offset_secs: at.utc_offset_secs,
            study_day: at.study_day,
            rating: 0,
            kind: ReviewKind::Manual.as_str().to_string(),
            state_before: before.state,
            state_after: after.state,
            elapsed_days: 0,
            interval_secs: 0,
            due_at_ms: after.due_at_ms,
            stability: after.stability,
            difficulty: after.difficulty,
            duration_ms: 0,
        };
        self.record(card_id, before, after, &row)
    }

    /// Logs a row (cram or exam) that leaves the card's schedule exactly as it is. Returns the
    /// row's id.
    pub fn record_log_only(&mut self, card_id: i64, schedule: &CardSchedule, row: &ReviewRow) -> Result<i64> {
        let before_json = serde_json::to_string(schedule).map_err(|x| Error::Scheduler(x.to_string()))?;
        insert_review(&self.conn, card_id, row, &before_json).map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Deletes a log-only row (undo in cram); the card is untouched.
    pub fn delete_log_row(&mut self, review_id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM reviews WHERE id = ?1 AND kind IN ('cram', 'exam')", [review_id])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Keys of cards answered "again" (in review, cram or exam) since `since_ms`.
    pub fn missed_since(&self, since_ms: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT c.key FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.rating = 1 AND r.reviewed_at_ms >= ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([since_ms], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Saves a finished exam paper.
    pub fn save_exam(&mut self, exam: &ExamRecord) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO exams (taken_at_ms, utc_offset_secs, seed, scope, questions, score, duration_ms, results)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    exam.taken_at_ms,
                    exam.utc_offset_secs,
                    exam.seed as i64,
                    exam.scope,
                    exam.questions,
                    exam.score,
                    exam.duration_ms,
                    exam.results
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Past exam papers, oldest first.
    pub fn exams(&self) -> Result<Vec<ExamRecord>> {
        let sql = "SELECT taken_at_ms, utc_offset_secs, seed, scope, questions, score, duration_ms, results
                   FROM exams ORDER BY id";
        self.query_all(sql, [], |r| {
            Ok(ExamRecord {
                taken_at_ms: r.get(0)?,
                utc_offset_secs: r.get(1)?,
                seed: r.get::<_, i64>(2)? as u64,
                scope: r.get(3)?,
                questions: r.get(4)?,
                score: r.get(5)?,
                duration_ms: r.get(6)?,
                results: r.get(7)?,
            })
        })
    }

    /// Rows in the log per card key.
    pub fn review_counts(&self) -> Result<HashMap<String, u32>> {
        let mut stmt = self
            .conn
            .prepare("SELECT c.key, count(r.id) FROM cards c LEFT JOIN reviews r ON r.card_id = c.id GROUP BY c.id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Deletes cards and their whole history, in one transaction (`orphans --prune`).
    pub fn delete_cards(&mut self, keys: &[String]) -> Result<()> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        for key in keys {
            tx.execute("DELETE FROM reviews WHERE card_id = (SELECT id FROM cards WHERE key = ?1)", [key])
                .map_err(e)?;
            tx.execute("DELETE FROM cards WHERE key = ?1", [key]).map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Records an exam plan; returns its id.
    pub fn add_plan(&mut self, plan: &Plan) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO plans (exam_day, target, decks, tags, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    plan.exam_day.0,
                    plan.target,
                    serde_json::to_string(&plan.decks).unwrap_or_default(),
                    serde_json::to_string(&plan.tags).unwrap_or_default(),
                    plan.created_at_ms
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every exam plan, by exam day.
    pub fn plans(&self) -> Result<Vec<Plan>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, exam_day, target, decks, tags, created_at_ms FROM plans ORDER BY exam_day, id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let list = |text: String| serde_json::from_str::<Vec<String>>(&text).unwrap_or_default();
                Ok(Plan {
                    id: r.get(0)?,
                    exam_day: StudyDay(r.get(1)?),
                    target: r.get(2)?,
                    decks: list(r.get(3)?),
                    tags: list(r.get(4)?),
                    created_at_ms: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Removes plan `id`; false when there is none.
    pub fn remove_plan(&mut self, id: i64) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM plans WHERE id = ?1", [id]).map_err(|e| self.err(e))? == 1)
    }

    // ---- the review log ---------------------------------------------------------------------

    /// The review log, oldest first, optionally for one card key.
    pub fn history(&self, key: Option<&str>) -> Result<Vec<ReviewRow>> {
        let sql = format!(
            "SELECT c.key, r.reviewed_at_ms, r.utc_offset_secs, r.study_day, r.rating, r.kind, r.state_before, r.state_after,
                    r.elapsed_days, r.interval_secs, r.due_at_ms, r.stability, r.difficulty, r.duration_ms
             FROM reviews r JOIN cards c ON c.id = r.card_id {} ORDER BY r.reviewed_at_ms, r.id",
            if key.is_some() { "WHERE c.key = ?1" } else { "" }
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = match key {
            Some(k) => stmt.query_map([k], review_row),
            None => stmt.query_map([], review_row),
        }
        .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Scheduled answers given on `day`: (card key, state before) for each, oldest first. Used
    /// for the daily limits and to bury siblings.
    pub fn answered_on(&self, day: StudyDay) -> Result<Vec<(String, State)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT c.key, r.state_before FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.study_day = ?1 AND r.kind = 'review' ORDER BY r.id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([day.0], |r| Ok((r.get(0)?, State::from_i64(r.get(1)?)))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Streams every scheduled answer (kind review), oldest first, to `f` without collecting the
    /// log in memory (for `stats` over long histories). Returns what `f` returns.
    pub fn with_scheduled_rows<T>(&self, f: impl FnOnce(&mut dyn Iterator<Item = ReviewRow>) -> T) -> Result<T> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, r.reviewed_at_ms, r.utc_offset_secs, r.study_day, r.rating, r.kind, r.state_before, r.state_after,
                        r.elapsed_days, r.interval_secs, r.due_at_ms, r.stability, r.difficulty, r.duration_ms
                 FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.kind = 'review' ORDER BY r.reviewed_at_ms, r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], review_row).map_err(|e| self.err(e))?;
        // A row that cannot be read ends the stream and is reported as the error.
        let mut failure = None;
        let mut good = rows.map_while(|r| r.map_err(|e| failure = Some(e)).ok());
        let out = f(&mut good);
        drop(good);
        match failure {
            Some(e) => Err(self.err(e)),
            None => Ok(out),
        }
    }

    /// Scheduled answers on `day`, oldest first: (card key, state before, rating).
    pub fn answers_on(&self, day: StudyDay) -> Result<Vec<(String, State, u8)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT c.key, r.state_before, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.study_day = ?1 AND r.kind = 'review' ORDER BY r.id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([day.0], |r| Ok((r.get(0)?, State::from_i64(r.get(1)?), r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The study days with a scheduled answer in the run of consecutive days that ends today or
    /// yesterday (all a streak needs): one indexed lookup per day, however long the log.
    pub fn recent_review_days(&self, today: StudyDay) -> Result<Vec<StudyDay>> {
        let mut stmt = self
            .conn
            .prepare("SELECT EXISTS (SELECT 1 FROM reviews WHERE study_day = ?1 AND kind = 'review')")
            .map_err(|e| self.err(e))?;
        let mut days = Vec::new();
        let mut day = today;
        while day.0 >= 0 {
            if stmt.query_row([day.0], |r| r.get(0)).map_err(|e| self.err(e))? {
                days.push(day);
            } else if day != today {
                break;
            }
            day = StudyDay(day.0 - 1);
        }
        Ok(days)
    }

    /// The study days with at least one scheduled answer.
    pub fn review_days(&self) -> Result<Vec<StudyDay>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT study_day FROM reviews WHERE kind = 'review'")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| Ok(StudyDay(r.get(0)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    // ---- settings ---------------------------------------------------------------------------

    /// Stored settings (validated text), by key.
    pub fn settings(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings").map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The settings in force. Returns `Error::Database` when a stored value is invalid (edited by
    /// hand), saying how to fix it.
    pub fn typed_settings(&self) -> Result<crate::settings::Settings> {
        crate::settings::Settings::from_stored(&self.settings()?).map_err(|e| Error::Database {
            path: self.path.clone(),
            message: format!("holds an invalid setting: {e}; fix it with `kioku config set KEY VALUE`"),
        })
    }

    /// The learner's trained FSRS parameters, if `kioku optimize` saved some.
    pub fn parameters(&self) -> Result<Option<Vec<f32>>> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [PARAMETERS_KEY], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        stored
            .map(|json| {
                serde_json::from_str(&json).map_err(|e| Error::Database {
                    path: self.path.clone(),
                    message: format!("holds unreadable FSRS parameters ({e}); run `kioku optimize` again"),
                })
            })
            .transpose()
    }

    /// Saves trained FSRS parameters (21 values).
    pub fn set_parameters(&mut self, parameters: &[f32]) -> Result<()> {
        let json = serde_json::to_string(parameters).map_err(|e| Error::Scheduler(e.to_string()))?;
        self.set_setting(PARAMETERS_KEY, &json)
    }

    /// Every scheduled answer, oldest first: (card key, time, rating), for training.
    pub fn scheduled_answers(&self) -> Result<Vec<(String, i64, u8)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT c.key, r.reviewed_at_ms, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.kind = 'review' ORDER BY r.reviewed_at_ms, r.id")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", params![key, value])
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

/// A database error naming the file, with what to do when the file itself is the problem.
fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let advice = match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            "; it is not a kioku database or is damaged: restore a backup (kioku.sqlite3.bak-…), or move it aside, or use --db to choose another file"
        }
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            "; check that the file and its folder are writable"
        }
        Some(ErrorCode::DiskFull) => "; free some disk space and try again (nothing was saved)",
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "; another program is using it; try again",
        _ => "",
    };
    Error::Database { path: path.to_path_buf(), message: format!("{e}{advice}") }
}

/// The settings row holding trained FSRS parameters (JSON); not a user setting.
const PARAMETERS_KEY: &str = "fsrs_parameters";

/// One of today's lists of cards (`Store::visit_cards`).
#[derive(Clone, Copy, Debug)]
pub enum CardList {
    /// (Re)learning cards due before this time (UTC ms).
    Learning { before_ms: i64 },
    /// Review cards due on or before this study day.
    Due { by: StudyDay },
    /// New cards.
    New,
}

/// One transaction syncing card rows and file records with the deck files. Rows are never
/// deleted here: a card gone from the decks keeps its row and history, with position NULL.
/// Order matters for `renamed_from`: mark what is gone first (`keep_only_decks`, `mark_gone` for
/// every changed deck), then `upsert_deck`, so history moves only from a card that is gone.
pub struct DeckSync<'a> {
    tx: rusqlite::Transaction<'a>,
    path: &'a Path,
}

impl DeckSync<'_> {
    fn err(&self, e: rusqlite::Error) -> Error {
        db_error(self.path, e)
    }

    /// Marks gone the rows of every deck not in `deck_ids` (its file was removed or renamed).
    pub fn keep_only_decks(&self, deck_ids: &[String]) -> Result<()> {
        let mut stmt =
            self.tx.prepare("SELECT DISTINCT deck FROM cards WHERE position IS NOT NULL").map_err(|e| self.err(e))?;
        let present: Vec<Option<String>> =
            stmt.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(|e| self.err(e))?;
        for deck in present.into_iter().filter(|d| d.as_ref().is_none_or(|d| !deck_ids.contains(d))) {
            self.tx.execute("UPDATE cards SET position = NULL WHERE deck IS ?1", [deck]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Marks gone the rows of deck `deck` whose key is not in `keys` (its cards now).
    pub fn mark_gone(&self, deck: &str, keys: &HashSet<&str>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT key FROM cards WHERE deck = ?1 AND position IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let present: Vec<String> =
            stmt.query_map([deck], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(|e| self.err(e))?;
        for key in present.iter().filter(|k| !keys.contains(k.as_str())) {
            self.tx.execute("UPDATE cards SET position = NULL WHERE key = ?1", [key]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Inserts or rewrites the rows of one deck's cards, given in deck order: deck, position, tags
    /// and content (rows already equal are not written). A card with `renamed_from` takes over
    /// the old key's row (and so its history) when that row is gone from the decks (and is not
    /// a card of a deck being synced now, `synced`, whose row may not be written yet) and the card
    /// has no history of its own.
    pub fn upsert_deck(&self, cards: &[Card], synced: &dyn Fn(&str) -> bool, now_ms: i64) -> Result<()> {
        let e = |e: rusqlite::Error| self.err(e);
        let mut upsert = self
            .tx
            .prepare_cached(
                "INSERT INTO cards (key, created_at_ms, deck, position, tags) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (key) DO UPDATE SET deck = ?3, position = ?4, tags = ?5
                 WHERE deck IS NOT ?3 OR position IS NOT ?4 OR tags IS NOT ?5",
            )
            .map_err(e)?;
        let mut upsert_content = self
            .tx
            .prepare_cached(
                "INSERT INTO card_content (card_id, content) SELECT id, ?2 FROM cards WHERE key = ?1
                 ON CONFLICT (card_id) DO UPDATE SET content = ?2 WHERE content IS NOT ?2",
            )
            .map_err(e)?;
        for (position, card) in cards.iter().enumerate() {
            if let Some(old) = card.renamed_from.as_deref() {
                let old_gone: Option<bool> = self
                    .tx
                    .query_row("SELECT position IS NULL FROM cards WHERE key = ?1", [old], |r| r.get(0))
                    .optional()
                    .map_err(e)?;
                if old_gone == Some(true) && !synced(old) {
                    let own_history: bool = self
                        .tx
                        .query_row(
                            "SELECT EXISTS (SELECT 1 FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key = ?1)",
                            [&card.key],
                            |r| r.get(0),
                        )
                        .map_err(e)?;
                    if !own_history {
                        self.tx.execute("DELETE FROM cards WHERE key = ?1", [&card.key]).map_err(e)?;
                        self.tx
                            .execute("UPDATE cards SET key = ?1 WHERE key = ?2", params![card.key, old])
                            .map_err(e)?;
                    }
                }
            }
            let tags = serde_json::to_string(&card.tags).map_err(|x| Error::Scheduler(x.to_string()))?;
            let content = serde_json::to_string(card).map_err(|x| Error::Scheduler(x.to_string()))?;
            upsert.execute(params![card.key, now_ms, card.deck, position as i64, tags]).map_err(e)?;
            upsert_content.execute(params![card.key, content]).map_err(e)?;
        }
        Ok(())
    }

    /// Remembers a file just read, with its deck.
    pub fn save_record(&self, r: &FileRecord) -> Result<()> {
        self.tx
            .execute(
                "INSERT OR REPLACE INTO deck_files (path, size, mtime_ns, hash, deck_id, checked_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![r.path, r.size as i64, r.mtime_ns, r.hash, r.deck_id, r.checked_at_ms],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Updates the metadata of an unchanged file's record (size, mtime, when checked).
    pub fn refresh_record(&self, r: &FileRecord) -> Result<()> {
        self.tx
            .execute(
                "UPDATE deck_files SET size = ?2, mtime_ns = ?3, checked_at_ms = ?4 WHERE path = ?1",
                params![r.path, r.size as i64, r.mtime_ns, r.checked_at_ms],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Forgets the record of a file that is gone.
    pub fn forget_record(&self, path: &str) -> Result<()> {
        self.tx.execute("DELETE FROM deck_files WHERE path = ?1", [path]).map(drop).map_err(|e| self.err(e))
    }

    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tx.commit().map_err(|e| db_error(path, e))
    }
}

/// A card in the decks as the store indexes it: no prompt or answer.
pub struct CardIndexRow {
    pub id: i64,
    pub key: String,
    pub deck: String,
    pub tags: Vec<String>,
    pub schedule: CardSchedule,
}

/// A card row that is in the decks: its id, deck, place in the deck and schedule; the card
/// itself is decoded on demand (`Store::stored_card`).
pub struct StoredCard {
    pub id: i64,
    pub deck: String,
    pub position: i64,
    pub schedule: CardSchedule,
    content: String,
}

/// An exam the learner studies for (`kioku plan`).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub id: i64,
    pub exam_day: StudyDay,
    /// Retrievability wanted at the start of the exam day, 0–1.
    pub target: f32,
    /// Deck ids in scope; empty = every deck.
    pub decks: Vec<String>,
    /// Tags in scope (any of them); empty = every card.
    pub tags: Vec<String>,
    pub created_at_ms: i64,
}

impl Plan {
    /// Whether a card of `deck` with `tags` is studied for this exam.
    pub fn covers(&self, deck: &str, tags: &[String]) -> bool {
        (self.decks.is_empty() || self.decks.iter().any(|d| d == deck))
            && (self.tags.is_empty() || tags.iter().any(|t| self.tags.contains(t)))
    }
}

/// One finished exam paper.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamRecord {
    pub taken_at_ms: i64,
    pub utc_offset_secs: i32,
    /// The seed that replays the paper (`kioku exam --seed`).
    pub seed: u64,
    pub scope: String,
    pub questions: u32,
    pub score: u32,
    pub duration_ms: i64,
    /// JSON array of {card, form, verdict}.
    pub results: String,
}

/// When a manual row happens.
#[derive(Clone, Copy, Debug)]
pub struct ReviewRowTime {
    pub at_ms: i64,
    pub utc_offset_secs: i32,
    pub study_day: StudyDay,
}

impl ReviewRowTime {
    /// The instant `now`, with its zone offset and study day from `days`.
    pub fn new(now: DateTime<Utc>, days: &crate::scheduler::DayClock) -> ReviewRowTime {
        ReviewRowTime {
            at_ms: now.timestamp_millis(),
            utc_offset_secs: days.utc_offset_secs(now),
            study_day: days.study_day(now),
        }
    }
}

/// A review row from a query selecting the log's columns in the order `history` does.
fn review_row(r: &Row) -> rusqlite::Result<ReviewRow> {
    Ok(ReviewRow {
        card_key: r.get(0)?,
        reviewed_at_ms: r.get(1)?,
        utc_offset_secs: r.get(2)?,
        study_day: StudyDay(r.get(3)?),
        rating: r.get(4)?,
        kind: r.get(5)?,
        state_before: State::from_i64(r.get(6)?),
        state_after: State::from_i64(r.get(7)?),
        elapsed_days: r.get(8)?,
        interval_secs: r.get(9)?,
        due_at_ms: r.get(10)?,
        stability: r.get(11)?,
        difficulty: r.get(12)?,
        duration_ms: r.get(13)?,
    })
}

/// A row's deck and tags (JSON array) columns, the first two.
fn deck_and_tags(r: &Row) -> rusqlite::Result<(String, Vec<String>)> {
    deck_and_tags_at(r, 0)
}

/// A row's deck and tags (JSON array) columns, at `first` and the next.
fn deck_and_tags_at(r: &Row, first: usize) -> rusqlite::Result<(String, Vec<String>)> {
    let tags: Option<String> = r.get(first + 1)?;
    let tags = tags.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    Ok((r.get::<_, Option<String>>(first)?.unwrap_or_default(), tags))
}

const SCHEDULE_COLUMNS: &str =
    "state, step, stability, difficulty, due_at_ms, due_day, last_review_at_ms, last_review_day, reps, lapses, suspended, buried_until_day, leech";

fn schedule_from_row(r: &Row, first: usize) -> rusqlite::Result<CardSchedule> {
    let i = |n: usize| first + n;
    Ok(CardSchedule {
        state: State::from_i64(r.get(i(0))?),
        step: r.get(i(1))?,
        stability: r.get(i(2))?,
        difficulty: r.get(i(3))?,
        due_at_ms: r.get(i(4))?,
        due_day: r.get::<_, Option<i32>>(i(5))?.map(StudyDay),
        last_review_at_ms: r.get(i(6))?,
        last_review_day: r.get::<_, Option<i32>>(i(7))?.map(StudyDay),
        reps: r.get(i(8))?,
        lapses: r.get(i(9))?,
        suspended: r.get(i(10))?,
        buried_until_day: r.get::<_, Option<i32>>(i(11))?.map(StudyDay),
        leech: r.get(i(12))?,
    })
}

/// Inserts one review row; `card_before` is the schedule before it, as JSON (for undo).
fn insert_review(conn: &Connection, card_id: i64, row: &ReviewRow, card_before: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO reviews (card_id, reviewed_at_ms, utc_offset_secs, study_day, rating, kind, state_before, state_after,
                              elapsed_days, interval_secs, due_at_ms, stability, difficulty, duration_ms, card_before)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            card_id,
            row.reviewed_at_ms,
            row.utc_offset_secs,
            row.study_day.0,
            row.rating,
            row.kind,
            row.state_before.to_i64(),
            row.state_after.to_i64(),
            row.elapsed_days,
            row.interval_secs,
            row.due_at_ms,
            row.stability,
            row.difficulty,
            row.duration_ms,
            card_before
        ],
    )?;
    Ok(())
}

fn write_schedule(conn: &Connection, card_id: i64, s: &CardSchedule) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE cards SET state = ?2, step = ?3, stability = ?4, difficulty = ?5, due_at_ms = ?6, due_day = ?7,
                last_review_at_ms = ?8, last_review_day = ?9, reps = ?10, lapses = ?11, suspended = ?12,
                buried_until_day = ?13, leech = ?14
         WHERE id = ?1",
        params![
            card_id,
            s.state.to_i64(),
            s.step,
            s.stability,
            s.difficulty,
            s.due_at_ms,
            s.due_day.map(|d| d.0),
            s.last_review_at_ms,
            s.last_review_day.map(|d| d.0),
            s.reps,
            s.lapses,
            s.suspended,
            s.buried_until_day.map(|d| d.0),
            s.leech
        ],
    )?;
    Ok(())
}
