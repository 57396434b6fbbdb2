//! Column conversions shared by the store's queries: a card's schedule columns, deck and tags.

use rusqlite::{params, Connection, Row};

use crate::scheduler::{CardSchedule, State, StudyDay};

use super::LearnerId;

/// A row's deck and tags (JSON array) columns, the first two.
pub(super) fn deck_and_tags(r: &Row) -> rusqlite::Result<(String, Vec<String>)> {
    deck_and_tags_at(r, 0)
}

/// A row's deck and tags (JSON array) columns, at `first` and the next.
pub(super) fn deck_and_tags_at(r: &Row, first: usize) -> rusqlite::Result<(String, Vec<String>)> {
    let tags: Option<String> = r.get(first + 1)?;
    let tags = tags.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    Ok((r.get::<_, Option<String>>(first)?.unwrap_or_default(), tags))
}

pub(super) const SCHEDULE_COLUMNS: &str =
    "state, step, stability, difficulty, due_at_ms, due_day, last_review_at_ms, last_review_day, reps, lapses, suspended, buried_until_day, leech";

pub(super) fn schedule_from_row(r: &Row, first: usize) -> rusqlite::Result<CardSchedule> {
    let i = |n: usize| first + n;
    Ok(CardSchedule {
        state: r.get(i(0))?,
        step: r.get(i(1))?,
        stability: r.get(i(2))?,
        difficulty: r.get(i(3))?,
        due_at_ms: r.get(i(4))?,
        due_day: r.get(i(5))?,
        last_review_at_ms: r.get(i(6))?,
        last_review_day: r.get(i(7))?,
        reps: r.get(i(8))?,
        lapses: r.get(i(9))?,
        suspended: r.get(i(10))?,
        buried_until_day: r.get(i(11))?,
        leech: r.get(i(12))?,
    })
}

/// Writes card `card_id`'s schedule, if the card is `learner`'s (else nothing is written).
pub(super) fn write_schedule(
    conn: &Connection,
    learner: LearnerId,
    card_id: i64,
    s: &CardSchedule,
) -> rusqlite::Result<()> {
    write_schedule_if(conn, learner, card_id, None, s).map(drop)
}

/// Writes a card's schedule and raises its version, only if its version is `expected` (when
/// given): the stale-state check costs no statement of its own. Returns whether the row was
/// written (never when the card is not `learner`'s).
pub(super) fn write_schedule_if(
    conn: &Connection,
    learner: LearnerId,
    card_id: i64,
    expected: Option<i64>,
    s: &CardSchedule,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE cards SET state = ?2, step = ?3, stability = ?4, difficulty = ?5, due_at_ms = ?6, due_day = ?7,
                last_review_at_ms = ?8, last_review_day = ?9, reps = ?10, lapses = ?11, suspended = ?12,
                buried_until_day = ?13, leech = ?14, version = version + 1
         WHERE id = ?1 AND learner_id = ?16 AND (?15 IS NULL OR version = ?15)",
        params![
            card_id,
            s.state,
            s.step,
            s.stability,
            s.difficulty,
            s.due_at_ms,
            s.due_day,
            s.last_review_at_ms,
            s.last_review_day,
            s.reps,
            s.lapses,
            s.suspended,
            s.buried_until_day,
            s.leech,
            expected,
            learner.0
        ],
    )?;
    Ok(changed == 1)
}

// Typed columns: a value kioku never writes is an error naming the column's type, never a
// silent default (an unknown state read as New would restart a card's schedule).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::ReviewKind;

impl ToSql for State {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_i64()))
    }
}

impl FromSql for State {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<State> {
        let n = value.as_i64()?;
        State::from_i64(n).ok_or(FromSqlError::OutOfRange(n))
    }
}

impl ToSql for StudyDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

impl FromSql for StudyDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<StudyDay> {
        i32::column_result(value).map(StudyDay)
    }
}

impl ToSql for ReviewKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ReviewKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<ReviewKind> {
        let text = value.as_str()?;
        ReviewKind::parse(text).ok_or_else(|| FromSqlError::Other(format!("unknown review kind '{text}'").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value kioku never writes is an error, not a default.
    #[test]
    fn unknown_stored_values_are_errors() {
        let conn = Connection::open_in_memory().unwrap();
        let state: rusqlite::Result<State> = conn.query_row("SELECT 7", [], |r| r.get(0));
        assert!(state.is_err());
        let kind: rusqlite::Result<ReviewKind> = conn.query_row("SELECT 'reveiw'", [], |r| r.get(0));
        assert!(kind.is_err());
        for (sql, want) in [("SELECT 0", State::New), ("SELECT 3", State::Relearning)] {
            assert_eq!(conn.query_row(sql, [], |r| r.get::<_, State>(0)).unwrap(), want);
        }
        let kind: ReviewKind = conn.query_row("SELECT 'cram'", [], |r| r.get(0)).unwrap();
        assert_eq!(kind, ReviewKind::Cram);
        let day: StudyDay = conn.query_row("SELECT ?1", [StudyDay(20_000)], |r| r.get(0)).unwrap();
        assert_eq!(day, StudyDay(20_000));
    }
}
