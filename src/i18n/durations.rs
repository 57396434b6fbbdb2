//! Durations for people: the engines and the scheduler give seconds (`interval_secs`); this is
//! the one place that words them, in a language: `45s`, `10m`, `3h`, `5d`, `2.5mo`, `1.2y`
//! (Japanese as Anki's Japanese interface: `45秒`, `10分`, `3時間`, `5日`, `2.5ヶ月`, `1.2年`), and
//! time spent, `1m 7s` / `1分7秒`.

use super::Lang;

/// `secs` in the largest unit under which it fits, in `lang` (a month is 30.4375 days, a year
/// 365.25; months and years with one decimal, without a trailing `.0`). Negative is 0.
pub fn human_interval_in(lang: Lang, secs: i64) -> String {
    let secs = secs.max(0) as f64;
    let whole = |v: f64| format!("{v:.0}");
    if secs < 60.0 {
        crate::tr_in!(lang, "time-secs", n = whole(secs))
    } else if secs < 3600.0 {
        crate::tr_in!(lang, "time-mins", n = whole(secs / 60.0))
    } else if secs < 86_400.0 {
        crate::tr_in!(lang, "time-hours", n = whole(secs / 3600.0))
    } else if secs < 30.0 * 86_400.0 {
        crate::tr_in!(lang, "time-days", n = whole(secs / 86_400.0))
    } else if secs < 365.0 * 86_400.0 {
        crate::tr_in!(lang, "time-months", n = trim_decimal(secs / (30.4375 * 86_400.0)))
    } else {
        crate::tr_in!(lang, "time-years", n = trim_decimal(secs / (365.25 * 86_400.0)))
    }
}

/// [`human_interval_in`] the process language.
pub fn human_interval(secs: i64) -> String {
    human_interval_in(super::lang(), secs)
}

/// Time spent (a session, a day, in all) in `lang`, the one format of every screen: `45s`,
/// `1m 7s`, `2h 5m` / `45秒`, `1分7秒`, `2時間5分`. Negative counts as zero.
pub fn time_spent_in(lang: Lang, secs: i64) -> String {
    let secs = secs.max(0);
    if secs >= 3600 {
        crate::tr_in!(lang, "time-spent-hours-mins", h = secs / 3600, m = secs / 60 % 60)
    } else if secs >= 60 {
        crate::tr_in!(lang, "time-spent-mins-secs", m = secs / 60, s = secs % 60)
    } else {
        crate::tr_in!(lang, "time-spent-secs", s = secs)
    }
}

/// `time_spent_in` in the current language.
pub fn time_spent(secs: i64) -> String {
    time_spent_in(super::lang(), secs)
}

/// One decimal, without a trailing `.0`.
fn trim_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_in_both_languages() {
        let en = |secs| human_interval_in(Lang::En, secs);
        assert_eq!(
            (en(600), en(3 * 86_400), en(61 * 86_400), en(498 * 86_400)),
            ("10m".into(), "3d".into(), "2mo".into(), "1.4y".into())
        );
        // Japanese as Anki's Japanese interface writes them.
        let ja = |secs| human_interval_in(Lang::Ja, secs);
        assert_eq!((ja(45), ja(600), ja(3 * 3600)), ("45秒".into(), "10分".into(), "3時間".into()));
        assert_eq!(
            (ja(3 * 86_400), ja(76 * 86_400), ja(498 * 86_400)),
            ("3日".into(), "2.5ヶ月".into(), "1.4年".into())
        );
    }

    #[test]
    fn time_spent_has_one_format_in_each_language() {
        // 67 s = 1 min 7 s; 7,500 s = 2 h 5 min (the seconds dropped).
        let both = |secs| (time_spent_in(Lang::En, secs), time_spent_in(Lang::Ja, secs));
        assert_eq!(both(0), ("0s".into(), "0秒".into()));
        assert_eq!(both(45), ("45s".into(), "45秒".into()));
        assert_eq!(both(67), ("1m 7s".into(), "1分7秒".into()));
        assert_eq!(both(3600), ("1h 0m".into(), "1時間0分".into()));
        assert_eq!(both(7_500), ("2h 5m".into(), "2時間5分".into()));
        assert_eq!(both(-5), ("0s".into(), "0秒".into()));
    }
}
