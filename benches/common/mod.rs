//! Shared by the benches: a generated collection, synced into a store.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use kioku::testing::deck::{self, DeckSource};
use kioku::testing::store::{LearnerId, Store};

/// A deck of `cards` front/back notes in a temporary folder, loaded and synced into a store
/// opened at `start`. Returns the folder (deleted when dropped) and the database's path.
pub fn synced_collection(cards: usize, start: DateTime<Utc>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("decks")).unwrap();
    let mut text = String::from("deck: bench\ncards:\n");
    for i in 0..cards {
        text.push_str(&format!("  - id: n{i}\n    front: \"問題 {i}\"\n    back: \"答え {i}\"\n"));
    }
    std::fs::write(dir.path().join("decks/bench.yaml"), text).unwrap();
    let collection = deck::load(&DeckSource::Dir(dir.path().join("decks"))).unwrap();
    let all: Vec<_> = collection.decks.iter().flat_map(deck::expand).collect();
    assert_eq!(all.len(), cards);
    let path = dir.path().join("bench.sqlite3");
    Store::open(&path, start).unwrap().sync_cards(LearnerId::PERSONAL, &all, start.timestamp_millis()).unwrap();
    (dir, path)
}
