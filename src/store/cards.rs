//! Cards: schedules, today's lists read through indexes, content, counts per deck and day.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use crate::deck::Card;
use crate::scheduler::{CardSchedule, StudyDay};
use crate::{Error, Result};

use super::*;

/// One of today's lists of cards (`Store::visit_cards`).
#[derive(Clone, Copy, Debug)]
pub enum CardList {
    /// (Re)learning cards due before this time (UTC ms).
    Learning { before_ms: i64 },
    /// Review cards due on or before this study day.
    Due { by: StudyDay },
    /// New cards.
    New,
}

/// A card in the decks as the store indexes it: no prompt or answer.
pub struct CardIndexRow {
    pub id: i64,
    pub key: String,
    pub deck: String,
    pub tags: Vec<String>,
    pub schedule: CardSchedule,
}

/// A card row that is in the decks: its id, deck, place in the deck and schedule; the card
/// itself is decoded on demand (`Store::stored_card`).
pub struct StoredCard {
    pub id: i64,
    pub deck: String,
    pub position: i64,
    pub schedule: CardSchedule,
    /// The row's version when read (see `Store::record_if_unchanged`).
    pub version: i64,
    content: String,
}
impl Store {
    /// One card's row id and schedule. Returns `Error::UnknownCard` when no card has `key`.
    pub fn schedule(&self, learner: LearnerId, key: &str) -> Result<(i64, CardSchedule)> {
        self.conn
            .query_row(
                &format!("SELECT id, {SCHEDULE_COLUMNS} FROM cards WHERE learner_id = ?2 AND key = ?1"),
                params![key, learner.0],
                |r| Ok((r.get(0)?, schedule_from_row(r, 1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| Error::UnknownCard { key: key.to_string(), similar: self.similar_keys(learner, key) })
    }

    /// Streams the cards of one of today's lists that are in the decks, in queue order, to
    /// `visit` until it returns false: (re)learning cards due before `before_ms` (by due time),
    /// review cards due by a study day (most overdue first, then deck order), or new cards (deck
    /// order). Reads through an index, so stopping early costs only the rows visited.
    /// Only cards of `decks` when it is not empty.
    pub fn visit_cards(
        &self,
        learner: LearnerId,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()> {
        let (condition, order, bound) = match list {
            CardList::Learning { before_ms } => ("state IN (1, 3) AND due_at_ms < ?1", "due_at_ms", before_ms),
            CardList::Due { by } => ("state = 2 AND due_day <= ?1", "due_day, deck, position", by.0 as i64),
            CardList::New => ("state = 0 AND ?1 = ?1", "deck, position", 0),
        };
        let in_decks = if decks.is_empty() {
            String::new()
        } else {
            format!(" AND deck IN ({})", (3..decks.len() + 3).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", "))
        };
        let sql = format!(
            "SELECT id, deck, position, (SELECT content FROM card_content WHERE card_id = cards.id), version, {SCHEDULE_COLUMNS}
             FROM cards WHERE learner_id = ?2 AND position IS NOT NULL AND {condition}{in_decks} ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let values: Vec<rusqlite::types::Value> = [bound.into(), learner.0.into()]
            .into_iter()
            .chain(decks.iter().map(|d| rusqlite::types::Value::Text(d.clone())))
            .collect();
        let mut rows = stmt.query(rusqlite::params_from_iter(values)).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = (|| {
                Ok(StoredCard {
                    id: r.get(0)?,
                    deck: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    position: r.get(2)?,
                    content: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    version: r.get(4)?,
                    schedule: schedule_from_row(r, 5)?,
                })
            })()
            .map_err(|e| self.err(e))?;
            if !visit(row)? {
                break;
            }
        }
        Ok(())
    }

    /// Every card in the decks, in deck order, without its content (for views of the whole
    /// collection, such as `stats`, that need no prompts).
    pub fn cards_in_decks(&self, learner: LearnerId) -> Result<Vec<CardIndexRow>> {
        let sql = format!(
            "SELECT id, key, deck, tags, {SCHEDULE_COLUMNS} FROM cards
             WHERE learner_id = ?1 AND position IS NOT NULL ORDER BY deck, position"
        );
        self.query_all(&sql, [learner.0], |r| {
            let (deck, tags) = deck_and_tags_at(r, 2)?;
            Ok(CardIndexRow { id: r.get(0)?, key: r.get(1)?, deck, tags, schedule: schedule_from_row(r, 4)? })
        })
    }

    /// The cards in the decks that `keep` accepts (by deck and tags), in deck order, each made
    /// by `make` from its row id, content and schedule (for `exam` and `cram`, which show any
    /// card in scope; made in place, as a whole collection of cards is large).
    pub fn cards_with_content<T>(
        &self,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
        mut make: impl FnMut(i64, Card, CardSchedule) -> T,
    ) -> Result<Vec<T>> {
        let sql = format!(
            "SELECT id, deck, tags, (SELECT content FROM card_content WHERE card_id = cards.id), {SCHEDULE_COLUMNS}
             FROM cards WHERE learner_id = ?1 AND position IS NOT NULL ORDER BY deck, position"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query([learner.0]).map_err(|e| self.err(e))?;
        let mut cards = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let (id, (deck, tags)) =
                (r.get(0).map_err(|e| self.err(e))?, deck_and_tags_at(r, 1).map_err(|e| self.err(e))?);
            if !keep(&deck, &tags) {
                continue;
            }
            let content: Option<String> = r.get(3).map_err(|e| self.err(e))?;
            let schedule = schedule_from_row(r, 4).map_err(|e| self.err(e))?;
            let row = StoredCard { id, deck, position: 0, schedule, version: 0, content: content.unwrap_or_default() };
            let card = self.stored_card(&row)?;
            cards.push(make(id, card, row.schedule));
        }
        Ok(cards)
    }

    /// The card stored with a row (`card_content`). Returns `Error::Database` when it cannot be
    /// read back (a damaged row).
    pub fn stored_card(&self, row: &StoredCard) -> Result<Card> {
        serde_json::from_str(&row.content).map_err(|_| Error::Database {
            path: self.path.clone(),
            message: format!(
                "card row {} cannot be read back; remove the deck file records with \
                 `sqlite3 <db> 'DELETE FROM deck_files'` so the decks are read again, or restore a backup",
                row.id
            ),
        })
    }

    /// Ids of the decks of every deck file read (a deck without cards included), sorted.
    pub fn file_deck_ids(&self, learner: LearnerId) -> Result<Vec<String>> {
        self.query_all(
            "SELECT DISTINCT deck_id FROM deck_files WHERE learner_id = ?1 ORDER BY deck_id",
            [learner.0],
            |r| r.get(0),
        )
    }

    /// Every tag of the cards in the decks (only of the decks `only` accepts), sorted, each once.
    pub fn tags(&self, learner: LearnerId, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT deck, tags FROM cards
                 WHERE learner_id = ?1 AND position IS NOT NULL AND tags IS NOT NULL",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], deck_and_tags).map_err(|e| self.err(e))?;
        let mut tags = std::collections::BTreeSet::new();
        for row in rows {
            let (deck, list) = row.map_err(|e| self.err(e))?;
            if only(&deck) {
                tags.extend(list);
            }
        }
        Ok(tags.into_iter().collect())
    }

    /// Per deck (sorted by id): cards available on `today` that are (new, (re)learning due
    /// before `day_end_ms`, review due by `today`), before any daily limit.
    pub fn due_counts(
        &self,
        learner: LearnerId,
        today: StudyDay,
        day_end_ms: i64,
    ) -> Result<Vec<(String, [usize; 3])>> {
        let sql = "SELECT deck,
                          coalesce(sum(available AND state = 0), 0),
                          coalesce(sum(available AND state IN (1, 3) AND due_at_ms < ?2), 0),
                          coalesce(sum(available AND state = 2 AND due_day <= ?1), 0)
                   FROM (SELECT deck, state, due_at_ms, due_day,
                                suspended = 0 AND (buried_until_day IS NULL OR buried_until_day <= ?1) AS available
                         FROM cards WHERE learner_id = ?3 AND position IS NOT NULL AND deck IS NOT NULL)
                   GROUP BY deck ORDER BY deck";
        self.query_all(sql, params![today.0, day_end_ms, learner.0], |r| {
            let count = |i| r.get::<_, i64>(i).map(|n| n as usize);
            Ok((r.get(0)?, [count(1)?, count(2)?, count(3)?]))
        })
    }

    /// Review cards in the decks per due study day.
    pub fn reviews_per_due_day(&self, learner: LearnerId) -> Result<HashMap<StudyDay, usize>> {
        let sql = "SELECT due_day, count(*) FROM cards
                   WHERE learner_id = ?1 AND state = 2 AND position IS NOT NULL AND due_day IS NOT NULL GROUP BY due_day";
        self.query_all(sql, [learner.0], |r| Ok((StudyDay(r.get(0)?), r.get::<_, i64>(1)? as usize)))
    }

    /// Deck and tags of the cards in the decks due on study day `day` (which runs from
    /// `start_ms` to `end_ms`, UTC): review cards due that day and (re)learning cards due within
    /// it, available then.
    pub fn due_on(
        &self,
        learner: LearnerId,
        day: StudyDay,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<(String, Vec<String>)>> {
        let mut found = Vec::new();
        // Two queries, so each reads through an index.
        let lists = [
            ("state = 2 AND due_day = ?1 AND ?2 = ?2 AND ?3 = ?3", [day.0 as i64, 0, 0, learner.0]),
            ("state IN (1, 3) AND due_at_ms >= ?2 AND due_at_ms < ?3", [day.0 as i64, start_ms, end_ms, learner.0]),
        ];
        for (condition, bounds) in lists {
            let sql = format!(
                "SELECT deck, tags FROM cards WHERE learner_id = ?4 AND {condition} AND position IS NOT NULL AND suspended = 0
                 AND (buried_until_day IS NULL OR buried_until_day <= ?1)"
            );
            found.extend(self.query_all::<_, _, Vec<_>>(&sql, bounds, deck_and_tags)?);
        }
        Ok(found)
    }

    /// Deck and tags of every new card in the decks that is available on `today`.
    pub fn new_card_tags(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<(String, Vec<String>)>> {
        let sql = "SELECT deck, tags FROM cards
                   WHERE learner_id = ?2 AND state = 0 AND position IS NOT NULL AND suspended = 0
                   AND (buried_until_day IS NULL OR buried_until_day <= ?1)";
        self.query_all(sql, params![today.0, learner.0], deck_and_tags)
    }

    /// Up to five card keys that start with, or contain, `key` (for "did you mean").
    fn similar_keys(&self, learner: LearnerId, key: &str) -> Vec<String> {
        let Ok(mut stmt) = self.conn.prepare("SELECT key FROM cards WHERE learner_id = ?1") else {
            return Vec::new();
        };
        let keys: Vec<String> = stmt
            .query_map([learner.0], |r| r.get(0))
            .map(|rows| rows.filter_map(|r| r.ok()).collect())
            .unwrap_or_default();
        crate::deck::key::similar(&keys, key)
    }

    /// Rows in the log per card key.
    pub fn review_counts(&self, learner: LearnerId) -> Result<HashMap<String, u32>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.key, count(r.id) FROM cards c LEFT JOIN reviews r ON r.card_id = c.id
                 WHERE c.learner_id = ?1 GROUP BY c.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([learner.0], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Deletes cards and their whole history, in one transaction (`orphans --prune`).
    pub fn delete_cards(&mut self, learner: LearnerId, keys: &[String]) -> Result<()> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        for key in keys {
            tx.execute(
                "DELETE FROM reviews WHERE card_id = (SELECT id FROM cards WHERE learner_id = ?2 AND key = ?1)",
                params![key, learner.0],
            )
            .map_err(e)?;
            tx.execute("DELETE FROM cards WHERE learner_id = ?2 AND key = ?1", params![key, learner.0]).map_err(e)?;
        }
        tx.commit().map_err(e)
    }
}

impl CardStorage for Store {
    fn visit_cards(
        &self,
        learner: LearnerId,
        list: CardList,
        decks: &[String],
        visit: &mut dyn FnMut(StoredCard) -> Result<bool>,
    ) -> Result<()> {
        Store::visit_cards(self, learner, list, decks, visit)
    }
    /// The row names the card by id; whose it is was settled when the row was read.
    fn stored_card(&self, _learner: LearnerId, row: &StoredCard) -> Result<Card> {
        Store::stored_card(self, row)
    }
    fn new_card_tags(&self, learner: LearnerId, today: StudyDay) -> Result<Vec<(String, Vec<String>)>> {
        Store::new_card_tags(self, learner, today)
    }
    fn reviews_per_due_day(&self, learner: LearnerId) -> Result<HashMap<StudyDay, usize>> {
        Store::reviews_per_due_day(self, learner)
    }
    fn due_on(
        &self,
        learner: LearnerId,
        day: StudyDay,
        start_ms: i64,
        end_ms: i64,
    ) -> Result<Vec<(String, Vec<String>)>> {
        Store::due_on(self, learner, day, start_ms, end_ms)
    }
    fn cards_in_scope(
        &self,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
        visit: &mut dyn FnMut(i64, Card, CardSchedule),
    ) -> Result<()> {
        Store::cards_with_content(self, learner, keep, visit).map(|_: Vec<()>| ())
    }
    fn tags(&self, learner: LearnerId, only: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        Store::tags(self, learner, only)
    }
    fn cards_in_decks(&self, learner: LearnerId) -> Result<Vec<CardIndexRow>> {
        Store::cards_in_decks(self, learner)
    }
    fn review_counts(&self, learner: LearnerId) -> Result<HashMap<String, u32>> {
        Store::review_counts(self, learner)
    }
    fn delete_cards(&mut self, learner: LearnerId, keys: &[String]) -> Result<()> {
        Store::delete_cards(self, learner, keys)
    }
}
