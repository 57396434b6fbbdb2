//! Reference vectors from DESIGN.md: the `fsrs` crate's memory state for a fixed history, and
//! py-fsrs's intervals for a card answered when due (steps 1m 10m, relearning 10m, fuzz off).

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;

fn scheduler(fuzz: bool) -> Scheduler {
    let settings = Settings { fuzz, ..Settings::default() };
    Scheduler::new(settings, None).unwrap()
}

fn answer(s: &Scheduler, card: &CardSchedule, rating: Rating, now: DateTime<Utc>, days: &DayClock) -> Outcome {
    s.next_outcomes(card, "korea-2025/test", now, days).unwrap().get(rating).clone()
}

#[test]
fn memory_state_matches_fsrs_reference() {
    // Ratings again, good×5 on elapsed days 0, 0, 1, 3, 8, 21 → S = 53.62691, D = 6.3574867.
    let s = scheduler(false);
    let days = DayClock::new(chrono_tz::UTC, 4);
    let mut now = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap();
    let mut card = CardSchedule::default();
    for (rating, gap_days) in [
        (Rating::Again, 0),
        (Rating::Good, 0),
        (Rating::Good, 1),
        (Rating::Good, 3),
        (Rating::Good, 8),
        (Rating::Good, 21),
    ] {
        now += Duration::days(gap_days) + Duration::minutes(1);
        let out = answer(&s, &card, rating, now, &days);
        assert_eq!(out.elapsed_days, gap_days as u32);
        card = out.card;
    }
    assert!((card.stability.unwrap() - 53.62691).abs() < 1e-3, "S = {:?}", card.stability);
    assert!((card.difficulty.unwrap() - 6.3574867).abs() < 1e-4, "D = {:?}", card.difficulty);
}

#[test]
fn intervals_match_py_fsrs_reference() {
    // py-fsrs, steps 1m 10m, relearning 10m, fuzz off, answered when due from 2022-11-29 12:30 UTC.
    let s = scheduler(false);
    let days = DayClock::new(chrono_tz::UTC, 4);
    let mut now = Utc.with_ymd_and_hms(2022, 11, 29, 12, 30, 0).unwrap();
    let mut card = CardSchedule::default();
    let ratings = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
    let expected_secs: Vec<i64> = [
        600,
        2 * 86_400,
        11 * 86_400,
        46 * 86_400,
        163 * 86_400,
        498 * 86_400,
        600,
        600,
        2 * 86_400,
        4 * 86_400,
        7 * 86_400,
        12 * 86_400,
        21 * 86_400,
    ]
    .to_vec();
    let mut got = Vec::new();
    for r in ratings {
        let out = answer(&s, &card, Rating::from_u8(r).unwrap(), now, &days);
        got.push(out.interval_secs);
        card = out.card;
        // Answer exactly when due: learning cards at their instant, review cards the same time of day.
        now += Duration::seconds(out.interval_secs);
    }
    assert_eq!(got, expected_secs);
    assert_eq!(card.lapses, 1);
    assert_eq!(card.state, State::Review);
}

#[test]
fn states_follow_steps_graduation_and_relearning() {
    let s = scheduler(false);
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap();
    let new = CardSchedule::default();
    let out = s.next_outcomes(&new, "k", now, &days).unwrap();
    assert_eq!((out.again.card.state, out.again.interval_secs), (State::Learning, 60));
    // Hard on the first step: mean of 1m and 10m = 330 s.
    assert_eq!((out.hard.card.state, out.hard.interval_secs), (State::Learning, 330));
    assert_eq!((out.good.card.state, out.good.card.step, out.good.interval_secs), (State::Learning, 1, 600));
    assert_eq!(out.easy.card.state, State::Review);
    assert!(out.easy.interval_secs >= 86_400);
    assert_eq!(out.easy.card.due_at_ms, Some(days.day_start(out.easy.card.due_day.unwrap()).timestamp_millis()));
}

#[test]
fn review_intervals_are_ordered_capped_and_lapses_counted() {
    let settings = Settings { fuzz: true, max_interval_days: 30, ..Settings::default() };
    let s = Scheduler::new(settings, None).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    let today = days.study_day(now);
    for (stability, elapsed) in [(0.5f32, 1u32), (3.0, 3), (20.0, 15), (400.0, 300)] {
        let card = CardSchedule {
            state: State::Review,
            stability: Some(stability),
            difficulty: Some(5.0),
            due_day: Some(today),
            last_review_day: Some(StudyDay(today.0 - elapsed as i32)),
            reps: 5,
            ..CardSchedule::default()
        };
        let out = s.next_outcomes(&card, "deck/x", now, &days).unwrap();
        let d = |o: &Outcome| o.interval_secs / 86_400;
        let (h, g, e) = (d(&out.hard), d(&out.good), d(&out.easy));
        assert!(h >= 1 && e <= 30, "S={stability}: {h} {g} {e}");
        assert!(h < g && g < e || e == 30, "S={stability}: {h} {g} {e}");
        assert_eq!(out.again.card.state, State::Relearning);
        assert_eq!(out.again.card.lapses, 1);
        assert_eq!(out.again.interval_secs, 600);
    }
}

#[test]
fn clock_earlier_than_last_review_gives_zero_elapsed() {
    let s = scheduler(true);
    let days = DayClock::new(chrono_tz::Asia::Tokyo, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    let card = CardSchedule {
        state: State::Review,
        stability: Some(10.0),
        difficulty: Some(5.0),
        due_day: Some(days.study_day(now).plus(5)),
        last_review_day: Some(days.study_day(now).plus(3)), // reviewed "in the future"
        last_review_at_ms: Some((now + Duration::days(3)).timestamp_millis()),
        reps: 3,
        ..CardSchedule::default()
    };
    let out = s.next_outcomes(&card, "deck/y", now, &days).unwrap();
    for r in Rating::ALL {
        let o = out.get(r);
        assert_eq!(o.elapsed_days, 0);
        assert!(o.interval_secs > 0);
        assert!(o.card.stability.unwrap().is_finite());
    }
}

#[test]
fn leech_at_threshold_and_every_half_after() {
    let s = scheduler(false);
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    let leech_after = |lapses: u32| {
        let card = CardSchedule {
            state: State::Review,
            stability: Some(5.0),
            difficulty: Some(8.0),
            last_review_day: Some(StudyDay(days.study_day(now).0 - 5)),
            lapses,
            ..CardSchedule::default()
        };
        let again = s.next_outcomes(&card, "d/n", now, &days).unwrap().again;
        (again.became_leech, again.card.suspended)
    };
    assert_eq!(leech_after(6), (false, false));
    assert_eq!(leech_after(7), (true, true)); // 8th lapse
    assert_eq!(leech_after(8), (false, false));
    assert_eq!(leech_after(11), (true, true)); // 12th lapse
}

#[test]
fn ratings_parse() {
    assert_eq!(Rating::parse("Good"), Some(Rating::Good));
    assert_eq!(Rating::parse("4"), Some(Rating::Easy));
    assert_eq!(Rating::parse("5"), None);
    assert_eq!(Rating::parse("もう一度"), Some(Rating::Again));
    assert_eq!(Rating::parse("簡単"), Some(Rating::Easy));
}

#[test]
fn retrievability_is_90_percent_after_stability_days() {
    // By FSRS's definition, R = 0.9 when the elapsed time equals the stability.
    let s = scheduler(false);
    let card = CardSchedule {
        state: State::Review,
        stability: Some(10.0),
        difficulty: Some(5.0),
        last_review_day: Some(StudyDay(100)),
        ..CardSchedule::default()
    };
    assert!((s.retrievability(&card, StudyDay(110)).unwrap() - 0.9).abs() < 1e-4);
    assert_eq!(s.retrievability(&card, StudyDay(100)), Some(1.0));
    assert_eq!(s.retrievability(&CardSchedule::default(), StudyDay(100)), None);
}

/// A review card with S = 100 days, last reviewed 100 days ago, answered now: good is about
/// 100 days, whose fuzz range is 93–107 (hand calculation in `fuzz`).
fn mature_card(today: StudyDay) -> CardSchedule {
    CardSchedule {
        state: State::Review,
        stability: Some(100.0),
        difficulty: Some(5.0),
        last_review_day: Some(StudyDay(today.0 - 100)),
        due_day: Some(today),
        reps: 5,
        ..CardSchedule::default()
    }
}

#[test]
fn fuzz_off_keeps_exact_days_whatever_the_loads_and_easy_days() {
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 2, 12, 0, 0).unwrap();
    let today = days.study_day(now);
    let easy = balance::EasyDays::parse("mon:0 tue:0 wed:0 thu:0 fri:0 sat:0 sun:0").unwrap();
    let plain = Scheduler::new(Settings { fuzz: false, ..Settings::default() }, None).unwrap();
    let busy = Scheduler::new(Settings { fuzz: false, easy_days: easy, ..Settings::default() }, None).unwrap();
    let card = mature_card(today);
    let loads = |d: StudyDay| (d.0 % 7) as usize * 10;
    let place = Placement { loads: &loads, breaks: &[], exam_day: None };
    let a = plain.next_outcomes(&card, "k", now, &days).unwrap();
    let b = busy.next_outcomes_placed(&card, "k", now, &days, &place).unwrap();
    assert_eq!(a, b);
}

#[test]
fn balancing_prefers_the_empty_day_of_the_range_and_keeps_the_order() {
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 2, 12, 0, 0).unwrap();
    let today = days.study_day(now);
    let s = scheduler(true);
    let card = mature_card(today);
    let good = s.next_outcomes(&card, "k", now, &days).unwrap().good.interval_secs / 86_400;
    let (lo, hi) = fuzz::range(good as u32, 36_500);
    // Every day of the good range holds 50 reviews but one: the draw lands on it for most keys.
    let free = today.plus(lo + 2);
    let loads = move |d: StudyDay| if d == free { 0 } else { 50 };
    let place = Placement { loads: &loads, breaks: &[], exam_day: None };
    let mut on_free = 0;
    for n in 0..50 {
        let key = format!("k{n}");
        let out = s.next_outcomes_placed(&card, &key, now, &days, &place).unwrap();
        let d = |r: Rating| out.get(r).interval_secs / 86_400;
        assert!(d(Rating::Hard) < d(Rating::Good) && d(Rating::Good) < d(Rating::Easy));
        assert!((lo as i64..=hi as i64).contains(&d(Rating::Good)));
        on_free += usize::from(today.plus(d(Rating::Good) as u32) == free);
    }
    // Weight of the free day ≈ 1/100 against 14 days of ≈ 1/(2601·100): nearly always chosen.
    assert!(on_free >= 49, "{on_free} of 50");
}

#[test]
fn breaks_win_over_balancing_and_an_exam_is_never_crossed() {
    let days = DayClock::new(chrono_tz::UTC, 4);
    let now = Utc.with_ymd_and_hms(2025, 6, 2, 12, 0, 0).unwrap();
    let today = days.study_day(now);
    let s = scheduler(true);
    let card = mature_card(today);
    // A break over the whole fuzz range of good (and more): good waits until after it, since a
    // card this stable keeps R ≥ 0.85 there; hard < good < easy still hold.
    let b = breaks::Break { id: 1, first: today.plus(80), last: today.plus(120) };
    let place = Placement { loads: &|_| 0, breaks: &[b], exam_day: None };
    let out = s.next_outcomes_placed(&card, "k", now, &days, &place).unwrap();
    let good = today.plus((out.good.interval_secs / 86_400) as u32);
    assert!(!b.contains(good), "{good:?}");
    assert!(out.hard.interval_secs < out.good.interval_secs && out.good.interval_secs < out.easy.interval_secs);
    // An exam inside the fuzz range, after FSRS's day: balancing never goes past its eve.
    let plain = s.next_outcomes(&card, "k", now, &days).unwrap().good.interval_secs / 86_400;
    let exam = today.plus(plain as u32 + 1);
    let place = Placement { loads: &|_| 0, breaks: &[], exam_day: Some(exam) };
    for n in 0..30 {
        let out = s.next_outcomes_placed(&card, &format!("k{n}"), now, &days, &place).unwrap();
        assert!(today.plus((out.good.interval_secs / 86_400) as u32) < exam);
    }
}
