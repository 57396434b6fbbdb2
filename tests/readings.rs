//! Readings (furigana) end to end: what the piped protocol shows with `readings` show and hide,
//! typed answers judged by base or reading, lint's positions, the exports, and cards stored by
//! an older expansion picking readings up without their deck file being edited.

mod common;

use common::{lines_with, Env};

const NOW: &str = "2025-06-01T09:00:00+09:00";

const DECK: &str = "\
deck: names
cards:
  - id: moon
    front: 韓国の 文在寅[ムン・ジェイン]政権の前の大統領は？
    back: 朴槿恵[パク・クネ]
    check: text
    explanation: 2017年に 弾劾[だんがい]で罷免された。
  - id: winner
    question: 2025年の大統領選で勝ったのは？
    answer: 李在明[イ・ジェミョン]
    distractors:
      - 金文洙[キム・ムンス]
      - 李俊錫[イ・ジュンソク]
  - id: ruling
    cloze: 尹錫悦[ユン・ソンニョル]大統領{{c1::弾劾::だんがい}}訴追案が可決された。[sic]
";

fn run(env: &Env, args: &[&str], input: &str) -> String {
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(args).write_stdin(input.to_string()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn readings_are_shown_to_people_and_left_out_of_keyword_lines() {
    let env = Env::new();
    env.write_deck("names.yaml", DECK);
    // moon typed by its reading, winner chosen by its base text, the cloze self-graded.
    let out = run(&env, &["review"], "パク・クネ\n\n李在明\n\n\n\n");
    let human: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(human.contains(&"  韓国の文在寅(ムン・ジェイン)政権の前の大統領は？"), "{out}");
    assert!(human.contains(&"  answer: 朴槿恵(パク・クネ)"), "{out}");
    assert!(human.contains(&"  2017年に弾劾(だんがい)で罷免された。"), "{out}");
    // The cloze hint in kana after a kanji is the cloze's bracket, not a reading; [sic] is text.
    assert!(human.contains(&"  尹錫悦(ユン・ソンニョル)大統領[だんがい]訴追案が可決された。[sic]"), "{out}");
    assert!(human.contains(&"  answer: 尹錫悦(ユン・ソンニョル)大統領[弾劾]訴追案が可決された。[sic]"), "{out}");
    let mut options: Vec<&str> = lines_with(&out, "option ").iter().map(|l| l.splitn(3, ' ').nth(2).unwrap()).collect();
    options.sort_unstable();
    assert_eq!(options, vec!["李俊錫", "李在明", "金文洙"]);
    assert_eq!(lines_with(&out, "verdict "), vec!["verdict right suggest 3", "verdict right suggest 3"]);
    assert_eq!(lines_with(&out, "done "), vec!["done 3"]);
}

#[test]
fn a_typed_answer_is_right_by_its_base_or_its_reading_and_hide_shows_bases() {
    let env = Env::new();
    let moon_only = DECK.split("  - id: winner").next().unwrap();
    env.write_deck("names.yaml", moon_only);
    run(&env, &["config", "set", "readings", "hide"], "");
    let out = run(&env, &["cram"], "朴槿恵\n\n");
    assert_eq!(lines_with(&out, "verdict "), vec!["verdict right suggest 3"]);
    let human: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(human.contains(&"  韓国の文在寅政権の前の大統領は？"), "{out}");
    assert!(human.contains(&"  answer: 朴槿恵"), "{out}");
    assert!(!out.contains("(ムン") && !out.contains("(パク") && !out.contains("(だんがい"), "{out}");
    // A reading that is wrong is wrong.
    let out = run(&env, &["cram"], "ムン・ジェイン\n\n");
    assert_eq!(lines_with(&out, "verdict "), vec!["verdict wrong suggest 1"]);
    let out = run(&env, &["config", "list"], "");
    assert!(out.contains("readings = \"hide\""), "{out}");
}

#[test]
fn lint_reports_slips_in_readings_at_their_place() {
    let env = Env::new();
    env.write_deck(
        "slips.yaml",
        "cards:\n  - id: a\n    front: 韓国の文在寅[ムン・ジェイン]は？\n    back: \"x 文在寅[]\"\n  - id: b\n    cloze: |\n      一行目\n      {{c1::金正恩[キム}}と[sic]\n",
    );
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(["lint", "--format", "json"]).output().unwrap();
    // Warnings only: the deck loads, the brackets shown as text.
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(u64, u64, &str, &str)> = found
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["col"].as_u64().unwrap(),
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
            )
        })
        .collect();
    // Columns counted by hand: `    front: ` is 11 characters, then 韓国の文在寅 (6) before `[`.
    assert_eq!(
        got,
        vec![
            (3, 18, "reading-base", "warning"),
            (4, 17, "reading-empty", "warning"),
            (8, 16, "reading-unclosed", "warning")
        ]
    );
    assert!(found[0]["hint"].as_str().unwrap().contains("韓国の 文在寅[ムン・ジェイン]"), "{:?}", found[0]);
}

#[test]
fn exports_keep_the_syntax() {
    let env = Env::new();
    env.write_deck("names.yaml", DECK);
    let csv = run(&env, &["export", "deck", "names", "--format", "csv"], "");
    assert!(csv.contains("韓国の 文在寅[ムン・ジェイン]政権の前の大統領は？,朴槿恵[パク・クネ]"), "{csv}");
    let anki = run(&env, &["export", "deck", "names"], "");
    assert!(anki.contains("尹錫悦[ユン・ソンニョル]大統領{{c1::弾劾::だんがい}}訴追案が可決された。[sic]"), "{anki}");
    // The CSV comes back as the same text.
    std::fs::write(env.dir.path().join("names.csv"), &csv).unwrap();
    let yaml = run(&env, &["import", "names.csv"], "");
    assert!(yaml.contains("韓国の 文在寅[ムン・ジェイン]政権の前の大統領は？"), "{yaml}");
}

#[test]
fn cards_stored_by_an_older_expansion_pick_readings_up_without_an_edit() {
    let env = Env::new();
    env.write_deck("names.yaml", DECK);
    run(&env, &["due"], "");
    // Make the database look as an older kioku left it: the card as that expansion stored it
    // (the cloze hint read as a reading), and a file record that still vouches for the file by
    // its size and mtime, but made by other rules (the fingerprint before expansion versions).
    let db = rusqlite::Connection::open(env.db()).unwrap();
    let key = "names/ruling:c1";
    let content: String = db
        .query_row(
            "SELECT content FROM card_content WHERE card_id = (SELECT id FROM cards WHERE key = ?1)",
            [key],
            |r| r.get(0),
        )
        .unwrap();
    let old = content.replace("\\\\[だんがい]", "[だんがい]");
    assert_ne!(old, content, "the new expansion escapes the cloze's bracket: {content}");
    db.execute(
        "UPDATE card_content SET content = ?1 WHERE card_id = (SELECT id FROM cards WHERE key = ?2)",
        rusqlite::params![old, key],
    )
    .unwrap();
    let changed = db
        .execute(
            "UPDATE deck_files SET hash = substr(hash, 1, instr(hash, '/') - 1), checked_at_ms = 9000000000000",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(db);
    // New cards come in deck order: moon (don't know), winner (option 1), then the cloze.
    let out = run(&env, &["review"], "\n\n1\n\n\n\n");
    let human: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(human.contains(&"  尹錫悦(ユン・ソンニョル)大統領[だんがい]訴追案が可決された。[sic]"), "{out}");
    // And the record is made by these rules again: the next run reads nothing.
    let db = rusqlite::Connection::open(env.db()).unwrap();
    let hash: String = db.query_row("SELECT hash FROM deck_files", [], |r| r.get(0)).unwrap();
    assert!(hash.contains("/"), "{hash}");
}
