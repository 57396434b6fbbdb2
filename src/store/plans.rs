//! Exam plans (`kioku plan`).

use rusqlite::params;

use crate::scheduler::StudyDay;
use crate::Result;

use super::*;

/// An exam the learner studies for (`kioku plan`).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub id: i64,
    pub exam_day: StudyDay,
    /// Retrievability wanted at the start of the exam day, 0–1.
    pub target: f32,
    /// Deck ids in scope; empty = every deck.
    pub decks: Vec<String>,
    /// Tags in scope (any of them); empty = every card.
    pub tags: Vec<String>,
    pub created_at_ms: i64,
}

impl Plan {
    /// Whether `other` is the same exam: the same day and scope (decks and tags in any order).
    pub fn same_exam(&self, other: &Plan) -> bool {
        let sorted = |list: &[String]| {
            let mut list = list.to_vec();
            list.sort_unstable();
            list.dedup();
            list
        };
        self.exam_day == other.exam_day
            && sorted(&self.decks) == sorted(&other.decks)
            && sorted(&self.tags) == sorted(&other.tags)
    }

    /// Whether a card of `deck` with `tags` is studied for this exam.
    pub fn covers(&self, deck: &str, tags: &[String]) -> bool {
        crate::session::scope_covers(&self.decks, &self.tags, deck, tags)
    }

    /// "all decks", or the decks and tags in scope (`session::describe_scope`).
    pub fn describe(&self) -> String {
        crate::session::describe_scope(&self.decks, &self.tags)
    }
}
impl Store {
    /// Records an exam plan; returns its id.
    pub fn add_plan(&mut self, learner: LearnerId, plan: &Plan) -> Result<i64> {
        insert_plan(&self.conn, learner, plan).map_err(|e| self.err(e))
    }

    /// Records an exam plan and the review moves it makes (manual rows) in one transaction:
    /// all or nothing. A plan with an id (not 0) replaces the row of that id (the same exam
    /// recorded again), only when it is `learner`'s. Returns the plan's id.
    pub fn add_plan_with_moves(
        &mut self,
        learner: LearnerId,
        plan: &Plan,
        moves: &[CardMove],
        at: ReviewRowTime,
    ) -> Result<i64> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_error(&path, e))?;
        let id = if plan.id > 0 {
            tx.execute(
                "UPDATE plans SET target = ?2, created_at_ms = ?3 WHERE id = ?1 AND learner_id = ?4",
                params![plan.id, plan.target, plan.created_at_ms, learner.0],
            )
            .map_err(|e| db_error(&path, e))?;
            plan.id
        } else {
            insert_plan(&tx, learner, plan).map_err(|e| db_error(&path, e))?
        };
        super::breaks::write_moves(&tx, &path, learner, moves, at, "plan")?;
        tx.commit().map_err(|e| db_error(&path, e))?;
        Ok(id)
    }

    /// Every exam plan, by exam day.
    pub fn plans(&self, learner: LearnerId) -> Result<Vec<Plan>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, exam_day, target, decks, tags, created_at_ms FROM plans
                 WHERE learner_id = ?1 ORDER BY exam_day, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([learner.0], |r| {
                // An unreadable scope is an error: read as empty it would widen the plan to
                // every deck.
                let list = |i: usize| -> rusqlite::Result<Vec<String>> {
                    let text: String = r.get(i)?;
                    serde_json::from_str(&text).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
                    })
                };
                Ok(Plan {
                    id: r.get(0)?,
                    exam_day: StudyDay(r.get(1)?),
                    target: r.get(2)?,
                    decks: list(3)?,
                    tags: list(4)?,
                    created_at_ms: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Removes plan `id`; false when there is none.
    pub fn remove_plan(&mut self, learner: LearnerId, id: i64) -> Result<bool> {
        let sql = "DELETE FROM plans WHERE id = ?1 AND learner_id = ?2";
        Ok(self.conn.execute(sql, [id, learner.0]).map_err(|e| self.err(e))? == 1)
    }
}

/// Inserts a plan row; returns its id.
fn insert_plan(conn: &rusqlite::Connection, learner: LearnerId, plan: &Plan) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO plans (exam_day, target, decks, tags, created_at_ms, learner_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plan.exam_day.0,
            plan.target,
            serde_json::to_string(&plan.decks).unwrap_or_default(),
            serde_json::to_string(&plan.tags).unwrap_or_default(),
            plan.created_at_ms,
            learner.0
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

impl PlanStorage for Store {
    fn plans(&self, learner: LearnerId) -> Result<Vec<Plan>> {
        Store::plans(self, learner)
    }
    fn add_plan_with_moves(
        &mut self,
        learner: LearnerId,
        plan: &Plan,
        moves: &[CardMove],
        at: ReviewRowTime,
    ) -> Result<i64> {
        Store::add_plan_with_moves(self, learner, plan, moves, at)
    }
}

#[cfg(test)]
mod tests {
    /// A damaged scope is refused, naming the file, instead of becoming "every deck".
    #[test]
    fn an_unreadable_plan_scope_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.sqlite3");
        let now = chrono::Utc::now();
        let mut store = super::Store::open(&path, now).unwrap();
        let plan = super::Plan {
            id: 0,
            exam_day: crate::scheduler::StudyDay(20_000),
            target: 0.9,
            decks: vec!["a".into()],
            tags: vec![],
            created_at_ms: 0,
        };
        let me = super::LearnerId::PERSONAL;
        store.add_plan(me, &plan).unwrap();
        assert_eq!(store.plans(me).unwrap()[0].decks, vec!["a".to_string()]);
        store.conn.execute("UPDATE plans SET decks = 'a,b'", []).unwrap();
        let err = store.plans(me).unwrap_err().to_string();
        assert!(err.contains("k.sqlite3"), "{err}");
    }
}
