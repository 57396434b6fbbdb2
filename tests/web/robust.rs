//! What the break-it pass found, each kept fixed: a deck file broken while the server runs, a
//! settings save in the middle of a review, two servers' cookies, and fields sent as numbers.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;

use crate::site::{Site, HOST, KINDS, TOKEN};

#[tokio::test]
async fn a_deck_broken_while_serving_is_reported_and_the_review_goes_on() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let grade = json!({ "key": view["card"]["key"], "version": view["card"]["version"], "rating": 3 });
    assert_eq!(site.post("/api/review/grade", grade).await.status, StatusCode::OK);
    let broken = format!("{KINDS}  - id: more\n    front: [ {{{{{{\n");
    site.env.write_deck("test.yaml", &broken);
    let started = site.post("/api/review/start", json!({})).await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.body);
    let review = &started.json()["review"];
    let problem = review["deck_error"].as_str().unwrap_or_default().to_string();
    assert!(problem.contains("test.yaml:"), "the file and its line are named: {review}");
    // The session in progress is kept: its undo still works, and the next card is shown.
    assert_eq!(review["undo"]["key"], "kinds/basic");
    assert_eq!(review["phase"], "question");
    let page = site.get_page("/review").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("role=\"alert\"") && page.body.contains("test.yaml:"), "{}", page.body);
    assert_eq!(site.get_page("/").await.status, StatusCode::OK);
    let undone = site.post("/api/review/undo", review["undo"].clone()).await;
    assert_eq!(undone.status, StatusCode::OK, "{}", undone.body);
    // Fixed: the next start reads it, and the warning goes.
    site.env.write_deck("test.yaml", KINDS);
    let again = site.post("/api/review/start", json!({})).await;
    assert_eq!(again.json()["review"]["deck_error"], serde_json::Value::Null);
    assert!(!site.get_page("/review").await.body.contains("role=\"alert\""));
}

#[tokio::test]
async fn saving_settings_keeps_the_review_its_card_and_its_undo_unless_the_queue_changes() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let grade = json!({ "key": view["card"]["key"], "version": view["card"]["version"], "rating": 3 });
    assert_eq!(site.post("/api/review/grade", grade).await.status, StatusCode::OK);
    let on_screen = site.review().await["card"]["key"].clone();
    // Numbers as JSON numbers, the same values as stored: nothing that shapes the queue changes.
    let saved =
        site.post("/api/settings", json!({ "readings": "hide", "new_per_day": 20, "desired_retention": 0.9 })).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let after = site.review().await;
    assert_eq!(after["card"]["key"], on_screen);
    assert_eq!((after["undo"]["key"].clone(), after["readings"].as_bool()), (view["card"]["key"].clone(), Some(false)));
    assert_eq!(site.post("/api/review/undo", after["undo"].clone()).await.status, StatusCode::OK);
    // A new limit rebuilds today's queue with it.
    assert_eq!(site.post("/api/settings", json!({ "new_per_day": 2 })).await.status, StatusCode::OK);
    assert_eq!(site.review().await["left"]["new"], 2);
}

#[tokio::test]
async fn another_ports_cookie_does_not_open_this_server() {
    let site = Site::new(KINDS);
    let other_port = site
        .send(
            Request::get("/api/due")
                .header(header::HOST, HOST)
                .header(header::COOKIE, format!("kioku_token_8001={TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(other_port.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn header_spellings_a_second_host_and_a_cookie_post_without_origin() {
    let site = Site::new(KINDS);
    let lower = site
        .send(
            Request::get("/api/due")
                .header(header::HOST, HOST)
                .header(header::AUTHORIZATION, format!("bearer {TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(lower.status, StatusCode::OK, "the scheme is case-insensitive");
    let two_hosts = site
        .send(
            Request::get("/api/due")
                .header(header::HOST, HOST)
                .header(header::HOST, "evil.example")
                .header(header::AUTHORIZATION, crate::site::bearer())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(two_hosts.status, StatusCode::FORBIDDEN);
    let capitals = site
        .send(
            Request::post("/api/review/start")
                .header(header::HOST, HOST)
                .header(header::AUTHORIZATION, crate::site::bearer())
                .header(header::CONTENT_TYPE, "Application/JSON")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(capitals.status, StatusCode::OK, "{}", capitals.body);
    let csrf = site.csrf().await;
    let no_origin = site
        .send(
            Request::post("/api/review/start")
                .header(header::HOST, HOST)
                .header(header::COOKIE, crate::site::cookie())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("csrf={csrf}")))
                .unwrap(),
        )
        .await;
    assert_eq!(no_origin.status, StatusCode::FORBIDDEN, "a cookie POST with neither Origin nor Sec-Fetch-Site");
}
