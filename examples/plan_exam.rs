//! Issue 22's measurement of the exam plan (the table in the README): a seeded student whose
//! true memory follows FSRS-6 studies the bundled decks twice a day through kioku's real review
//! engine (see `tests/plan_sim/mod.rs`), 10 new cards a day, target 0.9, for exams 14, 20 and 30
//! days away, with and without `kioku plan`; seeds 1–5. Prints each run, then the mean and range
//! over seeds of the share of cards at the target on the exam day and of the answers given.
//! Run: `cargo run --release --example plan_exam [SEEDS]` (SEEDS: how many, default 5).

#[path = "../tests/plan_sim/mod.rs"]
mod plan_sim;

use plan_sim::{simulate, Run};

fn main() {
    let seeds: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    // `plan_exam SEED EXAM_DAYS`: one run with a plan (PLAN_SIM_DEBUG=1 lists the cards below).
    if let Some(exam) = std::env::args().nth(2).and_then(|a| a.parse().ok()) {
        let o = simulate(Run::readme(seeds, exam, true));
        println!("{:.1}% at target, {} answers, daily {:?}", o.share_at_target() * 100.0, o.answers, o.daily_answers);
        return;
    }
    println!("exam  plan  seed  at target  never seen  mean R   answers  predicted");
    let mut table = Vec::new();
    for exam_in_days in [14, 20, 30] {
        for plan in [false, true] {
            let mut shares = Vec::new();
            let mut answers = Vec::new();
            for seed in 1..=seeds {
                let o = simulate(Run::readme(seed, exam_in_days, plan));
                println!(
                    "{exam_in_days:>4}  {:<4}  {seed:>4}  {:>8.1}%  {:>10}  {:>6.3}  {:>7}  {:>8.1}%",
                    if plan { "yes" } else { "no" },
                    o.share_at_target() * 100.0,
                    o.never_seen,
                    o.mean_recall,
                    o.answers,
                    o.predicted_at_target as f64 * 100.0 / o.cards as f64
                );
                shares.push(o.share_at_target() * 100.0);
                answers.push(o.answers as f64);
            }
            table.push((exam_in_days, plan, shares, answers));
        }
    }
    let stats = |xs: &[f64]| {
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let (lo, hi) = xs.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        (mean, lo, hi)
    };
    println!();
    println!("| exam in | plan | cards at ≥ 90 % on exam day: mean (range) | answers: mean (range) |");
    println!("| ---: | --- | ---: | ---: |");
    for (exam, plan, shares, answers) in &table {
        let (s, slo, shi) = stats(shares);
        let (a, alo, ahi) = stats(answers);
        println!(
            "| {exam} days | {} | {s:.1} % ({slo:.1}–{shi:.1}) | {a:.0} ({alo:.0}–{ahi:.0}) |",
            if *plan { "with" } else { "without" }
        );
    }
}
