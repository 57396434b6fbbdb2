//! The review log's rows as domain values: what produced a row, the row itself (the schedule
//! after it), and when a manual change happens. The store saves and reads them; statistics,
//! training and the engines use them without the store.

use chrono::{DateTime, Utc};

use super::{CardSchedule, State, StudyDay};

/// What produced a review row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewKind {
    Review,
    Cram,
    Exam,
    /// Suspend, unsuspend, bury, forget: rating 0.
    Manual,
}

impl ReviewKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::Review => "review",
            ReviewKind::Cram => "cram",
            ReviewKind::Exam => "exam",
            ReviewKind::Manual => "manual",
        }
    }

    /// The kind stored as `text`; None for a word kioku never writes.
    pub fn parse(text: &str) -> Option<ReviewKind> {
        [ReviewKind::Review, ReviewKind::Cram, ReviewKind::Exam, ReviewKind::Manual]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// One row of the review log. Stability, difficulty, due and interval are as they are *after*
/// the row.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub card_key: String,
    pub reviewed_at_ms: i64,
    pub utc_offset_secs: i32,
    pub study_day: StudyDay,
    /// 1–4; 0 for manual rows.
    pub rating: u8,
    pub kind: ReviewKind,
    pub state_before: State,
    pub state_after: State,
    pub elapsed_days: u32,
    pub interval_secs: i64,
    pub due_at_ms: Option<i64>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub duration_ms: i64,
    /// What a manual row did: suspend, unsuspend, bury, postpone, advance, break, plan,
    /// feed-review. None for other kinds, and for manual rows written before actions were kept.
    pub action: Option<String>,
    /// The option chosen in an answer to a choice or true/false question: the option's text as
    /// the deck (or the exam's paper) writes it, `true` or `false`; the empty text when the
    /// response was empty ("don't know"). None for other kinds, manual rows and older rows.
    pub chosen_option: Option<String>,
}

impl ReviewRow {
    /// A row of `kind` at `at` that leaves the card at schedule `after` (state before it:
    /// `before`), with no elapsed days, interval, duration, action or option chosen: the shape the other
    /// constructors fill in.
    fn leaving(
        card_key: &str,
        at: ReviewRowTime,
        kind: ReviewKind,
        rating: u8,
        before: State,
        after: &CardSchedule,
    ) -> ReviewRow {
        ReviewRow {
            card_key: card_key.to_string(),
            reviewed_at_ms: at.at_ms,
            utc_offset_secs: at.utc_offset_secs,
            study_day: at.study_day,
            rating,
            kind,
            state_before: before,
            state_after: after.state,
            elapsed_days: 0,
            interval_secs: 0,
            due_at_ms: after.due_at_ms,
            stability: after.stability,
            difficulty: after.difficulty,
            duration_ms: 0,
            action: None,
            chosen_option: None,
        }
    }

    /// A manual row (suspend, unsuspend, bury, a move…, named by `action`): rating 0, the schedule
    /// after it, and `interval_secs` (0 where the change is not a new interval).
    pub fn manual(
        card_key: &str,
        before: &CardSchedule,
        after: &CardSchedule,
        at: ReviewRowTime,
        interval_secs: i64,
        action: &str,
    ) -> ReviewRow {
        ReviewRow {
            interval_secs,
            action: Some(action.to_string()),
            ..ReviewRow::leaving(card_key, at, ReviewKind::Manual, 0, before.state, after)
        }
    }

    /// A row that leaves the card's schedule `s` as it is (cram, exam): state before = after,
    /// no elapsed days or interval, S, D and due as they are.
    pub fn log_only(
        card_key: &str,
        s: &CardSchedule,
        kind: ReviewKind,
        rating: u8,
        at: ReviewRowTime,
        duration_ms: i64,
    ) -> ReviewRow {
        ReviewRow { duration_ms: duration_ms.max(0), ..ReviewRow::leaving(card_key, at, kind, rating, s.state, s) }
    }
}

/// When a manual row happens.
#[derive(Clone, Copy, Debug)]
pub struct ReviewRowTime {
    pub at_ms: i64,
    pub utc_offset_secs: i32,
    pub study_day: StudyDay,
}

impl ReviewRowTime {
    /// The instant `now`, with its zone offset and study day from `days`.
    pub fn new(now: DateTime<Utc>, days: &crate::scheduler::DayClock) -> ReviewRowTime {
        ReviewRowTime {
            at_ms: now.timestamp_millis(),
            utc_offset_secs: days.utc_offset_secs(now),
            study_day: days.study_day(now),
        }
    }
}
