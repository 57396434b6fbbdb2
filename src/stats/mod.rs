//! Statistics over review rows (pure): what a learner reads at a glance.

pub mod class;
pub mod dashboard;
pub mod items;
pub mod report;

use crate::scheduler::{State, StudyDay};

/// True retention in Anki's sense over a set of answers `(card key, state before, rating)` in
/// the order given: the first answer per card on a review card counts; again (1) is forgotten.
/// Returns (remembered, asked), or None when no review card was answered.
pub fn true_retention(answers: &[(String, State, u8)]) -> Option<(u32, u32)> {
    let mut seen = std::collections::HashSet::new();
    let (mut remembered, mut asked) = (0, 0);
    for (key, state, rating) in answers {
        if seen.insert(key.as_str()) && *state == State::Review {
            asked += 1;
            remembered += u32::from(*rating > 1);
        }
    }
    (asked > 0).then_some((remembered, asked))
}

/// Consecutive study days with a review, ending today (or yesterday, when today has none yet:
/// a streak is not broken before the day is over). `days` may be in any order.
pub fn streak(days: &[StudyDay], today: StudyDay) -> u32 {
    let set: std::collections::HashSet<StudyDay> = days.iter().copied().collect();
    let mut day = if set.contains(&today) { today } else { StudyDay(today.0 - 1) };
    let mut n = 0;
    while set.contains(&day) {
        n += 1;
        day = StudyDay(day.0 - 1);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_counts_first_review_answers_only() {
        let a = |k: &str, s, r| (k.to_string(), s, r);
        let rows = [
            a("x", State::Review, 1),
            a("x", State::Relearning, 3), // second answer today: not counted
            a("y", State::Review, 3),
            a("z", State::New, 1), // not a review card
            a("w", State::Review, 2),
        ];
        assert_eq!(true_retention(&rows), Some((2, 3)));
        assert_eq!(true_retention(&[a("z", State::New, 3)]), None);
    }

    #[test]
    fn streaks() {
        let d = StudyDay;
        assert_eq!(streak(&[d(10), d(9), d(8), d(6)], d(10)), 3);
        assert_eq!(streak(&[d(9), d(8)], d(10)), 2, "today not yet studied: the streak holds");
        assert_eq!(streak(&[d(8)], d(10)), 0);
        assert_eq!(streak(&[], d(10)), 0);
    }
}
