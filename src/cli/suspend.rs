//! `kioku suspend KEY` / `kioku unsuspend KEY`: hide a card until undone, or bring it back.
//! Logged as a manual row (rating 0).

use std::io::Write;

use crate::store::{LearnerId, ReviewRowTime};
use crate::{tr, Error, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Card key, deck/note-id[:variant] (as `kioku history` shows)
    pub key: String,
}

pub fn run(ctx: &Context, args: Args, suspend: bool) -> Result<()> {
    // A card not found may be in another decks folder than the one used: say which was.
    let not_found = |e: Error| {
        if matches!(e, Error::UnknownCard { .. }) {
            super::warn(&ctx.decks_used());
        }
        e
    };
    if ctx.open_existing_store()?.is_none() {
        // No database yet (none is made for this): suggest from the decks themselves.
        let keys: Vec<String> = crate::deck::load(&ctx.paths().decks)
            .map(|c| c.decks.iter().flat_map(crate::deck::expand).map(|card| card.key).collect())
            .unwrap_or_default();
        let similar = crate::deck::key::similar(&keys, &args.key);
        return Err(not_found(Error::UnknownCard { key: args.key, similar }));
    }
    // A review session keeps its cards in memory: it must not run meanwhile. The decks are
    // synced first, so a note just added can be suspended.
    let Prepared { mut store, settings, lock: _lock } = ctx.prepare(&|_, _| Ok(()), Access::Exclusive)?;
    let (id, before) = store.schedule(LearnerId::PERSONAL, &args.key).map_err(not_found)?;
    let mut out = std::io::stdout().lock();

    if before.suspended == suspend {
        let key = args.key.as_str();
        let text =
            if suspend { tr!("manage-already-suspended", key = key) } else { tr!("manage-not-suspended", key = key) };
        writeln!(out, "{text}")?;
        return Ok(());
    }
    let mut after = before.clone();
    after.suspended = suspend;
    let now = ctx.now();
    let days = ctx.days(&settings);
    let at = ReviewRowTime::new(now, &days);
    store.record_manual(
        LearnerId::PERSONAL,
        id,
        &args.key,
        &before,
        &after,
        at,
        if suspend { "suspend" } else { "unsuspend" },
    )?;
    let key = args.key.as_str();
    writeln!(
        out,
        "{}",
        if suspend { tr!("manage-suspended", key = key) } else { tr!("manage-unsuspended", key = key) }
    )?;
    Ok(())
}
