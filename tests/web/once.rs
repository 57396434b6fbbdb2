//! Findings of the second break-it pass on actions: an undo names the answer it takes back (two
//! tabs or a resent request undo one answer, not two), and a response is taken once per showing
//! (as in the terminal).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::site::{Site, KINDS};

fn card(view: &Value) -> (String, i64) {
    (view["card"]["key"].as_str().unwrap().to_string(), view["card"]["version"].as_i64().unwrap())
}

/// Grades the card on screen with good; returns the review after it.
async fn grade(site: &Site) -> Value {
    let (key, version) = card(&site.review().await);
    let reply = site.post("/api/review/grade", json!({ "key": key, "version": version, "rating": 3 })).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()["review"].clone()
}

/// The cards of the log's rows, newest first.
async fn logged(site: &Site) -> Vec<String> {
    let history = site.get("/api/history").await.json();
    history.as_array().unwrap().iter().map(|r| r["card"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn an_undo_sent_twice_takes_back_one_answer() {
    let site = Site::new(KINDS);
    grade(&site).await;
    let after_two = grade(&site).await;
    let newest = after_two["undo"].clone();
    assert_eq!(newest["key"], "kinds/typed", "the newest answer is the second card's: {newest}");
    let first = site.post("/api/review/undo", newest.clone()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json()["result"], json!({ "notice": "undone", "key": "kinds/typed" }));
    // The same request again (a second tab, a resend): the newest answer is now another one.
    let again = site.post("/api/review/undo", newest.clone()).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert_eq!(again.json()["error"], "stale");
    assert_eq!(logged(&site).await, ["kinds/basic"], "the first answer is still saved");
    // The card undone, answered again, gets a new number: the old undo still does not name it.
    let regraded = grade(&site).await;
    assert_eq!(regraded["undo"]["key"], "kinds/typed");
    assert_ne!(regraded["undo"]["version"], newest["version"]);
    assert_eq!(site.post("/api/review/undo", newest).await.status, StatusCode::CONFLICT);
    assert_eq!(logged(&site).await.len(), 2);
    // Without naming an answer: a bad request, nothing undone.
    let bare = site.post("/api/review/undo", json!({})).await;
    assert_eq!(bare.status, StatusCode::BAD_REQUEST, "{}", bare.body);
    assert_eq!(logged(&site).await.len(), 2);
}

#[tokio::test]
async fn two_tabs_undo_through_the_page_once() {
    let site = Site::new(KINDS);
    grade(&site).await;
    grade(&site).await;
    // Both tabs show the page with the same undo form.
    let page = site.get_page("/review").await.body;
    let field = |name: &str| {
        let marker = format!("name=\"{name}\" value=\"");
        let forms: Vec<&str> = page.split("action=\"/api/review/undo\"").collect();
        let form = forms.get(1).unwrap_or_else(|| panic!("an undo form: {page}"));
        let at = form.find(&marker).unwrap_or_else(|| panic!("the undo form names the answer: {form}")) + marker.len();
        form[at..].split('"').next().unwrap().to_string()
    };
    let (key, version) = (field("key"), field("version"));
    assert_eq!(key, "kinds/typed");
    let fields = [("key", key.as_str()), ("version", version.as_str())];
    assert_eq!(site.post_form("/api/review/undo", &fields).await.status, StatusCode::SEE_OTHER);
    assert!(site.get_page("/review").await.body.contains("kinds/typed"));
    // The second tab's form: said to be stale (in that tab), nothing more undone.
    let second = site.post_form("/api/review/undo", &fields).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    let page = site.get_page(second.header("location")).await.body;
    assert!(page.contains("nothing was saved twice"), "{page}");
    assert_eq!(logged(&site).await, ["kinds/basic"]);
}

#[tokio::test]
async fn a_cram_undo_sent_twice_takes_back_one_answer() {
    let site = Site::new(KINDS);
    let mut view = site.post("/api/cram/start", json!({})).await.json()["cram"].clone();
    for _ in 0..2 {
        let (key, version) = card(&view);
        let graded = site.post("/api/cram/grade", json!({ "key": key, "version": version, "rating": 3 })).await;
        assert_eq!(graded.status, StatusCode::OK, "{}", graded.body);
        view = graded.json()["cram"].clone();
    }
    let newest = view["undo"].clone();
    assert_eq!(newest["key"], "kinds/typed");
    assert_eq!(site.post("/api/cram/undo", newest.clone()).await.status, StatusCode::OK);
    let again = site.post("/api/cram/undo", newest).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert_eq!(again.json()["error"], "stale");
    assert_eq!(logged(&site).await, ["kinds/basic"]);
}

#[tokio::test]
async fn a_response_sent_again_once_the_answer_is_shown_is_stale_and_the_verdict_stays() {
    let site = Site::new(KINDS);
    grade(&site).await;
    let view = site.review().await;
    let (key, version) = card(&view);
    assert_eq!(key, "kinds/typed");
    let wrong = site.post("/api/review/respond", json!({ "key": key, "version": version, "response": "文在寅" })).await;
    assert_eq!(wrong.json()["review"]["reveal"]["verdict"], "wrong");
    // The right answer sent after seeing the verdict: refused, as the terminal takes only a grade then.
    let right = site.post("/api/review/respond", json!({ "key": key, "version": version, "response": "朴槿恵" })).await;
    assert_eq!(right.status, StatusCode::CONFLICT, "{}", right.body);
    assert_eq!(right.json()["error"], "stale");
    let reveal = &site.review().await["reveal"];
    assert_eq!((reveal["verdict"].as_str(), reveal["response"].as_str()), (Some("wrong"), Some("文在寅")));

    // Cram alike.
    let (key, version) = card(&site.post("/api/cram/start", json!({})).await.json()["cram"]);
    let respond = |response: &str| json!({ "key": key, "version": version, "response": response });
    assert_eq!(site.post("/api/cram/respond", respond("")).await.status, StatusCode::OK);
    let again = site.post("/api/cram/respond", respond("東京")).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert_eq!(site.get("/api/cram").await.json()["reveal"]["response"], "");
}
