//! The interactive review under a real pseudo-terminal: tmux runs kioku in a detached 80×24
//! window, keys go in with send-keys, the screen comes back with capture-pane.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::Env;

const DECK: &str = "\
deck: t
cards:
  - id: basic
    front: CVIDとは何の略か？
    back: 完全かつ検証可能で後戻りのできない非核化
  - id: typed
    front: 非常戒厳が宣布されたのはいつ？
    back: 2024年12月
    check: date
  - id: choice
    question: 中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: tf
    statement: 韓国国会は非常戒厳を即座に否定した。
    answer: true
  - id: order
    order: 古い順に並べよ
    items: [ソ韓国交正常化, 中韓国交正常化, ソ朝条約の破棄]
";

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A tmux server running `kioku review`, or None (with a note) where tmux is not installed
    /// on a developer's machine (in CI a missing tmux fails the test).
    fn start(env: &Env, width: u16) -> Option<Tmux> {
        Tmux::start_with(env, width, "review")
    }

    /// A tmux server running `kioku ARGS` (e.g. `exam --seed 3`).
    fn start_with(env: &Env, width: u16, args: &str) -> Option<Tmux> {
        if !common::require_tool("tmux", "-V", "tmux") {
            return None;
        }
        // One tmux server per test (tests run in parallel).
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("kioku-test-{}-{n}-{width}", std::process::id());
        let bin = assert_cmd::cargo::cargo_bin("kioku");
        let command = format!(
            "env -i TERM=xterm-256color NO_COLOR=1 KIOKU_DB='{}' KIOKU_DECKS='{}' KIOKU_TZ=UTC KIOKU_LANG=en KIOKU_NOW=2025-06-01T09:00:00Z '{}' {args}; echo EXIT=$?; sleep 30",
            env.db().display(),
            env.decks().display(),
            bin.display()
        );
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &width.to_string(),
                "-y",
                "24",
                &command,
            ])
            .status()
            .unwrap();
        assert!(status.success());
        Some(Tmux { socket })
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = Command::new("tmux").args(["-L", &self.socket, "send-keys", "-t", "0", k]).status().unwrap();
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types text literally (no key names).
    fn type_text(&self, text: &str) {
        let status =
            Command::new("tmux").args(["-L", &self.socket, "send-keys", "-t", "0", "-l", text]).status().unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux").args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits (up to 10 s) until the screen shows `text`; returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "waited for {text:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}

/// The number shown before `text` in a numbered list on the screen ("  2  棄権").
fn number_of(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find_map(|l| {
            let t = l.trim_start();
            let (n, rest) = t.split_once("  ")?;
            (rest.trim() == text && n.chars().all(|c| c.is_ascii_digit())).then(|| n.to_string())
        })
        .unwrap_or_else(|| panic!("{text} not listed:\n{screen}"))
}

#[test]
fn a_session_of_every_kind_in_a_real_terminal() {
    let env = Env::new();
    env.write_deck("t.yaml", DECK);
    let Some(tmux) = Tmux::start(&env, 80) else { return };

    // Self-graded: space reveals, 3 grades good.
    tmux.wait_for("CVIDとは何の略か？");
    tmux.wait_for("new 5 · learning 0 · review 0");
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("1 again 1m · 2 hard 6m · 3 good 10m");
    assert!(screen.contains("answer: 完全かつ検証可能で後戻りのできない非核化"), "{screen}");
    tmux.keys(&["3"]);

    // Typed date in another form, with a typo fixed by backspace: right, Enter takes good.
    tmux.wait_for("非常戒厳が宣布されたのはいつ？");
    tmux.type_text("2024-11");
    tmux.keys(&["BSpace"]);
    tmux.type_text("2");
    tmux.wait_for("> 2024-12");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("✓ right");
    assert!(screen.contains("answer: 2024年12月") && screen.contains("you: 2024-12"), "{screen}");
    tmux.keys(&["Enter"]);

    // Choice: the number of the right option; an out-of-range number is refused first.
    let screen = tmux.wait_for("中国の投票は？");
    let abstain = number_of(&screen, "棄権");
    tmux.type_text("9");
    tmux.keys(&["Enter"]);
    tmux.wait_for("there is no option 9");
    tmux.keys(&["BSpace"]);
    tmux.type_text(&abstain);
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ right");
    tmux.keys(&["Enter"]);

    // True/false in Japanese, answered wrong: the suggestion is again.
    tmux.wait_for("韓国国会は非常戒厳を即座に否定した。");
    tmux.type_text("いいえ");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✗ wrong");
    tmux.wait_for("enter again");
    tmux.keys(&["Enter"]);

    // Order: the right order by displayed numbers.
    let screen = tmux.wait_for("古い順に並べよ");
    let order = ["ソ韓国交正常化", "中韓国交正常化", "ソ朝条約の破棄"].map(|t| number_of(&screen, t)).join(" ");
    tmux.type_text(&order);
    tmux.keys(&["Enter"]);
    tmux.wait_for("(3/3 in place)");
    tmux.keys(&["4"]);

    // Learning cards come back early (learn-ahead); quit with q. The summary stays on screen.
    tmux.wait_for("learn");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains("5 cards answered"), "{screen}");
    assert!(screen.contains("streak: 1 day"), "{screen}");

    let ratings: Vec<(String, u64)> = env
        .history()
        .iter()
        .map(|r| (r["card"].as_str().unwrap().to_string(), r["rating"].as_u64().unwrap()))
        .collect();
    let expected: Vec<(String, u64)> = [("t/basic", 3), ("t/typed", 3), ("t/choice", 3), ("t/tf", 1), ("t/order", 4)]
        .map(|(k, r)| (k.to_string(), r))
        .to_vec();
    assert_eq!(ratings, expected);
}

#[test]
fn undo_help_and_ctrl_c_in_a_narrow_terminal() {
    let env = Env::new();
    env.write_deck("t.yaml", DECK);
    let Some(tmux) = Tmux::start(&env, 40) else { return };
    let screen = tmux.wait_for("CVIDとは何の略か？");
    for line in screen.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40, "{line:?}");
    }
    tmux.keys(&["Space", "2"]);
    tmux.wait_for("非常戒厳が");
    // Typed cards take `:u` as a line.
    tmux.type_text(":u");
    tmux.keys(&["Enter"]);
    tmux.wait_for("CVIDとは何の略か？");
    tmux.keys(&["?"]);
    tmux.wait_for("bury it until tomorrow");
    tmux.keys(&["?", "Space", "C-c"]);
    let screen = tmux.wait_for("EXIT=130");
    assert!(screen.contains("0 cards answered"), "{screen}");
    assert!(env.history().is_empty(), "the undone answer is gone; nothing else was saved");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_answers() {
    let env = Env::new();
    env.write_deck("t.yaml", DECK);
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    tmux.wait_for("CVIDとは何の略か？");
    tmux.keys(&["Space", "3"]);
    tmux.wait_for("非常戒厳が");
    // The pane runs `sh -c "env … kioku review; …"`; env execs kioku, a child of the shell.
    let pane =
        Command::new("tmux").args(["-L", &tmux.socket, "display", "-p", "-t", "0", "#{pane_pid}"]).output().unwrap();
    let pane = String::from_utf8(pane.stdout).unwrap().trim().to_string();
    let child = Command::new("pgrep").args(["-P", &pane]).output().unwrap();
    let pid = String::from_utf8(child.stdout).unwrap().trim().to_string();
    assert!(!pid.is_empty(), "kioku's pid under pane {pane}");
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    // Back on the normal screen with the summary; exit 128 + 15.
    let screen = tmux.wait_for("EXIT=143");
    assert!(screen.contains("1 card answered"), "{screen}");
    assert!(!screen.contains("非常戒厳が宣布"), "the alternate screen is gone: {screen}");
    assert_eq!(env.history().len(), 1);
}

#[test]
fn a_closed_terminal_ends_the_session_and_frees_the_database() {
    // The window goes away (here: the tmux server is killed): kioku must not linger on the
    // dead terminal holding the session lock (it used to spin in its read loop for ever).
    let env = Env::new();
    env.write_deck("t.yaml", DECK);
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    tmux.wait_for("CVIDとは何の略か？");
    tmux.keys(&["Space", "3"]);
    tmux.wait_for("非常戒厳が");
    let _ = Command::new("tmux").args(["-L", &tmux.socket, "kill-server"]).status();
    // Within a few seconds a new session can start: the first one ended and let go of the lock.
    let mut refused = String::new();
    for _ in 0..50 {
        let out = env.kioku("2025-06-01T09:00:00Z").arg("review").write_stdin(":q\n").output().unwrap();
        if out.status.success() {
            assert_eq!(env.history().len(), 1, "the answer given before the window closed is kept");
            return;
        }
        refused = String::from_utf8_lossy(&out.stderr).into_owned();
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the database stayed locked after the terminal closed: {refused}");
}

#[test]
fn readings_on_the_review_screen_shown_then_hidden() {
    let env = Env::new();
    env.write_deck(
        "r.yaml",
        "deck: r\ncards:\n  - id: moon\n    front: 韓国の 文在寅[ムン・ジェイン]政権の次は？\n    back: 尹錫悦[ユン・ソンニョル]\n    check: text\n  - id: pick\n    question: 2025年に選ばれたのは？\n    answer: 李在明[イ・ジェミョン]\n    distractors:\n      - 金文洙[キム・ムンス]\n",
    );
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    // Readings after their bases; the reading alone is a right answer.
    tmux.wait_for("韓国の文在寅(ムン・ジェイン)政権の次は？");
    tmux.type_text("ユン・ソンニョル");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("✓ right");
    assert!(screen.contains("answer: 尹錫悦(ユン・ソンニョル)"), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("2025年に選ばれたのは？");
    let right = number_of(&screen, "李在明(イ・ジェミョン)");
    assert_ne!(right, number_of(&screen, "金文洙(キム・ムンス)"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("EXIT=0");
    drop(tmux);

    // `readings = hide`: the bases alone.
    env.kioku("2025-06-01T09:00:00Z").args(["config", "set", "readings", "hide"]).assert().success();
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    let screen = tmux.wait_for("2025年に選ばれたのは？");
    number_of(&screen, "李在明");
    assert!(!screen.contains("(イ・ジェミョン)") && !screen.contains("(キム・ムンス)"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn the_last_answer_can_still_be_undone_on_the_summary() {
    let env = Env::new();
    env.write_deck("t.yaml", "deck: t\ncards:\n  - id: one\n    front: CVIDとは何の略か？\n    back: 完全な非核化\n");
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    tmux.wait_for("CVIDとは何の略か？");
    // Easy graduates the only card: the queue is empty, the session stays open on its summary.
    tmux.keys(&["Space", "4"]);
    let screen = tmux.wait_for("nothing more to ask in this session");
    assert!(screen.contains("1 card answered") && screen.contains("u undo the last answer · q quit"), "{screen}");
    assert!(!screen.contains("EXIT="), "{screen}");
    // u takes the answer back and asks the card again.
    tmux.keys(&["u"]);
    tmux.wait_for("CVIDとは何の略か？");
    tmux.keys(&["Space", "4"]);
    let screen = tmux.wait_for("nothing more to ask in this session");
    assert!(screen.contains("1 card answered"), "{screen}");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains("1 card answered"), "{screen}");
    let ratings: Vec<u64> = env.history().iter().map(|r| r["rating"].as_u64().unwrap()).collect();
    assert_eq!(ratings, vec![4], "the undone answer is gone, the second one kept");
}

const JUDGED: &str = "\
deck: t
cards:
  - id: typed
    front: 非常戒厳が宣布されたのはいつ？
    back: 2024年12月
    check: date
  - id: basic
    front: CVIDとは何の略か？
    back: 完全な非核化
";

#[test]
fn an_answer_judged_on_screen_is_saved_on_quit() {
    let env = Env::new();
    env.write_deck("t.yaml", JUDGED);
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    tmux.wait_for("非常戒厳が宣布されたのはいつ？");
    tmux.type_text("2024-12");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ right");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains("your answer to t/typed was saved with the suggested grade, 3 good"), "{screen}");
    assert!(screen.contains("1 card answered"), "{screen}");
    let rows: Vec<(String, u64)> = env
        .history()
        .iter()
        .map(|r| (r["card"].as_str().unwrap().to_string(), r["rating"].as_u64().unwrap()))
        .collect();
    assert_eq!(rows, vec![("t/typed".to_string(), 3)]);
}

#[test]
fn an_answer_judged_on_screen_is_saved_then_suspended_on_s() {
    let env = Env::new();
    env.write_deck("t.yaml", JUDGED);
    let Some(tmux) = Tmux::start(&env, 80) else { return };
    tmux.wait_for("非常戒厳が宣布されたのはいつ？");
    tmux.type_text("1999");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✗ wrong");
    tmux.keys(&["s"]);
    let screen = tmux.wait_for("CVIDとは何の略か？");
    // The message wraps at 80 columns.
    let message: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        message.contains("your answer to t/typed was saved with the suggested grade, 1 again; then suspended the card"),
        "{screen}"
    );
    // A self-graded card that was only revealed has nothing judged: q leaves it unsaved.
    tmux.keys(&["Space"]);
    tmux.wait_for("answer: 完全な非核化");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
    let rows: Vec<(String, u64, String)> = env
        .history()
        .iter()
        .map(|r| {
            (r["card"].as_str().unwrap().to_string(), r["rating"].as_u64().unwrap(), r["kind"].as_str().unwrap().into())
        })
        .collect();
    assert_eq!(
        rows,
        vec![("t/typed".to_string(), 1, "review".to_string()), ("t/typed".to_string(), 0, "manual".to_string())]
    );
}

/// Lines only scripts read: a terminal screen must never show them.
fn assert_no_protocol_lines(screen: &str) {
    for word in ["card ", "option ", "item ", "verdict ", "saved ", "score ", "seed ", "done "] {
        assert!(!screen.lines().any(|l| l.starts_with(word)), "protocol line '{word}…' on the screen:\n{screen}");
    }
}

#[test]
fn exam_in_a_terminal_is_a_screen_not_protocol_lines() {
    let env = Env::new();
    env.write_deck("k.yaml", DECK);
    let Some(tmux) = Tmux::start_with(&env, 80, "exam --seed 3 --count 2") else { return };
    let screen = tmux.wait_for("question 1/2");
    assert!(screen.contains("then enter"), "an instruction under the question:\n{screen}");
    assert_no_protocol_lines(&screen);
    // A malformed answer is refused on the screen; then each question is answered "don't know".
    tmux.type_text("9 9");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("  > 9 9");
    assert_no_protocol_lines(&screen);
    tmux.keys(&["C-u", "Enter"]);
    let screen = tmux.wait_for("✗ wrong");
    assert!(screen.contains("enter next question"), "{screen}");
    tmux.keys(&["Enter", "Enter", "Enter"]);
    let screen = tmux.wait_for("score 0/2");
    assert_no_protocol_lines(&screen);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains("score 0/2 (seed 3)"), "the score stays on the terminal:\n{screen}");
    let papers =
        String::from_utf8(env.kioku("2025-06-01T10:00:00Z").args(["exam", "--history"]).output().unwrap().stdout)
            .unwrap();
    assert!(papers.contains("0/2"), "the paper was saved: {papers}");
}

/// With a time limit, the time left shows on each verdict too, not only while answering.
#[test]
fn exam_time_left_stays_on_the_verdict() {
    let env = Env::new();
    env.write_deck("k.yaml", DECK);
    let Some(tmux) = Tmux::start_with(&env, 80, "exam --seed 3 --count 2 --time-limit 5m") else { return };
    tmux.wait_for("question 1/2 · ");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("✗ wrong");
    assert!(screen.contains("question 1/2 · ") && screen.contains(" left"), "{screen}");
}

#[test]
fn cram_in_a_terminal_is_a_screen_and_counts_what_is_left_within_the_limit() {
    let env = Env::new();
    env.write_deck("k.yaml", DECK);
    let Some(tmux) = Tmux::start_with(&env, 40, "cram --limit 2") else { return };
    let screen = tmux.wait_for("2 left");
    assert_no_protocol_lines(&screen);
    // The first card is self-graded: space shows the answer, enter takes the suggested grade.
    assert!(screen.contains("space show answer"), "{screen}");
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("cram changes no schedule");
    assert!(screen.contains("answer:"), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("1 left");
    assert_no_protocol_lines(&screen);
    // The next card takes a typed answer: the commands are lines there.
    tmux.type_text(":q");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("EXIT=0");
    // (A 40-column window wraps the line.)
    assert!(screen.replace('\n', "").contains("1 answer saved (cram changes no schedule)"), "{screen}");
    let history = env.history();
    assert_eq!(history.iter().filter(|r| r["kind"] == "cram").count(), 1);
}

/// Issue 20 on the screen: a typed answer shown as typed with the diff in its own script; after
/// a choice judged on screen, a line says the digits now grade; u, s and b say what they did.
#[test]
fn typed_as_typed_grade_step_and_what_u_s_b_did() {
    let env = Env::new();
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: era\n    front: 1868年は何年？\n    back: 明治元年\n    check: text\n\
         \x20 - id: choice\n    question: 中国の投票は？\n    answer: 棄権\n    distractors: [賛成, 反対]\n\
         \x20 - id: basic\n    front: CVIDとは？\n    back: 非核化\n",
    );
    let Some(t) = Tmux::start(&env, 80) else { return };
    t.wait_for("1868年は何年？");
    t.type_text("めいじ元年");
    t.keys(&["Enter"]);
    let screen = t.wait_for("diff:");
    assert!(screen.contains("you: めいじ元年"), "as typed:\n{screen}");
    assert!(screen.contains("diff: [-めいじ][+明治]元年"), "in the original script:\n{screen}");
    t.keys(&["4"]); // easy: graduates, so it does not come back today
    let screen = t.wait_for("中国の投票は？");
    let n = number_of(&screen, "棄権");
    t.type_text(&n);
    t.keys(&["Enter"]);
    let screen = t.wait_for("now grade how well you knew it: 1-4, enter takes good");
    assert!(screen.contains("✓ right"), "{screen}");
    t.keys(&["4"]);
    t.wait_for("CVIDとは？");
    // Suspending the last card ends on the summary, which says so; u there takes back the
    // choice's answer, and its screen says so.
    t.keys(&["s"]);
    t.wait_for("suspended t/basic: out of reviews until kioku unsuspend t/basic");
    t.keys(&["u"]);
    let screen = t.wait_for("undid the answer to t/choice: it is asked again");
    assert!(screen.contains("中国の投票は？"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("EXIT=0");
}

/// `export deck` with no `-o` on a terminal shows a deck's control characters instead of obeying
/// them (no window title, no cleared screen, no clipboard write); into a pipe it stays exact.
#[test]
fn export_to_a_terminal_shows_control_characters() {
    let env = Env::new();
    env.write_deck(
        "t.yaml",
        "deck: t\ncards:\n  - id: a\n    front: \"q\\e]0;pwned\\a\\e[2J\"\n    back: \"x\\u202Ey\"\n",
    );
    let piped = env.kioku("2025-06-01T09:00:00Z").args(["export", "deck", "t", "--format", "csv"]).output().unwrap();
    assert!(String::from_utf8(piped.stdout).unwrap().contains("q\u{1b}]0;pwned\u{7}\u{1b}[2J"));
    let Some(tmux) = Tmux::start_with(&env, 80, "export deck t --format csv") else { return };
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains(r"q\e]0;pwned\u{7}\e[2J") && screen.contains(r"x\u{202e}y"), "{screen}");
}
