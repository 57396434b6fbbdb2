//! The home page (`GET /`) and `GET /api/due`: what is due today per deck, what today's session
//! would show after the daily limits, and the streak.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Serialize;

use super::api;
use super::desk::Desk;
use super::App;
use crate::app::{self, DeckDue, DueCounts};
use crate::Result;

/// The shape of `kioku due --json`, with the streak.
#[derive(Clone, Debug, Serialize)]
pub struct Due {
    pub decks: Vec<DeckDue>,
    pub total: DueCounts,
    pub streak_days: u32,
}

/// What is due today (`app::due_today`), with the streak.
pub fn due(desk: &mut Desk) -> Result<Due> {
    let now = desk.now();
    let app::Due { decks, total } = app::due_today(&desk.store, desk.learner, &desk.settings, &desk.days, now)?;
    let streak_days = app::streak_days(&desk.store, desk.learner, desk.days.study_day(now))?;
    Ok(Due { decks, total, streak_days })
}

/// `GET /api/due`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, due).await
}

/// `GET /`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    api::show(app, headers, uri, due, |ctx, due, _| super::pages::home::render(ctx, due)).await
}
