//! Judging one typed answer (issue 17): the checker's whole work — normalisation, numbers and
//! dates read, words around set aside, readings looked up, near misses — for answers from a few
//! characters up to 200, Japanese and Latin, right, almost and wrong. Figures go in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use kioku::testing::answer::{judge, Check, Expected};

fn cases() -> Vec<(&'static str, Check, String, String)> {
    let long_ja = "朝鮮半島の非核化と関与政策をめぐる日米韓の協力体制".repeat(8); // 200 characters
    let long_en = "complete verifiable irreversible denuclearization ".repeat(4); // 200 characters
    vec![
        ("text, Japanese, right with title and frame", Check::Text, "尹錫悦".into(), "答えは尹錫悦大統領です".into()),
        ("text, Japanese, kana reading (almost)", Check::Text, "関与政策".into(), "かんよせいさく".into()),
        ("text, Japanese, wrong", Check::Text, "金正恩".into(), "金正日".into()),
        ("number, kanji numerals", Check::Number, "23億ドル".into(), "二十三億ドル".into()),
        ("date, era abbreviation", Check::Date, "2025年4月4日".into(), "R7.4.4（金）".into()),
        ("text, Latin typo (almost)", Check::Text, "denuclearization".into(), "denuclearisation".into()),
        (
            "text, 200 Japanese characters, one kanji off",
            Check::Text,
            long_ja.clone(),
            long_ja.replacen("協力", "強力", 1),
        ),
        ("text, 200 Japanese characters typed in kana", Check::Text, long_ja.clone(), "ちょうせんはんとう".repeat(22)),
        ("text, 200 Latin characters, right", Check::Text, long_en.clone(), long_en.to_uppercase()),
        (
            "text, 200 Latin characters, two typos",
            Check::Text,
            long_en.clone(),
            long_en.replacen("verifiable", "verifaible", 2),
        ),
    ]
}

fn judge_one_answer(c: &mut Criterion) {
    for (name, check, expected, typed) in cases() {
        let accept: Vec<String> = Vec::new();
        let e = Expected { check, answer: &expected, accept: &accept, person: true, reading: None };
        c.bench_function(&format!("judge: {name}"), |b| b.iter(|| black_box(judge(black_box(&e), black_box(&typed)))));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = judge_one_answer
}
criterion_main!(benches);
