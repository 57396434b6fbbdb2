//! `kioku serve`: the daily review in a browser, a third driver of the review engine beside the
//! piped protocol and the terminal screen (same database, scheduler and durability; no copy of
//! the review's steps).
//!
//! - [`security`] checks every request (Host, token, Origin, CSRF, body size) and sets the
//!   headers every response carries;
//! - [`worker`] runs every database step on one thread that owns the [`desk`] (the store and
//!   the review in progress);
//! - [`review`], [`exam`], [`cram`], [`home`], [`plan`], [`decks`] are the routes ([`quiz`] runs exams and cram on
//!   the desk, [`quiz_view`] gives them as data); [`view`] the review as data (the JSON API's shape);
//!   [`pages`] render HTML (maud escapes all deck text); [`assets`] are the stylesheet and
//!   script, compiled into the binary (no route reads files from disk);
//! - [`lan`] picks the address for `--lan` and draws its QR code;
//! - [`listen`] accepts connections with bounds on time and number.

mod api;
mod assets;
mod cards;
mod cram;
mod decks;
mod desk;
mod exam;
mod home;
pub mod lan;
mod listen;
mod pages;
mod plan;
mod quiz;
mod quiz_view;
mod review;
mod security;
mod stats;
mod text;
mod view;
mod worker;

use std::sync::Arc;
use std::thread::JoinHandle;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

pub use desk::{Clock, DeskParts, Resync};
pub use security::{secret, BODY_LIMIT};

use desk::Desk;
use security::Security;
use worker::Worker;

/// What every handler gets: the desk's thread and the request checks' secrets.
#[derive(Clone)]
pub struct App {
    worker: Worker,
    security: Arc<Security>,
}

/// A started server: its desk thread and secrets, ready to route requests.
pub struct Server {
    app: App,
    thread: JoinHandle<()>,
}

impl Server {
    /// Starts the desk's thread on `parts`. `token` is the secret every request must show;
    /// `hosts` the `host:port` values the `Host` header may have. Returns the error reading the
    /// settings or FSRS parameters gave.
    pub fn start(parts: DeskParts, token: String, hosts: Vec<String>) -> crate::Result<Server> {
        let csrf = secret()?;
        let (worker, thread) = Worker::start(move || Desk::new(parts))?;
        Ok(Server { app: App { worker, security: Arc::new(Security::new(token, csrf, hosts)) }, thread })
    }

    /// Every route, behind the request checks.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/", get(home::page))
            .route("/review", get(review::page))
            .route("/stats", get(stats::page))
            .route("/settings", get(cards::settings_page))
            .route("/suspended", get(cards::suspended_page))
            .route("/history", get(cards::history_page))
            .route("/api/settings", get(cards::settings_data).post(cards::post_settings))
            .route("/api/suspended", get(cards::suspended_data))
            .route("/api/unsuspend", post(cards::post_unsuspend))
            .route("/api/history", get(cards::history_data))
            .route("/api/stats", get(stats::data))
            .route("/api/due", get(home::data))
            .route("/exam", get(exam::page))
            .route("/api/exam", get(exam::data))
            .route("/api/exam/history", get(exam::history))
            .route("/api/exam/start", post(exam::start))
            .route("/api/exam/respond", post(exam::respond))
            .route("/api/exam/quit", post(exam::quit))
            .route("/decks", get(decks::page))
            .route("/api/lint", get(decks::data))
            .route("/plan", get(plan::page))
            .route("/api/plan", get(plan::data).post(plan::post))
            .route("/api/plan/remove", post(plan::post_remove))
            .route("/cram", get(cram::page))
            .route("/api/cram", get(cram::data))
            .route("/api/cram/start", post(cram::start))
            .route("/api/cram/respond", post(cram::respond))
            .route("/api/cram/grade", post(cram::grade))
            .route("/api/cram/undo", post(cram::undo))
            .route("/api/review", get(review::data))
            .route("/api/review/start", post(review::start))
            .route("/api/review/respond", post(review::respond))
            .route("/api/review/grade", post(review::grade))
            .route("/api/review/undo", post(review::undo))
            .route("/api/review/suspend", post(review::suspend))
            .route("/api/review/bury", post(review::bury))
            .route(security::STYLESHEET, get(assets::css))
            .route("/assets/app.js", get(assets::js))
            .fallback(pages::not_found)
            .with_state(self.app.clone())
            .layer(axum::middleware::from_fn_with_state(self.app.security.clone(), security::guard))
            .layer(DefaultBodyLimit::max(BODY_LIMIT))
    }

    /// Waits for the desk's thread to end once every router made from this server is dropped:
    /// the store is closed and the session lock released when this returns.
    pub fn finish(self) {
        drop(self.app);
        let _ = self.thread.join();
    }
}

pub use listen::serve;
