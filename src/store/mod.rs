//! The SQLite store: the only place with SQL. One `Store` per run; WAL with
//! `synchronous=NORMAL`, foreign keys on, one transaction per answer, so an acknowledged answer
//! survives a killed process. Nothing here deletes history because a deck file is missing.

mod accounts;
pub mod anki_package;
mod breaks;
mod cards;
mod columns;
mod contract;
mod exams;
mod lock;
mod log;
mod open;
mod plans;
mod schema;
mod settings;
mod sync;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Row};

use crate::{Error, Result};

pub use accounts::{Account, NewAccount, Role};
pub use breaks::CardMove;
pub use cards::{CardIndexRow, CardList, StoredCard};
use columns::*;
pub use contract::{
    CalendarStorage, CardStorage, ExamStorage, LearnerId, LogStorage, PlanStorage, SessionLock, SessionStorage,
    Storage, SyncStorage,
};
pub use exams::ExamRecord;
pub use log::{NewestReview, ReviewKind, ReviewRow, ReviewRowTime};
pub use plans::Plan;
pub use schema::LATEST as SCHEMA_VERSION;
pub use settings::peek_setting;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Answers committed since the last checkpoint (`checkpoint_when_idle`).
    uncheckpointed: u32,
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        db_error(&self.path, e)
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
        Some(ErrorCode::DiskFull) => {
            "; free some disk space and try again (what failed here was not saved; every answer acknowledged before it is kept)"
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "; another program is using it; try again",
        _ => "",
    };
    Error::Database { path: path.to_path_buf(), message: format!("{e}{advice}") }
}
