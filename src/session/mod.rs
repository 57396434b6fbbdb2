//! Review flows as state machines over line I/O (`BufRead` in, `Write` out), so they run the
//! same under a pipe, a terminal or a test. The clock is passed in as a function: nothing here
//! reads the system time.

pub mod cram;
pub mod exam;
pub mod input;
pub mod judge;
pub mod piped;
pub mod review;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::deck::Card;
use crate::scheduler::plan::ExamTarget;
use crate::scheduler::queue::{Limits, Queue, QueueItem};
use crate::scheduler::{CardSchedule, DayClock, Outcome, Rating, Scheduler, State, StudyDay};
use crate::settings::Settings;
use crate::store::{Plan, ReviewKind, ReviewRow, Store};
use crate::{Error, Result};

/// The note key (`deck/note-id`) of a card key (`deck/note-id[:variant]`).
pub fn note_key(card_key: &str) -> &str {
    card_key.split(':').next().unwrap_or(card_key)
}

/// A saved answer.
pub struct Answered {
    pub review_id: i64,
    pub outcome: Outcome,
}

/// Today's cards and queue for a set of loaded cards.
pub struct Today {
    pub cards: Vec<Card>,
    /// Row ids, parallel to `cards`.
    pub ids: Vec<i64>,
    /// Queue items, parallel to `cards` (their schedules are kept current).
    pub items: Vec<QueueItem>,
    pub queue: Queue,
    pub today: StudyDay,
    pub day_end_ms: i64,
    /// The upcoming exam each card is studied for (`kioku plan`), parallel to `cards`.
    pub exams: Vec<Option<ExamTarget>>,
    /// Review cards due per study day, so exam reviews spread under the daily limit.
    due_load: HashMap<StudyDay, usize>,
}

impl Today {
    /// Builds today's queue from the store. `new_limit` replaces what is left of the day's new
    /// card limit (`review --new N`). Cards must already be synced to the store.
    pub fn build(
        store: &Store,
        cards: Vec<Card>,
        settings: &Settings,
        days: &DayClock,
        now: DateTime<Utc>,
        new_limit: Option<u32>,
    ) -> Result<Today> {
        let mut schedules = store.schedules()?;
        let mut ids = Vec::with_capacity(cards.len());
        let mut items = Vec::with_capacity(cards.len());
        let mut notes: HashMap<String, usize> = HashMap::new();
        for (order, card) in cards.iter().enumerate() {
            let (id, schedule) = schedules.remove(&card.key).ok_or_else(|| Error::Database {
                path: store.path().to_path_buf(),
                message: format!("card {} has no row; run again", card.key),
            })?;
            let next = notes.len();
            let note = *notes.entry(card.note_key()).or_insert(next);
            ids.push(id);
            items.push(QueueItem { order, note, schedule });
        }
        let today = days.study_day(now);
        let day_end_ms = days.day_end(now).timestamp_millis();
        // The nearest upcoming exam that covers each card.
        let plans: Vec<Plan> = store.plans()?.into_iter().filter(|p| p.exam_day > today).collect();
        let exams = cards
            .iter()
            .map(|c| {
                plans
                    .iter()
                    .find(|p| p.covers(&c.deck, &c.tags))
                    .map(|p| ExamTarget { day: p.exam_day, target: p.target })
            })
            .collect();
        let mut due_load: HashMap<StudyDay, usize> = HashMap::new();
        for item in items.iter().filter(|i| i.schedule.state == State::Review) {
            if let Some(d) = item.schedule.due_day {
                *due_load.entry(d).or_default() += 1;
            }
        }
        let mut today_data = Today { cards, ids, items, queue: Queue::default(), today, day_end_ms, exams, due_load };
        today_data.rebuild_queue(store, settings, new_limit, &notes)?;
        Ok(today_data)
    }

    fn rebuild_queue(
        &mut self,
        store: &Store,
        settings: &Settings,
        new_limit: Option<u32>,
        notes: &HashMap<String, usize>,
    ) -> Result<()> {
        let answered = store.answered_on(self.today)?;
        let count = |state: State| answered.iter().filter(|(_, s)| *s == state).count() as u32;
        let mut limits = Limits {
            new_left: new_limit.unwrap_or_else(|| settings.new_per_day.saturating_sub(count(State::New))),
            reviews_left: settings.reviews_per_day.saturating_sub(count(State::Review)),
        };
        // New cards studied for an exam are introduced early enough: spread over the days left,
        // finishing three days before the exam.
        if new_limit.is_none() {
            let quota = self.exam_new_quota();
            limits.new_left = limits.new_left.max(quota.saturating_sub(count(State::New)));
        }
        let buried: HashSet<usize> = if settings.bury_siblings {
            answered.iter().filter_map(|(key, _)| notes.get(note_key(key)).copied()).collect()
        } else {
            HashSet::new()
        };
        self.queue = Queue::build(&self.items, self.today, self.day_end_ms, limits, buried);
        Ok(())
    }

    /// Answers card `index` with `rating` at `now`: the scheduler step, one committed
    /// transaction (review row and new schedule), then the queue update. This is all the work
    /// done per answer. Returns `Error::Database` when the answer could not be saved.
    #[allow(clippy::too_many_arguments)]
    pub fn answer(
        &mut self,
        store: &mut Store,
        scheduler: &Scheduler,
        days: &DayClock,
        index: usize,
        rating: Rating,
        now: DateTime<Utc>,
        duration_ms: i64,
    ) -> Result<Answered> {
        let before = self.items[index].schedule.clone();
        let key = &self.cards[index].key;
        let mut outcome = scheduler.next_outcomes(&before, key, now, days)?.get(rating).clone();
        // An upcoming exam may need the next review earlier than FSRS would place it.
        if let Some(exam) = self.exams[index] {
            let load = |d: StudyDay| self.due_load.get(&d).copied().unwrap_or(0);
            if let Some(fitted) = scheduler.fit_to_exam(&outcome.card, self.today, exam, &load) {
                let due = fitted.due_day.unwrap_or(self.today);
                outcome.card = CardSchedule { due_at_ms: Some(days.day_start(due).timestamp_millis()), ..fitted };
                outcome.interval_secs = due.days_since(self.today) as i64 * 86_400;
            }
        }
        let row = ReviewRow {
            card_key: key.clone(),
            reviewed_at_ms: now.timestamp_millis(),
            utc_offset_secs: days.utc_offset_secs(now),
            study_day: days.study_day(now),
            rating: rating.as_u8(),
            kind: ReviewKind::Review.as_str().to_string(),
            state_before: before.state,
            state_after: outcome.card.state,
            elapsed_days: outcome.elapsed_days,
            interval_secs: outcome.interval_secs,
            due_at_ms: outcome.card.due_at_ms,
            stability: outcome.card.stability,
            difficulty: outcome.card.difficulty,
            duration_ms: duration_ms.max(0),
        };
        let review_id = store.record(self.ids[index], &before, &outcome.card, &row)?;
        for (schedule, change) in [(&before, -1i64), (&outcome.card, 1)] {
            if let (State::Review, Some(d)) = (schedule.state, schedule.due_day) {
                let n = self.due_load.entry(d).or_default();
                *n = (*n as i64 + change).max(0) as usize;
            }
        }
        self.items[index].schedule = outcome.card.clone();
        self.queue.answered(&self.items, index, before.state, self.day_end_ms, scheduler.settings().bury_siblings);
        Ok(Answered { review_id, outcome })
    }

    /// New cards per day that exams need: for each upcoming exam, its new cards spread over the
    /// days left before it (less three days for reviewing them).
    pub fn exam_new_quota(&self) -> u32 {
        let mut per_exam: HashMap<StudyDay, u32> = HashMap::new();
        for (item, exam) in self.items.iter().zip(&self.exams) {
            if let Some(exam) = exam {
                if item.schedule.state == State::New && item.schedule.is_available(self.today) {
                    *per_exam.entry(exam.day).or_default() += 1;
                }
            }
        }
        per_exam
            .into_iter()
            .map(|(day, new)| {
                let days = (day.0 - self.today.0 - 3).max(1) as u32;
                new.div_ceil(days)
            })
            .sum()
    }

    /// Rebuilds the queue after the store changed underneath it (undo).
    pub fn refresh(&mut self, store: &Store, settings: &Settings, new_limit: Option<u32>) -> Result<()> {
        let mut notes = HashMap::new();
        for (item, card) in self.items.iter().zip(&self.cards) {
            notes.insert(card.note_key(), item.note);
        }
        self.rebuild_queue(store, settings, new_limit, &notes)
    }
}
