//! `kioku stats` figures (pure): cards by state, retrievability now, the due forecast, true
//! retention for young and mature cards, the review calendar, streaks, time spent, and weak
//! spots by tag and deck. Computed from card schedules and review rows as data (numbers, keys,
//! days); `ui::stats` lays them out for a terminal, the web its pages, `--json` serialises them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::scheduler::log::{ReviewKind, ReviewRow};
use crate::scheduler::{CardSchedule, State, StudyDay};

/// Interval (days) from which a card counts as mature, as in Anki.
pub const MATURE_DAYS: i64 = 21;

/// One card as the report sees it.
pub struct CardInfo<'a> {
    pub key: &'a str,
    pub deck: &'a str,
    pub tags: &'a [String],
    pub schedule: &'a CardSchedule,
    /// Retrievability now (0–1), None for new cards.
    pub retrievability: Option<f32>,
}

#[derive(Debug, Default, Serialize, PartialEq)]
pub struct StateCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
    pub suspended: usize,
}

#[derive(Debug, Default, Serialize, PartialEq, Clone, Copy)]
pub struct Retention {
    pub remembered: u32,
    pub asked: u32,
    /// remembered / asked, None when nothing was asked.
    pub rate: Option<f64>,
}

#[derive(Debug, Default, Serialize, PartialEq)]
pub struct RetentionWindows {
    pub today: Retention,
    pub days_7: Retention,
    pub days_30: Retention,
    pub days_365: Retention,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Weak {
    pub name: String,
    pub cards: usize,
    /// Share of review-card answers that were "again", None without any.
    pub lapse_rate: Option<f64>,
    /// Mean retrievability now of its studied cards, None without any.
    pub mean_retrievability: Option<f64>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Report {
    pub cards: StateCounts,
    /// Mean retrievability now over studied (not new) cards.
    pub mean_retrievability: Option<f64>,
    /// Studied cards with retrievability ≥ 0.9 now.
    pub likely_known: usize,
    /// Due reviews for today (index 0, overdue included) and the next 29 days.
    pub forecast: Vec<usize>,
    pub true_retention_young: RetentionWindows,
    pub true_retention_mature: RetentionWindows,
    /// Scheduled answers per study day over the last 26 weeks (182 days, oldest first).
    pub calendar: Vec<u32>,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    pub time_spent_today_secs: i64,
    pub time_spent_total_secs: i64,
    pub weak_tags: Vec<Weak>,
    pub weak_decks: Vec<Weak>,
    pub leeches: Vec<String>,
}

/// Computes the report for `cards` on study day `today`, from `rows` (the review log, oldest
/// first; only scheduled answers of these cards count). The rows are read once, as they come:
/// memory grows with the cards, not with the log.
pub fn build<R: std::borrow::Borrow<ReviewRow>>(
    cards: &[CardInfo],
    rows: impl IntoIterator<Item = R>,
    today: StudyDay,
) -> Report {
    let mut counts = StateCounts::default();
    let mut forecast = vec![0usize; 30];
    for c in cards {
        let s = c.schedule;
        if s.suspended {
            counts.suspended += 1;
            continue;
        }
        match s.state {
            State::New => counts.new += 1,
            State::Learning => counts.learning += 1,
            State::Review => counts.review += 1,
            State::Relearning => counts.relearning += 1,
        }
        let due = match s.state {
            State::Review => s.due_day.map(|d| (d.0 - today.0).max(0)),
            State::Learning | State::Relearning => Some(0),
            State::New => None,
        };
        if let Some(slot) = due.and_then(|d| forecast.get_mut(d as usize)) {
            *slot += 1;
        }
    }
    let studied: Vec<f32> = cards.iter().filter_map(|c| c.retrievability).collect();
    let mean_retrievability = mean(studied.iter().map(|&r| r as f64));
    let likely_known = studied.iter().filter(|&&r| r >= 0.9).count();

    // Scheduled answers of these cards, with the card's interval before each (from its previous
    // row): young below 21 days, mature from 21.
    let wanted: HashMap<&str, usize> = cards.iter().enumerate().map(|(i, c)| (c.key, i)).collect();
    let mut last_interval = vec![0i64; cards.len()];
    let mut last_day: Vec<Option<i32>> = vec![None; cards.len()];
    let (mut young, mut mature) = (RetentionWindows::default(), RetentionWindows::default());
    let mut per_day: BTreeMap<i32, u32> = BTreeMap::new();
    let (mut spent_today, mut spent_total) = (0i64, 0i64);
    let mut answers_by_card = vec![(0u32, 0u32); cards.len()]; // (review answers, again)
    for row in rows {
        let r = row.borrow();
        if r.kind != ReviewKind::Review {
            continue;
        }
        let Some(&i) = wanted.get(r.card_key.as_str()) else { continue };
        *per_day.entry(r.study_day.0).or_default() += 1;
        spent_total += r.duration_ms / 1000;
        if r.study_day == today {
            spent_today += r.duration_ms / 1000;
        }
        let interval_days = last_interval[i] / 86_400;
        if r.state_before == State::Review {
            answers_by_card[i].0 += 1;
            answers_by_card[i].1 += u32::from(r.rating == 1);
            // True retention: the first answer of the study day on a review card (rows come in
            // time order, so a new day for the card is its first answer that day).
            if last_day[i] != Some(r.study_day.0) {
                let windows = if interval_days >= MATURE_DAYS { &mut mature } else { &mut young };
                let age = today.0 - r.study_day.0;
                for (limit, w) in [
                    (0, &mut windows.today),
                    (6, &mut windows.days_7),
                    (29, &mut windows.days_30),
                    (364, &mut windows.days_365),
                ] {
                    if (0..=limit).contains(&age) {
                        w.asked += 1;
                        w.remembered += u32::from(r.rating > 1);
                    }
                }
            }
        }
        last_day[i] = Some(r.study_day.0);
        last_interval[i] = r.interval_secs;
    }
    for w in [&mut young, &mut mature] {
        for r in [&mut w.today, &mut w.days_7, &mut w.days_30, &mut w.days_365] {
            r.rate = (r.asked > 0).then(|| r.remembered as f64 / r.asked as f64);
        }
    }
    let calendar: Vec<u32> = (0..182).map(|k| per_day.get(&(today.0 - 181 + k)).copied().unwrap_or(0)).collect();
    let days: Vec<StudyDay> = per_day.keys().map(|&d| StudyDay(d)).collect();
    let longest = days.iter().fold((0u32, 0u32, None::<i32>), |(best, run, prev), d| {
        let run = if prev == Some(d.0 - 1) { run + 1 } else { 1 };
        (best.max(run), run, Some(d.0))
    });

    let weak = |group: &dyn Fn(&CardInfo) -> Vec<String>| -> Vec<Weak> {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in cards.iter().enumerate() {
            for g in group(c) {
                groups.entry(g).or_default().push(i);
            }
        }
        let mut list: Vec<Weak> = groups
            .into_iter()
            .map(|(name, members)| {
                let (answers, again) =
                    members.iter().map(|&i| answers_by_card[i]).fold((0, 0), |(a, g), (n, x)| (a + n, g + x));
                Weak {
                    name,
                    cards: members.len(),
                    lapse_rate: (answers > 0).then(|| again as f64 / answers as f64),
                    mean_retrievability: mean(
                        members.iter().filter_map(|&i| cards[i].retrievability).map(|r| r as f64),
                    ),
                }
            })
            .collect();
        // Weakest first: highest lapse rate, then lowest retrievability.
        list.sort_by(|a, b| {
            b.lapse_rate
                .unwrap_or(0.0)
                .total_cmp(&a.lapse_rate.unwrap_or(0.0))
                .then(a.mean_retrievability.unwrap_or(1.0).total_cmp(&b.mean_retrievability.unwrap_or(1.0)))
        });
        list
    };
    Report {
        cards: counts,
        mean_retrievability,
        likely_known,
        forecast,
        true_retention_young: young,
        true_retention_mature: mature,
        calendar,
        current_streak_days: super::streak(&days, today),
        longest_streak_days: longest.0,
        time_spent_today_secs: spent_today,
        time_spent_total_secs: spent_total,
        weak_tags: weak(&|c| c.tags.to_vec()),
        weak_decks: weak(&|c| vec![c.deck.to_string()]),
        leeches: cards.iter().filter(|c| c.schedule.leech).map(|c| c.key.to_string()).collect(),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, day: i32, state_before: State, rating: u8, interval_days: i64) -> ReviewRow {
        ReviewRow {
            card_key: key.into(),
            reviewed_at_ms: day as i64 * 86_400_000 + 36_000_000,
            utc_offset_secs: 0,
            study_day: StudyDay(day),
            rating,
            kind: ReviewKind::Review,
            state_before,
            state_after: if rating == 1 { State::Relearning } else { State::Review },
            elapsed_days: 0,
            interval_secs: interval_days * 86_400,
            due_at_ms: None,
            stability: None,
            difficulty: None,
            duration_ms: 10_000,
            action: None,
            chosen_option: None,
        }
    }

    #[test]
    fn figures_from_a_hand_made_log() {
        let today = StudyDay(1000);
        let review =
            |due: i32| CardSchedule { state: State::Review, due_day: Some(StudyDay(due)), ..CardSchedule::default() };
        let (a, b, c, d) =
            (review(1002), review(995), CardSchedule::default(), CardSchedule { suspended: true, ..review(1000) });
        let tags = vec!["t".to_string()];
        let cards = [
            CardInfo { key: "x/a", deck: "x", tags: &tags, schedule: &a, retrievability: Some(0.95) },
            CardInfo { key: "x/b", deck: "x", tags: &tags, schedule: &b, retrievability: Some(0.5) },
            CardInfo { key: "x/c", deck: "x", tags: &[], schedule: &c, retrievability: None },
            CardInfo { key: "x/d", deck: "x", tags: &[], schedule: &d, retrievability: Some(0.9) },
        ];
        let rows = vec![
            row("x/a", 960, State::New, 3, 1),        // first answer: no retention sample
            row("x/a", 961, State::Review, 3, 30),    // young (1 d before), 39 days ago: 365 only
            row("x/a", 991, State::Review, 1, 0),     // mature (30 d before), 9 days ago: forgotten
            row("x/a", 991, State::Relearning, 3, 9), // same day, not a review card
            row("x/b", 997, State::New, 3, 2),
            row("x/b", 999, State::Review, 3, 5),  // young, yesterday: remembered
            row("x/b", 1000, State::Review, 2, 8), // young, today: remembered (hard is remembered)
            row("x/b", 1000, State::Review, 1, 0), // second answer today: not counted
        ];
        let r = build(&cards, &rows, today);
        assert_eq!(r.cards, StateCounts { new: 1, learning: 0, review: 2, relearning: 0, suspended: 1 });
        assert_eq!(r.forecast[0], 1, "b is overdue: counted today");
        assert_eq!(r.forecast[2], 1);
        assert_eq!(r.forecast.iter().sum::<usize>(), 2);
        let y = &r.true_retention_young;
        assert_eq!((y.today.remembered, y.today.asked), (1, 1));
        assert_eq!((y.days_7.remembered, y.days_7.asked), (2, 2));
        assert_eq!((y.days_365.remembered, y.days_365.asked), (3, 3));
        let m = &r.true_retention_mature;
        assert_eq!((m.days_7.asked, m.days_30.remembered, m.days_30.asked), (0, 0, 1));
        assert_eq!(r.current_streak_days, 2, "days 999 and 1000 (998 has no review)");
        assert_eq!(r.longest_streak_days, 2, "960-961 and 999-1000");
        assert_eq!(r.calendar.len(), 182);
        assert_eq!(r.calendar[181], 2);
        assert_eq!(r.time_spent_today_secs, 20);
        assert!((r.mean_retrievability.unwrap() - (0.95 + 0.5 + 0.9) / 3.0).abs() < 1e-6);
        assert_eq!(r.likely_known, 2);
        // Lapse rate over review-card answers: a 1 of 2, b 1 of 3.
        assert_eq!(r.weak_decks[0].lapse_rate, Some(2.0 / 5.0));
        let text = crate::ui::stats::render(&r, today, 80).join("\n");
        assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80), "{text}");
    }
}
