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
//! - [`listen`] accepts connections with bounds on time and number;
//! - [`routes`] is the one table of routes and who may reach each;
//! - [`class`] is the class server's side (`kioku serve --class`): sign-in, sessions, the
//!   gate that replaces the token, and the teacher's pages. Every learner's request runs on the
//!   same desk, switched to that learner's state (`Desk::switch_to`).

mod api;
mod assets;
mod cards;
mod class;
mod cram;
mod decks;
mod desk;
mod exam;
mod home;
pub mod lan;
mod listen;
mod pages;
mod plan;
// Until the class server routes them (issue 16), the teacher's pages are reached by their tests.
pub(crate) use pages::teacher as teacher_pages;
mod quiz;
mod quiz_view;
mod review;
mod routes;
mod security;
mod stats;
mod text;
mod view;
mod worker;

use std::sync::Arc;
use std::thread::JoinHandle;

use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Router;

pub use class::Gate;
pub use desk::{Clock, DeskParts, Resync};
pub use routes::{Reach, Verb, ROUTES};
pub use security::{secret, BODY_LIMIT};

use crate::store::LearnerId;
use desk::Desk;
use security::Security;
use worker::{Gone, Worker};

/// What every handler gets: the desk's thread, the request checks' secrets, and whose request
/// it is (set per request from the sign-in on a class server).
#[derive(Clone)]
pub struct App {
    worker: Worker,
    security: Arc<Security>,
    /// The class server's gate; None on a personal server.
    gate: Option<Arc<Gate>>,
    /// Whose rows the request reads and changes.
    learner: LearnerId,
    /// The CSRF token the request's pages put in their forms.
    csrf: String,
    /// Who is signed in (class server).
    account: Option<String>,
}

impl App {
    /// Runs `job` on the desk as the request's learner.
    async fn run<T: Send + 'static>(&self, job: impl FnOnce(&mut Desk) -> T + Send + 'static) -> Result<T, Gone> {
        self.worker.run(self.learner, job).await
    }
}

/// A handler's `App` is the server's with the request's learner. On a class server a request
/// reaches a learner's handler only through the gate, which names the learner; one that
/// somehow has none is refused (401) rather than served as anyone.
impl FromRequestParts<App> for App {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &App) -> Result<App, Response> {
        let mut app = state.clone();
        match (parts.extensions.get::<class::Signed>(), &state.gate) {
            (Some(signed), Some(_)) => {
                app.learner = signed.learner;
                app.csrf = signed.csrf.clone();
                app.account = Some(signed.account.clone());
            }
            (None, Some(_)) => return Err(axum::http::StatusCode::UNAUTHORIZED.into_response()),
            (_, None) => {}
        }
        Ok(app)
    }
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
        Server::start_with(parts, token, hosts, None)
    }

    /// Starts a class server: sign-in through `gate` instead of a token.
    pub fn start_class(parts: DeskParts, gate: Gate) -> crate::Result<Server> {
        let hosts = gate.hosts().to_vec();
        Server::start_with(parts, secret()?, hosts, Some(Arc::new(gate)))
    }

    fn start_with(
        parts: DeskParts,
        token: String,
        hosts: Vec<String>,
        gate: Option<Arc<Gate>>,
    ) -> crate::Result<Server> {
        let csrf = secret()?;
        let (worker, thread) = Worker::start(move || Desk::new(parts))?;
        let security = Arc::new(Security::new(token, csrf.clone(), hosts));
        let app = App { worker, security, gate, learner: LearnerId::PERSONAL, csrf, account: None };
        Ok(Server { app, thread })
    }

    /// Every route of [`routes::ROUTES`] this server serves, behind the request checks: the
    /// token's on a personal server, the class gate's on a class server.
    pub fn router(&self) -> Router {
        let router = routes::router(self.app.gate.is_some()).fallback(pages::not_found).with_state(self.app.clone());
        let router = match &self.app.gate {
            Some(_) => router.layer(axum::middleware::from_fn_with_state(self.app.clone(), class::guard)),
            None => router.layer(axum::middleware::from_fn_with_state(self.app.security.clone(), security::guard)),
        };
        router.layer(DefaultBodyLimit::max(BODY_LIMIT))
    }

    /// Waits for the desk's thread to end once every router made from this server is dropped:
    /// the store is closed and the session lock released when this returns.
    pub fn finish(self) {
        drop(self.app);
        let _ = self.thread.join();
    }
}

pub use listen::{serve, Limits};
