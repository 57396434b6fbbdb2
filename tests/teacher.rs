//! Teachers' commands through the binary: new, lint, preview, schema, orphans, export, report.

mod common;

use common::{lines_with, Env, SMALL_DECK};

const NOW: &str = "2025-06-01T09:00:00+09:00";

#[test]
fn new_deck_lints_clean_and_previews_every_card() {
    let env = Env::new();
    env.kioku(NOW).args(["new", "starter"]).assert().success();
    env.kioku(NOW).args(["new", "starter"]).assert().code(1); // never overwrites
    env.kioku(NOW).args(["new", "bad id"]).assert().code(1);
    let lint = env.kioku(NOW).env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    // The starter deck: one note of each kind, 7 cards (the preview below counts them too).
    let decks = std::fs::canonicalize(env.decks()).unwrap();
    assert_eq!(
        String::from_utf8(lint.stdout).unwrap(),
        format!("checked 1 file, 7 cards in {}: 0 errors, 0 warnings\n", decks.display())
    );
    let preview = env.kioku(NOW).args(["preview", "starter"]).output().unwrap();
    let text = String::from_utf8(preview.stdout).unwrap();
    assert!(text.starts_with("starter — 6 notes, 7 cards"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("starter/")).count(), 7, "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("  A  ")).count(), 7);
    env.kioku(NOW).args(["preview", "nope"]).assert().code(1);
    // The schema is JSON and names every note field.
    let schema = env.kioku(NOW).arg("schema").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert!(v["properties"]["cards"]["items"]["properties"]["distractors"].is_object());
}

#[test]
fn the_starter_deck_is_japanese_when_the_language_is() {
    let env = Env::new();
    let out = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["new", "kiso"]).output().unwrap();
    assert!(out.status.success());
    let path = env.decks().join("kiso.yaml");
    // Then a line on what writing it changes (issue 20).
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.starts_with(&format!(
            "{} を作りました（`kioku lint {}` で確かめられます）\n",
            path.display(),
            path.display()
        )),
        "{said}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("deck: kiso ") && text.contains("lang: ja"), "{text}");
    assert!(text.contains("憲法裁判所は{{c1::2025年4月4日}}") && text.contains("# 穴埋め"), "{text}");
    let lint = env.kioku(NOW).env("KIOKU_LANG", "ja").arg("lint").output().unwrap();
    assert_eq!(
        String::from_utf8(lint.stdout).unwrap(),
        format!("1 ファイル、カード 7 枚を確認しました（{}）: エラー 0 件、警告 0 件\n", env.decks().display())
    );
    // One note of each kind, as the English starter.
    let preview = env.kioku(NOW).env("KIOKU_LANG", "ja").args(["preview", "kiso"]).output().unwrap();
    let shown = String::from_utf8(preview.stdout).unwrap();
    assert!(shown.starts_with("kiso — ノート 6 件、カード 7 枚 · わたしのデッキ"), "{shown}");
    assert!(shown.contains("尹錫悦(ユン・ソンニョル)大統領が"), "{shown}");
    assert!(shown.contains("（入力、check date）"), "{shown}");
    // The English starter says it is English.
    env.kioku(NOW).args(["new", "basics"]).assert().success();
    let english = std::fs::read_to_string(env.decks().join("basics.yaml")).unwrap();
    assert!(english.contains("lang: en") && english.contains("What is CVID short for?"), "{english}");
}

#[test]
fn orphans_are_listed_and_pruned_only_for_loaded_decks_after_confirmation() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.write_deck("beta.yaml", "cards:\n  - id: x\n    front: X\n    back: x\n");
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    env.kioku(NOW).args(["review", "--new", "9"]).write_stdin("\n3\n".repeat(6) + ":q\n").assert().success();
    // Note b leaves alpha; beta's file goes away entirely.
    env.write_deck(
        "alpha.yaml",
        &SMALL_DECK.replace("  - id: b\n    front: Question B\n    back: Answer B\n    tags: [extra]\n", ""),
    );
    std::fs::remove_file(env.decks().join("beta.yaml")).unwrap();
    let out = env.kioku(NOW).arg("orphans").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("alpha/b  1 review  (note gone from its deck)"), "{text}");
    assert!(text.contains("beta/x  1 review  (deck not loaded)"), "{text}");
    // Not confirmed: nothing deleted.
    let before = env.dump();
    env.kioku(NOW).args(["orphans", "--prune"]).write_stdin("no\n").assert().code(1);
    assert_eq!(env.dump(), before);
    let pruned = env.kioku(NOW).args(["orphans", "--prune", "--yes"]).output().unwrap();
    assert!(String::from_utf8_lossy(&pruned.stdout).contains("deleted the history of 1 card"));
    let history = env.history();
    assert!(history.iter().all(|r| r["card"] != "alpha/b"));
    assert!(history.iter().any(|r| r["card"] == "beta/x"), "a missing file never costs history");
}

#[test]
fn exports_merge_into_a_class_report_hardest_first() {
    let deck = "deck: c\ncards:\n  - id: easy\n    front: E\n    back: e\n  - id: hard\n    front: H\n    back: h\n";
    let mut files = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    for (student, hard_rating) in [(0, "1"), (1, "1"), (2, "3")] {
        let env = Env::new();
        env.write_deck("c.yaml", deck);
        // Day 1: both new cards good (easy then hard), graduating over two answers each.
        env.kioku(NOW).arg("review").write_stdin("\n3\n".repeat(4) + ":q\n").assert().success();
        // Days later, both are review cards: easy remembered, hard forgotten by two students.
        let later = "2025-06-10T09:00:00+09:00";
        let out = env.kioku(later).arg("review").write_stdin(format!("\n3\n\n{hard_rating}\n:q\n")).output().unwrap();
        assert!(out.status.success());
        let export = env.kioku(later).args(["export", "reviews"]).output().unwrap();
        let csv = String::from_utf8(export.stdout).unwrap();
        assert!(csv.starts_with(
            "card_id,review_time,review_rating,review_state,review_duration,review_kind,deck,card_key,chosen_option\n"
        ));
        assert_eq!(lines_with(&csv, "").len(), 1 + 6, "{csv}");
        let path = dir.path().join(format!("student{student}.csv"));
        std::fs::write(&path, csv).unwrap();
        files.push(path);
    }
    let env = Env::new();
    let out =
        env.kioku("2025-06-12T09:00:00+09:00").arg("report").args(&files).args(["--format", "csv"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(rows[0].starts_with("c/hard,3,9,0.6667,0.2222,"), "3 students × 3 answers, 2 forgotten on review: {text}");
    assert!(rows[1].starts_with("c/easy,3,9,0.0000,"), "{text}");
    let md = env.kioku(NOW).arg("report").args(&files).args(["--format", "markdown"]).output().unwrap();
    assert!(String::from_utf8(md.stdout).unwrap().starts_with("| card | students |"));
    // In Japanese the table's words change and its columns stay aligned by display width; the
    // CSV's column names are for programs and stay.
    let ja = |format: &str| {
        let out = env.kioku(NOW).env("KIOKU_LANG", "ja").arg("report").args(&files).args(["--format", format]).output();
        String::from_utf8(out.unwrap().stdout).unwrap()
    };
    let table = ja("text");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "学習者 3 人 · カード 2 枚（難しい順）", "{table}");
    assert!(lines[1].starts_with("カード ") && lines[1].ends_with("想起率"), "{table}");
    let width = unicode_width::UnicodeWidthStr::width;
    assert_eq!(width(lines[1]), width(lines[2]), "header and rows line up: {table}");
    assert!(ja("csv").starts_with("card_key,students,"));
    assert!(ja("markdown").starts_with("| カード | 学習者 |"));
}

#[test]
fn import_export_import_round_trips() {
    let env = Env::new();
    let anki = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:3\n\
                g1\tBasic\tkorea term\tCVID\t完全かつ検証可能で<br>後戻りのできない非核化\n\
                g2\tBasic (and reversed card)\tkorea\t最大限の圧力\t安倍政権の対北朝鮮政策\n\
                g3\tCloze\t\t憲法裁判所は{{c1::2025年4月4日}}、弾劾を{{c2::妥当}}と判断した。\t本文より\n\
                g4\tBasic\t\t年は？\t1990\n";
    std::fs::write(env.dir.path().join("anki.txt"), anki).unwrap();
    let deck_file = env.decks().join("a.yaml");
    env.kioku(NOW).args(["import", "anki.txt", "--deck", "a", "-o"]).arg(&deck_file).assert().success();
    let first = std::fs::read_to_string(&deck_file).unwrap();
    env.kioku(NOW).args(["import", "anki.txt", "--deck", "a", "-o"]).arg(&deck_file).assert().code(1); // no overwrite
    assert_eq!(
        String::from_utf8(env.kioku(NOW).arg("lint").arg(&deck_file).output().unwrap().stdout).unwrap(),
        "checked 1 file, 6 cards: 0 errors, 0 warnings\n", // g1, g2 and its reverse, c1, c2, g4
        "{first}"
    );
    let preview = String::from_utf8(env.kioku(NOW).args(["preview", "a"]).output().unwrap().stdout).unwrap();
    assert!(preview.contains("a — 4 notes, 6 cards"), "{preview}");
    assert!(
        preview.contains("  A  完全かつ検証可能で\n後戻りのできない非核化"),
        "HTML line breaks become new lines: {preview}"
    );
    // Export for Anki, import that again: the same deck.
    let out = env
        .kioku(NOW)
        .env("KIOKU_LANG", "en")
        .args(["export", "deck", "a", "--format", "anki-tsv", "-o", "out.txt"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "wrote 4 notes to out.txt\n", "export says what it wrote");
    let exported = std::fs::read_to_string(env.dir.path().join("out.txt")).unwrap();
    assert!(exported.starts_with("#separator:tab\n#html:false\n#notetype column:1\n#guid column:2\n#tags column:3\n"));
    // Notes from Anki go back under their Anki guid and stock note type, so Anki updates them.
    assert!(exported.contains("\nBasic (and reversed card)\tg2\t"), "{exported}");
    assert!(exported.contains("\n#deck:a\n"), "the deck line names the deck: {exported}");
    let again = env.kioku(NOW).args(["import", "out.txt", "--deck", "a"]).output().unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    let body = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n"); // minus the "Imported from" comment
    assert_eq!(body(&again), body(&first), "import → export → import keeps the deck");
    // "1990" stays text, quoted so every YAML reader agrees.
    assert!(first.contains("back: '1990'") || first.contains("back: \"1990\""), "{first}");
}

#[test]
fn bundled_decks_survive_an_anki_round_trip_for_front_back_and_cloze() {
    let env = Env::new();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let mut cmd = env.kioku(NOW);
    let out = cmd.env("KIOKU_DECKS", &bundled).args(["export", "deck", "korea-2025-terms"]).output().unwrap();
    std::fs::write(env.dir.path().join("terms.txt"), &out.stdout).unwrap();
    env.kioku(NOW)
        .args(["import", "terms.txt", "--deck", "korea-2025-terms", "-o"])
        .arg(env.decks().join("t.yaml"))
        .assert()
        .success();
    let original = String::from_utf8(
        env.kioku(NOW).env("KIOKU_DECKS", &bundled).args(["preview", "korea-2025-terms"]).output().unwrap().stdout,
    )
    .unwrap();
    let copy =
        String::from_utf8(env.kioku(NOW).args(["preview", "korea-2025-terms"]).output().unwrap().stdout).unwrap();
    // Every basic, reverse and cloze card comes back with the same key, prompt and answer.
    let cards = |text: &str, kinds: &[&str]| -> Vec<String> {
        text.split("\n\n")
            .filter(|b| kinds.iter().any(|k| b.lines().next().unwrap_or("").ends_with(&format!("({k})"))))
            .map(|b| b.lines().filter(|l| !l.starts_with("  ·")).collect::<Vec<_>>().join("\n"))
            .collect()
    };
    let kept = ["basic", "reverse", "cloze"];
    assert!(!cards(&original, &kept).is_empty());
    for card in cards(&original, &kept) {
        assert!(copy.contains(&card), "lost in the round trip:\n{card}");
    }
}

#[test]
fn a_note_just_added_can_be_suspended_and_unreviewed_gone_cards_are_not_orphans() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.write_deck("beta.yaml", "cards:\n  - id: x\n    front: X\n    back: x\n");
    env.kioku(NOW).arg("due").assert().success();
    env.write_deck("alpha.yaml", &format!("{SMALL_DECK}  - id: z\n    front: Z\n    back: z\n"));
    let out = env.kioku(NOW).args(["suspend", "alpha/z"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "suspended alpha/z");
    // beta/x was never reviewed: once its file is gone there is no history to list.
    std::fs::remove_file(env.decks().join("beta.yaml")).unwrap();
    let out = env.kioku(NOW).arg("orphans").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("no orphans"), "{out:?}");
}

#[test]
fn pruning_spares_an_emptied_deck_and_stops_if_the_files_change_before_the_answer() {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).args(["review", "--new", "9"]).write_stdin("\n3\n".repeat(3) + ":q\n").assert().success();
    // A half-saved (empty) file: its notes are not "gone from their deck".
    env.write_deck("alpha.yaml", "");
    let out = env.kioku(NOW).args(["orphans", "--prune", "--yes"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(deck not loaded)") && text.contains("nothing to prune"), "{text}");
    // A note removed, then put back while the prune waits for "yes": nothing is deleted.
    let without_b = SMALL_DECK.replace("  - id: b\n    front: Question B\n    back: Answer B\n    tags: [extra]\n", "");
    env.write_deck("alpha.yaml", &without_b);
    let mut child = env
        .std_command(NOW)
        .args(["orphans", "--prune"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("Type yes") {
        line.clear();
        assert!(std::io::BufRead::read_line(&mut out, &mut line).unwrap() > 0, "no confirmation asked");
    }
    let before = env.history().len();
    env.write_deck("alpha.yaml", SMALL_DECK);
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"yes\n").unwrap();
    let result = child.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("changed while waiting"), "{result:?}");
    assert_eq!(env.history().len(), before);
}

#[test]
fn export_reviews_kind_keeps_only_the_rows_asked_for() {
    let env = Env::new();
    env.write_deck("c.yaml", "deck: c\ncards:\n  - id: a\n    front: A\n    back: a\n");
    env.kioku(NOW).arg("review").write_stdin("\n4\n:q\n").assert().success();
    env.kioku(NOW).arg("cram").write_stdin("\n3\n:q\n").assert().success();
    env.kioku(NOW).args(["suspend", "c/a"]).assert().success();
    let kinds = |args: &[&str]| -> Vec<String> {
        let out = env.kioku(NOW).args(["export", "reviews"]).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let mut kinds: Vec<String> = text.lines().skip(1).map(|l| l.split(',').nth(5).unwrap().to_string()).collect();
        kinds.sort();
        kinds
    };
    assert_eq!(kinds(&[]), vec!["cram", "manual", "review"]);
    assert_eq!(kinds(&["--kind", "review"]), vec!["review"]);
    assert_eq!(kinds(&["--kind", "cram", "--kind", "manual"]), vec!["cram", "manual"]);
}

#[test]
fn importing_a_corrected_file_over_its_deck_keeps_ids_and_progress() {
    let env = Env::new();
    let csv = "front,back\nCVID,非核化\n最大限の圧力とは,安倍政権の対北朝鮮政策\nTHAAD,終末高高度防衛\n";
    std::fs::write(env.dir.path().join("terms.csv"), csv).unwrap();
    let deck_file = env.decks().join("terms.yaml");
    env.kioku(NOW).args(["import", "terms.csv", "-o"]).arg(&deck_file).assert().success();
    // Every card answered once (easy: each leaves learning at once).
    env.kioku(NOW).arg("review").write_stdin("\n4\n".repeat(3) + ":q\n").assert().success();
    let before = env.history();
    assert_eq!(before.len(), 3);
    // A typo fixed, a front's case changed, a new row, rows in another order.
    let fixed = "front,back\nTHAAD,終末高高度防衛ミサイル\ncvid,非核化\n最大限の圧力とは？,安倍政権の対北朝鮮政策\n新しい問題,答え\n";
    std::fs::write(env.dir.path().join("terms.csv"), fixed).unwrap();
    let out = env
        .kioku(NOW)
        .env("KIOKU_LANG", "en")
        .args(["import", "terms.csv", "--force", "-o"])
        .arg(&deck_file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("kept the ids of 3 notes"), "{report}");
    assert!(report.contains("new notes (no match in"), "{report}");
    // The three cards studied are still studied (none is new again), the new row is new.
    let due: serde_json::Value =
        serde_json::from_slice(&env.kioku(NOW).args(["due", "--json"]).output().unwrap().stdout).unwrap();
    assert_eq!(due["decks"][0]["new"], 1, "{due}");
    let orphans = String::from_utf8(env.kioku(NOW).arg("orphans").output().unwrap().stdout).unwrap();
    assert!(!orphans.contains("terms/"), "{orphans}");
}

#[test]
fn an_apkg_is_written_whole_to_a_named_file_or_not_at_all() {
    let env = Env::new();
    env.write_deck("a.yaml", SMALL_DECK);
    let out = env.kioku(NOW).args(["export", "deck", "alpha", "-o", "alpha.apkg"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(env.dir.path().join("alpha.apkg")).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip");
    assert!(bytes.windows(16).any(|w| w == b"collection.anki2"), "holding Anki's collection file");
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".kioku-")), "no temporary file left: {names:?}");
    let stdout =
        env.kioku(NOW).env("KIOKU_LANG", "en").args(["export", "deck", "alpha", "--format", "apkg"]).output().unwrap();
    assert_eq!(stdout.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stdout.stderr).contains("name it with -o"));
    let missing = env
        .kioku(NOW)
        .env("KIOKU_LANG", "en")
        .args(["export", "deck", "alpha", "-o", "missing/alpha.apkg"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no folder missing"));
    let again = env.kioku(NOW).args(["export", "deck", "alpha", "-o", "alpha.apkg"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "never overwrites without --force");
    // A package given to import: the way to a file kioku reads.
    let import = env.kioku(NOW).env("KIOKU_LANG", "en").args(["import", "alpha.apkg"]).output().unwrap();
    assert_eq!(import.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&import.stderr).contains("Notes in Plain Text"), "{import:?}");
}

/// The option chosen in a choice or true/false answer is kept with the answer (issue 16, for the
/// teacher's item analysis): in reviews, cram and exams, in `history --json` and in
/// `export reviews`, whose extra column `kioku report` reads past.
#[test]
fn the_option_chosen_is_kept_with_each_answer() {
    let env = Env::new();
    env.write_deck(
        "k.yaml",
        "deck: k\ncards:\n  - id: q\n    question: Q?\n    answer: \"=A\"\n    distractors: [B, C]\n  - id: s\n    statement: S\n    answer: false\n  - id: b\n    front: F\n    back: B\n",
    );
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    // Choice answered by its text (wrong), true/false with "t" (wrong), basic self-graded; then
    // a second session: the choice left empty ("don't know").
    let out = env.kioku(NOW).arg("review").write_stdin("C\n\nt\n\nx\n\n:q\n").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // (Each run starts its clock at the time given: later runs are given later times.)
    let out = env.kioku("2025-06-01T09:05:00+09:00").arg("review").write_stdin("\n\n:q\n").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("card k/q choice"));
    let history = env.history();
    let chosen: Vec<(&str, Option<&str>)> =
        history.iter().map(|r| (r["card"].as_str().unwrap(), r["chosen_option"].as_str())).collect();
    assert_eq!(chosen, [("k/q", Some("C")), ("k/s", Some("true")), ("k/b", None), ("k/q", Some(""))]);
    // The export: the option in the last column, a formula-like option neutralised.
    let out = env
        .kioku("2025-06-01T09:10:00+09:00")
        .args(["cram", "k", "--limit", "1"])
        .write_stdin("=A\n\n:q\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let export = env.kioku("2025-06-01T09:11:00+09:00").args(["export", "reviews"]).output().unwrap();
    let csv = String::from_utf8(export.stdout).unwrap();
    let last: Vec<&str> = csv.lines().skip(1).map(|l| l.rsplit(',').next().unwrap()).collect();
    assert_eq!(last, ["C", "true", "", "", "'=A"], "{csv}");
    // An exam: every question left empty; its choice and true/false questions keep "".
    let out = env
        .kioku("2025-06-01T09:15:00+09:00")
        .args(["exam", "k", "--seed", "7"])
        .write_stdin("\n".repeat(3))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let exam_rows: Vec<(String, Option<String>)> = env
        .history()
        .iter()
        .filter(|r| r["kind"] == "exam")
        .map(|r| (r["card"].as_str().unwrap().to_string(), r["chosen_option"].as_str().map(str::to_string)))
        .collect();
    assert!(exam_rows.iter().any(|(k, c)| k == "k/q" && c.as_deref() == Some("")), "{exam_rows:?}");
    assert!(exam_rows.iter().any(|(k, c)| k == "k/s" && c.as_deref() == Some("")), "{exam_rows:?}");
    let path = env.decks().parent().unwrap().join("log.csv");
    std::fs::write(&path, &csv).unwrap();
    let report = env.kioku(NOW).arg("report").arg(&path).args(["--format", "csv"]).output().unwrap();
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
}
