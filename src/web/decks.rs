//! The teachers' page (`GET /decks`) and `GET /api/lint`: every deck file checked as
//! `kioku lint` checks it, each problem with its file:line:col, its source line and a caret;
//! the page also previews every card of every deck, as `kioku preview` does.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Serialize;

use super::api::{self, show};
use super::desk::Desk;
use super::view::{card_view, reveal_view, CardView, RevealView};
use super::App;
use crate::deck::{lint, Diagnostic, Severity};
use crate::Result;

/// `kioku lint --format json`'s diagnostics with the counts of its summary.
#[derive(Clone, Debug, Serialize)]
pub struct Lint {
    pub files: usize,
    pub cards: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Errors and warnings, in file order: `{file, line, col, severity, code, message, hint}`.
    pub diagnostics: Vec<Diagnostic>,
    /// The source line and caret under each diagnostic, as `kioku lint` prints it.
    #[serde(skip)]
    pub rendered: Vec<String>,
}

/// Lints the deck files the server reads (read again at each request: a teacher edits them).
pub fn check(desk: &mut Desk) -> Result<Lint> {
    let linted = lint::lint(&[], &desk.decks)?;
    let errors = linted.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    Ok(Lint {
        files: linted.files,
        cards: linted.cards,
        errors,
        warnings: linted.diagnostics.len() - errors,
        rendered: linted.diagnostics.iter().map(Diagnostic::render).collect(),
        diagnostics: linted.diagnostics,
    })
}

/// A deck's cards as a review shows them (options in their first displayed order).
pub struct Preview {
    pub deck: String,
    pub title: Option<String>,
    pub cards: Vec<(CardView, RevealView)>,
}

/// Every deck's cards (read again at each request); none when a deck file cannot be read
/// (the lint results say why).
pub fn previews(desk: &Desk) -> Vec<Preview> {
    let Ok(collection) = crate::deck::load(&desk.decks) else { return Vec::new() };
    collection
        .decks
        .iter()
        .map(|deck| {
            let cards = crate::deck::expand(deck)
                .iter()
                .map(|card| {
                    let order = crate::session::judge::display_order(card, 0);
                    (card_view(card, "new", 0, &order), reveal_view(card, &order, "", None, None))
                })
                .collect();
            Preview { deck: deck.id.clone(), title: deck.title.clone(), cards }
        })
        .collect()
}

/// `GET /decks`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    let data = |desk: &mut Desk| Ok((check(desk)?, previews(desk), desk.settings.show_readings));
    show(app, headers, uri, data, |ctx, (lint, previews, readings), _| {
        super::pages::decks::render(ctx, lint, previews, *readings)
    })
    .await
}

/// `GET /api/lint`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, check).await
}
