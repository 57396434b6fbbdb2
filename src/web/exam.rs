//! The mock exam's routes: the page (`GET /exam`), its data (`GET /api/exam`), past papers
//! (`GET /api/exam/history`) and its actions (`POST /api/exam/{start,respond,quit}`), each a step
//! of the exam engine run on the desk's thread. docs/api.md documents them.

use axum::body::Bytes;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;

use super::api::{self, show};
use super::desk::{Desk, Refusal};
use super::quiz::ExamStart;
use super::quiz_view;
use super::review::ActionInput;
use super::App;
use crate::cli::scope::Scope;
use crate::error::Expected;
use crate::Error;

/// The fields that start an exam or a cram (as a form or as JSON; numbers as numbers or text;
/// an empty field is absent).
#[derive(Debug, Default, Deserialize)]
pub struct StartInput {
    /// Exam: number of questions (default 20).
    count: Option<Value>,
    /// Exam: `20m`, `30s`, or a bare number of minutes.
    time_limit: Option<Value>,
    /// Exam: replays a paper.
    seed: Option<Value>,
    /// Exam: make missed review cards due today (`true`, or a checkbox's `on`).
    feed_review: Option<Value>,
    /// Only this deck (by id).
    deck: Option<Value>,
    /// Only cards with this tag.
    tag: Option<Value>,
    /// Cram: only cards answered again in the last N days.
    pub missed_days: Option<Value>,
    /// Cram: stop after N answers.
    pub limit: Option<Value>,
}

/// A whole number field from 1 (0 for a seed), or a refusal naming it.
pub fn number<T: std::str::FromStr + PartialOrd + From<u8>>(
    name: &str,
    value: &Option<Value>,
) -> Result<Option<T>, Refusal> {
    let least = T::from(u8::from(name != "seed"));
    api::text(value)
        .map(|t| match t.parse::<T>() {
            Ok(n) if n >= least => Ok(n),
            _ => {
                let expected = Expected::WholeNumber { min: u32::from(name != "seed"), max: u32::MAX };
                Err(Refusal::Invalid(Error::Invalid { name: name.into(), value: t.clone(), expected }.to_string()))
            }
        })
        .transpose()
}

impl StartInput {
    pub fn scope(&self) -> Scope {
        Scope {
            only_decks: api::text(&self.deck).into_iter().collect(),
            tags: api::text(&self.tag).into_iter().collect(),
        }
    }

    fn exam(&self) -> Result<ExamStart, Refusal> {
        let time_limit_secs = match api::text(&self.time_limit) {
            None => None,
            Some(t) => match crate::settings::parse_steps("time_limit", &t).as_deref() {
                Ok([secs]) => Some(i64::from(*secs)),
                _ => {
                    let e = Error::Invalid { name: "time_limit".into(), value: t, expected: Expected::OneDuration };
                    return Err(Refusal::Invalid(e.to_string()));
                }
            },
        };
        let feed_review = matches!(api::text(&self.feed_review).as_deref(), Some("true" | "on" | "1" | "yes"));
        Ok(ExamStart {
            count: number::<u32>("count", &self.count)?.unwrap_or(20) as usize,
            time_limit_secs,
            seed: number::<u64>("seed", &self.seed)?,
            scope: self.scope(),
            feed_review,
        })
    }
}

/// The exam as the JSON actions return it.
const AFTER: Option<api::After> = Some(("exam", |desk| api::to_json(quiz_view::exam(desk))));

/// `GET /exam`: the exam on screen, or the form to start one, with past papers.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    let data = |desk: &mut Desk| {
        Ok((quiz_view::exam(desk)?, quiz_view::papers(desk)?, desk.store.file_deck_ids(desk.learner)?))
    };
    show(app, headers, uri, data, |ctx, (view, papers, decks), _| super::pages::exam::render(ctx, view, papers, decks))
        .await
}

/// `GET /api/exam`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, quiz_view::exam).await
}

/// `GET /api/exam/history`: past papers, newest first.
pub async fn history(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, quiz_view::papers).await
}

pub async fn start(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let step = |desk: &mut Desk, input: &StartInput| desk.start_exam(input.exam()?).map(|()| None);
    api::act::<StartInput>(app, headers, body, "/exam", step, AFTER).await
}

pub async fn respond(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let step = |desk: &mut Desk, input: &ActionInput| {
        let (key, number) = input.card()?;
        desk.exam_respond(key, number, input.response())
    };
    api::act::<ActionInput>(app, headers, body, "/exam", step, AFTER).await
}

pub async fn quit(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<ActionInput>(app, headers, body, "/exam", |desk, _| desk.exam_quit(), AFTER).await
}
