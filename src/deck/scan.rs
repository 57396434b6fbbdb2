//! Syncing deck files against what the store remembers: a file whose fingerprint (size, mtime,
//! hash, and the rules it was read by) matches its record is not parsed again, so the daily
//! commands on a big collection cost a few `stat`s.

use std::collections::HashMap;
use std::path::Path;

use super::diagnostic::Diagnostic;
use super::load::{load_text, read_deck_bytes, DeckSource};
use super::model::Deck;
use super::walk::{deck_files, duplicate_decks, DeckFile};
use crate::rng::fnv1a;
use crate::{Error, Result};

/// What the store remembers about a deck file: its fingerprint and what it held.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRecord {
    pub path: String,
    pub size: u64,
    pub mtime_ns: i64,
    /// FNV-1a 64 of the bytes, hex, `/`, then kioku's version and expansion version
    /// (`0.1.0+e2`).
    pub hash: String,
    /// The id of the deck the file holds (for the collection-wide checks of files not re-read).
    pub deck_id: String,
    /// When the record was made (file-system clock, UTC ms): a file whose mtime is this close is
    /// hashed again, since a quick second edit may keep its size and mtime.
    pub checked_at_ms: i64,
}

/// How close to its record's time a file's mtime must be for the file to be hashed again.
const RACY_MS: i64 = 2_000;

/// Fingerprints remembered from earlier runs, by path.
pub type FileCache = HashMap<String, FileRecord>;

/// The key of a file's record: its canonical path, so that `./decks` seen from two folders are
/// two sets of files (and a path through a symlink is the file it names).
fn record_key(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as i64)
}

/// Now on the file-system clock (not the study clock, which `--now` may move), UTC ms.
fn file_clock_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// The rules a record was made by: kioku's version and how notes become cards
/// ([`super::EXPANSION_VERSION`]). A record made by other rules vouches for nothing, so a new
/// kioku, or a change in expansion (readings, cloze numbering…), reads every file once more.
fn rules() -> String {
    format!("{}+e{}", env!("CARGO_PKG_VERSION"), super::EXPANSION_VERSION)
}

/// FNV-1a 64 of the bytes, hex, then `/` and the [`rules`] it was made by.
fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}/{}", fnv1a(&[bytes]), rules())
}

/// Whether a record made at `checked_at_ms` can vouch for a file by its size and mtime alone:
/// only one made by these rules.
fn trusted_by_stat(record: &FileRecord, size: u64, mtime_ns: i64) -> bool {
    record.size == size
        && record.mtime_ns == mtime_ns
        && mtime_ns / 1_000_000 < record.checked_at_ms - RACY_MS
        && record.hash.split_once('/').is_some_and(|(_, made_by)| made_by == rules())
}

/// `record` with the file's current metadata, when that differs and a record made now could
/// vouch for the file by it (an mtime more than 2 s old); None otherwise.
fn refresh(record: &FileRecord, size: u64, mtime_ns: i64) -> Option<FileRecord> {
    let fresh = FileRecord { size, mtime_ns, checked_at_ms: file_clock_ms(), ..record.clone() };
    (!trusted_by_stat(record, size, mtime_ns) && trusted_by_stat(&fresh, size, mtime_ns)).then_some(fresh)
}

/// What the deck files are now, against the records of the last run.
#[derive(Debug, Default)]
pub struct Scan {
    /// Files that are new or changed: their decks (parsed and validated) and new records.
    pub changed: Vec<(Deck, FileRecord)>,
    /// Records of the files that are unchanged, refreshed when their metadata moved.
    pub kept: Vec<FileRecord>,
    /// How many of `kept` were refreshed (their files hashed and found the same).
    pub refreshed: usize,
    /// Records of files that are gone (or now hold a deck under another path).
    pub gone: Vec<String>,
}

impl Scan {
    /// Whether the store's cards already match the files.
    pub fn is_unchanged(&self) -> bool {
        self.changed.is_empty() && self.gone.is_empty()
    }

    /// Ids of every deck in the files, sorted.
    pub fn deck_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> =
            self.changed.iter().map(|(d, _)| d.id.clone()).chain(self.kept.iter().map(|r| r.deck_id.clone())).collect();
        ids.sort();
        ids
    }
}

/// Looks at every deck file of `source` against `records` (the store's fingerprints) and
/// parses only the files that changed: a file is trusted by its size and mtime when
/// they match its record and the mtime is more than 2 s older than the record (an edit within the
/// same second may keep both), else it is read and hashed; bundled decks are always hashed.
/// Returns `Error::Deck` with every problem in the changed files (and deck ids used twice across
/// all files), or `Error::Input` when the folder cannot be read.
pub fn scan(source: &DeckSource, records: &FileCache) -> Result<Scan> {
    let mut scan = Scan::default();
    let mut diagnostics = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut look = |key: String,
                    shown: String,
                    stem: String,
                    size: u64,
                    mtime_ns: i64,
                    read: &dyn Fn() -> Result<Vec<u8>, Vec<Diagnostic>>,
                    trust_stat: bool| {
        seen.insert(key.clone());
        let record = records.get(&key);
        if let Some(r) = record.filter(|r| trust_stat && trusted_by_stat(r, size, mtime_ns)) {
            scan.kept.push(r.clone());
            return;
        }
        let bytes = match read() {
            Ok(bytes) => bytes,
            Err(mut d) => return diagnostics.append(&mut d),
        };
        let hash = fingerprint(&bytes);
        if let Some(r) = record.filter(|r| r.hash == hash) {
            let refreshed = if trust_stat { refresh(r, size, mtime_ns) } else { None };
            scan.refreshed += usize::from(refreshed.is_some());
            scan.kept.push(refreshed.unwrap_or_else(|| r.clone()));
            return;
        }
        match load_text(&bytes, &shown, &stem) {
            Ok((deck, _)) => {
                let record = FileRecord {
                    path: key,
                    size,
                    mtime_ns,
                    hash,
                    deck_id: deck.id.clone(),
                    checked_at_ms: file_clock_ms(),
                };
                scan.changed.push((deck, record));
            }
            Err(mut d) => diagnostics.append(&mut d),
        }
    };
    for file in deck_files(source)? {
        let (shown, stem) = (file.shown(), file.stem());
        match &file {
            DeckFile::Bundled(f) => {
                let bytes = f.contents();
                look(shown.clone(), shown, stem, bytes.len() as u64, 0, &|| Ok(bytes.to_vec()), false);
            }
            DeckFile::Disk(path) => {
                let meta = std::fs::metadata(path).ok();
                let (size, mtime) = meta.as_ref().map_or((0, 0), |m| (m.len(), mtime_ns(m)));
                let read = || read_deck_bytes(path, &shown).map(|(bytes, _)| bytes);
                let key = record_key(path);
                look(key, shown.clone(), stem, size, mtime, &read, meta.is_some_and(|m| m.is_file()));
            }
        }
    }
    scan.gone = records.keys().filter(|p| !seen.contains(*p)).cloned().collect();
    let files = scan
        .changed
        .iter()
        .map(|(d, _)| (d.id.as_str(), d.file.as_str()))
        .chain(scan.kept.iter().map(|r| (r.deck_id.as_str(), r.path.as_str())));
    let mut files: Vec<(&str, &str)> = files.collect();
    files.sort_by_key(|&(_, path)| path);
    diagnostics.extend(duplicate_decks(files));
    if !diagnostics.is_empty() {
        return Err(Error::Deck(diagnostics));
    }
    Ok(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_expansion_version_reads_every_file_once_more() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("d.yaml"), "cards:\n  - id: a\n    front: 文在寅[ムン]\n    back: x\n").unwrap();
        let source = DeckSource::Dir(dir.path().to_path_buf());
        let first = scan(&source, &FileCache::new()).unwrap();
        assert_eq!(first.changed.len(), 1);
        let (_, record) = &first.changed[0];
        assert!(record.hash.ends_with(&format!("/{}+e{}", env!("CARGO_PKG_VERSION"), crate::deck::EXPANSION_VERSION)));
        // A record made by these rules (and long enough ago to be trusted by size and mtime)
        // keeps the file from being read again.
        let trusted = FileRecord { checked_at_ms: i64::MAX / 2, ..record.clone() };
        let cache = |r: FileRecord| FileCache::from([(r.path.clone(), r)]);
        let again = scan(&source, &cache(trusted.clone())).unwrap();
        assert_eq!((again.changed.len(), again.kept.len()), (0, 1));
        // The same file, size and mtime, recorded by the expansion before this one or by the
        // fingerprint of kioku before expansion versions (no rules part): read and expanded again.
        let (sum, _) = trusted.hash.split_once('/').unwrap();
        let bytes = std::fs::read(dir.path().join("d.yaml")).unwrap();
        let old_kioku = format!("{:016x}", fnv1a(&[&bytes, env!("CARGO_PKG_VERSION").as_bytes()]));
        let older = format!("{sum}/{}+e{}", env!("CARGO_PKG_VERSION"), crate::deck::EXPANSION_VERSION - 1);
        for hash in [older, sum.to_string(), old_kioku] {
            let stale = FileRecord { hash, ..trusted.clone() };
            let rescan = scan(&source, &cache(stale)).unwrap();
            assert_eq!((rescan.changed.len(), rescan.kept.len()), (1, 0));
            // …once: the new record is trusted next time.
            let next = scan(&source, &cache(FileRecord { checked_at_ms: i64::MAX / 2, ..rescan.changed[0].1.clone() }));
            assert_eq!(next.unwrap().changed.len(), 0);
        }
    }
}
