//! Any expected answer and typed answer, for every check: a verdict, never a panic (and, with
//! the checker's bounds, never a huge allocation).
#![no_main]

use kioku::testing::answer::{judge_typed, Check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(3, '\u{1f}');
    let (expected, typed, accept) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
    let accept: Vec<String> = accept.map(|a| a.split('|').map(str::to_string).collect()).unwrap_or_default();
    for check in [Check::Text, Check::Date, Check::Number] {
        let _ = judge_typed(check, expected, &accept, typed);
    }
});
