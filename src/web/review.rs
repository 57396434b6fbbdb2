//! The review's routes: the page (`GET /review`), its data (`GET /api/review`) and its
//! actions (`POST /api/review/{start,respond,grade,undo,suspend,bury}`), each a step of the
//! engine run on the desk's thread. docs/api.md documents them.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::api::{self, Via};
use super::desk::{Desk, Notice, Refusal};
use super::pages::layout::PageCtx;
use super::view::{self, ReviewView};
use super::App;
use crate::scheduler::Rating;
use crate::session::review::Hide;

/// `GET /review`.
pub async fn page(State(app): State<App>, headers: HeaderMap) -> Response {
    let result = app.worker.run(|desk| view::review(desk).map(|v| (v, desk.language()))).await;
    match result {
        Ok(Ok((view, setting))) => {
            let ctx = PageCtx { lang: super::text::lang(&headers, setting), csrf: app.security.csrf() };
            super::pages::html(super::pages::review::render(&ctx, &view))
        }
        Ok(Err(e)) => super::pages::error(&headers, &e),
        Err(gone) => api::gone(gone),
    }
}

/// `GET /api/review`.
pub async fn data(State(app): State<App>) -> Response {
    match app.worker.run(view::review).await {
        Ok(Ok(view)) => api::ok_json(&view),
        Ok(Err(e)) => api::refusal_json(&Refusal::Failed(e)),
        Err(gone) => api::gone(gone),
    }
}

/// The fields an action may carry (as a form or as JSON).
#[derive(Debug, Default, Deserialize)]
pub struct ActionInput {
    /// The card's key, as shown.
    key: Option<String>,
    /// The card's version, as shown.
    version: Option<i64>,
    /// The response (respond).
    response: Option<String>,
    /// 1–4 or again/hard/good/easy (grade).
    rating: Option<serde_json::Value>,
}

#[derive(Clone, Copy, Debug)]
pub enum Action {
    Start,
    Respond,
    Grade,
    Undo,
    Suspend,
    Bury,
}

/// What a JSON caller gets back: what was done, and the review as it is now.
#[derive(serde::Serialize)]
struct Reply {
    result: Option<Notice>,
    review: ReviewView,
}

pub async fn start(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Start).await
}
pub async fn respond(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Respond).await
}
pub async fn grade(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Grade).await
}
pub async fn undo(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Undo).await
}
pub async fn suspend(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Suspend).await
}
pub async fn bury(app: State<App>, headers: HeaderMap, body: Bytes) -> Response {
    act(app, headers, body, Action::Bury).await
}

async fn act(State(app): State<App>, headers: HeaderMap, body: Bytes, action: Action) -> Response {
    let (input, via) = match api::read::<ActionInput>(&headers, &body) {
        Ok(read) => read,
        Err(unreadable) => return unreadable.response(),
    };
    let job = move |desk: &mut Desk| {
        let done = perform(desk, action, &input);
        match via {
            // A form: the page says what happened, once, after the redirect.
            Via::Form => {
                desk.notice = match done {
                    Ok(notice) => notice,
                    Err(Refusal::Stale { key }) => Some(Notice::Stale { key }),
                    Err(Refusal::Invalid(message) | Refusal::BadRequest(message)) => Some(Notice::Invalid { message }),
                    Err(Refusal::NothingToUndo) => Some(Notice::NothingToUndo),
                    Err(Refusal::Failed(e)) => return Err(Refusal::Failed(e)),
                };
                Ok(None)
            }
            Via::Json => {
                let result = done?;
                let review = view::review(desk)?;
                Ok(Some(Reply { result, review }))
            }
        }
    };
    match app.worker.run(job).await {
        Ok(Ok(Some(reply))) => api::ok_json(&reply),
        Ok(Ok(None)) => api::see("/review"),
        Ok(Err(Refusal::Failed(e))) if via == Via::Form => super::pages::error(&headers, &e),
        Ok(Err(refusal)) => api::refusal_json(&refusal),
        Err(gone) => api::gone(gone),
    }
}

fn perform(desk: &mut Desk, action: Action, input: &ActionInput) -> Result<Option<Notice>, Refusal> {
    let card = || -> Result<(&str, i64), Refusal> {
        let key = input.key.as_deref().ok_or_else(|| Refusal::BadRequest("missing field: key".into()))?;
        let version = input.version.ok_or_else(|| Refusal::BadRequest("missing field: version".into()))?;
        Ok((key, version))
    };
    match action {
        Action::Start => {
            desk.start_review()?;
            Ok(None)
        }
        Action::Respond => {
            let (key, version) = card()?;
            desk.respond(key, version, input.response.as_deref().unwrap_or("")).map(|()| None)
        }
        Action::Grade => {
            let (key, version) = card()?;
            let rating = match &input.rating {
                Some(serde_json::Value::Number(n)) => {
                    n.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Rating::from_u8)
                }
                Some(serde_json::Value::String(s)) => Rating::parse(s.trim()),
                _ => None,
            }
            .ok_or_else(|| Refusal::BadRequest("rating must be 1-4 or again, hard, good, easy".into()))?;
            desk.grade(key, version, rating).map(Some)
        }
        Action::Undo => desk.undo().map(Some),
        Action::Suspend => {
            let (key, version) = card()?;
            desk.hide(key, version, Hide::Suspend).map(Some)
        }
        Action::Bury => {
            let (key, version) = card()?;
            desk.hide(key, version, Hide::Bury).map(Some)
        }
    }
}
