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

    /// The last study day a card's final review before `exam` is placed on: three days before
    /// it, so that a card forgotten then is relearned that day and has two more days to be
    /// checked again (measured: two days before gave 97.6 % of cards at the target in the
    /// README's setting, three 98.3 %, for about as many answers).
    pub fn final_review_day(exam: StudyDay) -> StudyDay {
        StudyDay(exam.0 - 3)
    }

    /// Moves a review card's due day before the exam when the exam needs it; returns the new
    /// schedule (the caller sets `due_at_ms` for the day), or None when the card's next review
    /// comes before the eve or R on the exam day is high enough anyway.
    ///
    /// The review goes into the card's window but no later than `final_review_day` (a lapse
    /// then still has the eve for a relearned re-check), on the window's least loaded day
    /// (`load`: reviews already due that day), the later one on a tie, so the reviews an exam
    /// needs spread over the windows instead of piling onto the days just before it. A card too
    /// weak for any such day (just forgotten, say) is reviewed tomorrow: each good answer
    /// strengthens it, and its next review is fitted again.
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
        let eve = StudyDay(exam.day.0 - 1);
        if due < eve || self.retrievability_on(stability, last, exam.day) >= exam.target {
            return None;
        }
        let last_choice = Self::final_review_day(exam.day);
        let window = self.exam_window(MemoryState { stability, difficulty }, last, today, exam);
        // Latest first, so `min_by_key` keeps the latest of the least loaded days.
        let pick = window
            .iter()
            .copied()
            .filter(|&d| d <= last_choice)
            .min_by_key(|&d| load(d))
            .unwrap_or(today.plus(1).min(eve));
        Some(CardSchedule { due_day: Some(pick), ..card.clone() })
    }

    /// Whether a card studied for `exam` must be shown today even when a sibling was answered
    /// today: a new card (the plan's quota introduces every card in time, siblings too), and a
    /// review card from the final review day on (buried, it would miss its relearning day or
    /// the exam).
    pub fn needed_today(state: State, today: StudyDay, exam: ExamTarget) -> bool {
        today < exam.day && (state == State::New || today >= Self::final_review_day(exam.day))
    }
}

/// Study days at the end before an exam that get no new cards: every new card in an exam's
/// scope is introduced by then, so it has these days to be learned and checked again.
pub const NEW_CARDS_DONE_DAYS_BEFORE_EXAM: i32 = 3;

/// New cards a day that introduce `new` cards between `today` and `NEW_CARDS_DONE_DAYS_BEFORE_EXAM`
/// days before `exam_day` (at least one day: all of them at once when the exam is that close).
pub fn exam_new_cards_per_day(new: u32, today: StudyDay, exam_day: StudyDay) -> u32 {
    new.div_ceil((exam_day.0 - today.0 - NEW_CARDS_DONE_DAYS_BEFORE_EXAM).max(1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn new_cards_are_spread_to_three_days_before_the_exam() {
        let today = StudyDay(100);
        // 30 cards, exam in 13 days: introduced over the first 10, three a day.
        assert_eq!(exam_new_cards_per_day(30, today, StudyDay(113)), 3);
        // 31 cards: four a day (rounded up, so all are in by then).
        assert_eq!(exam_new_cards_per_day(31, today, StudyDay(113)), 4);
        // Exam in 2 days: no day is left before the last three; all at once.
        assert_eq!(exam_new_cards_per_day(30, today, StudyDay(102)), 30);
    }

    fn review_card(stability: f32, last: i32, due: i32) -> CardSchedule {
        CardSchedule {
            state: State::Review,
            stability: Some(stability),
            difficulty: Some(5.0),
            last_review_day: Some(StudyDay(last)),
            due_day: Some(StudyDay(due)),
            ..CardSchedule::default()
        }
    }

    /// R on `exam` after a good answer on `day` to a memory of `stability` days last reviewed on
    /// `last`, straight from the fsrs crate (FSRS-6 default parameters).
    fn r_after_good_on(stability: f32, last: i32, day: i32, exam: i32) -> f32 {
        r_after_good_on_hard(stability, 5.0, last, day, exam)
    }

    fn r_after_good_on_hard(stability: f32, difficulty: f32, last: i32, day: i32, exam: i32) -> f32 {
        let fsrs = fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
        let memory = MemoryState { stability, difficulty };
        let after = fsrs.next_states(Some(memory), 0.9, (day - last) as u32).unwrap().good.memory;
        fsrs::current_retrievability(after, (exam - day) as f32, fsrs::DEFAULT_PARAMETERS[20])
    }

    #[test]
    fn a_review_crossing_the_exam_moves_into_its_window_three_days_before_at_the_latest() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let today = StudyDay(1000);
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        // S = 20 days, just reviewed, due in 31 days (after the exam): R on day 1030 < 0.9.
        let card = review_card(20.0, 1000, 1031);
        assert!(s.retrievability_on(20.0, today, exam.day) < 0.9);
        // Every day equally loaded: the latest day allowed, three days before the exam, which
        // leaves a day to relearn a lapse and two to check it again; a good answer there keeps R
        // at or above the target on the day.
        let moved = s.fit_to_exam(&card, today, exam, &|_| 0).unwrap();
        assert_eq!(moved.due_day, Some(StudyDay(1027)));
        assert!(r_after_good_on(20.0, 1000, 1027, 1030) >= 0.9);
        // The eve is no final review either: a card due on it moves three days before too.
        let on_the_eve = review_card(20.0, 1000, 1029);
        assert_eq!(s.fit_to_exam(&on_the_eve, today, exam, &|_| 0).unwrap().due_day, Some(StudyDay(1027)));
        // A card due before the eve, or remembered well enough, is left alone.
        assert_eq!(s.fit_to_exam(&review_card(20.0, 1000, 1010), today, exam, &|_| 0), None);
        assert_eq!(s.fit_to_exam(&review_card(400.0, 1000, 1031), today, exam, &|_| 0), None);
    }

    #[test]
    fn a_card_too_weak_for_any_day_is_reviewed_tomorrow() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        // A hard card (D = 9) just relearned (S = 0.5 days) four days before the exam: a good
        // answer tomorrow still leaves R below 0.9 three days later, so no day suffices;
        // tomorrow strengthens it most.
        assert!(r_after_good_on_hard(0.5, 9.0, 1026, 1027, 1030) < 0.9);
        let weak = CardSchedule { difficulty: Some(9.0), ..review_card(0.5, 1026, 1031) };
        assert_eq!(s.fit_to_exam(&weak, StudyDay(1026), exam, &|_| 0).unwrap().due_day, Some(StudyDay(1027)));
        // On the day before the final review day, tomorrow is the eve at the latest.
        let late = CardSchedule { difficulty: Some(9.0), ..review_card(0.5, 1028, 1031) };
        assert_eq!(s.fit_to_exam(&late, StudyDay(1028), exam, &|_| 0).unwrap().due_day, Some(StudyDay(1029)));
    }

    #[test]
    fn exam_reviews_go_to_the_least_loaded_day_of_the_window() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let today = StudyDay(1000);
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        let card = review_card(20.0, 1000, 1031);
        // The window, from the fsrs crate: the days from which a good answer keeps R ≥ 0.9.
        let window: Vec<i32> = (1001..1028).filter(|&d| r_after_good_on(20.0, 1000, d, 1030) >= 0.9).collect();
        assert!(window.len() >= 3, "{window:?}");
        // Every day holds 50 reviews but one in the middle of the window, which holds 3.
        let light = window[window.len() / 2];
        let load = |d: StudyDay| if d.0 == light { 3 } else { 50 };
        assert_eq!(s.fit_to_exam(&card, today, exam, &load).unwrap().due_day, Some(StudyDay(light)));
        // A light day outside the window is not taken: the window's latest least-loaded day is.
        let before = window[0] - 1;
        let load = |d: StudyDay| if d.0 == before { 0 } else { 50 };
        assert_eq!(s.fit_to_exam(&card, today, exam, &load).unwrap().due_day, Some(StudyDay(1027)));
    }

    #[test]
    fn cards_an_exam_needs_today_are_not_buried_by_siblings() {
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        // New cards: the plan's quota introduces siblings too.
        assert!(Scheduler::needed_today(State::New, StudyDay(1000), exam));
        // Reviews: from the final review day (1027) to the eve, not before, not on the day.
        assert!(!Scheduler::needed_today(State::Review, StudyDay(1026), exam));
        assert!(Scheduler::needed_today(State::Review, StudyDay(1027), exam));
        assert!(Scheduler::needed_today(State::Review, StudyDay(1029), exam));
        assert!(!Scheduler::needed_today(State::Review, StudyDay(1030), exam));
        assert!(!Scheduler::needed_today(State::New, StudyDay(1030), exam));
    }
}
