//! Breaks, the day loads the scheduler balances on, and schedule moves logged as manual rows with
//! their action (postpone, advance, break). SQL only; the rules are in `scheduler`.

use std::collections::HashMap;

use rusqlite::params;

use super::log::insert_review;
use super::{db_error, write_schedule, CalendarStorage, LearnerId, ReviewRow, ReviewRowTime, Store};
use crate::scheduler::breaks::Break;
use crate::scheduler::{CardSchedule, StudyDay};
use crate::{Error, Result};

/// One card's schedule change in a batch of moves: (card row id, key, before, after).
pub type CardMove<'a> = (i64, &'a str, &'a CardSchedule, &'a CardSchedule);

impl Store {
    /// Records a break from `first` to `last` (study days, inclusive); returns its id.
    pub fn add_break(
        &mut self,
        learner: LearnerId,
        first: StudyDay,
        last: StudyDay,
        created_at_ms: i64,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO breaks (first_day, last_day, created_at_ms, learner_id) VALUES (?1, ?2, ?3, ?4)",
                params![first.0, last.0, created_at_ms, learner.0],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every break, by first day.
    pub fn breaks(&self, learner: LearnerId) -> Result<Vec<Break>> {
        self.query_all(
            "SELECT id, first_day, last_day FROM breaks WHERE learner_id = ?1 ORDER BY first_day, id",
            [learner.0],
            |r| Ok(Break { id: r.get(0)?, first: StudyDay(r.get(1)?), last: StudyDay(r.get(2)?) }),
        )
    }

    /// Removes break `id`; false when there is none. Reviews already moved stay where they are.
    pub fn remove_break(&mut self, learner: LearnerId, id: i64) -> Result<bool> {
        let sql = "DELETE FROM breaks WHERE id = ?1 AND learner_id = ?2";
        Ok(self.conn.execute(sql, [id, learner.0]).map_err(|e| self.err(e))? == 1)
    }

    /// Review cards in the decks (of `decks`, all when empty), available on `today`, due before
    /// `today` and due on it: (overdue, due today).
    pub fn due_review_counts(&self, learner: LearnerId, today: StudyDay, decks: &[String]) -> Result<(usize, usize)> {
        let mut overdue = 0;
        let mut due_today = 0;
        let sql = "SELECT deck, due_day < ?1, count(*) FROM cards
                   WHERE learner_id = ?2 AND state = 2 AND position IS NOT NULL AND due_day <= ?1 AND suspended = 0
                     AND (buried_until_day IS NULL OR buried_until_day <= ?1)
                   GROUP BY deck, due_day < ?1";
        let rows: Vec<(Option<String>, bool, i64)> =
            self.query_all(sql, [today.0 as i64, learner.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        for (deck, before, n) in rows {
            if decks.is_empty() || deck.is_some_and(|d| decks.contains(&d)) {
                *(if before { &mut overdue } else { &mut due_today }) += n as usize;
            }
        }
        Ok((overdue, due_today))
    }

    /// Review cards in the decks due on each study day from `from` to `to` inclusive.
    pub fn reviews_due_between(
        &self,
        learner: LearnerId,
        from: StudyDay,
        to: StudyDay,
    ) -> Result<HashMap<StudyDay, usize>> {
        let sql = "SELECT due_day, count(*) FROM cards
                   WHERE learner_id = ?3 AND state = 2 AND position IS NOT NULL AND due_day BETWEEN ?1 AND ?2
                   GROUP BY due_day";
        self.query_all(sql, [from.0 as i64, to.0 as i64, learner.0], |r| {
            Ok((StudyDay(r.get(0)?), r.get::<_, i64>(1)? as usize))
        })
    }

    /// Scheduled answers on review cards on each of the `days` study days before `today`
    /// (days without any are left out): the learner's recent pace.
    pub fn review_answers_before(&self, learner: LearnerId, today: StudyDay, days: u32) -> Result<Vec<usize>> {
        let sql = "SELECT count(*) FROM reviews WHERE learner_id = ?3 AND kind = 'review' AND state_before = 2
                   AND study_day >= ?1 AND study_day < ?2 GROUP BY study_day";
        self.query_all(sql, [(today.0 - days as i32) as i64, today.0 as i64, learner.0], |r| {
            Ok(r.get::<_, i64>(0)? as usize)
        })
    }

    /// Changes the schedules of `moves` in one transaction, logging each as a manual row
    /// (rating 0) with `action` (postpone, advance, break) and its new interval. All or nothing.
    pub fn record_moves(
        &mut self,
        learner: LearnerId,
        moves: &[CardMove],
        at: ReviewRowTime,
        action: &str,
    ) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_error(&path, e))?;
        write_moves(&tx, &path, learner, moves, at, action)?;
        tx.commit().map_err(|e| db_error(&path, e))
    }

    /// The actions of manual rows, oldest first: (card key, action); rows without one are left
    /// out.
    pub fn manual_actions(&self, learner: LearnerId) -> Result<Vec<(String, String)>> {
        self.query_all(
            "SELECT c.key, r.action FROM reviews r JOIN cards c ON c.id = r.card_id
             WHERE r.learner_id = ?1 AND r.kind = 'manual' AND r.action IS NOT NULL ORDER BY r.id",
            [learner.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}

/// Writes `moves` inside the caller's transaction: for each, a manual row (with `action`: break,
/// postpone, advance, plan; its interval the new due day's distance from the last review) and
/// the new schedule.
pub(super) fn write_moves(
    tx: &rusqlite::Connection,
    path: &std::path::Path,
    learner: LearnerId,
    moves: &[CardMove],
    at: ReviewRowTime,
    action: &str,
) -> Result<()> {
    let e = |e: rusqlite::Error| db_error(path, e);
    for &(card_id, key, before, after) in moves {
        let interval_secs =
            after.due_day.zip(after.last_review_day).map_or(0, |(due, last)| due.days_since(last) as i64 * 86_400);
        let row = ReviewRow::manual(key, before, after, at, interval_secs, action);
        let before_json = serde_json::to_string(before).map_err(|x| Error::Scheduler(x.to_string()))?;
        insert_review(tx, learner, card_id, &row, &before_json).map_err(e)?;
        write_schedule(tx, learner, card_id, after).map_err(e)?;
    }
    Ok(())
}

impl CalendarStorage for Store {
    fn breaks(&self, learner: LearnerId) -> Result<Vec<Break>> {
        Store::breaks(self, learner)
    }
    fn due_review_counts(&self, learner: LearnerId, today: StudyDay, decks: &[String]) -> Result<(usize, usize)> {
        Store::due_review_counts(self, learner, today, decks)
    }
    fn reviews_due_between(
        &self,
        learner: LearnerId,
        from: StudyDay,
        to: StudyDay,
    ) -> Result<HashMap<StudyDay, usize>> {
        Store::reviews_due_between(self, learner, from, to)
    }
    fn review_answers_before(&self, learner: LearnerId, today: StudyDay, days: u32) -> Result<Vec<usize>> {
        Store::review_answers_before(self, learner, today, days)
    }
}
