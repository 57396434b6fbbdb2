//! Typed answers judged as a teacher would (issue 17), through the piped protocol: the keyword
//! lines keep their format; the indented lines for people say what was set aside, what was read
//! and why an answer is not right. And negative numbers can be asked (issue 18, item 4).

mod common;

use common::{lines_with, Env};

const NOW: &str = "2025-06-01T09:00:00+09:00";

const DECK: &str = "\
deck: judging
cards:
  - id: yoon
    front: 2024年12月に非常戒厳を宣布した韓国大統領は？
    back: 尹錫悦
    check: text
    category: person
  - id: cost
    front: 費用は？
    back: 23億ドル
    check: number
  - id: days
    front: 期限は？
    back: 60日
    check: number
  - id: minus
    front: 2 − 4 = ?
    back: \"-2\"
    check: number
  - id: fraction
    front: 半分を分数で
    back: 1/2
    check: text
  - id: date
    front: 弾劾が妥当とされた日は？
    back: 2025年4月4日
    check: date
";

#[test]
fn verdicts_and_their_explanations_through_the_pipe() {
    let env = Env::new();
    env.write_deck("judging.yaml", DECK);
    env.kioku(NOW).args(["config", "set", "bury_siblings", "false"]).assert().success();
    let input = "答えは尹錫悦大統領です\n\n二十三億ドル\n\n60日か90日\n\n2\n\n12\n\n2025年\n\n:q\n";
    let out =
        env.kioku(NOW).args(["review", "--new", "10"]).env("KIOKU_LANG", "en").write_stdin(input).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        lines_with(&stdout, "verdict "),
        vec![
            "verdict right suggest 3",
            "verdict right suggest 3",
            "verdict wrong suggest 1",
            "verdict wrong suggest 1",
            "verdict wrong suggest 1",
            "verdict almost suggest 2",
        ],
        "{stdout}"
    );
    assert!(stdout.contains("\n  set aside: 答えは, です, 大統領\n"), "{stdout}");
    assert!(stdout.contains("\n  read: 二十三億ドル → 2300000000 dollar\n"), "{stdout}");
    assert!(stdout.contains("\n  why: it gives two answers (か)\n"), "{stdout}");
    assert!(stdout.contains("\n  almost: right, but less precise than asked\n"), "{stdout}");
    let ratings: Vec<u64> = env.history().iter().map(|r| r["rating"].as_u64().unwrap()).collect();
    assert_eq!(ratings, vec![3, 3, 1, 1, 1, 2]);
}

#[test]
fn a_negative_number_is_a_number_answer() {
    let env = Env::new();
    env.write_deck("minus.yaml", "cards:\n  - id: minus\n    front: 2 − 4 = ?\n    back: \"-2\"\n    check: number\n");
    env.kioku(NOW).arg("lint").assert().success();
    let out = env.kioku(NOW).arg("review").write_stdin("2\n\n:q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "verdict "), vec!["verdict wrong suggest 1"], "{stdout}");
    let later = "2025-06-01T09:05:00+09:00";
    let out = env.kioku(later).arg("review").write_stdin("−2\n\n:q\n").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines_with(&stdout, "verdict "), vec!["verdict right suggest 3"], "{stdout}");
}
