//! The second round of break-it findings, each kept fixed: a form's notice said in its own tab
//! only; JSON errors and the desk's refusals in the request's language; the stylesheet on
//! refusal pages; bidi controls in deck text shown, not obeyed; a saved exam scope in the page's
//! language; the decks page (lint and preview).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;

use crate::site::{Site, HOST, KINDS};

#[tokio::test]
async fn a_forms_notice_is_said_once_in_the_tab_that_sent_it() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let (key, version) = (view["card"]["key"].as_str().unwrap().to_string(), view["card"]["version"].to_string());
    let sent = site.post_form("/api/review/bury", &[("key", &key), ("version", &version)]).await;
    let location = sent.header("location").to_string();
    assert!(location.starts_with("/review?notice="), "{location}");
    // Another tab loading the page meanwhile does not take (or show) it.
    let other = site.get_page("/review").await.body;
    assert!(!other.contains("Buried"), "{other}");
    let mine = site.get_page(&location).await.body;
    assert!(mine.contains("Buried kinds/basic until tomorrow"), "{mine}");
    // Said once: a reload of the same address does not say it again.
    assert!(!site.get_page(&location).await.body.contains("Buried"));
}

#[tokio::test]
async fn json_errors_and_the_desks_refusals_speak_the_requests_language() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let stale = json!({ "key": view["card"]["key"], "version": 99, "rating": 3 });
    let en = site.post_in("/api/review/grade", stale.clone(), "en").await;
    assert_eq!((en.status, en.json()["error"].clone()), (StatusCode::CONFLICT, json!("stale")));
    assert!(en.json()["message"].as_str().unwrap().contains("nothing was saved"), "{}", en.body);
    let ja = site.post_in("/api/review/grade", stale, "ja").await;
    assert_eq!(ja.json()["error"], "stale", "the code never changes with the language");
    assert!(ja.json()["message"].as_str().unwrap().contains("何も保存していません"), "{}", ja.body);
    let missing = site.post_in("/api/review/grade", json!({ "version": 0 }), "ja").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["message"], "項目がありません: key");
    let undo = site.post_in("/api/review/undo", json!({}), "ja").await;
    assert_eq!(undo.json()["message"], "このセッションには取り消せる回答がありません。", "{}", undo.body);
    // Built on the desk's thread (the process speaks English here): the request's language.
    let started = site.post("/api/exam/start", json!({ "count": 2, "deck": "kinds" })).await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.body);
    let running = site.post_in("/api/exam/start", json!({ "count": 2 }), "ja").await;
    assert_eq!(running.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(running.json()["message"], "試験の途中です。答えるか、終えてから新しい試験を始めてください。");
    let unknown = site.post_in("/api/cram/start", json!({ "deck": "nosuch" }), "ja").await;
    assert!(!unknown.json()["message"].as_str().unwrap().is_ascii(), "{}", unknown.body);
    // The saved scope of a paper ("all decks" in the database) in the page's language.
    assert_eq!(site.post("/api/exam/quit", json!({})).await.status, StatusCode::OK);
    let quit = site.post("/api/exam/start", json!({ "count": 1 })).await;
    assert_eq!(quit.status, StatusCode::OK, "{}", quit.body);
    site.post("/api/exam/quit", json!({})).await;
    let page = site.get_page_in("/exam", "ja").await.body;
    assert!(page.contains("<td>すべてのデッキ</td>") && !page.contains("all decks"), "{page}");
}

#[tokio::test]
async fn refusal_pages_get_the_stylesheet_and_only_the_stylesheet_is_open() {
    let site = Site::new(KINDS);
    let anonymous = |path: &str| Request::get(path).header(header::HOST, HOST).body(Body::empty()).unwrap();
    let refused = site.send(anonymous("/review")).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.body.contains("href=\"/assets/app.css\""), "{}", refused.body);
    let css = site.send(anonymous("/assets/app.css")).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css") && css.body.contains("prefers-color-scheme"));
    assert_eq!(css.header("cache-control"), "no-store");
    // Nothing else: the script, the API, another Host.
    assert_eq!(site.send(anonymous("/assets/app.js")).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(site.send(anonymous("/api/review")).await.status, StatusCode::UNAUTHORIZED);
    let rebound =
        Request::get("/assets/app.css").header(header::HOST, "evil.example:8000").body(Body::empty()).unwrap();
    assert_eq!(site.send(rebound).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn bidi_controls_in_deck_text_are_shown_and_do_not_reorder_the_page() {
    let deck = "deck: bidi\ncards:\n  - id: rlo\n    front: \"abc \u{202e}fed\u{2066} x\"\n    back: \"ok\u{202c}\"\n";
    let site = Site::new(deck);
    for path in ["/review", "/decks"] {
        let page = site.get_page(path).await.body;
        assert!(page.contains("abc \\u{202e}fed\\u{2066} x"), "{path}: {page}");
        let controls = [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        assert!(!page.contains(controls), "{path}: a raw bidi control");
    }
    // The JSON API gives the text as it is (data; a client renders it).
    assert_eq!(site.review().await["card"]["prompt"], "abc \u{202e}fed\u{2066} x");
}

#[tokio::test]
async fn the_decks_page_shows_each_lint_problem_with_its_place_and_every_card_escaped() {
    let site = Site::new(KINDS);
    let lint = site.get("/api/lint").await.json();
    assert_eq!((lint["files"].as_u64(), lint["cards"].as_u64(), lint["errors"].as_u64()), (Some(1), Some(6), Some(0)));
    let page = site.get_page("/decks").await.body;
    assert!(page.contains("No problem found."), "{page}");
    // The preview: every card by its key, its answer with the reading as ruby.
    for key in ["basic", "typed", "choice", "truefalse", "order", "cloze"] {
        assert!(page.contains(&format!("<code>kinds/{key}")), "{key}: {page}");
    }
    assert!(page.contains("<ruby>朴槿恵<rp>(</rp><rt>パク・クネ</rt><rp>)</rp></ruby>"), "{page}");
    // A duplicate id whose text would be markup if it were not escaped.
    let hostile = format!("{KINDS}  - id: basic\n    front: \"<img src=x onerror=alert(1)>\"\n    back: x\n");
    site.env.write_deck("test.yaml", &hostile);
    let lint = site.get("/api/lint").await.json();
    let first = &lint["diagnostics"][0];
    // The second `id: basic` is the line after KINDS.
    let line = KINDS.lines().count() as u64 + 1;
    assert_eq!(
        (first["file"].as_str().map(|f| f.ends_with("test.yaml")), first["line"].as_u64()),
        (Some(true), Some(line)),
        "{lint}"
    );
    assert_eq!((first["code"].as_str(), lint["errors"].as_u64()), (Some("duplicate-id"), Some(1)));
    let page = site.get_page("/decks").await.body;
    assert!(page.contains(&format!("test.yaml:{line}:{}", first["col"])), "file:line:col on the page: {page}");
    assert!(!page.contains("<img src=x"), "deck text is escaped");
    let ja = site.get_page_in("/decks", "ja").await.body;
    assert!(ja.contains("エラー") && ja.contains("デッキファイル"), "{ja}");
}
