//! Issue 20: what tripped a new user in the first week — simulated time on the real database,
//! the decks folder, history's actions, completions, lint's summary, the reason nothing is
//! reviewable. Each test runs the real binary in a temporary folder with a clean environment.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::Env;

/// `kioku` with no --db and no KIOKU_DB: the default database, under `home`'s data folder.
fn kioku_default_db(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kioku").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("KIOKU_TZ", "UTC")
        .env("KIOKU_LANG", "en")
        .current_dir(home);
    cmd
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_now_far_ahead_on_the_default_database_is_refused_with_the_way_out() {
    let home = tempfile::tempdir().unwrap();
    let default_db = home.path().join("data/kioku/kioku.sqlite3");
    // Three weeks ahead of the real clock, as the student tried the exam plan.
    let ahead = (chrono::Utc::now() + chrono::Duration::days(21)).to_rfc3339();
    let out = kioku_default_db(home.path()).args(["--now", &ahead, "due"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("more than a day ahead"), "{err}");
    assert!(err.contains("--db") && err.contains("--allow-future-now"), "the way out: {err}");
    assert!(!default_db.exists(), "nothing is created when refused");

    // The same through KIOKU_NOW.
    let out = kioku_default_db(home.path()).env("KIOKU_NOW", &ahead).arg("due").output().unwrap();
    assert_eq!(out.status.code(), Some(1));

    // A scratch database is fine, and so is the explicit confirmation.
    let scratch = home.path().join("try.sqlite3");
    let out = kioku_default_db(home.path()).args(["--now", &ahead, "--db"]).arg(&scratch).arg("due").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kioku_default_db(home.path()).env("KIOKU_DB", &scratch).args(["--now", &ahead, "due"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kioku_default_db(home.path()).args(["--now", &ahead, "--allow-future-now", "due"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(default_db.exists());

    // Less than a day ahead (a different zone's evening) and any time in the past are allowed.
    let soon = (chrono::Utc::now() + chrono::Duration::hours(20)).to_rfc3339();
    let out = kioku_default_db(home.path()).args(["--now", &soon, "due"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_now_earlier_than_the_last_review_warns() {
    let env = Env::with_bundled_decks();
    // One answer on 2025-06-10.
    let out = env.kioku("2025-06-10T09:00:00+09:00").arg("review").write_stdin("\n3\n:q\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("saved "));
    let out = env.kioku("2025-06-01T09:00:00+09:00").env("KIOKU_LANG", "en").arg("due").output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("earlier than the last review"), "{err}");
    // The last review is named in the zone of study days (Asia/Tokyo in these tests).
    assert!(err.contains("--now 2025-06-01T09:00:00+09:00") && err.contains("(2025-06-10T09:00:"), "{err}");
    // A later --now says nothing.
    let out = env.kioku("2025-06-11T09:00:00+09:00").env("KIOKU_LANG", "en").arg("due").output().unwrap();
    assert!(!stderr(&out).contains("earlier than"), "{}", stderr(&out));
}

/// The decks folder: --decks/KIOKU_DECKS > the `decks` setting > ./decks (with a notice) > the
/// bundled decks; `lint` and `new` read the setting without creating a database.
#[test]
fn the_decks_folder_is_a_setting_that_persists() {
    let home = tempfile::tempdir().unwrap();
    let default_db = home.path().join("data/kioku/kioku.sqlite3");
    let run = |dir: &Path, args: &[&str]| kioku_default_db(home.path()).current_dir(dir).args(args).output().unwrap();

    // No folder anywhere: the bundled decks; lint names them and creates no database.
    let out = run(home.path(), &["lint"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("checked 4 files, "), "{}", stdout(&out));
    assert!(stdout(&out).ends_with(" cards in the bundled decks: 0 errors, 0 warnings\n"), "{}", stdout(&out));
    assert!(!default_db.exists());

    // `kioku new` here makes ./decks and says what that changes.
    let out = run(home.path(), &["new", "mine"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let here = std::fs::canonicalize(home.path().join("decks")).unwrap();
    let text = stdout(&out);
    assert!(text.starts_with(&format!("wrote {}/mine.yaml", here.display())), "{text}");
    assert!(text.contains("new decks folder") && text.contains("instead of the bundled ones"), "{text}");
    assert!(text.contains(&format!("kioku config set decks {}", here.display())), "{text}");
    assert!(!default_db.exists(), "new creates no database");

    // From here, ./decks is used with a notice naming it; lint counts the starter deck.
    let out = run(home.path(), &["lint"]);
    assert_eq!(stdout(&out), format!("checked 1 file, 7 cards in {}: 0 errors, 0 warnings\n", here.display()));
    assert!(stderr(&out).contains(&format!("using the decks in {}", here.display())), "{}", stderr(&out));
    assert!(!default_db.exists());

    // The setting, given relative, is stored absolute and used from any folder, without notice.
    let elsewhere = home.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let out = run(home.path(), &["config", "set", "decks", "decks"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&elsewhere, &["config", "get", "decks"]);
    assert_eq!(stdout(&out), format!("{}\n", here.display()));
    let out = run(&elsewhere, &["due", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(due["decks"].as_array().unwrap().len(), 1);
    assert_eq!(due["decks"][0]["deck"], "mine");
    assert!(!stderr(&out).contains("using the decks"), "{}", stderr(&out));
    // `new` from elsewhere writes into the setting's folder.
    let out = run(&elsewhere, &["new", "second"]);
    assert!(stdout(&out).contains("`kioku review second` studies it"), "{}", stdout(&out));
    assert!(here.join("second.yaml").is_file());

    // KIOKU_DECKS and --decks win over the setting.
    let other = home.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let out =
        kioku_default_db(home.path()).current_dir(&elsewhere).env("KIOKU_DECKS", &other).arg("lint").output().unwrap();
    assert!(stdout(&out).starts_with("checked 0 files, 0 cards in "), "{}", stdout(&out));
    let out = run(&elsewhere, &["--decks", other.to_str().unwrap(), "lint"]);
    assert!(stdout(&out).starts_with("checked 0 files, 0 cards in "), "{}", stdout(&out));

    // A folder that does not exist is refused; an empty value goes back to the default.
    let out = run(home.path(), &["config", "set", "decks", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("create it first"), "{}", stderr(&out));
    let out = run(&elsewhere, &["config", "set", "decks", ""]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&elsewhere, &["lint"]);
    assert!(stdout(&out).contains("in the bundled decks"), "{}", stdout(&out));
}

#[test]
fn new_refuses_the_repositorys_bundled_decks_folder() {
    let home = tempfile::tempdir().unwrap();
    // A folder holding the bundled deck files, as kioku's own repository does.
    let repo = home.path().join("repo");
    std::fs::create_dir_all(repo.join("decks")).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("decks")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, repo.join("decks").join(path.file_name().unwrap())).unwrap();
    }
    let before = std::fs::read_dir(repo.join("decks")).unwrap().count();
    let out = kioku_default_db(home.path()).current_dir(&repo).args(["new", "mine"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bundled decks") && stderr(&out).contains("config set decks"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(repo.join("decks")).unwrap().count(), before);
    // -o names the file: written, and said to be outside the decks folder.
    let out =
        kioku_default_db(home.path()).current_dir(&repo).args(["new", "mine", "-o", "mine.yaml"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("outside the decks folder"), "{}", stdout(&out));
}

#[test]
fn lint_names_what_it_checked_and_can_deny_warnings() {
    let env = Env::new();
    env.write_deck("a.yaml", "cards:\n  - id: a\n    front: Q\n    back: A\n    reverse: true\n");
    let decks = std::fs::canonicalize(env.decks()).unwrap();
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("checked 1 file, 2 cards in {}: 0 errors, 0 warnings\n", decks.display()));
    // `back: no` is kept as text, with a warning: exit 0, or 1 with --deny-warnings.
    env.write_deck("b.yaml", "cards:\n  - id: b\n    front: Q2\n    back: no\n");
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).ends_with(&format!("checked 2 files, 3 cards in {}: 0 errors, 1 warning\n", decks.display())));
    let out = env.kioku("2025-06-01T09:00:00Z").args(["lint", "--deny-warnings"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    // Paths named on the command line: no folder in the line.
    let out = env
        .kioku("2025-06-01T09:00:00Z")
        .env("KIOKU_LANG", "en")
        .arg("lint")
        .arg(env.decks().join("a.yaml"))
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "checked 1 file, 2 cards: 0 errors, 0 warnings\n");
    let out = env
        .kioku("2025-06-01T09:00:00Z")
        .args(["lint", "--deny-warnings"])
        .arg(env.decks().join("a.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// `history` says what a manual row did; older manual rows (no action kept) say `manual`; the
/// text shows times in the zone of study days.
#[test]
fn history_records_what_happened_in_the_local_zone() {
    let env = Env::new();
    env.write_deck(
        "k.yaml",
        "deck: k\ncards:\n  - id: a\n    front: A?\n    back: a\n  - id: b\n    front: B?\n    back: b\n",
    );
    let now = "2025-06-01T09:00:00+09:00";
    // Answer k/a good, then bury k/b in the session; suspend and unsuspend k/a by command.
    let out = env.kioku(now).arg("review").write_stdin("\n3\n:b\n").output().unwrap();
    assert!(stdout(&out).contains("buried k/b"), "{}", stdout(&out));
    env.kioku("2025-06-01T09:05:00+09:00").args(["suspend", "k/a"]).assert().success();
    env.kioku("2025-06-01T09:06:00+09:00").args(["unsuspend", "k/a"]).assert().success();
    let history = env.history();
    let actions: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|r| (r["card"].as_str().unwrap(), r["kind"].as_str().unwrap(), r["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("k/a", "review", "review"),
            ("k/b", "manual", "bury"),
            ("k/a", "manual", "suspend"),
            ("k/a", "manual", "unsuspend")
        ]
    );
    // A manual row from before actions were kept.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("UPDATE reviews SET action = NULL WHERE action = 'bury'", []).unwrap();
    drop(conn);
    assert_eq!(env.history()[1]["action"], "manual");
    assert_eq!(env.history()[1]["kind"], "manual");

    // Text: Asia/Tokyo (the tests' zone) shows 09:00 for 00:00 UTC; in UTC it is 00:00.
    let out = env.kioku(now).env("KIOKU_LANG", "en").arg("history").output().unwrap();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("2025-06-01 09:00  review good"), "{text}");
    assert!(lines[2].starts_with("2025-06-01 09:05  manual suspend") && lines[2].contains("k/a"), "{text}");
    assert!(lines[3].contains("manual unsuspend"), "{text}");
    let out = env.kioku(now).env("KIOKU_LANG", "en").env("KIOKU_TZ", "UTC").arg("history").output().unwrap();
    assert!(stdout(&out).starts_with("2025-06-01 00:00  review good"), "{}", stdout(&out));
}

/// Every command of the README's table, for completions and man pages.
const COMMANDS: &[&str] = &[
    "review",
    "due",
    "history",
    "config",
    "undo",
    "suspend",
    "unsuspend",
    "exam",
    "cram",
    "plan",
    "break",
    "postpone",
    "advance",
    "lint",
    "schema",
    "new",
    "preview",
    "orphans",
    "import",
    "export",
    "report",
    "stats",
    "optimize",
    "completions",
    "man",
];

#[test]
fn bash_completion_offers_every_command_and_their_options() {
    if !common::require_tool("bash", "--version", "bash") {
        return;
    }
    let env = Env::new();
    let script = env.kioku("2025-06-01T09:00:00Z").args(["completions", "bash"]).output().unwrap();
    assert!(script.status.success());
    let path = env.dir.path().join("kioku.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    // Ask bash's completion function itself, as the shell does on Tab.
    let complete = |words: &str| {
        let cmd = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _kioku kioku \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = std::process::Command::new("bash").args(["-c", &cmd]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().map(str::to_string).collect::<Vec<String>>()
    };
    let top = complete("kioku ''");
    for command in COMMANDS {
        assert!(top.iter().any(|w| w == command), "{command} missing from {top:?}");
    }
    let review = complete("kioku review --");
    for option in ["--new", "--limit", "--tag", "--db", "--now"] {
        assert!(review.iter().any(|w| w == option), "{option} missing from {review:?}");
    }
    assert!(complete("kioku lint --").iter().any(|w| w == "--deny-warnings"));
    // The shells' values.
    let shells = complete("kioku completions ''");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert!(shells.iter().any(|w| w == shell), "{shell} missing from {shells:?}");
    }
}

#[test]
fn completions_for_each_shell_and_man_pages_for_each_command() {
    let env = Env::new();
    for (shell, marker) in
        [("zsh", "#compdef kioku"), ("fish", "complete -c kioku"), ("powershell", "Register-ArgumentCompleter")]
    {
        let out = env.kioku("2025-06-01T09:00:00Z").args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}: {text}");
        for command in COMMANDS {
            assert!(text.contains(command), "{shell}: {command}");
        }
    }
    let out = env.kioku("2025-06-01T09:00:00Z").args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));

    let out = env.kioku("2025-06-01T09:00:00Z").arg("man").output().unwrap();
    let page = stdout(&out);
    assert!(page.contains(".TH kioku 1"), "{page}");
    let dir = env.dir.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    let out = env.kioku("2025-06-01T09:00:00Z").args(["man", "--dir"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for command in COMMANDS {
        let page = std::fs::read_to_string(dir.join(format!("kioku-{command}.1"))).unwrap();
        assert!(page.contains(&format!(".TH kioku-{command} 1")), "{command}");
    }
    assert!(std::fs::read_to_string(dir.join("kioku-lint.1")).unwrap().contains("deny\\-warnings"));
}

#[test]
fn lint_reports_cards_whose_category_has_too_few_wrong_answers() {
    let env = Env::new();
    // Two places: each has one wrong answer, the other. A third card's answer is shown in the
    // question of the fourth, so that one has only two, which is enough.
    env.write_deck(
        "p.yaml",
        "deck: p\ncards:\n  - id: capital\n    front: 韓国の首都は？\n    back: ソウル\n    category: place\n\
         \x20 - id: north\n    front: 北朝鮮の首都は？\n    back: 平壌\n    category: place\n\
         \x20 - id: a\n    front: 核の放棄は？\n    back: 非核化\n    category: term\n\
         \x20 - id: b\n    front: 非核化を求める政策は？\n    back: 圧力\n    category: term\n\
         \x20 - id: c\n    front: 何もしない政策は？\n    back: 戦略的忍耐\n    category: term\n\
         \x20 - id: d\n    front: 同盟は？\n    back: 米韓同盟\n    category: term\n",
    );
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "en").arg("lint").output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "warnings only: {text}");
    assert!(
        text.contains("p.yaml:3:5: warning: card 1 (line 3) (p/capital) has 1 wrong answer of category 'place'"),
        "{text}"
    );
    assert!(
        text.contains("p.yaml:7:5: warning: card 2 (line 7) (p/north) has 1 wrong answer of category 'place'"),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 2 warnings\n"), "{text}");
    let json = env.kioku("2025-06-01T09:00:00Z").args(["lint", "--format", "json"]).output().unwrap();
    let json: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(json.iter().all(|d| d["code"] == "few-distractors"));
    // A card with only `check: number` (its category implied) is told about what was written,
    // not about a `category` it does not have.
    env.write_deck("p.yaml", "deck: p\ncards:\n  - id: n\n    front: 何回目？\n    back: \"5\"\n    check: number\n");
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "ja").arg("lint").output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("試験で使える `check: number` の答えの誤答が 0 個しかありません"), "{text}");
    assert!(text.contains("`check: number` のカードを増やすか") && !text.contains("カテゴリ「number」"), "{text}");
}

/// With nothing to show, the review says why (new cards held back by the day's limit, with the
/// way out) and when the next card is due, instead of "0 cards answered in 0 s".
#[test]
fn an_empty_review_says_why_and_when_the_next_card_is_due() {
    let env = Env::new();
    env.write_deck(
        "n.yaml",
        "deck: n\ncards:\n  - id: a\n    front: A?\n    back: a\n  - id: b\n    front: B?\n    back: b\n  - id: c\n    front: C?\n    back: c\n",
    );
    let now = "2025-06-01T09:00:00+09:00";
    env.kioku(now).args(["config", "set", "new_per_day", "2"]).assert().success();
    // Two new cards answered easy: they graduate, due in days.
    let out = env.kioku(now).env("KIOKU_LANG", "en").arg("review").write_stdin("\n4\n\n4\n").output().unwrap();
    assert_eq!(common::lines_with(&stdout(&out), "saved ").len(), 2, "{}", stdout(&out));
    let out = env.kioku(now).env("KIOKU_LANG", "en").arg("review").write_stdin("").output().unwrap();
    let text = stdout(&out);
    assert!(!text.contains("answered in"), "{text}");
    assert!(text.contains("  nothing more to review today\n"), "{text}");
    assert!(
        text.contains("  1 new card waits: today's new cards are used up (2 of new_per_day 2 introduced)\n"),
        "{text}"
    );
    assert!(text.contains("kioku review --new N") && text.contains("kioku config set new_per_day N"), "{text}");
    // The due day of the two graduated cards, from the log: the start of that study day (04:00).
    let history = env.history();
    let due = history.iter().filter_map(|r| r["due"].as_str()).min().unwrap().to_string();
    let due = chrono::DateTime::parse_from_rfc3339(&due).unwrap();
    let start = chrono::DateTime::parse_from_rfc3339(now).unwrap();
    let days = (due - start).num_hours() as f64 / 24.0;
    assert!(text.contains(&format!("  the next card is due in {}d\n", days.round() as i64)), "{text} ({days} days)");
    // The way out works: --new 1 shows the waiting card.
    let out =
        env.kioku(now).env("KIOKU_LANG", "en").args(["review", "--new", "1"]).write_stdin("\n4\n").output().unwrap();
    assert!(stdout(&out).contains("card n/c basic"), "{}", stdout(&out));
    // Nothing new left: only when the next card is due.
    let out = env.kioku(now).env("KIOKU_LANG", "en").arg("review").write_stdin("").output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("nothing more to review today") && text.contains("the next card is due in"), "{text}");
    assert!(!text.contains("new card"), "{text}");
}

#[test]
fn lint_summary_and_new_speak_japanese_too() {
    let env = Env::new();
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "ja").args(["new", "mine"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("を作りました"), "{}", stdout(&out));
    let decks = std::fs::canonicalize(env.decks()).unwrap();
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_LANG", "ja").arg("lint").output().unwrap();
    assert_eq!(
        stdout(&out),
        format!("1 ファイル、カード 7 枚を確認しました（{}）: エラー 0 件、警告 0 件\n", decks.display())
    );
}
