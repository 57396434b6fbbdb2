//! The accept loop under a client that sends and never reads (found by the second break-it
//! pass): connections that pipeline requests into a socket nobody reads must not keep a token
//! holder out. Served in process on a real port with fewer connection slots and a shorter write
//! deadline than the server's, so the test is small and quick.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use kioku::testing::web::{serve, Limits};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

use crate::site::{Site, HOST, KINDS, TOKEN};

const LIMITS: Limits =
    Limits { connections: 3, header_timeout: Duration::from_secs(5), write_timeout: Duration::from_secs(1) };
/// More hostile connections than slots.
const HOSTILE: usize = 5;
/// Requests each hostile connection sends in one write (as many as the socket takes).
const PIPELINED: usize = 20_000;

/// Serves `site` on a free port within `LIMITS`; returns its address.
async fn listen(site: &Site) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, site.router(), LIMITS, std::future::pending()));
    addr
}

/// A connection that sends `PIPELINED` requests for `path` (with `auth`, if any) in one write
/// and never reads the replies; its receive buffer is as small as the system allows.
async fn hostile(addr: std::net::SocketAddr, path: &str, auth: Option<&str>) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(1024).unwrap();
    let stream = socket.connect(addr).await.unwrap();
    let auth = auth.map(|a| format!("Authorization: {a}\r\n")).unwrap_or_default();
    let one = format!("GET {path} HTTP/1.1\r\nHost: {HOST}\r\n{auth}\r\n");
    let _ = stream.try_write(one.repeat(PIPELINED).as_bytes());
    stream
}

/// A request with the token, as a script sends it; its status line, or None after 10 s.
async fn served(addr: std::net::SocketAddr) -> Option<String> {
    let ask = async {
        let stream = TcpStream::connect(addr).await.unwrap();
        let request = format!(
            "GET /api/due HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n"
        );
        let mut rest = request.as_bytes();
        while !rest.is_empty() {
            stream.writable().await.unwrap();
            match stream.try_write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => panic!("{e}"),
            }
        }
        let reply = read_to_end(&stream).await;
        String::from_utf8_lossy(&reply).lines().next().unwrap_or_default().to_string()
    };
    tokio::time::timeout(Duration::from_secs(10), ask).await.ok()
}

/// Reads until the peer closes the connection (or resets it).
async fn read_to_end(stream: &TcpStream) -> Vec<u8> {
    let mut all = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if stream.readable().await.is_err() {
            return all;
        }
        match stream.try_read(&mut chunk) {
            Ok(0) => return all,
            Ok(n) => all.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return all,
        }
    }
}

#[tokio::test]
async fn clients_without_the_token_that_never_read_do_not_keep_a_token_holder_out() {
    let site = Site::new(KINDS);
    let addr = listen(&site).await;
    let mut held = Vec::new();
    for _ in 0..HOSTILE {
        held.push(hostile(addr, "/api/due", None).await);
    }
    // Each is refused once and closed, however many requests it sent.
    let status = served(addr).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 200 OK"), "a token holder is served while {HOSTILE} connections hold");
    // The server has closed it (its reply may be lost to the reset that unread requests cause).
    let closed = tokio::time::timeout(Duration::from_secs(5), read_to_end(&held[0])).await;
    assert!(closed.is_ok(), "the hostile connection was closed by the server");
}

#[tokio::test]
async fn a_refusal_closes_its_connection() {
    let site = Site::new(KINDS);
    let request = Request::get("/api/due").header(header::HOST, HOST).body(Body::empty()).unwrap();
    let reply = site.send(request).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.header("connection"), "close");
    let request = Request::get("/api/due").header(header::HOST, "evil.example").body(Body::empty()).unwrap();
    assert_eq!(site.send(request).await.header("connection"), "close");
    // Served requests keep theirs (a browser's page, script and stylesheet share one).
    assert_eq!(site.get("/api/due").await.header("connection"), "");
}

#[tokio::test]
async fn token_holders_that_never_read_their_replies_are_cut_off_at_the_write_deadline() {
    let site = Site::new(KINDS);
    let addr = listen(&site).await;
    let bearer = format!("Bearer {TOKEN}");
    let mut held = Vec::new();
    for _ in 0..HOSTILE {
        // The script: large replies that need no database work, so the socket fills at once
        // (the desk's thread is not what this test is about).
        held.push(hostile(addr, "/assets/app.js", Some(&bearer)).await);
    }
    let status = served(addr).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 200 OK"), "served once the stalled connections are closed");
}
