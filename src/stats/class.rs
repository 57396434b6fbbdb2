//! The class view (pure): several students' review logs merged into a table of cards by
//! difficulty — lapse rate, share answered again, mean retrievability now, students — hardest
//! first. Memory states come from each student's own history with FSRS-6's default parameters.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use fsrs::{FSRSItem, FSRSReview};
use serde::Serialize;

use crate::scheduler::DayClock;

/// One scheduled answer from a student's export.
#[derive(Clone, Debug)]
pub struct StudentAnswer {
    pub student: usize,
    pub card: String,
    pub at: DateTime<Utc>,
    pub rating: u8,
    /// The card's state before the answer: 0 new, 1 learning, 2 review, 3 relearning.
    pub state: u8,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CardDifficulty {
    pub card: String,
    pub students: usize,
    pub answers: usize,
    /// Again on review cards ÷ answers on review cards; None without review answers.
    pub lapse_rate: Option<f64>,
    /// Again ÷ all answers.
    pub again_share: f64,
    /// Mean over students of the card's retrievability at `now`.
    pub mean_retrievability: Option<f64>,
}

/// The table, hardest first (highest lapse rate, then share again, then lowest recall).
pub fn difficulty(answers: &[StudentAnswer], now: DateTime<Utc>, days: &DayClock) -> Vec<CardDifficulty> {
    let fsrs = fsrs::FSRS::new(&fsrs::DEFAULT_PARAMETERS).ok();
    let mut by_card: BTreeMap<&str, BTreeMap<usize, Vec<&StudentAnswer>>> = BTreeMap::new();
    for a in answers.iter().filter(|a| (1..=4).contains(&a.rating)) {
        by_card.entry(&a.card).or_default().entry(a.student).or_default().push(a);
    }
    let today = days.study_day(now);
    let mut table: Vec<CardDifficulty> = by_card
        .into_iter()
        .map(|(card, students)| {
            let all: Vec<&&StudentAnswer> = students.values().flatten().collect();
            let review: Vec<_> = all.iter().filter(|a| a.state == 2).collect();
            let again = all.iter().filter(|a| a.rating == 1).count();
            let lapses = review.iter().filter(|a| a.rating == 1).count();
            let recalls: Vec<f64> = students
                .values()
                .filter_map(|history| {
                    let mut sorted = history.clone();
                    sorted.sort_by_key(|a| a.at);
                    let mut last = None;
                    let reviews: Vec<FSRSReview> = sorted
                        .iter()
                        .map(|a| {
                            let day = days.study_day(a.at);
                            let delta_t = last.map_or(0, |l| day.days_since(l));
                            last = Some(day);
                            FSRSReview { rating: a.rating as u32, delta_t }
                        })
                        .collect();
                    let memory = fsrs.as_ref()?.memory_state(FSRSItem { reviews }, None).ok()?;
                    let elapsed = today.days_since(last?) as f32;
                    Some(fsrs::current_retrievability(memory, elapsed, fsrs::DEFAULT_PARAMETERS[20]) as f64)
                })
                .collect();
            CardDifficulty {
                card: card.to_string(),
                students: students.len(),
                answers: all.len(),
                lapse_rate: (!review.is_empty()).then(|| lapses as f64 / review.len() as f64),
                again_share: again as f64 / all.len().max(1) as f64,
                mean_retrievability: (!recalls.is_empty()).then(|| recalls.iter().sum::<f64>() / recalls.len() as f64),
            }
        })
        .collect();
    table.sort_by(|a, b| {
        b.lapse_rate
            .unwrap_or(0.0)
            .total_cmp(&a.lapse_rate.unwrap_or(0.0))
            .then(b.again_share.total_cmp(&a.again_share))
            .then(a.mean_retrievability.unwrap_or(1.0).total_cmp(&b.mean_retrievability.unwrap_or(1.0)))
    });
    table
}

/// Reads one student's `kioku export reviews` file (`name` for messages): the answers of kind
/// review (cram, exam and manual rows say nothing about memory), keys with the CSV formula guard
/// taken off. Returns `Error::Csv` naming the line of a row that is not such a row.
pub fn read_export(reader: impl std::io::Read, student: usize, name: &str) -> crate::Result<Vec<StudentAnswer>> {
    use crate::Error;
    let mut answers = Vec::new();
    let mut csv = csv::Reader::from_reader(reader);
    let columns = crate::csv_columns::Columns::read(&mut csv, name)?;
    let need = |h: &str| columns.need(h);
    let (key, time, rating, state) =
        (need("card_key")?, need("review_time")?, need("review_rating")?, need("review_state")?);
    let kind = columns.find("review_kind");
    for (i, record) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| crate::csv_columns::row_error(name, Some(line), &e))?;
        let field = |k: usize| record.get(k).unwrap_or("");
        if kind.is_some_and(|k| field(k) != "review") {
            continue; // cram, exam and manual rows say nothing about memory
        }
        let bad = || Error::Csv {
            file: name.to_string(),
            line: Some(line),
            problem: crate::error::CsvProblem::NotAReviewRow,
        };
        answers.push(StudentAnswer {
            student,
            card: crate::safe_text::csv_cell_read(field(key)).to_string(),
            at: field(time)
                .parse::<i64>()
                .ok()
                .and_then(DateTime::from_timestamp_millis)
                .filter(crate::scheduler::training::is_plausible_review_time)
                .ok_or_else(bad)?,
            rating: field(rating).parse().map_err(|_| bad())?,
            state: field(state).parse().map_err(|_| bad())?,
        });
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn hardest_first_from_three_students() {
        let t = |d: u32| Utc.with_ymd_and_hms(2025, 6, d, 10, 0, 0).unwrap();
        let a = |student, card: &str, day, rating, state| StudentAnswer {
            student,
            card: card.into(),
            at: t(day),
            rating,
            state,
        };
        let answers = vec![
            // "hard" card: every student forgets it on review.
            a(0, "d/hard", 1, 3, 0),
            a(0, "d/hard", 3, 1, 2),
            a(1, "d/hard", 1, 3, 0),
            a(1, "d/hard", 4, 1, 2),
            a(2, "d/hard", 2, 3, 0),
            a(2, "d/hard", 5, 3, 2),
            // "easy" card: remembered by all.
            a(0, "d/easy", 1, 3, 0),
            a(0, "d/easy", 3, 3, 2),
            a(1, "d/easy", 1, 4, 0),
            a(2, "d/easy", 1, 3, 0),
            a(2, "d/easy", 4, 3, 2),
        ];
        let days = DayClock::new(chrono_tz::UTC, 4);
        let table = difficulty(&answers, t(10), &days);
        assert_eq!(table[0].card, "d/hard");
        assert_eq!(table[0].students, 3);
        assert_eq!(table[0].lapse_rate, Some(2.0 / 3.0));
        assert!((table[0].again_share - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(table[1].lapse_rate, Some(0.0));
        assert!(table[1].mean_retrievability.unwrap() > table[0].mean_retrievability.unwrap());
    }
}
