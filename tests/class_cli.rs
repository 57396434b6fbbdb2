//! `kioku class …` (issue 16): a class folder from a roster, invitations, and the teacher's
//! account commands, through the real binary.

mod common;

use std::path::Path;

use common::Env;
use kioku::testing::class::secret;
use kioku::testing::store::{Account, Role, Store};

/// Runs `cmd`, which must exit 1 saying `text` on stderr.
fn fails(cmd: &mut assert_cmd::Command, text: &str) {
    let out = cmd.assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains(text), "{text:?} in {stderr}");
}

const NOW: &str = "2025-06-02T09:00:00+09:00";

fn accounts(class: &Path) -> Vec<Account> {
    Store::open(&class.join("kioku.sqlite3"), chrono::Utc::now()).unwrap().accounts().unwrap()
}

fn student<'a>(all: &'a [Account], id: &str) -> &'a Account {
    all.iter().find(|a| a.account == id).unwrap()
}

/// (id, name, code) rows of invites.csv, after checking its BOM.
fn invites(class: &Path) -> Vec<(String, String, String)> {
    let bytes = std::fs::read(class.join("invites.csv")).unwrap();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("学籍番号,氏名,code"));
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_string(), cells[1].to_string(), cells[2].to_string())
        })
        .collect()
}

/// The teacher's password from `init`'s or `reset-teacher`'s output.
fn password_in(stdout: &str) -> String {
    let line = stdout.lines().find(|l| l.contains("password")).expect("a line with the password");
    line.rsplit(' ').next().unwrap().to_string()
}

#[test]
fn a_class_is_made_from_a_shift_jis_roster_with_invitations_and_a_teacher_password() {
    let env = Env::with_bundled_decks();
    let class = env.dir.path().join("class");
    // As Excel saves it on Japanese Windows: Shift_JIS, full-width digits, a group column.
    let (roster, _, _) = encoding_rs::SHIFT_JIS
        .encode("学籍番号,氏名,クラス\r\n２０２５００１,山田 太郎,1組\r\n2025002,=危険な名前,2組\r\n");
    std::fs::write(env.dir.path().join("roster.csv"), &roster).unwrap();
    let out = env
        .kioku(NOW)
        .args(["class", "init", "class", "--roster", "roster.csv", "--public-url", "https://kioku.example.ed.jp/"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("2 students"), "{stdout}");
    let password = password_in(&stdout);
    let rows = invites(&class);
    assert_eq!(
        rows.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect::<Vec<_>>(),
        [("2025001", "山田 太郎"), ("2025002", "'=危険な名前")]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["invites.csv", "invites.html"] {
            assert_eq!(std::fs::metadata(class.join(name)).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
    let page = std::fs::read_to_string(class.join("invites.html")).unwrap();
    assert_eq!(page.matches("<svg").count(), 2);
    assert!(page.contains("https://kioku.example.ed.jp"));
    // Only hashes are stored, and each code and the password match theirs.
    let all = accounts(&class);
    let teacher = all.iter().find(|a| a.role == Role::Teacher).unwrap();
    assert_eq!(teacher.account, "teacher");
    assert!(secret::verify(&password, teacher.password_hash.as_deref().unwrap()));
    for (id, _, code) in &rows {
        let s = student(&all, id);
        let stored = s.code_hash.as_deref().unwrap();
        assert!(stored.starts_with("$argon2id$") && !stored.contains(code.as_str()));
        assert!(secret::verify_code(code, stored));
    }
    assert_eq!(student(&all, "2025001").group, "1組");
    // Its decks are a copy of the ones given.
    for entry in std::fs::read_dir(env.decks()).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(class.join("decks").join(&name).is_file(), "{name:?}");
    }
    // A second init is refused and changes nothing.
    fails(env.kioku(NOW).args(["class", "init", "class", "--roster", "roster.csv"]), "already a class");
    assert_eq!(accounts(&class), all);
}

#[test]
fn a_bad_roster_names_every_problem_by_line_and_makes_nothing() {
    let env = Env::with_bundled_decks();
    std::fs::write(env.dir.path().join("roster.csv"), "\u{feff}id,name\n1.23E+11,A\nteacher,B\n7,C\n７,D\n").unwrap();
    let out = env.kioku(NOW).args(["class", "init", "c", "--roster", "roster.csv"]).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    for expected in [
        "roster.csv:2: the id 1.23E+11",
        "roster.csv:3: the id \"teacher\"",
        "roster.csv:5: the id 7 is already on line 4",
    ] {
        assert!(stderr.contains(expected), "{expected} in {stderr}");
    }
    assert!(!env.dir.path().join("c").join("kioku.sqlite3").exists());
    std::fs::write(env.dir.path().join("latin1.csv"), b"id,name\n1,Ren\xe9\xff\n").unwrap();
    fails(
        env.kioku(NOW).args(["class", "init", "c", "--roster", "latin1.csv"]),
        "latin1.csv:2: the roster is neither UTF-8 nor Shift_JIS",
    );
}

#[test]
fn students_are_added_reset_removed_and_erased_and_the_teacher_gets_a_new_password() {
    let env = Env::with_bundled_decks();
    let class = env.dir.path().join("class");
    std::fs::write(env.dir.path().join("r1.csv"), "id,name\ns1,Aoi\ns2,Ren\n").unwrap();
    let out = env.kioku(NOW).args(["class", "init", "class", "--roster", "r1.csv"]).assert().success();
    let old_password = password_in(&String::from_utf8_lossy(&out.get_output().stdout));
    let first_codes = invites(&class);

    // Adding: new students get invitations; a student already there stops the whole roster.
    std::fs::write(env.dir.path().join("r2.csv"), "id,name\ns3,Mei\n").unwrap();
    env.kioku(NOW).args(["class", "add-students", "class", "--roster", "r2.csv"]).assert().success();
    assert_eq!(invites(&class).iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["s3"]);
    std::fs::write(env.dir.path().join("r3.csv"), "id,name\ns4,Sora\ns1,Aoi\n").unwrap();
    fails(env.kioku(NOW).args(["class", "add-students", "class", "--roster", "r3.csv"]), "already in the class: s1");
    assert!(accounts(&class).iter().all(|a| a.account != "s4"));

    // A new code: the old one stops working, the password is cleared.
    let mut store = Store::open(&class.join("kioku.sqlite3"), chrono::Utc::now()).unwrap();
    let s1 = store.account("s1").unwrap().unwrap();
    store.set_password(s1.learner, &secret::hash("chosen password").unwrap()).unwrap();
    drop(store);
    let out = env.kioku(NOW).args(["class", "reset-code", "class", "s1"]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let new_code = stdout.split_whitespace().find(|w| w.len() == 11 && w.contains('-')).unwrap().to_string();
    let s1 = student(&accounts(&class), "s1").clone();
    assert_eq!(s1.password_hash, None);
    assert!(secret::verify_code(&new_code, s1.code_hash.as_deref().unwrap()));
    assert!(!secret::verify_code(&first_codes[0].2, s1.code_hash.as_deref().unwrap()));
    fails(env.kioku(NOW).args(["class", "reset-code", "class", "nobody"]), "no student nobody");

    // Removing keeps the account (inactive); --delete-data erases it.
    env.kioku(NOW).args(["class", "remove-student", "class", "s2"]).assert().success();
    assert!(!student(&accounts(&class), "s2").active);
    env.kioku(NOW).args(["class", "remove-student", "class", "s2", "--delete-data"]).assert().success();
    assert!(accounts(&class).iter().all(|a| a.account != "s2"));
    fails(env.kioku(NOW).args(["class", "remove-student", "class", "teacher"]), "no student teacher");

    // A new teacher password replaces the old one.
    let out = env.kioku(NOW).args(["class", "reset-teacher", "class"]).assert().success();
    let new_password = password_in(&String::from_utf8_lossy(&out.get_output().stdout));
    let teacher = accounts(&class).into_iter().find(|a| a.role == Role::Teacher).unwrap();
    assert!(secret::verify(&new_password, teacher.password_hash.as_deref().unwrap()));
    assert!(!secret::verify(&old_password, teacher.password_hash.as_deref().unwrap()));
    fails(env.kioku(NOW).args(["class", "reset-teacher", "elsewhere"]), "not a class folder");
}

/// One HTTP/1.1 request to `addr`; returns the status and the body.
fn http(addr: &str, method: &str, path: &str, bearer: Option<&str>, body: &str) -> std::io::Result<(u16, String)> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(token) = bearer {
        text.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    stream.write_all(text.as_bytes())?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply)?;
    let status = reply.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, reply.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default()))
}

/// `kioku serve --class`: the sign-in page's address first, the clear-text warning without an
/// https public URL, students signing in through the API; and kill -9 while three students
/// answer as fast as they can loses no answer the server acknowledged.
#[test]
fn serve_class_warns_in_clear_and_a_kill_9_under_load_loses_no_acknowledged_answer() {
    use std::io::BufRead;
    let env = Env::with_bundled_decks();
    let class = env.dir.path().join("class");
    std::fs::write(env.dir.path().join("roster.csv"), "id,name\ns1,One\ns2,Two\ns3,Three\n").unwrap();
    env.kioku(NOW).args(["class", "init", "class", "--roster", "roster.csv"]).assert().success();
    let codes = invites(&class);
    let mut child = env
        .std_command(NOW)
        .args(["serve", "--class", "class", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut first).unwrap();
    let addr = first.trim().strip_prefix("http://").and_then(|r| r.strip_suffix("/login")).expect(&first).to_string();
    let mut warning = String::new();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    err.read_line(&mut warning).unwrap();
    assert!(warning.contains("travel in clear"), "{warning}");
    // The rest is read, so the server never blocks on (or fails writing to) a full pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    let saved = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let workers: Vec<_> = codes
        .iter()
        .map(|(id, _, code)| {
            let (addr, id, code, saved) = (addr.clone(), id.clone(), code.clone(), saved.clone());
            std::thread::spawn(move || {
                let login = format!(r#"{{"id":"{id}","code":"{code}"}}"#);
                let (status, body) = http(&addr, "POST", "/api/login", None, &login).unwrap();
                assert_eq!(status, 200, "{body}");
                let token =
                    serde_json::from_str::<serde_json::Value>(&body).unwrap()["token"].as_str().unwrap().to_string();
                let mut acknowledged = Vec::new();
                // Until the server dies (at most 200 answers each).
                for _ in 0..200 {
                    let Ok((200, view)) = http(&addr, "GET", "/api/review", Some(&token), "") else { break };
                    let view: serde_json::Value = serde_json::from_str(&view).unwrap();
                    let Some(key) = view["card"]["key"].as_str() else { break };
                    let grade = format!(r#"{{"key":"{key}","version":{},"rating":3}}"#, view["card"]["version"]);
                    match http(&addr, "POST", "/api/review/grade", Some(&token), &grade) {
                        Ok((200, _)) => acknowledged.push(key.to_string()),
                        Ok((status, body)) if status != 0 => panic!("{id}: grade {status} {body}"),
                        _ => break,
                    }
                    saved.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                (id, acknowledged)
            })
        })
        .collect();
    // Killed once the students have answered a few cards between them, while they go on.
    let begun = std::time::Instant::now();
    while saved.load(std::sync::atomic::Ordering::SeqCst) < 6 && begun.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let store = Store::open(&class.join("kioku.sqlite3"), chrono::Utc::now()).unwrap();
    let mut answered = 0;
    for worker in workers {
        let (id, acknowledged) = worker.join().unwrap();
        let learner = student(&accounts(&class), &id).learner;
        let saved: Vec<String> = store.history(learner, None).unwrap().into_iter().map(|r| r.card_key).collect();
        for key in &acknowledged {
            assert!(saved.contains(key), "{id}'s acknowledged answer to {key} is not in the log");
        }
        answered += acknowledged.len();
    }
    assert!(answered > 0, "the students answered before the kill");
}
