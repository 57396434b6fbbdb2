//! Study days: the local date of (time − rollover hour), as in Anki. Review cards are due on a
//! study day; FSRS's elapsed days are counted in study days. Time zones come from chrono-tz's
//! compiled database, so results never depend on the machine's tz files.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// A study day, counted in days since 1970-01-01 (the local date of the day's start).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StudyDay(pub i32);

impl StudyDay {
    /// The calendar date this study day is named after.
    pub fn date(self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.0 + EPOCH_CE_DAYS).unwrap_or(NaiveDate::MIN)
    }

    pub fn from_date(date: NaiveDate) -> StudyDay {
        StudyDay(date.num_days_from_ce() - EPOCH_CE_DAYS)
    }

    /// Days from `earlier` to `self`, never negative (a clock set back gives 0).
    pub fn days_since(self, earlier: StudyDay) -> u32 {
        (self.0 - earlier.0).max(0) as u32
    }

    pub fn plus(self, days: u32) -> StudyDay {
        StudyDay(self.0.saturating_add(days.min(i32::MAX as u32) as i32))
    }
}

use chrono::Datelike;
const EPOCH_CE_DAYS: i32 = 719_163; // NaiveDate 1970-01-01 .num_days_from_ce()

/// The zone and rollover hour that turn instants into study days.
#[derive(Clone, Copy, Debug)]
pub struct DayClock {
    pub tz: Tz,
    /// Local hour (0–23) at which a study day begins.
    pub rollover_hour: u32,
}

impl DayClock {
    pub fn new(tz: Tz, rollover_hour: u32) -> DayClock {
        DayClock { tz, rollover_hour: rollover_hour.min(23) }
    }

    /// The study day containing instant `t`.
    pub fn study_day(&self, t: DateTime<Utc>) -> StudyDay {
        let local = t.with_timezone(&self.tz).naive_local();
        // At the very start of time (a hostile log's review_time) there is no earlier hour.
        let local = local.checked_sub_signed(Duration::hours(self.rollover_hour as i64)).unwrap_or(local);
        StudyDay::from_date(local.date())
    }

    /// The instant study day `day` begins: its date at the rollover hour, local time. In a DST gap
    /// the first valid instant after it; in a repeated hour, the earlier one.
    pub fn day_start(&self, day: StudyDay) -> DateTime<Utc> {
        let naive = day.date().and_hms_opt(self.rollover_hour, 0, 0).unwrap_or_default();
        let mut candidate = naive;
        for _ in 0..4 {
            match self.tz.from_local_datetime(&candidate) {
                LocalResult::Single(t) => return t.with_timezone(&Utc),
                LocalResult::Ambiguous(a, _) => return a.with_timezone(&Utc),
                LocalResult::None => candidate += Duration::minutes(30),
            }
        }
        Utc.from_utc_datetime(&naive)
    }

    /// The instant the study day containing `t` ends (the next day's start).
    pub fn day_end(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        self.day_start(self.study_day(t).plus(1))
    }

    /// The zone's offset from UTC at `t`, in seconds (stored beside each review time).
    pub fn utc_offset_secs(&self, t: DateTime<Utc>) -> i32 {
        self.tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn new_york_one_am_is_still_yesterday() {
        // 01:00 local on 2025-03-02 in New York is before the 04:00 rollover: study day 2025-03-01.
        let clock = DayClock::new(chrono_tz::America::New_York, 4);
        let t = utc("2025-03-02T06:00:00Z"); // 01:00 EST (UTC−5)
        assert_eq!(clock.study_day(t).date(), NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        let t = utc("2025-03-02T09:00:00Z"); // 04:00 EST
        assert_eq!(clock.study_day(t).date(), NaiveDate::from_ymd_opt(2025, 3, 2).unwrap());
    }

    #[test]
    fn berlin_across_october_dst_change() {
        // 2025-10-26: clocks go back from 03:00 CEST to 02:00 CET. Day starts at 04:00 local both days.
        let clock = DayClock::new(chrono_tz::Europe::Berlin, 4);
        let d25 = StudyDay::from_date(NaiveDate::from_ymd_opt(2025, 10, 25).unwrap());
        assert_eq!(clock.day_start(d25), utc("2025-10-25T02:00:00Z")); // 04:00 CEST = UTC+2
        assert_eq!(clock.day_start(d25.plus(1)), utc("2025-10-26T03:00:00Z")); // 04:00 CET = UTC+1
                                                                               // The 25th lasts 25 hours: 03:30 local on the 26th (after the change) is still the 25th.
        assert_eq!(clock.study_day(utc("2025-10-26T02:30:00Z")), d25);
        assert_eq!(clock.study_day(utc("2025-10-26T03:00:00Z")), d25.plus(1));
        assert_eq!(clock.utc_offset_secs(utc("2025-10-25T12:00:00Z")), 7200);
        assert_eq!(clock.utc_offset_secs(utc("2025-10-27T12:00:00Z")), 3600);
    }

    #[test]
    fn days_since_is_clamped() {
        assert_eq!(StudyDay(10).days_since(StudyDay(12)), 0);
        assert_eq!(StudyDay(12).days_since(StudyDay(10)), 2);
        assert_eq!(StudyDay::from_date(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), StudyDay(1));
    }
}
