//! `kioku serve`: the review in a browser (see `crate::web`). This file reads the options, binds
//! the port, prints the address, and runs the server until Ctrl-C or SIGTERM.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::app;
use crate::deck::{self, DeckSource};
use crate::store::{LearnerId, Store};
use crate::web::{self, DeskParts};
use crate::{tr, Error, ExitCode, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Port to listen on [default: 8000, or the next free one]; 0 picks any free port
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Listen on the machine's network address (or ADDR) so a phone on the same network can open it; plain HTTP: use on a trusted network only
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "auto")]
    pub lan: Option<String>,
    /// Open the page in the browser ($BROWSER, else the system's)
    #[arg(long)]
    pub open: bool,
    /// Serve the class in DIR (made by `kioku class init`): students and the teacher sign in
    #[arg(long, value_name = "DIR")]
    pub class: Option<PathBuf>,
    /// The address people open (https://… behind a TLS proxy): the allowed Host and Origin, and Secure cookies [default: the class's, from `kioku class init --public-url`]
    #[arg(long, value_name = "URL", requires = "class")]
    pub public_url: Option<String>,
    /// The reverse proxy's address, whose X-Forwarded-For names the client (for the sign-in limits)
    #[arg(long, value_name = "ADDR", requires = "class")]
    pub trusted_proxy: Option<IpAddr>,
}

/// The first port tried without --port, and how many after it.
const DEFAULT_PORT: u16 = 8000;
const PORTS_TRIED: u16 = 100;

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let ip = match args.lan.as_deref() {
        None => IpAddr::V4(Ipv4Addr::LOCALHOST),
        Some(text) => {
            let given = match text {
                "auto" => None,
                text => Some(
                    text.parse::<IpAddr>()
                        .map_err(|_| Error::Input(tr!("web-serve-lan-not-an-address", text = text)))?,
                ),
            };
            web::lan::choose(given, web::lan::detect()).map_err(Error::Input)?
        }
    };
    if let Some(dir) = &args.class {
        return run_class(ctx, &args, dir, ip);
    }
    // The lock first: a second server (or a review) on this database is refused before a port
    // is taken.
    let Prepared { store, lock, .. } = ctx.prepare(&|_, _| Ok(()), Access::Exclusive)?;
    let listener = bind(ip, args.port)?;
    let (address, hosts) = addresses(ip, &listener)?;
    let token = web::secret()?;
    let url = format!("http://{address}/?token={token}");
    let decks = ctx.paths.decks.clone();
    let parts = DeskParts { store, lock, tz: ctx.tz, clock: clock(ctx), resync: resync(decks.clone()), decks };
    let server = web::Server::start(parts, token, hosts)?;
    let started = if args.lan.is_some() { tr!("web-serve-lan-started") } else { tr!("web-serve-started") };
    run_server(server, listener, &url, &args, &started)
}

/// `kioku serve --class DIR`: the class's database and decks, sign-in instead of a token.
fn run_class(ctx: &Context, args: &Args, dir: &std::path::Path, ip: IpAddr) -> Result<ExitCode> {
    let class = crate::class::ClassDir::new(dir);
    let store = class.open(ctx.now())?;
    // The lock first: a second server (or a review) on this database is refused before a port
    // is taken.
    let lock =
        crate::store::SessionStorage::lock_session(&store, LearnerId::PERSONAL, std::time::Duration::from_secs(1))?;
    let decks = DeckSource::Dir(class.decks());
    deck::load(&decks)?;
    let public_url = match &args.public_url {
        Some(url) => Some(crate::class::check_public_url(url)?),
        None => crate::class::public_url(&store)?,
    };
    let listener = bind(ip, args.port)?;
    let (address, hosts) = addresses(ip, &listener)?;
    let gate = web::Gate::new(hosts, public_url.as_deref(), args.trusted_proxy);
    let url = public_url.clone().map_or_else(|| format!("http://{address}/login"), |u| format!("{u}/login"));
    if !public_url.as_deref().is_some_and(|u| u.starts_with("https://")) {
        super::warn(&tr!("class-serve-clear-text"));
    }
    let parts =
        DeskParts { store, lock: Some(lock), tz: ctx.tz, clock: clock(ctx), resync: resync(decks.clone()), decks };
    let server = web::Server::start_class(parts, gate)?;
    run_server(server, listener, &url, args, &tr!("class-serve-started"))
}

/// The address bound as printed (`127.0.0.1:PORT`, or the LAN address), and every `Host` the
/// server answers to.
fn addresses(ip: IpAddr, listener: &TcpListener) -> Result<(String, Vec<String>)> {
    let port = listener.local_addr()?.port();
    let address = match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    };
    let mut hosts = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !hosts.contains(&address) {
        hosts.push(address.clone());
    }
    Ok((address, hosts))
}

/// The server's clock: `--now` (or the system clock) at start, plus the time since.
fn clock(ctx: &Context) -> web::Clock {
    let start = ctx.now();
    let started = Instant::now();
    Arc::new(move || start + chrono::Duration::from_std(started.elapsed()).unwrap_or_default())
}

/// Prints the address, then serves until Ctrl-C or SIGTERM; the exit code says which.
fn run_server(server: web::Server, listener: TcpListener, url: &str, args: &Args, started: &str) -> Result<ExitCode> {
    // Signals are caught from before the address is printed: a browser or script that has the
    // address may stop the server at once, and that stop is clean too.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build()?;
    let signals = runtime.block_on(async { Signals::new() })?;

    let mut out = std::io::stdout().lock();
    writeln!(out, "{url}")?;
    if args.lan.is_some() {
        if let Some(code) = web::lan::qr(url) {
            writeln!(out, "{code}")?;
        }
    }
    out.flush()?;
    drop(out);
    super::warn(started);
    if args.open {
        if let Err(message) = open_browser(url) {
            super::warn(&tr!("web-serve-no-browser", message = message));
        }
    }

    let router = server.router();
    let signal = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<ExitCode>();
        let shutdown = async move {
            let code = signals.wait().await;
            let _ = stop.send(code);
        };
        web::serve(listener, router, web::Limits::default(), shutdown).await?;
        Ok::<ExitCode, Error>(stopped.await.unwrap_or(ExitCode::Success))
    })?;
    // Every request has been answered, or cut off at the shutdown deadline: the connections
    // still open end with the runtime, and with them the last handles to the desk's thread,
    // which then closes the store and lets go of the lock.
    drop(runtime);
    server.finish();
    super::warn(&tr!("web-serve-stopped"));
    Ok(signal)
}

/// Binds `ip` on the port asked for: an explicit port or nothing (exit 1 when it is busy); 0 any
/// free port; none, 8000 or the next free one.
fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener> {
    // An address that is not this machine's is the problem whatever the port: say so first.
    if let Err(e) = TcpListener::bind(SocketAddr::new(ip, 0)) {
        if e.kind() == std::io::ErrorKind::AddrNotAvailable {
            return Err(Error::Input(tr!("web-serve-address-unavailable", ip = ip.to_string(), error = e.to_string())));
        }
    }
    match port {
        Some(port) => TcpListener::bind(SocketAddr::new(ip, port)).map_err(|e| {
            Error::Input(tr!("web-serve-port-busy", ip = ip.to_string(), port = port, error = e.to_string()))
        }),
        None => (DEFAULT_PORT..DEFAULT_PORT + PORTS_TRIED)
            .find_map(|port| TcpListener::bind(SocketAddr::new(ip, port)).ok())
            .map_or_else(|| TcpListener::bind(SocketAddr::new(ip, 0)).map_err(Error::from), Ok),
    }
}

/// Ctrl-C and SIGTERM, caught (and so no longer fatal) from when this is made.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    /// Must run inside the runtime.
    fn new() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Signals { interrupt: signal(SignalKind::interrupt())?, terminate: signal(SignalKind::terminate())? })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// Waits for Ctrl-C (exit code 130) or SIGTERM (143), the codes the terminal review uses.
    async fn wait(mut self) -> ExitCode {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => ExitCode::Interrupted,
                _ = self.terminate.recv() => ExitCode::Signalled(libc::SIGTERM),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            ExitCode::Interrupted
        }
    }
}

/// Opens `url` with `$BROWSER` (the first of a colon-separated list; `%s` stands for the URL,
/// else it is the last argument), else the system's opener. The browser is not waited for.
fn open_browser(url: &str) -> std::result::Result<(), String> {
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
    let mut words: Vec<String> = match &browser {
        Some(b) => b.split(':').next().unwrap_or_default().split_whitespace().map(str::to_string).collect(),
        None if cfg!(target_os = "macos") => vec!["open".into()],
        None if cfg!(windows) => vec!["explorer".into()],
        None => vec!["xdg-open".into()],
    };
    if words.iter().any(|w| w.contains("%s")) {
        words = words.into_iter().map(|w| w.replace("%s", url)).collect();
    } else {
        words.push(url.to_string());
    }
    let (program, rest) = words.split_first().ok_or("$BROWSER is empty")?;
    std::process::Command::new(program)
        .args(rest)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| format!("{program}: {e}"))
}

/// Re-reads changed deck files into the store when a review session starts (under the session
/// lock the server holds; `app::resync_decks`); a broken deck is reported and changes nothing.
pub fn resync(decks: DeckSource) -> web::Resync {
    Box::new(move |store: &mut Store, learner, now| app::resync_decks(&decks, store, learner, now))
}
