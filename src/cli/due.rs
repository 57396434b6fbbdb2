//! `kioku due`: how many cards each deck has for today.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::scheduler::State;
use crate::session::Today;
use crate::Result;

use super::Context;

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
    let loaded = ctx.load()?;
    let days = ctx.days(&loaded.settings);
    let now = ctx.now();
    let today = Today::build(&loaded.store, loaded.cards, &loaded.settings, &days, now, None)?;
    let mut per_deck: BTreeMap<String, Counts> =
        loaded.collection.decks.iter().map(|d| (d.id.clone(), Counts::default())).collect();
    for (card, item) in today.cards.iter().zip(&today.items) {
        let s = &item.schedule;
        if !s.is_available(today.today) {
            continue;
        }
        let counts = per_deck.entry(card.deck.clone()).or_default();
        match s.state {
            State::New => counts.new += 1,
            State::Learning | State::Relearning if s.due_at_ms.is_some_and(|d| d < today.day_end_ms) => {
                counts.learning += 1
            }
            State::Review if s.due_day.is_some_and(|d| d <= today.today) => counts.review += 1,
            _ => {}
        }
    }
    let (new, learning, review) = today.queue.remaining();
    let report = DueReport {
        decks: per_deck.into_iter().map(|(deck, counts)| DeckCounts { deck, counts }).collect(),
        total: Counts { new, learning, review },
    };
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
        let streak = crate::stats::streak(&store.review_days()?, today);
        writeln!(std::io::stdout(), "streak: {streak} day{}", if streak == 1 { "" } else { "s" })?;
    }
    Ok(())
}
