//! No number given on the command line may make kioku panic: every command's numeric argument
//! (and the clock, and the numeric settings) with extreme values and with random ones (proptest,
//! bounded). Each must end with 0, 1 (bad input, said clearly) or 2 (a usage error) — never 101
//! (a panic) or a signal.

mod common;

use common::{Env, SMALL_DECK};
use proptest::prelude::*;

const NOW: &str = "2025-06-01T09:00:00+09:00";

/// Every numeric argument, `{}` standing for the value.
const TEMPLATES: &[&str] = &[
    "review --new {}",
    "review --limit {}",
    "cram --missed {}",
    "cram --limit {}",
    "exam --count {}",
    "exam --seed {}",
    "exam --time-limit {}",
    "exam --time-limit {}m",
    "plan --exam-date 2025-07-01 --target {}",
    "plan --remove {}",
    "report log.csv --top {}",
    "config set desired_retention {}",
    "config set new_per_day {}",
    "config set reviews_per_day {}",
    "config set max_interval_days {}",
    "config set rollover_hour {}",
    "config set leech_threshold {}",
    "config set learning_steps {}m",
    "config set relearning_steps {}d",
];

/// Values at and past every integer and float edge, and text that is no number.
const EXTREMES: &[&str] = &[
    "0",
    "1",
    "-1",
    "99999999",
    "-99999999",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "0.0000001",
    "abc",
    "",
];

/// A collection with some history, and a review log file for `report`.
fn setup() -> Env {
    let env = Env::new();
    env.write_deck("alpha.yaml", SMALL_DECK);
    env.kioku(NOW).arg("review").write_stdin("\n3\n".repeat(3)).assert().success();
    let log = env.kioku(NOW).args(["export", "reviews"]).output().unwrap();
    std::fs::write(env.dir.path().join("log.csv"), log.stdout).unwrap();
    env
}

/// Runs `kioku` with `args` (stdin answers a few cards, then ends) and checks how it ended.
fn ends_cleanly(env: &Env, args: &[String]) -> Result<(), String> {
    let out = env
        .kioku(NOW)
        .env("KIOKU_LANG", "en")
        .args(args)
        .write_stdin("\n3\n".repeat(4) + ":q\n")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .map_err(|e| e.to_string())?;
    match out.status.code() {
        Some(0..=2) => Ok(()),
        code => Err(format!(
            "kioku {} ended with {code:?}:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).lines().take(6).collect::<Vec<_>>().join("\n")
        )),
    }
}

fn args(template: &str, value: &str) -> Vec<String> {
    template.split(' ').map(|part| part.replace("{}", value)).collect()
}

#[test]
fn extreme_numbers_in_every_argument_end_cleanly() {
    let env = setup();
    let mut failures = Vec::new();
    for template in TEMPLATES {
        for value in EXTREMES {
            if let Err(e) = ends_cleanly(&env, &args(template, value)) {
                failures.push(e);
            }
            // A setting that was accepted must not break the commands that use it; then the
            // collection starts again with the defaults.
            let changed = || {
                let list = env.kioku(NOW).args(["config", "list"]).output().unwrap().stdout;
                String::from_utf8_lossy(&list).contains("(default")
            };
            if template.starts_with("config") && changed() {
                for command in ["review", "due", "stats", "plan --exam-date 2025-07-01"] {
                    let command: Vec<String> = command.split(' ').map(str::to_string).collect();
                    if let Err(e) = ends_cleanly(&env, &command) {
                        failures.push(format!("after {}: {e}", args(template, value).join(" ")));
                    }
                }
                for file in std::fs::read_dir(env.dir.path()).unwrap() {
                    let path = file.unwrap().path();
                    if path.file_name().unwrap().to_string_lossy().starts_with("kioku.sqlite3") {
                        std::fs::remove_file(path).unwrap();
                    }
                }
                env.kioku(NOW).arg("review").write_stdin("\n3\n".repeat(3)).assert().success();
            }
        }
    }
    // The clock too, at the ends of what RFC 3339 can say.
    for now in ["9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z"] {
        for command in ["review", "due", "stats", "cram", "exam"] {
            let out = env.kioku(now).arg(command).write_stdin("\n3\n".repeat(4)).output().unwrap();
            if !matches!(out.status.code(), Some(0..=2)) {
                failures.push(format!("--now {now} {command}: {:?}", out.status.code()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_numbers_in_every_argument_end_cleanly(
        template in proptest::sample::select(TEMPLATES),
        value in prop_oneof![
            any::<i64>().prop_map(|v| v.to_string()),
            any::<u64>().prop_map(|v| v.to_string()),
            any::<f64>().prop_map(|v| v.to_string()),
            (0u32..100_000).prop_map(|v| v.to_string()),
        ],
    ) {
        thread_local!(static ENV: Env = setup());
        ENV.with(|env| ends_cleanly(env, &args(template, &value))).map_err(TestCaseError::fail)?;
    }
}
