//! kioku and Anki's own engine (PyPI `anki` 26.9.3), both ways, in English and Japanese Anki:
//! runs `tests/anki/interop.py` (its checks are listed there) with the Python of the virtual
//! environment `.ci/run` makes, `target/anki-venv` (or `KIOKU_ANKI_PYTHON`). On a developer's
//! machine without it the test says how to make it and passes; in CI (`CI=true`) it fails.

use std::path::{Path, PathBuf};

#[test]
fn kioku_and_anki_exchange_decks_both_ways_keeping_history() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var_os("KIOKU_ANKI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/anki-venv/bin/python"));
    if !python.exists() {
        let how = "python3 -m venv target/anki-venv && target/anki-venv/bin/pip install anki==26.9.3 pyyaml";
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs Anki's engine at {} (.ci/run makes it: {how})",
            python.display()
        );
        eprintln!("skipped: no Anki engine at {}; to run this test: {how}", python.display());
        return;
    }
    let out = std::process::Command::new(&python)
        .arg(root.join("tests/anki/interop.py"))
        .arg(assert_cmd::cargo::cargo_bin("kioku"))
        .arg(root.join("decks"))
        .output()
        .expect("run the Anki interop script");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.ends_with(" passed, 0 failed") && !last.starts_with("0 "), "{stdout}");
}
