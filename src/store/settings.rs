//! Settings and trained FSRS parameters, stored as text by key.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};

use crate::{Error, Result};

use super::*;

/// The settings row holding trained FSRS parameters (JSON); not a user setting.
pub(super) const PARAMETERS_KEY: &str = "fsrs_parameters";

impl Store {
    /// Stored settings (validated text) in force for `learner`, by key: in a class database the
    /// class's own (learner 0), each replaced by the learner's where they set one.
    pub fn settings(&self, learner: LearnerId) -> Result<BTreeMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, value FROM settings WHERE learner_id IN (0, ?1) ORDER BY learner_id = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The settings in force. Returns `Error::Database` when a stored value is invalid (edited by
    /// hand), saying how to fix it.
    pub fn typed_settings(&self, learner: LearnerId) -> Result<crate::settings::Settings> {
        crate::settings::Settings::from_stored(&self.settings(learner)?).map_err(|e| Error::Database {
            path: self.path.clone(),
            message: format!("holds an invalid setting: {e}; fix it with `kioku config set KEY VALUE`"),
        })
    }

    /// The learner's trained FSRS parameters, if `kioku optimize` saved some.
    pub fn parameters(&self, learner: LearnerId) -> Result<Option<Vec<f32>>> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE learner_id = ?2 AND key = ?1",
                params![PARAMETERS_KEY, learner.0],
                |r| r.get(0),
            )
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
    pub fn set_parameters(&mut self, learner: LearnerId, parameters: &[f32]) -> Result<()> {
        let json = serde_json::to_string(parameters).map_err(|e| Error::Scheduler(e.to_string()))?;
        self.set_setting(learner, PARAMETERS_KEY, &json)
    }

    /// Stores one setting of `learner` (learner 0 of a class database: the class's own).
    pub fn set_setting(&mut self, learner: LearnerId, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO settings (learner_id, key, value) VALUES (?3, ?1, ?2)
                 ON CONFLICT(learner_id, key) DO UPDATE SET value = excluded.value",
                params![key, value, learner.0],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

/// One stored setting read before any command runs (the `language` setting): the file is opened
/// read-only, nothing is created, migrated or locked. None when there is no database file, no
/// such row, or the file cannot be read as a database (the command itself then reports that).
pub fn peek_setting(path: &std::path::Path, key: &str) -> Option<String> {
    // Only a regular, non-empty file: opening a FIFO would block, a device is no database.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() == 0 {
        return None;
    }
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(path, flags).ok()?;
    // A database from before schema 7 has no learner column; its rows are all the one learner's.
    conn.query_row("SELECT value FROM settings WHERE key = ?1 AND learner_id = 0", [key], |r| r.get(0))
        .or_else(|_| conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)))
        .ok()
}
