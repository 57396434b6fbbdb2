//! `kioku serve --class` (issue 16, items 2, 4 and 6), in process: signing in with a code, a
//! password and as the teacher; the code stops working once a password is chosen; failed
//! sign-ins limited per account and per address; signing out; and, for EVERY route of the
//! server's table with every role (no one, student A, student B, the teacher), that the route is
//! reached only by whom it is for and that a student never reads or changes another student's
//! data. The table of expected reach below is written by hand: a route added to the server
//! without a row here fails `every_route_has_a_row`.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use kioku::testing::class::{init, ClassDir};
use kioku::testing::deck::DeckSource;
use kioku::testing::web::{DeskParts, Gate, Reach, Server, Verb, ROUTES};
use serde_json::{json, Value};
use tower::ServiceExt;

const HOST: &str = "kioku.example.ed.jp";
const ORIGIN: &str = "https://kioku.example.ed.jp";

const DECK: &str = "\
deck: civics
cards:
  - id: capital
    front: The capital of Japan?
    back: Tokyo
  - id: river
    front: The longest river of Japan?
    back: Shinano
  - id: lake
    front: The largest lake of Japan?
    back: Biwa
";

/// Who may reach each route, as the issue says: learners' pages and API for students only,
/// the teacher's for the teacher, sign-in for anyone, sign-out for anyone signed in.
const EXPECTED: &[(Verb, &str, Reach)] = &[
    (Verb::Get, "/", Reach::Learner),
    (Verb::Get, "/review", Reach::Learner),
    (Verb::Get, "/stats", Reach::Learner),
    (Verb::Get, "/settings", Reach::Learner),
    (Verb::Get, "/suspended", Reach::Learner),
    (Verb::Get, "/history", Reach::Learner),
    (Verb::Get, "/api/settings", Reach::Learner),
    (Verb::Post, "/api/settings", Reach::Learner),
    (Verb::Get, "/api/suspended", Reach::Learner),
    (Verb::Post, "/api/unsuspend", Reach::Learner),
    (Verb::Get, "/api/history", Reach::Learner),
    (Verb::Get, "/api/stats", Reach::Learner),
    (Verb::Get, "/api/due", Reach::Learner),
    (Verb::Get, "/exam", Reach::Learner),
    (Verb::Get, "/api/exam", Reach::Learner),
    (Verb::Get, "/api/exam/history", Reach::Learner),
    (Verb::Post, "/api/exam/start", Reach::Learner),
    (Verb::Post, "/api/exam/respond", Reach::Learner),
    (Verb::Post, "/api/exam/quit", Reach::Learner),
    (Verb::Get, "/decks", Reach::Learner),
    (Verb::Get, "/api/lint", Reach::Learner),
    (Verb::Get, "/plan", Reach::Learner),
    (Verb::Get, "/api/plan", Reach::Learner),
    (Verb::Post, "/api/plan", Reach::Learner),
    (Verb::Post, "/api/plan/remove", Reach::Learner),
    (Verb::Get, "/cram", Reach::Learner),
    (Verb::Get, "/api/cram", Reach::Learner),
    (Verb::Post, "/api/cram/start", Reach::Learner),
    (Verb::Post, "/api/cram/respond", Reach::Learner),
    (Verb::Post, "/api/cram/grade", Reach::Learner),
    (Verb::Post, "/api/cram/undo", Reach::Learner),
    (Verb::Get, "/api/review", Reach::Learner),
    (Verb::Post, "/api/review/start", Reach::Learner),
    (Verb::Post, "/api/review/respond", Reach::Learner),
    (Verb::Post, "/api/review/grade", Reach::Learner),
    (Verb::Post, "/api/review/undo", Reach::Learner),
    (Verb::Post, "/api/review/suspend", Reach::Learner),
    (Verb::Post, "/api/review/bury", Reach::Learner),
    (Verb::Get, "/assets/app.css", Reach::Open),
    (Verb::Get, "/assets/app.js", Reach::Open),
    (Verb::Get, "/login", Reach::Open),
    (Verb::Post, "/api/login", Reach::Open),
    (Verb::Post, "/api/logout", Reach::SignedIn),
    (Verb::Get, "/password", Reach::Learner),
    (Verb::Post, "/api/password", Reach::Learner),
    (Verb::Get, "/teacher", Reach::Teacher),
    (Verb::Get, "/api/class/students", Reach::Teacher),
];

struct Class {
    _dir: tempfile::TempDir,
    router: axum::Router,
    _server: Server,
    codes: Vec<(String, String)>,
    teacher_password: String,
}

#[derive(Clone, Debug)]
struct Session {
    token: String,
    csrf: String,
}

struct Reply {
    status: StatusCode,
    location: String,
    cookie: String,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn start() -> DateTime<Utc> {
    "2025-06-02T09:00:00Z".parse().unwrap()
}

impl Class {
    /// A class of two students (2025001, 2025002) over a three-card deck, served in process.
    fn new() -> Class {
        let dir = tempfile::tempdir().unwrap();
        let decks = dir.path().join("decks-src");
        std::fs::create_dir_all(&decks).unwrap();
        std::fs::write(decks.join("civics.yaml"), DECK).unwrap();
        let roster = dir.path().join("roster.csv");
        std::fs::write(&roster, "学籍番号,氏名\n2025001,青木 愛\n2025002,石井 勇\n").unwrap();
        let class = ClassDir::new(&dir.path().join("class"));
        let created = init(&class, &roster, &DeckSource::Dir(decks), None, start()).unwrap();
        let codes = created.invitations.iter().map(|i| (i.id.clone(), i.code.clone())).collect();
        let store = class.open(start()).unwrap();
        let resync = kioku::testing::cli::serve::resync(DeckSource::Dir(class.decks()));
        let decks = DeckSource::Dir(class.decks());
        let parts =
            DeskParts { store, lock: None, tz: chrono_tz::UTC, clock: std::sync::Arc::new(start), resync, decks };
        let gate = Gate::new(vec!["127.0.0.1:8000".into()], Some(ORIGIN), None);
        let server = Server::start_class(parts, gate).unwrap();
        let router = server.router();
        Class { _dir: dir, router, _server: server, codes, teacher_password: created.teacher_password }
    }

    fn code(&self, id: &str) -> String {
        self.codes.iter().find(|(i, _)| i == id).unwrap().1.clone()
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let get = |name: header::HeaderName| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
        };
        let (location, cookie) = (get(header::LOCATION), get(header::SET_COOKIE));
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply { status, location, cookie, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// A request from `address`, as `who` (by the session cookie and its CSRF token).
    fn request(verb: Verb, path: &str, who: Option<&Session>, body: &Value, address: &str) -> Request<Body> {
        let builder = match verb {
            Verb::Get => Request::get(path),
            Verb::Post => Request::post(path),
        };
        let mut builder = builder.header(header::HOST, HOST).header(header::ORIGIN, ORIGIN);
        if let Some(s) = who {
            builder = builder
                .header(header::COOKIE, format!("kioku_session={}", s.token))
                .header("x-csrf-token", s.csrf.clone());
        }
        let addr: SocketAddr = format!("{address}:50000").parse().unwrap();
        let body = match verb {
            Verb::Get => Body::empty(),
            Verb::Post => Body::from(body.to_string()),
        };
        let mut request = builder.header(header::CONTENT_TYPE, "application/json").body(body).unwrap();
        request.extensions_mut().insert(ConnectInfo(addr));
        request
    }

    async fn call(&self, verb: Verb, path: &str, who: Option<&Session>, body: Value) -> Reply {
        self.send(Class::request(verb, path, who, &body, "192.0.2.10")).await
    }

    async fn login_from(&self, body: Value, address: &str) -> Reply {
        self.send(Class::request(Verb::Post, "/api/login", None, &body, address)).await
    }

    async fn sign_in(&self, body: Value) -> Session {
        let reply = self.login_from(body, "192.0.2.10").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let json = reply.json();
        let session =
            Session { token: json["token"].as_str().unwrap().into(), csrf: json["csrf"].as_str().unwrap().into() };
        assert!(reply.cookie.starts_with(&format!("kioku_session={};", session.token)), "{}", reply.cookie);
        session
    }

    /// Everything `who` can read through the API, for comparing before and after.
    async fn everything(&self, who: &Session) -> Vec<String> {
        let mut all = Vec::new();
        for path in ["/api/settings", "/api/suspended", "/api/history", "/api/stats", "/api/due", "/api/exam/history"] {
            let reply = self.call(Verb::Get, path, Some(who), Value::Null).await;
            assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
            all.push(format!("{path} {}", reply.body));
        }
        all
    }
}

#[test]
fn every_route_has_a_row() {
    let mut served: Vec<(Verb, &str, Reach)> = ROUTES.iter().map(|r| (r.verb, r.path, r.reach)).collect();
    let mut expected = EXPECTED.to_vec();
    let key = |r: &(Verb, &str, Reach)| (format!("{:?}", r.0), r.1.to_string());
    served.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(served, expected, "a route without a row in EXPECTED, or a reach that changed");
}

#[tokio::test]
async fn students_and_the_teacher_sign_in_the_code_stops_once_a_password_is_chosen_and_sign_out_ends_it() {
    let class = Class::new();
    let a = class.sign_in(json!({"id": "2025001", "code": class.code("2025001")})).await;
    // The code typed in the password field works too until a password is chosen.
    class.sign_in(json!({"id": "2025001", "password": class.code("2025001")})).await;
    let short = class.call(Verb::Post, "/api/password", Some(&a), json!({"password": "short"})).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = class.call(Verb::Post, "/api/password", Some(&a), json!({"password": "correct horse"})).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);
    let by_code = class.login_from(json!({"id": "2025001", "code": class.code("2025001")}), "192.0.2.11").await;
    assert_eq!(by_code.status, StatusCode::UNAUTHORIZED, "the code no longer works");
    class.sign_in(json!({"id": "2025001", "password": "correct horse"})).await;
    let teacher = class.sign_in(json!({"id": "teacher", "password": class.teacher_password})).await;
    let list = class.call(Verb::Get, "/api/class/students", Some(&teacher), Value::Null).await;
    let students = list.json()["students"].as_array().unwrap().clone();
    let ids: Vec<&str> = students.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["2025001", "2025002"]);
    // Signing out ends the session: the same token is refused afterwards.
    let out = class.call(Verb::Post, "/api/logout", Some(&a), json!({})).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(out.cookie.contains("Max-Age=0"), "{}", out.cookie);
    assert!(out.cookie.contains("Secure"), "https public URL: {}", out.cookie);
    let after = class.call(Verb::Get, "/api/due", Some(&a), Value::Null).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_account_and_per_address() {
    let class = Class::new();
    for n in 0..5 {
        let wrong = class.login_from(json!({"id": "2025002", "code": "WRONG-CODE"}), &format!("198.51.100.{n}")).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.body);
    }
    // Five failures for the account: even the right code is refused now, from anywhere.
    let right = class.login_from(json!({"id": "2025002", "code": class.code("2025002")}), "203.0.113.9").await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "{}", right.body);
    assert_eq!(right.json()["error"], "too_many_attempts");
    // Another account from another address is not affected.
    class.sign_in(json!({"id": "2025001", "code": class.code("2025001")})).await;
    // Fifty failures from one address (unknown ids, each failing once) block that address.
    for n in 0..50 {
        let wrong = class.login_from(json!({"id": format!("x{n}"), "password": "nope nope"}), "198.51.100.77").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    let blocked = class.login_from(json!({"id": "2025001", "code": class.code("2025001")}), "198.51.100.77").await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = class.login_from(json!({"id": "2025001", "code": class.code("2025001")}), "198.51.100.78").await;
    assert_eq!(elsewhere.status, StatusCode::OK);
}

/// A body for each POST that, for a student, does something real where it can (start a
/// review, answer the card on screen, change a setting, start an exam and a cram…).
fn body_for(path: &str, review: &Value) -> Value {
    let card = &review["card"];
    match path {
        "/api/settings" => json!({"new_per_day": 3}),
        "/api/review/respond" => json!({"key": card["key"], "version": card["version"], "response": "Tokyo"}),
        "/api/review/grade" | "/api/review/suspend" | "/api/review/bury" => {
            json!({"key": card["key"], "version": card["version"], "rating": "good"})
        }
        "/api/unsuspend" => json!({"key": card["key"]}),
        "/api/exam/start" => json!({"questions": 2}),
        "/api/cram/start" => json!({}),
        "/api/cram/grade" => json!({"rating": "good"}),
        "/api/password" => json!({"password": "another password"}),
        _ => json!({}),
    }
}

#[tokio::test]
async fn every_route_with_every_role_reaches_only_whom_it_is_for_and_no_student_touches_another() {
    let class = Class::new();
    let a = class.sign_in(json!({"id": "2025001", "code": class.code("2025001")})).await;
    let b = class.sign_in(json!({"id": "2025002", "code": class.code("2025002")})).await;
    let teacher = class.sign_in(json!({"id": "teacher", "password": class.teacher_password})).await;
    // A studies first, so there is something of A's to leak or change.
    let review = class.call(Verb::Post, "/api/review/start", Some(&a), json!({})).await.json()["review"].clone();
    let card = &review["card"];
    let graded = class
        .call(
            Verb::Post,
            "/api/review/grade",
            Some(&a),
            json!({"key": card["key"], "version": card["version"], "rating": "good"}),
        )
        .await;
    assert_eq!(graded.status, StatusCode::OK, "{}", graded.body);
    let a_before = class.everything(&a).await;
    assert!(a_before.iter().any(|s| s.starts_with("/api/history") && s.contains("civics/")), "{a_before:?}");
    let b_start = class.everything(&b).await;
    assert!(
        !b_start.iter().any(|s| s.starts_with("/api/history") && s.contains("civics/")),
        "B sees A's answer: {b_start:?}"
    );

    for route in ROUTES {
        // B's review as it is now gives the key and version B's actions name.
        let b_review = class.call(Verb::Get, "/api/review", Some(&b), Value::Null).await.json();
        let body = body_for(route.path, &b_review);
        for (role, who) in [("none", None), ("student B", Some(&b)), ("teacher", Some(&teacher))] {
            if (route.path == "/api/logout" || route.path == "/api/login") && who.is_some() {
                continue; // signing out is checked on its own; signing in again changes no one
            }
            let reply = class.call(route.verb, route.path, who, body.clone()).await;
            let what = format!("{:?} {} as {role}: {} {}", route.verb, route.path, reply.status, reply.body);
            let status = reply.status;
            match (route.reach, role) {
                (Reach::Open, _) => {
                    assert!(status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN, "{what}")
                }
                (_, "none") => {
                    let to_sign_in = status == StatusCode::SEE_OTHER && reply.location == "/login";
                    assert!(status == StatusCode::UNAUTHORIZED || to_sign_in, "{what}");
                }
                (Reach::Learner, "teacher") => {
                    let home = route.path == "/" && status == StatusCode::SEE_OTHER && reply.location == "/teacher";
                    assert!(status == StatusCode::FORBIDDEN || home, "{what}");
                }
                (Reach::Teacher, "student B") => assert_eq!(status, StatusCode::FORBIDDEN, "{what}"),
                _ => assert!(status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN, "{what}"),
            }
        }
        // After every route tried by B and the teacher, A's data is as it was.
        assert_eq!(class.everything(&a).await, a_before, "after {:?} {}", route.verb, route.path);
    }
    // And B's own actions did reach B's rows (the table above did real work).
    let b_after = class.everything(&b).await;
    assert_ne!(b_after, b_start);
}
