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
        vec!["front", "back", "tags", "id", "explanation", "reverse", "check", "accept", "category"],
        vec!["'=HYPERLINK(\"http://x\",\"y\")", "-2", "'@team", "a", "", "", "", "", ""],
        vec!["'+81 3 1234", "-0.5", "'@team", "b", "", "", "", "", ""],
        vec!["'-cmd|' /C calc'!A0", "''=quoted already", "'@team", "c", "", "", "", "", ""],
        vec!["'@SUM(A1)", "'-x", "'@team", "d", "", "", "", "", ""],
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

#[test]
fn editor_and_os_side_files_are_not_decks() {
    let env = Env::new();
    env.write_deck("t.yaml", "cards:\n  - id: a\n    front: Q\n    back: A\n");
    // macOS's AppleDouble file (binary), Vim's swap file, backups, Emacs's autosave, a hidden file.
    env.write_deck("._t.yaml", "\0\u{5}\u{16}\u{7}\0\u{2}\0\0Mac OS X");
    env.write_deck(".t.yaml.swp", "b0VIM 9.0\0\0");
    env.write_deck("t~.yaml", "cards: [broken");
    env.write_deck("#t.yaml#", "cards: [broken");
    env.write_deck(".hidden.yaml", "cards: [broken");
    // Emacs's lock file: a dangling symbolic link.
    #[cfg(unix)]
    std::os::unix::fs::symlink("user@host.1234:1700000000", env.decks().join(".#t.yaml")).unwrap();
    let due = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
    assert!(due.status.success(), "{}", String::from_utf8_lossy(&due.stderr));
    let due: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(due["decks"].as_array().unwrap().len(), 1);
    assert_eq!(due["decks"][0]["deck"], "t");
    let lint = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    // Only t.yaml is checked: its one card.
    assert!(String::from_utf8(lint.stdout).unwrap().starts_with("checked 1 file, 1 card in "));
}

/// `kioku ARGS` in a child whose address space is limited to `mib` MiB (setrlimit), so a memory
/// bound is tested without using the memory: past the limit an allocation fails and the process
/// aborts instead of growing.
#[cfg(unix)]
fn under_memory_limit(env: &Env, mib: u64, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = env.std_command(NOW);
    cmd.env("KIOKU_LANG", "en").args(args);
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit { rlim_cur: mib << 20, rlim_max: mib << 20 };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.stdin(std::process::Stdio::null()).output().unwrap()
}

#[cfg(unix)]
#[test]
fn aliases_of_a_large_value_are_refused_by_expanded_size() {
    let env = Env::new();
    // One 1 MB value and 3,000 aliases of it: 3 GB once expanded, though few nodes.
    let mut deck = format!("cards:\n  - id: n0\n    front: &big \"{}\"\n    back: x\n", "x".repeat(1_000_000));
    for i in 1..1500 {
        deck.push_str(&format!("  - id: n{i}\n    front: *big\n    back: *big\n"));
    }
    env.write_deck("bomb.yaml", &deck);
    let out = under_memory_limit(&env, 1024, &["due"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bomb.yaml:7:11: error: aliases (*name) expand to more than 100,000 values or 1 MiB of text"),
        "{stderr}"
    );
    assert!(!env.db().exists(), "a refused deck makes no database");
    // A few aliases of a modest value are fine.
    let mut deck = "cards:\n  - id: n0\n    front: a\n    back: &shared \"the same explanation\"\n".to_string();
    for i in 1..200 {
        deck.push_str(&format!("  - id: n{i}\n    front: q{i}\n    back: *shared\n"));
    }
    env.write_deck("bomb.yaml", &deck);
    let out = under_memory_limit(&env, 1024, &["due"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(unix)]
#[test]
fn a_megabyte_of_keyboard_slips_is_named_twenty_times_in_bounded_memory() {
    let env = Env::new();
    // A line of 350,000 list dashes each followed by a full-width space, then 2,000 lines
    // indented with full-width spaces: every slip is mended, the first 20 are named, and each
    // diagnostic is built once (not a copy of the megabyte line per slip).
    let deck = format!("cards:\n  {}x\n{}", "-\u{3000}".repeat(350_000), "\u{3000}\u{3000}front: x\n".repeat(2_000));
    env.write_deck("slips.yaml", &deck);
    let out = under_memory_limit(&env, 1024, &["lint"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let head = &stdout[..stdout.len().min(3000)];
    assert!(stdout.contains("slips.yaml:2:4: error: `-` is followed by a full-width space"), "{head}");
    assert_eq!(stdout.matches("the line is indented with full-width spaces").count(), 19, "{head}");
    assert!(stdout.matches(": error: ").count() <= 25, "{head}");
}

#[cfg(unix)]
#[test]
fn inputs_that_are_not_files_or_too_big_are_refused_clearly() {
    let env = Env::new();
    env.write_deck("t.yaml", "cards:\n  - id: a\n    front: Q\n    back: A\n");
    // Devices: /dev/zero never ends. Under a 1 GiB limit, reading it whole would abort.
    for args in [
        vec!["report", "/dev/zero"],
        vec!["optimize", "--from-csv", "/dev/zero"],
        vec!["import", "/dev/zero"],
        vec!["report", "/dev/stdin"],
    ] {
        let out = under_memory_limit(&env, 1024, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("is not a regular file"), "{args:?}: {stderr}");
    }
    // Sparse files past the caps (no disk or memory used to make them).
    let big = |name: &str, mib: u64| {
        let path = env.dir.path().join(name);
        std::fs::File::create(&path).unwrap().set_len((mib << 20) + 1).unwrap();
        path.display().to_string()
    };
    for (args, cap) in [
        (vec!["report".to_string(), big("log.csv", 64)], "64 MiB"),
        (vec!["optimize".to_string(), "--from-csv".to_string(), big("log2.csv", 64)], "64 MiB"),
        (vec!["import".to_string(), big("deck.csv", 10)], "10 MiB"),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = under_memory_limit(&env, 1024, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(&format!("such files are limited to {cap}")), "{args:?}: {stderr}");
    }
    // Several logs within the cap each, over it together.
    let logs: Vec<String> = (0..5).map(|i| big(&format!("s{i}.csv"), 60)).collect();
    let mut args = vec!["report"];
    args.extend(logs.iter().map(String::as_str));
    let out = under_memory_limit(&env, 1024, &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("more than 256 MiB together"), "{stderr}");
    // A deck file over the limit is named in MiB.
    std::fs::File::create(env.decks().join("huge.yaml")).unwrap().set_len((10 << 20) + 1).unwrap();
    let out = env.kioku(NOW).arg("due").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("file is 11 MiB; deck files are limited to 10 MiB"), "{stderr}");
}

#[test]
fn import_refuses_to_write_a_deck_kioku_would_refuse() {
    let env = Env::new();
    // 6 MiB of CSV: within the import cap, but YAML writes each tab as `\t`: over 10 MiB.
    let csv = format!("#separator:comma\nq,a{}b\n", "\t".repeat(6 << 20));
    std::fs::write(env.dir.path().join("many.csv"), csv).unwrap();
    let out = env.kioku(NOW).args(["import", "many.csv", "-o", "decks/many.yaml"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("over the 10 MiB a deck file may hold"), "{stderr}");
    assert!(!env.decks().join("many.yaml").exists());
}

#[test]
fn extreme_review_times_in_a_log_are_refused_not_a_panic() {
    let env = Env::new();
    for time in ["-8334601228800000", "8210298412799999", "-1", "253402300800000"] {
        let log = format!(
            "card_id,review_time,review_rating,review_state,review_duration,review_kind,deck,card_key\n\
             1,1748736000000,1,2,1000,review,d,d/a\n1,{time},3,2,1000,review,d,d/a\n"
        );
        std::fs::write(env.dir.path().join("s.csv"), log).unwrap();
        for args in [vec!["report", "s.csv"], vec!["optimize", "--from-csv", "s.csv"]] {
            let out = env.kioku(NOW).env("KIOKU_TZ", "America/New_York").args(&args).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?} {time}: {stderr}");
            assert!(stderr.contains("s.csv:3:"), "{args:?} {time}: {stderr}");
        }
    }
}

#[test]
fn kioku_undo_takes_back_the_last_review_answer_only_while_it_is_the_cards_last_change() {
    let env = Env::new();
    env.write_deck("alpha.yaml", common::SMALL_DECK);
    let undo = || env.kioku(NOW).env("KIOKU_LANG", "en").arg("undo").output().unwrap();
    let out = undo();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to undo"), "{out:?}");
    env.kioku(NOW).arg("due").assert().success();
    let fresh = env.schedules();

    env.kioku(NOW).arg("review").write_stdin("\n3\n\n4\n:q\n").assert().success();
    let history = env.history();
    let (first, second) = (history[0]["card"].as_str().unwrap(), history[1]["card"].as_str().unwrap());
    let out = undo();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.starts_with(&format!("undone {second} (easy, 2025-06-01 09:0")), "{said}");
    assert_eq!(env.history().len(), 1);
    assert_eq!(env.schedules()[second], fresh[second], "the card is as it was before the answer");
    assert!(undo().status.success());
    assert!(env.history().is_empty());
    assert_eq!(env.schedules()[first], fresh[first]);
    assert_eq!(undo().status.code(), Some(1), "nothing left to undo");

    // A card changed after its answer (here suspended) keeps the answer: nothing is undone.
    env.kioku(NOW).arg("review").write_stdin("\n3\n:q\n").assert().success();
    let key = env.history()[0]["card"].as_str().unwrap().to_string();
    env.kioku(NOW).args(["suspend", &key]).assert().success();
    let before = env.dump();
    let out = undo();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is no longer that card's last change"), "{out:?}");
    assert_eq!(env.dump(), before);

    // A review in progress holds the session lock: undo waits, then is refused.
    let mut session = env.spawn(Some(NOW), &["review"]);
    let (line, _rest) = common::first_line(&mut session);
    assert!(line.starts_with("card "), "{line}");
    let out = undo();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another kioku session"), "{out:?}");
    session.kill().unwrap();
    session.wait().unwrap();
}

#[test]
fn options_that_differ_only_after_normalisation_are_two_options() {
    let env = Env::new();
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: neg\n    question: \"x + 3 = 1. x = ?\"\n    answer: \"-2\"\n    distractors: [\"2\", \"4\"]\n  - id: co\n    question: コバルトの元素記号は？\n    answer: Co\n    distractors: [CO, C]\n  - id: kana\n    question: どちら？\n    answer: ひらがな\n    distractors: [ヒラガナ]\n",
    );
    let lint = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    let text = String::from_utf8(lint.stdout).unwrap();
    assert_eq!(lint.status.code(), Some(0), "{text}");
    assert!(text.contains("t.yaml:10:18: warning: the options 'Co' and 'CO' differ only"), "{text}");
    assert!(text.contains("the options 'ひらがな' and 'ヒラガナ' differ only"), "{text}");
    assert!(text.ends_with("0 errors, 2 warnings\n"), "{text}");
    // The negative answer is chosen by its number and judged right.
    let out = env.kioku(NOW).arg("review").write_stdin("").output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    let number = shown.lines().find_map(|l| l.strip_prefix("option ")?.strip_suffix(" -2")).unwrap().to_string();
    let out = env.kioku(NOW).arg("review").write_stdin(format!("{number}\n\n:q\n")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("verdict right suggest 3"), "{text}");
}

#[test]
fn cloze_numbers_never_wrap_around() {
    let env = Env::new();
    for (cloze, message) in [
        ("{{c4294967295::a}} and {{b}}", "cloze numbers go up to 9999, not 'c4294967295'"),
        ("{{c9999::a}} and {{b}}", "this deletion would be number 10000; cloze numbers go up to 9999"),
    ] {
        env.write_deck("c.yaml", &format!("deck: c\ncards:\n  - id: n\n    cloze: \"{cloze}\"\n"));
        let out = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains(&format!("c.yaml:4:12: error: {message}")), "{text}");
    }
    // Just below the limit, the bare deletion is card c9999 and is asked.
    env.write_deck("c.yaml", "deck: c\ncards:\n  - id: n\n    cloze: \"{{c9998::a}} and {{b}}\"\n");
    let out = env.kioku(NOW).arg("review").write_stdin("\n3\n:q\n").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("card c/n:c9998 cloze") || text.contains("card c/n:c9999 cloze"), "{text}");
    let due = env.kioku(NOW).args(["due", "--json"]).output().unwrap();
    let due: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(due["decks"][0]["new"].as_u64().unwrap() + 1, 2, "two cards, one answered");
}

#[test]
fn unclear_messages_made_clear() {
    let env = Env::new();
    let lint = |env: &Env| {
        let out = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
        assert_inert("lint", &out.stdout);
        String::from_utf8(out.stdout).unwrap()
    };
    // `answer: ~` is nothing: one error, no warning that it is "kept as the text".
    env.write_deck("t.yaml", "deck: t\ncards:\n  - id: a\n    statement: s\n    answer: ~\n");
    let text = lint(&env);
    assert!(text.contains("needs `answer: true` or `answer: false`"), "{text}");
    assert!(!text.contains("kept as the text"), "{text}");
    // Two notes claiming one old note's history.
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: b\n    front: x\n    back: z\n    renamed_from: old\n  - id: c\n    front: x2\n    back: z\n    renamed_from: old\n",
    );
    let text = lint(&env);
    assert!(text.contains("t.yaml:10:19: error: renamed_from 'old' is also given by card 1 (line 3)"), "{text}");
    // UTF-16, with and without a byte-order mark: named, with an iconv command that works.
    std::fs::write(env.decks().join("t.yaml"), b"\xff\xfed\x00e\x00c\x00k\x00:\x00 \x00t\x00\n\x00").unwrap();
    let text = lint(&env);
    assert!(text.contains("error: file is UTF-16 text, not UTF-8"), "{text}");
    assert!(text.contains("iconv -f UTF-16 -t UTF-8"), "{text}");
    std::fs::write(env.decks().join("t.yaml"), b"d\x00e\x00c\x00k\x00:\x00 \x00t\x00\n\x00").unwrap();
    assert!(lint(&env).contains("iconv -f UTF-16LE -t UTF-8"));
    // A raw NUL is shown, not echoed; a 1 MB value is not quoted whole.
    env.write_deck("t.yaml", "deck: t\u{0}\n");
    assert!(lint(&env).contains("t.yaml:1:8: error: the control character U+0000 is not allowed"));
    env.write_deck(
        "t.yaml",
        &format!("deck: t\ncards:\n  - id: a\n    front: q\n    back: y\n    check: {}\n", "z".repeat(1 << 20)),
    );
    let text = lint(&env);
    assert!(text.len() < 2000 && text.contains('…'), "{} bytes", text.len());

    // `--db` naming a device is refused before SQLite touches it.
    env.write_deck("t.yaml", "deck: t\ncards:\n  - id: a\n    front: q\n    back: y\n");
    let out = env.kioku(NOW).args(["--db", "/dev/null", "due"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("database /dev/null: is not a regular file"), "{stderr}");
    // Renaming the only deck file is not a reason to set KIOKU_DECKS.
    env.kioku(NOW).arg("due").assert().success();
    std::fs::rename(env.decks().join("t.yaml"), env.decks().join("renamed.yaml")).unwrap();
    let out = env.kioku(NOW).arg("due").output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("KIOKU_DECKS"), "{out:?}");
}

#[test]
fn durations_and_counts_are_said_plainly() {
    let env = Env::new();
    env.write_deck("t.yaml", "deck: t\ncards:\n  - id: a\n    statement: s\n    answer: true\n");
    let run = |args: &[&str]| {
        let out = env.kioku(NOW).env("KIOKU_LANG", "en").args(args).write_stdin("t\n").output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, stderr) = run(&["exam", "--time-limit", "abc"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("--time-limit: 'abc' is not a duration; write one like 20m or 30s"), "{stderr}");
    let (_, stderr) = run(&["exam", "--count", "5", "--seed", "1"]);
    assert!(stderr.contains("only 1 question can be drawn"), "{stderr}");
    let (_, stderr) = run(&["cram", "--missed", "1"]);
    assert!(stderr.contains("in the last day"), "{stderr}");
}

#[test]
fn a_valid_alias_is_not_an_unknown_anchor_when_another_note_has_an_error() {
    let env = Env::new();
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: a\n    front: &f shared\n    back: x\n  - id: b\n    front: q\n    anwser: y\n  - id: c\n    front: *f\n    back: z\n",
    );
    let out = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("t.yaml:8:5: error: card 2 (line 6): unknown field `anwser`"), "{text}");
    assert!(!text.contains("unknown anchor"), "{text}");
    assert!(text.ends_with("1 error, 0 warnings\n"), "{text}");
}
