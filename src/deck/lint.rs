//! `kioku lint`: every problem in every deck file at once — the errors every deck-loading
//! command refuses to run with, and warnings for things that load but may not mean what the
//! teacher meant.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::authoring;
use super::diagnostic::{Diagnostic, Severity};
use super::lint_text::warnings;
use super::load::{load_text, read_deck_bytes, DeckSource};
use super::model::{Deck, NoteKind};
use super::reading;
use super::walk::{deck_files, duplicate_deck, files_under, stem, DeckFile};
use super::yaml::Locator;
use crate::answer::normalize::comparable;
use crate::Result;

/// A file to lint: (path as shown, stem, its bytes or why they could not be read).
type LintFile = (String, String, Result<Vec<u8>, Vec<Diagnostic>>);

/// What `lint` found and what it checked.
#[derive(Debug, Default)]
pub struct Linted {
    /// Every diagnostic, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Deck files read.
    pub files: usize,
    /// Cards of the files that loaded (a broken file's cards are not counted).
    pub cards: usize,
}

/// Lints `paths` (files or folders; none = the decks of `source`). Returns every diagnostic,
/// errors and warnings, in file order, with the number of files and cards checked.
pub fn lint(paths: &[PathBuf], source: &DeckSource) -> Result<Linted> {
    let mut files: Vec<LintFile> = Vec::new();
    let add_path = |path: &Path, files: &mut Vec<_>| {
        let shown = path.display().to_string();
        files.push((shown.clone(), stem(path), read_deck_bytes(path, &shown).map(|(b, _)| b)));
    };
    if paths.is_empty() {
        match source {
            DeckSource::Dir(dir) => {
                for p in files_under(dir)? {
                    add_path(&p, &mut files);
                }
            }
            DeckSource::Bundled => {
                for f in deck_files(source)? {
                    if let DeckFile::Bundled(contents) = &f {
                        files.push((f.shown(), f.stem(), Ok(contents.contents().to_vec())));
                    }
                }
            }
        }
    } else {
        for path in paths {
            if path.is_dir() {
                for p in files_under(path)? {
                    add_path(&p, &mut files);
                }
            } else {
                add_path(path, &mut files);
            }
        }
    }

    let file_count = files.len();
    let mut out = Vec::new();
    let mut decks: Vec<Deck> = Vec::new();
    // Where each deck's id and each note start (position, index of the file's text, index of
    // the note in its file), for problems found across files.
    let mut places: HashMap<String, ((usize, usize), usize, usize)> = HashMap::new();
    let mut texts: Vec<String> = Vec::new();
    for (shown, stem, bytes) in files {
        let bytes = match bytes {
            Ok(b) => b,
            Err(mut d) => {
                out.append(&mut d);
                continue;
            }
        };
        let first = out.len();
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).ok().map(str::to_string);
        match load_text(&bytes, &shown, &stem) {
            Err(mut d) => {
                out.append(&mut d);
                // Warnings too, as far as the text can be read: the notes that parse still get
                // their own (a choice `answer: 2` is told as answer-number in this same run).
                if let Some(text) = &text {
                    let raw = super::yaml::parse_deck_all(text).map_or_else(|failure| failure.partial, Some);
                    let raw = raw.filter(|raw| raw.cards.as_ref().is_some_and(|c| !c.is_empty()));
                    out.extend(warnings(raw.as_ref(), &shown, text));
                }
            }
            Ok((deck, raw)) => {
                let text = text.as_deref().unwrap_or("");
                let locator = Locator::new(text);
                let file = texts.len();
                places.insert(deck.id.clone(), (locator.find("deck"), file, 0));
                for (i, note) in deck.notes.iter().enumerate() {
                    places.insert(format!("{}/{}", deck.id, note.id), (locator.find(&format!("cards.{i}")), file, i));
                }
                out.extend(warnings(Some(&raw), &shown, text));
                texts.push(text.to_string());
                decks.push(deck);
            }
        }
        out[first..].sort_by_key(|d| (d.line, d.col));
    }
    // Across files: one id per deck, and one prompt per question.
    let mut ids: HashMap<&str, &str> = HashMap::new();
    let mut prompts: HashMap<String, String> = HashMap::new();
    for deck in &decks {
        let place = |key: &str| {
            places.get(key).map_or(((1, 1), ""), |&(at, file, _)| (at, texts.get(file).map_or("", String::as_str)))
        };
        // A note as a teacher finds it: its number in its file, its line, and its key.
        let name = |key: &str| match places.get(key) {
            Some(&((line, _), _, i)) => {
                crate::tr!("authoring-card-key", card = authoring::card_name(i, line), key = key)
            }
            None => key.to_string(),
        };
        if let Some(first) = ids.insert(&deck.id, &deck.file) {
            let (at, text) = place(&deck.id);
            out.push(duplicate_deck(&deck.file, at, &deck.id, first).with_source(text));
        }
        for note in &deck.notes {
            let prompt = match &note.kind {
                NoteKind::Basic { front, .. } => front,
                NoteKind::Choice { question, .. } => question,
                NoteKind::TrueFalse { statement, .. } => statement,
                NoteKind::Cloze { text } => text,
                NoteKind::Order { instruction, items } => &format!("{instruction}{}", items.join("")),
            };
            let here = format!("{}/{}", deck.id, note.id);
            if let Some(first) = prompts.insert(comparable(prompt), here.clone()) {
                let (at, text) = place(&here);
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::error(
                        &deck.file,
                        at,
                        "duplicate-prompt",
                        crate::tr!("lint-duplicate-prompt", here = name(&here), first = name(&first)),
                    )
                    .with_source(text)
                    .with_hint(crate::tr!("lint-duplicate-prompt-hint"))
                });
            }
        }
    }
    let all: Vec<super::Card> = decks.iter().flat_map(super::expand).collect();
    // One card per distinct answer of each category: what an exam can draw wrong answers from.
    // A category with many is never short (linear work, however large the decks); a small one
    // is checked card by card against its few answers.
    const PLENTY: usize = 12;
    let mut by_category: HashMap<&str, HashMap<String, &super::Card>> = HashMap::new();
    for card in &all {
        if let (Some(category), false) =
            (&card.category, matches!(card.judge, super::Judge::TrueFalse { .. } | super::Judge::Order { .. }))
        {
            let answers = by_category.entry(category).or_default();
            if answers.len() <= PLENTY {
                answers.entry(comparable(&reading::base(&card.short_answer))).or_insert(card);
            }
        }
    }
    for card in &all {
        let Some(category) = &card.category else { continue };
        let Some(answers) = by_category.get(category.as_str()).filter(|a| a.len() <= PLENTY) else { continue };
        let pool: Vec<&super::Card> = answers.values().copied().collect();
        // Only cards an exam asks as a choice or true/false from their category's answers.
        if !matches!(card.judge, super::Judge::SelfGraded | super::Judge::Typed { .. }) {
            continue;
        }
        // A cloze gap its note's category does not fit (a name in a note of dates) is asked
        // typed by design, not short of candidates.
        let answer = crate::answer::normalize::fold(&reading::base(&card.short_answer));
        let fits = match category.as_str() {
            "date" => crate::answer::date::parse(&answer).is_some(),
            "number" => crate::answer::number::parse(&answer).is_some(),
            _ => true,
        };
        if !fits {
            continue;
        }
        let found = crate::session::exam::distractors(card, &pool, &mut crate::rng::Rng::new(0), 2).len();
        if found < 2 {
            let Some(deck) = decks.iter().find(|d| d.id == card.deck) else { continue };
            let (at, file, i) = places.get(&card.note_key()).copied().unwrap_or(((1, 1), usize::MAX, 0));
            // Say what the teacher wrote: a category, or a `check:` that implies one.
            let implied = deck.notes.iter().any(|n| n.id == card.note_id && n.category.is_none());
            let (message, hint) = if implied {
                ("authoring-few-distractors-check", "authoring-few-distractors-check-hint")
            } else {
                ("authoring-few-distractors", "authoring-few-distractors-hint")
            };
            out.push(Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::error(
                    &deck.file,
                    at,
                    "few-distractors",
                    crate::tr!(
                        message,
                        card = authoring::card_name(i, at.0),
                        key = card.key.as_str(),
                        found = found,
                        category = category.as_str()
                    ),
                )
                .with_source(texts.get(file).map_or("", String::as_str))
                .with_hint(crate::tr!(hint, category = category.as_str()))
            });
        }
    }
    Ok(Linted { diagnostics: out, files: file_count, cards: all.len() })
}
