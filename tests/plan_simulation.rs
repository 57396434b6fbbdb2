//! Issue 22's simulation, short (the full measurement is `cargo run --release --example
//! plan_exam`): a seeded student whose true memory follows FSRS-6 studies the bundled decks twice
//! a day through kioku's real review engine (see `plan_sim/mod.rs`) until an exam 12 days away.

#[path = "plan_sim/mod.rs"]
mod plan_sim;

use plan_sim::{simulate, Run};

#[test]
fn the_plan_brings_more_cards_to_the_target_on_exam_day() {
    for seed in [1, 2] {
        let without = simulate(Run::readme(seed, 12, false));
        let with = simulate(Run::readme(seed, 12, true));
        println!(
            "seed {seed}: at target {:.1}% → {:.1}%, answers {} → {}",
            without.share_at_target() * 100.0,
            with.share_at_target() * 100.0,
            without.answers,
            with.answers
        );
        // Every card studied for the exam is introduced in time; without a plan, 10 a day
        // cannot introduce all of them in 12 days.
        assert_eq!(with.never_seen, 0, "seed {seed}");
        assert!(without.never_seen > 0, "seed {seed}");
        assert!(with.share_at_target() > without.share_at_target(), "seed {seed}");
        // kioku's records predict the student's memory exactly (both are FSRS-6 with default
        // parameters, counted in study days), so what `kioku plan` shows is what happens.
        assert_eq!(with.predicted_at_target, with.at_target, "seed {seed}");
        assert_eq!(without.predicted_at_target, without.at_target, "seed {seed}");
    }
}
