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
    // 5/4/2027 is 5 April or May 4: say both readings and how to write each.
    let days: Vec<NaiveDate> = date::read(&fold(text))
        .iter()
        .filter_map(|d| NaiveDate::from_ymd_opt(d.year, d.month?, d.day?).filter(|_| !d.short_year))
        .collect();
    if let [first, second, ..] = days.as_slice() {
        let (first, second) = (first.format("%Y-%m-%d").to_string(), second.format("%Y-%m-%d").to_string());
        return Err(Error::Input(crate::tr!(
            "dates-ambiguous",
            what = what,
            text = text,
            first = first,
            second = second
        )));
    }
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
        // Day and month either way round only when one of them cannot be a month.
        assert_eq!(parse_day("d", "20/1/2027").unwrap(), day);
        assert_eq!(parse_day("d", "1/20/2027").unwrap(), day);
        let ambiguous = crate::i18n::with_lang(crate::i18n::Lang::En, || parse_day("--exam-date", "5/4/2027"));
        assert_eq!(
            ambiguous.unwrap_err().to_string(),
            "--exam-date: '5/4/2027' reads two ways, 2027-04-05 (day/month) or 2027-05-04 (month/day); \
             write the one you mean as 2027-04-05 or 2027-05-04"
        );
        let ja = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            parse_day("--exam-date", "5/4/2027").unwrap_err().to_string()
        });
        assert!(ja.contains("2027-04-05") && ja.contains("2027-05-04") && ja.contains("二通り"), "{ja}");
    }
}
