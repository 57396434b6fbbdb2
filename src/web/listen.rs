//! The accept loop: HTTP/1.1 connections served by hyper with bounds a hostile or broken client
//! cannot lift. A request's headers must arrive within [`HEADER_TIMEOUT`] (an idle keep-alive
//! connection is closed after as long); a reply that makes no progress for [`WRITE_TIMEOUT`]
//! (a client that sends requests and never reads the replies) closes its connection; at most
//! [`MAX_CONNECTIONS`] connections are served at once (the rest wait in the kernel's queue); on
//! shutdown, requests in flight get [`SHUTDOWN_DEADLINE`] to finish. Cutting one off then loses
//! nothing acknowledged: an answer is committed before its reply is written. A refused request
//! ends its connection (`security::guard` answers it with `Connection: close`), so a client
//! without the token cannot keep a connection by sending request after request.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio_io_timeout::TimeoutStream;

/// How long a client may take to send a request's headers (and how long a connection may idle).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// How long requests in flight may take to finish once the server is stopping.
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(5);
/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 64;
/// How long a reply may wait for the client to take its bytes (restarted by every write that
/// makes progress).
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The bounds of the accept loop: the constants above, smaller in tests.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub connections: usize,
    pub header_timeout: Duration,
    pub write_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { connections: MAX_CONNECTIONS, header_timeout: HEADER_TIMEOUT, write_timeout: WRITE_TIMEOUT }
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes, then lets the
/// requests in flight finish (at most [`SHUTDOWN_DEADLINE`]).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.connections));
    let mut shutdown = pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.map_err(std::io::Error::other)?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, a connection reset before it was accepted: wait a
                // little rather than spin, and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // The peer's address travels with each request (a class server's rate limits and
        // trusted proxy read it).
        let service = TowerToHyperService::new(router.clone().layer(axum::Extension(ConnectInfo(peer))));
        // Reads are bounded by the header timeout and the body's (security.rs); writes here.
        let mut stream = TimeoutStream::new(stream);
        stream.set_write_timeout(Some(limits.write_timeout));
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(Box::pin(stream)), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_DEADLINE, graceful.shutdown()).await;
    Ok(())
}
