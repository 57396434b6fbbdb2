//! What the JSON API and the pages' forms share: reading a body sent as a form or as JSON,
//! and answering in kind — JSON (with an HTTP status per refusal, docs/api.md), or for a form a
//! redirect to the page that shows the result (post/redirect/get, so a reload never sends an
//! action again).

use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::desk::{Desk, Notice, Refusal};
use super::pages::layout::PageCtx;
use super::text::Lang;
use super::worker::Gone;
use super::App;
use crate::tr_in;

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
    let lang = super::text::lang(headers, None);
    let bad =
        |e: String| Unreadable(StatusCode::BAD_REQUEST, "bad_request", tr_in!(lang, "web-api-unreadable", detail = e));
    if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes(body).map(|t| (t, Via::Form)).map_err(|e| bad(e.to_string()))
    } else if content_type.starts_with("application/json") || body.is_empty() {
        let body: &[u8] = if body.is_empty() { b"{}" } else { body };
        serde_json::from_slice(body).map(|t| (t, Via::Json)).map_err(|e| bad(e.to_string()))
    } else {
        Err(Unreadable(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            tr_in!(lang, "web-api-media-type"),
        ))
    }
}

/// `{"error": code, "message": message}` with `status`.
pub fn error_json(status: StatusCode, code: &str, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": code, "message": message }))).into_response()
}

/// A refused action as JSON, its message in `lang` (the request's).
pub fn refusal_json(refusal: &Refusal, lang: Lang) -> Response {
    let (status, code, message) = match refusal {
        Refusal::Stale { key } => (StatusCode::CONFLICT, "stale", tr_in!(lang, "web-api-stale", key = key.as_str())),
        Refusal::Invalid(message) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_response", message.clone()),
        Refusal::BadRequest(message) => (StatusCode::BAD_REQUEST, "bad_request", message.clone()),
        Refusal::NothingToUndo => (StatusCode::CONFLICT, "nothing_to_undo", tr_in!(lang, "web-notice-nothing-to-undo")),
        Refusal::Failed(e @ crate::Error::Database { .. }) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "database", e.to_string())
        }
        Refusal::Failed(e) => (StatusCode::INTERNAL_SERVER_ERROR, "failed", e.to_string()),
    };
    error_json(status, code, &message)
}

/// The job did not run: the database thread is gone (the server is stopping), or the learner's
/// state could not be read.
pub fn gone(gone: Gone, lang: Lang) -> Response {
    match gone {
        Gone::Stopped => error_json(StatusCode::SERVICE_UNAVAILABLE, "stopping", &tr_in!(lang, "web-api-stopping")),
        Gone::Failed(e) => refusal_json(&Refusal::Failed(e), lang),
    }
}

/// A JSON body with status 200.
pub fn ok_json<T: Serialize>(value: &T) -> Response {
    axum::Json(value).into_response()
}

/// A state-changing step on the desk: what was done, or why it was refused (nothing changed).
pub type Step<T> = fn(&mut Desk, &T) -> Result<Option<Notice>, Refusal>;

/// The state a JSON caller gets back after a step, under its name (`"review"`, `"exam"`…).
pub type After = (&'static str, fn(&mut Desk) -> crate::Result<serde_json::Value>);

/// Runs `job` on the desk's thread in the request's language (the `language` setting, else the
/// browser's): every `tr!` of the engine and the desk (a refusal, an invalid answer, an error)
/// speaks it. Returns the language with the job's result.
pub async fn run_in_lang<T: Send + 'static>(
    app: &App,
    headers: &HeaderMap,
    job: impl FnOnce(&mut Desk) -> T + Send + 'static,
) -> (Lang, Result<T, Gone>) {
    let accept = super::text::accept(headers);
    let done = app
        .run(move |desk: &mut Desk| {
            let lang = super::text::choose(accept.as_deref(), desk.language());
            (lang, crate::i18n::with_lang(lang, || job(desk)))
        })
        .await;
    match done {
        Ok((lang, value)) => (lang, Ok(value)),
        Err(gone) => (super::text::lang(headers, None), Err(gone)),
    }
}

/// What a step gives back: JSON, or for a form the notice's number for the redirect.
enum Reply {
    Json(serde_json::Value),
    Redirect(Option<u64>),
}

/// Runs `step` with the body (a form or JSON) on the desk. A form is answered with a redirect to
/// `page?notice=N`, where the notice (what was done, or why not) is said once, in that tab only;
/// JSON with `{"result": notice, NAME: state}` (`after`), or the refusal with its HTTP status.
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
    let job = move |desk: &mut Desk| -> Result<Reply, Refusal> {
        let done = step(desk, &input);
        if via == Via::Form {
            let notice = match done {
                Ok(notice) => notice,
                Err(Refusal::Stale { key }) => Some(Notice::Stale { key }),
                Err(Refusal::Invalid(message) | Refusal::BadRequest(message)) => Some(Notice::Invalid { message }),
                Err(Refusal::NothingToUndo) => Some(Notice::NothingToUndo),
                Err(Refusal::Failed(e)) => return Err(Refusal::Failed(e)),
            };
            return Ok(Reply::Redirect(notice.map(|n| desk.notices.put(n))));
        }
        let mut reply = serde_json::Map::new();
        reply.insert("result".into(), serde_json::to_value(done?).unwrap_or_default());
        if let Some((name, state)) = after {
            reply.insert(name.into(), state(desk)?);
        }
        Ok(Reply::Json(serde_json::Value::Object(reply)))
    };
    match run_in_lang(&app, &headers, job).await {
        (_, Ok(Ok(Reply::Json(reply)))) => ok_json(&reply),
        (_, Ok(Ok(Reply::Redirect(None)))) => Redirect::to(page).into_response(),
        (_, Ok(Ok(Reply::Redirect(Some(id))))) => Redirect::to(&format!("{page}?notice={id}")).into_response(),
        (lang, Ok(Err(Refusal::Failed(e)))) if via == Via::Form => super::pages::error(lang, &e),
        (lang, Ok(Err(refusal))) => refusal_json(&refusal, lang),
        (lang, Err(stopped)) => gone(stopped, lang),
    }
}

/// A value as JSON for [`After`].
pub fn to_json<T: Serialize>(value: crate::Result<T>) -> crate::Result<serde_json::Value> {
    value.map(|v| serde_json::to_value(v).unwrap_or_default())
}

/// The number of the notice a form's redirect named (`?notice=N`), if any.
fn notice_id(uri: &Uri) -> Option<u64> {
    let query = uri.query()?;
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "notice")
        .and_then(|(_, v)| v.parse().ok())
}

/// A page from the desk: `data` read on its thread, `render` with the request's language. The
/// notice the address names (after a form) is said on this page once.
pub async fn show<T: Send + 'static>(
    app: App,
    headers: HeaderMap,
    uri: Uri,
    data: fn(&mut Desk) -> crate::Result<T>,
    render: fn(&PageCtx, &T, Option<&Notice>) -> maud::Markup,
) -> Response {
    let id = notice_id(&uri);
    let job = move |desk: &mut Desk| {
        desk.notice = id.and_then(|id| desk.notices.take(id));
        let value = data(desk);
        // Taken whether `data` said it or not: it belongs to this request only.
        let notice = desk.notice.take();
        value.map(|d| (d, notice, desk.deck_problem.clone()))
    };
    match run_in_lang(&app, &headers, job).await {
        (lang, Ok(Ok((value, notice, problem)))) => {
            let ctx = PageCtx { lang, csrf: &app.csrf, problem, account: app.account.as_deref() };
            super::pages::html(render(&ctx, &value, notice.as_ref()))
        }
        (lang, Ok(Err(e))) => super::pages::error(lang, &e),
        (lang, Err(stopped)) => gone(stopped, lang),
    }
}

/// `data` read on the desk's thread, as JSON (an error in the request's language).
pub async fn get<T: Serialize + Send + 'static>(
    app: App,
    headers: HeaderMap,
    data: impl FnOnce(&mut Desk) -> crate::Result<T> + Send + 'static,
) -> Response {
    match run_in_lang(&app, &headers, data).await {
        (_, Ok(Ok(value))) => ok_json(&value),
        (lang, Ok(Err(e))) => refusal_json(&Refusal::Failed(e), lang),
        (lang, Err(stopped)) => gone(stopped, lang),
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
