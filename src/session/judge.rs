//! Reading a card's response line and judging it, the same way for every front end: the piped
//! protocol today, the terminal and exams later.

use crate::answer::{self, Verdict};
use std::borrow::Cow;

use crate::answer::Check;
use crate::deck::reading::{self, shown};
use crate::deck::{Card, Judge};
use crate::scheduler::Rating;
use crate::tr;

/// A judged response: the verdict, the grade it suggests, and what to show the student.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    pub verdict: Verdict,
    pub suggest: Rating,
    /// Lines for people: the expected answer, the response, the difference or the score.
    pub lines: Vec<String>,
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
    let judged = |verdict: Verdict, lines: Vec<String>| Ok(Some(Judged { verdict, suggest: verdict.suggest(), lines }));
    let dont_know = line.trim().is_empty();
    match &card.judge {
        Judge::SelfGraded => Ok(None),
        Judge::Typed { check, expected, accept } => {
            // A person's titles are set aside (DESIGN.md, "Answer judging").
            let person = card.category.as_deref() == Some("person") || answer::names_in(accept);
            let j = judge_typed_with_readings(*check, expected, accept, line, person);
            let mut lines =
                vec![tr!("review-answer", answer = shown(expected)), you(if dont_know { None } else { Some(line) })];
            if let Some(diff) = j.diff.filter(|_| !dont_know) {
                lines.push(tr!("review-diff", diff = diff));
            }
            lines.extend(j.explanation.lines());
            judged(j.verdict, lines)
        }
        Judge::Choice { options } => {
            let right_pos = order.iter().position(|&i| i == 0).unwrap_or(0);
            let answer_line = tr!("review-answer", answer = format!("{} {}", right_pos + 1, shown(&options[0])));
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, you(None)]);
            }
            // An option is typed as its text without readings (as the `option` lines give it).
            let bases: Vec<Cow<str>> = order.iter().map(|&i| reading::base(&options[i])).collect();
            let bases: Vec<&str> = bases.iter().map(|b| b.as_ref()).collect();
            let pos = answer::parse_choice(line, &bases)?;
            let verdict = if order[pos] == 0 { Verdict::Right } else { Verdict::Wrong };
            judged(verdict, vec![answer_line, you(Some(&format!("{} {}", pos + 1, shown(&options[order[pos]]))))])
        }
        Judge::TrueFalse { answer } => {
            let word = |b: bool| if b { tr!("review-true") } else { tr!("review-false") };
            let answer_line = tr!("review-answer", answer = word(*answer));
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, you(None)]);
            }
            let said = answer::parse_true_false(line).ok_or_else(|| tr!("review-not-true-false", line = line))?;
            let verdict = if said == *answer { Verdict::Right } else { Verdict::Wrong };
            judged(verdict, vec![answer_line, you(Some(&word(said)))])
        }
        Judge::Order { items } => {
            let right: Vec<String> =
                (0..items.len()).map(|i| (order.iter().position(|&o| o == i).unwrap_or(0) + 1).to_string()).collect();
            let answer_line = tr!(
                "review-answer",
                answer = format!("{}  ({})", right.join(" "), shown(&reading::join(items, " → ")))
            );
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, you(None)]);
            }
            let response = answer::parse_order(line, items.len())?;
            let (in_place, verdict) = answer::judge_order(&response, &order);
            let typed: Vec<String> = response.iter().map(|p| (p + 1).to_string()).collect();
            let placed = tr!("review-order-you", typed = typed.join(" "), n = in_place, total = items.len());
            judged(verdict, vec![answer_line, you(Some(&placed))])
        }
    }
}

/// "you: …", or "you: (no answer)" for an empty line.
fn you(response: Option<&str>) -> String {
    match response {
        Some(text) => tr!("review-you", response = text),
        None => tr!("review-you", response = tr!("review-no-answer")),
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
    fn a_typed_answer_is_judged_by_its_base_or_its_reading() {
        let typed = card(Judge::Typed {
            check: Check::Text,
            expected: "文在寅[ムン・ジェイン]".into(),
            accept: vec!["文 大統領[だいとうりょう]".into()],
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
        let lines = judge(&typed, 0, "ムン・ジェイン").unwrap().unwrap().lines;
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
            j.lines,
            vec![format!("answer: {right} 文在寅(ムン・ジェイン)"), format!("you: {right} 文在寅(ムン・ジェイン)")]
        );
        assert_eq!(judge(&choice, 0, "[sic]").unwrap().unwrap().verdict, Verdict::Wrong);
    }
}
