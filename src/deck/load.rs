//! Finding and reading deck files: every `*.yaml`/`*.yml` under the decks folder (or the decks
//! compiled into the binary), each checked on its own, then together (deck ids are unique in a
//! collection). Files whose fingerprint matches the store's are not parsed again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::diagnostic::Diagnostic;
use super::model::{Deck, RawDeck};
use super::validate::validate;
use super::yaml::{check_structure, parse_deck_all, Failure};
use crate::scheduler::fuzz::fnv1a;
use crate::{Error, Result};

/// The decks shipped with kioku, used when no decks folder is given or found.
pub(super) static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/decks");

/// Deck files larger than this are refused (a deck is text; this is a mistake or an attack).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Clone, Debug)]
pub enum DeckSource {
    Dir(PathBuf),
    Bundled,
}

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

/// Every deck of a source, parsed and validated, sorted by id.
#[derive(Debug, Default)]
pub struct Collection {
    pub decks: Vec<Deck>,
}

impl Collection {
    /// The deck with id `id`; `Error::UnknownDeck` (listing the loaded ones) when there is none.
    pub fn deck(&self, id: &str) -> Result<&Deck> {
        self.decks.iter().find(|d| d.id == id).ok_or_else(|| Error::UnknownDeck {
            deck: id.to_string(),
            known: self.decks.iter().map(|d| d.id.clone()).collect(),
        })
    }
}

/// Loads (parses and validates) every deck of `source`, for commands that show whole decks
/// (`preview`, `export`); the daily commands read the store, synced by `scan`. Returns
/// `Error::Deck` with every problem found, each naming `file:line:col`, or `Error::DecksFolder` /
/// `Error::File` when the folder is missing, empty or unreadable.
pub fn load(source: &DeckSource) -> Result<Collection> {
    let mut collection = Collection::default();
    let mut diagnostics = Vec::new();
    match source {
        DeckSource::Bundled => {
            let mut files: Vec<&include_dir::File> = Vec::new();
            collect_bundled(&BUNDLED, &mut files);
            files.sort_by_key(|f| f.path());
            for f in files {
                let shown = format!("<bundled>/{}", f.path().display());
                match load_text(f.contents(), &shown, &stem(f.path())) {
                    Ok((deck, _)) => collection.decks.push(deck),
                    Err(mut d) => diagnostics.append(&mut d),
                }
            }
        }
        DeckSource::Dir(dir) => {
            for path in deck_paths(dir)? {
                let shown = path.display().to_string();
                match read_deck_bytes(&path, &shown).and_then(|(bytes, _)| load_text(&bytes, &shown, &stem(&path))) {
                    Ok((deck, _)) => collection.decks.push(deck),
                    Err(mut d) => diagnostics.append(&mut d),
                }
            }
        }
    }
    // Deck ids are unique in a collection.
    let mut by_id: HashMap<&str, &Deck> = HashMap::new();
    for deck in &collection.decks {
        if let Some(first) = by_id.insert(&deck.id, deck) {
            diagnostics.push(
                Diagnostic::error(
                    &deck.file,
                    (1, 1),
                    "duplicate-deck",
                    crate::tr!("lint-duplicate-deck", id = deck.id.as_str(), first = first.file.as_str()),
                )
                .with_hint(crate::tr!("lint-duplicate-deck-hint")),
            );
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::Deck(diagnostics));
    }
    collection.decks.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(collection)
}

/// The deck files under `dir`, sorted. Returns `Error::Input` when the folder is missing,
/// unreadable or holds none.
fn deck_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::DecksFolder { path: dir.to_path_buf(), empty: false });
    }
    let mut paths = Vec::new();
    collect_files(dir, &mut paths)?;
    if paths.is_empty() {
        return Err(Error::DecksFolder { path: dir.to_path_buf(), empty: true });
    }
    paths.sort();
    Ok(paths)
}

/// Whether `dir` holds kioku's bundled deck files (every one, by name): the repository's own
/// `decks/`, where a teacher's deck would be mixed with the decks the tests check.
pub fn holds_bundled_decks(dir: &Path) -> bool {
    let mut files = Vec::new();
    collect_bundled(&BUNDLED, &mut files);
    !files.is_empty() && files.iter().all(|f| dir.join(f.path()).is_file())
}

pub(super) fn collect_bundled<'a>(dir: &'a Dir<'a>, out: &mut Vec<&'a include_dir::File<'a>>) {
    for f in dir.files() {
        if is_deck_path(f.path()) {
            out.push(f);
        }
    }
    for d in dir.dirs() {
        collect_bundled(d, out);
    }
}

pub(super) fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(Error::file(dir, crate::error::FileAction::Read))?;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        // file_type() does not follow symlinks: a linked folder is not entered (no loops).
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect_files(&path, out)?;
            }
        } else if is_deck_path(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a file found in a decks folder is a deck: `*.yaml` or `*.yml`, and not a hidden file
/// or an editor's or the OS's side file (Emacs's `.#deck.yaml` lock and `#deck.yaml#`, macOS's
/// `._deck.yaml`, `deck~.yaml` backups, Vim's `.deck.yaml.swp`), which would otherwise be read as
/// decks and block every command.
fn is_deck_path(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let side_file = name.starts_with(['.', '#', '~']) || stem(path).ends_with(['~', '#']);
    !side_file
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

pub(super) fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string()
}

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
    match source {
        DeckSource::Bundled => {
            let mut files: Vec<&include_dir::File> = Vec::new();
            collect_bundled(&BUNDLED, &mut files);
            for f in files {
                let shown = format!("<bundled>/{}", f.path().display());
                let bytes = f.contents();
                look(shown.clone(), shown, stem(f.path()), bytes.len() as u64, 0, &|| Ok(bytes.to_vec()), false);
            }
        }
        DeckSource::Dir(dir) => {
            let paths = deck_paths(dir)?;
            for path in paths {
                let shown = path.display().to_string();
                let meta = std::fs::metadata(&path).ok();
                let (size, mtime) = meta.as_ref().map_or((0, 0), |m| (m.len(), mtime_ns(m)));
                let read = || read_deck_bytes(&path, &shown).map(|(bytes, _)| bytes);
                let key = record_key(&path);
                look(key, shown.clone(), stem(&path), size, mtime, &read, meta.is_some_and(|m| m.is_file()));
            }
        }
    }
    scan.gone = records.keys().filter(|p| !seen.contains(*p)).cloned().collect();
    // Deck ids are unique in a collection.
    let mut by_id: HashMap<String, String> = HashMap::new();
    let files =
        scan.changed.iter().map(|(d, _)| (&d.id, &d.file)).chain(scan.kept.iter().map(|r| (&r.deck_id, &r.path)));
    let mut files: Vec<(&String, &String)> = files.collect();
    files.sort_by_key(|&(_, path)| path);
    for (id, path) in files {
        if let Some(first) = by_id.insert(id.clone(), path.clone()) {
            diagnostics.push(
                Diagnostic::error(
                    path,
                    (1, 1),
                    "duplicate-deck",
                    crate::tr!("lint-duplicate-deck", id = id.as_str(), first = first.as_str()),
                )
                .with_hint(crate::tr!("lint-duplicate-deck-hint")),
            );
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::Deck(diagnostics));
    }
    Ok(scan)
}

/// Reads a deck file: a regular file of at most 10 MiB (read with a cap, so a file that grows or
/// a device is never read without end).
pub(super) fn read_deck_bytes(path: &Path, shown: &str) -> Result<(Vec<u8>, std::fs::Metadata), Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::error(shown, (1, 1), "unreadable", message)];
    let meta = std::fs::metadata(path).map_err(|e| fail(crate::tr!("deck-cannot-read", error = e.to_string())))?;
    if !meta.is_file() {
        return Err(fail(crate::tr!("deck-not-a-file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(crate::tr!("deck-too-big", mib = meta.len().div_ceil(1 << 20)))
            .into_iter()
            .map(|d| d.with_hint(crate::tr!("deck-too-big-hint")))
            .collect());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes))
        .map_err(|e| fail(crate::tr!("deck-cannot-read", error = e.to_string())))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(crate::tr!("deck-grew")));
    }
    Ok((bytes, meta))
}

/// Parses and validates one file's bytes: UTF-8 (a BOM is skipped; CRLF is fine), then YAML, then
/// kioku's rules.
pub(super) fn load_text(bytes: &[u8], shown: &str, stem: &str) -> Result<(Deck, RawDeck), Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(encoding) = utf16(bytes) {
        return Err(vec![Diagnostic::error(shown, (1, 1), "not-utf8", crate::tr!("deck-utf16", encoding = encoding))
            .with_hint(crate::tr!("deck-convert-hint", encoding = encoding, file = shown))]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = String::from_utf8_lossy(valid.rsplit(|&b| b == b'\n').next().unwrap_or(&[])).chars().count() + 1;
            return Err(vec![Diagnostic::error(shown, (line, col), "not-utf8", crate::tr!("deck-not-utf8"))
                .with_hint(crate::tr!("deck-convert-hint", encoding = "SHIFT_JIS", file = shown))]);
        }
    };
    let controls = raw_controls(text, shown);
    if !controls.is_empty() {
        return Err(controls);
    }
    load_str(text, shown, stem, true)
}

/// Parses and validates a deck file's text. When it is not well-formed and `slips` is set, the
/// slips of a Japanese keyboard in its structure (`slips.rs`) are looked for, and if there are
/// any they are reported with the problems of the text once they are mended.
fn load_str(text: &str, shown: &str, stem: &str, slips: bool) -> Result<(Deck, RawDeck), Vec<Diagnostic>> {
    let keyboard_slips = |found: Vec<Diagnostic>| {
        if !slips {
            return found;
        }
        let (slips, mended, columns) = super::slips::find(text);
        if slips.is_empty() {
            return found;
        }
        let slip_lines: std::collections::HashSet<usize> = slips.iter().map(|s| s.line).collect();
        // The first 20, as for control characters: a file of thousands says enough with those.
        let mut out: Vec<Diagnostic> = slips.iter().take(20).map(|s| s.diagnostic(shown, text)).collect();
        // The mended text's own problems, placed in the file as it is; on a slip's line, only
        // a problem of another kind (a misspelt field name) is kept: a YAML error there comes
        // from the mending (a guess at the indentation meant).
        let marker = crate::tr!("lint-yaml-unknown-field", place = "", field = "\u{0}", known = "");
        let unknown_field = marker.split('\u{0}').next().unwrap_or_default().to_string();
        if let Err(more) = load_str(&mended, shown, stem, false) {
            out.extend(
                more.into_iter()
                    .filter(|d| !slip_lines.contains(&d.line) || d.code != "yaml" || d.message.contains(&unknown_field))
                    .map(|d| {
                        let (line, col) = columns.original((d.line, d.col));
                        Diagnostic { line, col, ..d }.with_source(text)
                    }),
            );
        }
        out.sort_by_key(|d| (d.line, d.col));
        out
    };
    if let Err(e) = check_structure(text) {
        return Err(keyboard_slips(vec![Diagnostic::error(
            shown,
            e.position.unwrap_or((1, 1)),
            "structure",
            e.message,
        )
        .with_source(text)]));
    }
    let raw = match parse_deck_all(text) {
        Ok(raw) => raw,
        Err(failure) => {
            let Failure { partial, errors } = *failure;
            let mut diagnostics: Vec<Diagnostic> = errors
                .into_iter()
                .map(|e| {
                    let mut d =
                        Diagnostic::error(shown, e.position.unwrap_or((1, 1)), "yaml", e.message).with_source(text);
                    d.hint = e.hint;
                    let tab_indented =
                        d.source_line.as_deref().is_some_and(|l| l.trim_start_matches(' ').starts_with('\t'));
                    if tab_indented {
                        d.with_hint(crate::tr!("lint-tab-indent-hint"))
                    } else {
                        d
                    }
                })
                .collect();
            if let Some(Err(mut more)) = partial.map(|p| validate(&p, shown, stem, text)) {
                diagnostics.append(&mut more);
            }
            diagnostics.sort_by_key(|d| (d.line, d.col));
            return Err(keyboard_slips(diagnostics));
        }
    };
    let deck = validate(&raw, shown, stem, text)?;
    Ok((deck, raw))
}

/// The UTF-16 flavour of `bytes`, told by its byte-order mark or, without one, by NULs in every
/// other byte of the start (ASCII text in UTF-16); None for anything else.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    let nul_at = |odd: usize| head.len() >= 4 && head.iter().skip(odd).step_by(2).all(|&b| b == 0);
    if nul_at(1) && !nul_at(0) {
        Some("UTF-16LE")
    } else if nul_at(0) && !nul_at(1) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Characters YAML refuses in a file (C0 controls but tab, LF and CR; DEL; C1 controls but NEL;
/// U+FFFE, U+FFFF), each where it is: the YAML parser's own message names a byte offset only.
/// At most the first 20, one per line.
fn raw_controls(text: &str, shown: &str) -> Vec<Diagnostic> {
    let refused = |c: char| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}')
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if !text.chars().any(refused) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if let Some(col) = line.chars().position(refused) {
            let c = line.chars().nth(col).unwrap_or('\0');
            out.push(
                Diagnostic::error(
                    shown,
                    (n + 1, col + 1),
                    "control-character",
                    crate::tr!("deck-control-character", code = format!("U+{:04X}", c as u32)),
                )
                .with_source(text)
                .with_hint(crate::tr!("deck-control-character-hint")),
            );
            if out.len() == 20 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_decks_load() {
        let c = load(&DeckSource::Bundled).unwrap();
        assert!(!c.decks.is_empty());
        let notes: usize = c.decks.iter().map(|d| d.notes.len()).sum();
        assert!(notes >= 30, "starter deck has {notes} notes");
    }

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

    #[test]
    fn bom_crlf_and_shift_jis() {
        let (deck, _) =
            load_text(b"\xEF\xBB\xBFcards:\r\n  - id: a\r\n    front: x\r\n    back: y\r\n", "f.yaml", "f").unwrap();
        assert_eq!(deck.notes.len(), 1);
        // 日本 in Shift_JIS.
        let err = load_text(b"cards:\n  - id: a\n    front: \x93\xfa\x96\x7b\n", "f.yaml", "f").err().unwrap();
        assert_eq!((err[0].code, err[0].line, err[0].col), ("not-utf8", 3, 12));
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "deck: d\ncards:\n  - id: a\n    front: x\n    back: y\n  - id: a\n    front: \"\"\n    back: z\n  - id: c\n    cloze: no deletion here\n  - front: q\n    back: r\n";
        let err = load_text(text.as_bytes(), "d.yaml", "d").err().unwrap();
        let got: Vec<(&str, usize, usize)> = err.iter().map(|d| (d.code, d.line, d.col)).collect();
        assert_eq!(
            got,
            vec![
                ("duplicate-id", 6, 9),
                ("empty-field", 7, 12),
                ("cloze-without-deletion", 10, 12),
                ("missing-id", 11, 5)
            ]
        );
    }

    #[test]
    fn field_errors_do_not_hide_other_problems() {
        let text = "tags: korea\ncards:\n  - id: a\n    front: Q\n    anwser: A\n  - id: b\n    front: Q\n    back: \"\"\n  - id: b\n    front: [1]\n    back: x\n  - id: b\n    front: q\n    back: x\n";
        let err = load_text(text.as_bytes(), "d.yaml", "d").err().unwrap();
        let got: Vec<(usize, usize, &str)> = err.iter().map(|d| (d.line, d.col, d.message.as_str())).collect();
        assert_eq!(got[0], (1, 7, "tags: invalid type: string \"korea\", expected a sequence"));
        assert_eq!((got[1].0, got[1].1), (5, 5));
        assert!(got[1].2.starts_with("cards[0]: unknown field `anwser`"), "{}", got[1].2);
        assert_eq!(got[2], (8, 11, "`back` is empty"));
        assert_eq!(got[3], (10, 12, "cards[2].front: invalid type: sequence, expected a string"));
        assert_eq!(got[4], (12, 9, "duplicate note id 'b' (also used by note 2 of this deck)"));
        assert_eq!(got.len(), 5);
        let err = load_text(b"cards:\n\t- id: e\n", "d.yaml", "d").err().unwrap();
        assert_eq!(err[0].hint.as_deref(), Some("YAML indents with spaces; this line starts with a tab"));
    }
}
