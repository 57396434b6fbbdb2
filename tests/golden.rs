//! Golden transcripts of the piped protocol: every card kind, undo, suspend, bury, a leech, cram
//! and an exam with a time limit, run through the real binary. Each run's arguments, input,
//! stdout, stderr and exit code are compared byte for byte with `tests/golden/NAME.txt`.
//!
//! These transcripts pin the protocol while the core is reshaped: a change to one is a change
//! of the protocol and must be one an issue names. The expected files were written by the
//! program and then reviewed by hand against DESIGN.md's protocol section. To write them again
//! after a named change: `KIOKU_BLESS=1 cargo test --test golden`, then read the diff.
//!
//! Only two things are masked, because they depend on the wall clock while the test runs (time
//! runs on normally after `--now`): the seconds in "answered in N s" and an exam's "time: Ns",
//! and the minutes of "due in Nm" in the human summary. Nothing in a keyword line is masked.

mod common;

use common::Env;

use common::EVERY_KIND_DECK as DECK;

const NOW: &str = "2025-06-01T09:00:00Z";

/// Runs `kioku ARGS` with `input` on stdin and returns the transcript.
fn run(env: &Env, now: &str, args: &[&str], input: &str) -> String {
    let out =
        env.kioku(now).env("KIOKU_TZ", "UTC").env("KIOKU_LANG", "en").args(args).write_stdin(input).output().unwrap();
    transcript(args, input, &out.stdout, &out.stderr, out.status.code())
}

fn transcript(args: &[&str], input: &str, stdout: &[u8], stderr: &[u8], code: Option<i32>) -> String {
    format!(
        "$ kioku {}\n--- stdin\n{}--- stdout\n{}--- stderr\n{}--- exit {:?}\n",
        args.join(" "),
        input,
        mask(&String::from_utf8_lossy(stdout)),
        mask(&String::from_utf8_lossy(stderr)),
        code
    )
}

/// Masks the wall-clock figures of the human summary (see the module docs).
fn mask(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut line = line.to_string();
            if let Some(at) = line.find(" answered in ") {
                line = format!("{} answered in <secs> s", &line[..at]);
            }
            if line.starts_with("  time: ") {
                line = "  time: <secs>".to_string();
            }
            if let Some(at) = line.find("is due in ") {
                line = format!("{}is due in <mins>", &line[..at]);
            }
            line + "\n"
        })
        .collect()
}

/// Compares `actual` with the golden file `name`, or writes it under `KIOKU_BLESS=1`.
fn check(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(format!("{name}.txt"));
    if std::env::var_os("KIOKU_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; write it with KIOKU_BLESS=1 and review it", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "transcript {name} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n--- whole actual transcript:\n{actual}",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn env() -> Env {
    let env = Env::new();
    env.write_deck("k.yaml", DECK);
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    env
}

#[test]
fn review_of_every_card_kind() {
    let env = env();
    // basic (self-graded, anything typed), reverse, cloze ×2, a typed date (full-width: right),
    // typed text with a typo (almost), choice by number after an invalid one, true/false after
    // an unknown word, order after a malformed one, then a grade word and an invalid grade.
    let input =
        "x\n\n\n3\nfoo\n2\n\n4\n２０２４年１２月\n\nPyongyng\n\n9\n1\n\nmaybe\nt\nhard\n1 1 2\n1 2 3\nsoon\ngood\n";
    check("review_kinds", &run(&env, NOW, &["review", "--new", "20"], input));
}

#[test]
fn review_undo_suspend_bury() {
    let env = env();
    let input = "\n3\n\n:u\n\n2\n:s\n:b\n\n:q\n";
    check("review_undo_suspend_bury", &run(&env, NOW, &["review", "--new", "20"], input));
    check("review_undo_suspend_bury_history", &run(&env, NOW, &["history"], ""));
}

#[test]
fn a_leech_is_tagged_and_suspended() {
    let env = Env::new();
    env.write_deck("l.yaml", "deck: l\ncards:\n  - id: one\n    front: Q\n    back: A\n");
    env.kioku(NOW).args(["config", "set", "leech_threshold", "1"]).assert().success();
    // New → good (10m step, shown again by learn-ahead) → good: a review card. Days later: again.
    let day0 = run(&env, NOW, &["review"], "\n3\n\n3\n");
    let day9 = run(&env, "2025-06-10T09:00:00Z", &["review"], "\n1\n");
    check("leech", &format!("{day0}{day9}"));
}

#[test]
fn cram_with_undo() {
    let env = env();
    let input = "\n1\n\n3\n:u\n\n4\nPyongyang\n\n:q\n";
    check("cram", &run(&env, NOW, &["cram", "--limit", "4"], input));
}

#[test]
fn exam_scored_and_one_that_runs_out_of_time() {
    let env = env();
    let paper = run(&env, NOW, &["exam", "--seed", "7", "--count", "5"], "2024年12月\n1\nt\n:u\n1 2 3\n\n");
    check("exam", &paper);
    // A one-second limit that runs out before any answer arrives: the rest count wrong and
    // further input is ignored.
    let args = ["exam", "--seed", "3", "--count", "3", "--time-limit", "1s"];
    let mut cmd = env.std_command(NOW);
    cmd.env("KIOKU_TZ", "UTC").env("KIOKU_LANG", "en").args(args);
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(b"t\nt\nt\n");
    }
    let out = child.wait_with_output().unwrap();
    check("exam_time_limit", &transcript(&args, "t\nt\nt\n", &out.stdout, &out.stderr, out.status.code()));
}
