//! The home page (`GET /`) and `GET /api/due`: what is due today per deck, what today's session
//! would show after the daily limits, and the streak.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use super::api;
use super::desk::{Desk, Refusal};
use super::App;
use crate::session::{Filter, Today};
use crate::store::LearnerId;
use crate::Result;

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct DeckCounts {
    pub deck: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// The shape of `kioku due --json`, with the streak.
#[derive(Clone, Debug, Serialize)]
pub struct Due {
    pub decks: Vec<DeckCounts>,
    pub total: Counts,
    pub streak_days: u32,
}

/// Per deck every card due before the daily limits; the total, what today's queue shows.
pub fn due(desk: &mut Desk) -> Result<Due> {
    let now = desk.now();
    let store = &desk.store;
    let today = Today::build(store, LearnerId::PERSONAL, &Filter::default(), &desk.settings, &desk.days, now, None)?;
    let mut per_deck: std::collections::BTreeMap<String, Counts> =
        store.file_deck_ids()?.into_iter().map(|deck| (deck, Counts::default())).collect();
    for (deck, [new, learning, review]) in store.due_counts(today.today, today.day_end_ms)? {
        per_deck.insert(deck, Counts { new, learning, review });
    }
    let (new, learning, review) = today.queue.remaining();
    let streak_days = crate::stats::streak(&store.recent_review_days(today.today)?, today.today);
    Ok(Due {
        decks: per_deck.into_iter().map(|(deck, counts)| DeckCounts { deck, counts }).collect(),
        total: Counts { new, learning, review },
        streak_days,
    })
}

/// `GET /api/due`.
pub async fn data(State(app): State<App>) -> Response {
    match app.worker.run(due).await {
        Ok(Ok(due)) => api::ok_json(&due),
        Ok(Err(e)) => api::refusal_json(&Refusal::Failed(e)),
        Err(gone) => api::gone(gone),
    }
}

/// `GET /`.
pub async fn page(State(app): State<App>, headers: HeaderMap) -> Response {
    api::show(app, headers, due, |ctx, due, _| super::pages::home::render(ctx, due)).await
}
