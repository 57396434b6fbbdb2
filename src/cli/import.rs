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
        return Err(Error::Input(format!(
            "{name} is a zip file (an Anki package?); kioku reads Anki's text export: in Anki, File → Export → Notes in Plain Text"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Input(format!(
            "{name} is not UTF-8 text; convert it first, e.g. iconv -f SHIFT_JIS -t UTF-8 '{name}' > converted.txt"
        ))
    })?;
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
        return Err(Error::Input(format!("'{id}' is not a deck id; give one with --deck")));
    }
    let mut warnings = imported.warnings.clone();
    if imported.anki_decks.len() > 1 {
        warnings.push(format!(
            "the rows come from {} Anki decks ({}): all are in deck '{id}'; export each Anki deck alone to keep them apart",
            imported.anki_decks.len(),
            imported.anki_decks.join(", ")
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
        writeln!(stderr, "warning: {name}: {w}")?;
    }
    if let Some(problem) = interchange::deck_error(&deck) {
        return Err(Error::Input(format!("{name}: the deck would not pass `kioku lint` ({problem}); nothing written")));
    }
    let count = deck.cards.as_ref().map_or(0, Vec::len);
    if count == 0 {
        return Err(Error::Input(format!("{name}: no note could be imported; nothing written")));
    }
    let yaml = format!("# Imported by kioku from {name}; check it with `kioku lint`.\n{}", yaml::to_yaml(&deck));
    // A deck kioku would refuse to load is not written.
    let limit = crate::deck::load::MAX_FILE_BYTES;
    if yaml.len() as u64 > limit {
        return Err(Error::Input(format!(
            "{name} makes a deck of {}, over the {} a deck file may hold; split the file and import the parts",
            super::input_file::mib(yaml.len() as u64),
            super::input_file::mib(limit)
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
    writeln!(stderr, "wrote {count} note{} to {}", if count == 1 { "" } else { "s" }, path.display())?;
    Ok(())
}

/// The deck in the file about to be overwritten, its notes and its stem; None (with a warning)
/// when it is not a deck kioku can read.
fn existing_deck(path: &Path, stderr: &mut impl Write) -> Result<Option<(RawDeck, Vec<OldNote>, String)>> {
    let shown = path.display();
    let bytes = super::input_file::read(path, crate::deck::load::MAX_FILE_BYTES).unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    match interchange::old_notes(text.strip_prefix('\u{feff}').unwrap_or(&text), &stem) {
        Some((deck, notes)) => Ok(Some((deck, notes, stem))),
        None => {
            writeln!(stderr, "warning: {shown} is not a deck kioku can read: its note ids cannot be kept")?;
            Ok(None)
        }
    }
}

/// What kept its id, for the teacher to check.
fn report(out: &mut impl Write, path: &Path, m: &Matches) -> Result<()> {
    let shown = path.display();
    writeln!(
        out,
        "kept the ids of {} notes of {shown}: {} by id or guid column, {} by the same front, {} by a near-identical front",
        m.by_column + m.by_front + m.by_near.len(),
        m.by_column,
        m.by_front,
        m.by_near.len()
    )?;
    for (id, line) in &m.by_near {
        writeln!(out, "  line {line}: front changed a little, kept id '{id}'")?;
    }
    if !m.new.is_empty() {
        let lines: Vec<String> = m.new.iter().map(usize::to_string).collect();
        writeln!(out, "new notes (no match in {shown}): lines {}", lines.join(", "))?;
    }
    if !m.gone.is_empty() {
        writeln!(
            out,
            "notes of {shown} not in this import: {} (their students' history stays in the database; give a new note `renamed_from: OLD-ID` to move it)",
            m.gone.join(", ")
        )?;
    }
    Ok(())
}
