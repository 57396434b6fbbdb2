//! The statistics page (`GET /stats`) and `GET /api/stats`: the figures `kioku stats --json`
//! gives (cards by state, recall now, the 30-day forecast, true retention, the 26-week
//! calendar, streaks, time spent, weak spots, leeches), computed by `stats::report`.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;

use super::api;
use super::desk::Desk;
use super::App;
use crate::app;
use crate::session::Filter;
use crate::stats::report::Report;
use crate::Result;

/// The report over every card in the decks, on today's study day (`app::stats_report`).
pub fn report(desk: &mut Desk) -> Result<Report> {
    let today = desk.days.study_day(desk.now());
    app::stats_report(&desk.store, desk.learner, &desk.scheduler, &Filter::default(), today)
}

/// `GET /api/stats`: the shape of `kioku stats --json`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, report).await
}

/// `GET /stats`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    api::show(app, headers, uri, report, |ctx, report, _| super::pages::stats::render(ctx, report)).await
}
