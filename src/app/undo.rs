//! Undoing the newest review answer outside a session (`kioku undo`; a session has its own
//! undo). Only an answer that is still its card's newest row is undone: after a cram, exam,
//! suspend or bury of that card, undoing it would take back more than the answer.

use crate::store::{LearnerId, NewestReview, Storage};
use crate::Result;

use super::collection::take_lock;
use super::Access;

/// What `undo_last_review` did.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoOutcome {
    /// The answer was undone: its row deleted and the card's schedule before it restored.
    Undone(NewestReview),
    /// The newest review answer is followed by another row of its card: nothing was changed.
    NotNewest(NewestReview),
    /// The log holds no review answer: nothing was changed.
    NoReview,
}

/// Undoes the learner's newest review answer, under the session lock (a running session keeps
/// its cards in memory, so undo waits for it like any writing use case: `Error::Locked` after a
/// second).
pub fn undo_last_review(store: &mut dyn Storage, learner: LearnerId) -> Result<UndoOutcome> {
    let _lock = take_lock(store, learner, Access::Exclusive)?;
    let Some(newest) = store.newest_review(learner)? else {
        return Ok(UndoOutcome::NoReview);
    };
    if !newest.is_cards_newest {
        return Ok(UndoOutcome::NotNewest(newest));
    }
    store.undo(learner, newest.review_id)?;
    Ok(UndoOutcome::Undone(newest))
}
