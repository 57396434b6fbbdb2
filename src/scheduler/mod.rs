//! The scheduler: pure functions from a card's schedule, the time and the settings to its four
//! possible next schedules. Memory states come from FSRS-6 (Ye et al.; the `fsrs` crate, the
//! engine Anki ships); learning steps, rounding, fuzz, the interval cap and leeches follow Anki.
//! Nothing here reads the clock or does I/O.

pub mod backlog;
pub mod balance;
pub mod breaks;
pub mod day;
pub mod fuzz;
pub mod log;
pub mod plan;
pub mod queue;
pub mod training;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use day::{DayClock, StudyDay};

use crate::settings::Settings;
use crate::{Error, Result};

/// Where a card is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Learning => "learning",
            State::Review => "review",
            State::Relearning => "relearning",
        }
    }
    /// The state's name for people, in the interface language (`as_str` is the stored and
    /// protocol word).
    pub fn label(self) -> String {
        match self {
            State::New => crate::tr!("review-state-new"),
            State::Learning => crate::tr!("review-state-learning"),
            State::Review => crate::tr!("review-state-review"),
            State::Relearning => crate::tr!("review-state-relearning"),
        }
    }
    pub fn to_i64(self) -> i64 {
        self as i64
    }
    /// The state stored as `n`; None for a number kioku never writes.
    pub fn from_i64(n: i64) -> Option<State> {
        match n {
            0 => Some(State::New),
            1 => Some(State::Learning),
            2 => Some(State::Review),
            3 => Some(State::Relearning),
            _ => None,
        }
    }
}

/// The four answer buttons: again 1, hard 2, good 3, easy 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn as_u8(self) -> u8 {
        self as u8
    }
    pub fn from_u8(n: u8) -> Option<Rating> {
        Rating::ALL.get((n as usize).wrapping_sub(1)).copied()
    }
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
    /// The grade's name for people, in the interface language (`name` is the protocol word):
    /// Japanese as Anki's Japanese interface, もう一度 / 難しい / 正解 / 簡単.
    pub fn label(self) -> String {
        match self {
            Rating::Again => crate::tr!("review-grade-again"),
            Rating::Hard => crate::tr!("review-grade-hard"),
            Rating::Good => crate::tr!("review-grade-good"),
            Rating::Easy => crate::tr!("review-grade-easy"),
        }
    }
    /// Parses `1`–`4` or `again|hard|good|easy` (any case), or a grade's Japanese name.
    pub fn parse(text: &str) -> Option<Rating> {
        let lower = text.trim().to_lowercase();
        Rating::ALL.into_iter().find(|r| {
            lower == r.name()
                || lower == r.as_u8().to_string()
                || lower == crate::tr_in!(crate::i18n::Lang::Ja, &format!("review-grade-{}", r.name()))
        })
    }
}

/// A card's scheduling state, as stored. Times are UTC milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardSchedule {
    pub state: State,
    /// Index of the current (re)learning step; 0 otherwise.
    pub step: u32,
    /// FSRS stability S in days (days until recall probability falls to 90 %); None while new.
    pub stability: Option<f32>,
    /// FSRS difficulty D, 1–10; None while new.
    pub difficulty: Option<f32>,
    /// When the card is next due: the instant for (re)learning cards, the start of the due study
    /// day for review cards. None while new.
    pub due_at_ms: Option<i64>,
    /// The study day a review card is due on.
    pub due_day: Option<StudyDay>,
    pub last_review_at_ms: Option<i64>,
    pub last_review_day: Option<StudyDay>,
    /// Scheduled answers so far (cram, exam and manual rows do not count).
    pub reps: u32,
    /// Times the card was forgotten in review (again on a review card).
    pub lapses: u32,
    pub suspended: bool,
    /// Hidden while the current study day is before this one.
    pub buried_until_day: Option<StudyDay>,
    /// Tagged as a leech (lapsed `leech_threshold` times).
    pub leech: bool,
}

impl CardSchedule {
    /// Whether the card may be shown on `today` at all (not suspended or buried).
    pub fn is_available(&self, today: StudyDay) -> bool {
        !self.suspended && self.buried_until_day.is_none_or(|d| today >= d)
    }
}

/// One possible result of answering: the schedule after, and the figures the review log keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub card: CardSchedule,
    /// Time until due, in seconds (whole days × 86 400 for review cards).
    pub interval_secs: i64,
    /// Study days between the previous review and this one (0 for a new card), as given to FSRS.
    pub elapsed_days: u32,
    /// True when this answer made the card a leech (it is then suspended, unless kept for an
    /// exam).
    pub became_leech: bool,
    /// The exam day a new leech is kept unsuspended for (a plan needs it reviewed, not dropped).
    pub leech_kept_for_exam: Option<StudyDay>,
}

/// The outcomes of all four ratings, computed at once so the interface can preview them.
#[derive(Clone, Debug, PartialEq)]
pub struct NextOutcomes {
    pub again: Outcome,
    pub hard: Outcome,
    pub good: Outcome,
    pub easy: Outcome,
}

impl NextOutcomes {
    pub fn get(&self, rating: Rating) -> &Outcome {
        match rating {
            Rating::Again => &self.again,
            Rating::Hard => &self.hard,
            Rating::Good => &self.good,
            Rating::Easy => &self.easy,
        }
    }
}

/// What placing a review on a day depends on beyond the card: the reviews already due per day,
/// the breaks, and the exam the card is studied for. Precedence (DESIGN.md): exam plan windows
/// (applied by `fit_to_exam` after this) > breaks > easy days > load balancing; then hard < good
/// < easy (a day apart) and `max_interval_days`.
pub struct Placement<'a> {
    /// Review cards due per study day.
    pub loads: &'a dyn Fn(StudyDay) -> usize,
    pub breaks: &'a [breaks::Break],
    /// A review is never moved across this day by balancing or easy days.
    pub exam_day: Option<StudyDay>,
}

impl Placement<'_> {
    /// No loads known, no breaks, no exam: balancing sees empty days.
    pub const NONE: Placement<'static> = Placement { loads: &|_| 0, breaks: &[], exam_day: None };
}

/// FSRS plus kioku's settings. Build once per run.
pub struct Scheduler {
    fsrs: fsrs::FSRS,
    settings: Settings,
    /// FSRS-6's decay parameter (w20) of the parameters in use.
    decay: f32,
}

/// What a (re)learning answer does: stay in steps, or leave them.
enum StepMove {
    Step { index: u32, delay_secs: u32 },
    Graduate,
}

impl Scheduler {
    /// A scheduler with FSRS-6's default parameters, or `parameters` (21 values) when given.
    /// Returns `Error::Scheduler` when the parameters are invalid.
    pub fn new(settings: Settings, parameters: Option<&[f32]>) -> Result<Scheduler> {
        let params = parameters.unwrap_or(&fsrs::DEFAULT_PARAMETERS);
        let fsrs = fsrs::FSRS::new(params).map_err(|e| Error::Scheduler(e.to_string()))?;
        let decay = params.get(20).copied().unwrap_or(fsrs::DEFAULT_PARAMETERS[20]);
        Ok(Scheduler { fsrs, settings, decay })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The four possible next schedules of `card`, answered at `now`. `key` seeds the fuzz
    /// (with the card's review count), so the same card answered the same way gets the same
    /// interval on every machine.
    ///
    /// Elapsed days = study days since the last review, clamped at 0 when the clock is earlier.
    /// Balancing sees no other reviews; `next_outcomes_placed` gives it the day loads.
    pub fn next_outcomes(
        &self,
        card: &CardSchedule,
        key: &str,
        now: DateTime<Utc>,
        days: &DayClock,
    ) -> Result<NextOutcomes> {
        self.next_outcomes_placed(card, key, now, days, &Placement::NONE)
    }

    /// As `next_outcomes`, with review days chosen among the loads, breaks and exam of `place`.
    pub fn next_outcomes_placed(
        &self,
        card: &CardSchedule,
        key: &str,
        now: DateTime<Utc>,
        days: &DayClock,
        place: &Placement,
    ) -> Result<NextOutcomes> {
        let today = days.study_day(now);
        let elapsed_days = card.last_review_day.map_or(0, |d| today.days_since(d));
        let memory = match (card.state, card.stability, card.difficulty) {
            (State::New, _, _) => None,
            (_, Some(stability), Some(difficulty)) => Some(fsrs::MemoryState { stability, difficulty }),
            _ => None,
        };
        let next = self
            .fsrs
            .next_states(memory, self.settings.desired_retention, elapsed_days)
            .map_err(|e| Error::Scheduler(e.to_string()))?;
        let fuzz = self.settings.fuzz.then(|| fuzz::fuzz_factor(key, card.reps));
        let (hard_days, good_days, easy_days) =
            self.review_intervals(&next, fuzz, card.state == State::Review, today, place);

        let outcome = |rating: Rating, state: &fsrs::ItemState| -> Outcome {
            let mut after = card.clone();
            after.stability = Some(state.memory.stability);
            after.difficulty = Some(state.memory.difficulty);
            after.last_review_at_ms = Some(now.timestamp_millis());
            after.last_review_day = Some(today);
            after.reps = card.reps.saturating_add(1);
            let mut became_leech = false;
            let graduate_days = match rating {
                Rating::Again => self.place(state.interval, 1, None, today, place, state.memory.stability),
                Rating::Hard => hard_days,
                Rating::Good => good_days,
                Rating::Easy => easy_days,
            };
            let step_move = match card.state {
                State::New => step_move(&self.settings.learning_steps_secs, 0, rating),
                State::Learning => step_move(&self.settings.learning_steps_secs, card.step, rating),
                State::Relearning => step_move(&self.settings.relearning_steps_secs, card.step, rating),
                State::Review if rating == Rating::Again => {
                    after.lapses = card.lapses.saturating_add(1);
                    if self.is_leech_lapse(after.lapses) {
                        after.leech = true;
                        after.suspended = true;
                        became_leech = true;
                    }
                    step_move(&self.settings.relearning_steps_secs, 0, Rating::Again)
                }
                State::Review => StepMove::Graduate,
            };
            let interval_secs = match step_move {
                StepMove::Step { index, delay_secs } => {
                    after.state = if matches!(card.state, State::New | State::Learning) {
                        State::Learning
                    } else {
                        State::Relearning
                    };
                    after.step = index;
                    after.due_at_ms = Some((now + Duration::seconds(delay_secs as i64)).timestamp_millis());
                    after.due_day = None;
                    delay_secs as i64
                }
                StepMove::Graduate => {
                    let due_day = today.plus(graduate_days);
                    after.state = State::Review;
                    after.step = 0;
                    after.due_day = Some(due_day);
                    after.due_at_ms = Some(days.day_start(due_day).timestamp_millis());
                    graduate_days as i64 * 86_400
                }
            };
            Outcome { card: after, interval_secs, elapsed_days, became_leech, leech_kept_for_exam: None }
        };
        Ok(NextOutcomes {
            again: outcome(Rating::Again, &next.again),
            hard: outcome(Rating::Hard, &next.hard),
            good: outcome(Rating::Good, &next.good),
            easy: outcome(Rating::Easy, &next.easy),
        })
    }

    /// Hard, good and easy intervals in whole days: rounded, fuzzed (within the fuzz range, on a
    /// day chosen by load balancing and easy days), out of breaks, at least 1, each at least a
    /// day more than the one before (for review cards; a graduating card only needs easy > good),
    /// and never above `max_interval_days` (the cap wins over the ordering).
    fn review_intervals(
        &self,
        next: &fsrs::NextStates,
        fuzz: Option<f64>,
        is_review: bool,
        today: StudyDay,
        place: &Placement,
    ) -> (u32, u32, u32) {
        let hard = self.place(next.hard.interval, 1, fuzz, today, place, next.hard.memory.stability);
        let good_min = if is_review { hard + 1 } else { 1 };
        let good = self.place(next.good.interval, good_min, fuzz, today, place, next.good.memory.stability);
        let easy = self.place(next.easy.interval, good + 1, fuzz, today, place, next.easy.memory.stability);
        (hard, good, easy)
    }

    /// One interval in whole days: FSRS's `interval` rounded and capped; with fuzz, the day of
    /// its fuzz range that balancing and easy days choose (not across the exam day); at least
    /// `min_days`; out of any break (`around_breaks`, for a memory of `stability` days reviewed
    /// today); and within 1..=`max_interval_days` last.
    fn place(
        &self,
        interval: f32,
        min_days: u32,
        fuzz: Option<f64>,
        today: StudyDay,
        place: &Placement,
        stability: f32,
    ) -> u32 {
        let max = self.settings.max_interval_days;
        let rounded = (interval.round().max(1.0) as u32).min(max);
        let in_break = |d: StudyDay| breaks::in_break(place.breaks, d);
        let mut days = match fuzz {
            Some(factor) => {
                let (shortest, mut longest) = fuzz::range(rounded, max);
                // Never across an exam: a review due before it stays before it.
                if let Some(exam) = place.exam_day.filter(|&e| today.plus(rounded) < e) {
                    longest = longest.min(exam.days_since(today).saturating_sub(1)).max(shortest);
                }
                let choice = balance::DayChoice {
                    today,
                    loads: place.loads,
                    excluded: &in_break,
                    easy_days: self.settings.easy_days,
                    balance: self.settings.load_balance,
                };
                choice.interval(shortest, longest, factor).unwrap_or(rounded)
            }
            None => rounded,
        };
        days = days.max(min_days);
        if !place.breaks.is_empty() {
            let due = today.plus(days);
            let moved = self.around_breaks(stability, today, due, today, place.breaks, place.loads);
            days = moved.days_since(today).max(min_days);
        }
        self.constrain(days)
    }

    /// Retrievability R (probability of recall, 0–1) of `card` on study day `day`, from its
    /// stability and the study days since its last review (FSRS-6 forgetting curve with the
    /// decay in use); None for a card never reviewed.
    pub fn retrievability(&self, card: &CardSchedule, day: StudyDay) -> Option<f32> {
        let (stability, last) = (card.stability?, card.last_review_day?);
        let memory = fsrs::MemoryState { stability, difficulty: card.difficulty.unwrap_or(5.0) };
        Some(fsrs::current_retrievability(memory, day.days_since(last) as f32, self.decay))
    }

    fn constrain(&self, days: u32) -> u32 {
        days.clamp(1, self.settings.max_interval_days)
    }

    /// Leech at `leech_threshold` lapses, then again every half of it (8, 12, 16 … by default).
    fn is_leech_lapse(&self, lapses: u32) -> bool {
        let threshold = self.settings.leech_threshold;
        let every = (threshold / 2).max(1);
        lapses >= threshold && (lapses - threshold).is_multiple_of(every)
    }
}

/// Anki's step rules: again → first step; hard → repeat the step (on the first step, the mean of
/// the first two, or 1.5 × a lone step capped at a day more); good → next step or graduate;
/// easy → graduate. With no steps every answer graduates.
fn step_move(steps: &[u32], current: u32, rating: Rating) -> StepMove {
    if steps.is_empty() {
        return StepMove::Graduate;
    }
    let current = (current as usize).min(steps.len() - 1);
    match rating {
        Rating::Again => StepMove::Step { index: 0, delay_secs: steps[0] },
        Rating::Hard => {
            let delay_secs = if current == 0 {
                match steps.get(1) {
                    Some(&second) => (steps[0] + second) / 2,
                    None => (steps[0].saturating_mul(3) / 2).min(steps[0].saturating_add(86_400)),
                }
            } else {
                steps[current]
            };
            StepMove::Step { index: current as u32, delay_secs }
        }
        Rating::Good => match steps.get(current + 1) {
            Some(&delay_secs) => StepMove::Step { index: current as u32 + 1, delay_secs },
            None => StepMove::Graduate,
        },
        Rating::Easy => StepMove::Graduate,
    }
}

#[cfg(test)]
mod tests;
