//! What the JSON API and the pages' forms share: reading a body sent as a form or as JSON,
//! and answering in kind — JSON (with an HTTP status per refusal, docs/api.md), or for a form a
//! redirect to the page that shows the result (post/redirect/get, so a reload never sends an
//! action again).

use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::desk::Refusal;
use super::worker::Gone;

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
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
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
        Refusal::Failed(e) => (StatusCode::INTERNAL_SERVER_ERROR, "database", e.to_string()),
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
