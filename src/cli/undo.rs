//! `kioku undo`: takes back the last answer given in a review, outside a session (a session
//! has its own `u`). Only an answer that is still its card's newest row is undone: after a cram,
//! exam, suspend or bury of that card, undoing it would take back more than the answer.

use std::io::Write;

use chrono::{FixedOffset, SecondsFormat, TimeZone};

use crate::scheduler::Rating;
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {}

/// Undoes the newest review answer under the session lock; `Error::Input` (exit 1) when there
/// is none to undo.
pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let Some(mut store) = ctx.open_existing_store()? else {
        return Err(Error::Input("nothing to undo: there is no review history yet".into()));
    };
    // A running session keeps its cards in memory: undo waits for it like any writing command.
    let _lock = store.lock_session_within(std::time::Duration::from_secs(1))?;
    let Some(newest) = store.newest_review()? else {
        return Err(Error::Input("nothing to undo: no answer has been given in a review".into()));
    };
    let key = crate::safe_text::terminal_line(&newest.card_key).into_owned();
    let when = FixedOffset::east_opt(0)
        .and_then(|utc| utc.timestamp_millis_opt(newest.reviewed_at_ms).single())
        .map_or_else(|| "-".to_string(), |t| t.with_timezone(&ctx.tz).to_rfc3339_opts(SecondsFormat::Secs, true));
    let grade = Rating::from_u8(newest.rating).map_or("-", Rating::name);
    if !newest.is_cards_newest {
        return Err(Error::Input(format!(
            "nothing undone: the last answer ({key}, {grade}, {when}) is no longer that card's last change \
             (it was crammed, examined, suspended or buried since)"
        )));
    }
    store.undo(newest.review_id)?;
    let grade = Rating::from_u8(newest.rating).map_or("-".to_string(), Rating::label);
    writeln!(std::io::stdout(), "{}", crate::tr!("manage-undone", key = key, grade = grade, when = when))?;
    Ok(())
}
