//! The class server's gate (DESIGN.md, "Security modes of the server", class mode): sign-in
//! replaces the token. Every request is checked here before any handler runs:
//!
//! 1. `Host` must be the public URL's host or one of the addresses the server listens on;
//! 2. the session, from the `kioku_session` cookie (HttpOnly, SameSite=Lax, `Secure` when the
//!    public URL is https) or an `Authorization: Bearer` header, is looked up in the database
//!    (sessions live there, so any server on the database can take any request);
//! 3. the route's reach ([`super::routes`]) is compared with the session's role: without a
//!    session a page sends the browser to the sign-in page and the API answers 401; a student on
//!    a teacher's route, or the teacher on a student's, gets 403;
//! 4. a cookie-authenticated POST must come from the server's own origin and carry the
//!    session's CSRF token, as on the personal server; a Bearer call needs neither.
//!
//! The request then carries [`Signed`], from which a handler's `App` takes the learner: a
//! handler never sees a learner the session did not name.

pub mod signin;
pub mod teacher;

use std::net::{IpAddr, SocketAddr};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::routes::{self, Reach, Verb};
use super::security::{self, Refused};
use super::text;
use super::App;
use crate::store::{LearnerId, Role};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "kioku_session";

/// How long a sign-in lasts (30 days), in seconds.
pub const SESSION_SECS: i64 = 30 * 24 * 3600;

/// What a class server checks requests against.
pub struct Gate {
    /// `Host` values accepted.
    hosts: Vec<String>,
    /// `Origin` values accepted (`https://host`, `http://127.0.0.1:8000`…).
    origins: Vec<String>,
    /// Cookies get `Secure` (the public URL is https).
    secure: bool,
    /// The reverse proxy whose `X-Forwarded-For` names the client.
    trusted_proxy: Option<IpAddr>,
}

impl Gate {
    /// `listen` are the `host:port` addresses the server listens on; `public_url` the address
    /// people open (`https://kioku.example.ed.jp`), already checked; `trusted_proxy` the proxy's
    /// address.
    pub fn new(listen: Vec<String>, public_url: Option<&str>, trusted_proxy: Option<IpAddr>) -> Gate {
        let mut hosts = listen.clone();
        let mut origins: Vec<String> = listen.iter().map(|h| format!("http://{h}")).collect();
        let mut secure = false;
        if let Some(url) = public_url {
            let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
            let host = rest.split('/').next().unwrap_or("").to_string();
            secure = scheme.eq_ignore_ascii_case("https");
            origins.push(format!("{}://{host}", scheme.to_ascii_lowercase()));
            hosts.push(host);
        }
        Gate { hosts, origins, secure, trusted_proxy }
    }

    pub fn hosts(&self) -> &[String] {
        &self.hosts
    }

    fn host_allowed(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// A POST's `Origin` (else `Sec-Fetch-Site`) says it comes from this server's pages; with
    /// neither (a script, not a browser) it is let through to the CSRF check.
    fn same_origin(&self, headers: &HeaderMap, cookie: bool) -> bool {
        match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => self.origins.iter().any(|o| o.eq_ignore_ascii_case(origin)),
            None => match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
                Some(site) => site == "same-origin" || site == "none",
                // A cookie POST without either is refused as on the personal server.
                None => !cookie,
            },
        }
    }

    /// The `Set-Cookie` value that holds `token` (or, with None, clears the cookie).
    pub fn session_cookie(&self, token: Option<&str>) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        match token {
            Some(token) => {
                format!("{SESSION_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={SESSION_SECS}{secure}")
            }
            None => format!("{SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0{secure}"),
        }
    }

    /// The client's address: the peer's, or, when the peer is the trusted proxy, the last
    /// address its `X-Forwarded-For` names (the one the proxy itself added).
    pub fn client_address(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
        let Some(peer) = peer else { return "unknown".into() };
        if self.trusted_proxy == Some(peer.ip()) {
            let forwarded = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .rfind(|a| !a.is_empty())
                .and_then(|a| a.parse::<IpAddr>().ok());
            if let Some(client) = forwarded {
                return client.to_string();
            }
        }
        peer.ip().to_string()
    }
}

/// Who a request is from, once the gate has checked its session.
#[derive(Clone, Debug)]
pub struct Signed {
    pub learner: LearnerId,
    pub role: Role,
    pub account: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// The hash of the session's token (to end it).
    pub token_hash: String,
    /// The session came in the cookie (false: an `Authorization: Bearer` header, which needs
    /// no CSRF token).
    pub by_cookie: bool,
}

/// The middleware of a class server.
pub async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    let lang = text::lang(request.headers(), None);
    let json = security::wants_json(&request);
    let response = match check(&app, request).await {
        Ok(Ok(request)) => next.run(request).await,
        Ok(Err(response)) => response,
        Err(refused) => security::refusal(refused, lang, json),
    };
    security::with_headers(response)
}

/// The request, passed on with its [`Signed`], or answered here (a redirect to sign in), or
/// refused.
async fn check(app: &App, request: Request) -> Result<Result<Request, Response>, Refused> {
    let gate = app.gate.as_deref().expect("class guard on a class server");
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if headers.get_all(header::HOST).iter().count() != 1 || !gate.host_allowed(host) {
        return Err(Refused::Host);
    }
    let verb = if request.method() == Method::POST { Verb::Post } else { Verb::Get };
    let path = request.uri().path().to_string();
    // A path no route serves is a learner's 404 (not found, once signed in).
    let reach = routes::reach(verb, &path).unwrap_or(Reach::Learner);
    let bearer = security::bearer(headers).map(str::to_string);
    let token = bearer.clone().or_else(|| security::cookie(headers, SESSION_COOKIE).map(str::to_string));
    let signed = match token {
        Some(token) => session(app, &token, bearer.is_none()).await?,
        None => None,
    };
    let by_cookie = signed.as_ref().is_some_and(|s| s.by_cookie);
    match (reach, &signed) {
        (Reach::Open, _) => {}
        (_, None) => {
            if verb == Verb::Get && !path.starts_with("/api/") {
                return Ok(Err((StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response()));
            }
            return Err(Refused::SignIn);
        }
        (Reach::SignedIn, Some(_)) => {}
        (Reach::Learner, Some(s)) if s.role == Role::Student => {}
        (Reach::Teacher, Some(s)) if s.role == Role::Teacher => {}
        (Reach::Learner, Some(_)) if verb == Verb::Get && path == "/" => {
            return Ok(Err((StatusCode::SEE_OTHER, [(header::LOCATION, "/teacher")]).into_response()));
        }
        (_, Some(_)) => return Err(Refused::Forbidden),
    }
    let mut request = request;
    if verb == Verb::Post {
        if !gate.same_origin(request.headers(), by_cookie) {
            return Err(Refused::Origin);
        }
        let (mut parts, body) = request.into_parts();
        let read =
            tokio::time::timeout(super::listen::HEADER_TIMEOUT, axum::body::to_bytes(body, security::BODY_LIMIT));
        let bytes: Bytes = read.await.map_err(|_| Refused::Slow)?.map_err(|_| Refused::TooLarge)?;
        if let Some(s) = signed.as_ref().filter(|s| s.by_cookie) {
            let given = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
                .or_else(|| security::form_field(&parts.headers, &bytes, "csrf"));
            if !given.is_some_and(|t| security::same_secret(&t, &s.csrf)) {
                return Err(Refused::Csrf);
            }
        }
        if let Some(s) = signed {
            parts.extensions.insert(s);
        }
        return Ok(Ok(Request::from_parts(parts, Body::from(bytes))));
    }
    if let Some(s) = signed {
        request.extensions_mut().insert(s);
    }
    Ok(Ok(request))
}

/// The session `token` names, if it is current and its account active.
async fn session(app: &App, token: &str, by_cookie: bool) -> Result<Option<Signed>, Refused> {
    let token_hash = crate::class::secret::token_hash(token);
    let hash = token_hash.clone();
    let found = app
        .worker
        .run_on_store(move |store, now| store.session(&hash, now.timestamp_millis()))
        .await
        .map_err(|_| Refused::SignIn)?
        .map_err(|_| Refused::SignIn)?;
    Ok(found.map(|(account, csrf)| Signed {
        learner: account.learner,
        role: account.role,
        account: account.account,
        csrf,
        token_hash,
        by_cookie,
    }))
}

/// The peer's address, when the connection gave it (`listen` adds it to every request).
pub fn peer(request_parts: &axum::http::Extensions) -> Option<SocketAddr> {
    request_parts.get::<ConnectInfo<SocketAddr>>().map(|c| c.0)
}
