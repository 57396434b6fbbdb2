//! Training FSRS on a learner's own history, as Anki's "Optimize" does: training items built
//! from the review log (one per review that falls on a new study day), parameters from the
//! `fsrs` crate's `compute_parameters`, and log loss / RMSE(bins) from its `evaluate`.
//! Pure: the log comes in as rows, the result goes out as numbers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use fsrs::{FSRSItem, FSRSReview};

use super::DayClock;
use crate::error::CsvProblem;
use crate::{Error, Result};

/// The crate returns its default parameters, silently, when given fewer items than this.
pub const MIN_ITEMS: usize = 8;

/// One scheduled answer from a review log (cram, exam and manual rows already left out).
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry {
    pub card: String,
    pub reviewed_at: DateTime<Utc>,
    /// 1–4.
    pub rating: u8,
}

/// Training items, Anki's way: per card in time order, elapsed days counted in study days
/// (`days`: zone and rollover hour); one item per review on a new study day (elapsed > 0),
/// holding the card's history up to and including that review. Items are in the order of their
/// last review, as Anki orders them: the crate weights recent items more.
pub fn training_items(entries: &[LogEntry], days: &DayClock) -> TrainingSet {
    let mut by_card: BTreeMap<&str, Vec<&LogEntry>> = BTreeMap::new();
    for e in entries.iter().filter(|e| (1..=4).contains(&e.rating)) {
        by_card.entry(e.card.as_str()).or_default().push(e);
    }
    let mut items = Vec::new();
    for (card_index, reviews) in by_card.values_mut().enumerate() {
        reviews.sort_by_key(|e| e.reviewed_at);
        let mut history: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
        let mut last_day = None;
        for e in reviews.iter() {
            let day = days.study_day(e.reviewed_at);
            let delta_t = last_day.map_or(0, |last| day.days_since(last));
            last_day = Some(day);
            history.push(FSRSReview { rating: e.rating as u32, delta_t });
            if history.len() > 1 && delta_t > 0 {
                items.push((e.reviewed_at, card_index as i64, FSRSItem { reviews: history.clone() }));
            }
        }
    }
    items.sort_by_key(|(at, card, _)| (*at, *card));
    TrainingSet {
        card_ids: items.iter().map(|(_, card, _)| *card).collect(),
        items: items.into_iter().map(|(_, _, item)| item).collect(),
    }
}

/// Training items and, parallel to them, a number per card (the crate groups a card's items).
#[derive(Clone, Debug, Default)]
pub struct TrainingSet {
    pub items: Vec<FSRSItem>,
    pub card_ids: Vec<i64>,
}

/// Whether a review time read from a file is one a review can have: from 1970 to 9999 (study
/// days and zones cannot be worked out at the far ends of what a time can hold).
pub fn is_plausible_review_time(t: &DateTime<Utc>) -> bool {
    (0..=253_402_300_799_999).contains(&t.timestamp_millis())
}

/// Reads a review log in the FSRS column layout (as from py-fsrs or an export of another tool):
/// columns found by header name — `card_id`, `review_rating` (1–4), `review_time` (epoch ms
/// or ISO-8601), and optionally `review_kind`, whose `cram`, `exam` and `manual` rows are left
/// out (and counted in `CsvLog::left_out`). Other columns (`review_duration`, `review_state`)
/// are ignored. Returns `Error::Csv` naming the line of the first bad row, or the missing column.
pub fn read_csv_log(reader: impl std::io::Read, name: &str) -> Result<CsvLog> {
    let mut csv = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(reader);
    let columns = crate::csv_columns::Columns::read(&mut csv, name)?;
    let (card, rating, time) = (columns.need("card_id")?, columns.need("review_rating")?, columns.need("review_time")?);
    let kind = columns.find("review_kind");
    let mut entries = Vec::new();
    let mut left_out = 0;
    for (i, record) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| crate::csv_columns::row_error(name, Some(line), &e))?;
        let at_line = |problem| Error::Csv { file: name.to_string(), line: Some(line), problem };
        let field = |k: usize| record.get(k).unwrap_or("");
        if kind.is_some_and(|k| matches!(field(k).to_ascii_lowercase().as_str(), "cram" | "exam" | "manual")) {
            left_out += 1;
            continue;
        }
        let rating: u8 = match field(rating).parse() {
            Ok(r @ 1..=4) => r,
            _ => return Err(at_line(CsvProblem::Rating(field(rating).to_string()))),
        };
        let text = field(time);
        let reviewed_at = match text.parse::<i64>() {
            Ok(ms) => DateTime::from_timestamp_millis(ms),
            Err(_) => DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc)),
        }
        .filter(is_plausible_review_time)
        .ok_or_else(|| at_line(CsvProblem::Time(crate::deck::diagnostic::shorten(text.to_string(), 40))))?;
        entries.push(LogEntry { card: field(card).to_string(), reviewed_at, rating });
    }
    Ok(CsvLog { entries, left_out })
}

/// A review log read from CSV: the scheduled answers, and how many cram, exam and manual rows
/// were left out.
#[derive(Clone, Debug, Default)]
pub struct CsvLog {
    pub entries: Vec<LogEntry>,
    pub left_out: usize,
}

/// How well parameters predict the items: log loss and RMSE(bins), lower is better.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

/// Evaluates `parameters` (21 values, FSRS-6) on `items`. Returns `Error::Scheduler` when there
/// are no items or the parameters are invalid.
pub fn evaluate(parameters: &[f32], items: &[FSRSItem]) -> Result<Fit> {
    let model = fsrs::FSRS::new(parameters).map_err(|e| Error::Scheduler(e.to_string()))?;
    let e = model.evaluate(items.to_vec(), |_| true).map_err(|e| Error::Scheduler(e.to_string()))?;
    Ok(Fit { log_loss: e.log_loss, rmse_bins: e.rmse_bins })
}

/// Trains FSRS-6 parameters on `items` (`compute_parameters`, short-term memory on). Returns
/// `Error::TooFewItems` saying how much history is needed when there are fewer than `MIN_ITEMS` items
/// (the crate would quietly return its defaults).
pub fn train(set: &TrainingSet) -> Result<Vec<f32>> {
    let items = &set.items;
    if items.len() < MIN_ITEMS {
        return Err(Error::TooFewItems { items: items.len(), needed: MIN_ITEMS });
    }
    let input = fsrs::ComputeParametersInput {
        train_set: items.to_vec(),
        card_ids: Some(set.card_ids.clone()),
        enable_short_term: true,
        ..Default::default()
    };
    fsrs::compute_parameters(input).map_err(|e| Error::Scheduler(e.to_string()))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn one_item_per_review_on_a_new_study_day() {
        let days = DayClock::new(chrono_tz::UTC, 4);
        let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2024, 5, d, h, 0, 0).unwrap();
        let e = |card: &str, t, rating| LogEntry { card: card.into(), reviewed_at: t, rating };
        let entries = vec![
            e("a", at(1, 10), 1),
            e("a", at(1, 10) + chrono::Duration::minutes(10), 3), // same day: no item
            e("a", at(2, 3), 3),                                  // 03:00 is still 1 May's study day
            e("a", at(3, 9), 3),                                  // new day: item of 4 reviews
            e("b", at(1, 10), 3),
            e("b", at(5, 10), 4),
            e("c", at(1, 10), 0), // manual row: ignored
        ];
        let set = training_items(&entries, &days);
        let items = &set.items;
        assert_eq!(items.len(), 2);
        let deltas: Vec<Vec<u32>> = items.iter().map(|i| i.reviews.iter().map(|r| r.delta_t).collect()).collect();
        assert_eq!(deltas, vec![vec![0, 0, 0, 2], vec![0, 4]]);
        assert!(train(&set).is_err(), "fewer than 8 items is refused, not silently defaulted");
    }

    #[test]
    fn csv_logs_by_header_name() {
        let text = "review_time,card_id,review_rating,review_kind\n1711684352250,7,3,review\n2024-03-30T20:32:32+00:00,7,1,\n2024-03-31T20:00:00Z,7,4,cram\n";
        let log = read_csv_log(text.as_bytes(), "log.csv").unwrap();
        assert_eq!(log.left_out, 1, "the cram row");
        let entries = log.entries;
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].reviewed_at,
            Utc.with_ymd_and_hms(2024, 3, 29, 3, 52, 32).unwrap() + chrono::Duration::milliseconds(250)
        );
        assert_eq!(entries[1].rating, 1);
        let err = read_csv_log("card_id,review_rating\n1,3\n".as_bytes(), "x.csv").err().unwrap();
        assert!(err.to_string().contains("no `review_time` column"));
        let err = read_csv_log("card_id,review_rating,review_time\n1,9,0\n".as_bytes(), "x.csv").err().unwrap();
        assert_eq!(err.to_string(), "x.csv:2: review_rating '9' is not 1-4");
    }

    /// The reference figures in shared/data/README.md, measured with the `fsrs` crate 6.6.2 on
    /// the same log (UTC, rollover 4): 6,276 items; default parameters log loss 0.4535,
    /// RMSE(bins) 0.0766; trained, in-sample, 0.4428 and 0.0450.
    #[test]
    fn reference_review_log_matches_published_figures() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revlog-sample-12k.csv");
        let file = std::fs::File::open(&path).expect("tests/data/revlog-sample-12k.csv");
        let entries = read_csv_log(file, "revlog-sample-12k.csv").unwrap().entries;
        assert_eq!(entries.len(), 12_580);
        let set = training_items(&entries, &DayClock::new(chrono_tz::UTC, 4));
        assert_eq!(set.items.len(), 6_276);
        let default = evaluate(&fsrs::DEFAULT_PARAMETERS, &set.items).unwrap();
        assert!((default.log_loss - 0.4535).abs() < 0.002, "{default:?}");
        assert!((default.rmse_bins - 0.0766).abs() < 0.002, "{default:?}");
        let trained = evaluate(&train(&set).unwrap(), &set.items).unwrap();
        assert!((trained.log_loss - 0.4428).abs() < 0.002, "{trained:?}");
        assert!((trained.rmse_bins - 0.0450).abs() < 0.002, "{trained:?}");
    }
}
