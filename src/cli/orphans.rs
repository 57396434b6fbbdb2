//! `kioku orphans`: history whose card is gone from the decks. Nothing is deleted because a file
//! is missing; `--prune` deletes history only for notes missing from decks that are loaded.

use std::io::Write;

use crate::safe_text::terminal_line;
use crate::store::LearnerId;
use crate::{Error, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Delete the history of orphans whose deck is loaded (asks first)
    #[arg(long)]
    pub prune: bool,
    /// Do not ask before pruning
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    // Pruning decides from the decks as synced now, and holds the lock until it has deleted:
    // nothing may move history (a rename) between the list and the deletion.
    let access = if args.prune { Access::Exclusive } else { Access::Shared };
    let Prepared { mut store, lock: _lock, .. } = ctx.prepare(&|_, _| Ok(()), access)?;
    let orphans = crate::app::find_orphans(&store, LearnerId::PERSONAL)?;
    let mut out = std::io::stdout().lock();
    if orphans.is_empty() {
        writeln!(out, "no orphans: every card with history is in the decks")?;
        return Ok(());
    }
    for crate::app::Orphan { key, reviews: n, deck_loaded } in &orphans {
        let note = if *deck_loaded { "note gone from its deck" } else { "deck not loaded" };
        let key = terminal_line(key);
        writeln!(out, "{key}  {n} review{}  ({note})", if *n == 1 { "" } else { "s" })?;
    }
    if !args.prune {
        writeln!(out, "{} orphan{}; their history returns if the notes come back. `--prune` deletes the history of notes gone from loaded decks", orphans.len(), if orphans.len() == 1 { "" } else { "s" })?;
        return Ok(());
    }
    let doomed = crate::app::prunable(&orphans);
    if doomed.is_empty() {
        writeln!(out, "nothing to prune: the orphans' decks are not loaded (their files may only be missing)")?;
        return Ok(());
    }
    if !args.yes {
        writeln!(
            out,
            "delete the history of {} card{}? This cannot be undone. Type yes to confirm:",
            doomed.len(),
            if doomed.len() == 1 { "" } else { "s" }
        )?;
        out.flush()?;
        let answer = crate::session::input::read_bounded(&mut std::io::stdin().lock(), 64)?.unwrap_or_default();
        if String::from_utf8_lossy(&answer).trim() != "yes" {
            return Err(Error::NotConfirmed);
        }
    }
    crate::app::prune(ctx.paths(), &mut store, LearnerId::PERSONAL, &doomed)?;
    writeln!(out, "deleted the history of {} card{}", doomed.len(), if doomed.len() == 1 { "" } else { "s" })?;
    Ok(())
}
