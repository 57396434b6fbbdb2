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
    fn add(&mut self, path: String, code: &'static str, message: String, hint: Option<String>) {
        self.0.push((path, code, message, hint));
    }
}

fn id_hint() -> Option<String> {
    Some(crate::tr!("lint-id-hint"))
}

/// Validates `raw` (read from `file`, whose text is `text`); the deck id defaults to `stem`.
pub fn validate(raw: &RawDeck, file: &str, stem: &str, text: &str) -> Result<Deck, Vec<Diagnostic>> {
    let text_lang = text_lang(raw.lang.as_deref(), text);
    let mut problems = Problems::default();
    let deck_id = raw.deck.clone().unwrap_or_else(|| stem.to_string());
    if !is_valid_id(&deck_id) {
        let path = if raw.deck.is_some() { "deck" } else { "" };
        let hint = if raw.deck.is_some() { id_hint() } else { Some(crate::tr!("lint-bad-deck-id-hint")) };
        problems.add(path.into(), "bad-deck-id", crate::tr!("lint-bad-deck-id", id = deck_id.as_str()), hint);
    }
    let deck_check = match raw.check.as_deref() {
        None => None,
        Some(c) => {
            let parsed = Check::parse(c);
            if parsed.is_none() {
                problems.add("check".into(), "bad-check", crate::tr!("lint-bad-check", check = c), None);
            }
            parsed
        }
    };

    // A note named as a teacher counts (`card 3 (line 12)`); positions are looked up only
    // when a message needs one.
    let locator = std::cell::OnceCell::new();
    let card = |k: usize| {
        let line = locator.get_or_init(|| Locator::new(text)).find(&format!("cards.{k}")).0;
        super::authoring::card_name(k, line)
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
                    crate::tr!("lint-missing-id"),
                    Some(crate::tr!("lint-missing-id-hint")),
                );
                continue;
            }
            Some(id) => id.to_string(),
        };
        if !is_valid_id(&id) {
            problems.add(format!("cards.{i}.id"), "bad-id", crate::tr!("lint-bad-id", id = id.as_str()), id_hint());
        }
        if let Some(&first) = seen.get(&id) {
            problems.add(
                format!("cards.{i}.id"),
                "duplicate-id",
                crate::tr!("lint-duplicate-id", id = id.as_str(), first = card(first)),
                Some(crate::tr!("lint-duplicate-id-hint")),
            );
        } else {
            seen.insert(id.clone(), i);
        }
        let mut checker = NoteChecker { i, id: &id, problems: &mut problems, text_lang };
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
                crate::tr!("lint-renamed-from-twice", old = old, first = card(first)),
                Some(crate::tr!("lint-renamed-from-twice-hint")),
            );
        }
        if old_deck == deck_id && seen.contains_key(old_id) {
            problems.add(
                format!("cards.{i}.renamed_from"),
                "renamed-from-present",
                crate::tr!("lint-renamed-from-present", old = old_id),
                Some(crate::tr!("lint-renamed-from-present-hint")),
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
    let locator = locator.into_inner().unwrap_or_else(|| Locator::new(text));
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

/// The language the deck's own text is written in, for text kioku writes into its cards (the
/// default instruction of an order note): the deck's `lang` when it is `ja…` or `en…`, else
/// Japanese when the file holds kana or kanji, else English. Never the interface language: a
/// validated deck is cached, so its text must not depend on who loaded it first.
fn text_lang(lang: Option<&str>, text: &str) -> crate::i18n::Lang {
    use crate::i18n::Lang;
    match lang.map(|l| l.trim().to_ascii_lowercase()) {
        Some(l) if l.starts_with("ja") => Lang::Ja,
        Some(l) if l.starts_with("en") => Lang::En,
        _ if text.chars().any(|c| super::reading::is_kanji(c) || super::reading::is_kana(c)) => Lang::Ja,
        _ => Lang::En,
    }
}

struct NoteChecker<'a> {
    i: usize,
    id: &'a str,
    problems: &'a mut Problems,
    /// The language of the deck's text (see `text_lang`).
    text_lang: crate::i18n::Lang,
}

impl NoteChecker<'_> {
    fn at(&self, field: &str) -> String {
        format!("cards.{}.{field}", self.i)
    }

    fn add(&mut self, field: &str, code: &'static str, message: String, hint: Option<String>) {
        let path = if field.is_empty() { format!("cards.{}", self.i) } else { self.at(field) };
        self.problems.add(path, code, message, hint);
    }

    /// `value` if present and not blank; a blank one is a problem.
    fn text(&mut self, field: &str, value: &Option<String>) -> Option<String> {
        match value {
            Some(v) if v.trim().is_empty() => {
                self.add(field, "empty-field", crate::tr!("lint-empty-field", field = field), None);
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
                    crate::tr!("lint-empty-entry", n = k + 1, field = field),
                    None,
                );
            } else if let Some(first) = seen.insert(v.trim().to_string(), k).filter(|_| field != "accept") {
                self.problems.add(
                    format!("{}.{k}", self.at(field)),
                    "duplicate-entry",
                    crate::tr!(
                        "lint-duplicate-entry",
                        value = v.as_str(),
                        field = field,
                        first = first + 1,
                        second = k + 1
                    ),
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
                    crate::tr!("lint-no-content-answer-hint")
                } else {
                    crate::tr!("lint-no-content-hint")
                };
                self.add("", "no-content", crate::tr!("lint-no-content", id = self.id), Some(hint));
                return None;
            }
            several => {
                self.add(
                    "",
                    "mixed-kinds",
                    crate::tr!("lint-mixed-kinds", id = self.id, kinds = several.join(", ")),
                    None,
                );
                return None;
            }
        };
        if n.reverse == Some(true) && kind != "front/back" {
            self.add("reverse", "misplaced-field", crate::tr!("lint-misplaced-reverse"), None);
        }
        if n.answer.is_some() && !matches!(kind, "question" | "statement") {
            self.add(
                "answer",
                "misplaced-field",
                crate::tr!("lint-misplaced-answer"),
                Some(crate::tr!("lint-misplaced-answer-hint")),
            );
        }
        match kind {
            "front/back" => {
                if n.front.is_none() {
                    self.add("", "missing-front", crate::tr!("lint-missing-front", id = self.id), None);
                }
                if n.back.is_none() {
                    self.add("", "missing-back", crate::tr!("lint-missing-back", id = self.id), None);
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
                            crate::tr!("lint-cloze-without-deletion"),
                            Some(crate::tr!("lint-cloze-without-deletion-hint")),
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
                    self.add("", "missing-question", crate::tr!("lint-missing-question", id = self.id), None);
                }
                let answer = self.text("answer", &n.answer);
                if n.answer.is_none() {
                    self.add("", "missing-answer", crate::tr!("lint-missing-answer", id = self.id), None);
                }
                let distractors = self.list("distractors", &n.distractors);
                if distractors.is_empty() {
                    self.add(
                        "",
                        "too-few-options",
                        crate::tr!("lint-too-few-options", id = self.id),
                        Some(crate::tr!("lint-too-few-options-hint")),
                    );
                }
                if let Some(a) = &answer {
                    if let Some(k) = distractors.iter().position(|d| d.trim() == a.trim()) {
                        self.problems.add(
                            format!("{}.{k}", self.at("distractors")),
                            "answer-in-distractors",
                            crate::tr!("lint-answer-in-distractors", answer = a.as_str()),
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
                        self.add("", "missing-answer", crate::tr!("lint-missing-statement-answer", id = self.id), None);
                        None
                    }
                    Some(a) => {
                        let parsed = answer::parse_true_false(a);
                        if parsed.is_none() {
                            self.add("answer", "bad-answer", crate::tr!("lint-bad-statement-answer", answer = a), None);
                        }
                        parsed
                    }
                };
                Some(NoteKind::TrueFalse { statement: statement?, answer: answer? })
            }
            _ => {
                let instruction = match &n.order {
                    Some(_) => self.text("order", &n.order)?,
                    None => crate::tr_in!(self.text_lang, "decktext-order-instruction"),
                };
                let items = self.list("items", &n.items);
                if items.len() < 2 {
                    self.add(
                        if n.items.is_some() { "items" } else { "" },
                        "too-few-items",
                        crate::tr!("lint-too-few-items", id = self.id),
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
                    self.add("check", "bad-check", crate::tr!("lint-bad-check", check = c), None);
                }
                parsed
            }
        };
        let typed_kind = matches!(kind, Some(NoteKind::Basic { .. } | NoteKind::Cloze { .. }));
        if (n.check.is_some() || n.accept.is_some()) && kind.is_some() && !typed_kind {
            let field = if n.check.is_some() { "check" } else { "accept" };
            self.add(field, "misplaced-field", crate::tr!("lint-misplaced-check", field = field), None);
            return None;
        }
        if n.accept.is_some() && own.is_none() && deck_default.is_none() && n.check.is_none() {
            self.add("accept", "accept-without-check", crate::tr!("lint-accept-without-check"), None);
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
                let message = if check == Check::Date {
                    crate::tr!("lint-unreadable-date", value = value.as_str())
                } else {
                    crate::tr!("lint-unreadable-number", value = value.as_str())
                };
                self.add(field, "unreadable-answer", message, Some(crate::tr!("lint-unreadable-answer-hint")));
            }
        }
        Some(check)
    }

    fn renamed_from(&mut self, n: &RawNote, deck_id: &str) -> Option<String> {
        let old = n.renamed_from.as_deref()?.trim();
        let full = if old.contains('/') { old.to_string() } else { format!("{deck_id}/{old}") };
        let valid = full.split_once('/').is_some_and(|(d, n)| is_valid_id(d) && is_valid_id(n));
        if !valid {
            self.add("renamed_from", "bad-renamed-from", crate::tr!("lint-bad-renamed-from", old = old), None);
        }
        Some(full)
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::NoteKind;
    use crate::i18n::{with_lang, Lang};

    /// The instruction of an order note written without `order:`.
    fn instruction(yaml: &str) -> String {
        let (deck, _) = super::super::load::load_text(yaml.as_bytes(), "d.yaml", "d").unwrap();
        match &deck.notes[0].kind {
            NoteKind::Order { instruction, .. } => instruction.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_default_order_instruction_is_in_the_decks_language_not_the_interfaces() {
        let ja = "cards:\n  - id: o\n    items: [ソ韓国交正常化, 中韓国交正常化]\n";
        let en = "cards:\n  - id: o\n    items: [Seoul, Pyongyang]\n";
        let tagged = "lang: en\ncards:\n  - id: o\n    items: [ソ韓, 中韓]\n";
        for lang in Lang::ALL {
            with_lang(lang, || {
                assert_eq!(instruction(ja), "正しい順に並べよ");
                assert_eq!(instruction(en), "Put these in the right order");
                // The deck's `lang` wins over its script.
                assert_eq!(instruction(tagged), "Put these in the right order");
            });
        }
    }
}
