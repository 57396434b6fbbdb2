//! The terminal as a device: termination signals (SIGTERM, SIGHUP) caught so the screen is
//! restored, a hung-up terminal noticed, waiting for input with poll(2), and whether the
//! session is interactive at all. No drawing here.

use std::io::IsTerminal;
use std::sync::atomic::Ordering;

use crossterm::event::{self, Event};

/// The signal that asked the session to end (0: none). Set by the handler, read by the loop.
pub(super) static SIGNALLED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

#[cfg(unix)]
extern "C" fn on_signal(signal: libc::c_int) {
    // Only an atomic store: all a signal handler may safely do here.
    SIGNALLED.store(signal, Ordering::SeqCst);
}

/// Asks SIGTERM and SIGHUP to end the session through the event loop (which restores the
/// terminal) instead of killing the process with the terminal left raw.
pub(super) fn catch_termination() {
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGTERM, handler);
        libc::signal(libc::SIGHUP, handler);
    }
}

/// The next terminal event, or None when a termination signal arrived or the terminal hung up
/// (its window closed: then it counts as SIGHUP).
pub(super) fn next_event() -> std::io::Result<Option<Event>> {
    loop {
        if terminal_hung_up() {
            let _ = SIGNALLED.compare_exchange(0, SIGHUP, Ordering::SeqCst, Ordering::SeqCst);
        }
        if SIGNALLED.load(Ordering::SeqCst) != 0 {
            return Ok(None);
        }
        // crossterm is only asked without waiting: on a hung-up terminal its read loop spins
        // (read returns 0 forever) and never comes back to look at signals. Waiting is done here.
        if event::poll(std::time::Duration::ZERO)? {
            return event::read().map(Some);
        }
        wait_for_input(200);
    }
}

#[cfg(unix)]
const SIGHUP: i32 = libc::SIGHUP;
#[cfg(not(unix))]
const SIGHUP: i32 = 1;

/// Whether standard input, the terminal, has hung up (closed window, killed tmux server).
fn terminal_hung_up() -> bool {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, no waiting.
        let ready = unsafe { libc::poll(&mut fd, 1, 0) };
        ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    false
}

/// Waits up to `ms` for input on the terminal (returns early on input, a hang-up or a signal).
fn wait_for_input(ms: i32) {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd.
        unsafe { libc::poll(&mut fd, 1, ms) };
    }
    #[cfg(not(unix))]
    std::thread::sleep(std::time::Duration::from_millis(ms as u64));
}

/// Whether both stdin and stdout are terminals (then `review` is interactive).
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Colours unless NO_COLOR is set (to anything but the empty string), per no-color.org.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
