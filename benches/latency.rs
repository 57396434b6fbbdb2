//! In process, as Anki's engine is measured in `benches/anki/`, on a generated collection of N
//! cards (default 100,000): the time to open the store and build today's queue to the first card
//! with the default daily limits (median of 21), then 1,000 answers "good", each
//! timed from the call to the committed transaction (scheduler step, review row and schedule in
//! one SQLite transaction, queue update). Between answers the session's idle work runs (a
//! checkpoint every 64 answers, done while the learner reads a card), timed apart. Prints p50
//! and p99 in milliseconds.
//! Run: `cargo bench --bench latency -- 100000`.

use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};

use kioku::testing::scheduler::{DayClock, Rating, Scheduler};
use kioku::testing::session::{Filter, Today};
use kioku::testing::settings::Settings;
use kioku::testing::store::Store;

mod common;

const ANSWERS: usize = 1_000;

fn main() {
    // `cargo bench` passes `--bench`; the first number given is the collection size.
    let cards: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let start = Utc.with_ymd_and_hms(2025, 6, 1, 3, 0, 0).unwrap();
    let (_dir, path) = common::synced_collection(cards, start);
    let defaults = Settings::default();
    let days = DayClock::new(chrono_tz::Asia::Tokyo, defaults.rollover_hour);
    let mut opens: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let store = Store::open(&path, start).unwrap();
            let mut today = Today::build(
                &store,
                kioku::testing::store::LearnerId::PERSONAL,
                &Filter::default(),
                &defaults,
                &days,
                start,
                None,
            )
            .unwrap();
            today.queue.next(&today.items, start.timestamp_millis()).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    opens.sort_by(f64::total_cmp);
    println!("{cards} cards, open and show the first card in process: {:.3} ms", opens[10]);
    let settings = Settings { new_per_day: ANSWERS as u32, ..defaults };
    let mut store = Store::open(&path, start).unwrap();
    let scheduler = Scheduler::new(settings.clone(), None).unwrap();
    let mut today = Today::build(
        &store,
        kioku::testing::store::LearnerId::PERSONAL,
        &Filter::default(),
        &settings,
        &days,
        start,
        None,
    )
    .unwrap();
    let mut now = start;
    let mut latencies = Vec::with_capacity(ANSWERS);
    let mut idle = Vec::with_capacity(ANSWERS);
    for _ in 0..ANSWERS {
        now += Duration::seconds(5);
        let Some(index) = today.queue.next(&today.items, now.timestamp_millis()) else { break };
        let t = Instant::now();
        today.answer(&mut store, &scheduler, &days, index, Rating::Good, now, 5000, None).unwrap();
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        store.checkpoint_when_idle().unwrap();
        idle.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let at = |v: &mut Vec<f64>, q: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() as f64 * q) as usize).saturating_sub(1)]
    };
    let (p50, p99) = (at(&mut latencies, 0.5), at(&mut latencies, 0.99));
    let (idle_max, idle_total) = (at(&mut idle, 1.0), idle.iter().sum::<f64>());
    println!("{cards} cards, {} answers in process: p50 {p50:.3} ms, p99 {p99:.3} ms", latencies.len());
    println!("  idle work while reading: {idle_total:.1} ms in all, at most {idle_max:.3} ms at once");
}
