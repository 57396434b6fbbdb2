//! Helpers for tests that run the real binary in a temporary folder with a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A deck `k` with a note of every kind (basic with its reverse and an explanation, cloze of two
/// deletions, a typed date, typed text, choice, true/false, order): the deck of the golden
/// transcripts and of the in-process tests of the engines.
pub const EVERY_KIND_DECK: &str = "\
deck: k
title: Golden deck
tags: [g]
cards:
  - id: basic
    front: Question A
    back: Answer A
    reverse: true
    explanation: Because.
  - id: cloze
    cloze: \"{{c1::One}} and {{c2::two}}\"
  - id: date
    front: 尹錫悦大統領が非常戒厳を宣布したのはいつ？
    back: 2024年12月
    check: date
  - id: text
    front: Capital of North Korea (in English)?
    back: Pyongyang
    check: text
  - id: choice
    question: 中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: tf
    statement: 韓国国会は非常戒厳を即座に否定した。
    answer: true
  - id: order
    order: 古い順に並べよ
    items: [ソ韓国交正常化, 中韓国交正常化, ソ朝友好協力相互援助条約の破棄]
";

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("decks")).unwrap();
        Env { dir }
    }

    /// An environment whose decks folder is a copy of the bundled decks.
    pub fn with_bundled_decks() -> Env {
        let env = Env::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
        for entry in std::fs::read_dir(src).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, env.decks().join(path.file_name().unwrap())).unwrap();
        }
        env
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("kioku.sqlite3")
    }

    pub fn decks(&self) -> PathBuf {
        self.dir.path().join("decks")
    }

    pub fn write_deck(&self, name: &str, text: &str) {
        std::fs::write(self.decks().join(name), text).unwrap();
    }

    /// `kioku` with --db and --decks set, a fixed start time and zone, English (`KIOKU_LANG=en`:
    /// tests assert English text; override with `.env("KIOKU_LANG", "ja")`), and nothing else
    /// from the environment.
    pub fn kioku(&self, now: &str) -> Command {
        Command::from_std(self.std_command(now))
    }

    /// `kioku` set up as `kioku()` is, as a plain `std::process::Command` (for spawning).
    pub fn std_command(&self, now: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("kioku"));
        cmd.env_clear()
            .env("KIOKU_DB", self.db())
            .env("KIOKU_DECKS", self.decks())
            .env("KIOKU_NOW", now)
            .env("KIOKU_TZ", "Asia/Tokyo")
            .env("KIOKU_LANG", "en")
            .current_dir(self.dir.path());
        cmd
    }

    /// `kioku ARGS` as a child process with piped stdin and stdout (stderr discarded), the
    /// environment cleared but for --db, --decks, UTC, English and `now` when given.
    pub fn spawn(&self, now: Option<&str>, args: &[&str]) -> std::process::Child {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("kioku"));
        cmd.env_clear()
            .env("KIOKU_DB", self.db())
            .env("KIOKU_DECKS", self.decks())
            .env("KIOKU_TZ", "UTC")
            .env("KIOKU_LANG", "en");
        if let Some(now) = now {
            cmd.env("KIOKU_NOW", now);
        }
        cmd.args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    }

    /// Runs `history --json` and returns the parsed array.
    pub fn history(&self) -> Vec<serde_json::Value> {
        let out = self.kioku("2030-01-01T00:00:00Z").args(["history", "--json"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
    }

    /// Every row of every table, as text, for "nothing changed" comparisons.
    pub fn dump(&self) -> Vec<String> {
        use rusqlite::types::ValueRef;
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        let mut rows = Vec::new();
        // deck_files without checked_at_ms: a file written under two seconds before it was
        // hashed is hashed again by the next command, which moves only that time (bookkeeping).
        for (table, columns) in
            [("cards", "*"), ("reviews", "*"), ("settings", "*"), ("deck_files", "path, size, mtime_ns, hash, deck_id")]
        {
            let mut stmt = conn.prepare(&format!("SELECT {columns} FROM {table} ORDER BY 1")).unwrap();
            let n = stmt.column_count();
            let mut q = stmt.query([]).unwrap();
            while let Some(r) = q.next().unwrap() {
                let cols: Vec<String> = (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                        other => format!("{other:?}"),
                    })
                    .collect();
                rows.push(format!("{table}: {}", cols.join(" | ")));
            }
        }
        rows
    }

    /// key → (state, stability, difficulty, reps) from the cards table.
    pub fn schedules(&self) -> std::collections::BTreeMap<String, (i64, Option<f64>, Option<f64>, i64)> {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        let mut stmt = conn.prepare("SELECT key, state, stability, difficulty, reps FROM cards").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

/// Lines of `text` that start with `prefix` (the protocol's keyword lines).
pub fn lines_with<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

/// A three-note deck: two basic notes (one with a reverse) and a cloze with two deletions.
pub const SMALL_DECK: &str = "\
deck: alpha
title: Test deck
tags: [t]
cards:
  - id: a
    front: Question A
    back: Answer A
    reverse: true
  - id: b
    front: Question B
    back: Answer B
    tags: [extra]
  - id: c
    cloze: \"{{c1::One}} and {{c2::two}}\"
";

/// Answers the cards a piped `review` child shows (an empty response, then `grade(k)` for the
/// k-th answer) until `count` answers are acknowledged with `saved`. Returns the child's pipes so
/// the caller decides what happens next (more input, end of input, a kill).
pub fn answer_until_saved(
    child: &mut std::process::Child,
    count: usize,
    grade: impl Fn(usize) -> &'static str,
) -> (std::process::ChildStdin, std::io::BufReader<std::process::ChildStdout>) {
    use std::io::{BufRead, Write};
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let (mut acknowledged, mut line) = (0, String::new());
    while acknowledged < count {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "kioku ended after {acknowledged} answers");
        if line.starts_with("card ") {
            stdin.write_all(format!("\n{}\n", grade(acknowledged)).as_bytes()).unwrap();
            stdin.flush().unwrap();
        } else if line.starts_with("saved ") {
            acknowledged += 1;
        }
    }
    (stdin, stdout)
}

/// Reads the first line a spawned child prints; returns it and the rest of its stdout.
pub fn first_line(child: &mut std::process::Child) -> (String, std::io::BufReader<std::process::ChildStdout>) {
    use std::io::BufRead;
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    (line, out)
}

/// Whether the external program `tool` (from the Debian package `package`) can be run. Where it
/// cannot, a developer's run says so and the caller skips; in CI (`CI=true`) this fails instead,
/// because `.ci/run` installs every such program and a silent skip there would hide a lost test.
pub fn require_tool(tool: &str, version_arg: &str, package: &str) -> bool {
    if std::process::Command::new(tool).arg(version_arg).output().is_ok() {
        return true;
    }
    let ci = std::env::var("CI").map(|v| !v.is_empty() && v != "false" && v != "0").unwrap_or(false);
    assert!(!ci, "{tool} is missing in CI (Debian package {package}): .ci/run must install it");
    eprintln!("skipped: {tool} is not installed (Debian package {package}); this test needs it");
    false
}
