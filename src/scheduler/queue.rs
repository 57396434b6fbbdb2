//! Today's queue, in Anki's order: learning cards that are due, then review cards due (most
//! overdue first), then new cards in the order given (deck order, or by `new_card_rank`) up to the
//! day's limit; when nothing else is left, a learning card due within the learn-ahead window
//! (20 minutes) is shown early.
//! Pure: it holds indices into the caller's cards and reads their schedules when asked.

use std::collections::{HashSet, VecDeque};

use super::{CardSchedule, State, StudyDay};
use crate::rng::fnv1a;

/// A new card's place in the `random` new card order: a fixed hash of its key, so the shuffle is
/// the same on every run, machine and kioku version (as fuzz is seeded), and a card keeps its
/// place when other cards are added. Its own label keeps it independent of the card's fuzz.
pub fn new_card_rank(key: &str) -> u64 {
    fnv1a(&[b"new_card_order", key.as_bytes()])
}

/// How far ahead a learning card may be shown when nothing else is due, in milliseconds.
pub const LEARN_AHEAD_MS: i64 = 20 * 60 * 1000;

/// What the queue needs to know about one card; the caller owns these and updates `schedule`
/// after each answer.
pub struct QueueItem {
    /// Position in deck order (decks by id, notes in file order, variants in order).
    pub order: usize,
    /// Cards of one note share a sibling group.
    pub note: usize,
    pub schedule: CardSchedule,
    /// Never buried by a sibling answered today (a card an exam plan needs today).
    pub unburied: bool,
}

/// The remaining allowance for this session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub new_left: u32,
    pub reviews_left: u32,
}

#[derive(Debug, Default)]
pub struct Queue {
    /// (re)learning cards due before the study day ends (indices).
    learning: Vec<usize>,
    reviews: VecDeque<usize>,
    new: VecDeque<usize>,
    pub limits: Option<Limits>,
    buried_notes: HashSet<usize>,
    /// Notes with more than one card in the queue's items: only their answers bury siblings
    /// (so a deck of single cards never scans the queue per answer).
    notes_with_siblings: HashSet<usize>,
}

impl Queue {
    /// Builds the queue from `items` (indexed as the caller's cards). Cards of notes in
    /// `buried_notes` (answered today, when siblings are buried) are left out unless in learning.
    pub fn build(
        items: &[QueueItem],
        today: StudyDay,
        day_end_ms: i64,
        limits: Limits,
        buried_notes: HashSet<usize>,
    ) -> Queue {
        let mut queue = Queue { limits: Some(limits), buried_notes, ..Queue::default() };
        let mut seen = HashSet::new();
        for item in items {
            if !seen.insert(item.note) {
                queue.notes_with_siblings.insert(item.note);
            }
        }
        let mut reviews = Vec::new();
        let mut new = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let s = &item.schedule;
            if !s.is_available(today) {
                continue;
            }
            match s.state {
                State::Learning | State::Relearning if s.due_at_ms.is_some_and(|due| due < day_end_ms) => {
                    queue.learning.push(index);
                }
                State::Review if item.unburied || !queue.buried_notes.contains(&item.note) => {
                    if let Some(due_day) = s.due_day.filter(|&d| d <= today) {
                        reviews.push((due_day, item.order, index));
                    }
                }
                State::New if item.unburied || !queue.buried_notes.contains(&item.note) => {
                    new.push((item.order, index))
                }
                _ => {}
            }
        }
        reviews.sort();
        new.sort();
        queue.reviews = reviews.into_iter().map(|(_, _, i)| i).collect();
        queue.new = new.into_iter().map(|(_, i)| i).collect();
        queue
    }

    /// The next card to show at `now_ms`, or None when the session is over.
    pub fn next(&mut self, items: &[QueueItem], now_ms: i64) -> Option<usize> {
        let limits = self.limits.unwrap_or(Limits { new_left: 0, reviews_left: 0 });
        if let Some(i) = self.earliest_learning(items, now_ms) {
            return Some(i);
        }
        if limits.reviews_left > 0 {
            if let Some(&i) = self.reviews.front() {
                return Some(i);
            }
        }
        if limits.new_left > 0 {
            if let Some(&i) = self.new.front() {
                return Some(i);
            }
        }
        self.earliest_learning(items, now_ms + LEARN_AHEAD_MS)
    }

    fn earliest_learning(&self, items: &[QueueItem], until_ms: i64) -> Option<usize> {
        self.learning
            .iter()
            .filter_map(|&i| Some((items[i].schedule.due_at_ms?, i)))
            .filter(|&(due, _)| due <= until_ms)
            .min()
            .map(|(_, i)| i)
    }

    /// Takes card `index` out of the queue after it was answered (its schedule before was
    /// `before`), counts it against the limits, and puts it back among the learning cards when
    /// its new schedule `after` is due before the study day ends. With `bury_siblings`, the
    /// new and review cards of the same note leave the queue.
    pub fn answered(&mut self, items: &[QueueItem], index: usize, before: State, day_end_ms: i64, bury_siblings: bool) {
        // Only the list the card was in: answering stays cheap on a large queue.
        match before {
            State::New => Self::take_from(&mut self.new, index),
            State::Review => Self::take_from(&mut self.reviews, index),
            State::Learning | State::Relearning => self.learning.retain(|&i| i != index),
        }
        if let Some(limits) = self.limits.as_mut() {
            match before {
                State::New => limits.new_left = limits.new_left.saturating_sub(1),
                State::Review => limits.reviews_left = limits.reviews_left.saturating_sub(1),
                _ => {}
            }
        }
        let after = &items[index].schedule;
        if matches!(after.state, State::Learning | State::Relearning)
            && !after.suspended
            && after.due_at_ms.is_some_and(|d| d < day_end_ms)
        {
            self.learning.push(index);
        }
        let note = items[index].note;
        if bury_siblings && self.notes_with_siblings.contains(&note) {
            self.buried_notes.insert(note);
            self.reviews.retain(|&i| items[i].note != note || items[i].unburied);
            self.new.retain(|&i| items[i].note != note || items[i].unburied);
        }
    }

    /// Orders the review cards by `key` of their index, highest first (a backlog: relative
    /// overdueness), the current order breaking ties.
    pub fn sort_reviews_by(&mut self, key: impl Fn(usize) -> f32) {
        self.reviews.make_contiguous().sort_by(|&a, &b| key(b).total_cmp(&key(a)));
    }

    /// Takes a card out without counting it (suspended or buried).
    pub fn remove(&mut self, index: usize) {
        self.learning.retain(|&i| i != index);
        Self::take_from(&mut self.reviews, index);
        Self::take_from(&mut self.new, index);
    }

    /// Removes `index` from `list`; the card shown is almost always the front, so no scan then.
    fn take_from(list: &mut VecDeque<usize>, index: usize) {
        if list.front() == Some(&index) {
            list.pop_front();
        } else {
            list.retain(|&i| i != index);
        }
    }

    /// When the next (re)learning card still queued today is due (UTC ms).
    pub fn next_learning_due(&self, items: &[QueueItem]) -> Option<i64> {
        self.learning.iter().filter_map(|&i| items[i].schedule.due_at_ms).min()
    }

    /// Counts (new, learning, review) still to be shown today, after the limits.
    pub fn remaining(&self) -> (usize, usize, usize) {
        let limits = self.limits.unwrap_or(Limits { new_left: 0, reviews_left: 0 });
        (
            self.new.len().min(limits.new_left as usize),
            self.learning.len(),
            self.reviews.len().min(limits.reviews_left as usize),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(state: State, due_at_ms: Option<i64>, due_day: Option<i32>) -> CardSchedule {
        CardSchedule { state, due_at_ms, due_day: due_day.map(StudyDay), ..CardSchedule::default() }
    }

    #[test]
    fn order_is_learning_then_most_overdue_review_then_new_then_learn_ahead() {
        let now = 1_000_000_000;
        let cards = [
            card(State::New, None, None),                            // 0
            card(State::Review, Some(0), Some(8)),                   // 1: 2 days overdue
            card(State::Learning, Some(now - 1000), None),           // 2: due
            card(State::Review, Some(0), Some(5)),                   // 3: 5 days overdue
            card(State::Learning, Some(now + 10 * 60 * 1000), None), // 4: due in 10 min
            card(State::Review, Some(0), Some(11)),                  // 5: not due
            card(State::New, None, None),                            // 6
        ];
        let mut items: Vec<QueueItem> = cards
            .iter()
            .enumerate()
            .map(|(i, s)| QueueItem { order: i, note: i, schedule: s.clone(), unburied: false })
            .collect();
        let day_end = now + 3_600_000;
        let mut q =
            Queue::build(&items, StudyDay(10), day_end, Limits { new_left: 1, reviews_left: 5 }, HashSet::new());
        let mut seen = Vec::new();
        while let Some(i) = q.next(&items, now) {
            seen.push(i);
            let before = items[i].schedule.state;
            items[i].schedule = card(State::Review, Some(0), Some(20)); // answered: due later
            q.answered(&items, i, before, day_end, false);
        }
        // New limit 1: only card 0 of the two new cards; card 4 is shown early as learn-ahead.
        assert_eq!(seen, vec![2, 3, 1, 0, 4]);
    }

    #[test]
    fn new_card_rank_is_a_fixed_hash_of_the_key() {
        // FNV-1a 64 over "new_card_order", 0xff, the key, 0xff: computed by hand in Python.
        assert_eq!(new_card_rank("s/n01"), 12_115_918_073_455_124_424);
        assert_eq!(new_card_rank("korea-2025-chronology/martial-law-date"), 12_112_255_563_953_050_039);
    }

    #[test]
    fn siblings_of_an_answered_card_leave_the_queue() {
        let cards = [card(State::New, None, None), card(State::New, None, None), card(State::New, None, None)];
        let notes = [0, 0, 1];
        let items: Vec<QueueItem> = cards
            .iter()
            .enumerate()
            .map(|(i, s)| QueueItem { order: i, note: notes[i], schedule: s.clone(), unburied: false })
            .collect();
        let mut q = Queue::build(&items, StudyDay(1), 10, Limits { new_left: 10, reviews_left: 10 }, HashSet::new());
        assert_eq!(q.next(&items, 0), Some(0));
        q.answered(&items, 0, State::New, 10, true);
        assert_eq!(q.next(&items, 0), Some(2));
        // Built with note 0 already answered today: its siblings are not queued.
        let q = Queue::build(&items, StudyDay(1), 10, Limits { new_left: 10, reviews_left: 10 }, HashSet::from([0]));
        assert_eq!(q.remaining(), (1, 0, 0));
    }
}
