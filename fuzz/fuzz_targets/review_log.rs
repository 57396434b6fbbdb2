//! Any bytes as a review log for `kioku optimize --from-csv`: read, then turned into FSRS
//! training items, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(log) = kioku::testing::scheduler::training::read_csv_log(data, "fuzz.csv") {
        let days = kioku::testing::scheduler::DayClock::new(chrono_tz::Asia::Tokyo, 4);
        let _ = kioku::testing::scheduler::training::training_items(&log.entries, &days);
    }
});
