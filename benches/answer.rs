//! Answering one card on a generated 10,000-card collection: the scheduler step, one committed
//! SQLite transaction (WAL, synchronous=NORMAL) and the queue update — all the work kioku does
//! per answer. And, in process, opening the store of a 100,000-card collection and building
//! today's queue to the first card. Figures go in BENCHMARKS.md.

use std::hint::black_box;

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

use kioku::testing::scheduler::{DayClock, Rating, Scheduler};
use kioku::testing::session::{Filter, Today};
use kioku::testing::settings::Settings;
use kioku::testing::store::Store;

mod common;

const CARDS: usize = 10_000;

fn answer_one_card(c: &mut Criterion) {
    let start = Utc.with_ymd_and_hms(2025, 6, 1, 3, 0, 0).unwrap();
    let (_dir, path) = common::synced_collection(CARDS, start);
    let mut store = Store::open(&path, start).unwrap();
    let settings = Settings { new_per_day: 9999, ..Settings::default() };
    let scheduler = Scheduler::new(settings.clone(), None).unwrap();
    let days = DayClock::new(chrono_tz::Asia::Tokyo, settings.rollover_hour);
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
    c.bench_function("answer one card (10k-card collection)", |b| {
        b.iter(|| {
            now += Duration::seconds(5);
            let index = today.queue.next(&today.items, now.timestamp_millis()).unwrap_or(0);
            black_box(today.answer(&mut store, &scheduler, &days, index, Rating::Good, now, 5000, None).unwrap());
            // The session's idle work (a checkpoint every 64 answers), amortized.
            store.checkpoint_when_idle().unwrap();
        })
    });
}

fn first_card(c: &mut Criterion) {
    let start = Utc.with_ymd_and_hms(2025, 6, 1, 3, 0, 0).unwrap();
    let (_dir, path) = common::synced_collection(100_000, start);
    let settings = Settings::default();
    let days = DayClock::new(chrono_tz::Asia::Tokyo, settings.rollover_hour);
    c.bench_function("open the store and build today's queue to the first card (100k-card collection)", |b| {
        b.iter(|| {
            let store = Store::open(&path, start).unwrap();
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
            black_box(today.queue.next(&today.items, start.timestamp_millis()).unwrap());
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = answer_one_card, first_card
}
criterion_main!(benches);
