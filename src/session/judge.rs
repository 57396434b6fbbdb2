//! Reading a card's response line and judging it, the same way for every front end: the piped
//! protocol today, the terminal and exams later.

use crate::answer::{self, Verdict};
use crate::deck::{Card, Judge};
use crate::scheduler::Rating;

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
            let j = answer::judge_typed(*check, expected, accept, line);
            let mut lines =
                vec![format!("answer: {expected}"), format!("you: {}", if dont_know { "(no answer)" } else { line })];
            if let Some(diff) = j.diff.filter(|_| !dont_know) {
                lines.push(format!("diff: {diff}"));
            }
            judged(j.verdict, lines)
        }
        Judge::Choice { options } => {
            let right_pos = order.iter().position(|&i| i == 0).unwrap_or(0);
            let answer_line = format!("answer: {} {}", right_pos + 1, options[0]);
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, "you: (no answer)".into()]);
            }
            let shown: Vec<&str> = order.iter().map(|&i| options[i].as_str()).collect();
            let pos = answer::parse_choice(line, &shown)?;
            let verdict = if order[pos] == 0 { Verdict::Right } else { Verdict::Wrong };
            judged(verdict, vec![answer_line, format!("you: {} {}", pos + 1, shown[pos])])
        }
        Judge::TrueFalse { answer } => {
            let word = |b: bool| if b { "true (正)" } else { "false (誤)" };
            let answer_line = format!("answer: {}", word(*answer));
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, "you: (no answer)".into()]);
            }
            let said = answer::parse_true_false(line).ok_or_else(|| {
                format!("'{line}' is not true or false; type t/f, true/false, y/n, yes/no, ○/×, はい/いいえ or 正/誤")
            })?;
            let verdict = if said == *answer { Verdict::Right } else { Verdict::Wrong };
            judged(verdict, vec![answer_line, format!("you: {}", word(said))])
        }
        Judge::Order { items } => {
            let right: Vec<String> =
                (0..items.len()).map(|i| (order.iter().position(|&o| o == i).unwrap_or(0) + 1).to_string()).collect();
            let answer_line = format!("answer: {}  ({})", right.join(" "), items.join(" → "));
            if dont_know {
                return judged(Verdict::Wrong, vec![answer_line, "you: (no answer)".into()]);
            }
            let response = answer::parse_order(line, items.len())?;
            let (in_place, verdict) = answer::judge_order(&response, &order);
            let typed: Vec<String> = response.iter().map(|p| (p + 1).to_string()).collect();
            judged(
                verdict,
                vec![answer_line, format!("you: {}  ({in_place}/{} in place)", typed.join(" "), items.len())],
            )
        }
    }
}
