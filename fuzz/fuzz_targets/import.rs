//! Any bytes given to `kioku import`: a deck or a clear error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = kioku::testing::deck::interchange::import_text(text);
    }
});
