//! Load balancing and easy days (pure): which day of a review's fuzz range it goes to.
//!
//! Anki 24.11 made fuzz prefer lighter days (its load balancer) and lets weekdays carry less
//! (Easy Days). We follow the rules its manual and the load-balancer discussion publish, in our
//! own form:
//! - **Weights.** Each day of the fuzz range gets weight `1 / ((1 + load)² · interval)`: the
//!   square makes a day with half the reviews four times as likely, so the daily counts even out;
//!   `1 / interval` leans towards the shorter intervals, because later days are emptier in a
//!   growing collection and without it balancing would drift reviews late and lose recall. The
//!   `+ 1` lets an empty day have a weight (Anki treats an empty day specially instead).
//! - **A weighted draw, not the lightest day.** Always taking the lightest day would put every
//!   card learned together on the same day again; the draw is seeded by the card's fuzz factor
//!   (a fixed hash of key and review count), so it is reproducible. With every weight equal it is
//!   exactly Anki's plain fuzz.
//! - **Easy days.** A weekday with share `s` (0–1) takes a review only while its load is under
//!   `s` × the mean load of the normal days in the range (at least `s` when they are empty); a
//!   share of 0 takes none. When no day qualifies, easy days are set aside for that card.
//!
//! Both act only where fuzz is on, so schedules with fuzz off stay exact.

use std::fmt;

use chrono::Datelike;

use super::StudyDay;

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The share of a normal day's reviews each weekday takes (Monday first); 1 = normal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EasyDays([f32; 7]);

impl Default for EasyDays {
    fn default() -> Self {
        EasyDays([1.0; 7])
    }
}

impl EasyDays {
    /// Parses `"sat:0.5 sun:0"`: weekday (mon…sun, or the full English name, any case), a colon
    /// and a share from 0 to 1. Empty text means no easy days. Returns a message on bad input.
    pub fn parse(text: &str) -> Result<EasyDays, String> {
        let mut shares = [1.0f32; 7];
        for item in text.split([' ', ',']).filter(|s| !s.is_empty()) {
            let (day, share) =
                item.split_once(':').ok_or_else(|| format!("'{item}' is not weekday:share, e.g. sat:0.5"))?;
            let day = day.to_ascii_lowercase();
            let index = WEEKDAYS
                .iter()
                .position(|w| day.len() >= 3 && (day == *w || full_name(w).starts_with(&day)))
                .ok_or_else(|| format!("'{day}' is not a weekday (mon, tue, wed, thu, fri, sat, sun)"))?;
            let share: f32 = share
                .parse()
                .ok()
                .filter(|s: &f32| (0.0..=1.0).contains(s))
                .ok_or_else(|| format!("'{share}' is not a share from 0 to 1"))?;
            shares[index] = share;
        }
        Ok(EasyDays(shares))
    }

    /// The share of study day `day`'s weekday.
    pub fn share(&self, day: StudyDay) -> f32 {
        self.0[day.date().weekday().num_days_from_monday() as usize]
    }

    /// Whether every weekday is a normal day.
    pub fn is_normal(&self) -> bool {
        self.0.iter().all(|&s| s >= 1.0)
    }
}

impl fmt::Display for EasyDays {
    /// The canonical text: `sat:0.5 sun:0` (normal days left out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> =
            WEEKDAYS.iter().zip(self.0).filter(|(_, s)| *s < 1.0).map(|(w, s)| format!("{w}:{s}")).collect();
        f.write_str(&parts.join(" "))
    }
}

fn full_name(short: &str) -> &'static str {
    match short {
        "mon" => "monday",
        "tue" => "tuesday",
        "wed" => "wednesday",
        "thu" => "thursday",
        "fri" => "friday",
        "sat" => "saturday",
        _ => "sunday",
    }
}

/// What the choice of a review's day needs to know.
pub struct DayChoice<'a> {
    pub today: StudyDay,
    /// Reviews already due on a study day.
    pub loads: &'a dyn Fn(StudyDay) -> usize,
    /// Days that may not be chosen (a break).
    pub excluded: &'a dyn Fn(StudyDay) -> bool,
    pub easy_days: EasyDays,
    /// Weight days by their load; otherwise every allowed day is equally likely.
    pub balance: bool,
}

impl DayChoice<'_> {
    /// The interval in days, from `shortest` to `longest` (the fuzz range), for draw `factor`
    /// (0–1, the card's fuzz factor). None when every day of the range is excluded.
    pub fn interval(&self, shortest: u32, longest: u32, factor: f64) -> Option<u32> {
        let allowed: Vec<u32> = (shortest..=longest).filter(|&i| !(self.excluded)(self.today.plus(i))).collect();
        if allowed.is_empty() {
            return None;
        }
        let loads: Vec<usize> = allowed.iter().map(|&i| (self.loads)(self.today.plus(i))).collect();
        let candidates = self.easy_day_filter(&allowed, &loads);
        let weights: Vec<f64> = candidates
            .iter()
            .map(|&k| if self.balance { 1.0 / ((1.0 + loads[k] as f64).powi(2) * allowed[k] as f64) } else { 1.0 })
            .collect();
        let total: f64 = weights.iter().sum();
        let target = factor.clamp(0.0, 1.0) * total;
        let mut cumulative = 0.0;
        for (&k, w) in candidates.iter().zip(&weights) {
            cumulative += w;
            if target < cumulative {
                return Some(allowed[k]);
            }
        }
        candidates.last().map(|&k| allowed[k])
    }

    /// Indices of `allowed` whose weekday share still has room; all of them when none has.
    fn easy_day_filter(&self, allowed: &[u32], loads: &[usize]) -> Vec<usize> {
        let all: Vec<usize> = (0..allowed.len()).collect();
        if self.easy_days.is_normal() {
            return all;
        }
        let shares: Vec<f32> = allowed.iter().map(|&i| self.easy_days.share(self.today.plus(i))).collect();
        let normal: Vec<f64> = (0..allowed.len()).filter(|&k| shares[k] >= 1.0).map(|k| loads[k] as f64).collect();
        let mean = if normal.is_empty() { 0.0 } else { normal.iter().sum::<f64>() / normal.len() as f64 };
        let kept: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&k| shares[k] >= 1.0 || (loads[k] as f64) < shares[k] as f64 * mean.max(1.0))
            .collect();
        if kept.is_empty() {
            all
        } else {
            kept
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> StudyDay {
        StudyDay::from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn easy_days_parse_and_print() {
        let e = EasyDays::parse("Saturday:0.5, sun:0").unwrap();
        assert_eq!(e.to_string(), "sat:0.5 sun:0");
        assert_eq!(e.share(day(2025, 6, 7)), 0.5, "2025-06-07 is a Saturday");
        assert_eq!(e.share(day(2025, 6, 8)), 0.0);
        assert_eq!(e.share(day(2025, 6, 9)), 1.0);
        assert!(EasyDays::parse("").unwrap().is_normal());
        assert!(EasyDays::parse("sa:1").is_err(), "two letters are ambiguous");
        assert!(EasyDays::parse("sat").is_err());
        assert!(EasyDays::parse("sat:-0.1").is_err());
    }

    /// Hand calculation of the weights `1 / ((1 + load)² · interval)`: range 9–11 days with loads
    /// 0, 3, 1 gives 1/9 = 0.11111, 1/160 = 0.00625, 1/44 = 0.02273; total 0.14009. The draw
    /// falls on 9 days below 0.11111/0.14009 = 0.7931, on 10 days below 0.8377, else on 11.
    #[test]
    fn balancing_weights_match_the_hand_calculation() {
        let today = StudyDay(1000);
        let loads = |d: StudyDay| match d.0 - 1000 {
            9 => 0,
            10 => 3,
            _ => 1,
        };
        let choice =
            DayChoice { today, loads: &loads, excluded: &|_| false, easy_days: EasyDays::default(), balance: true };
        assert_eq!(choice.interval(9, 11, 0.0), Some(9));
        assert_eq!(choice.interval(9, 11, 0.79), Some(9));
        assert_eq!(choice.interval(9, 11, 0.80), Some(10));
        assert_eq!(choice.interval(9, 11, 0.837), Some(10));
        assert_eq!(choice.interval(9, 11, 0.84), Some(11));
        assert_eq!(choice.interval(9, 11, 0.9999), Some(11));
    }

    #[test]
    fn without_balancing_the_draw_is_anki_plain_fuzz() {
        let today = StudyDay(1000);
        let choice =
            DayChoice { today, loads: &|_| 7, excluded: &|_| false, easy_days: EasyDays::default(), balance: false };
        for factor in [0.0, 0.2, 0.5, 0.77, 0.999] {
            assert_eq!(choice.interval(93, 107, factor), Some(super::super::fuzz::apply(100, factor, 36_500)));
        }
    }

    #[test]
    fn easy_days_take_only_their_share() {
        // 2025-06-02 is a Monday; the range 4–6 days covers Fri 6th, Sat 7th, Sun 8th.
        let today = day(2025, 6, 2);
        let easy = EasyDays::parse("sat:0.5 sun:0").unwrap();
        // Friday holds 10: Saturday may take reviews while under 5, Sunday never.
        let loads = |d: StudyDay| {
            if d == day(2025, 6, 6) {
                10
            } else if d == day(2025, 6, 7) {
                4
            } else {
                0
            }
        };
        let choice = DayChoice { today, loads: &loads, excluded: &|_| false, easy_days: easy, balance: true };
        let picked: Vec<u32> = (0..100).filter_map(|i| choice.interval(4, 6, i as f64 / 100.0)).collect();
        assert!(picked.iter().all(|&i| i == 4 || i == 5) && picked.contains(&5), "{picked:?}");
        // Saturday full (5 ≥ 0.5 × 10): only Friday.
        let full = |d: StudyDay| {
            if d == day(2025, 6, 6) {
                10
            } else if d == day(2025, 6, 7) {
                5
            } else {
                0
            }
        };
        let choice = DayChoice { today, loads: &full, excluded: &|_| false, easy_days: easy, balance: true };
        assert_eq!(choice.interval(4, 6, 0.99), Some(4));
        // A range of only Sunday: easy days are set aside rather than leaving no day.
        assert_eq!(choice.interval(6, 6, 0.5), Some(6));
    }

    #[test]
    fn excluded_days_are_never_chosen() {
        let today = StudyDay(0);
        let choice =
            DayChoice { today, loads: &|_| 0, excluded: &|d| d.0 >= 5, easy_days: EasyDays::default(), balance: true };
        assert_eq!(choice.interval(3, 7, 0.999), Some(4));
        assert_eq!(choice.interval(5, 7, 0.5), None);
    }
}
