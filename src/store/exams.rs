//! Finished exam papers.

use rusqlite::params;

use crate::Result;

use super::*;

/// One finished exam paper.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamRecord {
    pub taken_at_ms: i64,
    pub utc_offset_secs: i32,
    /// The seed that replays the paper (`kioku exam --seed`).
    pub seed: u64,
    pub scope: String,
    pub questions: u32,
    pub score: u32,
    pub duration_ms: i64,
    /// JSON array of {card, form, verdict}.
    pub results: String,
}
impl Store {
    /// Saves a finished exam paper.
    pub fn save_exam(&mut self, learner: LearnerId, exam: &ExamRecord) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO exams (taken_at_ms, utc_offset_secs, seed, scope, questions, score, duration_ms, results,
                                    learner_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    exam.taken_at_ms,
                    exam.utc_offset_secs,
                    exam.seed as i64,
                    exam.scope,
                    exam.questions,
                    exam.score,
                    exam.duration_ms,
                    exam.results,
                    learner.0
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Past exam papers, oldest first.
    pub fn exams(&self, learner: LearnerId) -> Result<Vec<ExamRecord>> {
        let sql = "SELECT taken_at_ms, utc_offset_secs, seed, scope, questions, score, duration_ms, results
                   FROM exams WHERE learner_id = ?1 ORDER BY id";
        self.query_all(sql, [learner.0], |r| {
            Ok(ExamRecord {
                taken_at_ms: r.get(0)?,
                utc_offset_secs: r.get(1)?,
                seed: r.get::<_, i64>(2)? as u64,
                scope: r.get(3)?,
                questions: r.get(4)?,
                score: r.get(5)?,
                duration_ms: r.get(6)?,
                results: r.get(7)?,
            })
        })
    }
}

impl ExamStorage for Store {
    fn save_exam(&mut self, learner: LearnerId, exam: &ExamRecord) -> Result<()> {
        Store::save_exam(self, learner, exam)
    }
}
