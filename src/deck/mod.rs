//! Decks: YAML files written by teachers, loaded, validated with positioned diagnostics, and
//! expanded into cards. Only `walk` finds deck files and only `load` reads them; only `yaml` knows
//! YAML libraries.

pub mod authoring;
pub mod cloze;
pub mod diagnostic;
pub mod interchange;
pub mod key;
pub mod lint;
mod lint_text;
pub mod load;
pub mod model;
mod names;
pub mod reading;
mod scan;
pub mod schema;
mod slips;
pub mod validate;
mod walk;
pub mod yaml;
mod yaml_words;

pub use diagnostic::{Diagnostic, Severity};
pub use key::CardKey;
pub use load::{load, DeckSource};
pub use model::{Card, CardKind, Deck, Judge, NoteKind};
pub use scan::{scan, FileCache, FileRecord, Scan};
pub use walk::{deck_file_contents, holds_bundled_decks};

/// Checks one deck file's bytes as `kioku lint` would (no file system): the number of cards it
/// makes, or its diagnostics. For fuzzing and property tests; never panics.
pub fn check_bytes(bytes: &[u8], name: &str) -> Result<usize, Vec<Diagnostic>> {
    load::load_text(bytes, name, "fuzz").map(|(deck, _)| expand(&deck).len())
}

/// How notes become cards: part of every deck file's fingerprint, so raising it makes the next
/// run read and expand every file once more, and cards stored before pick up the change without
/// their files being edited. Raise it whenever `expand` (or what it calls) changes its output.
/// 2: readings (furigana) written canonically in card text. 3: full names of a person whose
/// family name a typed card asks (`Judge::Typed::names`). 4: a statement's answer is its truth
/// value (`true`/`false`), worded by each front end, no longer `true (正)`.
pub const EXPANSION_VERSION: u32 = 4;

/// Every tag of `cards`, sorted, each once.
pub fn tags_of(cards: &[Card]) -> Vec<String> {
    let mut tags: Vec<String> = cards.iter().flat_map(|c| c.tags.iter().cloned()).collect();
    tags.sort_unstable();
    tags.dedup();
    tags
}

/// Expands a deck's notes into cards, in note order: front/back → `id` (+ `id:reverse`),
/// cloze → `id:c1`, `id:c2`, … one per deletion number; question, statement and order → `id`.
/// A note with `check:` makes typed cards (its reverse stays self-graded).
pub fn expand(deck: &Deck) -> Vec<Card> {
    let mut cards = Vec::new();
    for note in &deck.notes {
        let tags: Vec<String> = deck.tags.iter().chain(&note.tags).cloned().collect();
        // `check: date` implies the category date (and number likewise).
        let category = note.category.clone().or_else(|| match note.check {
            Some(crate::answer::Check::Date) => Some("date".to_string()),
            Some(crate::answer::Check::Number) => Some("number".to_string()),
            _ => None,
        });
        let card = |variant: Option<String>, kind, prompt: String, answer: String, judge: Judge, short: &str| {
            let suffix = variant.as_ref().map(|v| format!(":{v}")).unwrap_or_default();
            Card {
                key: CardKey::format(&deck.id, &note.id, variant.as_deref()),
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
                category: category.clone(),
                short_answer: short.to_string(),
            }
        };
        let person = category.as_deref() == Some("person") || crate::answer::names_in(&note.accept);
        let typed = |expected: &str| match note.check {
            Some(check) => {
                let names = match check {
                    crate::answer::Check::Text if person => names::full_names(deck, note, &reading::base(expected)),
                    _ => Vec::new(),
                };
                let (expected, accept) = (expected.to_string(), note.accept.clone());
                (CardKind::Typed, Judge::Typed { check, expected, accept, names })
            }
            None => (CardKind::Basic, Judge::SelfGraded),
        };
        match &note.kind {
            NoteKind::Basic { front, back, reverse } => {
                let (kind, judge) = typed(back);
                cards.push(card(None, kind, front.clone(), back.clone(), judge, back));
                if *reverse {
                    let reverse = card(
                        Some("reverse".into()),
                        CardKind::Reverse,
                        back.clone(),
                        front.clone(),
                        Judge::SelfGraded,
                        front,
                    );
                    // The reverse asks for the front: not the note's category of answer.
                    cards.push(Card { category: None, ..reverse });
                }
            }
            NoteKind::Cloze { text } => {
                // Validation guarantees the text parses and has at least one deletion.
                let segments = cloze::parse(text).unwrap_or_default();
                for n in cloze::numbers(&segments) {
                    let (kind, judge) = typed(&cloze::hidden_text(&segments, n));
                    let kind = if kind == CardKind::Basic { CardKind::Cloze } else { kind };
                    let (prompt, answer) = (cloze::prompt(&segments, n), cloze::answer(&segments, n));
                    let hidden = cloze::hidden_text(&segments, n);
                    cards.push(card(Some(format!("c{n}")), kind, prompt, answer, judge, &hidden));
                }
            }
            NoteKind::Choice { question, answer, distractors } => {
                let options = std::iter::once(answer).chain(distractors).cloned().collect();
                cards.push(card(
                    None,
                    CardKind::Choice,
                    question.clone(),
                    answer.clone(),
                    Judge::Choice { options },
                    answer,
                ));
            }
            NoteKind::TrueFalse { statement, answer } => {
                // The truth value as data; each front end words it (`Shown::TrueFalse`).
                let truth = if *answer { "true" } else { "false" };
                let judge = Judge::TrueFalse { answer: *answer };
                cards.push(card(None, CardKind::TrueFalse, statement.clone(), truth.into(), judge, truth));
            }
            NoteKind::Order { instruction, items } => {
                let judge = Judge::Order { items: items.clone() };
                let joined = reading::join(items, " → ");
                cards.push(card(None, CardKind::Order, instruction.clone(), joined.clone(), judge, &joined));
            }
        }
    }
    cards
}
