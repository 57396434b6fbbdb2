//! Why a review has nothing (more) to show (issue 20): new cards held back by a limit, and when
//! the next card is due. Read only when today's queue is empty, so it costs nothing while there
//! is something to study.

use super::Filter;
use crate::scheduler::{DayClock, StudyDay};
use crate::store::{CardList, LearnerId, Storage};
use crate::Result;

/// New cards in scope are waiting, but today shows none: what holds them back.
#[derive(Clone, Debug, PartialEq)]
pub enum NewHold {
    /// `review --new N` and N were shown.
    SessionLimit(u32),
    /// Today is in a break (`kioku break`).
    Break,
    /// More reviews due than the day's limit, with `backlog_pause_new`.
    Backlog,
    /// The day's `new_per_day` is used up: `introduced` new cards answered today.
    DailyLimit { per_day: u32, introduced: u32 },
}

/// Most new cards counted (the count is "at least" beyond it), so the end of a session on a
/// huge collection stays quick.
const COUNT_AT_MOST: usize = 10_000;

/// New cards in scope that could be shown today (not suspended or buried), up to `COUNT_AT_MOST`.
pub fn new_waiting(store: &dyn Storage, learner: LearnerId, filter: &Filter, today: StudyDay) -> Result<usize> {
    let mut count = 0;
    store.visit_cards(learner, CardList::New, &filter.decks, &mut |row| {
        if row.schedule.is_available(today) && (filter.tags.is_empty() || covered(store, learner, filter, &row)?) {
            count += 1;
        }
        Ok(count < COUNT_AT_MOST)
    })?;
    Ok(count)
}

/// When the next card in scope that is not suspended falls due (UTC ms): the earliest
/// (re)learning card's due time, or the start of the earliest review card's due study day.
pub fn next_due_ms(store: &dyn Storage, learner: LearnerId, filter: &Filter, days: &DayClock) -> Result<Option<i64>> {
    let mut next: Option<i64> = None;
    // Rows come in due order: the first one that counts ends the list, unless it is buried
    // (then it is due when it comes back, and a later row may come sooner).
    let mut first = |row: crate::store::StoredCard, at: i64| -> Result<bool> {
        if row.schedule.suspended || !(filter.tags.is_empty() || covered(store, learner, filter, &row)?) {
            return Ok(true);
        }
        let back = row.schedule.buried_until_day.map(|d| days.day_start(d).timestamp_millis());
        let at = at.max(back.unwrap_or(i64::MIN));
        next = Some(next.map_or(at, |n: i64| n.min(at)));
        Ok(back.is_some())
    };
    store.visit_cards(learner, CardList::Learning { before_ms: i64::MAX }, &filter.decks, &mut |row| {
        let at = row.schedule.due_at_ms.unwrap_or(i64::MAX);
        first(row, at)
    })?;
    store.visit_cards(learner, CardList::Due { by: StudyDay(i32::MAX) }, &filter.decks, &mut |row| {
        let at = row.schedule.due_day.map_or(i64::MAX, |d| days.day_start(d).timestamp_millis());
        first(row, at)
    })?;
    Ok(next)
}

fn covered(store: &dyn Storage, learner: LearnerId, filter: &Filter, row: &crate::store::StoredCard) -> Result<bool> {
    let card = store.stored_card(learner, row)?;
    Ok(filter.covers(&card.deck, &card.tags))
}
