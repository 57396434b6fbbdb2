//! No English is left on Japanese screens (issue 14): every command a student or teacher runs,
//! its notices and its refusals, run with `KIOKU_LANG=ja` on the real binary, and every line a
//! person reads checked for English words. What may stay ASCII is set aside first: the piped
//! protocol's keyword lines, the text of the deck itself, paths, card keys, commands and options
//! quoted in a message, setting names and values, and a short list of names (FSRS, YAML…).
//!
//! The same run in English must be flagged on nearly every command, so the check is shown able
//! to fail; clap's own usage errors and `kioku schema` are English by design (README, Language).

mod common;

use std::collections::BTreeSet;

use common::Env;

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// Every card kind, Japanese text with the ASCII a real deck has (CVID, THAAD).
const DECK: &str = r#"deck: t
title: テストのデッキ
lang: ja
tags: [korea]
cards:
  - id: basic
    front: CVID とは？
    back: 完全かつ検証可能で後戻りのできない非核化
    explanation: 北朝鮮の非核化の目標。
  - id: typed
    front: 非常戒厳が宣布されたのは何年何月？
    back: 2024年12月
    check: date
  - id: choice
    question: 国連総会の決議で、中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: tf
    statement: THAAD は終末高高度防衛ミサイルである。
    answer: true
  - id: order
    order: 古い順に並べよ
    items: [朝鮮戦争休戦, ソ韓国交正常化, 中韓国交正常化]
  - id: cloze
    cloze: 憲法裁判所は{{c1::2025年4月4日}}、弾劾を{{c2::妥当}}と判断した。
  - id: capital
    front: 北朝鮮の首都は？
    back: 平壌
    category: place
"#;

/// A deck with a mistake of each common kind, for lint's messages.
const BAD_DECK: &str = "deck: bad\ncards:\n  - id: a\n    cloze: 穴がない\n  - id: a\n    front: 表\n    bakc: 裏\n  - id: c\n    question: 問い\n    answer: 答え\n";

/// Words that may be ASCII on a Japanese screen: names of things, keys people press, and the
/// deck format's field names and values (written in YAML as they are), after the line break.
const ALLOWED: &str = "kioku FSRS RMSE bins IANA UTC RFC YAML JSON CSV TSV Anki apkg Enter Esc Ctrl IME yes true false auto show hide deck random leech Asia Tokyo Europe Berlin January UTF MiB KiB GiB iconv\n    title lang source tags cards front back check section explanation cloze question answer distractors order items statement reverse category accept text date number person";

/// The English words left on the lines for people in `output` (protocol keyword lines, the
/// deck's own words and the allowed names set aside).
fn english_words(output: &str, deck_words: &BTreeSet<String>) -> Vec<String> {
    const KEYWORDS: &[&str] = &[
        "card ",
        "option ",
        "item ",
        "verdict ",
        "saved ",
        "done ",
        "seed ",
        "score ",
        "undone ",
        "suspended ",
        "buried ",
    ];
    let mut found = Vec::new();
    for line in output.lines() {
        if KEYWORDS.iter().any(|k| line.starts_with(k)) {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        for word in words_for_people(line) {
            if !ALLOWED.split_whitespace().any(|a| a == word) && !deck_words.contains(&word) {
                found.push(format!("{word}  ← {line}"));
            }
        }
    }
    found
}

/// The ASCII words of three letters or more in `line` that are prose: not inside `backticks`,
/// not part of a path, key, option, setting name or number-with-unit, not a command after
/// `kioku`.
fn words_for_people(line: &str) -> Vec<String> {
    // Code spans are quoted commands and values; 「…」 quotes what the user typed or a value.
    let mut text = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            text.push_str(part);
            text.push(' ');
        }
    }
    let mut unquoted = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unquoted.push(c),
            _ => {}
        }
    }
    let text = unquoted;
    // Split into tokens at spaces and Japanese punctuation and letters: a token is a run of
    // ASCII that is not a space.
    let tokens = text.split(|c: char| c.is_whitespace() || !c.is_ascii());
    let commands = command_words();
    let settings: Vec<&str> = kioku::testing::settings::SPECS.iter().map(|s| s.key).collect();
    let mut words = Vec::new();
    let mut in_command = false;
    for raw in tokens {
        let token = raw.trim_matches(|c: char| "()[]{}<>,;:!?'\"«»|=*→".contains(c) || c == '.');
        if token.is_empty() {
            continue;
        }
        // A path, a key, an option, a setting name, a variable, a placeholder, a number, a file
        // name (`*.yaml`), a choice of values (`ja|en`).
        let inner = raw.trim_matches(|c: char| "()[]{}<>,;:!?'\"«»→".contains(c));
        let technical = inner.contains(['/', '\\', '_', '-', '.', '=', '@', '$', '%', '#', '~', ':', '+', '|', '*'])
            || token.chars().any(|c| c.is_ascii_digit())
            || token.chars().all(|c| c.is_ascii_uppercase())
            || settings.contains(&token);
        // A command line: `kioku`, then its subcommands, options and placeholders; punctuation
        // after a word ends it (`kioku:` starts a message, not a command).
        if token == "kioku" && !raw.ends_with(':') {
            in_command = true;
            continue;
        }
        if in_command && (technical || commands.contains(token)) {
            in_command = raw == token;
            continue;
        }
        in_command = false;
        if technical || token == "kioku" {
            continue;
        }
        if token.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3 {
            words.push(token.to_string());
        }
    }
    words
}

/// Every command and subcommand name (`review`, `config`, `set`…), as a command line quoted in
/// a message has them; `deck` and `reviews` of `export` included.
fn command_words() -> BTreeSet<String> {
    fn walk(command: &clap::Command, out: &mut BTreeSet<String>) {
        for sub in command.get_subcommands() {
            out.insert(sub.get_name().to_string());
            walk(sub, out);
        }
    }
    use clap::CommandFactory;
    let mut words = BTreeSet::new();
    walk(&kioku::testing::cli::Cli::command(), &mut words);
    words
}

/// One command run: its arguments, what it reads on stdin, extra environment.
struct Run {
    args: &'static [&'static str],
    stdin: &'static str,
    env: &'static [(&'static str, &'static str)],
}

/// Commands whose standard output is a file's content (a YAML deck), not words for people.
const DATA_ON_STDOUT: &[&str] = &["import"];

const fn run(args: &'static [&'static str]) -> Run {
    Run { args, stdin: "", env: &[] }
}

/// Everything a student or a teacher does in a first week, with its notices and refusals, in
/// an order in which each has something to show.
fn session() -> Vec<Run> {
    // A self-graded or judged card alike takes an empty response (don't know) and a grade.
    const ANSWERS: &str = "\n3\n\n3\n\n3\n\n3\n\n3\n\n3\n\n3\n\n3\n:q\n";
    vec![
        run(&[]),
        run(&["due"]),
        Run { args: &["review"], stdin: ANSWERS, env: &[] },
        run(&["history"]),
        run(&["stats"]),
        run(&["undo"]),
        Run { args: &["review", "--limit", "1"], stdin: ":b\n:q\n", env: &[] },
        Run { args: &["review"], stdin: "\n3\n:s\n:q\n", env: &[] },
        run(&["undo"]),
        Run { args: &["cram", "--limit", "2"], stdin: "\n3\n\n3\n", env: &[] },
        run(&["cram", "--missed", "1"]),
        Run { args: &["exam", "--count", "3", "--seed", "1"], stdin: "\n\n\n", env: &[] },
        run(&["exam", "--history"]),
        run(&["exam", "--count", "0"]),
        run(&["plan", "--exam-date", "2025-06-20"]),
        run(&["plan"]),
        run(&["plan", "--list"]),
        run(&["plan", "--exam-date", "1999-01-01"]),
        run(&["break", "--list"]),
        run(&["break", "2025-06-10", "2025-06-12"]),
        run(&["break", "--list"]),
        run(&["break", "--remove", "1"]),
        run(&["break", "--remove", "9"]),
        run(&["break", "2025-06-12", "2025-06-10"]),
        run(&["break", "2025-06-1x", "2025-06-12"]),
        run(&["break", "2025-02-30", "2025-06-12"]),
        run(&["break", "2025-06", "2025-06-12"]),
        run(&["break", "25-06-10", "2025-06-12"]),
        run(&["break", "2025-06-10"]),
        run(&["postpone", "1", "--yes"]),
        run(&["advance", "1", "--yes"]),
        run(&["postpone", "0", "--yes"]),
        run(&["postpone", "1"]),
        run(&["orphans"]),
        run(&["config", "list"]),
        run(&["config", "set", "new_per_day", "abc"]),
        run(&["config", "set", "decks", "no-such-folder"]),
        run(&["config", "set", "nothing", "1"]),
        run(&["preview", "t"]),
        run(&["lint"]),
        run(&["optimize", "--dry-run"]),
        run(&["suspend", "t/nothing"]),
        run(&["suspend", "t/basic"]),
        run(&["suspend", "t/basic"]),
        run(&["unsuspend", "t/basic"]),
        run(&["review", "--tag", "nothing"]),
        run(&["review", "nothing"]),
        run(&["export", "deck", "t", "-o", "out.csv"]),
        run(&["export", "deck", "t", "-o", "out.csv"]),
        run(&["export", "reviews", "-o", "reviews.csv"]),
        run(&["report", "reviews.csv"]),
        run(&["import", "out.csv"]),
        run(&["import", "no-such-file.csv"]),
        run(&["new", "mine", "-o", "mine.yaml"]),
        run(&["man", "--dir", "no-such-folder"]),
        run(&["--now", "yesterday", "due"]),
        run(&["--tz", "Mars/Olympus", "due"]),
        run(&["--db", "no-such-folder/kioku.sqlite3", "due"]),
        Run { args: &["due"], stdin: "", env: &[("KIOKU_TZ", ""), ("TZ", "Nowhere/Land")] },
        run(&["review", "--nwe", "3"]),
        run(&["reveiw"]),
        run(&["review", "--limit", "many"]),
        run(&["export", "deck", "t", "--format", "pdf"]),
        run(&["break"]),
        run(&["review", "--help"]),
        run(&["plan", "--help"]),
    ]
}

/// Runs the whole session in `lang`; returns, per command, the English words found.
fn english_per_command(lang: &str) -> Vec<(String, Vec<String>)> {
    let env = Env::new();
    env.write_deck("t.yaml", DECK);
    let bad = env.dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("bad.yaml"), BAD_DECK).unwrap();
    let deck_words: BTreeSet<String> = [DECK, BAD_DECK]
        .concat()
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_string)
        .collect();
    let mut runs = session();
    runs.push(Run { args: &["lint", "bad"], stdin: "", env: &[] });
    let mut results = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if i == runs.len() - 1 {
            // Orphans: a note gone from its deck after it was answered.
            env.write_deck("t.yaml", &DECK.replace("  - id: basic\n", "  - id: basic-renamed\n"));
            for args in [&["orphans"][..], &["orphans", "--prune", "--yes"]] {
                let out = env.kioku(NOW).env("KIOKU_LANG", lang).args(args).output().unwrap();
                let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
                results.push((args.join(" "), english_words(&text, &deck_words)));
            }
        }
        let mut cmd = env.kioku(NOW);
        cmd.env("KIOKU_LANG", lang);
        for (k, v) in run.env {
            cmd.env(k, v);
        }
        let out = cmd.args(run.args).write_stdin(run.stdin).output().unwrap();
        assert_ne!(out.status.code(), Some(101), "{:?} panicked: {}", run.args, String::from_utf8_lossy(&out.stderr));
        let stdout =
            if run.args.first().is_some_and(|a| DATA_ON_STDOUT.contains(a)) { Default::default() } else { out.stdout };
        let text = format!("{}{}", String::from_utf8_lossy(&stdout), String::from_utf8_lossy(&out.stderr));
        results.push((run.args.join(" "), english_words(&text, &deck_words)));
    }
    results
}

#[test]
fn no_english_is_left_on_japanese_screens() {
    let leaks: Vec<String> = english_per_command("ja")
        .into_iter()
        .filter(|(_, words)| !words.is_empty())
        .map(|(args, words)| format!("kioku {args}:\n    {}", words.join("\n    ")))
        .collect();
    assert!(leaks.is_empty(), "English on Japanese screens:\n{}", leaks.join("\n"));
}

#[test]
fn the_same_commands_in_english_are_flagged() {
    // The check can fail: in English nearly every command says something in words.
    let results = english_per_command("en");
    let quiet: Vec<&String> = results.iter().filter(|(_, words)| words.is_empty()).map(|(args, _)| args).collect();
    assert!(quiet.len() * 10 <= results.len(), "commands the check saw no English in: {quiet:?}");
}

#[test]
fn the_word_filter_sets_aside_only_what_is_not_prose() {
    let none = BTreeSet::new();
    let found = |line: &str| english_words(line, &none).len();
    assert_eq!(found("  kioku review --new N で出題できます"), 0, "a command line");
    assert_eq!(found("t/basic を保留しました (/tmp/x.sqlite3, new_per_day, `kioku config set`)"), 0);
    assert_eq!(found("card t/basic basic"), 0, "a protocol keyword line");
    assert_eq!(found("no orphans: every card with history is in the decks"), 6, "decks: a setting's name");
    assert_eq!(found("kioku: another kioku session is using this database"), 5, "kioku: is no command");
    assert_eq!(found("kioku review --new N; for every day"), 3, "a command ends at its punctuation");
    assert_eq!(found("新規 5 · learn 0 · due 0"), 2, "English grade and state words are caught");
    assert_eq!(found("error: not a date"), 1, "a refused line's message is checked");
    assert_eq!(found("kioku: エラー: 「yesterday」は時刻ではありません"), 0, "what the user typed is quoted");
    assert_eq!(found("読み込めません: No such file or directory"), 3, "the system's English is caught");
    assert_eq!(found("fuzz = \"true\""), 0, "a setting and its value");
}
