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
pub use model::{Card, CardKind, Deck, Note, NoteKind, RawDeck, RawNote};

/// Expands a deck's notes into cards, in note order: basic → `id` (+ `id:reverse`),
/// cloze → `id:c1`, `id:c2`, … one per deletion number.
pub fn expand(deck: &Deck) -> Vec<Card> {
    let mut cards = Vec::new();
    for note in &deck.notes {
        let tags: Vec<String> = deck.tags.iter().chain(&note.tags).cloned().collect();
        let card = |variant: Option<String>, kind, prompt: String, answer: String| {
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
            }
        };
        match &note.kind {
            NoteKind::Basic { front, back, reverse } => {
                cards.push(card(None, CardKind::Basic, front.clone(), back.clone()));
                if *reverse {
                    cards.push(card(Some("reverse".into()), CardKind::Reverse, back.clone(), front.clone()));
                }
            }
            NoteKind::Cloze { text } => {
                // Validation guarantees the text parses and has at least one deletion.
                let segments = cloze::parse(text).unwrap_or_default();
                for n in cloze::numbers(&segments) {
                    cards.push(card(
                        Some(format!("c{n}")),
                        CardKind::Cloze,
                        cloze::prompt(&segments, n),
                        cloze::answer(&segments, n),
                    ));
                }
            }
        }
    }
    cards
}
