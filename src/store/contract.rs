//! The storage contract: what the engines (review, exam, cram), deck sync and the application
//! layer need from a database, as traits, so that a second implementation (PostgreSQL, for a
//! class on several servers) can stand beside SQLite without touching the engine. Synchronous (a
//! web server calls it on blocking threads); every call names the learner whose rows it reads or
//! writes; one answer is one transaction; the stale-state check (`record_if_unchanged`) is done
//! by the database, inside that transaction.
//!
//! The contract is split by concern, one trait each, so that a backend implements each concern
//! in its own file beside its queries (SQLite: `store/cards.rs` implements [`CardStorage`], and
//! so on); [`Storage`] is every concern at once and is what callers take (`&dyn Storage`), with a
//! blanket implementation, so a backend never writes `impl Storage` itself. Callers that name a
//! method through its trait (`CardStorage::tags(&store, …)`, needed where `Store` has an inherent
//! method of the same name) name the concern's trait.
//!
//! SQLite's implementations forward to `Store`'s own methods, which take the learner too (class
//! storage, issue 16: every per-learner row carries its learner, and each statement names it).

use std::collections::HashMap;

use crate::deck::{Card, FileCache, FileRecord, Scan};
use crate::scheduler::breaks::Break;
use crate::scheduler::{CardSchedule, State, StudyDay};
use crate::Result;

use super::{CardIndexRow, CardList, CardMove, ExamRecord, NewestReview, Plan, ReviewRow, ReviewRowTime, StoredCard};

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

/// Every concern of the contract: what callers take. Implemented for any type that implements
/// each concern's trait.
pub trait Storage:
    CardStorage + LogStorage + CalendarStorage + ExamStorage + PlanStorage + SyncStorage + SessionStorage
{
}

impl<T> Storage for T where
    T: CardStorage + LogStorage + CalendarStorage + ExamStorage + PlanStorage + SyncStorage + SessionStorage
{
}

/// The learner's cards: today's lists, their content, counts by due day, and the card index.
pub trait CardStorage {
    /// Streams the cards of one of today's lists that are in the decks, in queue order, to
    /// `visit` until it returns false: (re)learning cards due before a time, review cards due by
    /// a study day (most overdue first, then deck order), or new cards (deck order). Only cards
    /// of `decks` when it is not empty. Stopping early costs only the rows visited.
    fn visit_cards(
        &self,
        learner: LearnerId,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()>;
    /// The card stored with a row. `Error::Database` when it cannot be read back (a damaged row).
    fn stored_card(&self, learner: LearnerId, row: &StoredCard) -> Result<Card>;
    /// Deck and tags of every new card in the decks that is available on `today`.
    fn new_card_tags(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<(String, Vec<String>)>>;
    /// Review cards in the decks per due study day.
    fn reviews_per_due_day(&self, learner: LearnerId) -> Result<HashMap<StudyDay, usize>>;
    /// Deck and tags of the cards in the decks due on study day `day` (which runs from `start_ms`
    /// to `end_ms`, epoch ms UTC): review cards due that day and (re)learning cards due within
    /// it, available then.
    fn due_on(
        &self,
        learner: LearnerId,
        day: StudyDay,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<(String, Vec<String>)>>;
    /// The cards in the decks that `keep` accepts (by deck and tags), in deck order, each given
    /// to `visit` with its row id and schedule (exam and cram: any card in scope).
    fn cards_in_scope(
        &self,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
        visit: &mut dyn FnMut(i64, Card, CardSchedule),
    ) -> Result<()>;
    /// Every tag of the cards of the decks `only` accepts, sorted, each once.
    fn tags(&self, learner: LearnerId, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>>;
    /// Every card in the loaded decks (id, key, deck, tags, schedule), in deck order.
    fn cards_in_decks(&self, learner: LearnerId) -> Result<Vec<CardIndexRow>>;
    /// Rows in the review log (any kind) of every card row, by key.
    fn review_counts(&self, learner: LearnerId) -> Result<HashMap<String, u32>>;
    /// Deletes the cards `keys` and their history, in one transaction (`orphans --prune`).
    fn delete_cards(&mut self, learner: LearnerId, keys: &[String]) -> Result<()>;
}

/// The review log: answers recorded with the card's new schedule in one transaction, undo, and
/// the queries over the log the queue and the streak need.
pub trait LogStorage {
    /// Scheduled answers given on `day`: (card key, state before) for each, oldest first (the
    /// daily limits, burying siblings).
    fn answered_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State)>>;
    /// Scheduled answers on `day`, oldest first: (card key, state before, rating).
    fn answers_on(&self, learner: LearnerId, day: StudyDay) -> Result<Vec<(String, State, u8)>>;
    /// The study days with a scheduled answer in the run of consecutive days that ends today or
    /// yesterday (all a streak needs).
    fn recent_review_days(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<StudyDay>>;
    /// Saves `row` and the card's schedule `after` in one transaction, only if the card's row is
    /// still at `version` (as it was when the card was shown); otherwise nothing is written and
    /// `Error::Stale` is returned. Returns the row's id.
    fn record_if_unchanged(
        &mut self,
        learner: LearnerId,
        card_id: i64,
        version: i64,
        before: &CardSchedule,
        after: &CardSchedule,
        row: &ReviewRow,
    ) -> Result<i64>;
    /// Undoes review row `review_id`: deletes it and restores the schedule saved with it, in one
    /// transaction. Returns the restored schedule.
    fn undo(&mut self, learner: LearnerId, review_id: i64) -> Result<CardSchedule>;
    /// The newest answer of kind review (`kioku undo`), None when there is none.
    fn newest_review(&self, learner: LearnerId) -> Result<Option<NewestReview>>;
    /// The version of card row `card_id` (raised by every write of its schedule).
    fn card_version(&self, learner: LearnerId, card_id: i64) -> Result<i64>;
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
}

/// Breaks and the load of reviews by study day (what breaks, load balancing and the backlog
/// pause read).
pub trait CalendarStorage {
    /// Breaks (issue 21), by first day.
    fn breaks(&self, learner: LearnerId) -> Result<Vec<Break>>;
    /// Review cards available and due by `today` in `decks` (all when empty): (overdue, due today).
    fn due_review_counts(&self, learner: LearnerId, today: StudyDay, decks: &[String]) -> Result<(usize, usize)>;
    /// Review cards due on each study day from `from` to `to` inclusive.
    fn reviews_due_between(&self, learner: LearnerId, from: StudyDay, to: StudyDay)
        -> Result<HashMap<StudyDay, usize>>;
    /// Review-card answers on each study day of the `days` before `today` that has any.
    fn review_answers_before(&self, learner: LearnerId, today: StudyDay, days: u32) -> Result<Vec<usize>>;
}

/// Finished mock exams.
pub trait ExamStorage {
    /// Saves a finished exam paper.
    fn save_exam(&mut self, learner: LearnerId, exam: &ExamRecord) -> Result<()>;
}

/// Exam plans.
pub trait PlanStorage {
    /// Every exam plan, by exam day.
    fn plans(&self, learner: LearnerId) -> Result<Vec<Plan>>;
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

/// Deck sync: the deck files' fingerprints and bringing card rows in line with a scan.
pub trait SyncStorage {
    /// The fingerprints of the deck files synced before, by path.
    fn file_records(&self, learner: LearnerId) -> Result<FileCache>;
    /// Brings the card rows and file records in line with a deck scan, in one transaction.
    fn apply_scan(&mut self, learner: LearnerId, scan: &Scan, refreshed: &[&FileRecord], now_ms: i64) -> Result<()>;
}

/// The session: its lock, and housekeeping while it waits for the learner.
pub trait SessionStorage {
    /// The learner's session lock, trying again for up to `wait`; `Error::Locked` when another
    /// session holds it after that.
    fn lock_session(&self, learner: LearnerId, wait: std::time::Duration) -> Result<SessionLock>;
    /// Housekeeping while the learner reads a card (SQLite: a WAL checkpoint when one is due).
    fn idle(&mut self) -> Result<()>;
}
