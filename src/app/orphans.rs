//! Orphans: history whose card is gone from the decks, and the policy for pruning it. Nothing is
//! deleted because a file is missing: only the history of notes gone from decks that are
//! loaded (and have cards) may be pruned, and only if the deck files did not change since the
//! list was made.

use std::collections::HashSet;

use crate::store::{LearnerId, Storage};
use crate::{Error, Result};

use super::Paths;

/// A card key with history that is in no deck now.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Orphan {
    pub key: String,
    /// Rows in the review log (of any kind).
    pub reviews: u32,
    /// Whether its deck is loaded (the note is gone from it); false when the whole deck is
    /// missing, which may only mean its file is.
    pub deck_loaded: bool,
}

/// Every orphan of the synced store, by key. A row without reviews has no history to keep or
/// lose and is left out.
pub fn find_orphans(store: &dyn Storage, learner: LearnerId) -> Result<Vec<Orphan>> {
    let cards = store.cards_in_decks(learner)?;
    let present: HashSet<&str> = cards.iter().map(|c| c.key.as_str()).collect();
    // Decks with cards: an emptied (or half-saved) file counts as not loaded, so its notes'
    // history is never pruned for it.
    let decks: HashSet<&str> = cards.iter().map(|c| c.deck.as_str()).collect();
    let mut orphans: Vec<Orphan> = store
        .review_counts(learner)?
        .into_iter()
        .filter(|(key, n)| *n > 0 && !present.contains(key.as_str()))
        .map(|(key, reviews)| {
            let deck_loaded = decks.contains(crate::deck::key::deck_of(&key));
            Orphan { key, reviews, deck_loaded }
        })
        .collect();
    orphans.sort();
    Ok(orphans)
}

/// The keys whose history `prune` may delete: orphans of loaded decks only.
pub fn prunable(orphans: &[Orphan]) -> Vec<String> {
    orphans.iter().filter(|o| o.deck_loaded).map(|o| o.key.clone()).collect()
}

/// Deletes the history of `keys` (from `prunable`), unless the deck files changed since the
/// store was synced (`Error::DecksChanged`, nothing deleted): a file saved meanwhile may have brought
/// a note back. The caller holds the session lock (`Access::Exclusive`) from the sync on.
/// Returns how many cards' history was deleted.
pub fn prune(paths: &Paths, store: &mut dyn Storage, learner: LearnerId, keys: &[String]) -> Result<usize> {
    if paths.decks_changed(store, learner)? {
        return Err(Error::DecksChanged);
    }
    store.delete_cards(learner, keys)?;
    Ok(keys.len())
}
