//! Property tests (proptest, bounded so CI stays fast): the deck loader, the answer checker and
//! the scheduler never panic and keep their promises on any input.

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

use kioku::testing::answer::{judge_typed, Check};
use kioku::testing::deck;
use kioku::testing::scheduler::{CardSchedule, DayClock, Rating, Scheduler, State, StudyDay};
use kioku::testing::settings::Settings;

/// Text a teacher might save: YAML-ish lines, Japanese, braces, quotes, tabs, odd bytes.
fn decky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("cards:\n".to_string()),
        Just("  - id: a\n".to_string()),
        Just("    front: ".to_string()),
        Just("    back: ".to_string()),
        Just("    cloze: ".to_string()),
        Just("    question: ".to_string()),
        Just("    distractors: [".to_string()),
        Just("    items: [x, y".to_string()),
        Just("    check: date\n".to_string()),
        Just("{{c1::".to_string()),
        Just("}}".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("\t".to_string()),
        Just("\"".to_string()),
        "[a-z0-9 :,\\-\\n]{0,12}",
        "[尹錫悦年月日０-９ー・]{0,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_deck_loader_never_panics(text in decky(), bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = deck::check_bytes(text.as_bytes(), "p.yaml");
        let _ = deck::check_bytes(&bytes, "b.yaml");
        let mut mixed = text.into_bytes();
        mixed.extend(bytes);
        if let Err(diagnostics) = deck::check_bytes(&mixed, "m.yaml") {
            prop_assert!(!diagnostics.is_empty());
            for d in diagnostics {
                prop_assert!(d.line >= 1 && d.col >= 1);
            }
        }
    }

    #[test]
    fn the_answer_checker_never_panics_and_is_reflexive(expected in "\\PC{0,16}", typed in "\\PC{0,16}") {
        for check in [Check::Text, Check::Date, Check::Number] {
            let _ = judge_typed(check, &expected, &[], &typed);
        }
        // Any non-empty answer typed exactly as expected is right.
        if !kioku::testing::answer::normalize::comparable(&expected).is_empty() {
            prop_assert_eq!(judge_typed(Check::Text, &expected, &[], &expected).verdict, kioku::testing::answer::Verdict::Right);
        }
    }

    #[test]
    fn scheduler_outcomes_are_finite_bounded_and_ordered(
        stability in 0.01f32..40_000.0,
        difficulty in 1.0f32..10.0,
        elapsed in 0u32..4000,
        state in 0i64..4,
        step in 0u32..3,
        max_interval in 1u32..36_500,
        fuzz in any::<bool>(),
    ) {
        let settings = Settings { max_interval_days: max_interval, fuzz, ..Settings::default() };
        let scheduler = Scheduler::new(settings, None).unwrap();
        let days = DayClock::new(chrono_tz::Asia::Tokyo, 4);
        let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap() + Duration::minutes(elapsed as i64);
        let today = days.study_day(now);
        let state = State::from_i64(state).expect("the strategy draws 0-3");
        let card = CardSchedule {
            state,
            step,
            stability: (state != State::New).then_some(stability),
            difficulty: (state != State::New).then_some(difficulty),
            last_review_day: (state != State::New).then(|| StudyDay(today.0 - elapsed as i32)),
            due_day: (state == State::Review).then_some(today),
            ..CardSchedule::default()
        };
        let out = scheduler.next_outcomes(&card, "deck/note", now, &days).unwrap();
        let mut review_days = Vec::new();
        for r in Rating::ALL {
            let o = out.get(r);
            prop_assert!(o.card.stability.unwrap().is_finite() && o.card.stability.unwrap() > 0.0);
            prop_assert!((1.0..=10.0).contains(&o.card.difficulty.unwrap()));
            prop_assert!(o.interval_secs > 0);
            if o.card.state == State::Review {
                let d = o.interval_secs / 86_400;
                prop_assert!(d >= 1 && d <= max_interval as i64, "{d} days, cap {max_interval}");
                review_days.push((r, d));
            }
        }
        // For a review card: again (if it stays in review) ≤ hard ≤ good ≤ easy.
        if state == State::Review {
            let d: Vec<i64> = review_days.iter().filter(|(r, _)| *r != Rating::Again).map(|(_, d)| *d).collect();
            prop_assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
        }
    }
}
