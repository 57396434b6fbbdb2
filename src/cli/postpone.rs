//! `kioku postpone N` / `kioku advance N`: move N review cards later or to today (as the FSRS
//! Helper add-on does), after showing what it costs in predicted recall and asking (`--yes` when
//! piped). Each card is logged as a manual row with the action `postpone` or `advance`. The
//! choice of cards is `scheduler::backlog`.

use std::io::{IsTerminal, Write};

use crate::scheduler::backlog::Moved;
use crate::scheduler::{CardSchedule, State};
use crate::store::{CardMove, LearnerId, ReviewRowTime};
use crate::{Error, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many cards
    #[arg(value_name = "N")]
    pub count: usize,
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// Do not ask (needed when standard input is not a terminal)
    #[arg(long)]
    pub yes: bool,
}

/// Which of the two commands runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Postpone,
    Advance,
}

pub fn run(ctx: &Context, args: Args, direction: Direction) -> Result<()> {
    let action = match direction {
        Direction::Postpone => "postpone",
        Direction::Advance => "advance",
    };
    if args.count == 0 {
        return Err(Error::Input(crate::tr!("breaks-count-too-small", action = action)));
    }
    if !args.yes && !std::io::stdin().is_terminal() {
        return Err(Error::Input(crate::tr!("breaks-needs-yes", action = action)));
    }
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Exclusive)?;
    let scheduler = ctx.scheduler(&store, &settings)?;
    let days = ctx.days(&settings);
    let now = ctx.now();
    let today = days.study_day(now);
    let filter = args.scope.filter();
    let cards: Vec<_> =
        store.cards_in_decks(LearnerId::PERSONAL)?.into_iter().filter(|c| filter.covers(&c.deck, &c.tags)).collect();
    let schedules: Vec<CardSchedule> = cards.iter().map(|c| c.schedule.clone()).collect();
    let moved: Vec<Moved> = match direction {
        Direction::Postpone => scheduler.postpone(&schedules, args.count, today),
        Direction::Advance => scheduler.advance(&schedules, args.count, today),
    };
    let mut out = std::io::stdout().lock();
    if moved.is_empty() {
        let none = match direction {
            Direction::Postpone => crate::tr!("breaks-nothing-to-postpone"),
            Direction::Advance => crate::tr!("breaks-nothing-to-advance"),
        };
        writeln!(out, "{none}")?;
        return Ok(());
    }
    let n = moved.len() as f32;
    let before = moved.iter().map(|m| m.recall_before).sum::<f32>() / n;
    let after = moved.iter().map(|m| m.recall_after).sum::<f32>() / n;
    let pct = |r: f32| format!("{:.1}%", r * 100.0);
    match direction {
        Direction::Postpone => {
            let (shortest, longest) = span(&moved, today);
            let line = crate::tr!(
                "breaks-postpone-preview",
                n = moved.len(),
                shortest = shortest,
                longest = longest,
                today = pct(before),
                then = pct(after),
                forgotten = format!("{:.1}", (before - after) * n)
            );
            writeln!(out, "{line}")?;
        }
        Direction::Advance => {
            let line = crate::tr!("breaks-advance-preview", n = moved.len(), now = pct(after), due = pct(before));
            writeln!(out, "{line}")?
        }
    }
    if !args.yes {
        let ask = match direction {
            Direction::Postpone => crate::tr!("breaks-confirm-postpone"),
            Direction::Advance => crate::tr!("breaks-confirm-advance"),
        };
        writeln!(out, "{ask}")?;
        out.flush()?;
        if !crate::session::input::confirmed()? {
            return Err(Error::NotConfirmed);
        }
    }
    let afters: Vec<CardSchedule> = moved
        .iter()
        .map(|m| CardSchedule {
            due_day: Some(m.due),
            due_at_ms: Some(days.day_start(m.due).timestamp_millis()),
            state: State::Review,
            ..schedules[m.index].clone()
        })
        .collect();
    let batch: Vec<CardMove> = moved
        .iter()
        .zip(&afters)
        .map(|(m, after)| (cards[m.index].id, cards[m.index].key.as_str(), &schedules[m.index], after))
        .collect();
    store.record_moves(LearnerId::PERSONAL, &batch, ReviewRowTime::new(now, &days), action)?;
    let done = match direction {
        Direction::Postpone => crate::tr!("breaks-postponed", n = moved.len()),
        Direction::Advance => crate::tr!("breaks-advanced", n = moved.len()),
    };
    writeln!(out, "{done}")?;
    Ok(())
}

/// The shortest and longest delay in days from `today` among `moved`.
fn span(moved: &[Moved], today: crate::scheduler::StudyDay) -> (u32, u32) {
    let delays = moved.iter().map(|m| m.due.days_since(today));
    (delays.clone().min().unwrap_or(0), delays.max().unwrap_or(0))
}
