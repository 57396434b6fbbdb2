//! Hostile decks and files (issue "Hostile input"): terminal escapes in deck text, CSV formula
//! injection, keys that break a report's CSV or Markdown.

mod common;

use common::Env;

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// Every field a student or teacher sees carries an escape sequence: OSC 0 (retitle the window),
/// ED (clear the screen), OSC 52 (write the clipboard), BEL, a C1 CSI and a bidi override.
const EVIL: &str = r#"deck: evil
title: "Evil \e]0;retitled\a"
tags: ["t\e[2J"]
cards:
  - id: basic
    front: "Q \e]0;retitled\a"
    back: "A \e[2J"
    explanation: "copy \e]52;c;aGk=\a"
    category: term
  - id: other
    front: "Q2 \u202Eevil"
    back: "B \x9B31m"
    category: term
  - id: typed
    front: "when \e[31m?"
    back: "2024年12月"
    check: date
  - id: choice
    question: "pick \e[2J"
    answer: "right \e]0;x\a"
    distractors: ["wrong \x9B2J"]
  - id: tf
    statement: "true? \e[2J"
    answer: true
  - id: order
    order: "order \e[2J"
    items: ["one \e[2J", "two"]
"#;

/// Control characters a terminal acts on: none may reach stdout or stderr.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "{what} printed {bad:?} raw:\n{text}");
    }
}

#[test]
fn deck_text_never_reaches_a_terminal_as_escape_sequences() {
    let env = Env::new();
    env.write_deck("evil.yaml", EVIL);
    let run = |args: &[&str], stdin: &str| {
        let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(args).write_stdin(stdin).output().unwrap();
        let what = args.join(" ");
        assert_inert(&what, &out.stdout);
        assert_inert(&what, &out.stderr);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The piped review: prompts, options, items, answers and explanations are shown visibly.
    let review = run(&["review"], &"\n\n".repeat(12));
    assert!(review.contains("  Q \\e]0;retitled\\u{7}"), "{review}");
    assert!(review.contains("copy \\e]52;c;aGk=\\u{7}"), "{review}");
    assert!(review.contains("option 1 ") && review.contains("\\u{9b}2J"), "{review}");
    assert!(review.contains("Q2 \\u{202e}evil"), "{review}");
    assert!(review.contains("t\\e[2J"), "tags: {review}");
    let exam = run(&["exam", "--seed", "7", "--count", "6"], &"\n".repeat(6));
    assert!(exam.contains("\\e[2J"), "{exam}");
    let cram = run(&["cram"], &"\n\n".repeat(12));
    assert!(cram.contains("\\e"), "{cram}");
    let preview = run(&["preview", "evil"], "");
    assert!(preview.contains("Evil \\e]0;retitled\\u{7}") && preview.contains("A \\e[2J"), "{preview}");
    let stats = run(&["stats"], "");
    assert!(stats.contains("t\\e[2J"), "weak tags: {stats}");
    // lint points at each control character.
    let lint = run(&["lint"], "");
    assert!(lint.contains("evil.yaml:6:15: warning: `front` holds the control character U+001B"), "{lint}");
    assert!(lint.contains("evil.yaml:11:16: warning: `front` holds the control character U+202E"), "{lint}");

    // Keys from the database (history, orphans) are shown visibly too.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("UPDATE cards SET key = 'evil/basic' || char(27) || ']0;db' || char(7), position = NULL WHERE key = 'evil/basic'", [])
        .unwrap();
    drop(conn);
    let history = run(&["history"], "");
    assert!(history.contains("evil/basic\\e]0;db\\u{7}"), "{history}");
    let orphans = run(&["orphans"], "");
    assert!(orphans.contains("evil/basic\\e]0;db\\u{7}"), "{orphans}");
}

#[test]
fn raw_control_characters_are_refused_where_they_are() {
    let env = Env::new();
    env.write_deck("raw.yaml", "deck: raw\ncards:\n  - id: a\n    front: 日本 \x1b[31m red\n    back: x\x07\n");
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_inert("lint", &out.stdout);
    let text = String::from_utf8(out.stdout).unwrap();
    // Line 4, column 15 (characters): `    front: 日本 ` is 14 characters.
    assert!(text.contains("raw.yaml:4:15: error: the control character U+001B is not allowed"), "{text}");
    assert!(text.contains("raw.yaml:5:12: error: the control character U+0007 is not allowed"), "{text}");
    // The caret sits under the character as shown (`\e`), after the double-width 日本.
    assert!(text.contains("  |     front: 日本 \\e[31m red\n  |                 ^"), "{text}");
}

/// The cells of a CSV text, parsed as a spreadsheet would read the file.
fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back() {
    let env = Env::new();
    env.write_deck(
        "f.yaml",
        r#"deck: -f
tags: ["@team"]
cards:
  - id: a
    front: '=HYPERLINK("http://x","y")'
    back: "-2"
  - id: b
    front: "+81 3 1234"
    back: "-0.5"
  - id: c
    front: "-cmd|' /C calc'!A0"
    back: "'=quoted already"
  - id: d
    front: "@SUM(A1)"
    back: "-x"
"#,
    );
    let out = env.kioku(NOW).args(["export", "deck", "--format", "csv", "--", "-f"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    let cells = csv_cells(&csv);
    let expected: Vec<Vec<&str>> = vec![
        vec!["front", "back", "tags"],
        vec!["'=HYPERLINK(\"http://x\",\"y\")", "-2", "'@team"],
        vec!["'+81 3 1234", "-0.5", "'@team"],
        vec!["'-cmd|' /C calc'!A0", "''=quoted already", "'@team"],
        vec!["'@SUM(A1)", "'-x", "'@team"],
    ];
    assert_eq!(cells, expected);

    // kioku's own importer takes the prefix off: a second export is the same file.
    std::fs::write(env.dir.path().join("f.csv"), &csv).unwrap();
    let back = env.dir.path().join("back");
    env.kioku(NOW).args(["import", "f.csv", "--deck", "f2", "-o"]).arg(back.join("f2.yaml")).assert().success();
    let again =
        env.kioku(NOW).args(["--decks"]).arg(&back).args(["export", "deck", "f2", "--format", "csv"]).output().unwrap();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let again = String::from_utf8(again.stdout).unwrap();
    // Tags are whitespace-separated words: "@team" comes back as the note's tag.
    assert_eq!(csv_cells(&again), expected);

    // The review log: a deck id starting with `-` makes keys a spreadsheet would run.
    env.kioku(NOW).arg("review").write_stdin("\n3\n".repeat(4)).assert().success();
    let log = env.kioku(NOW).args(["export", "reviews"]).output().unwrap();
    let log = String::from_utf8(log.stdout).unwrap();
    let rows = csv_cells(&log);
    assert!(rows[1..].iter().all(|r| r[6] == "'-f" && r[7].starts_with("'-f/")), "{log}");
    // …and `report` reads the prefix back off, then writes its own CSV neutralised again.
    std::fs::write(env.dir.path().join("s1.csv"), &log).unwrap();
    let report = env.kioku(NOW).args(["report", "s1.csv", "--format", "csv"]).output().unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    let keys: Vec<String> = csv_cells(&report)[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(keys.len(), 4, "{report}");
    assert!(keys.iter().all(|k| k.starts_with("'-f/") && !k.starts_with("''")), "{report}");
}

#[test]
fn report_keys_with_commas_newlines_and_pipes_keep_their_cell() {
    let env = Env::new();
    let log = "card_id,review_time,review_rating,review_state,review_duration,review_kind,deck,card_key\n\
               1,1748736000000,1,2,1000,review,d,\"d/a,b\nc|d\"\n\
               1,1748822400000,3,2,1000,review,d,\"d/a,b\nc|d\"\n";
    std::fs::write(env.dir.path().join("s.csv"), log).unwrap();
    let csv = env.kioku(NOW).args(["report", "s.csv", "--format", "csv"]).output().unwrap();
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let rows = csv_cells(&String::from_utf8(csv.stdout).unwrap());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "d/a,b\nc|d");
    assert_eq!(rows[1].len(), 6);
    let md = env.kioku(NOW).args(["report", "s.csv", "--format", "markdown"]).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), 3, "{md}");
    assert!(lines[2].starts_with("| d/a,b\\nc\\|d | 1 | 2 |"), "{md}");
}
