//! `kioku serve` through HTTP on a real loopback port, on a generated collection of N cards
//! (default 100,000): the time from a started server to its first card page (`GET /review`,
//! which reads the deck files' fingerprints and builds today's queue; median of 11 fresh
//! servers), then 500 answers, each `POST /api/review/grade` timed from the request's first byte
//! to the reply's last (committed before the reply, with the next card's view in it). One
//! connection per request, as a browser's form posts are answered with a redirect. Prints p50 and
//! p99 in milliseconds.
//! Run: `cargo bench --bench web -- 100000`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};

use kioku::testing::deck::DeckSource;
use kioku::testing::store::{LearnerId, Store};
use kioku::testing::web::{DeskParts, Server};

mod common;

const ANSWERS: usize = 500;
const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// A server over `path` on a free port, in its own thread; returns its `host:port`.
fn start(path: &std::path::Path, decks: &std::path::Path, now: chrono::DateTime<Utc>) -> (String, Server) {
    let store = Store::open(path, now).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let host = listener.local_addr().unwrap().to_string();
    let resync = kioku::testing::cli::serve::resync(DeckSource::Dir(decks.to_path_buf()));
    let decks = DeckSource::Dir(decks.to_path_buf());
    let parts =
        DeskParts { store, lock: None, tz: chrono_tz::Asia::Tokyo, clock: Arc::new(move || now), resync, decks };
    let server = Server::start(parts, TOKEN.into(), vec![host.clone()]).unwrap();
    let router = server.router();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            listener.set_nonblocking(true).unwrap();
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            kioku::testing::web::serve(
                listener,
                router,
                kioku::testing::web::Limits::default(),
                std::future::pending(),
            )
            .await
            .unwrap();
        });
    });
    (host, server)
}

/// One request on a new connection: (status, body).
fn request(host: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(host).unwrap();
    let text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(text.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let status = reply.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, reply.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

fn main() {
    let cards: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let now = Utc.with_ymd_and_hms(2025, 6, 1, 3, 0, 0).unwrap();
    let (dir, path) = common::synced_collection(cards, now);
    let decks = dir.path().join("decks");
    // The deck files' fingerprints recorded once, as the first `kioku serve` does.
    {
        let mut store = Store::open(&path, now).unwrap();
        kioku::testing::cli::serve::resync(DeckSource::Dir(decks.clone()))(&mut store, LearnerId::PERSONAL, now)
            .unwrap();
        store.set_setting(LearnerId::PERSONAL, "new_per_day", &ANSWERS.to_string()).unwrap();
    }
    let mut firsts: Vec<f64> = (0..11)
        .map(|_| {
            let (host, server) = start(&path, &decks, now);
            let t = Instant::now();
            let (status, page) = request(&host, "GET", "/review", "");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            assert!(status == 200 && page.contains("data-phase=\"question\""), "{status}");
            drop(server);
            ms
        })
        .collect();
    firsts.sort_by(f64::total_cmp);
    println!("{cards} cards, a started server's first card page (GET /review): {:.2} ms", firsts[5]);

    let (host, _server) = start(&path, &decks, now);
    let (_, body) = request(&host, "GET", "/api/review", "");
    let mut view: serde_json::Value = serde_json::from_str(&body).unwrap();
    let mut trips = Vec::with_capacity(ANSWERS);
    for _ in 0..ANSWERS {
        let card = &view["card"];
        if card.is_null() {
            break;
        }
        let grade = serde_json::json!({ "key": card["key"], "version": card["version"], "rating": 4 }).to_string();
        let t = Instant::now();
        let (status, body) = request(&host, "POST", "/api/review/grade", &grade);
        trips.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(status, 200, "{body}");
        view = serde_json::from_str::<serde_json::Value>(&body).unwrap()["review"].take();
    }
    trips.sort_by(f64::total_cmp);
    let at = |q: f64| trips[((trips.len() as f64 * q) as usize).saturating_sub(1)];
    println!("{cards} cards, {} answers through HTTP: p50 {:.2} ms, p99 {:.2} ms", trips.len(), at(0.5), at(0.99));
}
