//! Reading a card's response line and judging it, the same way for every front end: the piped
//! protocol today, the terminal and exams later.

use crate::answer::{self, Note, Verdict};
use serde::Serialize;
use std::borrow::Cow;

use crate::answer::Check;
use crate::deck::reading::{self, shown};
use crate::deck::{Card, Judge};
use crate::i18n::Lang;
use crate::scheduler::Rating;
use crate::tr;
use crate::tr_in;

/// A judged response, as data: the verdict, the grade it suggests, the expected answer and the
/// response as the screens show them, and the notes (a difference, what was set aside or read,
/// why). Each driver renders it in its own language (`lines`).
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    pub verdict: Verdict,
    pub suggest: Rating,
    /// The expected answer.
    pub answer: Shown,
    /// The response; None for "don't know" (an empty line).
    pub response: Option<Shown>,
    /// What the screens say under the answer and the response.
    pub notes: Vec<Note>,
    /// For a choice or true/false question, the option chosen, as kept with the answer (see
    /// `ReviewRow::chosen_option`): the option's text as written, `true` or `false`, or the
    /// empty text for "don't know". None for the other kinds.
    pub chosen: Option<String>,
}

/// An answer or a response as shown to people (readings in parentheses: `文在寅(ムン・ジェイン)`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shown {
    Text {
        text: String,
    },
    /// A choice's option: its displayed number (from 1) and its text.
    Option {
        number: usize,
        text: String,
    },
    TrueFalse {
        value: bool,
    },
    /// An order question's answer: the displayed numbers in the right order, and the items in
    /// that order (joined by ` → `).
    Order {
        numbers: Vec<usize>,
        items: String,
    },
    /// An order response: the displayed numbers as typed, and how many of `total` are in place.
    Placed {
        numbers: Vec<usize>,
        in_place: usize,
        total: usize,
    },
}

impl Shown {
    /// A card's expected answer as data (`answer`: the card's `answer` or `short_answer`): a
    /// true/false question's is its truth value, any other card's the text with its readings
    /// shown.
    pub fn expected(card: &Card, answer: &str) -> Shown {
        match card.judge {
            Judge::TrueFalse { answer } => Shown::TrueFalse { value: answer },
            _ => Shown::Text { text: shown(answer).into_owned() },
        }
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let numbers = |ns: &[usize]| ns.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
        match self {
            Shown::Text { text } => text.clone(),
            Shown::Option { number, text } => format!("{number} {text}"),
            Shown::TrueFalse { value: true } => tr_in!(lang, "review-true"),
            Shown::TrueFalse { value: false } => tr_in!(lang, "review-false"),
            Shown::Order { numbers: ns, items } => format!("{}  ({items})", numbers(ns)),
            Shown::Placed { numbers: ns, in_place, total } => {
                tr_in!(lang, "review-order-you", typed = numbers(ns), n = *in_place, total = *total)
            }
        }
    }
}

impl Judged {
    /// Lines for people in `lang`: the answer, the response, then the notes.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![answer_line(lang, &self.answer.text(lang)), you_line(lang, self.response.as_ref())];
        lines.extend(self.notes.iter().map(|n| n.line(lang)));
        lines
    }
}

/// "answer: …" in `lang`.
pub fn answer_line(lang: Lang, answer: &str) -> String {
    tr_in!(lang, "review-answer", answer = answer)
}

/// "you: …", or "you: (no answer)" for None, in `lang`.
fn you_line(lang: Lang, response: Option<&Shown>) -> String {
    match response {
        Some(shown) => tr_in!(lang, "review-you", response = shown.text(lang)),
        None => tr_in!(lang, "review-you", response = tr_in!(lang, "review-no-answer")),
    }
}

/// The order options or items are shown in: `result[p]` is the index of what is shown at p.
/// Seeded by the card key and review count, so it is the same until the card is answered.
pub fn display_order(card: &Card, reps: u32) -> Vec<usize> {
    match &card.judge {
        Judge::Choice { options } => answer::shuffle_options(options.len(), &card.key, reps),
        Judge::Order { items } => answer::shuffle(items.len(), &card.key, reps),
        _ => Vec::new(),
    }
}

/// Judges `line` for `card`. Returns `Ok(None)` for a self-graded card, `Err(message)` when the
/// line is not a well-formed response of the card's kind (the line is then asked again). An
/// empty line is "don't know": wrong, for every judged kind.
pub fn judge(card: &Card, reps: u32, line: &str) -> Result<Option<Judged>, String> {
    let order = display_order(card, reps);
    let dont_know = line.trim().is_empty();
    let judged = |verdict: Verdict, answer: Shown, response: Option<Shown>, notes: Vec<Note>| {
        Ok(Some(Judged {
            verdict,
            suggest: verdict.suggest(),
            answer,
            response: response.filter(|_| !dont_know),
            notes,
            chosen: None,
        }))
    };
    // Choice and true/false keep the option chosen (item analysis); "" is "don't know".
    let chose = |j: Option<Judged>, chosen: &str| j.map(|j| Judged { chosen: Some(chosen.to_string()), ..j });
    let text = |t: &str| Shown::Text { text: t.to_string() };
    match &card.judge {
        Judge::SelfGraded => Ok(None),
        Judge::Typed { check, expected, accept, names } => {
            // A person's titles are set aside (DESIGN.md, "Answer judging").
            let person = card.category.as_deref() == Some("person") || answer::names_in(accept);
            // The person's full names the deck gives count as accepted answers.
            let accept: Vec<String> = accept.iter().chain(names).cloned().collect();
            let j = judge_typed_with_readings(*check, expected, &accept, line, person);
            let mut notes = Vec::new();
            if let Some(diff) = j.diff.filter(|_| !dont_know) {
                notes.push(Note::Diff { diff });
            }
            notes.extend(j.explanation.notes());
            judged(j.verdict, text(&shown(expected)), Some(text(line)), notes)
        }
        Judge::Choice { options } => {
            let right_pos = order.iter().position(|&i| i == 0).unwrap_or(0);
            let answer = Shown::Option { number: right_pos + 1, text: shown(&options[0]).into_owned() };
            if dont_know {
                return judged(Verdict::Wrong, answer, None, Vec::new()).map(|j| chose(j, ""));
            }
            // An option is typed as its text without readings (as the `option` lines give it).
            let bases: Vec<Cow<str>> = order.iter().map(|&i| reading::base(&options[i])).collect();
            let bases: Vec<&str> = bases.iter().map(|b| b.as_ref()).collect();
            let pos = answer::parse_choice(line, &bases)?;
            let verdict = if order[pos] == 0 { Verdict::Right } else { Verdict::Wrong };
            let chosen = Shown::Option { number: pos + 1, text: shown(&options[order[pos]]).into_owned() };
            judged(verdict, answer, Some(chosen), Vec::new()).map(|j| chose(j, &options[order[pos]]))
        }
        Judge::TrueFalse { answer } => {
            let expected = Shown::TrueFalse { value: *answer };
            if dont_know {
                return judged(Verdict::Wrong, expected, None, Vec::new()).map(|j| chose(j, ""));
            }
            let said = answer::parse_true_false(line).ok_or_else(|| tr!("review-not-true-false", line = line))?;
            let verdict = if said == *answer { Verdict::Right } else { Verdict::Wrong };
            judged(verdict, expected, Some(Shown::TrueFalse { value: said }), Vec::new())
                .map(|j| chose(j, if said { "true" } else { "false" }))
        }
        Judge::Order { items } => {
            let numbers: Vec<usize> =
                (0..items.len()).map(|i| order.iter().position(|&o| o == i).unwrap_or(0) + 1).collect();
            let expected = Shown::Order { numbers, items: shown(&reading::join(items, " → ")).into_owned() };
            if dont_know {
                return judged(Verdict::Wrong, expected, None, Vec::new());
            }
            let response = answer::parse_order(line, items.len())?;
            let (in_place, verdict) = answer::judge_order(&response, &order);
            let placed =
                Shown::Placed { numbers: response.iter().map(|p| p + 1).collect(), in_place, total: items.len() };
            judged(verdict, expected, Some(placed), Vec::new())
        }
    }
}

/// Judges a typed response where the expected answer (or an accepted one) may hold readings
/// (`文在寅[ムン・ジェイン]`): against the bases first (`文在寅`); when that is not right, against
/// the readings alone (`ムン・ジェイン`), and the better verdict wins. The readings are judged as
/// answers of their own (not through `Expected::reading`), so words around them are set aside too.
fn judge_typed_with_readings(
    check: Check,
    expected: &str,
    accept: &[String],
    line: &str,
    person: bool,
) -> answer::Judgement {
    let bases: Vec<String> = accept.iter().map(|a| reading::base(a).into_owned()).collect();
    let base = reading::base(expected);
    let by_base =
        answer::judge(&answer::Expected { check, answer: &base, accept: &bases, person, reading: None }, line);
    let with_readings: Vec<&str> = std::iter::once(expected)
        .chain(accept.iter().map(String::as_str))
        .filter(|t| reading::has_readings(t))
        .collect();
    if by_base.verdict == Verdict::Right || with_readings.is_empty() {
        return by_base;
    }
    let first = reading::reading(with_readings[0]);
    let readings: Vec<String> = with_readings[1..].iter().map(|t| reading::reading(t).into_owned()).collect();
    let by_reading =
        answer::judge(&answer::Expected { check, answer: &first, accept: &readings, person, reading: None }, line);
    if by_reading.verdict > by_base.verdict {
        by_reading
    } else {
        by_base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::CardKind;

    fn card(judge: Judge) -> Card {
        Card {
            key: "d/n".into(),
            deck: "d".into(),
            note_id: "n".into(),
            kind: CardKind::Typed,
            prompt: "韓国の大統領は？".into(),
            answer: "文在寅[ムン・ジェイン]".into(),
            tags: Vec::new(),
            section: None,
            explanation: None,
            renamed_from: None,
            judge,
            category: None,
            short_answer: "文在寅[ムン・ジェイン]".into(),
        }
    }

    #[test]
    fn a_true_false_answer_is_worded_by_the_driver_in_its_language() {
        // As deck::expand makes a statement's card: its answer is the truth value as data.
        let statement = Card { answer: "true".into(), ..card(Judge::TrueFalse { answer: true }) };
        assert_eq!(Shown::expected(&statement, &statement.answer), Shown::TrueFalse { value: true });
        // The catalogue's words (locales/*/review.ftl: review-true).
        assert_eq!(Shown::expected(&statement, &statement.answer).text(Lang::En), "true (正)");
        assert_eq!(Shown::expected(&statement, &statement.answer).text(Lang::Ja), "正(○)");
        // Any other card's answer is its text, readings shown.
        let typed = card(Judge::SelfGraded);
        assert_eq!(Shown::expected(&typed, &typed.answer).text(Lang::Ja), "文在寅(ムン・ジェイン)");
    }

    #[test]
    fn a_typed_answer_is_judged_by_its_base_or_its_reading() {
        let typed = card(Judge::Typed {
            check: Check::Text,
            expected: "文在寅[ムン・ジェイン]".into(),
            accept: vec!["文 大統領[だいとうりょう]".into()],
            names: vec![],
        });
        let verdict = |line: &str| judge(&typed, 0, line).unwrap().unwrap().verdict;
        assert_eq!(verdict("文在寅"), Verdict::Right);
        assert_eq!(verdict("ムン・ジェイン"), Verdict::Right);
        // An accepted answer's base and reading count too.
        assert_eq!(verdict("文大統領"), Verdict::Right);
        assert_eq!(verdict("文だいとうりょう"), Verdict::Right);
        assert_eq!(verdict("金正恩"), Verdict::Wrong);
        // The markup itself is not the answer.
        assert_ne!(verdict("文在寅(ムン・ジェイン)"), Verdict::Right);
        let lines = judge(&typed, 0, "ムン・ジェイン").unwrap().unwrap().lines(Lang::En);
        assert_eq!(lines[0], "answer: 文在寅(ムン・ジェイン)");
    }

    #[test]
    fn a_choice_is_typed_by_its_base_and_shown_with_its_reading() {
        let options = vec!["文在寅[ムン・ジェイン]".to_string(), "尹錫悦[ユン・ソンニョル]".into(), "[sic]".into()];
        let choice = Card { kind: CardKind::Choice, ..card(Judge::Choice { options }) };
        let order = display_order(&choice, 0);
        let right = order.iter().position(|&i| i == 0).unwrap() + 1;
        let j = judge(&choice, 0, "文在寅").unwrap().unwrap();
        assert_eq!(j.verdict, Verdict::Right);
        assert_eq!(
            j.lines(Lang::En),
            vec![format!("answer: {right} 文在寅(ムン・ジェイン)"), format!("you: {right} 文在寅(ムン・ジェイン)")]
        );
        assert_eq!(judge(&choice, 0, "[sic]").unwrap().unwrap().verdict, Verdict::Wrong);
    }
}
