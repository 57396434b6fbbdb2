//! Cram: practise cards whatever the schedule says, as Anki's filtered decks do with
//! rescheduling off. A state machine with no I/O (`CramSession`); answers are logged as kind
//! `cram` and no card's schedule changes. A card graded again comes back at the end of the queue.
//! The piped protocol (`cram_piped`) and the terminal screen (`ui::quiz`) drive it.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

use super::exam_session::ExamCard;
use super::judge::{self, Judged};
use crate::deck::Card;
use crate::scheduler::{DayClock, Rating};
use crate::store::{LearnerId, ReviewKind, ReviewRow, ReviewRowTime, Storage};
use crate::Result;

pub struct CramSession {
    learner: LearnerId,
    cards: Vec<ExamCard>,
    queue: VecDeque<usize>,
    /// (review row id, card index) of the answers saved, oldest first.
    saved: Vec<(i64, usize)>,
    limit: Option<u32>,
    /// The card shown now, and the salt of its shuffle.
    current: Option<(usize, u32)>,
    /// The option chosen in the response last judged, and its card (`ReviewRow::chosen_option`).
    chosen: Option<(usize, String)>,
}

impl CramSession {
    /// Cram of `learner` over `cards` in the order given, stopping after `limit` answers when given.
    pub fn new(learner: LearnerId, cards: Vec<ExamCard>, limit: Option<u32>) -> CramSession {
        let queue = (0..cards.len()).collect();
        CramSession { learner, cards, queue, saved: Vec::new(), limit, current: None, chosen: None }
    }

    /// The next card to show, or None when every card was answered without "again" or the limit
    /// is reached. The card stays current until it is graded or an undo brings another back.
    pub fn next_card(&mut self) -> Option<usize> {
        if let Some((index, _)) = self.current {
            return Some(index);
        }
        if self.limit.is_some_and(|l| self.saved.len() as u32 >= l) {
            return None;
        }
        let index = self.queue.pop_front()?;
        // Shuffles seeded by the number of cram answers so far, so options move between passes.
        let salt = self.cards[index].schedule.reps.wrapping_add(self.saved.len() as u32);
        self.current = Some((index, salt));
        Some(index)
    }

    pub fn card(&self, index: usize) -> &Card {
        &self.cards[index].card
    }

    fn salt(&self, index: usize) -> u32 {
        self.current.filter(|(i, _)| *i == index).map_or(0, |(_, salt)| salt)
    }

    /// The display order of card `index`'s options or items (it must be the current card).
    pub fn display_order(&self, index: usize) -> Vec<usize> {
        judge::display_order(self.card(index), self.salt(index))
    }

    /// Judges a response to card `index`; None for a self-graded card. The option chosen
    /// (choice, true/false) is kept and logged with the card's grade.
    pub fn judge(&mut self, index: usize, line: &str) -> std::result::Result<Option<Judged>, String> {
        let judged = judge::judge(self.card(index), self.salt(index), line)?;
        self.chosen = judged.as_ref().and_then(|j| j.chosen.clone()).map(|c| (index, c));
        Ok(judged)
    }

    /// Cards still to answer, the current one included, within the answer limit.
    pub fn left(&self) -> usize {
        let queued = self.queue.len() + usize::from(self.current.is_some());
        match self.limit {
            Some(limit) => queued.min((limit as usize).saturating_sub(self.saved.len())),
            None => queued,
        }
    }

    /// Answers saved in this session (net of undos).
    pub fn saved(&self) -> u32 {
        self.saved.len() as u32
    }

    /// Logs `rating` for the current card (shown at `shown_at`) as a `cram` row; its schedule is
    /// untouched. Again puts it back at the end of the queue. Returns its key.
    pub fn grade(
        &mut self,
        store: &mut dyn Storage,
        days: &DayClock,
        rating: Rating,
        now: DateTime<Utc>,
        shown_at: DateTime<Utc>,
    ) -> Result<String> {
        let Some((index, _)) = self.current.take() else {
            return Err(crate::Error::Input(crate::tr!("cram-nothing")));
        };
        let c = &self.cards[index];
        let at = ReviewRowTime::new(now, days);
        let duration_ms = (now - shown_at).num_milliseconds();
        let row = ReviewRow::log_only(&c.card.key, &c.schedule, ReviewKind::Cram, rating.as_u8(), at, duration_ms);
        let chosen_option = self.chosen.take().filter(|(i, _)| *i == index).map(|(_, c)| c);
        let row = ReviewRow { chosen_option, ..row };
        let review_id = store.record_log_only(self.learner, c.id, &c.schedule, &row)?;
        self.saved.push((review_id, index));
        if rating == Rating::Again {
            self.queue.push_back(index);
        }
        Ok(c.card.key.clone())
    }

    /// Takes back the last saved answer: its row is deleted and its card is shown next (the
    /// card shown now comes right after it). Returns the card's index, or None with nothing to undo.
    pub fn undo(&mut self, store: &mut dyn Storage) -> Result<Option<usize>> {
        let Some((review_id, undone)) = self.saved.pop() else {
            return Ok(None);
        };
        self.chosen = None;
        store.delete_log_row(self.learner, review_id)?;
        self.queue.retain(|&i| i != undone);
        if let Some((index, _)) = self.current.take() {
            self.queue.push_front(index);
        }
        self.queue.push_front(undone);
        Ok(Some(undone))
    }
}
