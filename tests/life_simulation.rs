//! Issue 21's simulation, short (the year is `cargo bench --bench life_year`): a student studies
//! every day through kioku's real review session (see `sim/mod.rs`). With load balancing the
//! daily review counts are more even and true retention stays close; a two-week break recorded in
//! kioku leaves fewer reviews on the day back, remembered better, than simply stopping.

#[path = "sim/mod.rs"]
mod sim;

use sim::{simulate, Run};

const DAYS: u32 = 70;

#[test]
fn load_balancing_evens_the_days_and_keeps_retention() {
    let (mut sd_on, mut sd_off) = (0.0, 0.0);
    for seed in [1, 2] {
        let on = simulate(Run { seed, days: DAYS, load_balance: true, away: None, record_break: false });
        let off = simulate(Run { seed, days: DAYS, load_balance: false, away: None, record_break: false });
        let n = DAYS as usize;
        println!(
            "seed {seed}: sd {:.2} → {:.2}, retention {:.2}% → {:.2}%",
            off.sd(7, n),
            on.sd(7, n),
            off.retention(0, n) * 100.0,
            on.retention(0, n) * 100.0
        );
        sd_on += on.sd(7, n);
        sd_off += off.sd(7, n);
        assert!((on.retention(0, n) - off.retention(0, n)).abs() < 0.03, "seed {seed}");
    }
    assert!(sd_on < sd_off, "balanced {sd_on:.2} vs plain {sd_off:.2}");
}

#[test]
fn a_recorded_break_softens_the_return() {
    let away = Some((30, 43));
    let back = 44;
    let (mut first_day_with, mut first_day_without) = (0, 0);
    for seed in [1, 2] {
        let with = simulate(Run { seed, days: 52, load_balance: true, away, record_break: true });
        let without = simulate(Run { seed, days: 52, load_balance: true, away, record_break: false });
        assert!(with.daily_reviews[30..44].iter().chain(&without.daily_reviews[30..44]).all(|&n| n == 0));
        println!(
            "seed {seed}: day back {} vs {} reviews; retention on return {:.1}% vs {:.1}%",
            with.daily_reviews[back],
            without.daily_reviews[back],
            with.retention(back, back + 1) * 100.0,
            without.retention(back, back + 1) * 100.0
        );
        first_day_with += with.daily_reviews[back];
        first_day_without += without.daily_reviews[back];
    }
    assert!(first_day_with < first_day_without, "{first_day_with} vs {first_day_without}");
}
