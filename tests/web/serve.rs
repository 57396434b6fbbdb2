//! The `kioku serve` binary: the first line it prints, the port rules, the session lock it
//! holds, a clean stop on SIGINT and SIGTERM with every acknowledged answer saved, `--lan` on
//! another loopback address, and `--open` with a stub `$BROWSER`.

use std::io::{BufRead, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::common::Env;
use crate::site::KINDS;

const NOW: &str = "2025-06-01T09:00:00Z";

/// A running `kioku serve`: its address, token and process.
pub struct Running {
    pub child: Child,
    pub url: String,
    pub host: String,
    pub token: String,
}

impl Running {
    pub fn start(env: &Env, args: &[&str]) -> Running {
        Running::start_with(env, args, &[])
    }

    fn start_with(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Running {
        let mut cmd = env.std_command(NOW);
        cmd.arg("serve").args(args).envs(vars.iter().copied()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut url = String::new();
        out.read_line(&mut url).unwrap();
        let url = url.trim_end().to_string();
        assert!(url.starts_with("http://") && url.contains("/?token="), "first line: {url:?}");
        let host = url["http://".len()..].split('/').next().unwrap().to_string();
        let token = url.split("token=").nth(1).unwrap().to_string();
        // The rest of stdout (the QR code with --lan) is read so the child never blocks on it.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Running { child, url, host, token }
    }

    fn port(&self) -> u16 {
        self.host.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// One HTTP/1.1 request on a new connection; returns the status and the body.
    pub fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        request(&self.host, &self.host, method, path, &[("Authorization", &format!("Bearer {}", self.token))], body)
    }

    /// Sends `signal` and returns the exit code and what kioku said on stderr.
    fn stop(mut self, signal: i32) -> (Option<i32>, String) {
        unsafe { libc::kill(self.child.id() as i32, signal) };
        let status = wait(&mut self.child, Duration::from_secs(20)).expect("kioku serve stops within 20 s");
        let mut err = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        (status.code(), err)
    }
}

impl Drop for Running {
    /// SIGKILL: nothing is saved on the way out, so what the log holds was saved before.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// A raw HTTP/1.1 request to `addr` with `Host: host`.
fn request(addr: &str, host: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut text =
        format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if !body.is_empty() {
        text.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    stream.write_all(text.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let status = reply.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = reply.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

fn env() -> Env {
    let env = Env::new();
    env.write_deck("test.yaml", KINDS);
    env
}

#[test]
fn the_first_line_is_the_address_with_its_token_and_answers_are_saved_before_the_reply() {
    let env = env();
    let server = Running::start(&env, &["--port", "0"]);
    assert!(server.url.starts_with("http://127.0.0.1:"), "{}", server.url);
    assert_eq!(server.token.len(), 64);
    assert_eq!(request(&server.host, &server.host, "GET", "/api/review", &[], "").0, 401);
    let (status, body) = server.request("GET", "/api/review", "");
    assert_eq!(status, 200, "{body}");
    let view: serde_json::Value = serde_json::from_str(&body).unwrap();
    let key = view["card"]["key"].as_str().unwrap().to_string();
    let (status, body) =
        server.request("POST", "/api/review/grade", &format!(r#"{{"key":"{key}","version":0,"rating":3}}"#));
    assert_eq!(status, 200, "{body}");
    // Acknowledged, so in the log, even though the server is killed right after.
    drop(server);
    let history = env.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["card"], key.as_str());
}

#[test]
fn a_half_sent_request_is_cut_off_and_does_not_hold_up_a_stop() {
    let env = env();
    let server = Running::start(&env, &["--port", "0"]);
    // Headers begun and never finished: no token needed to open such a connection.
    let mut stuck = TcpStream::connect(&server.host).unwrap();
    stuck.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    stuck.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    // Others are served meanwhile.
    assert_eq!(server.request("GET", "/api/due", "").0, 200);
    let started = std::time::Instant::now();
    let mut rest = Vec::new();
    let _ = stuck.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(15), "the server closed the half-sent request after {waited:?}");
    // Another one left hanging, then SIGTERM: the server stops within its deadline, not never.
    let mut hanging = TcpStream::connect(&server.host).unwrap();
    hanging.write_all(b"POST /api/review/grade HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = std::time::Instant::now();
    let (code, _) = server.stop(libc::SIGTERM);
    assert_eq!(code, Some(143));
    assert!(started.elapsed() < Duration::from_secs(15), "stopped after {:?}", started.elapsed());
}

#[test]
fn a_new_token_at_each_start() {
    let env = env();
    let first = Running::start(&env, &["--port", "0"]);
    let token = first.token.clone();
    let (code, _) = first.stop(libc::SIGTERM);
    assert_eq!(code, Some(143));
    let second = Running::start(&env, &["--port", "0"]);
    assert_ne!(second.token, token);
    let old = request(
        &second.host,
        &second.host,
        "GET",
        "/",
        &[("Cookie", &format!("kioku_token_{}={token}", second.port()))],
        "",
    );
    assert_eq!(old.0, 401, "the old tab's cookie no longer opens it");
}

/// The tests that use port 8000 itself take turns (other programs on the machine may still hold it).
static PORT_8000: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn port_8000_is_taken_when_it_is_free() {
    let _turn = PORT_8000.lock().unwrap_or_else(|e| e.into_inner());
    let env = env();
    match TcpListener::bind("127.0.0.1:8000") {
        Ok(probe) => drop(probe),
        Err(e) => {
            eprintln!("port_8000_is_taken_when_it_is_free: SKIPPED, port 8000 is busy on this machine ({e})");
            return;
        }
    }
    let server = Running::start(&env, &[]);
    if server.port() != 8000 {
        // Another program may have taken 8000 between the probe and the start: then it is busy now.
        assert!(TcpListener::bind("127.0.0.1:8000").is_err(), "8000 was free, yet kioku serve took {}", server.port());
        eprintln!("port_8000_is_taken_when_it_is_free: SKIPPED, another program took port 8000 meanwhile");
        return;
    }
    assert!(server.url.starts_with("http://127.0.0.1:8000/?token="), "{}", server.url);
    assert_eq!(server.request("GET", "/api/due", "").0, 200);
}

#[test]
fn ports_8000_or_the_next_free_one_a_busy_explicit_port_exits_1() {
    let _turn = PORT_8000.lock().unwrap_or_else(|e| e.into_inner());
    let env = env();
    // Hold 8000 when it is free (another test or program may hold it already: either way it is busy).
    let _held = TcpListener::bind("127.0.0.1:8000");
    let server = Running::start(&env, &[]);
    let port = server.port();
    assert!((8001..8100).contains(&port), "port {port}");
    drop(server);

    let busy = TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_port = busy.local_addr().unwrap().port().to_string();
    let out = env.kioku(NOW).args(["serve", "--port", &busy_port]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("port {busy_port}")) && err.contains("--port 0"), "{err}");
    assert!(out.stdout.is_empty(), "no address is printed when nothing listens");
}

#[test]
fn while_serving_the_database_is_locked_and_a_signal_stops_it_cleanly() {
    let env = env();
    let server = Running::start(&env, &["--port", "0"]);
    let review = env.kioku(NOW).arg("review").write_stdin(":q\n").output().unwrap();
    assert_eq!(review.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&review.stderr).contains("another kioku session"), "{review:?}");
    let (status, body) = server.request("GET", "/api/review", "");
    assert_eq!(status, 200, "{body}");
    let (code, err) = server.stop(libc::SIGINT);
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("stopped; every answer a page showed as saved"), "{err}");
    // The lock is released: a review runs now.
    let review = env.kioku(NOW).arg("review").write_stdin(":q\n").output().unwrap();
    assert_eq!(review.status.code(), Some(0), "{review:?}");
}

#[test]
fn lan_binds_the_address_given_and_answers_to_it() {
    let env = env();
    let server = Running::start(&env, &["--lan", "127.0.0.2", "--port", "0"]);
    assert!(server.url.starts_with("http://127.0.0.2:"), "{}", server.url);
    let (status, _) = server.request("GET", "/api/due", "");
    assert_eq!(status, 200);
    // Not on 127.0.0.1: only the LAN address is bound.
    assert!(TcpStream::connect(("127.0.0.1", server.port())).is_err());
    let (code, err) = server.stop(libc::SIGTERM);
    assert_eq!(code, Some(143));
    assert!(err.contains("plain HTTP"), "{err}");

    // An address that is not this machine's is named as the problem (not the port).
    let out = env.kioku(NOW).args(["serve", "--lan", "192.0.2.1", "--port", "9000"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("192.0.2.1") && err.contains("not an address of this machine"), "{err}");

    let out = env.kioku(NOW).args(["serve", "--lan", "0.0.0.0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not 0.0.0.0"));
}

#[test]
fn open_runs_the_browser_named_by_browser_with_the_address() {
    let env = env();
    let seen = env.dir.path().join("browser-saw.txt");
    let stub = env.dir.path().join("browser.sh");
    std::fs::write(&stub, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display())).unwrap();
    std::fs::set_permissions(&stub, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let server = Running::start_with(&env, &["--port", "0", "--open"], &[("BROWSER", stub.to_str().unwrap())]);
    let start = std::time::Instant::now();
    while !seen.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(std::fs::read_to_string(&seen).unwrap(), server.url);
}

#[test]
fn a_server_started_in_japanese_speaks_it_to_a_browser_that_names_no_language() {
    let env = env();
    let server = Running::start_with(&env, &["--port", "0"], &[("KIOKU_LANG", "ja")]);
    let (status, page) = server.request("GET", "/review", "");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<html lang=\"ja\">"), "{page}");
    let (_, refused) = server.request("POST", "/api/review/undo", "{}");
    assert!(refused.contains("取り消せる回答がありません"), "{refused}");
    // A browser that names a language kioku speaks is answered in it.
    let bearer = format!("Bearer {}", server.token);
    let headers = [("Authorization", bearer.as_str()), ("Accept-Language", "en-US,en;q=0.9")];
    let (_, english) = request(&server.host, &server.host, "GET", "/review", &headers, "");
    assert!(english.contains("<html lang=\"en\">"), "{english}");
}
