//! The exam plans' routes: the page (`GET /plan`), its data (`GET /api/plan`), recording a plan
//! (`POST /api/plan`) and removing one (`POST /api/plan/remove`), through `app::record_plan` and
//! `app::plan_statuses` as `kioku plan` does. docs/api.md documents them.

use axum::body::Bytes;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::api::{self, show};
use super::desk::{Desk, Notice, Refusal};
use super::App;
use crate::app::{Figures, PlanStatus};
use crate::cli::scope::Scope;
use crate::scheduler::StudyDay;
use crate::store::Plan;
use crate::{tr, Error};

/// The fields that record or remove a plan (as a form or as JSON; an empty field is absent).
#[derive(Debug, Default, Deserialize)]
pub struct PlanInput {
    /// Record: the exam's day, in any form an answer accepts (2027-01-20, 2027年1月20日).
    exam_date: Option<Value>,
    /// Record: recall wanted on the day, 0.50–0.99 (default 0.9).
    target: Option<Value>,
    /// Record: only this deck (by id).
    deck: Option<Value>,
    /// Record: only cards with this tag.
    tag: Option<Value>,
    /// Remove: the plan's id.
    id: Option<Value>,
}

/// One plan and where it stands, as `GET /api/plan` gives it.
#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    pub id: i64,
    pub exam_date: NaiveDate,
    pub target: f32,
    /// Empty: every deck.
    pub decks: Vec<String>,
    pub tags: Vec<String>,
    /// Unsuspended cards in scope, studied and new.
    pub cards: usize,
    pub new: usize,
    /// Days until the exam (0 on the exam day).
    pub days_left: i32,
    /// On the exam day: cards at or above the target now; before: studied cards predicted at or
    /// above it on the day.
    pub above_target: usize,
    /// New cards a day the plan needs, and what will be shown (the larger of it and the
    /// `new_per_day` setting); the last day of new cards. None on the exam day.
    pub new_quota_per_day: Option<u32>,
    pub new_per_day: Option<u32>,
    pub new_done_by: Option<NaiveDate>,
    /// Reviews due on each of the next days, today first (at most 30).
    pub reviews_due_per_day: Vec<usize>,
    /// too_late (new cards left with three days or fewer), heavy (more than three times the
    /// daily new-card limit), peak (a day above `reviews_per_day`), below_target.
    pub warnings: Vec<&'static str>,
    /// The busiest day's cards, when above `reviews_per_day`.
    pub peak: Option<usize>,
}

impl PlanView {
    fn new(status: &PlanStatus, today: StudyDay) -> PlanView {
        let p = &status.plan;
        let mut view = PlanView {
            id: p.id,
            exam_date: p.exam_day.date(),
            target: p.target,
            decks: p.decks.clone(),
            tags: p.tags.clone(),
            cards: status.total,
            new: status.new,
            days_left: p.exam_day.0 - today.0,
            above_target: 0,
            new_quota_per_day: None,
            new_per_day: None,
            new_done_by: None,
            reviews_due_per_day: Vec::new(),
            warnings: Vec::new(),
            peak: None,
        };
        match &status.figures {
            Figures::ExamDay { above } => view.above_target = *above,
            Figures::Ahead(a) => {
                view.above_target = a.above;
                view.new_quota_per_day = Some(a.quota);
                view.new_per_day = Some(a.per_day);
                view.new_done_by = a.new_done_by.map(StudyDay::date);
                view.reviews_due_per_day = a.workload.clone();
                view.peak = a.peak_over_limit;
                let studied = status.total - status.new;
                let warned = [
                    (a.above < studied, "below_target"),
                    (a.too_late, "too_late"),
                    (a.heavy, "heavy"),
                    (a.peak_over_limit.is_some(), "peak"),
                ];
                view.warnings = warned.iter().filter(|(on, _)| *on).map(|(_, name)| *name).collect();
            }
        }
        view
    }
}

/// What the plan page shows: the plans not past, the deck ids for the form, the limits the
/// warnings name.
pub struct PlanPage {
    pub plans: Vec<PlanView>,
    pub decks: Vec<String>,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

/// Every plan whose exam is today or ahead, with its figures.
pub fn plans(desk: &mut Desk) -> crate::Result<Vec<PlanView>> {
    let today = desk.days.study_day(desk.now());
    let statuses = crate::app::plan_statuses(&desk.store, desk.learner, &desk.scheduler, &desk.settings, today)?;
    Ok(statuses.iter().map(|s| PlanView::new(s, today)).collect())
}

fn page_data(desk: &mut Desk) -> crate::Result<PlanPage> {
    Ok(PlanPage {
        plans: plans(desk)?,
        decks: desk.store.file_deck_ids(desk.learner)?,
        new_per_day: desk.settings.new_per_day,
        reviews_per_day: desk.settings.reviews_per_day,
    })
}

/// Records the plan asked (the same exam day and scope again updates it). The reviews it moves
/// are saved in one transaction; the review in progress is built again from storage, so it
/// shows them where they were moved.
fn record(desk: &mut Desk, input: &PlanInput) -> Result<Option<Notice>, Refusal> {
    let text = api::text(&input.exam_date)
        .ok_or_else(|| Refusal::BadRequest(tr!("web-api-missing-field", field = "exam_date")))?;
    let date = crate::cli::dates::parse_day("exam_date", &text).map_err(|e| Refusal::Invalid(e.to_string()))?;
    let target = match api::text(&input.target) {
        None => 0.9,
        Some(t) => t
            .parse::<f32>()
            .ok()
            .filter(|t| (0.5..=0.99).contains(t))
            .ok_or_else(|| Refusal::Invalid(tr!("web-plan-target-range", value = t.as_str())))?,
    };
    let scope = Scope {
        only_decks: api::text(&input.deck).into_iter().collect(),
        tags: api::text(&input.tag).into_iter().collect(),
    };
    desk.refresh()?;
    let store = &desk.store;
    scope.check_names(&|| store.file_deck_ids(desk.learner), &|| store.tags(desk.learner, &|_| true)).map_err(|e| {
        match e {
            e @ (Error::UnknownDeck { .. } | Error::UnknownTag { .. }) => Refusal::Invalid(e.to_string()),
            e => Refusal::Failed(e),
        }
    })?;
    let now = desk.now();
    let today = desk.days.study_day(now);
    let exam_day = StudyDay::from_date(date);
    if exam_day <= today {
        let (date, today) = (date.to_string(), today.date().to_string());
        return Err(Refusal::Invalid(tr!("web-plan-date-not-after", date = date, today = today)));
    }
    let plan = Plan {
        id: 0,
        exam_day,
        target,
        decks: scope.only_decks,
        tags: scope.tags,
        created_at_ms: now.timestamp_millis(),
    };
    let recorded = crate::app::record_plan(&mut desk.store, desk.learner, &desk.scheduler, &desk.days, &plan, now)?;
    desk.review = None;
    Ok(Some(Notice::PlanRecorded { id: recorded.id, moved: recorded.moved, updated: recorded.updated }))
}

fn remove(desk: &mut Desk, input: &PlanInput) -> Result<Option<Notice>, Refusal> {
    let text = api::text(&input.id).ok_or_else(|| Refusal::BadRequest(tr!("web-api-missing-field", field = "id")))?;
    let id = text.parse::<i64>().ok();
    match id {
        Some(id) if desk.store.remove_plan(desk.learner, id)? => Ok(Some(Notice::PlanRemoved { id })),
        _ => Err(Refusal::Invalid(tr!("web-api-no-such-plan", id = text.as_str()))),
    }
}

/// The plans as the JSON actions return them.
const AFTER: Option<api::After> = Some(("plans", |desk| api::to_json(plans(desk))));

/// `GET /plan`.
pub async fn page(app: App, headers: HeaderMap, uri: Uri) -> Response {
    show(app, headers, uri, page_data, super::pages::plan::render).await
}

/// `GET /api/plan`.
pub async fn data(app: App, headers: HeaderMap) -> Response {
    api::get(app, headers, plans).await
}

/// `POST /api/plan`.
pub async fn post(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<PlanInput>(app, headers, body, "/plan", record, AFTER).await
}

/// `POST /api/plan/remove`.
pub async fn post_remove(app: App, headers: HeaderMap, body: Bytes) -> Response {
    api::act::<PlanInput>(app, headers, body, "/plan", remove, AFTER).await
}
