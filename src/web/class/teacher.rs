//! The teacher's pages on a class server: the class's home (`GET /teacher`), which lists the
//! students, and its data (`GET /api/class/students`). The dashboard and item analysis add their
//! routes beside these in `web::routes` (reach `Teacher`).

use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use crate::store::Role;
use crate::web::api;
use crate::web::pages::{self, class as view};
use crate::web::{text, App};

/// One student as the teacher sees them.
#[derive(Clone, Debug, Serialize)]
pub struct StudentRow {
    /// 学籍番号.
    pub id: String,
    /// 氏名.
    pub name: String,
    /// クラス ('' when none).
    pub group: String,
    /// False once removed (`kioku class remove-student`).
    pub active: bool,
    /// Has chosen a password (false: still signs in with the invitation code).
    pub password_set: bool,
    /// Scheduled answers given.
    pub reviews: usize,
    /// When the newest was given, UTC ms (None: never).
    pub last_review_at_ms: Option<i64>,
}

/// Every student of the class, in the order they were added.
async fn rows(app: &App) -> Result<crate::Result<Vec<StudentRow>>, crate::web::worker::Gone> {
    app.worker
        .run_on_store(|store, _| {
            let totals = store.study_totals()?;
            Ok(store
                .accounts()?
                .into_iter()
                .filter(|a| a.role == Role::Student)
                .map(|a| {
                    let (reviews, last) = totals.get(&a.learner).copied().map_or((0, None), |(n, at)| (n, Some(at)));
                    StudentRow {
                        id: a.account,
                        name: a.name,
                        group: a.group,
                        active: a.active,
                        password_set: a.password_hash.is_some(),
                        reviews,
                        last_review_at_ms: last,
                    }
                })
                .collect())
        })
        .await
}

/// `GET /teacher`.
pub async fn page(app: App, headers: HeaderMap) -> Response {
    match rows(&app).await {
        Ok(Ok(students)) => {
            let lang = text::lang(&headers, None);
            pages::html(view::teacher(lang, &app.csrf, &students))
        }
        Ok(Err(e)) => pages::error(text::lang(&headers, None), &e),
        Err(gone) => api::gone(gone, text::lang(&headers, None)),
    }
}

/// `GET /api/class/students`: `{"students": [StudentRow…]}`.
pub async fn students(app: App, headers: HeaderMap) -> Response {
    let lang = text::lang(&headers, None);
    match rows(&app).await {
        Ok(Ok(students)) => api::ok_json(&serde_json::json!({ "students": students })),
        Ok(Err(e)) => api::refusal_json(&crate::web::desk::Refusal::Failed(e), lang),
        Err(gone) => api::gone(gone, lang),
    }
}
