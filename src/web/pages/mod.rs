//! Server-rendered pages (maud: every value interpolated is escaped).

pub mod cards;
pub mod cram;
pub mod exam;
pub mod home;
pub mod layout;
pub mod review;
pub mod stats;

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::text;
use crate::tr_in;

/// A page as an HTML response.
pub fn html(markup: maud::Markup) -> Response {
    axum::response::Html(markup.into_string()).into_response()
}

/// A failure the person cannot fix from the page (the database failed): 500, with the message.
pub fn error(headers: &HeaderMap, e: &crate::Error) -> Response {
    let lang = text::lang(headers, None);
    let page = layout::bare(lang, &tr_in!(lang, "web-error-title"), &e.to_string());
    (StatusCode::INTERNAL_SERVER_ERROR, html(page)).into_response()
}

/// 404 for pages; JSON under `/api/`.
pub async fn not_found(uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let lang = text::lang(&headers, None);
    let message = tr_in!(lang, "web-not-found");
    if uri.path().starts_with("/api/") {
        return super::api::error_json(StatusCode::NOT_FOUND, "not_found", &message);
    }
    (StatusCode::NOT_FOUND, html(layout::bare(lang, &tr_in!(lang, "web-not-found-title"), &message))).into_response()
}
