//! Properties of the checker over every answer the teacher's table accepts: a negation, a bound
//! or a second candidate added to a right answer never leaves it right; a title added to a right
//! name keeps it right; nothing typed makes the checker panic.

use proptest::prelude::*;

use super::frames::{TITLES_AFTER, TITLES_BEFORE};
use super::table::{Case, CASES};
use super::*;

/// What turns a right answer wrong, written after it ("{}" is another answer of the same kind).
const AFTER: &[&str] = &[
    "ではない",
    "じゃない",
    "ではありません",
    " not",
    "以上",
    "以下",
    "未満",
    "から",
    "まで",
    "以降",
    " or more",
    " at most",
    "か{}",
    "と{}",
    "や{}",
    "、いや{}",
    "または{}",
    " or {}",
    " and {}",
    "ではなく{}",
];
/// The same, written before it.
const BEFORE: &[&str] = &["not ", "more than ", "at least ", "less than ", "{}ではなく", "{}か", "{}と", "{} or "];

/// Another answer of each kind, never right for any expected answer in the table.
fn other(check: Check) -> &'static str {
    match check {
        Check::Number => "99999",
        Check::Date => "1901年",
        Check::Text => "核凍結",
    }
}

fn accepted() -> Vec<&'static Case> {
    CASES.iter().filter(|c| c.5 == Verdict::Right).collect()
}

fn verdict(case: &Case, typed: &str) -> Verdict {
    let (check, person, expected, accept, _, _) = *case;
    let accept: Vec<String> = accept.iter().map(|s| s.to_string()).collect();
    judge(&Expected { check, answer: expected, accept: &accept, person, reading: None }, typed).verdict
}

/// Whether a marker is part of the expected answers' own text (60日以内 ends in 以内): there it is
/// no marker.
fn own_text(case: &Case, marker: &str) -> bool {
    let word = marker.replace("{}", "");
    let word = normalize::comparable(&word);
    !word.is_empty()
        && std::iter::once(case.2).chain(case.3.iter().copied()).any(|e| normalize::comparable(e).contains(&word))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn a_marker_added_to_a_right_answer_never_leaves_it_right(
        pick in 0usize..1000, marker in 0usize..(AFTER.len() + BEFORE.len())
    ) {
        let cases = accepted();
        let case = cases[pick % cases.len()];
        let (before, text) = if marker < AFTER.len() { (false, AFTER[marker]) } else { (true, BEFORE[marker - AFTER.len()]) };
        prop_assume!(!own_text(case, text));
        let filled = text.replace("{}", other(case.0));
        let typed = if before { format!("{filled}{}", case.4) } else { format!("{}{filled}", case.4) };
        prop_assert_ne!(verdict(case, &typed), Verdict::Right, "{:?} ← {:?}", case.2, typed);
    }

    #[test]
    fn a_title_added_to_a_right_name_keeps_it_right(pick in 0usize..1000, title in 0usize..1000) {
        let names: Vec<&Case> = accepted().into_iter().filter(|c| c.1).collect();
        let case = names[pick % names.len()];
        let all = TITLES_AFTER.len() + TITLES_BEFORE.len();
        let k = title % all;
        let typed = if k < TITLES_AFTER.len() {
            format!("{}{}", case.4, TITLES_AFTER[k])
        } else {
            format!("{} {}", TITLES_BEFORE[k - TITLES_AFTER.len()], case.4)
        };
        prop_assert_eq!(verdict(case, &typed), Verdict::Right, "{:?} ← {:?}", case.2, typed);
    }

    #[test]
    fn nothing_typed_panics(typed in "\\PC{0,80}", pick in 0usize..1000) {
        let case = CASES[pick % CASES.len()];
        let _ = verdict(&case, &typed);
    }
}
