//! `kioku orphans`: history whose card is gone from the decks. Nothing is deleted because a file
//! is missing; `--prune` deletes history only for notes missing from decks that are loaded.

use std::collections::HashSet;
use std::io::Write;

use crate::safe_text::terminal_line;
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
    let cards = store.cards_in_decks()?;
    let present: HashSet<&str> = cards.iter().map(|c| c.key.as_str()).collect();
    // Decks with cards: an emptied (or half-saved) file counts as not loaded, so its notes'
    // history is never pruned for it.
    let decks: HashSet<&str> = cards.iter().map(|c| c.deck.as_str()).collect();
    let mut orphans: Vec<(String, u32, bool)> = store
        .review_counts()?
        .into_iter()
        // A row with no review has no history to keep or lose.
        .filter(|(key, n)| *n > 0 && !present.contains(key.as_str()))
        .map(|(key, n)| {
            let deck_loaded = key.split('/').next().is_some_and(|d| decks.contains(d));
            (key, n, deck_loaded)
        })
        .collect();
    orphans.sort();
    let mut out = std::io::stdout().lock();
    if orphans.is_empty() {
        writeln!(out, "no orphans: every card with history is in the decks")?;
        return Ok(());
    }
    for (key, n, deck_loaded) in &orphans {
        let note = if *deck_loaded { "note gone from its deck" } else { "deck not loaded" };
        let key = terminal_line(key);
        writeln!(out, "{key}  {n} review{}  ({note})", if *n == 1 { "" } else { "s" })?;
    }
    if !args.prune {
        writeln!(out, "{} orphan{}; their history returns if the notes come back. `--prune` deletes the history of notes gone from loaded decks", orphans.len(), if orphans.len() == 1 { "" } else { "s" })?;
        return Ok(());
    }
    let doomed: Vec<String> = orphans.iter().filter(|(_, _, loaded)| *loaded).map(|(k, _, _)| k.clone()).collect();
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
            return Err(Error::Input("not confirmed; nothing was deleted".into()));
        }
    }
    if ctx.decks_changed(&store)? {
        return Err(Error::Input(
            "the deck files changed while waiting for the answer; nothing was deleted; run kioku orphans again".into(),
        ));
    }
    store.delete_cards(&doomed)?;
    writeln!(out, "deleted the history of {} card{}", doomed.len(), if doomed.len() == 1 { "" } else { "s" })?;
    Ok(())
}
