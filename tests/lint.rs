//! `kioku lint` on a folder of bad decks, one problem each; the diagnostics are a reviewed
//! snapshot.

mod common;

use common::Env;

const NOW: &str = "2025-06-01T09:00:00+09:00";

fn bad_decks(env: &Env) {
    let decks: &[(&str, &str)] = &[
        ("01-typo.yaml", "cards:\n  - id: a\n    front: Q\n    anwser: A\n"),
        ("02-tab.yaml", "cards:\n\t- id: a\n"),
        ("03-duplicate-id.yaml", "cards:\n  - id: a\n    front: Q1\n    back: A\n  - id: a\n    front: Q2\n    back: B\n"),
        ("04-missing-id.yaml", "cards:\n  - front: Q\n    back: A\n"),
        ("05-empty-back.yaml", "cards:\n  - id: a\n    front: Q\n    back: \"\"\n"),
        ("06-cloze.yaml", "cards:\n  - id: a\n    cloze: nothing hidden\n"),
        ("07-choice.yaml", "cards:\n  - id: a\n    question: Q?\n    answer: 棄権\n    distractors: [賛成, 棄権]\n"),
        ("08-choice-one-option.yaml", "cards:\n  - id: a\n    question: Q?\n    answer: 棄権\n    distractors: []\n"),
        ("09-order.yaml", "cards:\n  - id: a\n    order: 並べよ\n    items: [only]\n"),
        ("10-retyped.yaml", "cards:\n  - id: a\n    front: 投票は？\n    back: no\n  - id: b\n    front: 年は？\n    back: 1990\n  - id: c\n    front: 日は？\n    back: 2025-04-04\n"),
        ("11-no-cards.yaml", "title: empty\n"),
        ("12-bare-cloze.yaml", "cards:\n  - id: a\n    cloze: \"{{2025年}}に判断した\"\n"),
        ("13-same-id-a.yaml", "deck: same\ncards:\n  - id: a\n    front: X\n    back: ans\n"),
        ("14-same-id-b.yaml", "deck: same\ncards:\n  - id: b\n    front: X2\n    back: ans\n"),
        ("15-syntax.yaml", "cards:\n  - id: a\n    front: \"unclosed\n    back: x\n"),
        ("16-statement.yaml", "cards:\n  - id: a\n    statement: S\n    answer: maybe\n"),
        ("17-duplicate-prompt.yaml", "cards:\n  - id: a\n    front: 同じ質問\n    back: A\n  - id: b\n    front: 同じ質問\n    back: B\n"),
        ("18-bom-crlf-ok.yaml", "\u{feff}cards:\r\n  - id: a\r\n    front: Q\r\n    back: A\r\n"),
    ];
    for (name, text) in decks {
        env.write_deck(name, text);
    }
    // 日本 in Shift_JIS, from an old editor.
    std::fs::write(
        env.decks().join("19-shift-jis.yaml"),
        b"cards:\n  - id: a\n    front: \x93\xfa\x96\x7b\n    back: x\n",
    )
    .unwrap();
}

#[test]
fn every_problem_in_every_file_at_once() {
    let env = Env::new();
    bad_decks(&env);
    let out = env.kioku(NOW).arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap().replace(&env.decks().display().to_string(), "DECKS");
    insta::assert_snapshot!(text);
    // The same as JSON, one object per problem.
    let out = env.kioku(NOW).args(["lint", "--format", "json"]).output().unwrap();
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.len(), text.lines().filter(|l| l.contains(": error: ") || l.contains(": warning: ")).count());
    assert!(json.iter().all(|d| d["file"].is_string() && d["line"].is_u64() && d["code"].is_string()));
    // The bundled decks are clean: no error, no warning.
    let clean = env
        .kioku(NOW)
        .env("KIOKU_DECKS", std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("decks"))
        .arg("lint")
        .output()
        .unwrap();
    assert!(clean.status.success());
    let summary = String::from_utf8(clean.stdout).unwrap();
    assert!(summary.starts_with("checked ") && summary.ends_with("/decks: 0 errors, 0 warnings\n"), "{summary}");
}

/// The same folder, and keyboard slips, in Japanese: messages, hints and the summary follow the
/// language; paths, positions, codes and the source lines do not (a reviewed snapshot).
#[test]
fn every_problem_in_japanese() {
    let env = Env::new();
    bad_decks(&env);
    env.write_deck(
        "20-keyboard-slips.yaml",
        "cards:\n  - id: a\n    front：尹錫悦大統領が非常戒厳を宣布したのはいつ？\n　　back: 2024年12月\n  ＃ 選択問題\n  - id: b\n    question: 中国の投票は？\n    answer:　棄権\n    distractors:\n      ・ 賛成\n",
    );
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap().replace(&env.decks().display().to_string(), "DECKS");
    insta::assert_snapshot!(text);
    // JSON keeps its keys and codes, and the severity's English word; messages are Japanese.
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["lint", "--format", "json"]).output().unwrap();
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.iter().any(|d| d["code"] == "fullwidth-colon" && d["severity"] == "error"));
    assert!(json.iter().any(|d| d["code"] == "duplicate-id" && d["message"].as_str().unwrap().contains("重複")));
}

/// A file with an error (a statement's answer `ほんと`) still gets its other notes' warnings in
/// the same run: the choice `answer: 2` meaning an option's number is told as answer-number, and
/// the generic "read as a string, other YAML tools read a number" warning is not given for it.
#[test]
fn a_broken_note_does_not_hide_the_warnings_of_the_others() {
    let env = Env::new();
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: s\n    statement: 韓国国会は戒厳解除を求めた。\n    answer: ほんと\n\
         \x20 - id: c\n    question: 戒厳は何回目？\n    answer: 2\n    distractors: [5回目, 6回目, 7回目]\n",
    );
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(["lint", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"answer-number"), "{json:#?}");
    assert!(json.iter().any(|d| d["severity"] == "error" && d["line"] == 5), "{json:#?}");
    assert_eq!(json.iter().filter(|d| d["line"] == 8).count(), 1, "one warning for answer: 2: {json:#?}");
}
