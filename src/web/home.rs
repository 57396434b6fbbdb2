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

/// An exam plan not yet past: the learner's own (`kioku plan`) or, in a class, the teacher's
/// assignment, which the student cannot remove.
#[derive(Clone, Debug, Serialize)]
pub struct UpcomingExam {
    /// YYYY-MM-DD.
    pub exam_date: String,
    /// Recall wanted on the exam date, 0–1.
    pub target: f32,
    /// Deck ids in scope; empty = every deck.
    pub decks: Vec<String>,
    /// Tags in scope (any of them); empty = every card.
    pub tags: Vec<String>,
}

/// The shape of `kioku due --json`, with the streak and the exams ahead (today's included),
/// nearest first.
#[derive(Clone, Debug, Serialize)]
pub struct Due {
    pub decks: Vec<DeckDue>,
    pub total: DueCounts,
    pub streak_days: u32,
    pub exams: Vec<UpcomingExam>,
}

/// What is due today (`app::due_today`), with the streak.
pub fn due(desk: &mut Desk) -> Result<Due> {
    let now = desk.now();
    let today = desk.days.study_day(now);
    let app::Due { decks, total } = app::due_today(&desk.store, desk.learner, &desk.settings, &desk.days, now)?;
    let streak_days = app::streak_days(&desk.store, desk.learner, today)?;
    // Plans come ordered by exam day.
    let exams = crate::store::PlanStorage::plans(&desk.store, desk.learner)?
        .into_iter()
        .filter(|p| p.exam_day >= today)
        .map(|p| UpcomingExam {
            exam_date: p.exam_day.date().to_string(),
            target: p.target,
            decks: p.decks,
            tags: p.tags,
        })
        .collect();
    Ok(Due { decks, total, streak_days, exams })
}

/// `GET /api/due`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, due).await
}

/// `GET /`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    api::show(app, headers, uri, due, |ctx, due, _| super::pages::home::render(ctx, due)).await
}
