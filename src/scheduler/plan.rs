//! Exam plans (pure): making sure a card is remembered *on* an exam day. When a card's next
//! review would fall on or after the exam and its predicted retrievability on the exam day
//! would be below the target, the review is moved into the card's window: the study days before
//! the exam from which a good answer still keeps R at or above the target on the day.

use fsrs::MemoryState;

use super::{CardSchedule, Scheduler, State, StudyDay};

/// An exam a card is studied for: its study day and the retrievability wanted on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExamTarget {
    pub day: StudyDay,
    /// Probability of recall wanted at the start of the exam day, 0–1.
    pub target: f32,
}

impl Scheduler {
    /// Predicted retrievability on `day` of a memory of `stability` days last reviewed on `last`.
    pub fn retrievability_on(&self, stability: f32, last: StudyDay, day: StudyDay) -> f32 {
        fsrs::current_retrievability(
            MemoryState { stability, difficulty: 5.0 },
            day.days_since(last) as f32,
            self.decay,
        )
    }

    /// The study days after `today` and before the exam from which a good answer keeps
    /// R ≥ target on the exam day, for a card whose memory is `memory` since its review on
    /// `last`; latest first.
    pub fn exam_window(&self, memory: MemoryState, last: StudyDay, today: StudyDay, exam: ExamTarget) -> Vec<StudyDay> {
        let mut window = Vec::new();
        let mut d = StudyDay(exam.day.0 - 1);
        while d > today {
            let elapsed = d.days_since(last);
            let after_good = self
                .fsrs
                .next_states(Some(memory), self.settings.desired_retention, elapsed)
                .map(|n| n.good.memory.stability)
                .unwrap_or(memory.stability);
            if self.retrievability_on(after_good, d, exam.day) >= exam.target {
                window.push(d);
            }
            d = StudyDay(d.0 - 1);
        }
        window
    }

    /// Moves a review card's due day before the exam when the exam needs it; returns the new
    /// schedule (the caller sets `due_at_ms` for the day), or None when the card's next review
    /// comes before the exam or R on the exam day is high enough anyway. Within the window the
    /// latest day is preferred whose reviews already due (`load`) are under `reviews_per_day`,
    /// so such reviews spread backwards from the exam; the eve only when nothing earlier suffices.
    pub fn fit_to_exam(
        &self,
        card: &CardSchedule,
        today: StudyDay,
        exam: ExamTarget,
        load: &dyn Fn(StudyDay) -> usize,
    ) -> Option<CardSchedule> {
        if card.state != State::Review || exam.day <= today.plus(1) {
            return None;
        }
        let due = card.due_day?;
        let (stability, difficulty) = (card.stability?, card.difficulty?);
        let last = card.last_review_day.unwrap_or(today);
        if due < exam.day || self.retrievability_on(stability, last, exam.day) >= exam.target {
            return None;
        }
        let window = self.exam_window(MemoryState { stability, difficulty }, last, today, exam);
        let eve = StudyDay(exam.day.0 - 1);
        let choices: Vec<StudyDay> = if window.len() >= 2 {
            window.iter().copied().filter(|&d| d != eve).collect()
        } else if window.is_empty() {
            vec![eve] // no day suffices: the latest review gives the best chance
        } else {
            window
        };
        // Latest first: the first day with room under the daily limit, else the least loaded.
        let limit = self.settings.reviews_per_day as usize;
        let pick = choices
            .iter()
            .copied()
            .find(|&d| load(d) < limit)
            .or_else(|| choices.iter().copied().min_by_key(|&d| load(d)))
            .unwrap_or(eve);
        Some(CardSchedule { due_day: Some(pick), ..card.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn a_review_crossing_the_exam_moves_into_its_window() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let today = StudyDay(1000);
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        // S = 20 days, just reviewed, due in 25 days (after the exam): R on day 1030 ≈ 0.86 < 0.9.
        let card = CardSchedule {
            state: State::Review,
            stability: Some(20.0),
            difficulty: Some(5.0),
            last_review_day: Some(today),
            due_day: Some(StudyDay(1031)),
            ..CardSchedule::default()
        };
        assert!(s.retrievability_on(20.0, today, exam.day) < 0.9);
        let moved = s.fit_to_exam(&card, today, exam, &|_| 0).unwrap();
        let day = moved.due_day.unwrap();
        assert!(day > today && day < exam.day, "{day:?}");
        assert_ne!(day, StudyDay(1029), "not on the eve when the window is wider");
        // From that day a good answer keeps R ≥ 0.9 on the exam day.
        let memory = MemoryState { stability: 20.0, difficulty: 5.0 };
        assert!(s.exam_window(memory, today, today, exam).contains(&day));
        // A card due before the exam, or remembered well enough, is left alone.
        let early = CardSchedule { due_day: Some(StudyDay(1010)), ..card.clone() };
        assert_eq!(s.fit_to_exam(&early, today, exam, &|_| 0), None);
        let strong = CardSchedule { stability: Some(400.0), ..card.clone() };
        assert_eq!(s.fit_to_exam(&strong, today, exam, &|_| 0), None);
        // With the latest days of the window full, the review goes to the latest day with room.
        let full = |d: StudyDay| if d.0 >= day.0 { 200 } else { 0 };
        let spread = s.fit_to_exam(&card, today, exam, &full).unwrap().due_day.unwrap();
        assert!(
            spread < day && s.exam_window(memory, today, today, exam).contains(&spread),
            "{spread:?} before {day:?}"
        );
    }
}
