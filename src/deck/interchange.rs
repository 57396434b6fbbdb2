//! Moving decks to and from the tools colleagues use: Anki (its text format both ways, and
//! `.apkg` packages out), Quizlet's term/definition export, and plain CSV/TSV.
//! Pure: text in, text out (the `.apkg` file itself is written by `store::anki_package`).

pub mod anki;
pub mod html;
mod keep_ids;
mod text_import;

pub use anki::{export_tsv, AnkiLang};
pub use keep_ids::{keep_ids, old_notes, Matches, OldNote};
pub use text_import::import_text;

#[cfg(test)]
use super::model::RawNote;
use super::model::{Deck, RawDeck};

/// The first error kioku's deck check finds in `deck` (as `kioku lint` would report it).
pub fn deck_error(deck: &RawDeck) -> Option<String> {
    let yaml = super::yaml::to_yaml(deck);
    match super::check_bytes(yaml.as_bytes(), "import") {
        Ok(_) => None,
        Err(diagnostics) => diagnostics.into_iter().find(|d| d.severity == super::Severity::Error).map(|d| d.message),
    }
}

/// Takes out the notes kioku's deck check rejects (an empty back, a nested cloze: both allowed in
/// Anki), so an import never writes a deck that fails `kioku lint`. `lines` runs parallel to the
/// notes (the row each came from) and is kept parallel; returns a warning per note left out.
pub fn drop_invalid(deck: &mut RawDeck, lines: &mut Vec<usize>) -> Vec<String> {
    if deck_error(deck).is_none() {
        return Vec::new();
    }
    let notes = deck.cards.take().unwrap_or_default();
    let mut kept = Vec::new();
    let mut kept_lines = Vec::new();
    let mut warnings = Vec::new();
    for (note, line) in notes.into_iter().zip(lines.iter().copied()) {
        let alone = RawDeck { deck: deck.deck.clone(), cards: Some(vec![note.clone()]), ..RawDeck::default() };
        match deck_error(&alone) {
            Some(reason) => warnings.push(crate::tr!("interchange-skipped", line = line, reason = reason)),
            None => {
                kept.push(note);
                kept_lines.push(line);
            }
        }
    }
    deck.cards = Some(kept);
    *lines = kept_lines;
    warnings
}

/// A deck as CSV: front, back, tags. A cell a spreadsheet would run as a formula gets a `'`
/// (`safe_text::csv_cell`), which `import_text` takes off again.
pub fn export_csv(deck: &Deck) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["front", "back", "tags"]);
    for note in &deck.notes {
        let (front, back) = match anki::fields(note, deck.lang.as_deref()) {
            anki::AnkiFields::Basic { front, back, .. } => (front, back),
            anki::AnkiFields::Cloze { text, extra, .. } => (text, extra),
        };
        let tags: Vec<&str> = deck.tags.iter().chain(&note.tags).map(String::as_str).collect();
        let cells = [front, back, tags.join(" ")];
        let _ = w.write_record(cells.iter().map(|c| crate::safe_text::csv_cell(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A note with nothing but an id and a front, for tests.
#[cfg(test)]
fn basic(id: &str, front: &str, back: &str) -> RawNote {
    RawNote { id: Some(id.into()), front: Some(front.into()), back: Some(back.into()), ..RawNote::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_lint_rejects_are_left_out_with_their_line() {
        let nested = RawNote { id: Some("c".into()), cloze: Some("{{c1::a {{c2::b}}}}".into()), ..RawNote::default() };
        let mut deck = RawDeck {
            deck: Some("d".into()),
            cards: Some(vec![basic("a", "Q", "A"), basic("b", "Q2", ""), nested]),
            ..RawDeck::default()
        };
        let mut lines = vec![2, 3, 4];
        let warnings = drop_invalid(&mut deck, &mut lines);
        assert_eq!(deck.cards.as_ref().unwrap().len(), 1);
        assert_eq!(lines, vec![2]);
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].starts_with("line 3: skipped: "), "{warnings:?}");
        assert!(warnings[1].starts_with("line 4: skipped: "), "{warnings:?}");
        assert_eq!(deck_error(&deck), None);
    }
}
