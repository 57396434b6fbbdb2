//! Dates typed on the command line (`break`, `plan --exam-date`): every form a date answer may
//! take (2027-01-20, 2027/1/20, 2027年1月20日, 令和9年1月20日, 20 January 2027, Jan 20, 2027), read by
//! the answer module's date reader so the two never disagree. Only a whole day is a date here.

use chrono::NaiveDate;

use crate::answer::date::{self, PartialDate};
use crate::answer::normalize::fold;
use crate::{Error, Result};

/// The calendar day `text` names. `what` names the argument in the error (e.g. `--exam-date`).
/// Returns `Error::Input` when it is not a whole, existing day.
pub fn parse_day(what: &str, text: &str) -> Result<NaiveDate> {
    match date::parse(&fold(text)) {
        Some(PartialDate { short_year: true, .. }) => {
            Err(Error::Input(format!("{what}: '{text}' has a two-digit year; write the year in full, e.g. 2027-01-20")))
        }
        Some(PartialDate { year, month: Some(month), day: Some(day), .. }) => NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| Error::Input(format!("{what}: '{text}' is not a day of the calendar"))),
        Some(_) => Err(Error::Input(format!("{what}: '{text}' names no day; write the day too, e.g. 2027-01-20"))),
        None => Err(Error::Input(format!(
            "{what}: '{text}' is not a date; write e.g. 2027-01-20, 2027年1月20日 or 20 January 2027"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_answers_accept() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
        for text in [
            "2027-01-20",
            "2027/1/20",
            "2027年1月20日",
            "２０２７年１月２０日",
            "20 January 2027",
            "Jan 20, 2027",
            "令和9年1月20日",
        ] {
            assert_eq!(parse_day("d", text).unwrap(), day, "{text}");
        }
        assert!(parse_day("d", "2027-01").is_err(), "a month is not a day");
        assert!(parse_day("d", "2027-02-30").is_err());
        assert!(parse_day("d", "soon").is_err());
        assert!(parse_day("d", "27年1月20日").is_err(), "a two-digit year names no century here");
    }
}
