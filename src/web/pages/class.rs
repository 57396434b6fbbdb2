//! The class server's own pages: signing in, choosing a password, and the teacher's list of
//! students. Every value is escaped by maud.

use maud::{html, Markup};

use super::layout::{plain, sign_out};
use crate::tr_in;
use crate::web::class::signin::{MAX_PER_ACCOUNT, WINDOW_SECS};
use crate::web::class::teacher::StudentRow;
use crate::web::text::Lang;

/// A page of the class server: title, the sign-out form when someone is signed in, the body.
fn frame(lang: Lang, title: &str, signed: Option<(&str, &str)>, body: Markup) -> Markup {
    let body = html! {
        header.top {
            nav aria-label=(tr_in!(lang, "web-nav-label")) {
                span.brand lang="ja" { "記憶" }
                @if let Some((csrf, account)) = signed {
                    (sign_out(lang, csrf, account))
                }
            }
        }
        main #main { h1 { (title) } (body) }
    };
    plain(lang, title, body)
}

fn notice(text: Option<&str>) -> Markup {
    html! {
        @if let Some(text) = text {
            div.notice role="status" { p { (text) } }
        }
    }
}

/// `GET /login`.
pub fn sign_in(lang: Lang, said: Option<&str>) -> Markup {
    let body = html! {
        (notice(said))
        form.signin method="post" action="/api/login" {
            p {
                label for="id" { (tr_in!(lang, "class-web-id")) }
                input #id name="id" type="text" autocomplete="username" autocapitalize="none" required;
            }
            p {
                label for="password" { (tr_in!(lang, "class-web-code-or-password")) }
                input #password name="password" type="password" autocomplete="current-password" required;
            }
            p { button.primary type="submit" { (tr_in!(lang, "class-web-sign-in")) } }
        }
        p.hint { (tr_in!(lang, "class-web-sign-in-hint", n = MAX_PER_ACCOUNT, minutes = WINDOW_SECS / 60)) }
    };
    frame(lang, &tr_in!(lang, "class-web-sign-in-title"), None, body)
}

/// `GET /password`.
pub fn password(lang: Lang, csrf: &str, account: &str, said: Option<&str>) -> Markup {
    let body = html! {
        (notice(said))
        p { (tr_in!(lang, "class-web-password-why")) }
        form method="post" action="/api/password" {
            input type="hidden" name="csrf" value=(csrf);
            p {
                label for="password" { (tr_in!(lang, "class-web-password-new")) }
                input #password name="password" type="password" autocomplete="new-password" minlength="8" required;
            }
            p {
                label for="again" { (tr_in!(lang, "class-web-password-again")) }
                input #again name="again" type="password" autocomplete="new-password" minlength="8" required;
            }
            p { button.primary type="submit" { (tr_in!(lang, "class-web-password-save")) } }
        }
        p { a href="/" { (tr_in!(lang, "class-web-password-later")) } }
    };
    frame(lang, &tr_in!(lang, "class-web-password-title"), Some((csrf, account)), body)
}

/// `GET /teacher`.
pub fn teacher(lang: Lang, csrf: &str, students: &[StudentRow]) -> Markup {
    let body = html! {
        table.students tabindex="0" {
            caption { (tr_in!(lang, "class-web-students-caption", n = students.len())) }
            thead { tr {
                th scope="col" { (tr_in!(lang, "class-web-id")) }
                th scope="col" { (tr_in!(lang, "class-web-name")) }
                th scope="col" { (tr_in!(lang, "class-web-group")) }
                th scope="col" { (tr_in!(lang, "class-web-reviews")) }
                th scope="col" { (tr_in!(lang, "class-web-last-review")) }
                th scope="col" { (tr_in!(lang, "class-web-status")) }
            } }
            tbody {
                @for s in students {
                    tr {
                        th scope="row" { (s.id) }
                        td { (s.name) }
                        td { (s.group) }
                        td { (s.reviews) }
                        td { (last_review(lang, s.last_review_at_ms)) }
                        td { (status(lang, s)) }
                    }
                }
            }
        }
    };
    frame(lang, &tr_in!(lang, "class-web-teacher-title"), Some((csrf, "teacher")), body)
}

fn last_review(lang: Lang, at_ms: Option<i64>) -> String {
    at_ms
        .and_then(chrono::DateTime::from_timestamp_millis)
        .map_or_else(|| "-".to_string(), |t| crate::i18n::dates::date_in(lang, t.date_naive()))
}

fn status(lang: Lang, s: &StudentRow) -> String {
    match (s.active, s.password_set) {
        (false, _) => tr_in!(lang, "class-web-status-removed"),
        (true, true) => tr_in!(lang, "class-web-status-password"),
        (true, false) => tr_in!(lang, "class-web-status-code"),
    }
}
