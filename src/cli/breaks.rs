//! `kioku break FROM TO`: study days away. Reviews due in the break move before or after it (the
//! rule is `scheduler::breaks`), logged as manual rows with the action `break`; no new cards
//! during it. `--list` and `--remove ID` as `plan` has.

use crate::i18n::dates::day;
use std::collections::HashMap;
use std::io::Write;

use crate::scheduler::breaks::Break;
use crate::scheduler::{CardSchedule, StudyDay};
use crate::store::{CardMove, LearnerId, ReviewRowTime};
use crate::{Error, Result};

use super::{Access, Context, Prepared};

/// The study days before an exam that a break should not cover (a warning when it does).
const EXAM_FINAL_DAYS: i32 = 7;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// First study day away (a date in any form an answer accepts: 2025-08-01, 2025年8月1日, 1 August 2025)
    #[arg(value_name = "FROM")]
    pub from: Option<String>,
    /// Last study day away, inclusive
    #[arg(value_name = "TO")]
    pub to: Option<String>,
    /// List the breaks (with their ids)
    #[arg(long)]
    pub list: bool,
    /// Remove the break with this id (reviews already moved stay where they are)
    #[arg(long, value_name = "ID")]
    pub remove: Option<i64>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if let Some(id) = args.remove {
        let mut store = ctx.open_store()?;
        if !store.remove_break(LearnerId::PERSONAL, id)? {
            return Err(Error::Input(crate::tr!("breaks-no-such", id = id)));
        }
        writeln!(out, "{}", crate::tr!("breaks-removed", id = id))?;
        return Ok(());
    }
    if args.list || args.from.is_none() {
        let breaks = ctx.open_existing_store()?.map(|s| s.breaks(LearnerId::PERSONAL)).transpose()?.unwrap_or_default();
        if breaks.is_empty() {
            writeln!(out, "{}", crate::tr!("breaks-none"))?;
        }
        for b in &breaks {
            let days = b.last.0 - b.first.0 + 1;
            let line = crate::tr!(
                "breaks-list-line",
                id = format!("{:>3}", b.id),
                first = day(b.first.date()),
                last = day(b.last.date()),
                days = days
            );
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        return Err(Error::Input(crate::tr!("breaks-needs-two-days")));
    };
    let first = StudyDay::from_date(super::dates::parse_day("FROM", from)?);
    let last = StudyDay::from_date(super::dates::parse_day("TO", to)?);
    // Moving reviews: not under a running session, which would overwrite them.
    let Prepared { mut store, settings, lock: _lock } = ctx.prepare(&|_, _| Ok(()), Access::Exclusive)?;
    let days = ctx.days(&settings);
    let now = ctx.now();
    let today = days.study_day(now);
    if last < first {
        return Err(Error::Input(crate::tr!(
            "breaks-ends-before-begin",
            last = day(last.date()),
            first = day(first.date())
        )));
    }
    if first < today {
        return Err(Error::Input(crate::tr!(
            "breaks-begins-before-today",
            first = day(first.date()),
            today = day(today.date())
        )));
    }
    if last.0 - first.0 >= 366 {
        return Err(Error::Input(crate::tr!("breaks-too-long")));
    }
    for plan in store.plans(LearnerId::PERSONAL)?.iter().filter(|p| p.exam_day >= today) {
        if first <= plan.exam_day && last.0 >= plan.exam_day.0 - EXAM_FINAL_DAYS {
            super::warn(&crate::tr!(
                "breaks-covers-exam",
                days = EXAM_FINAL_DAYS,
                exam = day(plan.exam_day.date()),
                plan = plan.id
            ));
        }
    }
    let scheduler = ctx.scheduler(&store, &settings)?;
    let id = store.add_break(LearnerId::PERSONAL, first, last, now.timestamp_millis())?;
    let b = Break { id, first, last };
    let breaks: Vec<Break> = store.breaks(LearnerId::PERSONAL)?.into_iter().filter(|b| b.last >= today).collect();
    let cards = store.cards_in_decks(LearnerId::PERSONAL)?;
    let schedules: Vec<(i64, CardSchedule)> = cards.iter().map(|c| (c.id, c.schedule.clone())).collect();
    let mut loads: HashMap<StudyDay, usize> = store.reviews_per_due_day(LearnerId::PERSONAL)?;
    let moves = scheduler.plan_break(&schedules, &b, &breaks, today, &mut loads);
    let by_id: HashMap<i64, usize> = cards.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let afters: Vec<(usize, CardSchedule)> = moves
        .iter()
        .filter_map(|&(id, day)| {
            let i = *by_id.get(&id)?;
            let s = &cards[i].schedule;
            Some((
                i,
                CardSchedule {
                    due_day: Some(day),
                    due_at_ms: Some(days.day_start(day).timestamp_millis()),
                    ..s.clone()
                },
            ))
        })
        .collect();
    let batch: Vec<CardMove> =
        afters.iter().map(|(i, after)| (cards[*i].id, cards[*i].key.as_str(), &cards[*i].schedule, after)).collect();
    store.record_moves(LearnerId::PERSONAL, &batch, ReviewRowTime::new(now, &days), "break")?;
    let before = afters.iter().filter(|(_, a)| a.due_day.is_some_and(|d| d < first)).count();
    let n = (last.0 - first.0 + 1) as usize;
    let line = crate::tr!(
        "breaks-recorded",
        id = id,
        first = day(first.date()),
        last = day(last.date()),
        days = n,
        before = before,
        after = afters.len() - before
    );
    writeln!(out, "{line}")?;
    Ok(())
}
