//! The review session as a state machine with no I/O: which card is next, judging a response,
//! saving a grade, undo, suspend and bury. The piped protocol (`piped.rs`) and the terminal
//! (`ui`) are two drivers of the same machine, so they cannot drift apart.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::judge::{self, Judged};
use super::{Filter, Today};
use crate::deck::Card;
use crate::scheduler::{CardSchedule, DayClock, NextOutcomes, Outcome, Rating, Scheduler, State, StudyDay};
use crate::store::{LearnerId, ReviewRow, ReviewRowTime, Storage};
use crate::{stats, Result};

/// Session options from the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReviewOptions {
    /// At most this many new cards this session (instead of what is left of `new_per_day`).
    pub new_limit: Option<u32>,
    /// Stop after this many saved answers.
    pub answer_limit: Option<u32>,
}

/// How a card is hidden from today's queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hide {
    /// Until unsuspended.
    Suspend,
    /// Until the next study day.
    Bury,
}

/// What the session did, for the summary at its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Answers saved in this session (net of undos).
    pub saved: u32,
    /// Today's true retention (Anki's sense: first answer of the day on review cards, again =
    /// forgotten) as (remembered, asked); None when no review card was answered today.
    pub true_retention_today: Option<(u32, u32)>,
    pub time_spent_secs: i64,
    /// Cards of this session's decks due on the next study day.
    pub due_tomorrow: usize,
    /// Consecutive study days with at least one review, up to today.
    pub streak_days: u32,
    /// (new, learning, review) still queued today.
    pub left_today: (usize, usize, usize),
    /// Seconds until the next learning card queued today is due, if one is.
    pub next_learning_in_secs: Option<i64>,
    /// More reviews due than are left for today, at the end of the session.
    pub backlog: Option<crate::scheduler::backlog::Backlog>,
    /// With nothing left today: new cards in scope that a limit holds back (how many, and
    /// which limit), so the learner is told why and the way out.
    pub new_held: Option<(usize, super::idle::NewHold)>,
    /// With nothing left today: seconds until the next card in scope is due.
    pub next_due_in_secs: Option<i64>,
}

struct Saved {
    review_id: i64,
    index: usize,
    state_before: State,
}

/// One learner's review of today's queue. It owns its state and borrows no database: every
/// step that reads or writes takes the storage as an argument, so a server can keep many
/// sessions at once and rebuild one from storage on any request (`ReviewSession::new`).
pub struct ReviewSession {
    scheduler: Arc<Scheduler>,
    days: DayClock,
    today: Today,
    options: ReviewOptions,
    undo_stack: Vec<Saved>,
    /// The card to ask next whatever the queue says (the one just undone).
    forced: Option<usize>,
    new_answered: u32,
    started_at: DateTime<Utc>,
    /// Which cards the session covers.
    filter: Filter,
    /// The option chosen in the response last judged, and the card it was for: saved with
    /// that card's answer (`ReviewRow::chosen_option`), so no driver has to carry it.
    chosen: Option<(usize, String)>,
}

impl ReviewSession {
    /// Builds today's queue of `learner` for the cards `filter` covers (already synced to the
    /// store).
    pub fn new(
        store: &dyn Storage,
        learner: LearnerId,
        scheduler: Arc<Scheduler>,
        days: DayClock,
        filter: Filter,
        options: ReviewOptions,
        now: DateTime<Utc>,
    ) -> Result<ReviewSession> {
        let today = Today::build(store, learner, &filter, scheduler.settings(), &days, now, options.new_limit)?;
        Ok(ReviewSession {
            scheduler,
            days,
            today,
            options,
            undo_stack: Vec::new(),
            forced: None,
            new_answered: 0,
            started_at: now,
            filter,
            chosen: None,
        })
    }

    /// The next card to ask at `now`, or None when the session is over (queue empty or the
    /// answer limit reached).
    pub fn next(&mut self, now: DateTime<Utc>) -> Option<usize> {
        if self.options.answer_limit.is_some_and(|limit| self.saved() >= limit) {
            return None;
        }
        self.forced.take().or_else(|| self.today.queue.next(&self.today.items, now.timestamp_millis()))
    }

    /// The index of the card with `key` in today's cards, if it is one of them.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.today.cards.iter().position(|c| c.key == key)
    }

    pub fn card(&self, index: usize) -> &Card {
        &self.today.cards[index]
    }

    pub fn schedule(&self, index: usize) -> &CardSchedule {
        &self.today.items[index].schedule
    }

    /// The version of card `index`'s row as this session last read or wrote it: what a front
    /// end shows with the card, so that an action sent for an older showing (a reload, a double
    /// click, a second tab) can be told from one for the card as it is now.
    pub fn version(&self, index: usize) -> i64 {
        self.today.versions[index]
    }

    /// The display order of a choice's options or an order question's items.
    pub fn display_order(&self, index: usize) -> Vec<usize> {
        judge::display_order(self.card(index), self.schedule(index).reps)
    }

    /// Judges a response line; see `judge::judge`. The option chosen (choice, true/false) is
    /// kept and saved with the card's answer.
    pub fn judge(&mut self, index: usize, line: &str) -> Result<Option<Judged>, String> {
        let judged = judge::judge(self.card(index), self.schedule(index).reps, line)?;
        self.chosen = judged.as_ref().and_then(|j| j.chosen.clone()).map(|c| (index, c));
        Ok(judged)
    }

    /// What each grade would do to card `index` at `now`.
    pub fn preview(&self, index: usize, now: DateTime<Utc>) -> Result<NextOutcomes> {
        self.today.outcomes(&self.scheduler, &self.days, index, now)
    }

    /// Saves `rating` for card `index` (shown at `shown_at`) in one transaction. When this
    /// returns, the answer is durable. Returns `Error::Stale` (nothing saved) when the card's
    /// row changed since this session read it (another window, device or server).
    pub fn answer(
        &mut self,
        store: &mut dyn Storage,
        index: usize,
        rating: Rating,
        now: DateTime<Utc>,
        shown_at: DateTime<Utc>,
    ) -> Result<Outcome> {
        let state_before = self.schedule(index).state;
        let duration_ms = (now - shown_at).num_milliseconds();
        let chosen = self.chosen.take().filter(|(i, _)| *i == index).map(|(_, c)| c);
        let answered = self.today.answer(
            store,
            &self.scheduler,
            &self.days,
            index,
            rating,
            now,
            duration_ms,
            chosen.as_deref(),
        )?;
        if state_before == State::New {
            self.new_answered += 1;
        }
        self.undo_stack.push(Saved { review_id: answered.review_id, index, state_before });
        Ok(answered.outcome)
    }

    /// Work done while the learner reads the card just shown (the drivers call it after drawing
    /// a card): a checkpoint of the database when one is due.
    pub fn idle(&mut self, store: &mut dyn Storage) -> Result<()> {
        store.idle()
    }

    /// Undoes the last answer saved in this session and makes its card the next one asked.
    /// Returns the card's index, or None when there is nothing to undo.
    pub fn undo(&mut self, store: &mut dyn Storage) -> Result<Option<usize>> {
        let Some(last) = self.undo_stack.pop() else {
            return Ok(None);
        };
        self.chosen = None;
        let learner = self.today.learner;
        let restored = store.undo(learner, last.review_id)?;
        self.today.items[last.index].schedule = restored;
        self.today.versions[last.index] = store.card_version(learner, self.today.ids[last.index])?;
        if last.state_before == State::New {
            self.new_answered = self.new_answered.saturating_sub(1);
        }
        let new_limit = self.options.new_limit.map(|n| n.saturating_sub(self.new_answered));
        self.today.refresh(store, self.scheduler.settings(), new_limit)?;
        // Asked next, unless it was suspended or buried since (undo does not take that back).
        if self.schedule(last.index).is_available(self.today.today) {
            self.forced = Some(last.index);
        }
        Ok(Some(last.index))
    }

    /// Suspends or buries card `index` (a manual row in the log) and takes it out of the queue.
    /// Returns `Error::Stale` (nothing changed) when the card changed elsewhere since it was read.
    pub fn hide(&mut self, store: &mut dyn Storage, index: usize, how: Hide, now: DateTime<Utc>) -> Result<()> {
        let before = self.schedule(index).clone();
        let mut after = before.clone();
        match how {
            Hide::Suspend => after.suspended = true,
            Hide::Bury => after.buried_until_day = Some(self.days.study_day(now).plus(1)),
        }
        let at = ReviewRowTime::new(now, &self.days);
        let key = self.card(index).key.clone();
        let action = match how {
            Hide::Suspend => "suspend",
            Hide::Bury => "bury",
        };
        let row = ReviewRow::manual(&key, &before, &after, at, 0, action);
        let (id, version) = (self.today.ids[index], self.today.versions[index]);
        store.record_if_unchanged(self.today.learner, id, version, &before, &after, &row)?;
        self.today.versions[index] += 1;
        self.today.items[index].schedule = after;
        self.today.queue.remove(index);
        Ok(())
    }

    /// The backlog found when the session began (more reviews due than the day's limit).
    pub fn backlog(&self) -> Option<&crate::scheduler::backlog::Backlog> {
        self.today.backlog.as_ref()
    }

    /// Answers saved in this session (net of undos).
    pub fn saved(&self) -> u32 {
        self.undo_stack.len() as u32
    }

    /// (new, learning, review) still queued today, after the limits.
    pub fn remaining(&self) -> (usize, usize, usize) {
        self.today.queue.remaining()
    }

    /// Figures for the end of the session.
    pub fn summary(&self, store: &dyn Storage, now: DateTime<Utc>) -> Result<Summary> {
        let today = self.days.study_day(now);
        let learner = self.today.learner;
        let answers = store.answers_on(learner, today)?;
        let tomorrow = today.plus(1);
        let (start, end) = (self.days.day_start(tomorrow), self.days.day_start(tomorrow.plus(1)));
        let due_tomorrow = store
            .due_on(learner, tomorrow, start.timestamp_millis(), end.timestamp_millis())?
            .iter()
            .filter(|(deck, tags)| self.filter.covers(deck, tags))
            .count();
        let review_days: Vec<StudyDay> = store.recent_review_days(learner, today)?;
        let backlog = super::life::backlog_on(store, learner, self.scheduler.settings(), &self.filter, today, 0)?
            .filter(|_| self.today.backlog.is_some());
        let left_today = self.remaining();
        let (mut new_held, mut next_due_ms) = (None, None);
        if left_today == (0, 0, 0) {
            let waiting = super::idle::new_waiting(store, learner, &self.filter, today)?;
            if waiting > 0 {
                let settings = self.scheduler.settings();
                let introduced =
                    store.answered_on(learner, today)?.iter().filter(|(_, s)| *s == State::New).count() as u32;
                let hold = match self.options.new_limit {
                    Some(n) => super::idle::NewHold::SessionLimit(n),
                    None if crate::scheduler::breaks::in_break(&self.today.breaks, today) => {
                        super::idle::NewHold::Break
                    }
                    None if self.today.backlog.is_some() && settings.backlog_pause_new => super::idle::NewHold::Backlog,
                    None => super::idle::NewHold::DailyLimit { per_day: settings.new_per_day, introduced },
                };
                new_held = Some((waiting, hold));
            }
            next_due_ms = super::idle::next_due_ms(store, learner, &self.filter, &self.days)?;
        }
        Ok(Summary {
            saved: self.saved(),
            true_retention_today: stats::true_retention(&answers),
            time_spent_secs: (now - self.started_at).num_seconds().max(0),
            due_tomorrow,
            streak_days: stats::streak(&review_days, today),
            left_today,
            next_learning_in_secs: self
                .today
                .queue
                .next_learning_due(&self.today.items)
                .map(|due| (due - now.timestamp_millis()) / 1000)
                .filter(|&s| s > 0),
            backlog,
            new_held,
            next_due_in_secs: next_due_ms.map(|ms| ((ms - now.timestamp_millis()) / 1000).max(0)),
        })
    }
}
