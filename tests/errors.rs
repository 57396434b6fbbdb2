//! Errors through the binary: typed errors rendered from the catalogue in the chosen language
//! (English pinned by `common::Env`, Japanese asked for), with the exit codes of `ExitCode`.

mod common;

use common::Env;

const NOW: &str = "2025-06-01T09:00:00+09:00";

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_bad_setting_is_refused_in_english_and_in_japanese_with_exit_1() {
    let env = Env::new();
    env.write_deck("a.yaml", "deck: a\ncards:\n  - id: one\n    front: One\n    back: 1\n");
    let out = env.kioku(NOW).args(["config", "set", "readings", "maybe"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_of(&out).trim(), "kioku: error: readings must be show or hide, not 'maybe'");
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["config", "set", "readings", "maybe"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out).trim(),
        "kioku: エラー: readings には show、hide のいずれかを指定してください(「maybe」は使えません)"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_named_with_the_reason() {
    let env = Env::new();
    let missing = env.decks().join("nothing-here.csv");
    let out = env.kioku(NOW).args(["optimize", "--from-csv"]).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out);
    assert!(stderr.contains(&format!("cannot read {}: No such file or directory", missing.display())), "{stderr}");
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["optimize", "--from-csv"]).arg(&missing).output().unwrap();
    let stderr = stderr_of(&out);
    assert!(stderr.contains(&format!("{} を読み込めません", missing.display())), "{stderr}");
}

#[test]
fn a_csv_without_a_needed_column_names_the_column_and_what_it_has() {
    let env = Env::new();
    let log = env.decks().join("log.csv");
    std::fs::write(&log, "Card_ID,review_time\n1,1700000000000\n").unwrap();
    let out = env.kioku(NOW).args(["optimize", "--from-csv"]).arg(&log).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    // The column is found whatever its case; the missing one is named.
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&format!("{}: no `review_rating` column (found: Card_ID, review_time)", log.display())),
        "{stderr}"
    );
}

#[test]
fn a_usage_error_exits_2() {
    let env = Env::new();
    let out = env.kioku(NOW).args(["review", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
