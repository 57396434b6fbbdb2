//! `kioku due`: how many cards each deck has for today.

use std::io::Write;

use crate::app;
use crate::store::LearnerId;
use crate::ui::columns;
use crate::{tr, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug, Default)]
pub struct Args {
    /// One JSON document: {decks: [{deck, new, learning, review}], total: {new, learning, review}}
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let Prepared { store, settings, .. } = ctx.prepare(&|_, _| Ok(()), Access::Shared)?;
    let days = ctx.days(&settings);
    let now = ctx.now();
    let report = app::due_today(&store, LearnerId::PERSONAL, &settings, &days, now)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default())?;
        return Ok(());
    }
    // Columns as wide as their headers (which depend on the language), aligned by display width.
    let head = [tr!("due-col-deck"), tr!("due-col-new"), tr!("due-col-learning"), tr!("due-col-review")];
    let today_label = tr!("due-row-today");
    let width = report.decks.iter().map(|d| columns::width(&d.deck)).chain([12, columns::width(&today_label)]).max();
    let widths = [
        width.unwrap_or(12),
        columns::width(&head[1]).max(5),
        columns::width(&head[2]).max(8),
        columns::width(&head[3]).max(6),
    ];
    let row = |cells: [&str; 4]| {
        format!(
            "{}  {}  {}  {}",
            columns::pad_end(cells[0], widths[0]),
            columns::pad_start(cells[1], widths[1]),
            columns::pad_start(cells[2], widths[2]),
            columns::pad_start(cells[3], widths[3])
        )
    };
    writeln!(out, "{}", row([&head[0], &head[1], &head[2], &head[3]]))?;
    for d in &report.decks {
        let c = d.counts;
        writeln!(out, "{}", row([&d.deck, &c.new.to_string(), &c.learning.to_string(), &c.review.to_string()]))?;
    }
    let t = report.total;
    writeln!(out, "{}", row([&today_label, &t.new.to_string(), &t.learning.to_string(), &t.review.to_string()]))?;
    if t.new + t.learning + t.review > 0 {
        writeln!(out, "{}", tr!("due-next"))?;
    } else {
        writeln!(out, "{}", tr!("due-nothing-left"))?;
    }
    Ok(())
}

/// `kioku` with no command: what is due per deck, the streak, and the next step.
pub fn status(ctx: &Context) -> Result<()> {
    run(ctx, Args::default())?;
    if let Some(store) = ctx.open_existing_store()? {
        let settings = store.typed_settings(LearnerId::PERSONAL)?;
        let today = ctx.days(&settings).study_day(ctx.now());
        let streak = app::streak_days(&store, LearnerId::PERSONAL, today)?;
        writeln!(std::io::stdout(), "{}", tr!("due-streak", n = streak))?;
    }
    Ok(())
}
