//! A server in process over a store in a temporary folder, and requests sent to its router
//! with `tower::ServiceExt::oneshot` (no port).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use kioku::testing::deck::DeckSource;
use kioku::testing::store::Store;
use kioku::testing::web::{DeskParts, Server};
use serde_json::Value;
use tower::ServiceExt;

use crate::common::Env;

/// The `Host` the tests' server answers to.
pub const HOST: &str = "127.0.0.1:8000";
pub const ORIGIN: &str = "http://127.0.0.1:8000";
pub const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

pub struct Site {
    pub env: Env,
    /// Seconds the server's clock has moved on since the start (`advance`).
    elapsed: Arc<AtomicI64>,
    server: Option<Server>,
    router: axum::Router,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

impl Site {
    /// A server over `deck` (written as decks/test.yaml), its store synced, at 2025-06-01 09:00 UTC.
    pub fn new(deck: &str) -> Site {
        let env = Env::new();
        env.write_deck("test.yaml", deck);
        Site::over(env)
    }

    pub fn over(env: Env) -> Site {
        let start: DateTime<Utc> = "2025-06-01T09:00:00Z".parse().unwrap();
        let mut store = Store::open(&env.db(), start).unwrap();
        let mut resync = kioku::testing::cli::serve::resync(DeckSource::Dir(env.decks()));
        resync(&mut store, kioku::testing::store::LearnerId::PERSONAL, start).unwrap();
        let elapsed = Arc::new(AtomicI64::new(0));
        let seen = elapsed.clone();
        let clock = Arc::new(move || start + chrono::Duration::seconds(seen.load(Ordering::SeqCst)));
        let decks = DeckSource::Dir(env.decks());
        let parts = DeskParts { store, lock: None, tz: chrono_tz::UTC, clock, resync, decks };
        let server = Server::start(parts, TOKEN.into(), vec![HOST.into(), "localhost:8000".into()]).unwrap();
        let router = server.router();
        Site { env, elapsed, server: Some(server), router }
    }

    /// The router, to serve on a real port (`kioku::testing::web::serve`).
    pub fn router(&self) -> axum::Router {
        self.router.clone()
    }

    /// Moves the server's clock on by `secs` seconds.
    pub fn advance(&self, secs: i64) {
        self.elapsed.fetch_add(secs, Ordering::SeqCst);
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// GET with the Bearer token.
    pub async fn get(&self, path: &str) -> Reply {
        self.send(
            Request::get(path)
                .header(header::HOST, HOST)
                .header(header::AUTHORIZATION, bearer())
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// GET as the browser does after the token: with the cookie.
    pub async fn get_page(&self, path: &str) -> Reply {
        self.send(
            Request::get(path).header(header::HOST, HOST).header(header::COOKIE, cookie()).body(Body::empty()).unwrap(),
        )
        .await
    }

    /// GET with the cookie, as a browser whose first language is `lang` (`Accept-Language`).
    pub async fn get_page_in(&self, path: &str, lang: &str) -> Reply {
        self.send(
            Request::get(path)
                .header(header::HOST, HOST)
                .header(header::COOKIE, cookie())
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// POST JSON with the Bearer token, as a client whose first language is `lang`.
    pub async fn post_in(&self, path: &str, body: Value, lang: &str) -> Reply {
        self.send(
            Request::post(path)
                .header(header::HOST, HOST)
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }

    /// POST JSON with the Bearer token.
    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(
            Request::post(path)
                .header(header::HOST, HOST)
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }

    /// POST a form as the page does: cookie, same Origin, the page's CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.send(
            Request::post(path)
                .header(header::HOST, HOST)
                .header(header::COOKIE, cookie())
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(serde_urlencoded::to_string(&all).unwrap()))
                .unwrap(),
        )
        .await
    }

    /// The CSRF token, as a page carries it in `<meta name="csrf-token">`.
    pub async fn csrf(&self) -> String {
        let page = self.get_page("/").await.body;
        let marker = "name=\"csrf-token\" content=\"";
        let at = page.find(marker).expect("a page carries the CSRF token") + marker.len();
        page[at..at + 64].to_string()
    }

    /// The review as the API gives it.
    pub async fn review(&self) -> Value {
        let reply = self.get("/api/review").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()
    }

    /// Stops the server: the store is closed when this returns.
    pub fn finish(mut self) -> Env {
        let server = self.server.take().unwrap();
        drop(std::mem::replace(&mut self.router, axum::Router::new()));
        server.finish();
        std::mem::replace(&mut self.env, Env::new())
    }
}

pub fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

pub fn cookie() -> String {
    format!("kioku_token_8000={TOKEN}")
}

/// One note of every kind, in this order of new cards: basic, typed (with a reading), choice,
/// true/false, order, cloze.
pub const KINDS: &str = "\
deck: kinds
cards:
  - id: basic
    front: 日本の首都は？
    back: 東京
  - id: typed
    front: 2017年に罷免された韓国の大統領は？
    back: 朴槿恵[パク・クネ]
    check: text
  - id: choice
    question: 2022年3月の国連総会で中国の投票は？
    answer: 棄権
    distractors: [賛成, 反対]
  - id: truefalse
    statement: CVIDは完全かつ検証可能で不可逆的な非核化を指す。
    answer: true
  - id: order
    order: 古い順に並べよ
    items: [ソ韓国交正常化, 中韓国交正常化, ソ朝条約の破棄]
  - id: cloze
    cloze: 憲法裁判所は{{c1::2025年4月4日}}に判断した。
";

/// The response that is right for the card in `view` (a review view from the API).
pub fn right_response(view: &Value) -> String {
    let card = &view["card"];
    let options: Vec<&str> = card["options"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect();
    match card["key"].as_str().unwrap() {
        "kinds/typed" => "朴槿恵".into(),
        "kinds/choice" => (options.iter().position(|o| *o == "棄権").unwrap() + 1).to_string(),
        "kinds/truefalse" => "true".into(),
        "kinds/order" => ["ソ韓国交正常化", "中韓国交正常化", "ソ朝条約の破棄"]
            .iter()
            .map(|item| (options.iter().position(|o| o == item).unwrap() + 1).to_string())
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}
