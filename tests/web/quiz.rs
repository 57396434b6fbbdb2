//! Mock exams and cram through the JSON API and the pages' forms: a paper answered and scored,
//! a time limit, quitting, a start sent twice, an answer sent twice (saved once), cram logging
//! without changing a schedule, its undo and limit, and bad starts refused with nothing changed.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::site::{right_response, Site, KINDS};

fn card(view: &Value) -> (String, i64) {
    (view["card"]["key"].as_str().unwrap().to_string(), view["card"]["version"].as_i64().unwrap())
}

/// Rows of the log of `kind`.
fn rows(history: &[Value], kind: &str) -> Vec<Value> {
    history.iter().filter(|r| r["kind"] == kind).cloned().collect()
}

#[tokio::test]
async fn an_exam_is_answered_scored_saved_once_and_listed() {
    let site = Site::new(KINDS);
    assert_eq!(site.get("/api/exam").await.json()["phase"], "idle");
    let started = site.post("/api/exam/start", json!({ "count": 20, "seed": 7 })).await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.body);
    let mut view = started.json()["exam"].clone();
    // Four notes of KINDS can be asked: typed, choice, true/false, order (basic and cloze are
    // self-graded with no category to draw wrong answers from).
    assert_eq!(view["questions"], 4, "{view}");
    assert_eq!(view["seed"], 7);
    // Starting again while it runs is refused and leaves the paper as it is.
    let again = site.post("/api/exam/start", json!({ "count": 2 })).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", again.body);
    assert_eq!(site.get("/api/exam").await.json()["number"], 1);
    let mut asked = Vec::new();
    for number in 1..=4 {
        assert_eq!(view["phase"], "question");
        assert_eq!(view["number"], number);
        let (key, version) = card(&view);
        assert_eq!(version, number, "the version of a question is its number");
        let response = right_response(&view);
        let reply =
            site.post("/api/exam/respond", json!({ "key": key, "version": version, "response": response })).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        view = reply.json()["exam"].clone();
        assert_eq!(view["last"], json!({ "number": number, "key": key, "verdict": "right" }));
        // The same answer sent again (a double click, a reload) is refused: saved once.
        let twice =
            site.post("/api/exam/respond", json!({ "key": key, "version": version, "response": response })).await;
        assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
        asked.push(key);
    }
    assert_eq!(view["phase"], "done");
    let report = &view["report"];
    assert_eq!((report["score"].as_u64(), report["questions"].as_u64()), (Some(4), Some(4)), "{report}");
    assert_eq!(report["timed_out"], false);
    assert_eq!(report["by_deck"], json!([["kinds", 4, 4]]));
    assert_eq!(report["misses"], json!([]));
    let papers = site.get("/api/exam/history").await.json();
    assert_eq!(papers.as_array().unwrap().len(), 1);
    assert_eq!((papers[0]["score"].as_u64(), papers[0]["seed"].as_u64()), (Some(4), Some(7)));
    assert_eq!(papers[0]["scope"], "all decks");
    asked.sort();
    let env = site.finish();
    let history = env.history();
    let mut logged: Vec<String> =
        rows(&history, "exam").iter().map(|r| r["card"].as_str().unwrap().to_string()).collect();
    logged.sort();
    assert_eq!(logged, asked, "one exam row per question");
    assert!(rows(&history, "review").is_empty(), "an exam changes no schedule");
}

#[tokio::test]
async fn the_time_limit_ends_the_exam_and_an_answer_after_it_is_not_counted() {
    let site = Site::new(KINDS);
    let view = site.post("/api/exam/start", json!({ "seed": 3, "time_limit": "1m" })).await.json()["exam"].clone();
    assert_eq!((view["time_limit_secs"].as_i64(), view["time_left_secs"].as_i64()), (Some(60), Some(60)));
    site.advance(10);
    let (key, version) = card(&view);
    let reply = site
        .post("/api/exam/respond", json!({ "key": key, "version": version, "response": right_response(&view) }))
        .await;
    let view = reply.json()["exam"].clone();
    assert_eq!(view["time_left_secs"], 50);
    site.advance(51);
    let (key, version) = card(&view);
    let late = site
        .post("/api/exam/respond", json!({ "key": key, "version": version, "response": right_response(&view) }))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "the exam is over: {}", late.body);
    let done = site.get("/api/exam").await.json();
    assert_eq!(done["phase"], "done");
    let report = &done["report"];
    assert_eq!((report["score"].as_u64(), report["questions"].as_u64()), (Some(1), Some(4)), "{report}");
    assert_eq!(report["timed_out"], true);
    assert_eq!(report["misses"].as_array().unwrap().len(), 3);
    let env = site.finish();
    assert_eq!(rows(&env.history(), "exam").len(), 1, "only the answer in time is logged");
}

#[tokio::test]
async fn quitting_counts_the_rest_wrong_and_the_pages_forms_say_what_happened() {
    let site = Site::new(KINDS);
    // A form: answered with a redirect to the page, which shows the first question.
    let started = site
        .post_form("/api/exam/start", &[("count", "3"), ("time_limit", ""), ("deck", "kinds"), ("seed", "11")])
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    assert_eq!(started.header("location"), "/exam");
    let page = site.get_page("/exam").await.body;
    assert!(page.contains("action=\"/api/exam/respond\"") && page.contains("Question 1 of 3"), "{page}");
    let quit = site.post_form("/api/exam/quit", &[]).await;
    assert_eq!(quit.status, StatusCode::SEE_OTHER);
    let view = site.get("/api/exam").await.json();
    assert_eq!(view["phase"], "done");
    assert_eq!((view["report"]["score"].as_u64(), view["report"]["questions"].as_u64()), (Some(0), Some(3)));
    assert_eq!(view["report"]["misses"].as_array().unwrap().len(), 3);
    // A second quit (a double click) changes nothing: one paper.
    site.post_form("/api/exam/quit", &[]).await;
    assert_eq!(site.get("/api/exam/history").await.json().as_array().unwrap().len(), 1);
    let page = site.get_page("/exam").await.body;
    assert!(page.contains("Score 0/3") && page.contains("kinds"), "{page}");
    // Bad starts: refused with the reason on the page (a form) or 422 (JSON); nothing starts.
    let refused = site.post_form("/api/exam/start", &[("count", "0")]).await;
    let page = site.get_page(refused.header("location")).await.body;
    assert!(page.contains("class=\"notice warn\"") && page.contains("count"), "{page}");
    for bad in [
        json!({ "count": "many" }),
        json!({ "time_limit": "soon" }),
        json!({ "deck": "nosuch" }),
        json!({ "tag": "nosuch" }),
    ] {
        let reply = site.post("/api/exam/start", bad.clone()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", reply.body);
        assert_eq!(reply.json()["error"], "invalid_response");
    }
    assert!(site.get("/api/exam").await.json()["report"]["questions"] == 3, "the last report stays");
}

#[tokio::test]
async fn cram_logs_answers_changes_no_schedule_and_undoes() {
    let site = Site::new(KINDS);
    assert_eq!(site.get("/api/cram").await.json()["phase"], "idle");
    let view = site.post("/api/cram/start", json!({})).await.json()["cram"].clone();
    assert_eq!(
        (view["phase"].as_str(), view["left"].as_u64(), view["saved"].as_u64()),
        (Some("question"), Some(6), Some(0))
    );
    let (key, version) = card(&view);
    assert_eq!((key.as_str(), version), ("kinds/basic", 0));
    let shown = site.post("/api/cram/respond", json!({ "key": key, "version": version, "response": "" })).await;
    let answer = shown.json()["cram"].clone();
    assert_eq!(answer["phase"], "answer");
    assert_eq!(answer["reveal"]["intervals_secs"], Value::Null, "cram changes no schedule: no next intervals");
    let graded = site.post("/api/cram/grade", json!({ "key": key, "version": version, "rating": "again" })).await;
    assert_eq!(graded.status, StatusCode::OK, "{}", graded.body);
    let after = graded.json();
    assert_eq!(after["result"], json!({ "notice": "cram_saved", "key": "kinds/basic", "rating": 1 }));
    // Again puts it back at the end: still six to go, one answer saved.
    assert_eq!((after["cram"]["left"].as_u64(), after["cram"]["saved"].as_u64()), (Some(6), Some(1)));
    let twice = site.post("/api/cram/grade", json!({ "key": key, "version": version, "rating": 1 })).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
    // The review still sees the card as new, as it was.
    let review = site.review().await;
    assert_eq!((review["card"]["key"].as_str(), review["card"]["state"].as_str()), (Some("kinds/basic"), Some("new")));
    assert_eq!(site.get("/api/history").await.json().as_array().unwrap().len(), 1);
    let newest = after["cram"]["undo"].clone();
    assert_eq!(newest["key"], "kinds/basic");
    let undone = site.post("/api/cram/undo", newest.clone()).await;
    assert_eq!(undone.json()["result"], json!({ "notice": "undone", "key": "kinds/basic" }));
    assert_eq!(undone.json()["cram"]["saved"], 0);
    assert_eq!(site.post("/api/cram/undo", newest).await.status, StatusCode::CONFLICT, "nothing more to undo");
    assert!(site.get("/api/history").await.json().as_array().unwrap().is_empty());
}

#[tokio::test]
async fn cram_by_form_with_a_limit_and_bad_starts_refused() {
    let site = Site::new(KINDS);
    let started =
        site.post_form("/api/cram/start", &[("deck", ""), ("tag", ""), ("missed_days", ""), ("limit", "1")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let view = site.get("/api/cram").await.json();
    assert_eq!(view["left"], 1, "within the limit");
    let (key, version) = card(&view);
    let version = version.to_string();
    site.post_form("/api/cram/respond", &[("key", &key), ("version", &version), ("response", "")]).await;
    let page = site.get_page("/cram").await.body;
    assert!(page.contains("action=\"/api/cram/grade\"") && !page.contains("class=\"next\""), "{page}");
    site.post_form("/api/cram/grade", &[("key", &key), ("version", &version), ("rating", "3")]).await;
    let page = site.get_page("/cram").await.body;
    assert!(page.contains("Nothing left to cram (one answer logged)."), "{page}");
    assert_eq!(site.get("/api/cram").await.json()["phase"], "done");
    // Nothing was answered "again" lately, an unknown deck, a limit of 0: refused.
    for bad in [json!({ "missed_days": 7 }), json!({ "deck": "nosuch" }), json!({ "limit": 0 })] {
        let reply = site.post("/api/cram/start", bad.clone()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", reply.body);
    }
    let env = site.finish();
    let history = env.history();
    assert_eq!(rows(&history, "cram").len(), 1);
    assert_eq!(history.len(), 1);
}
