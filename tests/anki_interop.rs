//! kioku against the reference engines, run in the Python of the virtual environment `.ci/run`
//! makes, `target/anki-venv` (or `KIOKU_ANKI_PYTHON`): Anki's own engine (PyPI `anki` 26.9.3),
//! both ways, in English and Japanese Anki (`tests/anki/interop.py`), and the reference FSRS
//! (PyPI `fsrs-rs-python` 0.9.3) on a review log kioku exports (`tests/anki/fsrs_reference.py`).
//! On a developer's machine without the environment the tests say how to make it and pass; in
//! CI (`CI=true`) they fail.

use std::path::{Path, PathBuf};

/// Runs `tests/anki/SCRIPT` with the kioku binary and the bundled decks; it prints
/// `N passed, M failed` last.
fn run_script(script: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var_os("KIOKU_ANKI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/anki-venv/bin/python"));
    if !python.exists() {
        let how = "python3 -m venv target/anki-venv && target/anki-venv/bin/pip install anki==26.9.3 fsrs-rs-python==0.9.3 pyyaml";
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs the reference engines at {} (.ci/run makes them: {how})",
            python.display()
        );
        eprintln!("skipped: no reference engines at {}; to run this test: {how}", python.display());
        return;
    }
    let out = std::process::Command::new(&python)
        .arg(root.join("tests/anki").join(script))
        .arg(assert_cmd::cargo::cargo_bin("kioku"))
        .arg(root.join("decks"))
        // The script reads kioku's English messages.
        .env("KIOKU_LANG", "en")
        .output()
        .expect("run the reference script");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.ends_with(" passed, 0 failed") && !last.starts_with("0 "), "{stdout}");
}

#[test]
fn kioku_and_anki_exchange_decks_both_ways_keeping_history() {
    run_script("interop.py");
}

#[test]
fn optimize_from_csv_agrees_with_the_reference_fsrs_on_kiokus_own_export() {
    run_script("fsrs_reference.py");
}
