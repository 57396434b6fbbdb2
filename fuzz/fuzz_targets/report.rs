//! Any bytes as a student's `export reviews` file for `kioku report`: read, then the class
//! table worked out (study days at the far ends of time used to panic), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(answers) = kioku::testing::stats::class::read_export(data, 0, "fuzz.csv") {
        let now = chrono::DateTime::from_timestamp(1_748_736_000, 0).unwrap_or_default();
        let days = kioku::testing::scheduler::DayClock::new(chrono_tz::America::New_York, 4);
        let _ = kioku::testing::stats::class::difficulty(&answers, now, &days);
    }
});
