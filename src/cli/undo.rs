//! `kioku undo`: takes back the last answer given in a review, outside a session (a session
//! has its own `u`). Only an answer that is still its card's newest row is undone: after a cram,
//! exam, suspend or bury of that card, undoing it would take back more than the answer.

use std::io::Write;

use chrono::{FixedOffset, TimeZone};

use crate::scheduler::Rating;
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {}

/// Undoes the newest review answer under the session lock; `Error::Input` (exit 1) when there
/// is none to undo.
pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let Some(mut store) = ctx.open_existing_store()? else {
        return Err(Error::Input(crate::tr!("manage-undo-no-history")));
    };
    // A running session keeps its cards in memory: undo waits for it like any writing command.
    let _lock = store.lock_session_within(std::time::Duration::from_secs(1))?;
    let Some(newest) = store.newest_review()? else {
        return Err(Error::Input(crate::tr!("manage-undo-no-review")));
    };
    let key = crate::safe_text::terminal_line(&newest.card_key).into_owned();
    let when = FixedOffset::east_opt(0)
        .and_then(|utc| utc.timestamp_millis_opt(newest.reviewed_at_ms).single())
        .map_or_else(|| "-".to_string(), |t| crate::i18n::dates::date_time(t.with_timezone(&ctx.tz).naive_local()));
    let grade = Rating::from_u8(newest.rating).map_or("-".to_string(), Rating::label);
    if !newest.is_cards_newest {
        return Err(Error::Input(crate::tr!("manage-undo-not-newest", key = key, grade = grade, when = when)));
    }
    store.undo(newest.review_id)?;
    writeln!(std::io::stdout(), "{}", crate::tr!("manage-undone", key = key, grade = grade, when = when))?;
    Ok(())
}
