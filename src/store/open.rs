//! Opening the database: refusing what is not kioku's, backups before a migration, pragmas
//! (WAL, synchronous=NORMAL), checkpoints while the learner reads, write protection.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::{Error, Result};

use super::*;

/// Answers after which `checkpoint_when_idle` moves the WAL into the database (about 500 pages).
pub(super) const CHECKPOINT_EVERY_ANSWERS: u32 = 64;

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
        if existed && version < SCHEMA_VERSION && version > 0 {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(raced)?;
            let backup = PathBuf::from(format!("{}.bak-{}", path.display(), now.format("%Y%m%d-%H%M%S")));
            std::fs::copy(path, &backup)
                .map_err(|e| db_err(format!("cannot make the backup {} before upgrading: {e}", backup.display())))?;
        }
        // Off while migrations run (SQLite as built here turns them on by default): V7 remakes
        // tables that others refer to, which the pragma cannot allow inside its transaction.
        conn.pragma_update(None, "foreign_keys", "OFF").map_err(fail)?;
        schema::migrations().to_latest(&mut conn).map_err(|e| match e {
            // The SQL of the migration is no use to a learner; the reason is.
            rusqlite_migration::Error::RusqliteError { err, .. } => raced(err),
            other => db_err(format!("cannot upgrade the schema: {other}")),
        })?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(fail)?;
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
}
