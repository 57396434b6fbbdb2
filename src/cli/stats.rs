//! `kioku stats`: where a learner stands, at a glance.

use std::io::Write;

use crate::stats::report::{self, CardInfo};
use crate::Result;

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// One JSON document with the same figures
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let loaded = ctx.load_checked(&|collection, cards| args.scope.check(collection, cards))?;
    let scheduler = ctx.scheduler(&loaded.store, &loaded.settings)?;
    let today = ctx.days(&loaded.settings).study_day(ctx.now());
    let schedules = loaded.store.schedules()?;
    let cards: Vec<CardInfo> = loaded
        .cards
        .iter()
        .filter(|c| args.scope.covers(c))
        .filter_map(|c| {
            let (_, schedule) = schedules.get(&c.key)?;
            Some(CardInfo {
                key: &c.key,
                deck: &c.deck,
                tags: &c.tags,
                schedule,
                retrievability: scheduler.retrievability(schedule, today),
            })
        })
        .collect();
    let report = loaded.store.with_scheduled_rows(|rows| report::build(&cards, rows, today))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default())?;
    } else {
        for line in report::render(&report, today) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
