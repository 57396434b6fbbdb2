//! Signing in and out of a class server, and choosing a password: the sign-in page
//! (`GET /login`), `POST /api/login`, `POST /api/logout`, the password page (`GET /password`)
//! and `POST /api/password`. Passwords and codes are checked against their argon2 hashes on a
//! blocking thread (never on the desk's, which every student's answers wait for).
//!
//! Failed sign-ins are counted in the database per account and per client address over
//! [`WINDOW_SECS`]; past [`MAX_PER_ACCOUNT`] or [`MAX_PER_ADDRESS`] the next attempt is refused
//! (429) before any hash is computed. A successful sign-in is not counted.

use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{peer, Signed};
use crate::class::secret;
use crate::store::{Account, Role};
use crate::web::api::{self, Via};
use crate::web::pages::{self, class as view};
use crate::web::{text, App};
use crate::{tr_in, Error};

/// How far back failed sign-ins count (15 minutes), in seconds.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failed sign-ins of one account within the window before the next is refused.
pub const MAX_PER_ACCOUNT: usize = 5;
/// Failed sign-ins from one address within the window before the next is refused (a class
/// behind one school router shares an address).
pub const MAX_PER_ADDRESS: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct LoginInput {
    id: Option<String>,
    /// The invitation code only.
    code: Option<String>,
    /// The password; for a student who has not chosen one yet, the code typed in its place.
    password: Option<String>,
    /// The CSRF field of a form (unused here: a sign-in has no session yet).
    #[allow(dead_code)]
    csrf: Option<String>,
}

/// Why a sign-in was refused.
enum Failure {
    /// Wrong id, code or password (which one is not said).
    Wrong,
    /// Too many failures lately.
    TooMany,
    /// A field is missing.
    Incomplete,
}

/// `GET /login`: the sign-in form (`?failed=1` after a refused attempt, `?many=1` when limited).
pub async fn page(headers: HeaderMap, Query(query): Query<Vec<(String, String)>>) -> Response {
    let lang = text::lang(&headers, None);
    let notice = query.iter().find_map(|(k, _)| match k.as_str() {
        "failed" => Some(tr_in!(lang, "class-web-sign-in-failed")),
        "many" => Some(tr_in!(lang, "class-web-sign-in-too-many")),
        "out" => Some(tr_in!(lang, "class-web-signed-out")),
        _ => None,
    });
    pages::html(view::sign_in(lang, notice.as_deref()))
}

/// `POST /api/login`: `{"id", "code"}`, `{"id", "password"}` (the teacher's id is `teacher`), as
/// JSON or a form. Answers with the session cookie and, for JSON, `{"account", "role", "token",
/// "csrf", "choose_password"}` (the token for an `Authorization: Bearer` header); a form goes
/// on to the teacher's page, the password page (signed in with the code) or the home page.
/// Wrong credentials: 401 `sign_in_failed`; too many failures: 429 `too_many_attempts`.
pub async fn login(State(app): State<App>, request: Request) -> Response {
    let address = app
        .gate
        .as_deref()
        .map_or_else(String::new, |g| g.client_address(request.headers(), peer(request.extensions())));
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let body = axum::body::to_bytes(body, crate::web::BODY_LIMIT).await.unwrap_or_default();
    let lang = text::lang(&headers, None);
    let (input, via) = match api::read::<LoginInput>(&headers, &body) {
        Ok(read) => read,
        Err(unreadable) => return unreadable.response(),
    };
    match sign_in(&app, input, &address).await {
        Ok(Ok((account, token, csrf, by_code))) => {
            let cookie = app.gate.as_deref().map(|g| g.session_cookie(Some(&token))).unwrap_or_default();
            let next = match account.role {
                Role::Teacher => "/teacher",
                Role::Student if by_code => "/password",
                Role::Student => "/",
            };
            if via == Via::Form {
                return (StatusCode::SEE_OTHER, [(header::SET_COOKIE, cookie), (header::LOCATION, next.to_string())])
                    .into_response();
            }
            let role = if account.role == Role::Teacher { "teacher" } else { "student" };
            let reply = serde_json::json!({
                "account": account.account, "role": role, "token": token, "csrf": csrf, "choose_password": by_code,
            });
            ([(header::SET_COOKIE, cookie)], axum::Json(reply)).into_response()
        }
        Ok(Err(failure)) => {
            let (status, code, key, query) = match failure {
                Failure::Wrong => (StatusCode::UNAUTHORIZED, "sign_in_failed", "class-web-sign-in-failed", "failed"),
                Failure::TooMany => {
                    (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", "class-web-sign-in-too-many", "many")
                }
                Failure::Incomplete => {
                    (StatusCode::BAD_REQUEST, "bad_request", "class-web-sign-in-incomplete", "failed")
                }
            };
            if via == Via::Form {
                return see(&format!("/login?{query}=1"));
            }
            api::error_json(status, code, &tr_in!(lang, key))
        }
        Err(e) => pages::error(text::lang(&headers, None), &e),
    }
}

type SignedIn = (Account, String, String, bool);

/// Checks the credentials and starts a session: (account, token, CSRF token, signed in with
/// the code).
async fn sign_in(app: &App, input: LoginInput, address: &str) -> crate::Result<Result<SignedIn, Failure>> {
    let id = crate::class::normalise_id(input.id.as_deref().unwrap_or(""));
    let (secret_given, code_only) = match (input.code, input.password) {
        (Some(code), _) => (code, true),
        (None, Some(password)) => (password, false),
        (None, None) => return Ok(Err(Failure::Incomplete)),
    };
    if id.is_empty() || secret_given.is_empty() || secret_given.chars().count() > secret::MAX_PASSWORD_CHARS {
        return Ok(Err(Failure::Incomplete));
    }
    let (who, addr) = (id.clone(), address.to_string());
    let looked = app
        .worker
        .run_on_store(move |store, now| -> crate::Result<_> {
            let since = now.timestamp_millis() - WINDOW_SECS * 1000;
            let (by_account, by_address) = store.sign_in_failures(&who, &addr, since)?;
            Ok((by_account, by_address, store.account(&who)?))
        })
        .await
        .map_err(gone)??;
    let (by_account, by_address, account) = looked;
    if by_account >= MAX_PER_ACCOUNT || by_address >= MAX_PER_ADDRESS {
        return Ok(Err(Failure::TooMany));
    }
    let account = account.filter(|a| a.active);
    // Which hash the secret is checked against: the password's, else (a student who has not
    // chosen one, unless only the code was offered) the code's. An unknown id is checked against
    // a hash too, so the answer takes as long.
    let (hash, by_code) = match &account {
        Some(a) if code_only => (a.code_hash.clone(), true),
        Some(a) if a.password_hash.is_some() => (a.password_hash.clone(), false),
        Some(a) if a.role == Role::Student => (a.code_hash.clone(), true),
        _ => (None, false),
    };
    let checked = tokio::task::spawn_blocking(move || match hash {
        Some(hash) if by_code => secret::verify_code(&secret_given, &hash),
        Some(hash) => secret::verify(&secret_given, &hash),
        None => {
            let _ = secret::hash(&secret_given);
            false
        }
    })
    .await
    .unwrap_or(false);
    let (Some(account), true) = (account, checked) else {
        let (who, addr) = (id, address.to_string());
        app.worker
            .run_on_store(move |store, now| {
                let at = now.timestamp_millis();
                store.note_sign_in_failure(&who, &addr, at, at - WINDOW_SECS * 1000)
            })
            .await
            .map_err(gone)??;
        return Ok(Err(Failure::Wrong));
    };
    let token = secret::new_token()?;
    let csrf = secret::new_token()?;
    let (token_hash, session_csrf, learner) = (secret::token_hash(&token), csrf.clone(), account.learner);
    app.worker
        .run_on_store(move |store, now| {
            let at = now.timestamp_millis();
            store.start_session(&token_hash, learner, &session_csrf, at, at + super::SESSION_SECS * 1000)
        })
        .await
        .map_err(gone)??;
    Ok(Ok((account, token, csrf, by_code)))
}

/// After a form: back to `page` with 303, which the browser follows with a GET.
fn see(page: &str) -> Response {
    axum::response::Redirect::to(page).into_response()
}

fn gone(gone: crate::web::worker::Gone) -> Error {
    match gone {
        crate::web::worker::Gone::Failed(e) => e,
        crate::web::worker::Gone::Stopped => Error::Io(std::io::Error::other("kioku serve is stopping")),
    }
}

/// `POST /api/logout`: ends the session and clears the cookie; a form goes to the sign-in page,
/// JSON gets `{"result": "signed_out"}`.
pub async fn logout(State(app): State<App>, request: Request) -> Response {
    let Some(signed) = request.extensions().get::<Signed>().cloned() else {
        return api::error_json(StatusCode::UNAUTHORIZED, "unauthorized", "not signed in");
    };
    let form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
    let hash = signed.token_hash.clone();
    let ended = app.worker.run_on_store(move |store, now| store.end_session(&hash, now.timestamp_millis())).await;
    if let Ok(Err(e)) | Err(crate::web::worker::Gone::Failed(e)) = ended {
        return pages::error(text::lang(request.headers(), None), &e);
    }
    app.worker.forget(signed.learner);
    let cookie = app.gate.as_deref().map(|g| g.session_cookie(None)).unwrap_or_default();
    if form {
        return (StatusCode::SEE_OTHER, [(header::SET_COOKIE, cookie), (header::LOCATION, "/login?out=1".to_string())])
            .into_response();
    }
    ([(header::SET_COOKIE, cookie)], axum::Json(serde_json::json!({ "result": "signed_out" }))).into_response()
}

/// `GET /password`: choosing a password (after signing in with the code).
pub async fn password_page(app: App, headers: HeaderMap, Query(query): Query<Vec<(String, String)>>) -> Response {
    let lang = text::lang(&headers, None);
    let notice = query.iter().find_map(|(k, _)| match k.as_str() {
        "short" => Some(tr_in!(lang, "class-web-password-short", min = secret::MIN_PASSWORD_CHARS)),
        "differ" => Some(tr_in!(lang, "class-web-password-differ")),
        "saved" => Some(tr_in!(lang, "class-web-password-saved")),
        _ => None,
    });
    pages::html(view::password(lang, &app.csrf, app.account.as_deref().unwrap_or(""), notice.as_deref()))
}

#[derive(Debug, Default, Deserialize)]
pub struct PasswordInput {
    password: Option<String>,
    /// The form's second field; JSON may leave it out.
    again: Option<String>,
}

/// `POST /api/password` `{"password"}`: the signed-in student's password from now on; their
/// invitation code stops working. Fewer than 8 or more than 200 characters: 422.
pub async fn set_password(app: App, headers: HeaderMap, body: Bytes) -> Response {
    let lang = text::lang(&headers, None);
    let (input, via) = match api::read::<PasswordInput>(&headers, &body) {
        Ok(read) => read,
        Err(unreadable) => return unreadable.response(),
    };
    let password = input.password.unwrap_or_default();
    let chars = password.chars().count();
    let problem = if !(secret::MIN_PASSWORD_CHARS..=secret::MAX_PASSWORD_CHARS).contains(&chars) {
        Some(("short", tr_in!(lang, "class-web-password-short", min = secret::MIN_PASSWORD_CHARS)))
    } else if input.again.as_ref().is_some_and(|again| *again != password) {
        Some(("differ", tr_in!(lang, "class-web-password-differ")))
    } else {
        None
    };
    if let Some((query, message)) = problem {
        if via == Via::Form {
            return see(&format!("/password?{query}=1"));
        }
        return api::error_json(StatusCode::UNPROCESSABLE_ENTITY, "invalid_password", &message);
    }
    let hashed = tokio::task::spawn_blocking(move || secret::hash(&password)).await;
    let hash = match hashed {
        Ok(Ok(hash)) => hash,
        Ok(Err(e)) => return pages::error(text::lang(&headers, None), &e),
        Err(e) => return pages::error(text::lang(&headers, None), &Error::Io(std::io::Error::other(e.to_string()))),
    };
    let learner = app.learner;
    match app.worker.run_on_store(move |store, _| store.set_password(learner, &hash)).await {
        Ok(Ok(())) if via == Via::Form => see("/password?saved=1"),
        Ok(Ok(())) => api::ok_json(&serde_json::json!({ "result": "password_set" })),
        Ok(Err(e)) | Err(crate::web::worker::Gone::Failed(e)) => pages::error(text::lang(&headers, None), &e),
        Err(stopped) => api::gone(stopped, text::lang(&headers, None)),
    }
}
