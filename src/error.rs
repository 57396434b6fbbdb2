//! One error type for the whole crate, and the process exit codes. Variants carry fields (paths,
//! values, limits), so they can be matched and tested; their messages come from the message
//! catalogue (`locales/{en,ja}/errors.ftl`) in the process language, and say what is wrong,
//! where, and what to do. The underlying cause stays available as `source()`.

use std::path::PathBuf;

use crate::deck::Diagnostic;
use crate::tr;

/// Every failure kioku reports. All of them exit with `ExitCode::Failure`, except a broken pipe
/// on stdout, which is a normal end (`| head`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more deck files are invalid; each diagnostic names `file:line:col`.
    Deck(Vec<Diagnostic>),

    /// The database could not be opened or used; names the file and what to do.
    Database { path: PathBuf, message: String },

    /// Another process holds the review lock on this database.
    Locked { db: PathBuf, lock: PathBuf },

    /// A card key that no card in the database has, with keys that look like it.
    UnknownCard { key: String, similar: Vec<String> },

    /// An answer or action on a card that changed since it was shown (another window, device or
    /// server answered it first); nothing was saved.
    Stale { key: String },

    /// The scheduler rejected a memory state (should not happen with valid parameters).
    Scheduler(String),

    /// A file could not be read, written or created (`action`); `source` is the system's reason.
    File {
        path: PathBuf,
        action: FileAction,
        #[source]
        source: std::io::Error,
    },

    /// A file to be written exists, and `--force` was not given.
    Exists { path: PathBuf },

    /// A path to read is a device, pipe, socket or folder.
    NotRegularFile { path: PathBuf },

    /// A file to read is larger than kioku reads of its kind.
    TooLarge { path: PathBuf, size_bytes: u64, limit_bytes: u64 },

    /// The decks folder is missing, or holds no deck files.
    DecksFolder { path: PathBuf, empty: bool },

    /// A setting or an option (`name`) given a value it does not take; `expected` says what it
    /// takes.
    Invalid { name: String, value: String, expected: Expected },

    /// A setting kioku does not have.
    UnknownSetting { key: String, known: Vec<String> },

    /// A deck id given on the command line that no deck file has.
    UnknownDeck { deck: String, known: Vec<String> },

    /// A tag given on the command line that no card has.
    UnknownTag { tag: String, known: Vec<String> },

    /// A CSV file (`file`, as given) kioku cannot read: at `line` (1-based, the header is line
    /// 1) when the problem is in a row.
    Csv { file: String, line: Option<u64>, problem: CsvProblem },

    /// Too few training items for FSRS.
    TooFewItems { items: usize, needed: usize },

    /// The deck files changed while kioku waited for a confirmation; nothing was done.
    DecksChanged,

    /// A confirmation was not given; nothing was done.
    NotConfirmed,

    /// Any other bad input, with its message already in the process language.
    Input(String),

    /// An input/output error that no file path belongs to (the standard streams).
    Io(#[from] std::io::Error),
}

/// What was being done to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    Read,
    Write,
    Create,
}

/// What a setting or option takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A whole number from `min` to `max`.
    WholeNumber { min: u32, max: u32 },
    /// A number from `min` to `max` (shown with two decimals).
    Number { min: f32, max: f32 },
    /// true or false.
    Bool,
    /// Delays like "1m 10m" (units s, m, h, d).
    Step,
    /// A delay from 1 s to 365 d.
    StepRange,
    /// A duration like 20m.
    Duration,
    /// Exactly one duration.
    OneDuration,
    /// What is wrong, said by the code that read it (e.g. the easy-days format).
    Other(String),
}

/// What is wrong in a CSV file.
#[derive(Clone, Debug, PartialEq)]
pub enum CsvProblem {
    /// The CSV reader's own message (quoting, UTF-8).
    Unreadable(String),
    /// A column the file must have is missing; `found` lists its header.
    NoColumn { column: String, found: Vec<String> },
    /// `review_rating` is not 1–4.
    Rating(String),
    /// `review_time` is not a time kioku reads.
    Time(String),
    /// A row that is not a review row from `kioku export reviews`.
    NotAReviewRow,
}

impl Error {
    /// True when the error is a closed stdout (`kioku history | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// `Error::File` for `path`, for `map_err`.
    pub fn file(path: impl Into<PathBuf>, action: FileAction) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::File { path, action, source }
    }
}

/// "a, b or c" in the process language.
fn alternatives(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{}{last}", init.join(&tr!("errors-list-separator")), tr!("errors-list-or")),
    }
}

/// The system's reason for a failed file operation, in the process language: the common kinds
/// in the catalogue's words, any other as the system says it.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => "errors-io-not-found",
        ErrorKind::PermissionDenied => "errors-io-permission",
        ErrorKind::AlreadyExists => "errors-io-exists",
        ErrorKind::IsADirectory => "errors-io-is-folder",
        ErrorKind::NotADirectory => "errors-io-not-folder",
        ErrorKind::StorageFull => "errors-io-full",
        ErrorKind::ReadOnlyFilesystem => "errors-io-read-only",
        _ => return e.to_string(),
    };
    if crate::i18n::lang() == crate::i18n::Lang::En {
        // The system's own words, which bug reports quote.
        return e.to_string();
    }
    tr!(key)
}

/// A path as shown in a message.
fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Error::Deck(diagnostics) => crate::deck::diagnostic::render_all(diagnostics),
            Error::Database { path, message } => tr!("errors-database", path = shown(path), message = message.as_str()),
            Error::Locked { db, lock } => tr!("errors-locked", db = shown(db), lock = shown(lock)),
            Error::UnknownCard { key, similar } if similar.is_empty() => tr!("errors-unknown-card", key = key.as_str()),
            Error::UnknownCard { key, similar } => tr!(
                "errors-unknown-card-similar",
                key = key.as_str(),
                similar = similar.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(&tr!("errors-list-or"))
            ),
            Error::Stale { key } => tr!("errors-stale", key = key.as_str()),
            Error::Scheduler(message) => tr!("errors-scheduler", message = message.as_str()),
            Error::File { path, action, source } => {
                let key = match action {
                    FileAction::Read => "errors-file-read",
                    FileAction::Write => "errors-file-write",
                    FileAction::Create => "errors-file-create",
                };
                tr!(key, path = shown(path), reason = io_reason(source))
            }
            Error::Exists { path } => tr!("errors-exists", path = shown(path)),
            Error::NotRegularFile { path } => tr!("errors-not-regular-file", path = shown(path)),
            Error::TooLarge { path, size_bytes, limit_bytes } => {
                tr!("errors-too-large", path = shown(path), size = mib(*size_bytes), limit = mib(*limit_bytes))
            }
            Error::DecksFolder { path, empty: false } => tr!("errors-decks-folder-missing", path = shown(path)),
            Error::DecksFolder { path, empty: true } => tr!("errors-decks-folder-empty", path = shown(path)),
            Error::Invalid { name, value, expected } => {
                let (name, value) = (name.as_str(), value.as_str());
                match expected {
                    Expected::OneOf(words) => {
                        tr!("errors-invalid-one-of", name = name, value = value, words = alternatives(words))
                    }
                    Expected::WholeNumber { min, max } => {
                        tr!("errors-invalid-whole", name = name, value = value, min = *min, max = *max)
                    }
                    Expected::Number { min, max } => tr!(
                        "errors-invalid-number",
                        name = name,
                        value = value,
                        min = format!("{min:.2}"),
                        max = format!("{max:.2}")
                    ),
                    Expected::Bool => tr!("errors-invalid-bool", name = name, value = value),
                    Expected::Step => tr!("errors-invalid-step", name = name, value = value),
                    Expected::StepRange => tr!("errors-invalid-step-range", name = name, value = value),
                    Expected::Duration => tr!("errors-invalid-duration", name = name, value = value),
                    Expected::OneDuration => tr!("errors-invalid-one-duration", name = name, value = value),
                    Expected::Other(detail) => format!("{name}: {detail}"),
                }
            }
            Error::UnknownSetting { key, known } => {
                tr!("errors-unknown-setting", key = key.as_str(), known = list(known))
            }
            Error::UnknownDeck { deck, known } => tr!("errors-unknown-deck", deck = deck.as_str(), known = list(known)),
            Error::UnknownTag { tag, known } => tr!("errors-unknown-tag", tag = tag.as_str(), known = list(known)),
            Error::Csv { file, line, problem } => {
                let at = match line {
                    Some(n) => format!("{file}:{n}"),
                    None => file.clone(),
                };
                let what = match problem {
                    CsvProblem::Unreadable(message) => message.clone(),
                    CsvProblem::NoColumn { column, found } => {
                        tr!("errors-csv-no-column", column = column.as_str(), found = list(found))
                    }
                    CsvProblem::Rating(value) => tr!("errors-csv-rating", value = value.as_str()),
                    CsvProblem::Time(value) => tr!("errors-csv-time", value = value.as_str()),
                    CsvProblem::NotAReviewRow => tr!("errors-csv-not-review-row"),
                };
                format!("{at}: {what}")
            }
            Error::TooFewItems { items, needed } => tr!("errors-too-few-items", n = *items, needed = *needed),
            Error::DecksChanged => tr!("errors-decks-changed"),
            Error::NotConfirmed => tr!("errors-not-confirmed"),
            Error::Input(message) => message.clone(),
            Error::Io(e) => e.to_string(),
        };
        f.write_str(&text)
    }
}

/// `bytes` in MiB for messages, rounded up ("64 MiB").
pub fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1024 * 1024))
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The process exit codes, in one place (what scripts rely on; never translated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Done (also a closed stdout: `kioku history | head`).
    Success,
    /// Bad input, a failed check (`lint` with errors), or any error.
    Failure,
    /// A usage error on the command line (clap exits with it itself).
    Usage,
    /// Ctrl-C in an interactive session: every answer given is saved (the shell's 130).
    Interrupted,
    /// SIGTERM or SIGHUP (the signal's number): answers saved, terminal restored; 128 + n.
    Signalled(i32),
}

impl ExitCode {
    /// The number the process exits with.
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Failure => 1,
            ExitCode::Usage => 2,
            ExitCode::Interrupted => 130,
            ExitCode::Signalled(signal) => 128 + signal,
        }
    }

    /// How a run that ended with `result` exits.
    pub fn of(result: &Result<ExitCode>) -> ExitCode {
        match result {
            Ok(code) => *code,
            Err(e) if e.is_broken_pipe() => ExitCode::Success,
            Err(_) => ExitCode::Failure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_documented_numbers() {
        let codes: Vec<i32> = [
            ExitCode::Success,
            ExitCode::Failure,
            ExitCode::Usage,
            ExitCode::Interrupted,
            ExitCode::Signalled(15),
            ExitCode::Signalled(1),
        ]
        .into_iter()
        .map(ExitCode::code)
        .collect();
        assert_eq!(codes, [0, 1, 2, 130, 143, 129]);
        let pipe = Error::Io(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(ExitCode::of(&Err(pipe)), ExitCode::Success);
        assert_eq!(ExitCode::of(&Err(Error::NotConfirmed)), ExitCode::Failure);
    }

    #[test]
    fn a_file_error_names_its_path_and_keeps_its_cause() {
        use std::error::Error as _;
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let e = Error::file("/tmp/x.csv", FileAction::Read)(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert!(e.to_string().contains("/tmp/x.csv"), "{e}");
        assert!(e.to_string().contains("permission denied"), "{e}");
        assert_eq!(e.source().map(|s| s.to_string()), Some("permission denied".to_string()));
    }

    #[test]
    fn every_variant_has_a_message_in_both_languages() {
        use crate::i18n::{message, Lang};
        let keys = [
            "errors-database",
            "errors-locked",
            "errors-unknown-card",
            "errors-unknown-card-similar",
            "errors-stale",
            "errors-scheduler",
            "errors-file-read",
            "errors-file-write",
            "errors-file-create",
            "errors-exists",
            "errors-not-regular-file",
            "errors-too-large",
            "errors-decks-folder-missing",
            "errors-decks-folder-empty",
            "errors-invalid-one-of",
            "errors-invalid-whole",
            "errors-invalid-number",
            "errors-invalid-bool",
            "errors-invalid-step",
            "errors-invalid-step-range",
            "errors-invalid-duration",
            "errors-invalid-one-duration",
            "errors-list-separator",
            "errors-list-or",
            "errors-unknown-setting",
            "errors-unknown-deck",
            "errors-unknown-tag",
            "errors-csv-no-column",
            "errors-csv-rating",
            "errors-csv-time",
            "errors-csv-not-review-row",
            "errors-too-few-items",
            "errors-decks-changed",
            "errors-not-confirmed",
        ];
        for key in keys {
            for lang in Lang::ALL {
                let text = message(lang, key, None);
                assert!(!text.is_empty() && text != key, "{key} in {lang:?}");
            }
        }
        // Japanese and English differ (the Japanese file is not a copy).
        assert_ne!(message(Lang::Ja, "errors-not-confirmed", None), message(Lang::En, "errors-not-confirmed", None));
    }
}
