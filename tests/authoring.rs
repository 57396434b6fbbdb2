//! A teacher's first deck (issue 20's newcomer walk, issue 14's Japanese): the slips that load but
//! do not mean what was meant are warned about where they are, YAML mistakes get a hint a teacher
//! can act on, every error is reported at once, and the plan, exam and suspend commands do what a
//! newcomer expects.

mod common;

use common::{lines_with, Env};

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// `kioku lint --format json` on the decks folder: (exit code, diagnostics).
fn lint_json(env: &Env, lang: &str) -> (i32, Vec<serde_json::Value>) {
    let out = env.kioku(NOW).env("KIOKU_LANG", lang).args(["lint", "--format", "json"]).output().unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

fn with_code<'a>(found: &'a [serde_json::Value], code: &str) -> Vec<&'a serde_json::Value> {
    found.iter().filter(|d| d["code"] == code).collect()
}

fn at(d: &serde_json::Value) -> (u64, u64) {
    (d["line"].as_u64().unwrap(), d["col"].as_u64().unwrap())
}

#[test]
fn a_reading_in_round_or_full_width_brackets_is_warned_with_the_fix() {
    let env = Env::new();
    env.write_deck(
        "readings.yaml",
        "cards:\n  - id: a\n    front: 尹錫悦大統領が宣布したのは？\n    back: 非常戒厳(ひじょうかいげん)の宣布\n    check: text\n  \
         - id: b\n    front: 非常戒厳【ひじょうかいげん】とは\n    back: x\n  \
         - id: c\n    question: 2025年6月の大統領選挙で当選したのは？\n    answer: 李在明\n    distractors: [尹錫悦［ユン・ソンニョル］, 韓国の金文洙（キム・ムンス）]\n  \
         - id: d\n    front: 国際原子力機関(IAEA)の事務局長は？\n    back: 文在寅[ムン・ジェイン]\n",
    );
    let (code, found) = lint_json(&env, "en");
    assert_eq!(code, 0, "warnings only: {found:?}");
    let warned = with_code(&found, "bracket-reading");
    // Positions counted by hand: the base's first kanji.
    let places: Vec<(u64, u64)> = warned.iter().map(|d| at(d)).collect();
    assert_eq!(places, [(4, 11), (7, 12), (12, 19), (12, 37)], "{warned:?}");
    assert!(warned.iter().all(|d| d["severity"] == "warning"));
    let hints: Vec<&str> = warned.iter().map(|d| d["hint"].as_str().unwrap()).collect();
    assert_eq!(
        hints,
        [
            "write it as 非常戒厳[ひじょうかいげん]",
            "write it as 非常戒厳[ひじょうかいげん]",
            "write it as 尹錫悦[ユン・ソンニョル]",
            "write it as 韓国の 金文洙[キム・ムンス]"
        ]
    );
    assert!(warned[0]["message"].as_str().unwrap().contains("`非常戒厳(ひじょうかいげん)` looks like a reading"));
    // The same in Japanese, quoted with 「」; --deny-warnings fails on it.
    let (_, found) = lint_json(&env, "ja");
    let ja = with_code(&found, "bracket-reading");
    assert_eq!(ja[0]["hint"], "「非常戒厳[ひじょうかいげん]」と書いてください");
    assert!(ja[0]["message"].as_str().unwrap().starts_with("「非常戒厳(ひじょうかいげん)」は読み仮名のようですが"));
    env.kioku(NOW).args(["lint", "--deny-warnings"]).assert().code(1);
    // Text output names file:line:col.
    let out = env.kioku(NOW).arg("lint").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("readings.yaml:4:11: warning: `非常戒厳(ひじょうかいげん)` looks like a reading"), "{text}");
}

#[test]
fn an_answer_written_as_the_options_number_is_caught_quoted_or_not() {
    let env = Env::new();
    env.write_deck(
        "choice.yaml",
        "cards:\n  - id: a\n    question: 非常戒厳の解除までの期間は？\n    distractors: [30日, 90日]\n    answer: 2\n  \
         - id: b\n    question: 同じく？\n    distractors: [30日, 90日]\n    answer: \"2\"\n  \
         - id: c\n    question: 選択肢は三つ？\n    distractors: [賛成, 反対]\n    answer: 5\n  \
         - id: d\n    question: 2 足す 1 は？\n    distractors: [\"2\", \"4\"]\n    answer: \"3\"\n",
    );
    let (code, found) = lint_json(&env, "en");
    assert_eq!(code, 0);
    let warned = with_code(&found, "answer-number");
    assert_eq!(warned.iter().map(|d| at(d)).collect::<Vec<_>>(), [(5, 13), (9, 13), (13, 13)], "{found:?}");
    // The bare 2 gets this warning only: not the advice to quote it, which would keep the mistake.
    assert!(with_code(&found, "retyped-value").iter().all(|d| d["line"] != 5), "{found:?}");
    assert_eq!(
        warned[0]["message"],
        "`answer: 2` is the text of the right option, not its number: students would see \"2\" as an option beside \"30日\", \"90日\""
    );
    let hint = warned[0]["hint"].as_str().unwrap();
    assert!(hint.starts_with("did you mean `answer: 90日` (the 2nd distractor)?"), "{hint}");
    assert!(warned[2]["hint"].as_str().unwrap().starts_with("write the right option's text in `answer`"));
    let (_, found) = lint_json(&env, "ja");
    let hint = with_code(&found, "answer-number")[0]["hint"].as_str().unwrap().to_string();
    assert!(hint.starts_with("「answer: 90日」（distractors の 2 番目）のことですか？"), "{hint}");
}

#[test]
fn options_is_taken_for_distractors_and_cards_are_counted_from_one() {
    let env = Env::new();
    env.write_deck(
        "fields.yaml",
        "cards:\n  - id: a\n    front: 1\n    back: x\n  - id: b\n    front: 2\n    back: y\n  - id: c\n    question: 中国の投票は？\n    answer: 棄権\n    options: [賛成, 反対]\n  - id: a\n    front: 3\n    back: z\n",
    );
    let out = env.kioku(NOW).arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("fields.yaml:11:5: error: card 3 (line 8): unknown field `options`"), "{text}");
    assert!(
        text.contains("hint: did you mean `distractors`? It lists the wrong options only; the right one goes in `answer`, not in the list"),
        "{text}"
    );
    // Every error at once: the duplicate id of the fourth card too, naming the first by number.
    assert!(text.contains("fields.yaml:12:9: error: duplicate note id 'a' (also used by card 1 (line 2))"), "{text}");
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").arg("lint").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("3 枚目（8 行目）"), "{text}");
    assert!(text.contains("1 枚目（2 行目）でも使われています"), "{text}");
    assert!(!text.contains("cards["), "{text}");
}

#[test]
fn common_yaml_slips_get_a_hint_and_every_error_shows_at_once() {
    let env = Env::new();
    env.write_deck(
        "slips.yaml",
        "cards:\n  - id: a\n    question: 当選したのは？\n    answer: 李在明\n    distractors: [金文洙[キム・ムンス], 尹錫悦[ユン・ソンニョル]]\n  \
         - id: b\n    front: 問: 金文洙は誰？\n    back: 国民の力の候補\n  \
         - id: c\n    front: \"\"\n    back: x\n  \
         - id: d\n    cloze: nothing hidden\n",
    );
    let (code, found) = lint_json(&env, "en");
    assert_eq!(code, 1);
    let errors: Vec<(u64, &str)> = found
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["line"].as_u64().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    // Both syntax errors and the two other cards' mistakes, in one run.
    assert_eq!(errors, [(5, "yaml"), (7, "yaml"), (10, "empty-field"), (13, "cloze-without-deletion")], "{found:?}");
    let hint = |line: u64| {
        found.iter().find(|d| d["line"] == line && d["code"] == "yaml").unwrap()["hint"].as_str().unwrap().to_string()
    };
    assert!(hint(5).starts_with("an item of `distractors` holds a bracket"), "{}", hint(5));
    assert_eq!(
        hint(7),
        "the value holds \": \", which YAML reads as a new field: quote the whole value, front: \"問: 金文洙は誰？\""
    );
}

#[test]
fn a_statement_answered_in_japanese_loads_and_is_judged() {
    let env = Env::new();
    env.write_deck(
        "tf.yaml",
        "cards:\n  - id: a\n    statement: 非常戒厳は2025年に宣布された。\n    answer: 誤り\n  - id: b\n    statement: 尹錫悦は弾劾された。\n    answer: 正しい\n  - id: c\n    statement: 李在明は当選した。\n    answer: ○\n",
    );
    let (code, found) = lint_json(&env, "en");
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
    // Answered right each time: 誤 for a, 正しい for b, はい for c.
    let out = env.kioku(NOW).arg("review").write_stdin("誤\n\n正しい\n\nはい\n\n").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&text, "verdict "), ["verdict right suggest 3"; 3], "{text}");
    // A word that is none of them is refused, quoted in Japanese with 「」.
    env.write_deck("tf.yaml", "cards:\n  - id: a\n    statement: S\n    answer: たぶん\n");
    let (_, found) = lint_json(&env, "ja");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("正しい/誤り") && message.contains("（「たぶん」ではありません）"), "{message}");
}

#[test]
fn the_same_exam_recorded_twice_updates_its_plan() {
    let env = Env::with_bundled_decks();
    let now = "2026-12-01T09:00:00+09:00";
    let run = |args: &[&str]| {
        let out = env.kioku(now).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&["plan", "--exam-date", "2026年12月23日"]);
    assert!(first.starts_with("plan 1 recorded"), "{first}");
    let again = run(&["plan", "--exam-date", "2026-12-23", "--target", "0.95"]);
    assert!(again.starts_with("plan 1 updated (it was already recorded for this exam day and scope)"), "{again}");
    let list = run(&["plan", "--list"]);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(list.contains("target 95%"), "{list}");
    // Another scope is another exam.
    let other = run(&["plan", "--exam-date", "2026-12-23", "--tag", "korea"]);
    assert!(other.starts_with("plan 2 recorded"), "{other}");
}

#[test]
fn suspend_names_the_decks_folder_when_a_key_is_not_found() {
    let env = Env::new();
    env.write_deck("mine.yaml", "cards:\n  - id: first\n    front: Q\n    back: A\n");
    // No database yet: suggestions come from the decks, and the folder is named.
    let out = env.kioku(NOW).args(["suspend", "mine/frist"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("mine/first"), "{err}");
    let decks = std::fs::canonicalize(env.decks()).unwrap();
    assert!(err.contains(&format!("the decks were read from {} (--decks or KIOKU_DECKS)", decks.display())), "{err}");
    assert!(!env.db().exists(), "no database made for a failed suspend");
    // A ./decks where kioku runs, in place of the bundled decks: said so.
    let out = env
        .kioku(NOW)
        .env_remove("KIOKU_DECKS")
        .args(["suspend", "korea-2025-chronology/nothing-here"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("a decks folder where you are, in place of the bundled decks"), "{err}");
}
