//! Every judged card kind end to end through the piped protocol: the verdict, the suggested
//! grade taken on an empty grade line, and that grade in `history --json`.

mod common;

use common::{lines_with, Env};

const NOW: &str = "2025-06-01T09:00:00+09:00";

const KINDS: &str = "\
deck: kinds
cards:
  - id: date
    front: 尹錫悦大統領が非常戒厳を宣布したのはいつ？
    back: 2024年12月
    check: date
  - id: cvid
    front: CVIDの日本語は？
    back: 完全かつ検証可能で後戻りのできない非核化
    check: text
    accept: [CVID]
  - id: un-vote
    question: 2022年3月の国連総会のロシア非難決議で、中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: grossi
    statement: IAEAのグロッシ事務局長は、北朝鮮の核保有を前提に議論すべきだと述べた。
    answer: yes
  - id: normalisation
    order: 古い順に並べよ
    items: [ソ韓国交正常化, 中韓国交正常化, ソ朝友好協力相互援助条約の破棄]
  - id: name
    front: Capital of North Korea (in English)?
    back: Pyongyang
    check: text
";

/// Runs one review starting at `now` with `input`, returns stdout.
fn review_at(env: &Env, now: &str, input: &str) -> String {
    let out = env.kioku(now).args(["review", "--new", "10"]).write_stdin(input.to_string()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The `option`/`item` lines of the current card, as (number, text).
fn listed<'a>(stdout: &'a str, word: &str) -> Vec<(usize, &'a str)> {
    lines_with(stdout, &format!("{word} "))
        .into_iter()
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            parts.next();
            (parts.next().unwrap().parse().unwrap(), parts.next().unwrap())
        })
        .collect()
}

#[test]
fn every_kind_is_judged_and_the_suggestion_is_saved() {
    let env = Env::new();
    env.write_deck("kinds.yaml", KINDS);
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    // A date in another form (full-width): right; the accepted alternative: right. The next
    // card, the choice, is shown before :q, so its shuffled options can be read (the order stays
    // the same until the card is answered).
    let stdout = review_at(&env, NOW, "２０２４年１２月\n\ncvid\n\n:q\n");
    assert_eq!(lines_with(&stdout, "verdict "), vec!["verdict right suggest 3", "verdict right suggest 3"], "{stdout}");
    assert!(stdout.contains("card kinds/date typed\n"), "{stdout}");
    let options = listed(&stdout, "option");
    assert_eq!(options.len(), 3);
    let abstain = options.iter().find(|(_, t)| *t == "棄権").unwrap().0;
    assert!(options.iter().any(|(_, t)| *t == "賛成"));

    let stdout = review_at(&env, "2025-06-01T09:00:30+09:00", &format!("{abstain}\n\nはい\n\n:q\n"));
    let items = listed(&stdout, "item");
    let position = |text: &str| items.iter().find(|(_, t)| *t == text).unwrap().0;
    let right_order = format!(
        "{} {} {}",
        position("ソ韓国交正常化"),
        position("中韓国交正常化"),
        position("ソ朝友好協力相互援助条約の破棄")
    );
    let wrong_order = format!(
        "{},{},{}",
        position("ソ朝友好協力相互援助条約の破棄"),
        position("中韓国交正常化"),
        position("ソ韓国交正常化")
    );
    assert_ne!(right_order, "1 2 3", "an order question is never shown in order");
    let stdout = review_at(&env, "2025-06-01T09:01:00+09:00", &format!("{wrong_order}\n\npyongyng\n\n:q\n"));
    let verdicts = lines_with(&stdout, "verdict ");
    // 1 of 3 in place (the middle one): wrong; Pyongyang with one letter missing: almost.
    assert_eq!(verdicts, vec!["verdict wrong suggest 1", "verdict almost suggest 2"], "{stdout}");
    assert!(stdout.contains("(1/3 in place)"), "{stdout}");
    assert!(stdout.contains("diff: pyongy[+a]ng"), "{stdout}");

    let ratings: Vec<(String, u64)> = env
        .history()
        .iter()
        .map(|r| (r["card"].as_str().unwrap().to_string(), r["rating"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        ratings,
        vec![
            ("kinds/date".to_string(), 3),
            ("kinds/cvid".to_string(), 3),
            ("kinds/un-vote".to_string(), 3),
            ("kinds/grossi".to_string(), 3),
            ("kinds/normalisation".to_string(), 1),
            ("kinds/name".to_string(), 2),
        ]
    );
}

#[test]
fn malformed_responses_are_asked_again_and_empty_means_wrong() {
    let env = Env::new();
    env.write_deck(
        "k.yaml",
        "cards:\n  - id: q\n    question: Q?\n    answer: A\n    distractors: [B, C]\n  - id: s\n    statement: S\n    answer: false\n  - id: o\n    items: [x, y, z]\n",
    );
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    let out =
        env.kioku(NOW).arg("review").write_stdin("9\nD\n\n\nmaybe\nx\n\n1 1 2\n1 2\n12\n\n\n:q\n").output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // 9, D (choice); maybe (true/false); 1 1 2, 1 2, 12 (order).
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error: ")).count(), 6, "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Empty choice: wrong; x (= false) on a false statement: right; empty order: wrong.
    assert_eq!(
        lines_with(&stdout, "verdict "),
        vec!["verdict wrong suggest 1", "verdict right suggest 3", "verdict wrong suggest 1"]
    );
    let ratings: Vec<u64> = env.history().iter().map(|r| r["rating"].as_u64().unwrap()).collect();
    assert_eq!(ratings, vec![1, 3, 1]);
}

#[test]
fn kind_mistakes_in_decks_are_errors_with_positions() {
    let env = Env::new();
    env.write_deck(
        "bad.yaml",
        "cards:
  - id: a
    question: Q?
    answer: A
    distractors: [B, A]
  - id: b
    statement: S
    answer: perhaps
  - id: c
    items: [only]
  - id: d
    front: F
    back: not a date
    check: date
  - id: e
    front: F
    answer: A
  - id: f
    front: F
    back: B
    check: colour
",
    );
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let codes: Vec<&str> =
        stderr.lines().filter(|l| l.contains(": error: ")).map(|l| l.split(": error: ").nth(1).unwrap()).collect();
    assert_eq!(
        codes,
        vec![
            "the answer 'A' is also a distractor",
            "a statement's answer is true or false (or yes/no, 正/誤, 正しい/誤り, はい/いいえ, ○/×), not 'perhaps'",
            "order 'c' needs at least two `items`, listed in the right order",
            "'not a date' is not a date (write it like 2024年12月 or 2024-12-05), but the note says check: date",
            "`answer` belongs to question and statement notes",
            "note 'e' has a front but no back",
            "check 'colour' is not text, date or number",
        ],
        "{stderr}"
    );
    assert!(stderr.contains("bad.yaml:5:22: error: the answer 'A'"), "{stderr}");
}
