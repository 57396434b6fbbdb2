//! Issue 21's simulation over a year (the figures in the README): a student studies every day
//! through kioku's real review session over a temporary store (see `tests/sim/mod.rs`), seeds 1–3.
//! Prints the standard deviation of daily review counts and true retention with and without load
//! balancing, and a two-week break with and without `kioku break`.
//! Run: `cargo bench --bench life_year` (or `cargo test --bench life_year`, the same figures in
//! a debug build: about 40 s on 2 cores).

#[path = "../tests/sim/mod.rs"]
mod sim;

use sim::{simulate, Run};

fn main() {
    let days = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(365u32);
    let n = days as usize;
    println!("{days} days; sd of daily reviews from day 8 on; true retention over all review answers");
    println!("seed  balancing  mean/day  sd      retention");
    for seed in [1, 2, 3] {
        for balance in [false, true] {
            let f = simulate(Run { seed, days, load_balance: balance, away: None, record_break: false });
            let on = if balance { "on " } else { "off" };
            let mean = f.daily_reviews[7..].iter().sum::<usize>() as f64 / (n - 7) as f64;
            println!("{seed:>4}  {on}        {mean:>8.1}  {:>6.2}  {:>6.2}%", f.sd(7, n), f.retention(0, n) * 100.0);
        }
    }
    // A two-week break after four months of study.
    let (a, b) = (120, 133);
    let back = b as usize + 1;
    println!("two-week break on days {a}–{b}; the week back is days {back}–{}", back + 6);
    println!("seed  break recorded  reviews week before  reviews day back  reviews week back  retention day back  retention week back");
    for seed in [1, 2, 3] {
        for record in [false, true] {
            let f = simulate(Run { seed, days: b + 30, load_balance: true, away: Some((a, b)), record_break: record });
            let week: usize = f.daily_reviews[back..back + 7].iter().sum();
            let before: usize = f.daily_reviews[a as usize - 7..a as usize].iter().sum();
            println!(
                "{seed:>4}  {:<14}  {before:>19}  {:>16}  {:>17}  {:>17.1}%  {:>18.1}%",
                if record { "yes" } else { "no (just stop)" },
                f.daily_reviews[back],
                week,
                f.retention(back, back + 1) * 100.0,
                f.retention(back, back + 7) * 100.0
            );
        }
    }
}
