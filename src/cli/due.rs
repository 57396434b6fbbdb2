//! `kioku due`: how many cards each deck has for today.

use std::io::Write;

use serde::Serialize;

use crate::session::{Filter, Today};
use crate::store::LearnerId;
use crate::Result;

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug, Default)]
pub struct Args {
    /// One JSON document: {decks: [{deck, new, learning, review}], total: {new, learning, review}}
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Counts {
    new: usize,
    learning: usize,
    review: usize,
}

#[derive(Serialize)]
struct DeckCounts {
    deck: String,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct DueReport {
    decks: Vec<DeckCounts>,
    total: Counts,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let Prepared { store, settings, .. } = ctx.prepare(&|_, _| Ok(()), Access::Shared)?;
    let days = ctx.days(&settings);
    let now = ctx.now();
    // Per deck: every card due, before the daily limits; the total: what today's queue shows.
    let today = Today::build(&store, LearnerId::PERSONAL, &Filter::default(), &settings, &days, now, None)?;
    // Every deck file's deck, with zeros for a deck without cards due (or without cards).
    let mut per_deck: std::collections::BTreeMap<String, Counts> =
        store.file_deck_ids()?.into_iter().map(|deck| (deck, Counts::default())).collect();
    for (deck, [new, learning, review]) in store.due_counts(today.today, today.day_end_ms)? {
        per_deck.insert(deck, Counts { new, learning, review });
    }
    let decks = per_deck.into_iter().map(|(deck, counts)| DeckCounts { deck, counts }).collect();
    let (new, learning, review) = today.queue.remaining();
    let report = DueReport { decks, total: Counts { new, learning, review } };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default())?;
        return Ok(());
    }
    let width = report.decks.iter().map(|d| d.deck.len()).max().unwrap_or(4).max(12);
    writeln!(out, "{:width$}  {:>5}  {:>8}  {:>6}", "deck", "new", "learning", "review")?;
    for d in &report.decks {
        writeln!(out, "{:width$}  {:>5}  {:>8}  {:>6}", d.deck, d.counts.new, d.counts.learning, d.counts.review)?;
    }
    let t = report.total;
    writeln!(out, "{:width$}  {:>5}  {:>8}  {:>6}", "today", t.new, t.learning, t.review)?;
    if t.new + t.learning + t.review > 0 {
        writeln!(out, "next: kioku review")?;
    } else {
        writeln!(out, "nothing left for today")?;
    }
    Ok(())
}

/// `kioku` with no command: what is due per deck, the streak, and the next step.
pub fn status(ctx: &Context) -> Result<()> {
    run(ctx, Args::default())?;
    if let Some(store) = ctx.open_existing_store()? {
        let settings = store.typed_settings()?;
        let today = ctx.days(&settings).study_day(ctx.now());
        let streak = crate::stats::streak(&store.recent_review_days(today)?, today);
        writeln!(std::io::stdout(), "streak: {streak} day{}", if streak == 1 { "" } else { "s" })?;
    }
    Ok(())
}
