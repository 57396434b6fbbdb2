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
        Some(PartialDate { short_year: true, .. }) => Err(date_error("errors-date-short-year", what, text)),
        Some(PartialDate { year, month: Some(month), day: Some(day), .. }) => {
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| date_error("errors-date-no-such-day", what, text))
        }
        Some(_) => Err(date_error("errors-date-no-day", what, text)),
        None => Err(date_error("errors-date-invalid", what, text)),
    }
}

/// The message `key` about `text` given as `what`.
fn date_error(key: &str, what: &str, text: &str) -> Error {
    Error::Input(crate::tr!(key, what = what, text = text))
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
