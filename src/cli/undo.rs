//! `kioku undo`: takes back the last answer given in a review, outside a session (a session
//! has its own `u`); the use case is `app::undo_last_review`, this prints what it did.

use std::io::Write;

use chrono::{FixedOffset, TimeZone};

use crate::app::{self, UndoOutcome};
use crate::scheduler::Rating;
use crate::store::LearnerId;
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {}

/// Undoes the newest review answer (`app::undo_last_review`); `Error::Input` (exit 1) when
/// there is none to undo.
pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let Some(mut store) = ctx.open_existing_store()? else {
        return Err(Error::Input(crate::tr!("manage-undo-no-history")));
    };
    let (newest, undone) = match app::undo_last_review(&mut store, LearnerId::PERSONAL)? {
        UndoOutcome::NoReview => return Err(Error::Input(crate::tr!("manage-undo-no-review"))),
        UndoOutcome::NotNewest(newest) => (newest, false),
        UndoOutcome::Undone(newest) => (newest, true),
    };
    let key = crate::safe_text::terminal_line(&newest.card_key).into_owned();
    let when = FixedOffset::east_opt(0)
        .and_then(|utc| utc.timestamp_millis_opt(newest.reviewed_at_ms).single())
        .map_or_else(|| "-".to_string(), |t| crate::i18n::dates::date_time(t.with_timezone(&ctx.tz).naive_local()));
    let grade = Rating::from_u8(newest.rating).map_or("-".to_string(), Rating::label);
    if !undone {
        return Err(Error::Input(crate::tr!("manage-undo-not-newest", key = key, grade = grade, when = when)));
    }
    writeln!(std::io::stdout(), "{}", crate::tr!("manage-undone", key = key, grade = grade, when = when))?;
    Ok(())
}
