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
    let lint = env.kioku(NOW).arg("lint").output().unwrap();
    assert_eq!(String::from_utf8(lint.stdout).unwrap(), "0 errors, 0 warnings\n");
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
        assert!(csv
            .starts_with("card_id,review_time,review_rating,review_state,review_duration,review_kind,deck,card_key\n"));
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
}
