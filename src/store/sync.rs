//! Deck sync: the deck files' fingerprints and the one transaction that brings card rows in line
//! with the decks. Rows are never deleted here.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, OptionalExtension};

use crate::deck::{self, Card, FileCache, FileRecord, Scan};
use crate::{Error, Result};

use super::*;

/// One transaction syncing card rows and file records with the deck files. Rows are never
/// deleted here: a card gone from the decks keeps its row and history, with position NULL.
/// Order matters for `renamed_from`: mark what is gone first (`keep_only_decks`, `mark_gone` for
/// every changed deck), then `upsert_deck`, so history moves only from a card that is gone.
pub struct DeckSync<'a> {
    tx: rusqlite::Transaction<'a>,
    path: &'a Path,
    /// Whose card rows and file records are synced.
    learner: LearnerId,
}

impl DeckSync<'_> {
    fn err(&self, e: rusqlite::Error) -> Error {
        db_error(self.path, e)
    }

    /// Marks gone the rows of every deck not in `deck_ids` (its file was removed or renamed).
    pub fn keep_only_decks(&self, deck_ids: &[String]) -> Result<()> {
        let learner = self.learner.0;
        let mut stmt = self
            .tx
            .prepare("SELECT DISTINCT deck FROM cards WHERE learner_id = ?1 AND position IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let present: Vec<Option<String>> =
            stmt.query_map([learner], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(|e| self.err(e))?;
        for deck in present.into_iter().filter(|d| d.as_ref().is_none_or(|d| !deck_ids.contains(d))) {
            self.tx
                .execute(
                    "UPDATE cards SET position = NULL WHERE learner_id = ?2 AND deck IS ?1",
                    params![deck, learner],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Marks gone the rows of deck `deck` whose key is not in `keys` (its cards now).
    pub fn mark_gone(&self, deck: &str, keys: &HashSet<&str>) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT key FROM cards WHERE learner_id = ?2 AND deck = ?1 AND position IS NOT NULL")
            .map_err(|e| self.err(e))?;
        let present: Vec<String> = stmt
            .query_map(params![deck, self.learner.0], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        for key in present.iter().filter(|k| !keys.contains(k.as_str())) {
            self.tx
                .execute(
                    "UPDATE cards SET position = NULL WHERE learner_id = ?2 AND key = ?1",
                    params![key, self.learner.0],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Inserts or rewrites the rows of one deck's cards, given in deck order: deck, position, tags
    /// and content (rows already equal are not written). A card with `renamed_from` takes over
    /// the old key's row (and so its history) when that row is gone from the decks (and is not
    /// a card of a deck being synced now, `synced`, whose row may not be written yet) and the card
    /// has no history of its own.
    pub fn upsert_deck(&self, cards: &[Card], synced: &dyn Fn(&str) -> bool, now_ms: i64) -> Result<()> {
        let e = |e: rusqlite::Error| self.err(e);
        let mut upsert = self
            .tx
            .prepare_cached(
                "INSERT INTO cards (key, created_at_ms, deck, position, tags, learner_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (learner_id, key) DO UPDATE SET deck = ?3, position = ?4, tags = ?5
                 WHERE deck IS NOT ?3 OR position IS NOT ?4 OR tags IS NOT ?5",
            )
            .map_err(e)?;
        let mut upsert_content = self
            .tx
            .prepare_cached(
                "INSERT INTO card_content (card_id, content) SELECT id, ?2 FROM cards WHERE learner_id = ?3 AND key = ?1
                 ON CONFLICT (card_id) DO UPDATE SET content = ?2 WHERE content IS NOT ?2",
            )
            .map_err(e)?;
        let learner = self.learner.0;
        for (position, card) in cards.iter().enumerate() {
            if let Some(old) = card.renamed_from.as_deref() {
                let old_gone: Option<bool> = self
                    .tx
                    .query_row(
                        "SELECT position IS NULL FROM cards WHERE learner_id = ?2 AND key = ?1",
                        params![old, learner],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(e)?;
                if old_gone == Some(true) && !synced(old) {
                    let own_history: bool = self
                        .tx
                        .query_row(
                            "SELECT EXISTS (SELECT 1 FROM reviews r JOIN cards c ON c.id = r.card_id
                                            WHERE c.learner_id = ?2 AND c.key = ?1)",
                            params![card.key, learner],
                            |r| r.get(0),
                        )
                        .map_err(e)?;
                    if !own_history {
                        self.tx
                            .execute("DELETE FROM cards WHERE learner_id = ?2 AND key = ?1", params![card.key, learner])
                            .map_err(e)?;
                        self.tx
                            .execute(
                                "UPDATE cards SET key = ?1 WHERE learner_id = ?3 AND key = ?2",
                                params![card.key, old, learner],
                            )
                            .map_err(e)?;
                    }
                }
            }
            let tags = serde_json::to_string(&card.tags).map_err(|x| Error::Scheduler(x.to_string()))?;
            let content = serde_json::to_string(card).map_err(|x| Error::Scheduler(x.to_string()))?;
            upsert.execute(params![card.key, now_ms, card.deck, position as i64, tags, learner]).map_err(e)?;
            upsert_content.execute(params![card.key, content, learner]).map_err(e)?;
        }
        Ok(())
    }

    /// Remembers a file just read, with its deck.
    pub fn save_record(&self, r: &FileRecord) -> Result<()> {
        self.tx
            .execute(
                "INSERT OR REPLACE INTO deck_files (path, size, mtime_ns, hash, deck_id, checked_at_ms, learner_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![r.path, r.size as i64, r.mtime_ns, r.hash, r.deck_id, r.checked_at_ms, self.learner.0],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Updates the metadata of an unchanged file's record (size, mtime, when checked).
    pub fn refresh_record(&self, r: &FileRecord) -> Result<()> {
        self.tx
            .execute(
                "UPDATE deck_files SET size = ?2, mtime_ns = ?3, checked_at_ms = ?4 WHERE learner_id = ?5 AND path = ?1",
                params![r.path, r.size as i64, r.mtime_ns, r.checked_at_ms, self.learner.0],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Forgets the record of a file that is gone.
    pub fn forget_record(&self, path: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM deck_files WHERE learner_id = ?2 AND path = ?1", params![path, self.learner.0])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tx.commit().map_err(|e| db_error(path, e))
    }
}
impl Store {
    /// The fingerprints of the deck files read by earlier runs, by path.
    pub fn file_records(&self, learner: LearnerId) -> Result<FileCache> {
        let sql = "SELECT path, size, mtime_ns, hash, deck_id, checked_at_ms FROM deck_files WHERE learner_id = ?1";
        self.query_all(sql, [learner.0], |r| {
            let record = FileRecord {
                path: r.get(0)?,
                size: r.get::<_, i64>(1)? as u64,
                mtime_ns: r.get(2)?,
                hash: r.get(3)?,
                deck_id: r.get(4)?,
                checked_at_ms: r.get(5)?,
            };
            Ok((record.path.clone(), record))
        })
    }

    /// Starts the one transaction that brings card rows and file records in line with the deck
    /// files (`DeckSync`); nothing is written unless it is committed.
    pub fn begin_sync(&mut self, learner: LearnerId) -> Result<DeckSync<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_error(&self.path, e))?;
        Ok(DeckSync { tx, path: &self.path, learner })
    }

    /// Brings the card rows and file records in line with `scan`, in one transaction: records
    /// of gone files forgotten, `refreshed` ones updated, then (when files changed) every gone
    /// row marked first, so a renamed card finds its old row gone, and the changed decks' rows
    /// written. Nothing is written unless all of it is.
    pub fn apply_scan(
        &mut self,
        learner: LearnerId,
        scan: &Scan,
        refreshed: &[&FileRecord],
        now_ms: i64,
    ) -> Result<()> {
        let sync = self.begin_sync(learner)?;
        for path in &scan.gone {
            sync.forget_record(path)?;
        }
        for record in refreshed {
            sync.refresh_record(record)?;
        }
        if !scan.is_unchanged() {
            sync.keep_only_decks(&scan.deck_ids())?;
            for (deck, _) in &scan.changed {
                let cards = deck::expand(deck);
                sync.mark_gone(&deck.id, &cards.iter().map(|c| c.key.as_str()).collect())?;
            }
            // Whether a key is a card of a deck being synced (asked only for renamed cards whose
            // old row is gone: the deck is expanded again rather than every key kept in memory).
            let changed: HashMap<&str, &deck::Deck> = scan.changed.iter().map(|(d, _)| (d.id.as_str(), d)).collect();
            let synced = |key: &str| {
                let deck_id = deck::key::deck_of(key);
                changed.get(deck_id).is_some_and(|d| deck::expand(d).iter().any(|c| c.key == key))
            };
            for (deck, record) in &scan.changed {
                sync.upsert_deck(&deck::expand(deck), &synced, now_ms)?;
                sync.save_record(record)?;
            }
        }
        sync.commit()
    }

    /// Makes the rows match `cards`, every card of a collection with each deck's cards together
    /// in deck order (`DeckSync` for all decks at once; for tests and benchmarks).
    pub fn sync_cards(&mut self, learner: LearnerId, cards: &[Card], now_ms: i64) -> Result<()> {
        let mut decks: Vec<(&str, Vec<Card>)> = Vec::new();
        for card in cards {
            match decks.last_mut() {
                Some((deck, list)) if *deck == card.deck => list.push(card.clone()),
                _ => decks.push((&card.deck, vec![card.clone()])),
            }
        }
        let sync = self.begin_sync(learner)?;
        let ids: Vec<String> = decks.iter().map(|(d, _)| d.to_string()).collect();
        sync.keep_only_decks(&ids)?;
        for (deck, list) in &decks {
            sync.mark_gone(deck, &list.iter().map(|c| c.key.as_str()).collect())?;
        }
        let keys: HashSet<&str> = cards.iter().map(|c| c.key.as_str()).collect();
        for (_, list) in &decks {
            sync.upsert_deck(list, &|key| keys.contains(key), now_ms)?;
        }
        sync.commit()
    }
}

impl SyncStorage for Store {
    fn file_records(&self, learner: LearnerId) -> Result<FileCache> {
        Store::file_records(self, learner)
    }
    fn apply_scan(&mut self, learner: LearnerId, scan: &Scan, refreshed: &[&FileRecord], now_ms: i64) -> Result<()> {
        Store::apply_scan(self, learner, scan, refreshed, now_ms)
    }
}
