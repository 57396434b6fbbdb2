//! The review as data, for the page and the JSON API alike (`GET /api/review`): the card on
//! screen, its answer side once a response was sent, what is left, and the summary at the end.
//! Text fields keep kioku's reading markup (`文在寅[ムン・ジェイン]`); the page turns it into
//! `<ruby>`.

use serde::Serialize;

use super::desk::{Answered, Desk, Notice};
use crate::answer::Note;
use crate::deck::{Card, Judge};
use crate::scheduler::Rating;
use crate::session::judge::Judged;
use crate::Result;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// A card is shown and waits for a response (or "show answer").
    Question,
    /// Its answer side is shown and waits for a grade.
    Answer,
    /// Nothing is left to show now (the summary; an exam's report).
    Done,
    /// No exam or cram was started since the server started.
    Idle,
}

/// How a card takes its response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// Self-graded: show the answer, then grade.
    Reveal,
    /// A typed answer (`check:`).
    Text,
    /// One of `options`, by its displayed number.
    Choice,
    /// `true` or `false`.
    TrueFalse,
    /// The displayed numbers of `options` in the right order (`2 1 3`).
    Order,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReviewView {
    pub phase: Phase,
    pub card: Option<CardView>,
    pub reveal: Option<RevealView>,
    pub left: Left,
    pub summary: Option<SummaryView>,
    /// The newest answer of this session, which undo takes back (send its key and version
    /// with the undo); None when there is none.
    pub undo: Option<Answered>,
    /// Said once, about the last action sent by a form.
    pub notice: Option<Notice>,
    /// Whether readings are shown (the `readings` setting).
    pub readings: bool,
    /// A deck file that could not be read when the session started (its cards are asked as they
    /// were); None when every file was read.
    pub deck_error: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Left {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct CardView {
    pub key: String,
    /// Sent back with every action on this card (the stale-state check).
    pub version: i64,
    /// basic, reverse, cloze, typed, choice, truefalse, order.
    pub kind: &'static str,
    pub input: Input,
    pub deck: String,
    /// new, learning, review, relearning.
    pub state: &'static str,
    pub tags: Vec<String>,
    pub section: Option<String>,
    pub prompt: String,
    /// Options of a choice, or items of an order question, in displayed order (numbered from 1).
    pub options: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RevealView {
    pub answer: String,
    pub explanation: Option<String>,
    pub response: String,
    /// right, almost or wrong; None for a self-graded card.
    pub verdict: Option<&'static str>,
    /// The grade an empty choice takes (1–4).
    pub suggested: u8,
    /// The judge's notes beyond the answer and the response (a difference, what was set aside,
    /// how a date was read, why), as data: `{kind: diff|set_aside|read|why, …}`.
    pub notes: Vec<Note>,
    /// Displayed number (from 1) of the right option of a choice.
    pub right_option: Option<usize>,
    /// Displayed number of the option chosen.
    pub chosen_option: Option<usize>,
    /// Seconds until due after each grade: again, hard, good, easy (None in cram, which changes
    /// no schedule).
    pub intervals_secs: Option<Intervals>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Intervals {
    pub again: i64,
    pub hard: i64,
    pub good: i64,
    pub easy: i64,
}

impl Intervals {
    pub fn get(&self, rating: Rating) -> i64 {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.good,
            Rating::Easy => self.easy,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SummaryView {
    pub saved: u32,
    pub time_spent_secs: i64,
    /// (remembered, asked) among today's first answers on review cards.
    pub true_retention_today: Option<(u32, u32)>,
    pub due_tomorrow: usize,
    pub streak_days: u32,
    /// Seconds until the next learning card of today is due, if one is.
    pub next_learning_in_secs: Option<i64>,
}

/// Builds the view of the review in progress (starting one, and showing its next card, when
/// needed). Takes the notice: it is said once.
pub fn review(desk: &mut Desk) -> Result<ReviewView> {
    let now = desk.now();
    desk.review()?;
    let readings = desk.settings.show_readings;
    let notice = desk.notice.take();
    let deck_error = desk.deck_problem.clone();
    let review = desk.review.as_ref().expect("started by desk.review()");
    let session = &review.session;
    let (new, learning, rev) = session.remaining();
    let left = Left { new, learning, review: rev };
    let undo = review.answers.last().cloned();
    let Some(showing) = &review.showing else {
        let s = session.summary(&desk.store, now)?;
        let summary = SummaryView {
            saved: s.saved,
            time_spent_secs: s.time_spent_secs,
            true_retention_today: s.true_retention_today,
            due_tomorrow: s.due_tomorrow,
            streak_days: s.streak_days,
            next_learning_in_secs: s.next_learning_in_secs,
        };
        return Ok(ReviewView {
            phase: Phase::Done,
            card: None,
            reveal: None,
            left,
            summary: Some(summary),
            undo,
            notice,
            readings,
            deck_error,
        });
    };
    let index = showing.index;
    let card = session.card(index);
    let order = session.display_order(index);
    let card_view = card_view(card, session.schedule(index).state.as_str(), session.version(index), &order);
    let reveal = match &showing.reveal {
        None => None,
        Some(r) => {
            let preview = session.preview(index, now)?;
            let secs = |rating| preview.get(rating).interval_secs;
            let intervals = Intervals {
                again: secs(Rating::Again),
                hard: secs(Rating::Hard),
                good: secs(Rating::Good),
                easy: secs(Rating::Easy),
            };
            Some(reveal_view(card, &order, &r.response, r.judged.as_ref(), Some(intervals)))
        }
    };
    Ok(ReviewView {
        phase: if reveal.is_some() { Phase::Answer } else { Phase::Question },
        card: Some(card_view),
        reveal,
        left,
        summary: None,
        undo,
        notice,
        readings,
        deck_error,
    })
}

/// A card as shown, its options in displayed order (`order`, from `judge::display_order`).
pub fn card_view(card: &Card, state: &'static str, version: i64, order: &[usize]) -> CardView {
    let (input, texts): (Input, &[String]) = match &card.judge {
        Judge::SelfGraded => (Input::Reveal, &[]),
        Judge::Typed { .. } => (Input::Text, &[]),
        Judge::Choice { options } => (Input::Choice, options),
        Judge::TrueFalse { .. } => (Input::TrueFalse, &[]),
        Judge::Order { items } => (Input::Order, items),
    };
    CardView {
        key: card.key.clone(),
        version,
        kind: card.kind.as_str(),
        input,
        deck: card.deck.clone(),
        state,
        tags: card.tags.clone(),
        section: card.section.clone(),
        prompt: card.prompt.clone(),
        options: order.iter().filter_map(|&i| texts.get(i).cloned()).collect(),
    }
}

/// The answer side of `card` after `response` (judged, unless self-graded).
pub fn reveal_view(
    card: &Card,
    order: &[usize],
    response: &str,
    judged: Option<&Judged>,
    intervals_secs: Option<Intervals>,
) -> RevealView {
    let right_option = match &card.judge {
        Judge::Choice { .. } => order.iter().position(|&i| i == 0).map(|p| p + 1),
        _ => None,
    };
    let chosen_option = match &card.judge {
        Judge::Choice { options } => response.trim().parse::<usize>().ok().filter(|n| (1..=options.len()).contains(n)),
        _ => None,
    };
    // The answer and the response the page shows itself (with readings as ruby); the judge's
    // notes go as data, rendered in the page's language.
    let notes = judged.map(|j| j.notes.clone()).unwrap_or_default();
    RevealView {
        answer: card.answer.clone(),
        explanation: card.explanation.clone(),
        response: response.to_string(),
        verdict: judged.map(|j| j.verdict.as_str()),
        suggested: judged.map_or(Rating::Good, |j| j.suggest).as_u8(),
        notes,
        right_option,
        chosen_option,
        intervals_secs,
    }
}
