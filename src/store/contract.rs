//! The storage contract: what the engines (review, exam, cram) and deck sync need from a database, as a trait, so that a
//! second implementation (PostgreSQL, for a class on several servers) can stand beside SQLite
//! without touching the engine. Synchronous (a web server calls it on blocking threads); every
//! call names the learner whose rows it reads or writes; one answer is one transaction; the
//! stale-state check (`record_if_unchanged`) is done by the database, inside that transaction.

use std::collections::HashMap;

use crate::deck::{Card, FileCache, FileRecord, Scan};
use crate::scheduler::breaks::Break;
use crate::scheduler::{CardSchedule, State, StudyDay};
use crate::{Error, Result};

use super::{CardIndexRow, CardList, CardMove, ExamRecord, Plan, ReviewRow, ReviewRowTime, Store, StoredCard};

/// Whose rows a call reads or writes. A personal database holds one learner,
/// `LearnerId::PERSONAL`; a class database holds one per student.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LearnerId(pub i64);

impl LearnerId {
    /// The one learner of a personal database.
    pub const PERSONAL: LearnerId = LearnerId(0);
}

/// A session lock held: one review (or writing use case) at a time per learner. Released when
/// dropped, or when the process ends (SQLite: an OS lock on the file `<db>.lock`).
pub struct SessionLock(#[allow(dead_code)] Box<dyn std::any::Any + Send + Sync>);

impl SessionLock {
    /// Wraps whatever keeps a backend's lock held while it lives.
    pub fn new(held: impl std::any::Any + Send + Sync) -> SessionLock {
        SessionLock(Box::new(held))
    }
}

impl std::fmt::Debug for SessionLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionLock")
    }
}

/// What the engines, deck sync and the application layer read and write. Each method is documented on `Store`'s method
/// of the same name.
pub trait Storage {
    fn plans(&self, learner: LearnerId) -> Result<Vec<Plan>>;
    fn answered_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State)>>;
    fn answers_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State, u8)>>;
    fn visit_cards(
        &self,
        learner: LearnerId,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()>;
    fn stored_card(&self, learner: LearnerId, row: &StoredCard) -> Result<Card>;
    fn new_card_tags(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<(String, Vec<String>)>>;
    fn reviews_per_due_day(&self, learner: LearnerId) -> Result<HashMap<StudyDay, usize>>;
    fn due_on(
        &self,
        learner: LearnerId,
        day: StudyDay,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<(String, Vec<String>)>>;
    fn recent_review_days(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<StudyDay>>;
    fn record_if_unchanged(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        version: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64>;
    fn undo(&mut self, learner: LearnerId, review_id: i64) -> Result<CardSchedule>;
    fn card_version(&self, learner: LearnerId, card_id: i64) -> Result<i64>;
    /// Housekeeping while the learner reads a card (SQLite: a WAL checkpoint when one is due).
    fn idle(&mut self) -> Result<()>;
    /// Breaks (issue 21), by first day.
    fn breaks(&self, learner: LearnerId) -> Result<Vec<Break>>;
    /// Review cards available and due by `today` in `decks` (all when empty): (overdue, due today).
    fn due_review_counts(&self, learner: LearnerId, today: StudyDay, decks: &[String]) -> Result<(usize, usize)>;
    /// Review cards due on each study day from `from` to `to` inclusive.
    fn reviews_due_between(&self, learner: LearnerId, from: StudyDay, to: StudyDay)
        -> Result<HashMap<StudyDay, usize>>;
    /// Review-card answers on each study day of the `days` before `today` that has any.
    fn review_answers_before(&self, learner: LearnerId, today: StudyDay, days: u32) -> Result<Vec<usize>>;
    /// The cards in the decks that `keep` accepts (by deck and tags), in deck order, each given
    /// to `visit` with its row id and schedule (exam and cram: any card in scope).
    fn cards_in_scope(
        &self,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
        visit: &mut dyn FnMut(i64, Card, CardSchedule),
    ) -> Result<()>;
    /// Keys of cards answered "again" (any kind) since `since_ms` (epoch ms).
    fn missed_since(&self, learner: LearnerId, since_ms: i64) -> Result<Vec<String>>;
    /// Logs a cram or exam row; the card's schedule is untouched. Returns the row's id.
    fn record_log_only(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        schedule: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64>;
    /// Deletes a cram or exam row (undo in cram).
    fn delete_log_row(&mut self, learner: LearnerId, review_id: i64) -> Result<()>;
    /// Saves a finished exam paper.
    fn save_exam(&mut self, learner: LearnerId, exam: &ExamRecord) -> Result<()>;
    /// Changes a card's schedule outside an answer, logging a manual row that says what was
    /// done (`action`). Returns the row's id.
    #[allow(clippy::too_many_arguments)]
    fn record_manual(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        key: &str,
        before: &CardSchedule,
        after: &CardSchedule,
        at: ReviewRowTime,
        action: &str,
    ) -> Result<i64>;
    /// The fingerprints of the deck files synced before, by path.
    fn file_records(&self, learner: LearnerId) -> Result<FileCache>;
    /// Every tag of the cards of the decks `only` accepts, sorted, each once.
    fn tags(&self, learner: LearnerId, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>>;
    /// Brings the card rows and file records in line with a deck scan, in one transaction.
    fn apply_scan(&mut self, learner: LearnerId, scan: &Scan, refreshed: &[&FileRecord], now_ms: i64) -> Result<()>;
    /// The learner's session lock, trying again for up to `wait`; `Error::Locked` when another
    /// session holds it after that.
    fn lock_session(&self, learner: LearnerId, wait: std::time::Duration) -> Result<SessionLock>;
    /// Every card in the loaded decks (id, key, deck, tags, schedule), in deck order.
    fn cards_in_decks(&self, learner: LearnerId) -> Result<Vec<CardIndexRow>>;
    /// Rows in the review log (any kind) of every card row, by key.
    fn review_counts(&self, learner: LearnerId) -> Result<HashMap<String, u32>>;
    /// Deletes the cards `keys` and their history, in one transaction (`orphans --prune`).
    fn delete_cards(&mut self, learner: LearnerId, keys: &[String]) -> Result<()>;
    /// Saves an exam plan and the reviews it moves (manual rows, action `plan`) in one
    /// transaction; returns the plan's id.
    fn add_plan_with_moves(
        &mut self,
        learner: LearnerId,
        plan: &Plan,
        moves: &[CardMove],
        at: ReviewRowTime,
    ) -> Result<i64>;
}

impl Store {
    /// A personal database has one learner; any other id is a programming error reported as
    /// a database error rather than rows read for the wrong person.
    fn only_personal(&self, learner: LearnerId) -> Result<()> {
        if learner == LearnerId::PERSONAL {
            Ok(())
        } else {
            Err(Error::Database {
                path: self.path.clone(),
                message: format!("is a personal database and has no learner {}", learner.0),
            })
        }
    }
}

impl Storage for Store {
    fn breaks(&self, learner: LearnerId) -> Result<Vec<Break>> {
        self.only_personal(learner)?;
        Store::breaks(self)
    }
    fn due_review_counts(&self, learner: LearnerId, today: StudyDay, decks: &[String]) -> Result<(usize, usize)> {
        self.only_personal(learner)?;
        Store::due_review_counts(self, today, decks)
    }
    fn reviews_due_between(
        &self,
        learner: LearnerId,
        from: StudyDay,
        to: StudyDay,
    ) -> Result<HashMap<StudyDay, usize>> {
        self.only_personal(learner)?;
        Store::reviews_due_between(self, from, to)
    }
    fn review_answers_before(&self, learner: LearnerId, today: StudyDay, days: u32) -> Result<Vec<usize>> {
        self.only_personal(learner)?;
        Store::review_answers_before(self, today, days)
    }
    fn plans(&self, learner: LearnerId) -> Result<Vec<Plan>> {
        self.only_personal(learner)?;
        Store::plans(self)
    }
    fn answered_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State)>> {
        self.only_personal(learner)?;
        Store::answered_on(self, day)
    }
    fn answers_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State, u8)>> {
        self.only_personal(learner)?;
        Store::answers_on(self, day)
    }
    fn visit_cards(
        &self,
        learner: LearnerId,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()> {
        self.only_personal(learner)?;
        Store::visit_cards(self, list, decks, visit)
    }
    fn stored_card(&self, learner: LearnerId, row: &StoredCard) -> Result<Card> {
        self.only_personal(learner)?;
        Store::stored_card(self, row)
    }
    fn new_card_tags(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<(String, Vec<String>)>> {
        self.only_personal(learner)?;
        Store::new_card_tags(self, today)
    }
    fn reviews_per_due_day(&self, learner: LearnerId) -> Result<HashMap<StudyDay, usize>> {
        self.only_personal(learner)?;
        Store::reviews_per_due_day(self)
    }
    fn due_on(
        &self,
        learner: LearnerId,
        day: StudyDay,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<(String, Vec<String>)>> {
        self.only_personal(learner)?;
        Store::due_on(self, day, start_ms, end_ms)
    }
    fn recent_review_days(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<StudyDay>> {
        self.only_personal(learner)?;
        Store::recent_review_days(self, today)
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
        self.only_personal(learner)?;
        Store::record_if_unchanged(self, card_id, version, before, after, row)
    }
    fn undo(&mut self, learner: LearnerId, review_id: i64) -> Result<CardSchedule> {
        self.only_personal(learner)?;
        Store::undo(self, review_id)
    }
    fn card_version(&self, learner: LearnerId, card_id: i64) -> Result<i64> {
        self.only_personal(learner)?;
        Store::card_version(self, card_id)
    }
    fn idle(&mut self) -> Result<()> {
        self.checkpoint_when_idle()
    }
    fn cards_in_scope(
        &self,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
        visit: &mut dyn FnMut(i64, Card, CardSchedule),
    ) -> Result<()> {
        self.only_personal(learner)?;
        Store::cards_with_content(self, keep, visit).map(|_: Vec<()>| ())
    }
    fn missed_since(&self, learner: LearnerId, since_ms: i64) -> Result<Vec<String>> {
        self.only_personal(learner)?;
        Store::missed_since(self, since_ms)
    }
    fn record_log_only(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        schedule: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64> {
        self.only_personal(learner)?;
        Store::record_log_only(self, card_id, schedule, row)
    }
    fn delete_log_row(&mut self, learner: LearnerId, review_id: i64) -> Result<()> {
        self.only_personal(learner)?;
        Store::delete_log_row(self, review_id)
    }
    fn save_exam(&mut self, learner: LearnerId, exam: &ExamRecord) -> Result<()> {
        self.only_personal(learner)?;
        Store::save_exam(self, exam)
    }
    #[allow(clippy::too_many_arguments)]
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
        self.only_personal(learner)?;
        Store::record_manual(self, card_id, key, before, after, at, action)
    }
    fn file_records(&self, learner: LearnerId) -> Result<FileCache> {
        self.only_personal(learner)?;
        Store::file_records(self)
    }
    fn tags(&self, learner: LearnerId, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        self.only_personal(learner)?;
        Store::tags(self, only)
    }
    fn apply_scan(&mut self, learner: LearnerId, scan: &Scan, refreshed: &[&FileRecord], now_ms: i64) -> Result<()> {
        self.only_personal(learner)?;
        Store::apply_scan(self, scan, refreshed, now_ms)
    }
    fn lock_session(&self, learner: LearnerId, wait: std::time::Duration) -> Result<SessionLock> {
        self.only_personal(learner)?;
        Store::lock_session_within(self, wait).map(SessionLock::new)
    }
    fn cards_in_decks(&self, learner: LearnerId) -> Result<Vec<CardIndexRow>> {
        self.only_personal(learner)?;
        Store::cards_in_decks(self)
    }
    fn review_counts(&self, learner: LearnerId) -> Result<HashMap<String, u32>> {
        self.only_personal(learner)?;
        Store::review_counts(self)
    }
    fn delete_cards(&mut self, learner: LearnerId, keys: &[String]) -> Result<()> {
        self.only_personal(learner)?;
        Store::delete_cards(self, keys)
    }
    fn add_plan_with_moves(
        &mut self,
        learner: LearnerId,
        plan: &Plan,
        moves: &[CardMove],
        at: ReviewRowTime,
    ) -> Result<i64> {
        self.only_personal(learner)?;
        Store::add_plan_with_moves(self, plan, moves, at)
    }
}
