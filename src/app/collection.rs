//! Opening a collection: the database and the deck files, brought in line with each other
//! under the session lock. Warnings are returned as values; the caller shows them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::deck::{self, DeckSource, FileCache, FileRecord, Scan};
use crate::scheduler::{DayClock, Scheduler};
use crate::settings::Settings;
use crate::store::{CardStorage, LearnerId, SessionLock, Storage, Store, SyncStorage};
use crate::{Error, Result};

/// Where a collection is: its database file and its deck files.
#[derive(Clone, Debug)]
pub struct Paths {
    pub db: PathBuf,
    pub decks: DeckSource,
}

/// Lists names in the decks (deck ids, tags), read only when asked.
pub type Names<'a> = &'a dyn Fn() -> Result<Vec<String>>;

/// Checks names a person gave (deck ids, tags) against the decks before anything is written.
pub type NameCheck<'a> = &'a dyn Fn(Names, Names) -> Result<()>;

/// Whether a use case needs the database to itself (it answers, moves or deletes cards).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    /// Refused with `Error::Locked` while another session is open (after waiting up to a second).
    Exclusive,
    /// Runs beside an open session, on the store as it is.
    Shared,
}

/// Something the person should know that did not stop the work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// There was no database: one was created at this path.
    CreatedDatabase { path: PathBuf },
    /// None of the deck files the last run used were found in the decks used now (`folder`:
    /// the canonical folder, None for the bundled decks); progress on the others is kept.
    OtherDecks { folder: Option<PathBuf> },
    /// The database is read-only: deck changes were not saved.
    ReadOnlyNotSynced { path: PathBuf },
    /// Another session holds the lock: deck changes will be read when it ends.
    SessionOpenNotSynced,
}

/// An open collection: the store in line with the deck files, its settings, and the session
/// lock while the use case runs.
pub struct Collection {
    pub store: Store,
    pub settings: Settings,
    /// The session lock, held until this is dropped (`Access::Exclusive`); None for
    /// `Access::Shared`, which holds it only while syncing (and, when another session holds it,
    /// does not sync: the store is as that session left it).
    pub lock: Option<SessionLock>,
}

impl Collection {
    /// The scheduler with the learner's trained FSRS parameters (`kioku optimize`), else the
    /// defaults.
    pub fn scheduler(&self) -> Result<Scheduler> {
        scheduler(&self.store, &self.settings)
    }
}

/// The scheduler of `store` with `settings`: trained FSRS parameters if any, else the defaults.
pub fn scheduler(store: &Store, settings: &Settings) -> Result<Scheduler> {
    Scheduler::new(settings.clone(), store.parameters(LearnerId::PERSONAL)?.as_deref())
}

/// The study-day clock of `settings` in zone `tz`.
pub fn day_clock(tz: chrono_tz::Tz, settings: &Settings) -> DayClock {
    DayClock::new(tz, settings.rollover_hour)
}

impl Paths {
    /// Opens (or creates) the database, for use cases that do not read decks. Returns the
    /// warning `CreatedDatabase` when it did not exist.
    pub fn open_store(&self, now: DateTime<Utc>) -> Result<(Store, Option<Warning>)> {
        // A device (`--db /dev/null`), pipe or socket is no database: SQLite would fail on it with
        // "disk I/O error", after making a journal file beside it.
        if let Ok(meta) = std::fs::metadata(&self.db) {
            if !meta.is_file() && !meta.is_dir() {
                return Err(Error::Database {
                    path: self.db.clone(),
                    message: "is not a regular file (a device, pipe or socket); give the path of a database file, \
                              or of a new one, e.g. kioku.sqlite3"
                        .into(),
                });
            }
        }
        let new = !self.db.exists();
        let store = Store::open(&self.db, now)?;
        Ok((store, new.then(|| Warning::CreatedDatabase { path: self.db.clone() })))
    }

    /// Opens the database only if it exists (a 0-byte file, made by `touch`, holds nothing yet
    /// and counts as absent, so a deck error leaves it untouched too).
    pub fn open_existing_store(&self, now: DateTime<Utc>) -> Result<Option<Store>> {
        if self.db.metadata().is_ok_and(|m| m.len() > 0 || m.is_dir()) {
            self.open_store(now).map(|(store, _)| Some(store))
        } else {
            Ok(None)
        }
    }

    /// Opens (or creates) the store and brings it in line with the deck files, for every use
    /// case that reads cards (they read them from the store). Only files that changed since the
    /// last run are parsed (`deck::scan`), and only their decks' rows are rewritten, in one
    /// transaction with the file records; with nothing changed, no deck is read at all. `check`
    /// gets the deck ids and tags as the files now have them and runs before anything is
    /// written: a deck error or a failed check changes nothing (with no database yet, creates
    /// nothing).
    ///
    /// Syncing needs the session lock (it may move a renamed card's row, which an open session
    /// could be answering). With `Access::Exclusive` a lock held for over a second is
    /// `Error::Locked` before anything is written; with `Access::Shared` the sync is left to a
    /// later run and the store is used as it is. Returns the warnings in the order they arose.
    pub fn open_collection(
        &self,
        check: NameCheck,
        access: Access,
        now: DateTime<Utc>,
    ) -> Result<(Collection, Vec<Warning>)> {
        let learner = LearnerId::PERSONAL;
        let mut warnings = Vec::new();
        let existing = self.open_existing_store(now)?;
        let lock = match &existing {
            Some(store) => take_lock(store, learner, access)?,
            None => None,
        };
        let records = match &existing {
            Some(store) => SyncStorage::file_records(store, learner)?,
            None => FileCache::new(),
        };
        let scan = deck::scan(&self.decks, &records)?;
        let kept: HashSet<&str> = scan.kept.iter().map(|r| r.deck_id.as_str()).collect();
        check(&|| Ok(scan.deck_ids()), &|| {
            // Tags of unchanged decks from the store, of changed ones from their files.
            let mut tags = match &existing {
                Some(store) => CardStorage::tags(store, learner, &|deck| kept.contains(deck))?,
                None => Vec::new(),
            };
            for (deck, _) in &scan.changed {
                tags.extend(deck::tags_of(&deck::expand(deck)));
            }
            tags.sort_unstable();
            tags.dedup();
            Ok(tags)
        })?;
        let (mut store, lock) = match existing {
            Some(store) => (store, lock),
            None => {
                // Another run may be creating it at the same moment.
                let (store, created) = self.open_store(now)?;
                warnings.extend(created);
                let lock = take_lock(&store, learner, access)?;
                (store, lock)
            }
        };
        if access == Access::Exclusive {
            store.check_writable()?;
        }
        let refreshed = refreshed(&scan, &records);
        // The default decks folder depends on where kioku runs: say so when it found none of
        // the files of the last run.
        let same_files = scan.kept.len() + scan.changed.iter().filter(|(_, r)| records.contains_key(&r.path)).count();
        let folder = match &self.decks {
            DeckSource::Dir(dir) => Some(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone())),
            DeckSource::Bundled => None,
        };
        // Files of the last run in this very folder were renamed or removed, not left elsewhere:
        // another folder setting would not help.
        let folder_path = folder.clone().unwrap_or_else(|| PathBuf::from("<bundled>"));
        let same_folder = records.keys().any(|p| Path::new(p).starts_with(&folder_path));
        if !records.is_empty() && same_files == 0 && !same_folder {
            warnings.push(Warning::OtherDecks { folder });
        }
        if store.is_read_only()? {
            if !scan.is_unchanged() {
                warnings.push(Warning::ReadOnlyNotSynced { path: store.path().to_path_buf() });
            }
        } else if lock.is_none() {
            if !scan.is_unchanged() {
                warnings.push(Warning::SessionOpenNotSynced);
            }
        } else if !scan.is_unchanged() || !refreshed.is_empty() {
            SyncStorage::apply_scan(&mut store, learner, &scan, &refreshed, now.timestamp_millis())?;
        }
        let settings = store.typed_settings(learner)?;
        deck::reading::set_shown(settings.show_readings);
        // A reading use case lets go of the lock once synced, so a review can start meanwhile.
        let lock = if access == Access::Shared { None } else { lock };
        Ok((Collection { store, settings, lock }, warnings))
    }

    /// Whether the deck files differ from what the store last synced (an unreadable or broken
    /// file counts as a change).
    pub fn decks_changed(&self, store: &dyn Storage, learner: LearnerId) -> Result<bool> {
        Ok(deck::scan(&self.decks, &store.file_records(learner)?).map_or(true, |scan| !scan.is_unchanged()))
    }
}

/// Re-reads changed deck files into `store`, for a front end that keeps a store open and holds
/// its session lock (the web server, when a review starts): only files that changed since the
/// last sync are parsed, and nothing is written when none did. A broken deck is the error and
/// changes nothing.
pub fn resync_decks(decks: &DeckSource, store: &mut dyn Storage, learner: LearnerId, now: DateTime<Utc>) -> Result<()> {
    let records = store.file_records(learner)?;
    let scan = deck::scan(decks, &records)?;
    let refreshed = refreshed(&scan, &records);
    if scan.is_unchanged() && refreshed.is_empty() {
        return Ok(());
    }
    store.apply_scan(learner, &scan, &refreshed, now.timestamp_millis())
}

/// The unchanged files of `scan` whose record (mtime, size) differs from the stored one: their
/// record is saved again, their cards are not re-read.
fn refreshed<'a>(scan: &'a Scan, records: &FileCache) -> Vec<&'a FileRecord> {
    scan.kept.iter().filter(|r| records.get(&r.path) != Some(*r)).collect()
}

/// The session lock for `access`: an exclusive use case waits up to a second for it and is
/// refused after that (`Error::Locked`); a shared one takes it if free, else goes on without.
pub(super) fn take_lock(store: &dyn Storage, learner: LearnerId, access: Access) -> Result<Option<SessionLock>> {
    match access {
        Access::Exclusive => store.lock_session(learner, std::time::Duration::from_secs(1)).map(Some),
        Access::Shared => match store.lock_session(learner, std::time::Duration::ZERO) {
            Ok(lock) => Ok(Some(lock)),
            Err(Error::Locked { .. }) => Ok(None),
            Err(e) => Err(e),
        },
    }
}
