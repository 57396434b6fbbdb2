//! Finding deck files — the one walk that loading, syncing and linting share — and the rule that
//! deck ids are unique in a collection.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::diagnostic::Diagnostic;
use super::load::DeckSource;
use crate::error::FileAction;
use crate::{Error, Result};

/// The decks shipped with kioku, used when no decks folder is given or found.
static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/decks");

/// A deck file of a source: bundled in the binary, or on disk.
pub(super) enum DeckFile {
    Bundled(&'static include_dir::File<'static>),
    Disk(PathBuf),
}

impl DeckFile {
    /// The path as shown in messages (`<bundled>/…` for a bundled deck).
    pub(super) fn shown(&self) -> String {
        match self {
            DeckFile::Bundled(f) => format!("<bundled>/{}", f.path().display()),
            DeckFile::Disk(path) => path.display().to_string(),
        }
    }

    /// The file name without its extension (a deck's default id).
    pub(super) fn stem(&self) -> String {
        match self {
            DeckFile::Bundled(f) => stem(f.path()),
            DeckFile::Disk(path) => stem(path),
        }
    }
}

/// Every deck file of `source`, sorted by path. A decks folder that is missing or holds no deck
/// file is `Error::DecksFolder`; an unreadable one `Error::File`.
pub(super) fn deck_files(source: &DeckSource) -> Result<Vec<DeckFile>> {
    match source {
        DeckSource::Bundled => Ok(bundled().into_iter().map(DeckFile::Bundled).collect()),
        DeckSource::Dir(dir) => {
            if !dir.is_dir() {
                return Err(Error::DecksFolder { path: dir.to_path_buf(), empty: false });
            }
            let paths = files_under(dir)?;
            if paths.is_empty() {
                return Err(Error::DecksFolder { path: dir.to_path_buf(), empty: true });
            }
            Ok(paths.into_iter().map(DeckFile::Disk).collect())
        }
    }
}

/// Every deck file of `source` with its path under the folder (or the bundled folder) and its
/// bytes: what a class copies into its own decks folder. Errors as [`deck_files`], and
/// `Error::Deck` naming a file that cannot be read.
pub fn deck_file_contents(source: &DeckSource) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    deck_files(source)?
        .into_iter()
        .map(|file| match file {
            DeckFile::Bundled(f) => Ok((f.path().to_path_buf(), f.contents().to_vec())),
            DeckFile::Disk(path) => {
                let bytes = super::load::read_deck_bytes(&path, &path.display().to_string()).map_err(Error::Deck)?.0;
                let relative = match source {
                    DeckSource::Dir(dir) => path.strip_prefix(dir).unwrap_or(&path).to_path_buf(),
                    DeckSource::Bundled => path.clone(),
                };
                Ok((relative, bytes))
            }
        })
        .collect()
}

/// The deck files under `dir` (hidden folders and side files left out, links to folders not
/// followed), sorted; none is not an error here.
pub(super) fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    collect_files(dir, &mut paths)?;
    paths.sort();
    Ok(paths)
}

/// Whether `dir` holds kioku's bundled deck files (every one, by name): the repository's own
/// `decks/`, where a teacher's deck would be mixed with the decks the tests check.
pub fn holds_bundled_decks(dir: &Path) -> bool {
    let files = bundled();
    !files.is_empty() && files.iter().all(|f| dir.join(f.path()).is_file())
}

/// The bundled deck files, sorted by path.
fn bundled() -> Vec<&'static include_dir::File<'static>> {
    let mut files = Vec::new();
    collect_bundled(&BUNDLED, &mut files);
    files.sort_by_key(|f| f.path());
    files
}

fn collect_bundled(dir: &'static Dir<'static>, out: &mut Vec<&'static include_dir::File<'static>>) {
    for f in dir.files() {
        if is_deck_path(f.path()) {
            out.push(f);
        }
    }
    for d in dir.dirs() {
        collect_bundled(d, out);
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(Error::file(dir, FileAction::Read))?;
    for entry in entries {
        let entry = entry.map_err(Error::file(dir, FileAction::Read))?;
        let path = entry.path();
        // file_type() does not follow symlinks: a linked folder is not entered (no loops).
        let file_type = entry.file_type().map_err(Error::file(&path, FileAction::Read))?;
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

/// The file name without its extension (a deck's default id).
pub(super) fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string()
}

/// The error for deck `id` in `file` (at `at`) whose id the earlier file `first` has.
pub(super) fn duplicate_deck(file: &str, at: (usize, usize), id: &str, first: &str) -> Diagnostic {
    Diagnostic::error(file, at, "duplicate-deck", crate::tr!("lint-duplicate-deck", id = id, first = first))
        .with_hint(crate::tr!("lint-duplicate-deck-hint"))
}

/// Deck ids are unique in a collection: an error for each (deck id, file), in the order given,
/// whose id an earlier one has.
pub(super) fn duplicate_decks<'a>(decks: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::new();
    for (id, file) in decks {
        match first.get(id) {
            Some(earlier) => out.push(duplicate_deck(file, (1, 1), id, earlier)),
            None => {
                first.insert(id, file);
            }
        }
    }
    out
}
