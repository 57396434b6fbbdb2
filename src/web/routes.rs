//! Every route of the server in one table: its method, path, who may reach it and its handler.
//! The router is built from it, the class server's gate asks it who may reach a request's
//! route, and the authorization tests walk it (a route added here without a row in their
//! table fails them).

use axum::routing::{get, post, MethodRouter};

use super::{assets, cards, class, cram, decks, exam, home, plan, review, stats, App};

/// Who may reach a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Anyone, signed in or not (the stylesheet and script; on a class server the sign-in).
    Open,
    /// The learner whose rows it reads or changes: the token's holder on a personal server, a
    /// signed-in student on a class server (never the teacher, never another student).
    Learner,
    /// The teacher of a class (class server only).
    Teacher,
    /// Anyone signed in to a class (signing out).
    SignedIn,
}

/// GET or POST.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

/// One row of the table.
pub struct Route {
    pub verb: Verb,
    pub path: &'static str,
    pub reach: Reach,
    /// Served only by a class server (`kioku serve --class`).
    pub class_only: bool,
    handler: fn() -> MethodRouter<App>,
}

const fn route(verb: Verb, path: &'static str, reach: Reach, handler: fn() -> MethodRouter<App>) -> Route {
    Route { verb, path, reach, class_only: false, handler }
}

const fn class_route(verb: Verb, path: &'static str, reach: Reach, handler: fn() -> MethodRouter<App>) -> Route {
    Route { verb, path, reach, class_only: true, handler }
}

use Reach::{Learner, Open, SignedIn, Teacher};
use Verb::{Get, Post};

/// Every route. A new route goes here, with who may reach it.
pub static ROUTES: &[Route] = &[
    route(Get, "/", Learner, || get(home::page)),
    route(Get, "/review", Learner, || get(review::page)),
    route(Get, "/stats", Learner, || get(stats::page)),
    route(Get, "/settings", Learner, || get(cards::settings_page)),
    route(Get, "/suspended", Learner, || get(cards::suspended_page)),
    route(Get, "/history", Learner, || get(cards::history_page)),
    route(Get, "/api/settings", Learner, || get(cards::settings_data)),
    route(Post, "/api/settings", Learner, || post(cards::post_settings)),
    route(Get, "/api/suspended", Learner, || get(cards::suspended_data)),
    route(Post, "/api/unsuspend", Learner, || post(cards::post_unsuspend)),
    route(Get, "/api/history", Learner, || get(cards::history_data)),
    route(Get, "/api/stats", Learner, || get(stats::data)),
    route(Get, "/api/due", Learner, || get(home::data)),
    route(Get, "/exam", Learner, || get(exam::page)),
    route(Get, "/api/exam", Learner, || get(exam::data)),
    route(Get, "/api/exam/history", Learner, || get(exam::history)),
    route(Post, "/api/exam/start", Learner, || post(exam::start)),
    route(Post, "/api/exam/respond", Learner, || post(exam::respond)),
    route(Post, "/api/exam/quit", Learner, || post(exam::quit)),
    route(Get, "/decks", Learner, || get(decks::page)),
    route(Get, "/api/lint", Learner, || get(decks::data)),
    route(Get, "/plan", Learner, || get(plan::page)),
    route(Get, "/api/plan", Learner, || get(plan::data)),
    route(Post, "/api/plan", Learner, || post(plan::post)),
    route(Post, "/api/plan/remove", Learner, || post(plan::post_remove)),
    route(Get, "/cram", Learner, || get(cram::page)),
    route(Get, "/api/cram", Learner, || get(cram::data)),
    route(Post, "/api/cram/start", Learner, || post(cram::start)),
    route(Post, "/api/cram/respond", Learner, || post(cram::respond)),
    route(Post, "/api/cram/grade", Learner, || post(cram::grade)),
    route(Post, "/api/cram/undo", Learner, || post(cram::undo)),
    route(Get, "/api/review", Learner, || get(review::data)),
    route(Post, "/api/review/start", Learner, || post(review::start)),
    route(Post, "/api/review/respond", Learner, || post(review::respond)),
    route(Post, "/api/review/grade", Learner, || post(review::grade)),
    route(Post, "/api/review/undo", Learner, || post(review::undo)),
    route(Post, "/api/review/suspend", Learner, || post(review::suspend)),
    route(Post, "/api/review/bury", Learner, || post(review::bury)),
    route(Get, super::security::STYLESHEET, Open, || get(assets::css)),
    route(Get, "/assets/app.js", Open, || get(assets::js)),
    class_route(Get, "/login", Open, || get(class::signin::page)),
    class_route(Post, "/api/login", Open, || post(class::signin::login)),
    class_route(Post, "/api/logout", SignedIn, || post(class::signin::logout)),
    class_route(Get, "/password", Learner, || get(class::signin::password_page)),
    class_route(Post, "/api/password", Learner, || post(class::signin::set_password)),
    class_route(Get, "/teacher", Teacher, || get(class::teacher::page)),
    class_route(Get, "/api/class/students", Teacher, || get(class::teacher::students)),
];

/// The routes a server serves: every one on a class server, the personal ones otherwise.
pub fn served(class: bool) -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().filter(move |r| class || !r.class_only)
}

/// The router of those routes (one path may take GET and POST: axum merges them).
pub fn router(class: bool) -> axum::Router<App> {
    served(class).fold(axum::Router::new(), |router, r| router.route(r.path, (r.handler)()))
}

/// Who may reach `path` with `verb` on a class server; None for a path no route serves.
pub fn reach(verb: Verb, path: &str) -> Option<Reach> {
    ROUTES.iter().find(|r| r.verb == verb && r.path == path).map(|r| r.reach)
}
