//! Exams and cram as data, for their pages and the JSON API alike (`GET /api/exam`,
//! `GET /api/cram`, `GET /api/exam/history`; docs/api.md).

use chrono::{FixedOffset, TimeZone};
use serde::Serialize;

use super::desk::{Answered, Desk, Notice};
use super::quiz::LastAnswer;
use super::view::{card_view, reveal_view, CardView, Phase, RevealView};
use crate::session::exam_session::ExamReport;
use crate::Result;

#[derive(Clone, Debug, Serialize)]
pub struct ExamView {
    /// idle (no exam yet), question, or done (the report).
    pub phase: Phase,
    /// The question on screen, 1-based (sent back as `number` with the response).
    pub number: Option<usize>,
    pub questions: usize,
    /// Replays the paper (`kioku exam --seed`).
    pub seed: Option<u64>,
    pub time_limit_secs: Option<i64>,
    /// Seconds left now, when there is a time limit and the exam is on.
    pub time_left_secs: Option<i64>,
    /// The question on screen; its `version` is its number.
    pub card: Option<CardView>,
    /// The verdict of the question answered last.
    pub last: Option<LastAnswer>,
    /// The score and breakdown, once the exam is over.
    pub report: Option<ExamReport>,
    pub notice: Option<Notice>,
    pub readings: bool,
}

/// The exam on the desk (ended first if its time ran out or every question is answered). Takes
/// the notice: it is said once.
pub fn exam(desk: &mut Desk) -> Result<ExamView> {
    desk.exam_tick()?;
    let now = desk.now();
    let notice = desk.notice.take();
    let readings = desk.settings.show_readings;
    let Some(exam) = &desk.exam else {
        return Ok(ExamView {
            phase: Phase::Idle,
            number: None,
            questions: 0,
            seed: None,
            time_limit_secs: None,
            time_left_secs: None,
            card: None,
            last: None,
            report: None,
            notice,
            readings,
        });
    };
    let session = &exam.session;
    let current = session.current();
    let card = current.map(|(index, card)| card_view(card, "exam", index as i64 + 1, &session.display_order()));
    Ok(ExamView {
        phase: if current.is_some() { Phase::Question } else { Phase::Done },
        number: current.map(|(index, _)| index + 1),
        questions: session.len(),
        seed: Some(session.seed()),
        time_limit_secs: session.time_limit_secs(),
        time_left_secs: current.and(session.time_left_secs(now)),
        card,
        last: exam.last.clone(),
        report: exam.report.clone(),
        notice,
        readings,
    })
}

/// A paper taken, as `kioku exam --history` lists it.
#[derive(Clone, Debug, Serialize)]
pub struct Paper {
    /// Local time of the start, RFC 3339 with its UTC offset.
    pub taken_at: String,
    pub score: u32,
    pub questions: u32,
    pub duration_secs: i64,
    pub seed: u64,
    pub scope: String,
}

/// Past papers, newest first.
pub fn papers(desk: &mut Desk) -> Result<Vec<Paper>> {
    let mut papers: Vec<Paper> = desk
        .store
        .exams(desk.learner)?
        .into_iter()
        .map(|e| {
            let offset = FixedOffset::east_opt(e.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("zero"));
            Paper {
                taken_at: offset
                    .timestamp_millis_opt(e.taken_at_ms)
                    .single()
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_default(),
                score: e.score,
                questions: e.questions,
                duration_secs: e.duration_ms / 1000,
                seed: e.seed,
                scope: e.scope,
            }
        })
        .collect();
    papers.reverse();
    Ok(papers)
}

#[derive(Clone, Debug, Serialize)]
pub struct CramView {
    /// idle (no cram yet), question, answer, or done (nothing left).
    pub phase: Phase,
    /// The card on screen; its `version` is the number of answers saved when it was shown.
    pub card: Option<CardView>,
    pub reveal: Option<RevealView>,
    /// Cards left, the one on screen included, within the answer limit.
    pub left: usize,
    /// Answers saved in this cram (net of undos).
    pub saved: u32,
    /// The newest answer of this cram, which undo takes back; None when there is none.
    pub undo: Option<Answered>,
    pub notice: Option<Notice>,
    pub readings: bool,
}

/// The cram on the desk with its next card on screen. Takes the notice.
pub fn cram(desk: &mut Desk) -> Result<CramView> {
    let readings = desk.settings.show_readings;
    let notice = desk.notice.take();
    let Some(cram) = desk.cram() else {
        return Ok(CramView {
            phase: Phase::Idle,
            card: None,
            reveal: None,
            left: 0,
            saved: 0,
            undo: None,
            notice,
            readings,
        });
    };
    let session = &cram.session;
    let saved = session.saved();
    let (card, reveal) = match &cram.showing {
        None => (None, None),
        Some(showing) => {
            let card = session.card(showing.index);
            let order = session.display_order(showing.index);
            let reveal = showing
                .reveal
                .as_ref()
                .map(|(response, judged)| reveal_view(card, &order, response, judged.as_ref(), None));
            (Some(card_view(card, "cram", i64::from(saved), &order)), reveal)
        }
    };
    let phase = match (&card, &reveal) {
        (None, _) => Phase::Done,
        (Some(_), None) => Phase::Question,
        (Some(_), Some(_)) => Phase::Answer,
    };
    let undo = cram.answers.last().cloned();
    Ok(CramView { phase, card, reveal, left: session.left(), saved, undo, notice, readings })
}
