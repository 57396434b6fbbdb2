//! `kioku cram`: practise a deck, a tag, or the cards missed lately, leaving every schedule as
//! it is.

use crate::session::cram::CramSession;
use crate::session::cram_piped;
use crate::session::exam_session::ExamCard;
use crate::session::piped::Io;
use crate::store::{LearnerId, LogStorage};
use crate::ui::{quiz, terminal};
use crate::{Error, ExitCode, Result};

use std::collections::HashSet;

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// Only cards answered "again" (in review, cram or exam) in the last N days
    #[arg(long, value_name = "DAYS", num_args = 0..=1, default_missing_value = "7")]
    pub missed: Option<u32>,
    /// Stop after N answers
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

/// Runs cram (a screen in a terminal, the protocol otherwise); returns the exit code.
pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Exclusive)?;
    let days = ctx.days(&settings);
    let missed: Option<HashSet<String>> = match args.missed {
        Some(n) => Some(
            // Beyond what the clock can count back, "since ever".
            LogStorage::missed_since(
                &store,
                LearnerId::PERSONAL,
                chrono::TimeDelta::try_days(i64::from(n))
                    .and_then(|days| ctx.now().checked_sub_signed(days))
                    .map_or(i64::MIN, |since| since.timestamp_millis()),
            )?
            .into_iter()
            .collect(),
        ),
        None => None,
    };
    let filter = args.scope.filter();
    let mut cards = ExamCard::in_scope(&store, LearnerId::PERSONAL, &|deck, tags| filter.covers(deck, tags))?;
    cards.retain(|c| missed.as_ref().is_none_or(|m| m.contains(&c.card.key)));
    if cards.is_empty() {
        return Err(Error::Input(match args.missed {
            Some(n) => crate::tr!("cram-none-missed", days = n),
            None => crate::tr!("cram-none-in-scope"),
        }));
    }
    let mut session = CramSession::new(LearnerId::PERSONAL, cards, args.limit);
    if terminal::is_interactive() {
        let ending = quiz::cram(&mut session, &mut store, &days, &|| ctx.now())?;
        let n = session.saved();
        super::exam::print_after_screen(&[crate::tr!("cram-after-screen", n = n)]);
        return Ok(ending.exit_code());
    }
    let mut input = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let mut io = Io { input: &mut input, out: &mut out, err: &mut err };
    cram_piped::run(&mut session, &mut store, &days, &|| ctx.now(), &mut io)?;
    Ok(ExitCode::Success)
}
