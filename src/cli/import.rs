//! `kioku import FILE`: a CSV/TSV, Anki or Quizlet text export as a YAML deck. Importing over
//! an existing deck file (`-o FILE --force`) keeps that deck's id and its notes' ids.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::deck::interchange::{self, Matches, OldNote};
use crate::deck::model::RawDeck;
use crate::deck::validate::is_valid_id;
use crate::deck::yaml;
use crate::{Error, Result};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The file to import (.csv, .tsv or .txt)
    pub file: PathBuf,
    /// Write the deck here instead of stdout (never overwrites without --force)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The deck id [default: kioku's own export: its deck; over an existing deck file: its id;
    /// else the Anki deck's name if it is an id, else the file name]
    #[arg(long)]
    pub deck: Option<String>,
    /// Overwrite the -o file if it exists, keeping its deck id and the ids of its notes
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> Result<()> {
    let name = args.file.display().to_string();
    let bytes = super::input_file::read(&args.file, super::input_file::IMPORT_MAX_BYTES)?;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::Input(crate::tr!("interchange-zip", file = name.as_str())));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| Error::Input(crate::tr!("interchange-not-utf8", file = name.as_str())))?;
    if let Some(path) = args.output.as_ref().filter(|p| p.exists() && !args.force) {
        return Err(Error::Exists { path: path.clone() });
    }
    let imported = interchange::import_text(&text).map_err(|e| Error::Input(format!("{name}: {e}")))?;
    let mut stderr = std::io::stderr().lock();
    let existing = match args.output.as_ref().filter(|p| p.exists()) {
        Some(path) => existing_deck(path, &mut stderr)?,
        None => None,
    };
    let stem = args.file.file_stem().and_then(|s| s.to_str()).unwrap_or("imported");
    let single_anki_deck = match imported.anki_decks.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    let id: String = args
        .deck
        .clone()
        .or(imported.kioku_deck.clone())
        .or_else(|| existing.as_ref().and_then(|(d, _, stem)| d.deck.clone().or(Some(stem.clone()))))
        .or_else(|| single_anki_deck.clone().filter(|n| is_valid_id(n)))
        .unwrap_or_else(|| {
            stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
        });
    if !is_valid_id(&id) {
        return Err(Error::Input(crate::tr!("interchange-bad-deck-id", id = id.as_str())));
    }
    let mut warnings = imported.warnings.clone();
    if imported.anki_decks.len() > 1 {
        warnings.push(crate::tr!(
            "interchange-several-anki-decks",
            n = imported.anki_decks.len(),
            decks = imported.anki_decks.join(", "),
            id = id.as_str()
        ));
    }
    let mut notes = imported.notes;
    let mut lines: Vec<usize> = imported.origins.iter().map(|o| o.line).collect();
    let (mut deck, matches) = match existing {
        Some((old, old_notes, _)) => {
            let matches = interchange::keep_ids(&mut notes, &imported.origins, &old_notes);
            (RawDeck { deck: Some(id.clone()), cards: None, ..old }, Some(matches))
        }
        None => {
            let title = single_anki_deck.filter(|n| *n != id);
            (RawDeck { deck: Some(id.clone()), title, ..RawDeck::default() }, None)
        }
    };
    deck.cards = Some(notes);
    warnings.extend(interchange::drop_invalid(&mut deck, &mut lines));
    for w in &warnings {
        writeln!(stderr, "{}", crate::tr!("interchange-warning", file = name.as_str(), warning = w.as_str()))?;
    }
    if let Some(problem) = interchange::deck_error(&deck) {
        return Err(Error::Input(crate::tr!("interchange-would-fail-lint", file = name.as_str(), problem = problem)));
    }
    let count = deck.cards.as_ref().map_or(0, Vec::len);
    if count == 0 {
        return Err(Error::Input(crate::tr!("interchange-nothing-imported", file = name.as_str())));
    }
    let yaml =
        format!("{}\n{}", crate::tr!("interchange-imported-comment", file = name.as_str()), yaml::to_yaml(&deck));
    // A deck kioku would refuse to load is not written.
    let limit = crate::deck::load::MAX_FILE_BYTES;
    if yaml.len() as u64 > limit {
        return Err(Error::Input(crate::tr!(
            "interchange-too-big",
            file = name.as_str(),
            size = super::input_file::mib(yaml.len() as u64),
            limit = super::input_file::mib(limit)
        )));
    }
    let Some(path) = &args.output else {
        return Ok(write!(std::io::stdout(), "{yaml}")?);
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(Error::file(dir, crate::error::FileAction::Create))?;
    }
    std::fs::write(path, yaml).map_err(Error::file(path, crate::error::FileAction::Write))?;
    if let Some(m) = matches {
        report(&mut stderr, path, &m)?;
    }
    writeln!(stderr, "{}", crate::tr!("interchange-wrote", n = count, path = path.display().to_string()))?;
    Ok(())
}

/// The deck in the file about to be overwritten, its notes and its stem; None (with a warning)
/// when it is not a deck kioku can read.
fn existing_deck(path: &Path, stderr: &mut impl Write) -> Result<Option<(RawDeck, Vec<OldNote>, String)>> {
    let shown = path.display().to_string();
    let bytes = super::input_file::read(path, crate::deck::load::MAX_FILE_BYTES).unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    match interchange::old_notes(text.strip_prefix('\u{feff}').unwrap_or(&text), &stem) {
        Some((deck, notes)) => Ok(Some((deck, notes, stem))),
        None => {
            writeln!(stderr, "{}", crate::tr!("interchange-not-a-deck", path = shown))?;
            Ok(None)
        }
    }
}

/// What kept its id, for the teacher to check.
fn report(out: &mut impl Write, path: &Path, m: &Matches) -> Result<()> {
    let shown = path.display().to_string();
    let kept = crate::tr!(
        "interchange-kept-ids",
        kept = m.by_column + m.by_front + m.by_near.len(),
        path = shown.as_str(),
        column = m.by_column,
        front = m.by_front,
        near = m.by_near.len()
    );
    writeln!(out, "{kept}")?;
    for (id, line) in &m.by_near {
        writeln!(out, "  {}", crate::tr!("interchange-kept-near", line = *line, id = id.as_str()))?;
    }
    if !m.new.is_empty() {
        let lines: Vec<String> = m.new.iter().map(usize::to_string).collect();
        writeln!(out, "{}", crate::tr!("interchange-new-notes", path = shown.as_str(), lines = lines.join(", ")))?;
    }
    if !m.gone.is_empty() {
        writeln!(out, "{}", crate::tr!("interchange-gone-notes", path = shown.as_str(), ids = m.gone.join(", ")))?;
    }
    Ok(())
}
