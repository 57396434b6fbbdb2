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

/// A deck as CSV: front, back, tags, then id, explanation, reverse, check, accept (one a line)
/// and category, so that `kioku import` gives the same notes back (choice, true/false and order
/// notes become front/back text, as for Anki). A cell a spreadsheet would run as a formula gets
/// a `'` (`safe_text::csv_cell`), which `import_text` takes off again.
pub fn export_csv(deck: &Deck) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // front, back, tags first (what a spreadsheet user expects), then what `kioku import` needs
    // to give the same notes back.
    let _ = w.write_record(["front", "back", "tags", "id", "explanation", "reverse", "check", "accept", "category"]);
    for note in &deck.notes {
        let (front, back, explanation, reverse) = match anki::fields(note, deck.lang.as_deref()) {
            anki::AnkiFields::Basic { front, back, reverse, explanation } => (front, back, explanation, reverse),
            anki::AnkiFields::Cloze { text, extra, .. } => (text, String::new(), extra, false),
        };
        let tags: Vec<&str> = deck.tags.iter().chain(&note.tags).map(String::as_str).collect();
        let check = match note.check {
            Some(crate::answer::Check::Text) => "text",
            Some(crate::answer::Check::Date) => "date",
            Some(crate::answer::Check::Number) => "number",
            None => "",
        };
        let cells = [
            front,
            back,
            tags.join(" "),
            note.id.clone(),
            explanation,
            if reverse { "yes".to_string() } else { String::new() },
            check.to_string(),
            // One accepted answer a line (a cell may hold line breaks).
            note.accept.join("\n"),
            note.category.clone().unwrap_or_default(),
        ];
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

    /// kioku's CSV export read back by its importer gives the same notes: ids, explanations,
    /// reverse, check, accepted answers and category, a cloze with its explanation.
    #[test]
    fn csv_export_and_import_keep_every_field_of_front_back_and_cloze_notes() {
        let yaml = "deck: d\ntags: [korea]\ncards:\n  - id: ml\n    front: 非常戒厳はいつ？\n    back: 2024年12月\n    check: date\n    accept: [\"2024/12\", \"12月 2024年\"]\n    explanation: 国会が解除を要求した。\n    tags: [date]\n  - id: cvid\n    front: CVID\n    back: 完全な非核化\n    reverse: true\n    category: term\n  - id: yoon\n    cloze: \"{{c1::尹錫悦}}大統領が弾劾された。\"\n    explanation: 2025年4月4日\n";
        let (deck, _) = crate::deck::load::load_text(yaml.as_bytes(), "d.yaml", "d").unwrap();
        let csv = export_csv(&deck);
        let notes = import_text(&csv).unwrap().notes;
        let ids: Vec<&str> = notes.iter().map(|n| n.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["ml", "cvid", "yoon"]);
        let ml = &notes[0];
        assert_eq!((ml.front.as_deref(), ml.back.as_deref()), (Some("非常戒厳はいつ？"), Some("2024年12月")));
        assert_eq!(ml.check.as_deref(), Some("date"));
        assert_eq!(ml.accept.as_ref().unwrap(), &vec!["2024/12".to_string(), "12月 2024年".to_string()]);
        assert_eq!(ml.explanation.as_deref(), Some("国会が解除を要求した。"));
        assert_eq!(ml.tags.as_ref().unwrap(), &vec!["korea".to_string(), "date".to_string()]);
        assert_eq!(
            (notes[1].reverse, notes[1].category.as_deref(), notes[1].check.as_deref()),
            (Some(true), Some("term"), None)
        );
        assert_eq!(notes[2].cloze.as_deref(), Some("{{c1::尹錫悦}}大統領が弾劾された。"));
        assert_eq!(notes[2].explanation.as_deref(), Some("2025年4月4日"));
    }
}
