//! Any bytes saved as a deck file: the loader must answer with cards or diagnostics, never panic
//! or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kioku::testing::deck::check_bytes(data, "fuzz.yaml");
});
