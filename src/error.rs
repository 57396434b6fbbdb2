//! One error type for the whole crate. Messages are written for the person at the terminal:
//! they say what is wrong, where, and what to do.

use std::path::PathBuf;

use crate::deck::Diagnostic;

/// Every failure kioku reports. All of them exit with status 1 (see `src/main.rs`), except a
/// broken pipe on stdout, which is a normal end (`| head`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more deck files are invalid; each diagnostic names `file:line:col`.
    #[error("{}", crate::deck::diagnostic::render_all(.0))]
    Deck(Vec<Diagnostic>),

    /// The database could not be opened or used; names the file and what to do.
    #[error("database {}: {message}", path.display())]
    Database { path: PathBuf, message: String },

    /// Another process holds the review lock on this database.
    #[error("another kioku session is already using {} (lock file {}); finish or quit it first", db.display(), lock.display())]
    Locked { db: PathBuf, lock: PathBuf },

    /// A value given on the command line or in a setting is not acceptable.
    #[error("{0}")]
    Input(String),

    /// A card key that no card in the database has, with keys that look like it.
    #[error("no card with key '{key}'{}", suggest(.similar))]
    UnknownCard { key: String, similar: Vec<String> },

    /// An answer or action on a card that changed since it was shown (another window, device or
    /// server answered it first); nothing was saved.
    #[error("card {key} changed elsewhere (another window or device) since it was shown; this answer was not saved")]
    Stale { key: String },

    /// The scheduler rejected a memory state (should not happen with valid parameters).
    #[error("scheduler: {0}")]
    Scheduler(String),

    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// True when the error is a closed stdout (`kioku history | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn suggest(similar: &[String]) -> String {
    if similar.is_empty() {
        "; keys look like deck/note-id, deck/note-id:reverse or deck/note-id:c1 (see `kioku history`)".to_string()
    } else {
        format!("; did you mean {}?", similar.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(" or "))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
