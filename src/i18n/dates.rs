//! Dates and weekdays for people: ISO `2025-05-21` and `Wed` in English, `2025年5月21日` and
//! `(水)` in Japanese.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use super::Lang;

/// The date in `lang`: `2025-05-21` / `2025年5月21日`.
pub fn date_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%Y-%m-%d").to_string(),
        Lang::Ja => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// The date with its weekday in `lang`: `2025-05-21 (Wed)` / `2025年5月21日(水)`.
pub fn date_weekday_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => format!("{} ({})", date_in(lang, date), weekday_in(lang, date.weekday())),
        Lang::Ja => format!("{}({})", date_in(lang, date), weekday_in(lang, date.weekday())),
    }
}

/// The weekday's short name in `lang`: `Wed` / `水`.
pub fn weekday_in(lang: Lang, day: Weekday) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::En => EN[i],
        Lang::Ja => JA[i],
    }
}

/// A day as lists and plans show it: ISO `2025-05-21` in English (as kioku always wrote it),
/// `2025年5月21日(水)` in Japanese.
pub fn day_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date_in(lang, date),
        Lang::Ja => date_weekday_in(lang, date),
    }
}

/// A moment for people, to the minute: `2025-05-21 09:00` in English, `2025年5月21日(水) 09:00` in
/// Japanese (JSON keeps RFC 3339).
pub fn date_time_in(lang: Lang, moment: NaiveDateTime) -> String {
    format!("{} {}", day_in(lang, moment.date()), moment.format("%H:%M"))
}

/// `date_time_in` in the current language.
pub fn date_time(moment: NaiveDateTime) -> String {
    date_time_in(super::lang(), moment)
}

/// The widest `date_time` can be in the current language (display columns), to align a column.
pub fn date_time_width() -> usize {
    let widest = NaiveDate::from_ymd_opt(2000, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 0)).unwrap_or_default();
    unicode_width::UnicodeWidthStr::width(date_time(widest).as_str())
}

/// `day_in` in the current language.
pub fn day(date: NaiveDate) -> String {
    day_in(super::lang(), date)
}

/// `date_in` in the current language.
pub fn date(date: NaiveDate) -> String {
    date_in(super::lang(), date)
}

/// `weekday_in` in the current language.
pub fn weekday(day: Weekday) -> &'static str {
    weekday_in(super::lang(), day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_each_language_writes_them() {
        // 2025-05-21, the essay's date, was a Wednesday.
        let d = NaiveDate::from_ymd_opt(2025, 5, 21).unwrap();
        assert_eq!(date_in(Lang::En, d), "2025-05-21");
        assert_eq!(date_in(Lang::Ja, d), "2025年5月21日");
        assert_eq!(date_weekday_in(Lang::Ja, d), "2025年5月21日(水)");
        assert_eq!(date_weekday_in(Lang::En, d), "2025-05-21 (Wed)");
        assert_eq!(weekday_in(Lang::Ja, Weekday::Sun), "日");
        assert_eq!((day_in(Lang::En, d), day_in(Lang::Ja, d)), ("2025-05-21".into(), "2025年5月21日(水)".into()));
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(date_time_in(Lang::En, t), "2025-05-21 09:05");
        assert_eq!(date_time_in(Lang::Ja, t), "2025年5月21日(水) 09:05");
    }
}
