//! The review log: one transaction per answer (the row and the card's new schedule), undo from
//! the state saved with the row, and the queries over the log.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::scheduler::{CardSchedule, State, StudyDay};
use crate::{Error, Result};

use super::*;
pub use crate::scheduler::log::{ReviewKind, ReviewRow, ReviewRowTime};

/// The newest review-kind row of the log (`Store::newest_review`).
#[derive(Clone, Debug, PartialEq)]
pub struct NewestReview {
    pub review_id: i64,
    pub card_key: String,
    /// 1–4.
    pub rating: u8,
    pub reviewed_at_ms: i64,
    /// Whether no later row (cram, exam, manual) of the same card follows: only then is undoing
    /// it taking back that answer alone.
    pub is_cards_newest: bool,
}

/// A review row from a query selecting the log's columns in the order `history` does.
pub(super) fn review_row(r: &Row) -> rusqlite::Result<ReviewRow> {
    Ok(ReviewRow {
        card_key: r.get(0)?,
        reviewed_at_ms: r.get(1)?,
        utc_offset_secs: r.get(2)?,
        study_day: r.get(3)?,
        rating: r.get(4)?,
        kind: r.get(5)?,
        state_before: r.get(6)?,
        state_after: r.get(7)?,
        elapsed_days: r.get(8)?,
        interval_secs: r.get(9)?,
        due_at_ms: r.get(10)?,
        stability: r.get(11)?,
        difficulty: r.get(12)?,
        duration_ms: r.get(13)?,
        action: r.get(14)?,
        chosen_option: r.get(15)?,
    })
}

/// Inserts one review row of `learner`; `card_before` is the schedule before it, as JSON (for
/// undo). Returns `QueryReturnedNoRows` (nothing written) when card `card_id` is not the learner's.
pub(super) fn insert_review(
    conn: &Connection,
    learner: LearnerId,
    card_id: i64,
    row: &ReviewRow,
    card_before: &str,
) -> rusqlite::Result<()> {
    let inserted = conn.execute(
        "INSERT INTO reviews (card_id, reviewed_at_ms, utc_offset_secs, study_day, rating, kind, state_before, state_after,
                              elapsed_days, interval_secs, due_at_ms, stability, difficulty, duration_ms, card_before, action, chosen_option,
                              learner_id)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, learner_id
         FROM cards WHERE id = ?1 AND learner_id = ?18",
        params![
            card_id,
            row.reviewed_at_ms,
            row.utc_offset_secs,
            row.study_day,
            row.rating,
            row.kind,
            row.state_before,
            row.state_after,
            row.elapsed_days,
            row.interval_secs,
            row.due_at_ms,
            row.stability,
            row.difficulty,
            row.duration_ms,
            card_before,
            row.action,
            row.chosen_option,
            learner.0
        ],
    )?;
    if inserted == 0 {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    Ok(())
}
impl Store {
    /// Saves one answer (or manual action) in one transaction: the review row and the card's new
    /// schedule. When this returns, the answer is durable. Returns the review row's id.
    pub fn record(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        self.record_checked(learner, card_id, None, before, after, row)
    }

    /// `record`, but only if the card's row is still at `version` (as it was when the card was
    /// shown); otherwise nothing is written and `Error::Stale` is returned. The check is in the
    /// answer's transaction, so two windows, devices or servers on one database cannot both
    /// save an answer to the same showing of a card.
    pub fn record_if_unchanged(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        version: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        self.record_checked(learner, card_id, Some(version), before, after, row)
    }

    fn record_checked(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        version: Option<i64>,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let before_json = serde_json::to_string(before).map_err(|x| Error::Scheduler(x.to_string()))?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        // The schedule first, conditional on the version: a stale answer writes nothing (the
        // transaction is dropped, so rolled back), and the check costs no statement of its own.
        if !write_schedule_if(&tx, learner, card_id, version, after).map_err(e)? && version.is_some() {
            return Err(Error::Stale { key: row.card_key.clone() });
        }
        insert_review(&tx, learner, card_id, row, &before_json).map_err(e)?;
        let review_id = tx.last_insert_rowid();
        tx.commit().map_err(e)?;
        self.uncheckpointed += 1;
        Ok(review_id)
    }

    /// The version of card row `card_id` (raised by every write of its schedule).
    pub fn card_version(&self, learner: LearnerId, card_id: i64) -> Result<i64> {
        self.conn
            .query_row("SELECT version FROM cards WHERE id = ?1 AND learner_id = ?2", [card_id, learner.0], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// Undoes review row `review_id`: deletes it and restores the schedule saved with it, in one
    /// transaction. Returns the restored schedule.
    pub fn undo(&mut self, learner: LearnerId, review_id: i64) -> Result<CardSchedule> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let (card_id, before_json): (i64, String) = tx
            .query_row(
                "SELECT card_id, card_before FROM reviews WHERE id = ?1 AND learner_id = ?2",
                [review_id, learner.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(e)?;
        let mut before: CardSchedule = serde_json::from_str(&before_json).map_err(|x| Error::Database {
            path: path.clone(),
            message: format!("review {review_id} has an unreadable saved state: {x}"),
        })?;
        // A suspend or bury made after this answer stays: undo takes back the answer only.
        let later_manual: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE card_id = ?1 AND id > ?2 AND kind = 'manual')",
                params![card_id, review_id],
                |r| r.get(0),
            )
            .map_err(e)?;
        if later_manual {
            let current = tx
                .query_row(&format!("SELECT {SCHEDULE_COLUMNS} FROM cards WHERE id = ?1"), [card_id], |r| {
                    schedule_from_row(r, 0)
                })
                .map_err(e)?;
            before.suspended = current.suspended;
            before.buried_until_day = current.buried_until_day;
        }
        tx.execute("DELETE FROM reviews WHERE id = ?1", [review_id]).map_err(e)?;
        write_schedule(&tx, learner, card_id, &before).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(before)
    }

    /// When the latest row of the log was written (UTC ms), if there is one: found through the
    /// study-day index, so it costs a lookup, not a scan. `--now` earlier than this warns.
    pub fn latest_review_at_ms(&self, learner: LearnerId) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT MAX(reviewed_at_ms) FROM reviews WHERE learner_id = ?1
                 AND study_day = (SELECT MAX(study_day) FROM reviews WHERE learner_id = ?1)",
                [learner.0],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// The newest answer of kind review, for `kioku undo`.
    pub fn newest_review(&self, learner: LearnerId) -> Result<Option<NewestReview>> {
        self.conn
            .query_row(
                "SELECT r.id, c.key, r.rating, r.reviewed_at_ms,
                        NOT EXISTS (SELECT 1 FROM reviews l WHERE l.card_id = r.card_id AND l.id > r.id)
                 FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?1 AND r.kind = 'review' ORDER BY r.id DESC LIMIT 1",
                [learner.0],
                |r| {
                    Ok(NewestReview {
                        review_id: r.get(0)?,
                        card_key: r.get(1)?,
                        rating: r.get(2)?,
                        reviewed_at_ms: r.get(3)?,
                        is_cards_newest: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|e| db_error(&self.path, e))
    }

    /// Changes a card's schedule outside an answer, logging a manual row (rating 0) that says
    /// what was done (`action`: suspend, unsuspend, plan, feed-review…).
    #[allow(clippy::too_many_arguments)]
    pub fn record_manual(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        key: &str,
        before: &CardSchedule,
        after: &CardSchedule,
        at: ReviewRowTime,
        action: &str,
    ) -> Result<i64> {
        self.record(learner, card_id, before, after, &ReviewRow::manual(key, before, after, at, 0, action))
    }

    /// Logs a row (cram or exam) that leaves the card's schedule exactly as it is. Returns the
    /// row's id.
    pub fn record_log_only(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        schedule: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        let before_json = serde_json::to_string(schedule).map_err(|x| Error::Scheduler(x.to_string()))?;
        insert_review(&self.conn, learner, card_id, row, &before_json).map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Deletes a log-only row (undo in cram); the card is untouched.
    pub fn delete_log_row(&mut self, learner: LearnerId, review_id: i64) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM reviews WHERE id = ?1 AND learner_id = ?2 AND kind IN ('cram', 'exam')",
                [review_id, learner.0],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Keys of cards answered "again" (in review, cram or exam) since `since_ms`.
    pub fn missed_since(&self, learner: LearnerId, since_ms: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT c.key FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?2 AND r.rating = 1 AND r.reviewed_at_ms >= ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([since_ms, learner.0], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The review log, oldest first, optionally for one card key.
    pub fn history(&self, learner: LearnerId, key: Option<&str>) -> Result<Vec<ReviewRow>> {
        let sql = "SELECT c.key, r.reviewed_at_ms, r.utc_offset_secs, r.study_day, r.rating, r.kind, r.state_before, r.state_after,
                    r.elapsed_days, r.interval_secs, r.due_at_ms, r.stability, r.difficulty, r.duration_ms, r.action, r.chosen_option
             FROM reviews r JOIN cards c ON c.id = r.card_id
             WHERE r.learner_id = ?1 AND (?2 IS NULL OR c.key = ?2) ORDER BY r.reviewed_at_ms, r.id";
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params![learner.0, key], review_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Scheduled answers given on `day`: (card key, state before) for each, oldest first. Used
    /// for the daily limits and to bury siblings.
    pub fn answered_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, r.state_before FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?2 AND r.study_day = ?1 AND r.kind = 'review' ORDER BY r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows =
            stmt.query_map([day.0 as i64, learner.0], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Streams every scheduled answer (kind review), oldest first, to `f` without collecting the
    /// log in memory (for `stats` over long histories). Returns what `f` returns.
    pub fn with_scheduled_rows<T>(
        &self,
        learner: LearnerId,
        f: impl FnOnce(&mut dyn Iterator<Item = ReviewRow>) -> T,
    ) -> Result<T> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, r.reviewed_at_ms, r.utc_offset_secs, r.study_day, r.rating, r.kind, r.state_before, r.state_after,
                        r.elapsed_days, r.interval_secs, r.due_at_ms, r.stability, r.difficulty, r.duration_ms, r.action, r.chosen_option
                 FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?1 AND r.kind = 'review' ORDER BY r.reviewed_at_ms, r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], review_row).map_err(|e| self.err(e))?;
        // A row that cannot be read ends the stream and is reported as the error.
        let mut failure = None;
        let mut good = rows.map_while(|r| r.map_err(|e| failure = Some(e)).ok());
        let out = f(&mut good);
        drop(good);
        match failure {
            Some(e) => Err(self.err(e)),
            None => Ok(out),
        }
    }

    /// Scheduled answers on `day`, oldest first: (card key, state before, rating).
    pub fn answers_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State, u8)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, r.state_before, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?2 AND r.study_day = ?1 AND r.kind = 'review' ORDER BY r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([day.0 as i64, learner.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// The study days with a scheduled answer in the run of consecutive days that ends today or
    /// yesterday (all a streak needs): one indexed lookup per day, however long the log.
    pub fn recent_review_days(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<StudyDay>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE learner_id = ?2 AND study_day = ?1 AND kind = 'review')",
            )
            .map_err(|e| self.err(e))?;
        let mut days = Vec::new();
        let mut day = today;
        while day.0 >= 0 {
            if stmt.query_row([day.0 as i64, learner.0], |r| r.get(0)).map_err(|e| self.err(e))? {
                days.push(day);
            } else if day != today {
                break;
            }
            day = StudyDay(day.0 - 1);
        }
        Ok(days)
    }

    /// The study days with at least one scheduled answer.
    pub fn review_days(&self, learner: LearnerId) -> Result<Vec<StudyDay>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT study_day FROM reviews WHERE learner_id = ?1 AND kind = 'review'")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], |r| Ok(StudyDay(r.get(0)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Every scheduled answer, oldest first: (card key, time, rating), for training.
    pub fn scheduled_answers(&self, learner: LearnerId) -> Result<Vec<(String, i64, u8)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, r.reviewed_at_ms, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id
                 WHERE r.learner_id = ?1 AND r.kind = 'review' ORDER BY r.reviewed_at_ms, r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }
}

impl LogStorage for Store {
    fn answered_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State)>> {
        Store::answered_on(self, learner, day)
    }
    fn answers_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State, u8)>> {
        Store::answers_on(self, learner, day)
    }
    fn recent_review_days(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<StudyDay>> {
        Store::recent_review_days(self, learner, today)
    }
    fn record_if_unchanged(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        version: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        Store::record_if_unchanged(self, learner, card_id, version, before, after, row)
    }
    fn undo(&mut self, learner: LearnerId, review_id: i64) -> Result<CardSchedule> {
        Store::undo(self, learner, review_id)
    }
    fn newest_review(&self, learner: LearnerId) -> Result<Option<NewestReview>> {
        Store::newest_review(self, learner)
    }
    fn card_version(&self, learner: LearnerId, card_id: i64) -> Result<i64> {
        Store::card_version(self, learner, card_id)
    }
    fn missed_since(&self, learner: LearnerId, since_ms: i64) -> Result<Vec<String>> {
        Store::missed_since(self, learner, since_ms)
    }
    fn record_log_only(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        schedule: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        Store::record_log_only(self, learner, card_id, schedule, row)
    }
    fn delete_log_row(&mut self, learner: LearnerId, review_id: i64) -> Result<()> {
        Store::delete_log_row(self, learner, review_id)
    }
    fn record_manual(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        key: &str,
        before: &CardSchedule,
        after: &CardSchedule,
        at: ReviewRowTime,
        action: &str,
    ) -> Result<i64> {
        Store::record_manual(self, learner, card_id, key, before, after, at, action)
    }
}
