//! Who may talk to the server, checked on every request before any handler runs (DESIGN.md,
//! "Security modes of the server", personal mode):
//!
//! 1. the `Host` header must be one of the server's own addresses (a DNS-rebinding page on
//!    another name cannot reach it);
//! 2. the per-start token, given once in the URL (`?token=…`, answered with an HttpOnly
//!    SameSite=Strict cookie and a redirect to the same page without it), then the cookie, or an
//!    `Authorization: Bearer` header; without it, 401;
//! 3. a state-changing request (POST) authenticated by the cookie must come from the server's
//!    own origin (`Origin`, else `Sec-Fetch-Site`) and carry the CSRF token (a form field
//!    `csrf`, or the `X-CSRF-Token` header); Bearer calls need neither (no cookie is involved);
//!    (`GET /assets/app.css` alone needs no token: the stylesheet is public, and the refusal
//!    pages a browser without the token sees use it);
//! 4. request bodies are read up to [`BODY_LIMIT`] bytes, else 413, within the header timeout
//!    (`listen::HEADER_TIMEOUT`), else 408.
//!
//! A refusal closes its connection (`Connection: close`).
//!
//! Every response, refusals included, gets a Content-Security-Policy without inline script,
//! `Cache-Control: no-store`, `Referrer-Policy: same-origin` (no address is sent to another
//! site; `no-referrer` would make browsers send `Origin: null` on the pages' own forms) and
//! `X-Content-Type-Options: nosniff`.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::text::{self, Lang};
use crate::tr_in;

/// Largest request body read, in bytes (a typed answer is a line; 64 KiB is generous).
pub const BODY_LIMIT: usize = 64 * 1024;

/// The start of the name of the cookie that carries the token; the port follows
/// (`kioku_token_8000`), because browsers share cookies between the ports of one host, and two
/// servers on one machine must not overwrite each other's.
pub const COOKIE: &str = "kioku_token";

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The stylesheet's path: served without the token (it is public, and refusal pages need it).
pub const STYLESHEET: &str = "/assets/app.css";

/// The secrets of one start of the server and the addresses it answers to.
pub struct Security {
    token: String,
    csrf: String,
    /// `Host` header values accepted: `127.0.0.1:PORT`, `localhost:PORT`, and the LAN address.
    hosts: Vec<String>,
    /// `kioku_token_PORT`.
    cookie: String,
}

/// A fresh random secret: 32 bytes from the operating system, as 64 hex digits.
pub fn secret() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Security {
    /// `hosts` are the `host:port` names the server answers to.
    pub fn new(token: String, csrf: String, hosts: Vec<String>) -> Security {
        let port = hosts.first().and_then(|h| h.rsplit_once(':')).map(|(_, port)| port.to_string());
        let cookie = port.map_or_else(|| COOKIE.to_string(), |port| format!("{COOKIE}_{port}"));
        Security { token, csrf, hosts, cookie }
    }

    fn host_allowed(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    fn origin_allowed(&self, origin: &str) -> bool {
        origin.strip_prefix("http://").is_some_and(|host| self.host_allowed(host))
    }
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(given: &str, secret: &str) -> bool {
    given.len() == secret.len() && given.bytes().zip(secret.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// How a request proved it knows the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    Cookie,
    Bearer,
}

/// Why a request was refused; each has its HTTP status and a code for the JSON API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Host,
    Token,
    Origin,
    Csrf,
    TooLarge,
    /// The body did not arrive in time.
    Slow,
    /// Signed in, but as someone this route is not for (a student on a teacher's page, the
    /// teacher on a student's).
    Forbidden,
    /// Not signed in to the class (or the session ended).
    SignIn,
}

impl Refused {
    pub fn status(self) -> StatusCode {
        match self {
            Refused::Host | Refused::Origin | Refused::Csrf | Refused::Forbidden => StatusCode::FORBIDDEN,
            Refused::Token | Refused::SignIn => StatusCode::UNAUTHORIZED,
            Refused::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refused::Slow => StatusCode::REQUEST_TIMEOUT,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Refused::Host => "host",
            Refused::Token | Refused::SignIn => "unauthorized",
            Refused::Origin => "origin",
            Refused::Csrf => "csrf",
            Refused::TooLarge => "too_large",
            Refused::Slow => "timeout",
            Refused::Forbidden => "forbidden",
        }
    }

    /// What the person is told, in `lang`.
    fn message(self, lang: Lang) -> String {
        match self {
            Refused::Host => tr_in!(lang, "web-refused-host"),
            Refused::Token => tr_in!(lang, "web-refused-token"),
            Refused::Origin => tr_in!(lang, "web-refused-origin"),
            Refused::Csrf => tr_in!(lang, "web-refused-csrf"),
            Refused::TooLarge => tr_in!(lang, "web-refused-too-large"),
            Refused::Slow => tr_in!(lang, "web-refused-slow"),
            Refused::Forbidden => tr_in!(lang, "class-web-refused-forbidden"),
            Refused::SignIn => tr_in!(lang, "class-web-refused-sign-in"),
        }
    }
}

/// The middleware: checks, then the handler, then the headers every response carries.
pub async fn guard(State(security): State<Arc<Security>>, request: Request, next: Next) -> Response {
    let lang = text::lang(request.headers(), None);
    let wants_json = wants_json(&request);
    let response = match check(&security, request).await {
        Ok(Checked::Pass(request)) => next.run(request).await,
        Ok(Checked::Respond(response)) => response,
        Err(refused) => {
            let mut response = refusal(refused, lang, wants_json);
            // No second request on this connection: a client without the token cannot keep one
            // by sending requests back to back (listen.rs).
            response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    };
    with_headers(response)
}

/// `response` with the headers every response carries.
pub fn with_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

enum Checked {
    Pass(Request),
    Respond(Response),
}

async fn check(security: &Security, request: Request) -> Result<Checked, Refused> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    // Two Host headers: which one a proxy or the browser meant is unknowable, so neither.
    if headers.get_all(header::HOST).iter().count() != 1 || !security.host_allowed(host) {
        return Err(Refused::Host);
    }
    // The stylesheet is the same for everyone and holds no secret: refusal pages (shown to a
    // browser without the token) use it too.
    if request.method() == Method::GET && request.uri().path() == STYLESHEET {
        return Ok(Checked::Pass(request));
    }
    // The token in the URL: set the cookie and send the browser to the same page without it, so
    // it stays out of the address bar and the history.
    if let Some(given) = query_token(request.uri().query()) {
        if !same_secret(&given, &security.token) {
            return Err(Refused::Token);
        }
        let cookie = format!("{}={}; HttpOnly; SameSite=Strict; Path=/", security.cookie, security.token);
        let path = request.uri().path();
        // Browsers read `\` as `/` in a Location: `/\evil.com` would be `//evil.com`, another site.
        let own = path.starts_with('/') && !path.starts_with("//") && !path.contains('\\');
        let target = if own { path } else { "/" };
        let response = (StatusCode::SEE_OTHER, [(header::SET_COOKIE, cookie), (header::LOCATION, target.to_string())])
            .into_response();
        return Ok(Checked::Respond(response));
    }
    let auth = if bearer(headers).is_some_and(|t| same_secret(t, &security.token)) {
        Auth::Bearer
    } else if cookie(headers, &security.cookie).is_some_and(|t| same_secret(t, &security.token)) {
        Auth::Cookie
    } else {
        return Err(Refused::Token);
    };
    if request.method() != Method::POST {
        let mut request = request;
        request.extensions_mut().insert(auth);
        return Ok(Checked::Pass(request));
    }
    if auth == Auth::Cookie && !same_origin(security, headers) {
        return Err(Refused::Origin);
    }
    let (mut parts, body) = request.into_parts();
    // A body sent slowly would hold its connection: it must arrive within the header timeout.
    let read = tokio::time::timeout(super::listen::HEADER_TIMEOUT, axum::body::to_bytes(body, BODY_LIMIT));
    let bytes: Bytes = read.await.map_err(|_| Refused::Slow)?.map_err(|_| Refused::TooLarge)?;
    if auth == Auth::Cookie {
        let given = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .or_else(|| form_field(&parts.headers, &bytes, "csrf"));
        if !given.is_some_and(|t| same_secret(&t, &security.csrf)) {
            return Err(Refused::Csrf);
        }
    }
    parts.extensions.insert(auth);
    Ok(Checked::Pass(Request::from_parts(parts, Body::from(bytes))))
}

/// A cookie-authenticated POST comes from the server's own pages: its `Origin` is one of the
/// server's addresses (browsers send it on every POST); without one, `Sec-Fetch-Site` must not
/// say another site.
fn same_origin(security: &Security, headers: &HeaderMap) -> bool {
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => security.origin_allowed(origin),
        // Browsers send Origin on every POST; without it, only a same-origin Sec-Fetch-Site passes.
        None => headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|site| site == "same-origin" || site == "none"),
    }
}

fn query_token(query: Option<&str>) -> Option<String> {
    let query = query?;
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v)
}

pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    // The scheme is case-insensitive (RFC 9110).
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A field of an `application/x-www-form-urlencoded` body.
pub fn form_field(headers: &HeaderMap, body: &[u8], name: &str) -> Option<String> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return None;
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Whether the client wants JSON rather than a page: an `/api/` path or a JSON body.
pub fn wants_json(request: &Request) -> bool {
    request.uri().path().starts_with("/api/")
        || request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/json"))
}

/// The refusal as JSON (`{error, message}`) or as a page that says what to do.
pub fn refusal(refused: Refused, lang: Lang, json: bool) -> Response {
    let message = refused.message(lang);
    if json {
        return super::api::error_json(refused.status(), refused.code(), &message);
    }
    let page = super::pages::layout::bare(lang, &tr_in!(lang, "web-refused-title"), &message);
    (refused.status(), super::pages::html(page)).into_response()
}
