//! The settings page (`GET /settings`, `POST /api/settings`), the suspended cards
//! (`GET /suspended`, `POST /api/unsuspend`) and the review log (`GET /history`,
//! `GET /api/history`).

use axum::body::Bytes;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::api::{self, show};
use super::desk::{Desk, Notice, Refusal};
use super::App;
use crate::store::{LearnerId, ReviewRowTime};
use crate::Result;

/// The settings the page changes, in the order it shows them.
pub const SETTINGS: [&str; 5] = ["language", "readings", "new_per_day", "reviews_per_day", "desired_retention"];

/// A suspended card.
#[derive(Clone, Debug, Serialize)]
pub struct Suspended {
    pub key: String,
    pub deck: String,
}

/// One row of the review log, as `kioku history --json` gives it.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryRow {
    pub card: String,
    pub reviewed_at: String,
    pub rating: u8,
    pub kind: &'static str,
    pub interval_secs: i64,
}

/// Settings as stored (`auto`/defaults filled in), for the form.
pub fn settings(desk: &mut Desk) -> Result<Vec<(String, String)>> {
    let stored = desk.store.settings(desk.learner)?;
    Ok(SETTINGS
        .iter()
        .map(|&key| {
            let value = stored
                .get(key)
                .cloned()
                .unwrap_or_else(|| crate::settings::spec(key).map(|s| s.default.to_string()).unwrap_or_default());
            (key.to_string(), value)
        })
        .collect())
}

pub fn suspended(desk: &mut Desk) -> Result<Vec<Suspended>> {
    Ok(desk
        .store
        .cards_in_decks(desk.learner)?
        .into_iter()
        .filter(|c| c.schedule.suspended)
        .map(|c| Suspended { key: c.key, deck: c.deck })
        .collect())
}

/// The newest `limit` rows of the log, newest first.
pub fn history(desk: &mut Desk, limit: usize) -> Result<Vec<HistoryRow>> {
    let rows = desk.store.history(desk.learner, None)?;
    Ok(rows
        .iter()
        .rev()
        .take(limit)
        .map(|r| HistoryRow {
            card: r.card_key.clone(),
            reviewed_at: chrono::DateTime::from_timestamp_millis(r.reviewed_at_ms)
                .map(|t| t.with_timezone(&desk.tz).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            rating: r.rating,
            kind: r.kind.as_str(),
            interval_secs: r.interval_secs,
        })
        .collect())
}

#[derive(Debug, Default, Deserialize)]
pub struct SettingsInput {
    language: Option<serde_json::Value>,
    readings: Option<serde_json::Value>,
    new_per_day: Option<serde_json::Value>,
    reviews_per_day: Option<serde_json::Value>,
    desired_retention: Option<serde_json::Value>,
}

/// Validates every value given, then stores them all (none when one is invalid). The review in
/// progress is rebuilt on the next page, with the new limits.
fn save_settings(desk: &mut Desk, input: &SettingsInput) -> Result<(), Refusal> {
    let given = [
        ("language", &input.language),
        ("readings", &input.readings),
        ("new_per_day", &input.new_per_day),
        ("reviews_per_day", &input.reviews_per_day),
        ("desired_retention", &input.desired_retention),
    ];
    let mut valid = Vec::new();
    for (key, value) in given {
        if let Some(value) = api::text(value) {
            let canonical = crate::settings::validate(key, &value).map_err(|e| Refusal::Invalid(e.to_string()))?;
            within_class_limit(desk, key, &canonical)?;
            valid.push((key, canonical));
        }
    }
    let before = desk.store.typed_settings(desk.learner)?;
    for (key, value) in &valid {
        desk.store.set_setting(desk.learner, key, value)?;
    }
    let after = desk.store.typed_settings(desk.learner)?;
    // Limits and retention shape today's queue: the review is rebuilt with them. Language and
    // readings do not: the review in progress, its card on screen and its undo are kept.
    let queue = |s: &crate::settings::Settings| (s.new_per_day, s.reviews_per_day, s.desired_retention);
    if queue(&before) != queue(&after) {
        desk.review = None;
    }
    crate::deck::reading::set_shown(after.show_readings);
    desk.settings = after;
    Ok(())
}

/// In a class, a student's daily limits may not go above the class's (the teacher's settings,
/// kept as learner 0's): the teacher sets how much a day may hold. A personal server has no
/// class.
fn within_class_limit(desk: &Desk, key: &str, value: &str) -> Result<(), Refusal> {
    if desk.learner == LearnerId::PERSONAL || !matches!(key, "new_per_day" | "reviews_per_day") {
        return Ok(());
    }
    let class = desk.store.typed_settings(LearnerId::PERSONAL)?;
    let max = if key == "new_per_day" { class.new_per_day } else { class.reviews_per_day };
    match value.parse::<u32>() {
        Ok(n) if n > max => Err(Refusal::Invalid(crate::tr!("class-web-limit", key = key, max = max))),
        _ => Ok(()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct KeyInput {
    key: Option<String>,
}

fn unsuspend(desk: &mut Desk, input: &KeyInput) -> Result<Notice, Refusal> {
    let key =
        input.key.clone().ok_or_else(|| Refusal::BadRequest(crate::tr!("web-api-missing-field", field = "key")))?;
    let (id, before) = desk.store.schedule(desk.learner, &key).map_err(|e| Refusal::Invalid(e.to_string()))?;
    if !before.suspended {
        return Err(Refusal::Invalid(crate::tr!("web-api-not-suspended", key = key.as_str())));
    }
    let mut after = before.clone();
    after.suspended = false;
    let at = ReviewRowTime::new(desk.now(), &desk.days);
    desk.store.record_manual(desk.learner, id, &key, &before, &after, at, "unsuspend")?;
    // The review in progress was built without it.
    desk.review = None;
    Ok(Notice::Unsuspended { key })
}

pub async fn post_settings(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<SettingsInput>(
        app,
        headers,
        body,
        "/settings",
        |desk, input| save_settings(desk, input).map(|()| Some(Notice::SettingsSaved)),
        None,
    )
    .await
}

pub async fn post_unsuspend(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<KeyInput>(app, headers, body, "/suspended", |desk, input| unsuspend(desk, input).map(Some), None).await
}

pub async fn settings_page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    show(app, headers, uri, settings, |ctx, v: &Vec<_>, n| super::pages::cards::settings(ctx, v, n)).await
}

pub async fn suspended_page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    show(app, headers, uri, suspended, |ctx, v: &Vec<_>, n| super::pages::cards::suspended(ctx, v, n)).await
}

pub async fn history_page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    show(app, headers, uri, |desk| history(desk, 200), |ctx, v: &Vec<_>, n| super::pages::cards::history(ctx, v, n))
        .await
}

/// `GET /api/settings`, `/api/suspended`, `/api/history` (the newest 1,000 rows).
pub async fn settings_data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, |desk| settings(desk).map(|v| v.into_iter().collect::<std::collections::BTreeMap<_, _>>()))
        .await
}
pub async fn suspended_data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, suspended).await
}
pub async fn history_data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, |desk| history(desk, 1000)).await
}
