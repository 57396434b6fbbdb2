//! `kioku review`: today's cards over the piped line protocol.

use std::io::Write;

use crate::deck::{Card, Collection};
use crate::session::piped::{self, Io};
use crate::session::review::{ReviewOptions, ReviewSession};
use crate::ui::terminal::{self, Ending};
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these decks (by id) [default: all]
    #[arg(value_name = "DECK")]
    pub only_decks: Vec<String>,
    /// Only cards with this tag (deck or note tag); repeat for any of several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Show at most N new cards this session (instead of what is left of new_per_day)
    #[arg(long, value_name = "N")]
    pub new: Option<u32>,
    /// Stop after N answers
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

/// Runs the review; returns the exit code (130 after Ctrl-C in the terminal).
pub fn run(ctx: &Context, args: Args) -> Result<i32> {
    let loaded =
        ctx.load_checked(&|collection, cards| check_filters(&args.only_decks, &args.tags, collection, cards))?;
    let _lock = loaded.store.lock_session()?;
    let cards = loaded
        .cards
        .into_iter()
        .filter(|c| args.only_decks.is_empty() || args.only_decks.contains(&c.deck))
        .filter(|c| args.tags.is_empty() || c.tags.iter().any(|t| args.tags.contains(t)))
        .collect();
    let scheduler = ctx.scheduler(&loaded.store, &loaded.settings)?;
    let days = ctx.days(&loaded.settings);
    let mut store = loaded.store;
    let options = ReviewOptions { new_limit: args.new, answer_limit: args.limit };
    let mut session = ReviewSession::new(&mut store, &scheduler, days, cards, options, ctx.now())?;
    if terminal::is_interactive() {
        let ending = terminal::review(&mut session, &|| ctx.now())?;
        let summary = session.summary(ctx.now())?;
        let mut out = std::io::stdout().lock();
        for line in piped::summary_lines(&summary) {
            writeln!(out, "{line}")?;
        }
        // Ctrl-C: every answer is already saved; 130 is the shell's code for an interrupt.
        return Ok(if ending == Ending::Interrupted { 130 } else { 0 });
    }
    let mut input = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut io = Io { input: &mut input, out: &mut out, err: &mut err };
    piped::run(&mut session, &|| ctx.now(), &mut io)?;
    Ok(0)
}

/// Every deck and tag named must exist (checked before the database is touched).
pub(super) fn check_filters(
    only_decks: &[String],
    tags: &[String],
    collection: &Collection,
    cards: &[Card],
) -> Result<()> {
    let known: Vec<&str> = collection.decks.iter().map(|d| d.id.as_str()).collect();
    for d in only_decks {
        if !known.contains(&d.as_str()) {
            return Err(Error::Input(format!("no deck '{d}'; loaded decks: {}", known.join(", "))));
        }
    }
    for tag in tags {
        if !cards.iter().any(|c| c.tags.contains(tag)) {
            let mut tags: Vec<&str> = cards.iter().flat_map(|c| c.tags.iter().map(String::as_str)).collect();
            tags.sort_unstable();
            tags.dedup();
            return Err(Error::Input(format!(
                "no card has the tag '{tag}' (tags are case-sensitive); tags in the decks: {}",
                tags.join(", ")
            )));
        }
    }
    Ok(())
}
