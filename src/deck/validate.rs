//! Checks a parsed deck file and builds the validated `Deck`. Every problem in the file is
//! reported at once; positions are looked up only when there is a problem.

use std::collections::HashMap;

use super::cloze;
use super::diagnostic::Diagnostic;
use super::model::{Deck, Note, NoteKind, RawDeck, RawNote};
use super::yaml::Locator;
use crate::answer::{self, date, number, Check};

/// Ids (deck and note) are letters, digits, `-` and `_`: they become part of card keys, where
/// `/` and `:` separate the parts.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Problems found so far: (path in the document, code, message, hint).
#[derive(Default)]
struct Problems(Vec<(String, &'static str, String, Option<String>)>);

impl Problems {
    fn add(&mut self, path: String, code: &'static str, message: String, hint: Option<&str>) {
        self.0.push((path, code, message, hint.map(str::to_string)));
    }
}

const ID_HINT: Option<&str> = Some("use letters, digits, '-' and '_' only");

/// Validates `raw` (read from `file`, whose text is `text`); the deck id defaults to `stem`.
pub fn validate(raw: &RawDeck, file: &str, stem: &str, text: &str) -> Result<Deck, Vec<Diagnostic>> {
    let mut problems = Problems::default();
    let deck_id = raw.deck.clone().unwrap_or_else(|| stem.to_string());
    if !is_valid_id(&deck_id) {
        let path = if raw.deck.is_some() { "deck" } else { "" };
        let hint = if raw.deck.is_some() {
            ID_HINT
        } else {
            Some("the deck id comes from the file name: rename the file, or add `deck: an-id` (letters, digits, '-' and '_')")
        };
        problems.add(path.into(), "bad-deck-id", format!("deck id '{deck_id}' is not valid"), hint);
    }
    let deck_check = match raw.check.as_deref() {
        None => None,
        Some(c) => {
            let parsed = Check::parse(c);
            if parsed.is_none() {
                problems.add("check".into(), "bad-check", format!("check '{c}' is not text, date or number"), None);
            }
            parsed
        }
    };

    let mut notes = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, n) in raw.cards.iter().flatten().enumerate() {
        if n.unparsed {
            continue;
        }
        let id = match n.id.as_deref().map(str::trim) {
            None | Some("") => {
                problems.add(
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
            problems.add(format!("cards.{i}.id"), "bad-id", format!("note id '{id}' is not valid"), ID_HINT);
        }
        if let Some(&first) = seen.get(&id) {
            problems.add(
                format!("cards.{i}.id"),
                "duplicate-id",
                format!("duplicate note id '{id}' (also used by note {} of this deck)", first + 1),
                Some("each note needs its own id"),
            );
        } else {
            seen.insert(id.clone(), i);
        }
        let mut checker = NoteChecker { i, id: &id, problems: &mut problems };
        let kind = checker.kind(n);
        let check = checker.check(n, kind.as_ref(), deck_check);
        let renamed_from = checker.renamed_from(n, &deck_id);
        if let Some(kind) = kind {
            notes.push(Note {
                id,
                kind,
                check,
                accept: n.accept.clone().unwrap_or_default(),
                tags: n.tags.clone().unwrap_or_default(),
                section: n.section.clone(),
                explanation: n.explanation.clone(),
                category: n.category.clone(),
                renamed_from,
            });
        }
    }

    // History moves only from a note that is gone; naming a note still here would move it back
    // and forth.
    // Two notes naming one old note: its history can go to one of them only.
    let mut claimed: HashMap<(String, String), usize> = HashMap::new();
    for (i, n) in raw.cards.iter().flatten().enumerate() {
        let Some(old) = n.renamed_from.as_deref().map(str::trim) else { continue };
        let (old_deck, old_id) = old.split_once('/').unwrap_or((&deck_id, old));
        if let Some(first) = claimed.insert((old_deck.to_string(), old_id.to_string()), i) {
            problems.add(
                format!("cards.{i}.renamed_from"),
                "renamed-from-twice",
                format!("renamed_from '{old}' is also given by note {} of this deck", first + 1),
                Some("the old note's history can move to one note only: keep renamed_from on that one"),
            );
        }
        if old_deck == deck_id && seen.contains_key(old_id) {
            problems.add(
                format!("cards.{i}.renamed_from"),
                "renamed-from-present",
                format!("renamed_from names '{old_id}', which is still a note of this deck"),
                Some("renamed_from is for a note whose id changed: give the old id, once the old note is gone"),
            );
        }
    }

    if problems.0.is_empty() {
        return Ok(Deck {
            id: deck_id,
            title: raw.title.clone(),
            lang: raw.lang.clone(),
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

struct NoteChecker<'a> {
    i: usize,
    id: &'a str,
    problems: &'a mut Problems,
}

impl NoteChecker<'_> {
    fn at(&self, field: &str) -> String {
        format!("cards.{}.{field}", self.i)
    }

    fn add(&mut self, field: &str, code: &'static str, message: String, hint: Option<&str>) {
        let path = if field.is_empty() { format!("cards.{}", self.i) } else { self.at(field) };
        self.problems.add(path, code, message, hint);
    }

    /// `value` if present and not blank; a blank one is a problem.
    fn text(&mut self, field: &str, value: &Option<String>) -> Option<String> {
        match value {
            Some(v) if v.trim().is_empty() => {
                self.add(field, "empty-field", format!("`{field}` is empty"), None);
                None
            }
            v => v.clone(),
        }
    }

    /// A list whose entries are all non-blank and, except for `accept` (where a redundant
    /// spelling is harmless), distinct as written: options and items are picked by position,
    /// so `-2` and `2`, `Co` and `CO` are two options (`kioku lint` warns about look-alikes).
    fn list(&mut self, field: &str, values: &Option<Vec<String>>) -> Vec<String> {
        let values = values.clone().unwrap_or_default();
        let mut seen = HashMap::new();
        for (k, v) in values.iter().enumerate() {
            if v.trim().is_empty() {
                self.problems.add(
                    format!("{}.{k}", self.at(field)),
                    "empty-field",
                    format!("entry {} of `{field}` is empty", k + 1),
                    None,
                );
            } else if let Some(first) = seen.insert(v.trim().to_string(), k).filter(|_| field != "accept") {
                self.problems.add(
                    format!("{}.{k}", self.at(field)),
                    "duplicate-entry",
                    format!("'{v}' is listed twice in `{field}` (entries {} and {})", first + 1, k + 1),
                    None,
                );
            }
        }
        values
    }

    /// Works out the note's kind from its fields; every field must belong to that kind.
    fn kind(&mut self, n: &RawNote) -> Option<NoteKind> {
        let kinds: Vec<&str> = [
            (n.front.is_some() || n.back.is_some(), "front/back"),
            (n.cloze.is_some(), "cloze"),
            (n.question.is_some() || n.distractors.is_some(), "question"),
            (n.statement.is_some(), "statement"),
            (n.order.is_some() || n.items.is_some(), "order"),
        ]
        .into_iter()
        .filter_map(|(present, name)| present.then_some(name))
        .collect();
        let kind = match kinds.as_slice() {
            [one] => *one,
            [] => {
                let hint = if n.answer.is_some() {
                    "`answer` goes with `question:` or `statement:`; a front/back note uses `back:`"
                } else {
                    "add `front:` and `back:`, or `cloze:` with {{c1::…}}, or `question:`, `statement:` or `order:`"
                };
                self.add(
                    "",
                    "no-content",
                    format!("note '{}' has no question: no front/back, cloze, question, statement or order", self.id),
                    Some(hint),
                );
                return None;
            }
            several => {
                self.add(
                    "",
                    "mixed-kinds",
                    format!("note '{}' mixes kinds ({}); a note is one kind", self.id, several.join(", ")),
                    None,
                );
                return None;
            }
        };
        if n.reverse == Some(true) && kind != "front/back" {
            self.add("reverse", "misplaced-field", "`reverse` applies to front/back notes only".into(), None);
        }
        if n.answer.is_some() && !matches!(kind, "question" | "statement") {
            self.add(
                "answer",
                "misplaced-field",
                "`answer` belongs to question and statement notes".into(),
                Some("a front/back note uses `back:`; a cloze hides its answer in {{c1::…}}"),
            );
        }
        match kind {
            "front/back" => {
                if n.front.is_none() {
                    self.add("", "missing-front", format!("note '{}' has a back but no front", self.id), None);
                }
                if n.back.is_none() {
                    self.add("", "missing-back", format!("note '{}' has a front but no back", self.id), None);
                }
                let (front, back) = (self.text("front", &n.front), self.text("back", &n.back));
                Some(NoteKind::Basic { front: front?, back: back?, reverse: n.reverse.unwrap_or(false) })
            }
            "cloze" => {
                let text = self.text("cloze", &n.cloze)?;
                match cloze::parse(&text) {
                    Ok(segments) if !cloze::numbers(&segments).is_empty() => Some(NoteKind::Cloze { text }),
                    Ok(_) => {
                        self.add(
                            "cloze",
                            "cloze-without-deletion",
                            "cloze has no deletion".into(),
                            Some("mark the hidden part as {{c1::text}}"),
                        );
                        None
                    }
                    Err((_, message)) => {
                        self.add("cloze", "bad-cloze", message, None);
                        None
                    }
                }
            }
            "question" => {
                let question = self.text("question", &n.question);
                if n.question.is_none() {
                    self.add(
                        "",
                        "missing-question",
                        format!("note '{}' has distractors but no question", self.id),
                        None,
                    );
                }
                let answer = self.text("answer", &n.answer);
                if n.answer.is_none() {
                    self.add("", "missing-answer", format!("question '{}' has no `answer`", self.id), None);
                }
                let distractors = self.list("distractors", &n.distractors);
                if distractors.is_empty() {
                    self.add(
                        "",
                        "too-few-options",
                        format!("question '{}' needs `distractors` (at least one wrong option)", self.id),
                        Some("or write it as front/back if it has no options"),
                    );
                }
                if let Some(a) = &answer {
                    if let Some(k) = distractors.iter().position(|d| d.trim() == a.trim()) {
                        self.problems.add(
                            format!("{}.{k}", self.at("distractors")),
                            "answer-in-distractors",
                            format!("the answer '{a}' is also a distractor"),
                            None,
                        );
                    }
                }
                (!distractors.is_empty()).then_some(())?;
                Some(NoteKind::Choice { question: question?, answer: answer?, distractors })
            }
            "statement" => {
                let statement = self.text("statement", &n.statement);
                let answer = match n.answer.as_deref() {
                    None => {
                        self.add(
                            "",
                            "missing-answer",
                            format!("statement '{}' needs `answer: true` or `answer: false`", self.id),
                            None,
                        );
                        None
                    }
                    Some(a) => {
                        let parsed = answer::parse_true_false(a);
                        if parsed.is_none() {
                            self.add(
                                "answer",
                                "bad-answer",
                                format!("a statement's answer is true or false, not '{a}'"),
                                None,
                            );
                        }
                        parsed
                    }
                };
                Some(NoteKind::TrueFalse { statement: statement?, answer: answer? })
            }
            _ => {
                let instruction = match &n.order {
                    Some(_) => self.text("order", &n.order)?,
                    None => "正しい順に並べよ (put in the right order)".to_string(),
                };
                let items = self.list("items", &n.items);
                if items.len() < 2 {
                    self.add(
                        if n.items.is_some() { "items" } else { "" },
                        "too-few-items",
                        format!("order '{}' needs at least two `items`, listed in the right order", self.id),
                        None,
                    );
                    return None;
                }
                Some(NoteKind::Order { instruction, items })
            }
        }
    }

    /// The note's `check` (or the deck's default, for front/back and cloze notes), and whether
    /// the expected answers can be read that way.
    fn check(&mut self, n: &RawNote, kind: Option<&NoteKind>, deck_default: Option<Check>) -> Option<Check> {
        let own = match n.check.as_deref() {
            None => None,
            Some(c) => {
                let parsed = Check::parse(c);
                if parsed.is_none() {
                    self.add("check", "bad-check", format!("check '{c}' is not text, date or number"), None);
                }
                parsed
            }
        };
        let typed_kind = matches!(kind, Some(NoteKind::Basic { .. } | NoteKind::Cloze { .. }));
        if (n.check.is_some() || n.accept.is_some()) && kind.is_some() && !typed_kind {
            let field = if n.check.is_some() { "check" } else { "accept" };
            self.add(field, "misplaced-field", format!("`{field}` applies to front/back and cloze notes"), None);
            return None;
        }
        if n.accept.is_some() && own.is_none() && deck_default.is_none() && n.check.is_none() {
            self.add("accept", "accept-without-check", "`accept` needs `check:` (text, date or number)".into(), None);
        }
        self.list("accept", &n.accept);
        let check = own.or(deck_default).filter(|_| typed_kind)?;
        let expected: Vec<(String, &str)> = match kind {
            Some(NoteKind::Basic { back, .. }) => vec![(back.clone(), "back")],
            Some(NoteKind::Cloze { text }) => {
                let segments = cloze::parse(text).unwrap_or_default();
                cloze::numbers(&segments).into_iter().map(|k| (cloze::hidden_text(&segments, k), "cloze")).collect()
            }
            _ => Vec::new(),
        };
        for (value, field) in expected {
            let folded = answer::normalize::fold(&value);
            let readable = match check {
                Check::Text => true,
                Check::Date => date::parse(&folded).is_some(),
                Check::Number => number::parse(&folded).is_some(),
            };
            if !readable {
                let what = if check == Check::Date {
                    "a date (write it like 2024年12月 or 2024-12-05)"
                } else {
                    "a number (write it like 60日 or 23億ドル)"
                };
                self.add(
                    field,
                    "unreadable-answer",
                    format!(
                        "'{value}' is not {what}, but the note says check: {}",
                        if check == Check::Date { "date" } else { "number" }
                    ),
                    Some("fix the answer, or use check: text"),
                );
            }
        }
        Some(check)
    }

    fn renamed_from(&mut self, n: &RawNote, deck_id: &str) -> Option<String> {
        let old = n.renamed_from.as_deref()?.trim();
        let full = if old.contains('/') { old.to_string() } else { format!("{deck_id}/{old}") };
        let valid = full.split_once('/').is_some_and(|(d, n)| is_valid_id(d) && is_valid_id(n));
        if !valid {
            self.add(
                "renamed_from",
                "bad-renamed-from",
                format!("renamed_from '{old}' is not a note id or deck/note-id"),
                None,
            );
        }
        Some(full)
    }
}
