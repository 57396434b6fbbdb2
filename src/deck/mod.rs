//! Decks: YAML files written by teachers, loaded, validated with positioned diagnostics, and
//! expanded into cards. Only `load` reads deck files; only `yaml` knows YAML libraries.

pub mod cloze;
pub mod diagnostic;
pub mod load;
pub mod model;
pub mod validate;
mod yaml;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{load, Collection, DeckSource, FileCache, FileRecord};
pub use model::{Card, CardKind, Deck, Judge, Note, NoteKind, RawDeck, RawNote};

/// Expands a deck's notes into cards, in note order: front/back → `id` (+ `id:reverse`),
/// cloze → `id:c1`, `id:c2`, … one per deletion number; question, statement and order → `id`.
/// A note with `check:` makes typed cards (its reverse stays self-graded).
pub fn expand(deck: &Deck) -> Vec<Card> {
    let mut cards = Vec::new();
    for note in &deck.notes {
        let tags: Vec<String> = deck.tags.iter().chain(&note.tags).cloned().collect();
        let card = |variant: Option<String>, kind, prompt: String, answer: String, judge: Judge| {
            let suffix = variant.map(|v| format!(":{v}")).unwrap_or_default();
            Card {
                key: format!("{}/{}{suffix}", deck.id, note.id),
                deck: deck.id.clone(),
                note_id: note.id.clone(),
                kind,
                prompt,
                answer,
                tags: tags.clone(),
                section: note.section.clone(),
                explanation: note.explanation.clone(),
                renamed_from: note.renamed_from.as_ref().map(|old| format!("{old}{suffix}")),
                judge,
            }
        };
        let typed = |expected: &str| match note.check {
            Some(check) => {
                (CardKind::Typed, Judge::Typed { check, expected: expected.to_string(), accept: note.accept.clone() })
            }
            None => (CardKind::Basic, Judge::SelfGraded),
        };
        match &note.kind {
            NoteKind::Basic { front, back, reverse } => {
                let (kind, judge) = typed(back);
                cards.push(card(None, kind, front.clone(), back.clone(), judge));
                if *reverse {
                    cards.push(card(
                        Some("reverse".into()),
                        CardKind::Reverse,
                        back.clone(),
                        front.clone(),
                        Judge::SelfGraded,
                    ));
                }
            }
            NoteKind::Cloze { text } => {
                // Validation guarantees the text parses and has at least one deletion.
                let segments = cloze::parse(text).unwrap_or_default();
                for n in cloze::numbers(&segments) {
                    let (kind, judge) = typed(&cloze::hidden_text(&segments, n));
                    let kind = if kind == CardKind::Basic { CardKind::Cloze } else { kind };
                    let (prompt, answer) = (cloze::prompt(&segments, n), cloze::answer(&segments, n));
                    cards.push(card(Some(format!("c{n}")), kind, prompt, answer, judge));
                }
            }
            NoteKind::Choice { question, answer, distractors } => {
                let options = std::iter::once(answer).chain(distractors).cloned().collect();
                cards.push(card(None, CardKind::Choice, question.clone(), answer.clone(), Judge::Choice { options }));
            }
            NoteKind::TrueFalse { statement, answer } => {
                let shown = if *answer { "true (正)" } else { "false (誤)" };
                cards.push(card(
                    None,
                    CardKind::TrueFalse,
                    statement.clone(),
                    shown.into(),
                    Judge::TrueFalse { answer: *answer },
                ));
            }
            NoteKind::Order { instruction, items } => {
                let judge = Judge::Order { items: items.clone() };
                cards.push(card(None, CardKind::Order, instruction.clone(), items.join(" → "), judge));
            }
        }
    }
    cards
}
