//! Life happens (issue 21), as today's queue sees it: a backlog (more reviews due than the day's
//! limit) is taken in relative-overdueness order and pauses new cards; a break stops new cards.
//! The rules are in `scheduler::{backlog, breaks}`; this reads what they need from the store.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use super::Filter;
use crate::deck::Card;
use crate::scheduler::backlog::{self, Backlog};
use crate::scheduler::StudyDay;
use crate::settings::Settings;
use crate::store::{CardList, LearnerId, Storage, StoredCard};
use crate::Result;

/// Study days looked back on for the learner's pace, and ahead for the reviews falling due.
const PACE_DAYS: u32 = 7;

/// The backlog on `today` for the decks of `filter` when more reviews are due than
/// `reviews_left`: counts, the learner's pace (mean review answers on the days studied in the
/// last week, at most `reviews_per_day`; `reviews_per_day` with no such day) and the days to
/// clear it at that pace given the reviews falling due in the coming week.
pub fn backlog_on(
    store: &dyn Storage,
    learner: LearnerId,
    settings: &Settings,
    filter: &Filter,
    today: StudyDay,
    reviews_left: u32,
) -> Result<Option<Backlog>> {
    let (overdue, due_today) = store.due_review_counts(learner, today, &filter.decks)?;
    if overdue + due_today <= reviews_left as usize {
        return Ok(None);
    }
    let studied = store.review_answers_before(learner, today, PACE_DAYS)?;
    let pace = if studied.is_empty() {
        settings.reviews_per_day
    } else {
        ((studied.iter().sum::<usize>() / studied.len()) as u32).clamp(1, settings.reviews_per_day.max(1))
    };
    let coming = store.reviews_due_between(learner, today.plus(1), today.plus(PACE_DAYS))?;
    let incoming = coming.values().sum::<usize>() as f64 / PACE_DAYS as f64;
    Ok(backlog::backlog(overdue, due_today, reviews_left, pace, incoming))
}

/// The lines that say so, for people.
pub fn backlog_lines(b: &Backlog) -> Vec<String> {
    let mut lines = vec![crate::tr!("review-backlog", overdue = b.overdue, today = b.due_today)];
    lines.push(match b.days_to_clear {
        Some(1) => crate::tr!("review-backlog-gone-today", pace = b.pace),
        Some(days) => crate::tr!("review-backlog-gone-in", pace = b.pace, days = days),
        None => crate::tr!("review-backlog-grows", pace = b.pace),
    });
    lines.push(crate::tr!("review-backlog-order"));
    lines
}

/// A due review card and its relative overdueness, ordered by it (for the heap).
struct Ranked(f32, StoredCard);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Reversed, so a `BinaryHeap` keeps the least overdue on top (to be dropped first).
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.id.cmp(&self.1.id))
    }
}

/// The `limit` review cards due by `today` (covered by `filter`, available, not of a note in
/// `buried`) that are most overdue relative to their stability, with their cards. Memory holds
/// at most `limit` rows whatever the backlog.
pub fn most_overdue(
    store: &dyn Storage,
    learner: LearnerId,
    filter: &Filter,
    today: StudyDay,
    limit: u32,
    buried: &HashSet<&str>,
) -> Result<Vec<(StoredCard, Card)>> {
    let mut heap: BinaryHeap<Ranked> = BinaryHeap::new();
    if limit == 0 {
        return Ok(Vec::new());
    }
    store.visit_cards(learner, CardList::Due { by: today }, &filter.decks, &mut |row| {
        if !row.schedule.is_available(today) {
            return Ok(true);
        }
        let rank = backlog::overdueness(&row.schedule, today);
        if heap.len() == limit as usize && heap.peek().is_some_and(|top| top.0 >= rank) {
            return Ok(true);
        }
        let card = store.stored_card(learner, &row)?;
        if !filter.covers(&card.deck, &card.tags) || buried.contains(card.note_key().as_str()) {
            return Ok(true);
        }
        heap.push(Ranked(rank, row));
        if heap.len() > limit as usize {
            heap.pop();
        }
        Ok(true)
    })?;
    heap.into_iter()
        .map(|Ranked(_, row)| {
            let card = store.stored_card(learner, &row)?;
            Ok((row, card))
        })
        .collect()
}
