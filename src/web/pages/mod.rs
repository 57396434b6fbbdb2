//! Server-rendered pages (maud: every value interpolated is escaped).

pub mod cards;
pub mod class;
pub mod cram;
pub mod decks;
pub mod exam;
pub mod home;
pub mod layout;
pub mod plan;
pub mod review;
pub mod stats;
pub mod teacher;

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::text;
use crate::tr_in;

/// A page as an HTML response. A bidi control from deck text would reorder the page around it
/// (maud escapes markup, not these): every one is shown as the terminal shows it (`\u{202e}`);
/// kioku's own templates and catalogue hold none.
pub fn html(markup: maud::Markup) -> Response {
    let page = markup.into_string();
    axum::response::Html(crate::safe_text::bidi_visible(&page).into_owned()).into_response()
}

/// A failure the person cannot fix from the page (the database failed): 500, with the message.
pub fn error(lang: text::Lang, e: &crate::Error) -> Response {
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
