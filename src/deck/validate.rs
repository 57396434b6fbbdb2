//! Checks a parsed deck file and builds the validated `Deck`. Every problem in the file is
//! reported at once; positions are looked up only when there is a problem.

use std::collections::HashMap;

use super::cloze;
use super::diagnostic::Diagnostic;
use super::model::{Deck, Note, NoteKind, RawDeck};
use super::yaml::Locator;

/// Ids (deck and note) are letters, digits, `-` and `_`: they become part of card keys, where
/// `/` and `:` separate the parts.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Validates `raw` (read from `file`, whose text is `text`); the deck id defaults to `stem`.
pub fn validate(raw: &RawDeck, file: &str, stem: &str, text: &str) -> Result<Deck, Vec<Diagnostic>> {
    let mut problems = Problems::default();
    let mut problem =
        |path: String, code: &'static str, message: String, hint: Option<&str>| problems.add(path, code, message, hint);
    let id_hint = Some("use letters, digits, '-' and '_' only");

    let deck_id = raw.deck.clone().unwrap_or_else(|| stem.to_string());
    if !is_valid_id(&deck_id) {
        let path = if raw.deck.is_some() { "deck" } else { "" };
        problem(path.into(), "bad-deck-id", format!("deck id '{deck_id}' is not valid"), id_hint);
    }

    let mut notes = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, n) in raw.cards.iter().flatten().enumerate() {
        let at = |field: &str| format!("cards.{i}.{field}");
        let id = match n.id.as_deref().map(str::trim) {
            None | Some("") => {
                problem(
                    format!("cards.{i}"),
                    "missing-id",
                    "note has no id".into(),
                    Some("add `id: a-stable-name`; the id keeps the student's progress when the note is edited"),
                );
                continue;
            }
            Some(id) => id.to_string(),
        };
        if !is_valid_id(&id) {
            problem(at("id"), "bad-id", format!("note id '{id}' is not valid"), id_hint);
        }
        if let Some(&first) = seen.get(&id) {
            problem(
                at("id"),
                "duplicate-id",
                format!("duplicate note id '{id}' (also used by note {} of this deck)", first + 1),
                Some("each note needs its own id"),
            );
        } else {
            seen.insert(id.clone(), i);
        }
        let front = nonempty(&at("front"), "front", &n.front, &mut problem);
        let back = nonempty(&at("back"), "back", &n.back, &mut problem);
        let cloze_text = nonempty(&at("cloze"), "cloze", &n.cloze, &mut problem);
        let kind = match (n.front.is_some() || n.back.is_some(), n.cloze.is_some()) {
            (true, true) => {
                problem(at("cloze#key"), "mixed-kinds", "a note is either front/back or cloze, not both".into(), None);
                None
            }
            (false, false) => {
                problem(
                    format!("cards.{i}"),
                    "no-content",
                    format!("note '{id}' has neither front/back nor cloze"),
                    Some("add `front:` and `back:`, or `cloze:` with {{c1::…}}"),
                );
                None
            }
            (true, false) => {
                if n.front.is_none() {
                    problem(
                        format!("cards.{i}"),
                        "missing-front",
                        format!("note '{id}' has a back but no front"),
                        None,
                    );
                }
                if n.back.is_none() {
                    problem(format!("cards.{i}"), "missing-back", format!("note '{id}' has a front but no back"), None);
                }
                match (front, back) {
                    (Some(front), Some(back)) => {
                        Some(NoteKind::Basic { front, back, reverse: n.reverse.unwrap_or(false) })
                    }
                    _ => None,
                }
            }
            (false, true) => {
                if n.reverse == Some(true) {
                    problem(
                        at("reverse"),
                        "reverse-cloze",
                        "`reverse` applies to front/back notes, not cloze".into(),
                        None,
                    );
                }
                match cloze_text.map(|t| (cloze::parse(&t), t)) {
                    Some((Ok(segments), text)) if !cloze::numbers(&segments).is_empty() => {
                        Some(NoteKind::Cloze { text })
                    }
                    Some((Ok(_), _)) => {
                        problem(
                            at("cloze"),
                            "cloze-without-deletion",
                            "cloze has no deletion".into(),
                            Some("mark the hidden part as {{c1::text}}"),
                        );
                        None
                    }
                    Some((Err((_, message)), _)) => {
                        problem(at("cloze"), "bad-cloze", message, None);
                        None
                    }
                    None => None,
                }
            }
        };
        let renamed_from = match n.renamed_from.as_deref().map(str::trim) {
            None => None,
            Some(old) => {
                let full = if old.contains('/') { old.to_string() } else { format!("{deck_id}/{old}") };
                let valid = full.split_once('/').is_some_and(|(d, n)| is_valid_id(d) && is_valid_id(n));
                if !valid {
                    problem(
                        at("renamed_from"),
                        "bad-renamed-from",
                        format!("renamed_from '{old}' is not a note id or deck/note-id"),
                        None,
                    );
                }
                Some(full)
            }
        };
        if let Some(kind) = kind {
            notes.push(Note {
                id,
                kind,
                tags: n.tags.clone().unwrap_or_default(),
                section: n.section.clone(),
                explanation: n.explanation.clone(),
                category: n.category.clone(),
                renamed_from,
            });
        }
    }

    if problems.0.is_empty() {
        return Ok(Deck {
            id: deck_id,
            title: raw.title.clone(),
            source: raw.source.clone(),
            tags: raw.tags.clone().unwrap_or_default(),
            file: file.to_string(),
            notes,
        });
    }
    let locator = Locator::new(text);
    Err(problems
        .0
        .into_iter()
        .map(|(path, code, message, hint)| {
            let mut d = Diagnostic::error(file, locator.find(&path), code, message).with_source(text);
            d.hint = hint;
            d
        })
        .collect())
}

type Problem = (String, &'static str, String, Option<String>);

/// Problems found so far: (path in the document, code, message, hint).
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: String, code: &'static str, message: String, hint: Option<&str>) {
        self.0.push((path, code, message, hint.map(str::to_string)));
    }
}

/// `value`, unless it is present but blank (then a problem at `path`).
fn nonempty(
    path: &str,
    field: &str,
    value: &Option<String>,
    problem: &mut impl FnMut(String, &'static str, String, Option<&str>),
) -> Option<String> {
    match value {
        Some(v) if v.trim().is_empty() => {
            problem(path.to_string(), "empty-field", format!("`{field}` is empty"), None);
            None
        }
        v => v.clone(),
    }
}
