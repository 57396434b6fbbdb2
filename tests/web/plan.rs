//! The exam plans page and API (`/plan`, `/api/plan`), against hand-worked figures: the six new
//! cards of KINDS, the server's day 2025-06-01 (UTC, rollover 04:00, so 09:00 is that day).

use axum::http::StatusCode;
use serde_json::json;

use crate::site::{Site, KINDS};

#[tokio::test]
async fn a_plan_recorded_by_json_is_listed_with_its_figures_and_removed() {
    let site = Site::new(KINDS);
    assert_eq!(site.get("/api/plan").await.json(), json!([]));
    let recorded = site.post("/api/plan", json!({ "exam_date": "2025-06-11", "target": 0.85 })).await;
    assert_eq!(recorded.status, StatusCode::OK, "{}", recorded.body);
    let reply = recorded.json();
    assert_eq!(reply["result"], json!({ "notice": "plan_recorded", "id": 1, "moved": 0, "updated": false }));
    let plan = &reply["plans"][0];
    // Six new cards, ten days left: spread over the days but the last three, ceil(6 / 7) = 1 a
    // day; the new-card limit (20) shows them all today, so they are done by 2025-06-01. No card is
    // studied: no review due in the ten days, nothing predicted, no warning (the peak, 0 + 1,
    // is under the 200 reviews a day).
    assert_eq!(plan["exam_date"], "2025-06-11");
    assert_eq!(plan["target"].as_f64().map(|t| (t * 100.0).round()), Some(85.0));
    assert_eq!(
        (plan["cards"].as_u64(), plan["new"].as_u64(), plan["days_left"].as_i64()),
        (Some(6), Some(6), Some(10))
    );
    assert_eq!((plan["new_quota_per_day"].as_u64(), plan["new_per_day"].as_u64()), (Some(1), Some(20)));
    assert_eq!(plan["new_done_by"], "2025-06-01");
    assert_eq!(plan["reviews_due_per_day"], json!([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    assert_eq!(plan["warnings"], json!([]));
    // The same exam again (its date written another way): updated, not a second plan.
    let again = site.post("/api/plan", json!({ "exam_date": "2025年6月11日", "target": "0.9" })).await;
    assert_eq!(again.json()["result"]["updated"], true, "{}", again.body);
    assert_eq!(site.get("/api/plan").await.json().as_array().unwrap().len(), 1);
    // Two days before an exam on the deck: all six at once, too late to learn them well.
    let close = site.post("/api/plan", json!({ "exam_date": "2025-06-03", "deck": "kinds" })).await;
    let plans = close.json()["plans"].clone();
    let close = plans.as_array().unwrap().iter().find(|p| p["exam_date"] == "2025-06-03").unwrap().clone();
    assert_eq!((close["decks"].clone(), close["new_quota_per_day"].as_u64()), (json!(["kinds"]), Some(6)));
    assert_eq!(close["warnings"], json!(["too_late"]));
    let removed = site.post("/api/plan/remove", json!({ "id": 1 })).await;
    assert_eq!(removed.json()["result"], json!({ "notice": "plan_removed", "id": 1 }));
    assert_eq!(site.get("/api/plan").await.json().as_array().unwrap().len(), 1);
    let env = site.finish();
    let out = env.kioku("2025-06-01T09:00:00Z").args(["plan", "--list"]).output().unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("2025-06-03") && !listed.contains("2025-06-11"), "{listed}");
}

#[tokio::test]
async fn bad_plans_are_refused_and_nothing_is_recorded() {
    let site = Site::new(KINDS);
    for (bad, status) in [
        (json!({}), StatusCode::BAD_REQUEST),
        (json!({ "exam_date": "soon" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "exam_date": "2025-06-01" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "exam_date": "2025-05-01" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "exam_date": "2025-07-01", "target": 1.5 }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "exam_date": "2025-07-01", "deck": "nosuch" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "exam_date": "2025-07-01", "tag": "nosuch" }), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let reply = site.post("/api/plan", bad.clone()).await;
        assert_eq!(reply.status, status, "{bad}: {}", reply.body);
    }
    let today = site.post("/api/plan", json!({ "exam_date": "2025-06-01" })).await;
    assert!(today.json()["message"].as_str().unwrap().contains("not after today (2025-06-01)"), "{}", today.body);
    let none = site.post("/api/plan/remove", json!({ "id": 7 })).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(site.get("/api/plan").await.json(), json!([]));
}

#[tokio::test]
async fn the_plan_page_records_by_form_and_shows_the_plan_in_the_pages_language() {
    let site = Site::new(KINDS);
    let page = site.get_page("/plan").await.body;
    assert!(page.contains("No exam is planned") && page.contains("action=\"/api/plan\""), "{page}");
    let sent =
        site.post_form("/api/plan", &[("exam_date", "2025-06-11"), ("target", "0.9"), ("deck", ""), ("tag", "")]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = site.get_page(sent.header("location")).await.body;
    assert!(page.contains("Plan 1 recorded: 0 reviews moved before the exam."), "{page}");
    assert!(page.contains("Exam on 2025-06-11 (10 days left), target 90% recall, all decks"), "{page}");
    assert!(page.contains("6 cards in scope: 0 studied, 6 new."), "{page}");
    assert!(page.contains("New cards: 20 a day (the plan needs 1) until 2025-06-01."), "{page}");
    assert!(page.contains("action=\"/api/plan/remove\""), "{page}");
    let ja = site.get_page_in("/plan", "ja").await.body;
    assert!(ja.contains("試験日 2025年6月11日（あと10日）、目標の想起率 90%、範囲：すべてのデッキ"), "{ja}");
    let refused = site.post_form("/api/plan", &[("exam_date", "yesterday")]).await;
    let page = site.get_page(refused.header("location")).await.body;
    assert!(page.contains("class=\"notice warn\"") && page.contains("exam_date"), "{page}");
}
