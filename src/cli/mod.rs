//! The command line: clap definitions, one file per subcommand, and the `Context` that turns
//! global options into paths, a clock and a time zone. The only layer that reads the clock,
//! the environment and the standard streams.

mod author;
mod breaks;
pub mod class;
mod config;
mod cram;
pub(crate) mod dates;
mod due;
mod exam;
mod export;
mod help;
mod history;
mod import;
pub mod input_file;
mod lint;
mod optimize;
mod orphans;
mod plan;
mod postpone;
mod report;
mod review;
pub(crate) mod scope;
pub mod serve;
mod shell;
mod stats;
mod suspend;
mod undo;
mod usage;

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Instant;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use clap::{Parser, Subcommand};

use crate::app;
use crate::deck::DeckSource;
use crate::scheduler::{DayClock, Scheduler};
use crate::settings::Settings;
use crate::store::{LearnerId, Store};
use crate::{Error, ExitCode, Result};

/// kioku (記憶): a quiz and flashcard trainer. YAML decks, FSRS-6 scheduling, every answer kept.
#[derive(Parser, Debug)]
#[command(name = "kioku", version, about)]
pub struct Cli {
    /// Database file [default: the platform data folder, kioku/kioku.sqlite3]
    #[arg(long, global = true, env = "KIOKU_DB", value_name = "PATH", value_parser = any_path())]
    pub db: Option<PathBuf>,

    /// Folder of deck files (*.yaml, *.yml, searched recursively) [default: the `decks` setting, else ./decks if present, else the bundled decks]
    #[arg(long, global = true, env = "KIOKU_DECKS", value_name = "DIR", value_parser = any_path())]
    pub decks: Option<PathBuf>,

    /// Pretend the session starts at this time (RFC 3339, e.g. 2025-05-21T09:00:00+09:00); time then runs on normally
    #[arg(long, global = true, env = "KIOKU_NOW", value_name = "RFC3339")]
    pub now: Option<String>,

    /// Time zone for study days (IANA name, e.g. Asia/Tokyo) [default: $TZ, else the system zone, else UTC]
    #[arg(long, global = true, env = "KIOKU_TZ", value_name = "ZONE")]
    pub tz: Option<String>,

    /// Language of screens and messages: ja or en [default: the language setting, else the locale]
    #[arg(long, global = true, env = "KIOKU_LANG", value_name = "ja|en", value_parser = lang_value)]
    pub lang: Option<String>,

    /// Accept a --now more than a day ahead on the default database (answers there are then dated in the future; a scratch --db is safer)
    #[arg(long, global = true)]
    pub allow_future_now: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Review today's cards (interactive in a terminal, the line protocol when piped)
    Review(review::Args),
    /// Show how many cards are due today, per deck
    Due(due::Args),
    /// Show the review log
    History(history::Args),
    /// Show or change settings
    Config(config::Args),
    /// Hide a card from reviews until it is unsuspended
    Suspend(suspend::Args),
    /// Bring a suspended card back into reviews
    Unsuspend(suspend::Args),
    /// Take back the last answer given in a review (if it is still its card's last change)
    Undo(undo::Args),
    /// Practise cards whatever their schedule (a deck, a tag, or the ones missed lately)
    Cram(cram::Args),
    /// A mock exam (choice, true/false, typed, order) that leaves the schedule alone
    Exam(exam::Args),
    /// List history whose card is gone from the decks (and prune it)
    Orphans(orphans::Args),
    /// Turn a CSV/TSV, Anki or Quizlet text export into a YAML deck
    Import(import::Args),
    /// Export a deck (Anki, CSV) or the review log (CSV in the FSRS tools' layout)
    Export(export::Args),
    /// Merge students' review exports into a table of cards by difficulty
    Report(report::Args),
    /// Print the JSON Schema of the deck format (for editor completion and checking)
    Schema,
    /// Write a commented starter deck
    New(author::NewArgs),
    /// Show every card of a deck as a student will see it
    Preview(author::PreviewArgs),
    /// Check deck files: every error and warning at once (exit 1 on errors)
    Lint(lint::Args),
    /// Study for an exam date: record it, or see each exam's plan
    Plan(plan::Args),
    /// Study days away: reviews due then move before or after them, no new cards (or --list, --remove ID)
    #[command(name = "break")]
    Break(breaks::Args),
    /// Move N due review cards later, showing the cost in predicted recall first
    Postpone(postpone::Args),
    /// Review N cards due later today instead, showing what it costs first
    Advance(postpone::Args),
    /// Statistics: cards by state, recall now, forecast, retention, calendar, weak spots
    Stats(stats::Args),
    /// Train FSRS on your review history (or evaluate it on a CSV review log)
    Optimize(optimize::Args),
    /// Review in a browser: serves the review on this machine (or the local network with --lan)
    Serve(serve::Args),
    /// A class on one server: make it from a roster, add or remove students, reset codes and passwords
    Class(class::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff), or write every command's page with --dir
    Man(shell::ManArgs),
}

/// Parses the command line and runs the command. Returns the process exit code.
pub fn run() -> Result<ExitCode> {
    // Help and clap's messages come before any database: flag, variable and locale only.
    let given = given_lang(std::env::args_os(), &env_var);
    crate::i18n::set_lang(crate::i18n::choose(given, None, &env_var));
    refuse_bad_lang_variable(std::env::args_os(), &env_var);
    let cli = parse()?;
    let ctx = Context::new(&cli)?;
    if given.is_none() {
        // The `language` setting, read without opening the store for writing.
        let setting = crate::store::peek_setting(&ctx.paths.db, "language");
        let setting = setting.and_then(|v| crate::settings::parse_language(&v).ok().flatten());
        crate::i18n::set_lang(crate::i18n::choose(None, setting, &env_var));
    }
    match cli.command {
        Some(Command::Review(args)) => return review::run(&ctx, args),
        Some(Command::Lint(args)) => return lint::run(&ctx, args),
        Some(Command::Schema) => author::schema(),
        Some(Command::Completions(args)) => shell::completions(args),
        Some(Command::Man(args)) => shell::man(args),
        Some(Command::Orphans(args)) => orphans::run(&ctx, args),
        Some(Command::Export(args)) => export::run(&ctx, args),
        Some(Command::Report(args)) => report::run(&ctx, args),
        Some(Command::Import(args)) => import::run(args),
        Some(Command::New(args)) => author::new(&ctx, args),
        Some(Command::Preview(args)) => author::preview(&ctx, args),
        Some(Command::Due(args)) => due::run(&ctx, args),
        Some(Command::History(args)) => history::run(&ctx, args),
        Some(Command::Config(args)) => config::run(&ctx, args),
        Some(Command::Suspend(args)) => suspend::run(&ctx, args, true),
        Some(Command::Unsuspend(args)) => suspend::run(&ctx, args, false),
        Some(Command::Undo(args)) => undo::run(&ctx, args),
        Some(Command::Optimize(args)) => optimize::run(&ctx, args),
        Some(Command::Stats(args)) => stats::run(&ctx, args),
        Some(Command::Exam(args)) => return exam::run(&ctx, args),
        Some(Command::Cram(args)) => return cram::run(&ctx, args),
        Some(Command::Serve(args)) => return serve::run(&ctx, args),
        Some(Command::Plan(args)) => plan::run(&ctx, args),
        Some(Command::Class(args)) => class::run(&ctx, args),
        Some(Command::Break(args)) => breaks::run(&ctx, args),
        Some(Command::Postpone(args)) => postpone::run(&ctx, args, postpone::Direction::Postpone),
        Some(Command::Advance(args)) => postpone::run(&ctx, args, postpone::Direction::Advance),
        None => due::status(&ctx),
    }?;
    Ok(ExitCode::Success)
}

/// Parses the command line with `--help` in the process language. Help and `--version` print
/// and exit 0; a usage error prints `kioku: error: …` (clap's message, which stays English) and
/// exits 2.
fn parse() -> Result<Cli> {
    use clap::{CommandFactory, FromArgMatches};
    let command = help::localized(Cli::command());
    let matches = command.clone().try_get_matches().unwrap_or_else(|e| usage_error(e, &command));
    Cli::from_arg_matches(&matches).map_err(|e| usage_error(e, &command))
}

/// A `KIOKU_LANG` kioku does not speak, with no `--lang` on the command line, is a usage error
/// that names the variable (clap would blame `--lang`, which was not typed). With `--lang` given,
/// the variable is set aside.
fn refuse_bad_lang_variable(args: impl IntoIterator<Item = std::ffi::OsString>, var: &dyn Fn(&str) -> Option<String>) {
    let flag_given = args.into_iter().skip(1).take_while(|a| a != "--").any(|a| {
        let a = a.to_string_lossy();
        a == "--lang" || a.starts_with("--lang=")
    });
    let value = var("KIOKU_LANG").unwrap_or_default();
    if flag_given {
        // The flag wins; clap would still read the variable for each subcommand and refuse it.
        std::env::remove_var("KIOKU_LANG");
        return;
    }
    if !value.trim().is_empty() && crate::i18n::Lang::parse(&value).is_none() {
        crate::cli::warn(&crate::tr!(
            "errors-error",
            message = crate::tr!("startup-lang-env-invalid", value = value.trim())
        ));
        std::process::exit(2)
    }
}

/// Prints a clap error and exits: help and version as clap writes them, anything else as
/// `kioku: error: …` on stderr with exit code 2.
fn usage_error(e: clap::Error, command: &clap::Command) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    use std::io::Write;
    let text = usage::message(&e, command).unwrap_or_else(|| {
        let text = e.to_string();
        text.strip_prefix("error: ").unwrap_or(&text).to_string()
    });
    let typed: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let text = usage::hide_variable_globals(&text, &typed);
    let _ = write!(std::io::stderr(), "{}", crate::tr!("errors-error", message = text));
    std::process::exit(2)
}

/// Global options resolved: where things are, what time it is, which zone.
pub struct Context {
    paths: app::Paths,
    /// Where `paths.decks` came from (the notice about ./decks, what `kioku new` says).
    pub decks_origin: DecksOrigin,
    /// The notice naming ./decks was given (once per run).
    noted_decks: std::cell::Cell<bool>,
    start: DateTime<Utc>,
    started: Instant,
    pub tz: Tz,
    /// `--now`/`KIOKU_NOW` was given: the clock is simulated.
    simulated: bool,
    /// The warning about a --now earlier than the log was given (once per run).
    warned_past: std::cell::Cell<bool>,
    /// A --now on the default database more than a day ahead of the real clock, refused when
    /// the database is opened unless `--allow-future-now` (issue 20: it dated a student's real
    /// history in the future).
    future_on_default_db: bool,
}

/// Where the decks folder in use came from, in order of precedence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DecksOrigin {
    /// `--decks` or `KIOKU_DECKS`.
    Given,
    /// The `decks` setting (`kioku config set decks DIR`).
    Setting,
    /// `./decks` in the folder kioku runs in.
    Here,
    /// None of those: the decks compiled into the binary.
    Bundled,
}

pub use crate::app::{Access, NameCheck, Names};

/// The store in line with the deck files (`Context::prepare`).
pub type Prepared = crate::app::Collection;

impl Context {
    fn new(cli: &Cli) -> Result<Context> {
        // An empty value (`KIOKU_NOW=`) means "not set", as it does for most tools.
        let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let (now, tz) = (given(&cli.now), given(&cli.tz));
        let start = match now.as_deref() {
            Some(text) => DateTime::parse_from_rfc3339(text.trim())
                .map_err(|_| Error::Input(crate::tr!("startup-now-invalid", text = text)))?
                .with_timezone(&Utc),
            None => Utc::now(),
        };
        if !(1970..=9000).contains(&chrono::Datelike::year(&start)) {
            return Err(Error::Input(crate::tr!("startup-now-out-of-range", now = start.to_rfc3339())));
        }
        let tz = match tz.as_deref() {
            Some(name) => parse_tz(name).ok_or_else(|| Error::Input(crate::tr!("startup-tz-unknown", name = name)))?,
            None => default_tz(),
        };
        let db_given = cli.db.as_ref().is_some_and(|p| !p.as_os_str().is_empty());
        let future_on_default_db =
            now.is_some() && !db_given && !cli.allow_future_now && start > Utc::now() + chrono::Duration::days(1);
        let db = match cli.db.as_ref().filter(|p| !p.as_os_str().is_empty()) {
            Some(p) => {
                // A mistyped folder would otherwise become a new, empty collection.
                if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
                    return Err(Error::Input(crate::tr!("startup-db-folder-missing", dir = dir.display().to_string())));
                }
                p.clone()
            }
            None => directories::ProjectDirs::from("", "", "kioku")
                .map(|d| d.data_dir().join("kioku.sqlite3"))
                .ok_or_else(|| Error::Input(crate::tr!("startup-no-data-folder")))?,
        };
        // --decks/KIOKU_DECKS > the `decks` setting > ./decks > the bundled decks. The setting is
        // peeked at read-only, so `lint` and `new` still create no database.
        let (decks, decks_origin) = match cli.decks.as_ref().filter(|p| !p.as_os_str().is_empty()) {
            Some(dir) => (DeckSource::Dir(dir.clone()), DecksOrigin::Given),
            None => match crate::store::peek_setting(&db, "decks").filter(|v| !v.trim().is_empty()) {
                Some(dir) => (DeckSource::Dir(PathBuf::from(dir)), DecksOrigin::Setting),
                None if PathBuf::from("decks").is_dir() => (DeckSource::Dir(PathBuf::from("decks")), DecksOrigin::Here),
                None => (DeckSource::Bundled, DecksOrigin::Bundled),
            },
        };
        Ok(Context {
            paths: app::Paths { db, decks },
            decks_origin,
            noted_decks: Default::default(),
            start,
            started: Instant::now(),
            tz,
            simulated: now.is_some(),
            warned_past: Default::default(),
            future_on_default_db,
        })
    }

    /// Says, once per run, that the decks come from `./decks` because of the folder kioku runs
    /// in (issue 20: the bundled decks vanished, without a word, where a `decks` folder was).
    pub fn note_decks_origin(&self) {
        if self.decks_origin == DecksOrigin::Here && !self.noted_decks.replace(true) {
            let dir = std::fs::canonicalize("decks").unwrap_or_else(|_| PathBuf::from("decks"));
            warn(&crate::tr!("setup-decks-here", dir = dir.display().to_string()));
        }
    }

    /// Which decks folder this run uses and why, as a line for people (`kioku suspend` says it
    /// when a key is not found: the card may be in another folder).
    pub fn decks_used(&self) -> String {
        let dir = match &self.paths.decks {
            DeckSource::Dir(dir) => std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone()).display().to_string(),
            DeckSource::Bundled => return crate::tr!("authoring-decks-bundled"),
        };
        let key = match self.decks_origin {
            DecksOrigin::Given => "authoring-decks-given",
            DecksOrigin::Setting => "authoring-decks-setting",
            _ => "authoring-decks-here",
        };
        crate::tr!(key, dir = dir)
    }

    /// Refuses a --now more than a day ahead on the default database (issue 20), before any
    /// database is opened or created.
    fn refuse_future_on_default_db(&self) -> Result<()> {
        if !self.future_on_default_db {
            return Ok(());
        }
        Err(Error::Input(crate::tr!(
            "setup-now-ahead",
            now = self.start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            db = self.paths.db.display().to_string()
        )))
    }

    /// Warns (once per run) when --now is more than an hour earlier than the newest row of the
    /// log: answers would be dated before it. The hour's grace is for scripts and tests that run
    /// several commands at one --now while time runs on.
    fn warn_if_before_log(&self, store: &Store) -> Result<()> {
        if !self.simulated || self.warned_past.replace(true) {
            return Ok(());
        }
        let grace_ms = 3_600_000;
        if let Some(latest) =
            store.latest_review_at_ms(LearnerId::PERSONAL)?.filter(|&ms| ms > self.start.timestamp_millis() + grace_ms)
        {
            let latest = DateTime::<Utc>::from_timestamp_millis(latest).unwrap_or_default();
            warn(&crate::tr!(
                "setup-now-before-log",
                now = self.start.with_timezone(&self.tz).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                db = self.paths.db.display().to_string(),
                last = latest.with_timezone(&self.tz).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ));
        }
        Ok(())
    }

    /// The current time: `--now` plus the time since start, or the system clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.start + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    /// Where the collection is.
    pub fn paths(&self) -> &app::Paths {
        &self.paths
    }

    /// Opens (or creates) the database, for commands that do not load decks.
    pub fn open_store(&self) -> Result<Store> {
        self.refuse_future_on_default_db()?;
        let (store, created) = self.paths.open_store(self.now())?;
        created.iter().for_each(show_warning);
        self.warn_if_before_log(&store)?;
        Ok(store)
    }

    /// Opens the database only if it exists (`app::Paths::open_existing_store`).
    pub fn open_existing_store(&self) -> Result<Option<Store>> {
        self.refuse_future_on_default_db()?;
        let store = self.paths.open_existing_store(self.now())?;
        if let Some(store) = &store {
            self.warn_if_before_log(store)?;
        }
        Ok(store)
    }

    pub fn days(&self, settings: &Settings) -> DayClock {
        app::day_clock(self.tz, settings)
    }

    /// Opens the collection and brings it in line with the deck files
    /// (`app::Paths::open_collection`), showing its warnings.
    pub fn prepare(&self, check: NameCheck, access: Access) -> Result<Prepared> {
        self.refuse_future_on_default_db()?;
        self.note_decks_origin();
        let (collection, warnings) = self.paths.open_collection(check, access, self.now())?;
        warnings.iter().for_each(show_warning);
        self.warn_if_before_log(&collection.store)?;
        Ok(collection)
    }

    /// The scheduler with the learner's trained FSRS parameters, else the defaults.
    pub fn scheduler(&self, store: &Store, settings: &Settings) -> Result<Scheduler> {
        app::scheduler(store, settings)
    }
}

/// Shows a warning of the application layer on stderr.
fn show_warning(warning: &app::Warning) {
    match warning {
        app::Warning::CreatedDatabase { path } => {
            warn(&crate::tr!("startup-created-database", path = path.display().to_string()))
        }
        app::Warning::OtherDecks { folder: Some(dir) } => {
            warn(&crate::tr!("startup-other-decks-folder", dir = dir.display().to_string()))
        }
        app::Warning::OtherDecks { folder: None } => warn(&crate::tr!("startup-other-decks-bundled")),
        app::Warning::ReadOnlyNotSynced { path } => {
            warn(&crate::tr!("startup-read-only", path = path.display().to_string()))
        }
        app::Warning::SessionOpenNotSynced => warn(&crate::tr!("startup-session-open")),
    }
}

/// An environment variable as text (None when unset or not Unicode).
fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// The language asked for on the command line (`--lang X`, `--lang=X`) or by `KIOKU_LANG`, read
/// before clap parses so its help is in that language. An empty or invalid value counts as not
/// given here (clap then refuses an invalid one).
pub fn given_lang(
    args: impl IntoIterator<Item = std::ffi::OsString>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Option<crate::i18n::Lang> {
    let args: Vec<String> = args.into_iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut flag = None;
    for (i, arg) in args.iter().enumerate().skip(1) {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            flag = Some(value.to_string());
        } else if arg == "--lang" {
            flag = args.get(i + 1).cloned();
        }
    }
    match flag {
        Some(value) => crate::i18n::Lang::parse(&value),
        None => var("KIOKU_LANG").and_then(|v| crate::i18n::Lang::parse(&v)),
    }
}

/// `--lang`/`KIOKU_LANG`: `ja` or `en` in any case, or empty (not set).
fn lang_value(text: &str) -> std::result::Result<String, String> {
    match text.trim() {
        "" => Ok(String::new()),
        t if crate::i18n::Lang::parse(t).is_some() => Ok(t.to_ascii_lowercase()),
        t => Err(crate::tr!("cli-lang-invalid", value = t)),
    }
}

/// A path that may be empty: `KIOKU_DB=` means "not set", as for the other variables (clap's
/// path parser would refuse it).
fn any_path() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

fn parse_tz(name: &str) -> Option<Tz> {
    Tz::from_str(name.trim().trim_start_matches(':')).ok()
}

/// `$TZ` (an IANA name, a leading ':' allowed), else the system zone, else UTC with a warning.
fn default_tz() -> Tz {
    if let Some(tz_var) = std::env::var("TZ").ok().filter(|v| !v.trim().is_empty()) {
        match parse_tz(&tz_var) {
            Some(tz) => return tz,
            None => warn(&crate::tr!("startup-tz-var-invalid", value = tz_var.as_str())),
        }
    }
    if let Some(tz) = iana_time_zone::get_timezone().ok().as_deref().and_then(parse_tz) {
        return tz;
    }
    warn(&crate::tr!("startup-tz-unknown-system"));
    Tz::UTC
}

/// Prints `error` for a person on stderr as `kioku: error: …` (a deck's diagnostics as they
/// are); nothing for a broken pipe, which is not an error.
pub fn report_error(error: &Error) {
    match error {
        _ if error.is_broken_pipe() => {}
        Error::Deck(_) => warn(&error.to_string()),
        _ => warn(&crate::tr!("errors-error", message = error.to_string())),
    }
}

/// A line on stderr; a closed stderr is not worth failing for.
pub fn warn(line: &str) {
    use std::io::Write;
    // Messages quote deck text and file names: escape sequences in them are shown, never run.
    let _ = writeln!(std::io::stderr(), "{}", crate::safe_text::terminal(line));
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
