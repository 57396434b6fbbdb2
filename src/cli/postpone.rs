//! `kioku postpone N` / `kioku advance N`: move N review cards later or to today (as the FSRS
//! Helper add-on does), after showing what it costs in predicted recall and asking (`--yes` when
//! piped). Each card is logged as a manual row with the action `postpone` or `advance`. The
//! choice of cards is `scheduler::backlog`.

use std::io::{IsTerminal, Write};

use crate::scheduler::backlog::Moved;
use crate::scheduler::{CardSchedule, State};
use crate::store::{CardMove, ReviewRowTime};
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
        return Err(Error::Input(format!("{action}: N must be at least 1")));
    }
    if !args.yes && !std::io::stdin().is_terminal() {
        return Err(Error::Input(format!(
            "{action} asks before it moves cards; standard input is not a terminal, so add --yes"
        )));
    }
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Exclusive)?;
    let scheduler = ctx.scheduler(&store, &settings)?;
    let days = ctx.days(&settings);
    let now = ctx.now();
    let today = days.study_day(now);
    let filter = args.scope.filter();
    let cards: Vec<_> = store.cards_in_decks()?.into_iter().filter(|c| filter.covers(&c.deck, &c.tags)).collect();
    let schedules: Vec<CardSchedule> = cards.iter().map(|c| c.schedule.clone()).collect();
    let moved: Vec<Moved> = match direction {
        Direction::Postpone => scheduler.postpone(&schedules, args.count, today),
        Direction::Advance => scheduler.advance(&schedules, args.count, today),
    };
    let mut out = std::io::stdout().lock();
    if moved.is_empty() {
        let none = match direction {
            Direction::Postpone => "nothing to postpone: no review card is due",
            Direction::Advance => "nothing to advance: no review card is due later",
        };
        writeln!(out, "{none}")?;
        return Ok(());
    }
    let n = moved.len() as f32;
    let before = moved.iter().map(|m| m.recall_before).sum::<f32>() / n;
    let after = moved.iter().map(|m| m.recall_after).sum::<f32>() / n;
    let pct = |r: f32| format!("{:.1}%", r * 100.0);
    let plural = if moved.len() == 1 { "" } else { "s" };
    match direction {
        Direction::Postpone => {
            let (shortest, longest) = span(&moved, today);
            writeln!(
                out,
                "postpone {} card{plural} by {shortest}–{longest} days: predicted recall when reviewed falls from {} (today) to {} on average; about {:.1} more forgotten",
                moved.len(),
                pct(before),
                pct(after),
                (before - after) * n
            )?;
        }
        Direction::Advance => writeln!(
            out,
            "advance {} card{plural} to today: predicted recall is {} now instead of {} on their due days, so these early reviews strengthen memory less",
            moved.len(),
            pct(after),
            pct(before)
        )?,
    }
    if !args.yes {
        writeln!(out, "{action} them? Type yes to confirm:")?;
        out.flush()?;
        let answer = crate::session::input::read_bounded(&mut std::io::stdin().lock(), 64)?.unwrap_or_default();
        if String::from_utf8_lossy(&answer).trim() != "yes" {
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
    store.record_moves(&batch, ReviewRowTime::new(now, &days), action)?;
    writeln!(out, "{action}d {} card{plural}", moved.len())?;
    Ok(())
}

/// The shortest and longest delay in days from `today` among `moved`.
fn span(moved: &[Moved], today: crate::scheduler::StudyDay) -> (u32, u32) {
    let delays = moved.iter().map(|m| m.due.days_since(today));
    (delays.clone().min().unwrap_or(0), delays.max().unwrap_or(0))
}
