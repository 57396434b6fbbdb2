//! The review's routes: the page (`GET /review`), its data (`GET /api/review`) and its
//! actions (`POST /api/review/{start,respond,grade,undo,suspend,bury}`), each a step of the
//! engine run on the desk's thread. docs/api.md documents them.

use axum::body::Bytes;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;

use super::api;
use super::desk::Refusal;
use super::view;
use super::App;
use crate::scheduler::Rating;
use crate::session::review::Hide;

/// `GET /review`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    api::show(app, headers, uri, view::review, |ctx, view, _| super::pages::review::render(ctx, view)).await
}

/// `GET /api/review`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, view::review).await
}

/// The fields an action may carry (as a form or as JSON).
#[derive(Debug, Default, Deserialize)]
pub struct ActionInput {
    /// The card's key, as shown.
    pub key: Option<String>,
    /// The card's version, as shown.
    version: Option<i64>,
    /// The response (respond).
    response: Option<String>,
    /// 1–4 or again/hard/good/easy (grade).
    rating: Option<serde_json::Value>,
}

/// The review as the JSON actions return it.
const AFTER: Option<api::After> = Some(("review", |desk| api::to_json(view::review(desk))));

/// A review action from the page's form or from JSON.
async fn act(app: App, headers: HeaderMap, body: Bytes, step: api::Step<ActionInput>) -> Response {
    api::act::<ActionInput>(app, headers, body, "/review", step, AFTER).await
}

pub async fn start(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, _| desk.start_review().map(|()| None).map_err(Refusal::from)).await
}
pub async fn respond(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, input| {
        let (key, version) = input.card()?;
        desk.respond(key, version, input.response()).map(|()| None)
    })
    .await
}
pub async fn grade(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, input| {
        let (key, version) = input.card()?;
        desk.grade(key, version, input.rating()?).map(Some)
    })
    .await
}
/// Undo names the answer it takes back: the view's `undo` (key and answer number).
pub async fn undo(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, input| desk.undo(input.card()).map(Some)).await
}
pub async fn suspend(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, input| hide(desk, input, Hide::Suspend)).await
}
pub async fn bury(app: App, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, |desk, input| hide(desk, input, Hide::Bury)).await
}

fn hide(desk: &mut super::desk::Desk, input: &ActionInput, how: Hide) -> Result<Option<super::desk::Notice>, Refusal> {
    let (key, version) = input.card()?;
    desk.hide(key, version, how).map(Some)
}

impl ActionInput {
    /// The card named: its key and version, both required.
    pub fn card(&self) -> Result<(&str, i64), Refusal> {
        let key = self
            .key
            .as_deref()
            .ok_or_else(|| Refusal::BadRequest(crate::tr!("web-api-missing-field", field = "key")))?;
        let version =
            self.version.ok_or_else(|| Refusal::BadRequest(crate::tr!("web-api-missing-field", field = "version")))?;
        Ok((key, version))
    }

    /// The rating: 1–4 or again/hard/good/easy.
    pub fn rating(&self) -> Result<Rating, Refusal> {
        match &self.rating {
            Some(serde_json::Value::Number(n)) => {
                n.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Rating::from_u8)
            }
            Some(serde_json::Value::String(s)) => Rating::parse(s.trim()),
            _ => None,
        }
        .ok_or_else(|| Refusal::BadRequest(crate::tr!("web-api-rating")))
    }

    pub fn response(&self) -> &str {
        self.response.as_deref().unwrap_or("")
    }
}
