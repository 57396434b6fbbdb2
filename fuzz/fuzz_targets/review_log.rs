//! Any bytes as a review log for `kioku optimize --from-csv`: read, then turned into FSRS
//! training items, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(log) = kioku::scheduler::training::read_csv_log(data, "fuzz.csv") {
        let days = kioku::scheduler::DayClock::new(chrono_tz::Asia::Tokyo, 4);
        let _ = kioku::scheduler::training::training_items(&log.entries, &days);
    }
});
