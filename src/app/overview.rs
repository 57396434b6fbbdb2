//! Where a learner stands today, as every front end shows it: the cards due per deck and what
//! today's session would show after the daily limits (`kioku due`, the web's home page and
//! `GET /api/due`), the streak, and the statistics report (`kioku stats`, `/stats`,
//! `GET /api/stats`). Data only; each front end words and lays it out.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::scheduler::{DayClock, Scheduler, StudyDay};
use crate::session::{Filter, Today};
use crate::settings::Settings;
use crate::stats::report::{self, CardInfo, Report};
use crate::store::{CardStorage, LearnerId, Storage, Store};
use crate::Result;

/// Cards due, by state (learning includes relearning).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

/// One deck's cards due today, before the daily limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeckDue {
    pub deck: String,
    #[serde(flatten)]
    pub counts: DueCounts,
}

/// What is due today: the shape of `kioku due --json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Due {
    /// Every deck of the deck files (sorted by id), with zeros for a deck with nothing due: its
    /// new cards before the daily limit, learning cards due before the end of the study day.
    pub decks: Vec<DeckDue>,
    /// What today's session would show, after the daily limits.
    pub total: DueCounts,
}

/// What is due today for `learner` at `now`.
pub fn due_today(
    store: &Store,
    learner: LearnerId,
    settings: &Settings,
    days: &DayClock,
    now: DateTime<Utc>,
) -> Result<Due> {
    let today = Today::build(store, learner, &Filter::default(), settings, days, now, None)?;
    let mut per_deck: std::collections::BTreeMap<String, DueCounts> =
        store.file_deck_ids(learner)?.into_iter().map(|deck| (deck, DueCounts::default())).collect();
    for (deck, [new, learning, review]) in store.due_counts(learner, today.today, today.day_end_ms)? {
        per_deck.insert(deck, DueCounts { new, learning, review });
    }
    let (new, learning, review) = today.queue.remaining();
    Ok(Due {
        decks: per_deck.into_iter().map(|(deck, counts)| DeckDue { deck, counts }).collect(),
        total: DueCounts { new, learning, review },
    })
}

/// The learner's streak on study day `today`: consecutive study days with an answer, ending
/// today or yesterday.
pub fn streak_days(store: &dyn Storage, learner: LearnerId, today: StudyDay) -> Result<u32> {
    Ok(crate::stats::streak(&store.recent_review_days(learner, today)?, today))
}

/// The statistics report over the cards in the decks that `filter` covers, on study day `today`
/// (recall now from `scheduler`'s parameters).
pub fn stats_report(
    store: &Store,
    learner: LearnerId,
    scheduler: &Scheduler,
    filter: &Filter,
    today: StudyDay,
) -> Result<Report> {
    let rows = CardStorage::cards_in_decks(store, learner)?;
    let cards: Vec<CardInfo> = rows
        .iter()
        .filter(|c| filter.covers(&c.deck, &c.tags))
        .map(|c| CardInfo {
            key: &c.key,
            deck: &c.deck,
            tags: &c.tags,
            schedule: &c.schedule,
            retrievability: scheduler.retrievability(&c.schedule, today),
        })
        .collect();
    store.with_scheduled_rows(learner, |rows| report::build(&cards, rows, today))
}
