//! A seeded simulation of a student (issue 21): every day (but a break) the student runs kioku's
//! real review session — `session::review::ReviewSession` over a temporary SQLite store synced
//! from the bundled decks, so the queue, limits, balancing and breaks are the library's own — and
//! answers each card as FSRS predicts: a review card is remembered with probability equal to its
//! retrievability R on the day (FSRS-6, default parameters); a new or learning card with 0.8.
//! Remembered → good, forgotten → again; the draw is a fixed hash of (seed, card, review count).
//! Shared by `tests/life_simulation.rs` (a short run) and `benches/life_year.rs` (a year); its
//! parts (the store of bundled decks, the sessions of a day, the draw) are the student of
//! `tests/plan_sim` too, which keeps its own record of the student's true memory.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};

use kioku::testing::deck::{self, Card, DeckSource};
use kioku::testing::rng::fnv1a;
use kioku::testing::scheduler::breaks::Break;
use kioku::testing::scheduler::{CardSchedule, DayClock, Rating, Scheduler, State, StudyDay};
use kioku::testing::session::review::{ReviewOptions, ReviewSession};
use kioku::testing::session::Filter;
use kioku::testing::settings::Settings;
use kioku::testing::store::{LearnerId, ReviewRowTime, Store};

/// What is simulated.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub seed: u64,
    pub days: u32,
    pub load_balance: bool,
    /// Study days (from the start) the student is away, first and last inclusive.
    pub away: Option<(u32, u32)>,
    /// Whether the break is recorded in kioku (`kioku break`) on the day before it, or the
    /// student simply stops.
    pub record_break: bool,
}

/// What came out.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Answers on review cards per simulated day (0 on days away).
    pub daily_reviews: Vec<usize>,
    /// Review-card answers remembered, per day.
    pub daily_remembered: Vec<usize>,
}

impl Figures {
    /// True retention (remembered ÷ answers on review cards) over days `from..to`.
    pub fn retention(&self, from: usize, to: usize) -> f64 {
        let asked: usize = self.daily_reviews[from..to].iter().sum();
        let kept: usize = self.daily_remembered[from..to].iter().sum();
        kept as f64 / asked.max(1) as f64
    }

    /// Standard deviation of daily review counts over days `from..to`.
    pub fn sd(&self, from: usize, to: usize) -> f64 {
        let xs = &self.daily_reviews[from..to];
        let mean = xs.iter().sum::<usize>() as f64 / xs.len() as f64;
        (xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / xs.len() as f64).sqrt()
    }
}

pub fn simulate(run: Run) -> Figures {
    let (_dir, mut store, _) = bundled_store();
    let settings = Settings { new_per_day: 10, load_balance: run.load_balance, ..Settings::default() };
    let scheduler = Arc::new(Scheduler::new(settings, None).unwrap());
    let days = DayClock::new(chrono_tz::UTC, 4);
    let first_day = days.study_day(first_instant() + Duration::hours(9));
    let mut figures = Figures::default();
    for d in 0..run.days {
        let today = first_day.plus(d);
        let away = run.away.is_some_and(|(a, b)| (a..=b).contains(&d));
        if let Some((a, b)) = run.away.filter(|&(a, _)| run.record_break && d + 1 == a) {
            record_break(
                &mut store,
                &scheduler,
                &days,
                today,
                Break { id: 0, first: first_day.plus(a), last: first_day.plus(b) },
            );
        }
        let (mut reviews, mut remembered) = (0, 0);
        if !away {
            let start = days.day_start(today) + Duration::hours(5);
            let pace = Pace { per_answer: Duration::seconds(30), between_sessions: Duration::minutes(30) };
            study(&mut store, &scheduler, days, start, pace, |session, index| {
                let schedule: &CardSchedule = session.schedule(index);
                let p = match schedule.state {
                    State::Review => scheduler.retrievability(schedule, today).unwrap_or(0.9) as f64,
                    _ => 0.8,
                };
                let recalled = recalls(run.seed, &session.card(index).key, schedule.reps, p);
                if schedule.state == State::Review {
                    reviews += 1;
                    remembered += usize::from(recalled);
                }
                if recalled {
                    Rating::Good
                } else {
                    Rating::Again
                }
            });
        }
        figures.daily_reviews.push(reviews);
        figures.daily_remembered.push(remembered);
    }
    figures
}

/// A temporary store synced from the bundled decks, opened on 2025-06-02 00:00 UTC: its folder
/// (kept alive by the caller), the store and the cards.
pub fn bundled_store() -> (tempfile::TempDir, Store, Vec<Card>) {
    let dir = tempfile::tempdir().unwrap();
    let decks = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let collection = deck::load(&DeckSource::Dir(decks)).unwrap();
    let cards: Vec<_> = collection.decks.iter().flat_map(deck::expand).collect();
    let start = first_instant();
    let mut store = Store::open(&dir.path().join("sim.sqlite3"), start).unwrap();
    store.sync_cards(LearnerId::PERSONAL, &cards, start.timestamp_millis()).unwrap();
    (dir, store, cards)
}

/// When a simulation starts: 2025-06-02 00:00 UTC.
pub fn first_instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 2, 0, 0, 0).unwrap()
}

/// Whether the student recalls `key` at its review count `reps`, given recall probability `p`:
/// one uniform draw per (seed, card, review count), so runs compared with each other draw the
/// same luck for the same review (common random numbers).
pub fn recalls(seed: u64, key: &str, reps: u32, p: f64) -> bool {
    let hash = fnv1a(&[&seed.to_le_bytes(), key.as_bytes(), &reps.to_le_bytes()]);
    ((hash >> 11) as f64 / (1u64 << 53) as f64) < p
}

/// How fast the student goes: time per answer, and the pause before the next session.
#[derive(Clone, Copy)]
pub struct Pace {
    pub per_answer: Duration,
    pub between_sessions: Duration,
}

/// A review session of every deck with the default options, as `kioku review` starts one at `now`.
pub fn review_session(store: &Store, scheduler: &Arc<Scheduler>, days: DayClock, now: DateTime<Utc>) -> ReviewSession {
    ReviewSession::new(
        store,
        LearnerId::PERSONAL,
        scheduler.clone(),
        days,
        Filter::default(),
        ReviewOptions::default(),
        now,
    )
    .unwrap()
}

/// The student's sittings from `start`: review sessions through kioku's real engine until one
/// has nothing left (a learning card due later ends a session; at most 8), each card rated by
/// `rate(session, index)`. Returns the answers saved.
pub fn study(
    store: &mut Store,
    scheduler: &Arc<Scheduler>,
    days: DayClock,
    start: DateTime<Utc>,
    pace: Pace,
    mut rate: impl FnMut(&ReviewSession, usize) -> Rating,
) -> usize {
    let mut now = start;
    let mut total = 0;
    for _ in 0..8 {
        let mut session = review_session(store, scheduler, days, now);
        let mut answered = 0;
        while let Some(index) = session.next(now) {
            let rating = rate(&session, index);
            session.answer(store, index, rating, now, now).unwrap();
            answered += 1;
            now += pace.per_answer;
        }
        if answered == 0 {
            break;
        }
        total += answered;
        now += pace.between_sessions;
    }
    total
}

/// What `kioku break` does: the break recorded, its reviews moved (manual rows, action `break`).
fn record_break(store: &mut Store, scheduler: &Scheduler, days: &DayClock, today: StudyDay, b: Break) {
    let id = store.add_break(LearnerId::PERSONAL, b.first, b.last, days.day_start(today).timestamp_millis()).unwrap();
    let b = Break { id, ..b };
    let rows = store.cards_in_decks(LearnerId::PERSONAL).unwrap();
    let schedules: Vec<(i64, CardSchedule)> = rows.iter().map(|c| (c.id, c.schedule.clone())).collect();
    let mut loads: HashMap<StudyDay, usize> = store.reviews_per_due_day(LearnerId::PERSONAL).unwrap();
    let moves = scheduler.plan_break(&schedules, &b, &[b], today, &mut loads);
    let by_id: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let afters: Vec<(usize, CardSchedule)> = moves
        .iter()
        .map(|&(id, day)| {
            let i = by_id[&id];
            let due_at_ms = Some(days.day_start(day).timestamp_millis());
            (i, CardSchedule { due_day: Some(day), due_at_ms, ..rows[i].schedule.clone() })
        })
        .collect();
    let batch: Vec<_> =
        afters.iter().map(|(i, after)| (rows[*i].id, rows[*i].key.as_str(), &rows[*i].schedule, after)).collect();
    let at = ReviewRowTime::new(days.day_start(today) + Duration::hours(5), days);
    store.record_moves(LearnerId::PERSONAL, &batch, at, "break").unwrap();
}
