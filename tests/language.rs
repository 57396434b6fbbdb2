//! Which language kioku speaks (`--lang`/`KIOKU_LANG` > the `language` setting > the locale),
//! run on the real binary. The expected lines are the catalogue's `due` texts.

mod common;

use common::{Env, SMALL_DECK};

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// `kioku ARGS` with no language variable but those in `vars`; returns stdout.
fn run(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = env.kioku(NOW);
    cmd.env_remove("KIOKU_LANG");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn env() -> Env {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env
}

fn is_japanese(out: &str) -> bool {
    out.contains("デッキ") && out.contains("新規") && out.contains("今日") && !out.contains("learning")
}

fn is_english(out: &str) -> bool {
    out.starts_with("deck ") && out.contains("learning") && !out.contains("新規")
}

#[test]
fn lang_c_gives_english_and_a_japanese_locale_gives_japanese_without_any_flag() {
    let env = env();
    assert!(is_english(&run(&env, &[("LANG", "C")], &["due"])));
    assert!(is_english(&run(&env, &[("LANG", "C.UTF-8")], &["due"])));
    assert!(is_english(&run(&env, &[], &["due"])), "no locale at all: English");
    assert!(is_japanese(&run(&env, &[("LANG", "ja_JP.UTF-8")], &["due"])));
    assert!(is_japanese(&run(&env, &[("LC_ALL", "ja_JP.UTF-8"), ("LANG", "C")], &["due"])));
    assert!(is_japanese(&run(&env, &[("LANGUAGE", "ja:en"), ("LANG", "en_US.UTF-8")], &["due"])));
}

#[test]
fn flag_and_variable_beat_the_setting_which_beats_the_locale() {
    let env = env();
    let ja_locale = [("LANG", "ja_JP.UTF-8")];
    assert!(is_english(&run(&env, &ja_locale, &["--lang", "en", "due"])));
    assert!(is_english(&run(&env, &[("LANG", "ja_JP.UTF-8"), ("KIOKU_LANG", "en")], &["due"])));
    assert!(is_japanese(&run(&env, &[("LANG", "C"), ("KIOKU_LANG", "ja")], &["due"])));
    assert!(is_english(&run(&env, &[("KIOKU_LANG", "ja")], &["due", "--lang=en"])), "the flag beats the variable");

    // The setting: beats the locale, loses to the flag and the variable; `auto` goes back.
    run(&env, &[], &["config", "set", "language", "ja"]);
    assert!(is_japanese(&run(&env, &[("LANG", "C")], &["due"])));
    assert!(is_english(&run(&env, &[("LANG", "C")], &["--lang", "en", "due"])));
    assert!(is_english(&run(&env, &[("KIOKU_LANG", "en")], &["due"])));
    run(&env, &[], &["config", "set", "language", "auto"]);
    assert!(is_english(&run(&env, &[("LANG", "C")], &["due"])));
    assert!(is_japanese(&run(&env, &ja_locale, &["due"])));
}

#[test]
fn an_empty_variable_is_not_set_and_an_unknown_language_is_a_usage_error() {
    let env = env();
    assert!(is_japanese(&run(&env, &[("KIOKU_LANG", ""), ("LANG", "ja_JP.UTF-8")], &["due"])));
    let out = env.kioku(NOW).args(["--lang", "fr", "due"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ja or en"));
    let out = env.kioku(NOW).args(["config", "set", "language", "fr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a bad setting is refused");
    // The variable is named when it is what was wrong; the flag, when given, wins over it.
    let out = env.kioku(NOW).env("KIOKU_LANG", "fr").arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("KIOKU_LANG: 'fr'") && !said.contains("--lang"), "{said}");
    assert!(run(&env, &[("KIOKU_LANG", "fr")], &["--lang", "en", "due"]).contains("new"));
    // clap's usage errors from their kind: in Japanese with the option as typed, exit 2.
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["review", "--limt", "3"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.starts_with("kioku: エラー: 知らない引数「--limt」があります"), "{said}");
    assert!(said.contains("「--limit」") && said.contains("使い方: kioku review"), "the suggestion and usage: {said}");
    let out = env.kioku(NOW).args(["review", "--limt", "3"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("kioku: error: unexpected argument '--limt'"));
    // Two letters swapped, which clap's own measure misses: the option meant in both languages,
    // not clap's tip about passing `--nwe` as a value; a subcommand's own options are searched.
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["review", "--nwe", "3"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("ヒント: 似たものがあります:「--new」"), "{said}");
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(["review", "--nwe", "3"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.starts_with("kioku: error: unexpected argument '--nwe'"), "{said}");
    assert!(said.contains("tip: a similar one exists: '--new'") && !said.contains("as a value"), "{said}");
    assert!(said.contains("Usage: kioku review"), "{said}");
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(["export", "deck", "t", "--fromat", "csv"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("'--format'"));
}

#[test]
fn json_keys_stay_english_in_japanese() {
    let env = env();
    let en: serde_json::Value = serde_json::from_str(&run(&env, &[("KIOKU_LANG", "en")], &["due", "--json"])).unwrap();
    let ja: serde_json::Value = serde_json::from_str(&run(&env, &[("KIOKU_LANG", "ja")], &["due", "--json"])).unwrap();
    assert_eq!(en, ja);
    assert!(ja["total"]["new"].is_number());
}

#[test]
fn the_status_screen_says_the_streak_in_the_language() {
    let env = env();
    let ja = run(&env, &[("KIOKU_LANG", "ja")], &[]);
    assert!(ja.contains("連続学習: 0日"), "{ja}");
    let en = run(&env, &[("KIOKU_LANG", "en")], &[]);
    assert!(en.contains("streak: 0 days"), "{en}");
}

/// `kioku ARGS` with stdin, no language variable but those in `vars`; returns (stdout, stderr, code).
fn run_with(env: &Env, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
    let mut cmd = env.kioku(NOW);
    cmd.env_remove("KIOKU_LANG");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.args(args).write_stdin(stdin).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

#[test]
fn a_japanese_locale_reviews_in_japanese_with_the_protocol_keywords_unchanged() {
    let env = env();
    let (ja, _, code) = run_with(&env, &[("LANG", "ja_JP.UTF-8")], &["review"], "\n3\n\n1\n:q\n");
    assert_eq!(code, Some(0));
    let env_en = self::env();
    let (en, _, _) = run_with(&env_en, &[("LANG", "C")], &["review"], "\n3\n\n1\n:q\n");
    // The keyword lines are the same bytes in both languages.
    let keywords = |s: &str| s.lines().filter(|l| !l.starts_with("  ")).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(keywords(&ja), keywords(&en));
    assert!(ja.contains("  評価: 1 もう一度 · 2 難しい · 3 正解 · 4 簡単(空 = 正解)"), "{ja}");
    assert!(en.contains("  grade: 1 again · 2 hard · 3 good · 4 easy (empty = good)"), "{en}");
    // No English grade name in the Japanese lines for people.
    for line in ja.lines().filter(|l| l.starts_with("  ")) {
        for word in line.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(!["again", "hard", "good", "easy"].contains(&word), "{line}");
        }
    }
}

#[test]
fn help_follows_the_locale_and_usage_errors_say_kioku_error() {
    let env = env();
    let (ja, _, code) = run_with(&env, &[("LANG", "ja_JP.UTF-8")], &["review", "--help"], "");
    assert_eq!(code, Some(0));
    assert!(
        ja.contains("使い方: kioku review")
            && ja.contains("全体のオプション:")
            && ja.contains("今日のカードを復習する"),
        "{ja}"
    );
    let (en, _, _) = run_with(&env, &[("LANG", "C")], &["review", "--help"], "");
    assert!(en.contains("Usage: kioku review") && en.contains("Global options:"), "{en}");
    // The global options come after the command's own, under their heading.
    assert!(
        en.find("--limit").unwrap() < en.find("Global options:").unwrap()
            && en.find("--db").unwrap() > en.find("Global options:").unwrap()
    );
    // The setting does not apply to help (no database is read for it).
    run(&env, &[], &["config", "set", "language", "ja"]);
    let (en, _, _) = run_with(&env, &[("LANG", "C")], &["--help"], "");
    assert!(en.contains("Commands:"), "{en}");
    let (_, err, code) = run_with(&env, &[("LANG", "C")], &["revew"], "");
    assert_eq!(code, Some(2));
    assert!(err.starts_with("kioku: error: unrecognized subcommand 'revew'"), "{err}");
}

#[test]
fn times_for_people_follow_the_language_and_json_keeps_rfc_3339() {
    // 2025-06-01 was a Sunday: 日.
    let env = env();
    env.kioku(NOW).arg("review").write_stdin("\n3\n:q\n").assert().success();
    let ja = run(&env, &[("KIOKU_LANG", "ja")], &["history"]);
    assert!(ja.starts_with("2025年6月1日(日) 09:00"), "{ja}");
    let en = run(&env, &[("KIOKU_LANG", "en")], &["history"]);
    assert!(en.starts_with("2025-06-01 09:00  "), "{en}");
    let json = run(&env, &[("KIOKU_LANG", "ja")], &["history", "--json"]);
    assert!(json.contains("\"reviewed_at\": \"2025-06-01T09:00:00+09:00\""), "{json}");
    // A cram row (詰め込み, 8 columns) beside a review row (復習, 4): the card keys line up on screen.
    env.kioku(NOW).args(["cram", "--limit", "1"]).write_stdin("\n3\n").assert().success();
    let ja = run(&env, &[("KIOKU_LANG", "ja")], &["history"]);
    let key_columns: Vec<usize> = ja
        .lines()
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find(|c: char| c.is_ascii_lowercase()).unwrap()]))
        .collect();
    assert!(ja.contains("詰め込み") && ja.contains("復習"), "{ja}");
    assert!(key_columns.len() > 1 && key_columns.iter().all(|&c| c == key_columns[0]), "{ja}");
}

#[test]
fn usage_lines_do_not_show_options_set_by_variables() {
    // KIOKU_DB, KIOKU_DECKS, KIOKU_NOW, KIOKU_TZ are set by the test environment, KIOKU_LANG here.
    let env = env();
    let (_, err, code) = run_with(&env, &[("KIOKU_LANG", "en")], &["preview"], "");
    assert_eq!(code, Some(2));
    assert!(err.contains("\nUsage: kioku preview <DECK>\n"), "{err}");
    let (_, err, _) = run_with(&env, &[("KIOKU_LANG", "ja")], &["preview"], "");
    assert!(err.contains("\n使い方: kioku preview <DECK>\n"), "{err}");
    // An option typed on the command line is still shown.
    let db = env.db();
    let (_, err, _) = run_with(&env, &[("KIOKU_LANG", "en")], &["--db", db.to_str().unwrap(), "preview"], "");
    assert!(err.contains("\nUsage: kioku preview --db <PATH> <DECK>\n"), "{err}");
}
