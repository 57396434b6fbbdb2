//! The session lock: an OS file lock on `<db>.lock` beside the real file, released when the
//! process ends, so a second review on one database is refused clearly.

use std::fs::File;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::{Error, Result};

use super::*;

impl SessionStorage for Store {
    /// Takes the session lock (`<db>.lock` beside the real file, symlinks resolved; an OS file
    /// lock released when the process ends), trying again for up to `wait` (another command may
    /// hold it for the few milliseconds it takes to read in deck changes). Returns `Error::Locked`
    /// when another process holds it after that.
    /// One lock per database file: a class server holds it for every learner.
    fn lock_session(&self, _learner: LearnerId, wait: Duration) -> Result<SessionLock> {
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
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(SessionLock::new(file)),
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(20))
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

    fn idle(&mut self) -> Result<()> {
        self.checkpoint_when_idle()
    }
}
