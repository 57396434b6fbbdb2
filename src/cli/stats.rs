//! `kioku stats`: where a learner stands, at a glance.

use std::io::Write;

use crate::app;
use crate::i18n::dates;
use crate::store::LearnerId;
use crate::{tr, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// One JSON document with the same figures
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let Prepared { store, settings, .. } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Shared)?;
    let scheduler = ctx.scheduler(&store, &settings)?;
    let today = ctx.days(&settings).study_day(ctx.now());
    let report = app::stats_report(&store, LearnerId::PERSONAL, &scheduler, &args.scope.filter(), today)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default())?;
    } else {
        for line in crate::ui::stats::render(&report, today, crate::ui::stats::terminal_columns()) {
            // Deck ids, tags and card keys come from files: shown, never run.
            writeln!(out, "{}", crate::safe_text::terminal(&line))?;
        }
        // The forecast counts the due days the scheduler chose, so balancing is in it; say how
        // they were placed and which coming days are breaks.
        let mut how = match (settings.fuzz, settings.load_balance) {
            (true, true) => tr!("stats-balancing-on"),
            (true, false) => tr!("stats-balancing-off"),
            (false, _) => tr!("stats-balancing-no-fuzz"),
        };
        if !settings.easy_days.is_normal() {
            how = format!("{how} · {}", tr!("stats-easy-days", days = settings.easy_days.to_string()));
        }
        writeln!(out, "{}", tr!("stats-forecast-placed", how = how))?;
        for b in store.breaks(LearnerId::PERSONAL)?.iter().filter(|b| b.last >= today && b.first.0 < today.0 + 30) {
            let (first, last) = (dates::day(b.first.date()), dates::day(b.last.date()));
            writeln!(out, "{}", tr!("stats-break", first = first, last = last))?;
        }
    }
    Ok(())
}
