//! What the JSON API and the pages' forms share: reading a body sent as a form or as JSON,
//! and answering in kind — JSON (with an HTTP status per refusal, docs/api.md), or for a form a
//! redirect to the page that shows the result (post/redirect/get, so a reload never sends an
//! action again).

use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::desk::{Desk, Notice, Refusal};
use super::pages::layout::PageCtx;
use super::worker::Gone;
use super::App;

/// How an action was sent, and so how it is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A page's form (`application/x-www-form-urlencoded`): answered with a redirect.
    Form,
    /// `application/json`: answered with JSON.
    Json,
}

/// A body that could not be read: its status, code and message (`Unreadable::response`).
#[derive(Debug)]
pub struct Unreadable(StatusCode, &'static str, String);

impl Unreadable {
    pub fn response(&self) -> Response {
        error_json(self.0, self.1, &self.2)
    }
}

/// Reads a body as JSON or as a form, by its `Content-Type` (an empty body reads as `{}`).
pub fn read<T: DeserializeOwned>(headers: &HeaderMap, body: &Bytes) -> Result<(T, Via), Unreadable> {
    // Media types are case-insensitive (RFC 9110).
    let content_type =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let bad = |e: String| Unreadable(StatusCode::BAD_REQUEST, "bad_request", e);
    if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes(body).map(|t| (t, Via::Form)).map_err(|e| bad(e.to_string()))
    } else if content_type.starts_with("application/json") || body.is_empty() {
        let body: &[u8] = if body.is_empty() { b"{}" } else { body };
        serde_json::from_slice(body).map(|t| (t, Via::Json)).map_err(|e| bad(e.to_string()))
    } else {
        Err(Unreadable(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send application/json or application/x-www-form-urlencoded".into(),
        ))
    }
}

/// `{"error": code, "message": message}` with `status`.
pub fn error_json(status: StatusCode, code: &str, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": code, "message": message }))).into_response()
}

/// A refused action as JSON.
pub fn refusal_json(refusal: &Refusal) -> Response {
    let (status, code, message) = match refusal {
        Refusal::Stale { key } => (
            StatusCode::CONFLICT,
            "stale",
            format!("card {key} is no longer the card on screen as it was shown (answered in another tab, or sent twice); nothing was saved"),
        ),
        Refusal::Invalid(message) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_response", message.clone()),
        Refusal::BadRequest(message) => (StatusCode::BAD_REQUEST, "bad_request", message.clone()),
        Refusal::NothingToUndo => {
            (StatusCode::CONFLICT, "nothing_to_undo", "no answer of this session to undo".to_string())
        }
        Refusal::Failed(e @ crate::Error::Database { .. }) => (StatusCode::INTERNAL_SERVER_ERROR, "database", e.to_string()),
        Refusal::Failed(e) => (StatusCode::INTERNAL_SERVER_ERROR, "failed", e.to_string()),
    };
    error_json(status, code, &message)
}

/// The database thread is gone (the server is stopping).
pub fn gone(_: Gone) -> Response {
    error_json(StatusCode::SERVICE_UNAVAILABLE, "stopping", "kioku serve is stopping")
}

/// A JSON body with status 200.
pub fn ok_json<T: Serialize>(value: &T) -> Response {
    axum::Json(value).into_response()
}

/// After a form: back to `page` with 303, which the browser follows with a GET.
pub fn see(page: &str) -> Response {
    Redirect::to(page).into_response()
}

/// A state-changing step on the desk: what was done, or why it was refused (nothing changed).
pub type Step<T> = fn(&mut Desk, &T) -> Result<Option<Notice>, Refusal>;

/// The state a JSON caller gets back after a step, under its name (`"review"`, `"exam"`…).
pub type After = (&'static str, fn(&mut Desk) -> crate::Result<serde_json::Value>);

/// Runs `step` with the body (a form or JSON) on the desk. A form is answered with a redirect to
/// `page`, where the notice (what was done, or why not) is said once; JSON with
/// `{"result": notice, NAME: state}` (`after`), or the refusal with its HTTP status.
pub async fn act<T: DeserializeOwned + Send + 'static>(
    app: App,
    headers: HeaderMap,
    body: Bytes,
    page: &'static str,
    step: Step<T>,
    after: Option<After>,
) -> Response {
    let (input, via) = match read::<T>(&headers, &body) {
        Ok(read) => read,
        Err(unreadable) => return unreadable.response(),
    };
    let job = move |desk: &mut Desk| -> Result<Option<serde_json::Value>, Refusal> {
        let done = step(desk, &input);
        if via == Via::Form {
            desk.notice = match done {
                Ok(notice) => notice,
                Err(Refusal::Stale { key }) => Some(Notice::Stale { key }),
                Err(Refusal::Invalid(message) | Refusal::BadRequest(message)) => Some(Notice::Invalid { message }),
                Err(Refusal::NothingToUndo) => Some(Notice::NothingToUndo),
                Err(Refusal::Failed(e)) => return Err(Refusal::Failed(e)),
            };
            return Ok(None);
        }
        let mut reply = serde_json::Map::new();
        reply.insert("result".into(), serde_json::to_value(done?).unwrap_or_default());
        if let Some((name, state)) = after {
            reply.insert(name.into(), state(desk)?);
        }
        Ok(Some(serde_json::Value::Object(reply)))
    };
    match app.worker.run(job).await {
        Ok(Ok(Some(reply))) => ok_json(&reply),
        Ok(Ok(None)) => see(page),
        Ok(Err(Refusal::Failed(e))) if via == Via::Form => super::pages::error(&headers, &e),
        Ok(Err(refusal)) => refusal_json(&refusal),
        Err(stopped) => gone(stopped),
    }
}

/// A value as JSON for [`After`].
pub fn to_json<T: Serialize>(value: crate::Result<T>) -> crate::Result<serde_json::Value> {
    value.map(|v| serde_json::to_value(v).unwrap_or_default())
}

/// A page from the desk: `data` read on its thread, `render` with the request's language.
pub async fn show<T: Send + 'static>(
    app: App,
    headers: HeaderMap,
    data: fn(&mut Desk) -> crate::Result<T>,
    render: fn(&PageCtx, &T, Option<&Notice>) -> maud::Markup,
) -> Response {
    let job =
        move |desk: &mut Desk| data(desk).map(|d| (d, desk.language(), desk.notice.take(), desk.deck_problem.clone()));
    match app.worker.run(job).await {
        Ok(Ok((value, setting, notice, problem))) => {
            let ctx = PageCtx { lang: super::text::lang(&headers, setting), csrf: app.security.csrf(), problem };
            super::pages::html(render(&ctx, &value, notice.as_ref()))
        }
        Ok(Err(e)) => super::pages::error(&headers, &e),
        Err(stopped) => gone(stopped),
    }
}

pub fn json<T: Serialize>(result: Result<crate::Result<T>, Gone>) -> Response {
    match result {
        Ok(Ok(value)) => ok_json(&value),
        Ok(Err(e)) => refusal_json(&Refusal::Failed(e)),
        Err(stopped) => gone(stopped),
    }
}

/// A field sent as text or as a JSON number or boolean, as text: None when absent or empty.
pub fn text(value: &Option<Value>) -> Option<String> {
    match value.as_ref()? {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_string()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}
