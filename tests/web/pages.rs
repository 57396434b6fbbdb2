//! The pages beside the review: statistics (the same figures as `kioku stats --json`, charts as
//! inline SVG), settings (validated, all or nothing), suspended cards (unsuspend) and history.

use axum::http::StatusCode;
use serde_json::json;

use crate::site::{Site, KINDS};

/// Answers the first `n` cards good through the API.
async fn answer(site: &Site, n: usize) {
    for _ in 0..n {
        let view = site.review().await;
        let (key, version) = (view["card"]["key"].clone(), view["card"]["version"].clone());
        let reply = site.post("/api/review/grade", json!({ "key": key, "version": version, "rating": 3 })).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
}

#[tokio::test]
async fn stats_are_the_figures_of_kioku_stats_with_svg_charts() {
    let site = Site::new(KINDS);
    answer(&site, 3).await;
    let api = site.get("/api/stats").await.json();
    let page = site.get_page("/stats").await.body;
    assert!(page.contains("<svg class=\"chart\"") && page.contains("role=\"img\""), "{page}");
    assert!(page.contains("<rect class=\"bar\""), "forecast bars: {page}");
    assert_eq!(page.matches("class=\"day l").count(), 182, "26 weeks of days");
    let today = format!("<title>Today: {}</title>", api["forecast"][0]);
    assert!(page.contains(&today), "each bar has its figure as a title: {page}");
    assert!(page.contains("<title>Tomorrow: 0</title>"), "{page}");
    let env = site.finish();
    // The command line's figures on the same database at the same moment, an independent path.
    let out = env.kioku("2025-06-01T09:00:00Z").env("KIOKU_TZ", "UTC").args(["stats", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(api, cli);
    assert_eq!(api["cards"]["learning"], 3);
    assert_eq!(api["cards"]["new"], 3);
}

#[tokio::test]
async fn settings_are_validated_all_or_nothing_and_change_the_next_review() {
    let site = Site::new(KINDS);
    let before = site.get("/api/settings").await.json();
    assert_eq!(before["new_per_day"], "20");
    assert_eq!(before["desired_retention"], "0.9");
    // One bad value: nothing is stored.
    let bad = site.post("/api/settings", json!({ "new_per_day": "2", "desired_retention": 1.5 })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.json()["message"].as_str().unwrap().contains("desired_retention"), "{}", bad.body);
    assert_eq!(site.get("/api/settings").await.json(), before);
    // Through the form, as the page sends it.
    let saved =
        site.post_form("/api/settings", &[("new_per_day", "2"), ("language", "ja"), ("readings", "hide")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // The notice is said on the page the redirect names (this tab's), once.
    assert!(saved.header("location").starts_with("/settings?notice="), "{}", saved.header("location"));
    let page = site.get_page(saved.header("location")).await.body;
    assert!(page.contains("<html lang=\"ja\">"), "the language setting wins over the browser's");
    assert!(page.contains("設定を保存しました"), "{page}");
    let view = site.review().await;
    assert_eq!(view["left"]["new"], 2, "the new limit applies to the review rebuilt after it");
    assert_eq!(view["readings"], false);
    let env = site.finish();
    let out = env.kioku("2025-06-01T09:00:00Z").args(["config", "get", "new_per_day"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "2");
}

#[tokio::test]
async fn suspended_cards_are_listed_and_unsuspended() {
    let site = Site::new(KINDS);
    let view = site.review().await;
    let (key, version) = (view["card"]["key"].clone(), view["card"]["version"].clone());
    site.post("/api/review/suspend", json!({ "key": key, "version": version })).await;
    assert_eq!(site.get("/api/suspended").await.json(), json!([{ "key": "kinds/basic", "deck": "kinds" }]));
    let page = site.get_page("/suspended").await.body;
    assert!(page.contains("<code>kinds/basic</code>") && page.contains("action=\"/api/unsuspend\""), "{page}");
    let not = site.post("/api/unsuspend", json!({ "key": "kinds/typed" })).await;
    assert_eq!(not.status, StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = site.post("/api/unsuspend", json!({ "key": "kinds/nothing" })).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = site.post_form("/api/unsuspend", &[("key", "kinds/basic")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(site.get_page(done.header("location")).await.body.contains("kinds/basic is back in reviews"));
    assert_eq!(site.get("/api/suspended").await.json(), json!([]));
    assert_eq!(site.review().await["card"]["key"], "kinds/basic", "back in the review");
    let history = site.finish().history();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|r| r["kind"] == "manual"));
}

#[tokio::test]
async fn history_lists_the_newest_answers_first() {
    let site = Site::new(KINDS);
    answer(&site, 2).await;
    let rows = site.get("/api/history").await.json();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["card"], "kinds/typed");
    assert_eq!(rows[1]["card"], "kinds/basic");
    assert_eq!(rows[0]["reviewed_at"], "2025-06-01 09:00");
    let page = site.get_page("/history").await.body;
    assert!(page.find("kinds/typed").unwrap() < page.find("kinds/basic").unwrap(), "{page}");
}

/// The home page and `/api/due` name the exams ahead (a plan of one's own, or a class's
/// assignment), nearest first; a past exam is left out.
#[tokio::test]
async fn the_home_page_lists_the_exams_ahead() {
    let env = crate::common::Env::new();
    env.write_deck("test.yaml", KINDS);
    for (date, scope) in [("2025-07-01", None), ("2025-06-20", Some("kinds"))] {
        let mut cmd = env.kioku("2025-06-01T09:00:00Z");
        cmd.env("KIOKU_TZ", "UTC").args(["plan", "--exam-date", date, "--target", "0.85"]).args(scope);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let site = Site::over(env);
    let due = site.get("/api/due").await.json();
    assert_eq!(
        due["exams"],
        json!([
            { "exam_date": "2025-06-20", "target": 0.85, "decks": ["kinds"], "tags": [] },
            { "exam_date": "2025-07-01", "target": 0.85, "decks": [], "tags": [] },
        ])
    );
    let page = site.get_page("/").await.body;
    assert!(
        page.contains("<li>2025-06-20 · target 85% · kinds</li><li>2025-07-01 · target 85% · all decks</li>"),
        "{page}"
    );
    site.advance(25 * 86_400);
    assert_eq!(site.get("/api/due").await.json()["exams"].as_array().unwrap().len(), 1, "the 20th is past");
}
