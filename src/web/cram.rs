//! Cram's routes: the page (`GET /cram`), its data (`GET /api/cram`) and its actions
//! (`POST /api/cram/{start,respond,grade,undo}`), each a step of the cram engine run on the
//! desk's thread; answers are logged and no schedule changes. docs/api.md documents them.

use axum::body::Bytes;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;

use super::api::{self, show};
use super::desk::Desk;
use super::exam::{number, StartInput};
use super::quiz::CramStart;
use super::quiz_view;
use super::review::ActionInput;
use super::App;

/// The cram as the JSON actions return it.
const AFTER: Option<api::After> = Some(("cram", |desk| api::to_json(quiz_view::cram(desk))));

/// `GET /cram`: the card on screen, or the form to start a cram.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    let data = |desk: &mut Desk| Ok((quiz_view::cram(desk)?, desk.store.file_deck_ids(desk.learner)?));
    show(app, headers, uri, data, |ctx, (view, decks), _| super::pages::cram::render(ctx, view, decks)).await
}

/// `GET /api/cram`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, quiz_view::cram).await
}

pub async fn start(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let step = |desk: &mut Desk, input: &StartInput| {
        let start = CramStart {
            scope: input.scope(),
            missed_days: number::<u32>("missed_days", &input.missed_days)?,
            limit: number::<u32>("limit", &input.limit)?,
        };
        desk.start_cram(start).map(|()| None)
    };
    api::act::<StartInput>(app, headers, body, "/cram", step, AFTER).await
}

pub async fn respond(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let step = |desk: &mut Desk, input: &ActionInput| {
        let (key, version) = input.card()?;
        desk.cram_respond(key, version, input.response())
    };
    api::act::<ActionInput>(app, headers, body, "/cram", step, AFTER).await
}

pub async fn grade(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let step = |desk: &mut Desk, input: &ActionInput| {
        let (key, version) = input.card()?;
        desk.cram_grade(key, version, input.rating()?)
    };
    api::act::<ActionInput>(app, headers, body, "/cram", step, AFTER).await
}

pub async fn undo(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<ActionInput>(app, headers, body, "/cram", |desk, input| desk.cram_undo(input.card()), AFTER).await
}
