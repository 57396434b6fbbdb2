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
        writeln!(out, "{}", crate::tr!("orphans-none"))?;
        return Ok(());
    }
    for crate::app::Orphan { key, reviews: n, deck_loaded } in &orphans {
        let key = terminal_line(key);
        let line = if *deck_loaded {
            crate::tr!("orphans-line-note-gone", key = key, n = *n)
        } else {
            crate::tr!("orphans-line-deck-absent", key = key, n = *n)
        };
        writeln!(out, "{line}")?;
    }
    if !args.prune {
        writeln!(out, "{}", crate::tr!("orphans-summary", n = orphans.len()))?;
        return Ok(());
    }
    let doomed = crate::app::prunable(&orphans);
    if doomed.is_empty() {
        writeln!(out, "{}", crate::tr!("orphans-nothing-to-prune"))?;
        return Ok(());
    }
    if !args.yes {
        writeln!(out, "{}", crate::tr!("orphans-confirm", n = doomed.len()))?;
        out.flush()?;
        if !crate::session::input::confirmed()? {
            return Err(Error::NotConfirmed);
        }
    }
    crate::app::prune(ctx.paths(), &mut store, LearnerId::PERSONAL, &doomed)?;
    writeln!(out, "{}", crate::tr!("orphans-pruned", n = doomed.len()))?;
    Ok(())
}
