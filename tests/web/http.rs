//! Every refusal of the request checks, on every route, and the headers every response carries.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use crate::site::{bearer, cookie, Site, HOST, KINDS, ORIGIN, TOKEN};

const GETS: [&str; 23] = [
    "/",
    "/decks",
    "/api/lint",
    "/plan",
    "/api/plan",
    "/review",
    "/exam",
    "/cram",
    "/api/exam",
    "/api/exam/history",
    "/api/cram",
    "/stats",
    "/settings",
    "/suspended",
    "/history",
    "/api/review",
    "/api/due",
    "/api/stats",
    "/api/settings",
    "/api/suspended",
    "/api/history",
    "/assets/app.css",
    "/assets/app.js",
];
const POSTS: [&str; 17] = [
    "/api/plan",
    "/api/plan/remove",
    "/api/exam/start",
    "/api/exam/respond",
    "/api/exam/quit",
    "/api/cram/start",
    "/api/cram/respond",
    "/api/cram/grade",
    "/api/cram/undo",
    "/api/settings",
    "/api/unsuspend",
    "/api/review/start",
    "/api/review/respond",
    "/api/review/grade",
    "/api/review/undo",
    "/api/review/suspend",
    "/api/review/bury",
];

fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::HOST, HOST)
}

fn post(path: &str) -> axum::http::request::Builder {
    Request::post(path).header(header::HOST, HOST)
}

#[tokio::test]
async fn every_route_answers_with_the_token() {
    let site = Site::new(KINDS);
    for path in GETS {
        let reply = site.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
        let page = site.get_page(path).await;
        assert_eq!(page.status, StatusCode::OK, "GET {path} with the cookie");
    }
    assert!(site.get("/assets/app.css").await.header("content-type").starts_with("text/css"));
    assert!(site.get("/assets/app.js").await.header("content-type").starts_with("text/javascript"));
    assert!(site.get("/").await.header("content-type").starts_with("text/html"));
    assert!(site.get("/api/due").await.header("content-type").starts_with("application/json"));
}

#[tokio::test]
async fn without_the_token_every_route_is_401_and_the_page_says_what_to_do() {
    let site = Site::new(KINDS);
    // All but the stylesheet, which refusal pages need (tests/web/findings.rs).
    for path in GETS.iter().filter(|p| **p != "/assets/app.css") {
        let reply = site.send(get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "GET {path}");
        let wrong = site
            .send(
                get(path)
                    .header(header::AUTHORIZATION, "Bearer 00")
                    .header(header::COOKIE, "kioku_token_8000=00")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "GET {path} with a wrong token");
    }
    for path in POSTS {
        let reply = site
            .send(post(path).header(header::CONTENT_TYPE, "application/json").body(Body::from("{}")).unwrap())
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "POST {path}");
        assert_eq!(reply.json()["error"], "unauthorized");
    }
    // A tab left open across a restart (its cookie is the old token) is told to open the new address.
    let old_tab = site
        .send(
            get("/review")
                .header(header::COOKIE, "kioku_token_8000=feedbeef")
                .header(header::ACCEPT_LANGUAGE, "en")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        old_tab
            .body
            .contains("If kioku serve was restarted since this tab was opened, open the new address it printed"),
        "{}",
        old_tab.body
    );
    let ja = site.send(get("/").header(header::ACCEPT_LANGUAGE, "ja,en;q=0.5").body(Body::empty()).unwrap()).await;
    assert!(ja.body.contains("新しく表示されたアドレスを開いてください"), "{}", ja.body);
    // A wrong token in the URL is refused too, and sets no cookie.
    let wrong = site.send(get("/?token=abc").body(Body::empty()).unwrap()).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn the_token_in_the_url_becomes_a_strict_http_only_cookie_and_leaves_the_address() {
    let site = Site::new(KINDS);
    let reply = site.send(get(&format!("/review?token={TOKEN}")).body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), "/review");
    let set = reply.header("set-cookie");
    assert!(set.starts_with(&format!("kioku_token_8000={TOKEN};")), "{set}");
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"), "{set}");
    // Then the cookie alone is enough.
    assert_eq!(site.get_page("/review").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_token_redirect_never_leaves_the_site() {
    let site = Site::new(KINDS);
    // Browsers read `\` in a Location as `/`: `/\evil.com` would send the token's holder away.
    for (path, target) in [("/\\evil.com", "/"), ("//evil.com", "/"), ("/review\\..\\x", "/"), ("/stats", "/stats")] {
        let request = Request::get(format!("{path}?token={TOKEN}")).header(header::HOST, HOST).body(Body::empty());
        let reply = site.send(request.unwrap()).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(reply.header("location"), target, "{path}");
    }
}

#[tokio::test]
async fn a_foreign_host_is_refused_whatever_the_token() {
    let site = Site::new(KINDS);
    for path in GETS.iter().chain(POSTS.iter()) {
        let method = if POSTS.contains(path) && !GETS.contains(path) { "POST" } else { "GET" };
        let reply = site
            .send(
                Request::builder()
                    .method(method)
                    .uri(*path)
                    .header(header::HOST, "evil.example:8000")
                    .header(header::AUTHORIZATION, bearer())
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{method} {path} with a foreign Host");
    }
    for host in ["evil.example:8000", "127.0.0.1:8001", "localhost", "192.168.1.20:8000", ""] {
        let reply = site
            .send(
                Request::get("/api/review")
                    .header(header::HOST, host)
                    .header(header::AUTHORIZATION, bearer())
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "Host: {host}");
        assert_eq!(reply.json()["error"], "host");
    }
    let reply = site.send(Request::get("/").header(header::AUTHORIZATION, bearer()).body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "no Host header");
    let localhost = site
        .send(
            Request::get("/api/due")
                .header(header::HOST, "localhost:8000")
                .header(header::AUTHORIZATION, bearer())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(localhost.status, StatusCode::OK);
}

#[tokio::test]
async fn a_cookie_post_needs_the_same_origin_and_the_csrf_token() {
    let site = Site::new(KINDS);
    let csrf = site.csrf().await;
    let form = |origin: Option<&str>, fetch_site: Option<&str>, body: String| {
        let mut request = post("/api/review/start")
            .header(header::COOKIE, cookie())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        if let Some(site) = fetch_site {
            request = request.header("sec-fetch-site", site);
        }
        request.body(Body::from(body)).unwrap()
    };
    let with_csrf = format!("csrf={csrf}");
    for path in POSTS {
        let reply = site
            .send(
                post(path)
                    .header(header::COOKIE, cookie())
                    .header(header::ORIGIN, "http://evil.example")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(with_csrf.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "POST {path} from another site");
        assert_eq!(reply.json()["error"], "origin");
        let reply = site
            .send(
                post(path)
                    .header(header::COOKIE, cookie())
                    .header(header::ORIGIN, ORIGIN)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from("key=x"))
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "POST {path} without the CSRF token");
        assert_eq!(reply.json()["error"], "csrf");
    }
    let refused = |reply: crate::site::Reply| reply.status;
    assert_eq!(
        refused(site.send(form(Some("http://localhost:8001"), None, with_csrf.clone())).await),
        StatusCode::FORBIDDEN
    );
    assert_eq!(refused(site.send(form(Some("null"), None, with_csrf.clone())).await), StatusCode::FORBIDDEN);
    assert_eq!(refused(site.send(form(None, Some("cross-site"), with_csrf.clone())).await), StatusCode::FORBIDDEN);
    assert_eq!(refused(site.send(form(Some(ORIGIN), None, "csrf=00".into())).await), StatusCode::FORBIDDEN);
    // The page's own form: accepted, and answered with a redirect to the page.
    let ok = site.send(form(Some(ORIGIN), Some("same-origin"), with_csrf.clone())).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.header("location"), "/review");
    // A script of the page (cookie, JSON): the CSRF token in a header.
    let json = site
        .send(
            post("/api/review/start")
                .header(header::COOKIE, cookie())
                .header(header::ORIGIN, ORIGIN)
                .header("x-csrf-token", &csrf)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(json.status, StatusCode::OK, "{}", json.body);
    // Bearer calls need neither Origin nor CSRF token: no cookie is involved.
    let bearer_call = site
        .send(
            post("/api/review/start")
                .header(header::AUTHORIZATION, bearer())
                .header(header::ORIGIN, "http://evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(bearer_call.status, StatusCode::OK, "{}", bearer_call.body);
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let key = view["card"]["key"].as_str().unwrap();
    let huge = serde_json::json!({ "key": key, "version": 0, "response": "あ".repeat(30_000) }).to_string();
    assert!(huge.len() > kioku::testing::web::BODY_LIMIT);
    let reply = site
        .send(
            post("/api/review/respond")
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(huge))
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.json()["error"], "too_large");
    // Nothing changed: the card still waits for its response.
    assert_eq!(site.review().await["phase"], "question");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let site = Site::new(KINDS);
    let replies = vec![
        site.get("/").await,
        site.get("/review").await,
        site.get("/api/review").await,
        site.get("/assets/app.js").await,
        site.get("/no/such/page").await,
        site.send(get("/").body(Body::empty()).unwrap()).await,
        site.send(Request::get("/").header(header::HOST, "evil.example").body(Body::empty()).unwrap()).await,
        site.send(get(&format!("/?token={TOKEN}")).body(Body::empty()).unwrap()).await,
    ];
    for reply in replies {
        let csp = reply.header("content-security-policy");
        assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(reply.header("cache-control"), "no-store");
        assert_eq!(reply.header("referrer-policy"), "same-origin");
        assert_eq!(reply.header("x-content-type-options"), "nosniff");
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_are_refused_and_no_route_reads_files() {
    let site = Site::new(KINDS);
    for path in ["/no/such/page", "/assets/../Cargo.toml", "/assets/app.css.map", "/decks/test.yaml", "/kioku.sqlite3"]
    {
        let reply = site.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    let api = site.get("/api/nothing").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["error"], "not_found");
    let wrong_method =
        site.send(get("/api/review/grade").header(header::AUTHORIZATION, bearer()).body(Body::empty()).unwrap()).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    let unsupported = site
        .send(
            post("/api/review/start")
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from("x"))
                .unwrap(),
        )
        .await;
    assert_eq!(unsupported.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bad_json = site
        .send(
            post("/api/review/start")
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{"))
                .unwrap(),
        )
        .await;
    assert_eq!(bad_json.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad_json.json()["error"], "bad_request");
}
