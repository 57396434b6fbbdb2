//! The session lock: an OS file lock on `<db>.lock` beside the real file, released when the
//! process ends, so a second review on one database is refused clearly.

use std::fs::File;
use std::path::PathBuf;

use crate::{Error, Result};

use super::*;

impl Store {
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
}
