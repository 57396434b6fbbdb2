//! A seeded student preparing an exam through kioku's real review engine (issue 22): twice a day
//! the student runs `session::review::ReviewSession` over a temporary SQLite store synced from
//! the bundled decks — the queue, limits, sibling burying, leeches and the exam plan are the
//! library's own, not a copy — until nothing is left that day.
//!
//! The student's true memory of each card follows FSRS-6 with its default parameters, kept here
//! apart from kioku's records: a card never seen cannot be recalled; after that, recall on a day
//! has probability R = FSRS-6's forgetting curve over the study days since the last answer, and
//! each answer updates the memory as FSRS-6 says. Recalled → good, not → again. The draw is a
//! fixed hash of (seed, card, review count), so runs compared with each other (plan or not) get
//! the same luck for the same review. The exam is taken at the start of its study day; a card is
//! at the target when its true R then is at least the target (a card never studied is not).
//!
//! Shared by `tests/plan_simulation.rs` (a short run in CI) and `examples/plan_exam.rs` (the
//! figures in the README). The store, the sittings and the draw are `tests/sim`'s student.

#![allow(dead_code)]

#[path = "../sim/mod.rs"]
mod sim;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Duration;

use kioku::testing::scheduler::{DayClock, Rating, Scheduler, StudyDay};
use kioku::testing::settings::Settings;
use kioku::testing::store::{LearnerId, Plan};

/// What is simulated.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub seed: u64,
    /// The exam is this many study days after the first day of study.
    pub exam_in_days: u32,
    /// Whether the exam is recorded with `kioku plan` on the first day.
    pub plan: bool,
    pub new_per_day: u32,
    /// Retrievability wanted on the exam day.
    pub target: f32,
}

impl Run {
    /// The README's setting: 10 new cards a day, target 0.9.
    pub fn readme(seed: u64, exam_in_days: u32, plan: bool) -> Run {
        Run { seed, exam_in_days, plan, new_per_day: 10, target: 0.9 }
    }
}

/// What came out.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Cards in the decks.
    pub cards: usize,
    /// Cards whose true R at the start of the exam day is at least the target.
    pub at_target: usize,
    /// Cards never answered before the exam.
    pub never_seen: usize,
    /// Answers saved (every scheduled answer: new, learning, review, relearning).
    pub answers: usize,
    /// Answers per study day.
    pub daily_answers: Vec<usize>,
    /// Mean true R on the exam day over all cards (0 for a card never seen).
    pub mean_recall: f64,
    /// Cards at the target on the exam day as `kioku`'s own records predict them (its stability
    /// and last review, as `kioku plan` reads them).
    pub predicted_at_target: usize,
}

impl Outcome {
    pub fn share_at_target(&self) -> f64 {
        self.at_target as f64 / self.cards.max(1) as f64
    }
}

/// The student's true memory of one card.
#[derive(Clone, Copy, Default)]
struct Memory {
    state: Option<fsrs::MemoryState>,
    last: Option<StudyDay>,
}

/// Sessions start at these hours (UTC, the study day's zone; the day rolls over at 04:00).
const SESSION_HOURS: [i64; 2] = [9, 19];

pub fn simulate(run: Run) -> Outcome {
    let (_dir, mut store, cards) = sim::bundled_store();
    let start = sim::first_instant();
    let settings = Settings { new_per_day: run.new_per_day, ..Settings::default() };
    let scheduler = Arc::new(Scheduler::new(settings, None).unwrap());
    let days = DayClock::new(chrono_tz::UTC, 4);
    let first_day = days.study_day(start + Duration::hours(9));
    let exam_day = first_day.plus(run.exam_in_days);
    if run.plan {
        let plan = Plan {
            id: 0,
            exam_day,
            target: run.target,
            decks: Vec::new(),
            tags: Vec::new(),
            created_at_ms: start.timestamp_millis(),
        };
        store.add_plan(LearnerId::PERSONAL, &plan).unwrap();
    }
    let truth = fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    let decay = fsrs::DEFAULT_PARAMETERS[20];
    let mut memory: HashMap<String, Memory> = HashMap::new();
    let mut outcome = Outcome { cards: cards.len(), ..Outcome::default() };
    for d in 0..run.exam_in_days {
        let today = first_day.plus(d);
        let mut answers_today = 0;
        for hour in SESSION_HOURS {
            let start = days.day_start(today) + Duration::hours(hour - 4);
            let pace = sim::Pace { per_answer: Duration::seconds(20), between_sessions: Duration::minutes(11) };
            answers_today += sim::study(&mut store, &scheduler, days, start, pace, |session, index| {
                let key = session.card(index).key.clone();
                let reps = session.schedule(index).reps;
                let m = memory.entry(key.clone()).or_default();
                let elapsed = m.last.map_or(0, |last| today.days_since(last));
                let p = m.state.map_or(0.0, |s| fsrs::current_retrievability(s, elapsed as f32, decay)) as f64;
                let recalled = sim::recalls(run.seed, &key, reps, p);
                let next = truth.next_states(m.state, 0.9, elapsed).unwrap();
                let after = if recalled { next.good.memory } else { next.again.memory };
                *m = Memory { state: Some(after), last: Some(today) };
                if recalled {
                    Rating::Good
                } else {
                    Rating::Again
                }
            });
        }
        outcome.daily_answers.push(answers_today);
        outcome.answers += answers_today;
    }
    let mut recall_sum = 0.0;
    for card in &cards {
        let m = memory.get(&card.key).copied().unwrap_or_default();
        let r = match (m.state, m.last) {
            (Some(s), Some(last)) => fsrs::current_retrievability(s, exam_day.days_since(last) as f32, decay),
            _ => {
                outcome.never_seen += 1;
                0.0
            }
        };
        if std::env::var_os("PLAN_SIM_DEBUG").is_some() && r < run.target {
            let row = store.cards_in_decks(LearnerId::PERSONAL).unwrap().into_iter().find(|c| c.key == card.key);
            let s = row.map(|c| c.schedule).unwrap_or_default();
            eprintln!(
                "below: {} R {r:.3} last {:?} S {:?} state {:?} due {:?} lapses {} leech {} reps {}",
                card.key,
                m.last.map(|d| d.0 - exam_day.0),
                s.stability,
                s.state,
                s.due_day.map(|d| d.0 - exam_day.0),
                s.lapses,
                s.leech,
                s.reps
            );
        }
        recall_sum += r as f64;
        outcome.at_target += usize::from(r >= run.target);
    }
    outcome.mean_recall = recall_sum / cards.len().max(1) as f64;
    for c in store.cards_in_decks(LearnerId::PERSONAL).unwrap() {
        let r = scheduler.retrievability(&c.schedule, exam_day).unwrap_or(0.0);
        outcome.predicted_at_target += usize::from(r >= run.target);
    }
    outcome
}
