//! Measures the exam plan: a seeded simulation over the essay decks of a learner who studies
//! every day until an exam 20 days away, answering each review correctly with probability equal
//! to the card's predicted retrievability. Compares the share of cards at or above the target
//! on exam day, and the reviews spent, with and without the plan. The table printed here is the
//! one in the README (`cargo test --test plan_simulation -- --nocapture`).

use std::path::Path;

use chrono::{Duration, TimeZone, Utc};

use kioku::deck::{self, DeckSource};
use kioku::rng::Rng;
use kioku::scheduler::plan::ExamTarget;
use kioku::scheduler::{CardSchedule, DayClock, Rating, Scheduler, State, StudyDay};
use kioku::settings::Settings;

struct Outcome {
    share_at_target: f64,
    reviews: usize,
}

fn simulate(with_plan: bool, seed: u64) -> Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let collection = deck::load(&DeckSource::Dir(dir)).unwrap();
    let keys: Vec<String> = collection.decks.iter().flat_map(deck::expand).map(|c| c.key).collect();
    let settings = Settings { new_per_day: 10, ..Settings::default() };
    let scheduler = Scheduler::new(settings.clone(), None).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    let start = Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap();
    let first_day = days.study_day(start);
    let exam = ExamTarget { day: first_day.plus(20), target: 0.9 };
    let mut cards: Vec<CardSchedule> = vec![CardSchedule::default(); keys.len()];
    let mut rng = Rng::new(seed);
    let mut reviews = 0;
    for d in 0..20 {
        let today = first_day.plus(d);
        let mut now = start + Duration::days(d as i64);
        // The plan introduces new cards early enough: all of them three days before the exam.
        let new_quota = if with_plan {
            let left = cards.iter().filter(|c| c.state == State::New).count() as u32;
            settings.new_per_day.max(left.div_ceil((exam.day.0 - today.0 - 3).max(1) as u32))
        } else {
            settings.new_per_day
        };
        let mut introduced = 0;
        for i in 0..keys.len() {
            let key = &keys[i];
            let due = match cards[i].state {
                State::New if introduced < new_quota => {
                    introduced += 1;
                    true
                }
                State::New => false,
                State::Review => cards[i].due_day.is_some_and(|due| due <= today),
                _ => true,
            };
            if !due {
                continue;
            }
            // Answer until the card leaves the learning steps for today.
            for _ in 0..6 {
                let recall = match cards[i].state {
                    State::Review => scheduler.retrievability(&cards[i], today).unwrap_or(0.9),
                    _ => 0.85,
                };
                let rating =
                    if (rng.next_u64() % 10_000) as f32 / 10_000.0 < recall { Rating::Good } else { Rating::Again };
                let mut next = scheduler.next_outcomes(&cards[i], key, now, &days).unwrap().get(rating).card.clone();
                if with_plan {
                    let load =
                        |d: StudyDay| cards.iter().filter(|c| c.state == State::Review && c.due_day == Some(d)).count();
                    if let Some(fitted) = scheduler.fit_to_exam(&next, today, exam, &load) {
                        next = fitted;
                    }
                }
                cards[i] = next;
                reviews += 1;
                now += Duration::minutes(10);
                if cards[i].state == State::Review {
                    break;
                }
            }
        }
    }
    let at_target = cards
        .iter()
        .filter(|c| {
            c.stability
                .zip(c.last_review_day)
                .is_some_and(|(s, last)| scheduler.retrievability_on(s, last, exam.day) >= exam.target)
        })
        .count();
    Outcome { share_at_target: at_target as f64 / cards.len() as f64, reviews }
}

#[test]
fn the_plan_gets_more_cards_to_the_target_on_exam_day() {
    println!("seed  plan     cards ≥ 90% on exam day   reviews");
    let mut better = 0;
    for seed in [1, 2, 3] {
        let without = simulate(false, seed);
        let with = simulate(true, seed);
        println!("{seed:>4}  without  {:>22.0}%   {:>7}", without.share_at_target * 100.0, without.reviews);
        println!("{seed:>4}  with     {:>22.0}%   {:>7}", with.share_at_target * 100.0, with.reviews);
        assert!(with.share_at_target >= without.share_at_target, "seed {seed}");
        better += usize::from(with.share_at_target > without.share_at_target);
    }
    assert!(better >= 2, "the plan should help on most seeds");
}
