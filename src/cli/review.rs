//! `kioku review`: today's cards over the piped line protocol.

use std::io::Write;

use crate::session::piped::{self, Io};
use crate::session::review::{ReviewOptions, ReviewSession};
use crate::store::LearnerId;
use crate::ui::terminal;
use crate::{ExitCode, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// Show at most N new cards this session (instead of what is left of new_per_day)
    #[arg(long, value_name = "N")]
    pub new: Option<u32>,
    /// Stop after N answers
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

/// Runs the review; returns the exit code (130 after Ctrl-C in the terminal).
pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Exclusive)?;
    let scheduler = ctx.scheduler(&store, &settings)?;
    let days = ctx.days(&settings);
    let options = ReviewOptions { new_limit: args.new, answer_limit: args.limit };
    let scheduler = std::sync::Arc::new(scheduler);
    let filter = args.scope.filter();
    let mut session = ReviewSession::new(&store, LearnerId::PERSONAL, scheduler, days, filter, options, ctx.now())?;
    if terminal::is_interactive() {
        let (ending, notice) = terminal::review(&mut session, &mut store, &|| ctx.now())?;
        let summary = session.summary(&store, ctx.now())?;
        let mut out = std::io::stdout().lock();
        for line in notice.into_iter().chain(piped::summary_lines(&summary)) {
            // After SIGHUP the terminal may be gone: nothing to show, nothing lost.
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
        // Every answer is already saved; 130 is the shell's code for Ctrl-C, 128 + n for signal n.
        return Ok(ending.exit_code());
    }
    let mut input = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    // A backlog is said before the first card, for people (the summary says it again).
    if let Some(backlog) = session.backlog() {
        for line in crate::session::life::backlog_lines(backlog) {
            piped::human(&mut out, &line)?;
        }
    }
    let mut io = Io { input: &mut input, out: &mut out, err: &mut err };
    piped::run(&mut session, &mut store, &|| ctx.now(), &mut io)?;
    Ok(ExitCode::Success)
}
