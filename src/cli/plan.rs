//! `kioku plan`: study for an exam date, so that every card in scope is remembered on the day.

use std::io::Write;

use crate::scheduler::plan::ExamTarget;
use crate::scheduler::{State, StudyDay};
use crate::store::Plan;
use crate::{Error, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Record an exam on this date (any form an answer accepts: 2027-01-20, 2027年1月20日, 20 January 2027)
    #[arg(long, value_name = "DATE")]
    pub exam_date: Option<String>,
    /// Probability of recall wanted on the exam day, 0.50–0.99
    #[arg(long, default_value_t = 0.9)]
    pub target: f32,
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// List the plans (with their ids)
    #[arg(long)]
    pub list: bool,
    /// Remove the plan with this id
    #[arg(long, value_name = "ID")]
    pub remove: Option<i64>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    if let Some(id) = args.remove {
        let mut store = ctx.open_store()?;
        if !store.remove_plan(id)? {
            return Err(Error::Input(format!("there is no plan {id} (see `kioku plan --list`)")));
        }
        writeln!(std::io::stdout(), "removed plan {id}")?;
        return Ok(());
    }
    if args.list {
        let plans = ctx.open_existing_store()?.map(|s| s.plans()).transpose()?.unwrap_or_default();
        let mut out = std::io::stdout().lock();
        if plans.is_empty() {
            writeln!(out, "no plans (kioku plan --exam-date YYYY-MM-DD)")?;
        }
        for p in &plans {
            writeln!(out, "{:>3}  exam {}  target {:.0}%  {}", p.id, p.exam_day.date(), p.target * 100.0, scope(p))?;
        }
        return Ok(());
    }
    // Recording a plan moves reviews: not under a running session, which would overwrite them.
    let access = if args.exam_date.is_some() { Access::Exclusive } else { Access::Shared };
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), access)?;
    let days = ctx.days(&settings);
    let today = days.study_day(ctx.now());
    if let Some(text) = &args.exam_date {
        let date = super::dates::parse_day("--exam-date", text)?;
        let exam_day = StudyDay::from_date(date);
        if exam_day <= today {
            return Err(Error::Input(format!("--exam-date {date} is not after today ({})", today.date())));
        }
        if !(0.5..=0.99).contains(&args.target) {
            return Err(Error::Input(format!("--target must be from 0.50 to 0.99, not {}", args.target)));
        }
        let plan = Plan {
            id: 0,
            exam_day,
            target: args.target,
            decks: args.scope.only_decks.clone(),
            tags: args.scope.tags.clone(),
            created_at_ms: ctx.now().timestamp_millis(),
        };
        let scheduler = ctx.scheduler(&store, &settings)?;
        let crate::app::PlanRecorded { id, moved } =
            crate::app::record_plan(&mut store, &scheduler, &days, &plan, ctx.now())?;
        writeln!(
            std::io::stdout(),
            "plan {id} recorded: cards in scope are scheduled to be remembered on {date} ({moved} review{} moved before it)",
            if moved == 1 { "" } else { "s" }
        )?;
    }
    let scheduler = ctx.scheduler(&store, &settings)?;
    let cards = store.cards_in_decks()?;
    let plans: Vec<Plan> = store.plans()?.into_iter().filter(|p| p.exam_day > today).collect();
    let mut out = std::io::stdout().lock();
    if plans.is_empty() {
        writeln!(out, "no upcoming exam (kioku plan --exam-date YYYY-MM-DD [--target 0.9] [DECK…] [--tag T])")?;
    }
    for p in &plans {
        let exam = ExamTarget { day: p.exam_day, target: p.target };
        let days_left = p.exam_day.0 - today.0;
        let in_scope: Vec<_> =
            cards.iter().filter(|c| p.covers(&c.deck, &c.tags)).map(|c| &c.schedule).filter(|s| !s.suspended).collect();
        let new = in_scope.iter().filter(|s| s.state == State::New).count();
        let studied: Vec<_> = in_scope.iter().filter(|s| s.state != State::New).collect();
        // Predicted R on the exam day, assuming each review scheduled before it is answered good.
        let above = studied
            .iter()
            .filter(|s| {
                let (Some(stability), Some(difficulty), Some(last)) = (s.stability, s.difficulty, s.last_review_day)
                else {
                    return false;
                };
                let r = match s.due_day.filter(|&d| d < p.exam_day && s.state == State::Review) {
                    Some(due) => {
                        let window = scheduler.exam_window(
                            fsrs::MemoryState { stability, difficulty },
                            last,
                            StudyDay(due.0 - 1),
                            exam,
                        );
                        if window.contains(&due) {
                            p.target
                        } else {
                            scheduler.retrievability_on(stability, last, p.exam_day)
                        }
                    }
                    None => scheduler.retrievability_on(stability, last, p.exam_day),
                };
                r >= p.target
            })
            .count();
        let shown_days = days_left.clamp(1, 30);
        let mut workload = vec![0usize; shown_days as usize];
        for s in &studied {
            let due = match s.state {
                State::Review => s.due_day.map(|d| (d.0 - today.0).max(0)),
                _ => Some(0),
            };
            if let Some(slot) = due.and_then(|d| workload.get_mut(d as usize)) {
                *slot += 1;
            }
        }
        let quota = (new as u32).div_ceil((days_left - 3).max(1) as u32);
        writeln!(
            out,
            "exam {} in {days_left} day{} · target {:.0}% · {}",
            p.exam_day.date(),
            if days_left == 1 { "" } else { "s" },
            p.target * 100.0,
            scope(p)
        )?;
        writeln!(out, "  cards in scope: {} ({} studied, {new} new)", in_scope.len(), studied.len())?;
        if !studied.is_empty() {
            writeln!(
                out,
                "  studied cards predicted at or above {:.0}% on the day: {above} of {} ({:.0}%)",
                p.target * 100.0,
                studied.len(),
                above as f64 * 100.0 / studied.len() as f64
            )?;
        }
        if new > 0 {
            let done_by = StudyDay(today.0 + (new as u32).div_ceil(quota.max(1)) as i32 - 1);
            writeln!(out, "  new cards: {quota} a day, all introduced by {}", done_by.date())?;
        }
        writeln!(
            out,
            "  reviews already due per day, the next {shown_days} day{} (today first):",
            if shown_days == 1 { "" } else { "s" }
        )?;
        for line in crate::stats::report::bar_chart(&workload) {
            writeln!(out, "  {line}")?;
        }
        if above < studied.len() {
            writeln!(
                out,
                "  warning: {} studied card{} predicted below {:.0}% on the day with the reviews scheduled now; review every day until the exam: each answer places the card's next review in its window",
                studied.len() - above,
                if studied.len() - above == 1 { " is" } else { "s are" },
                p.target * 100.0
            )?;
        }
        let settings = &settings;
        if days_left <= 3 && new > 0 {
            writeln!(out, "  warning: {new} new cards cannot be learned and consolidated in {days_left} days; study fewer cards (a deck or tag) or move the date")?;
        } else if quota > settings.new_per_day.max(1) * 3 {
            writeln!(out, "  warning: {quota} new cards a day is heavy; consider a smaller scope or a lower --target")?;
        }
        let peak = workload.iter().copied().max().unwrap_or(0) + quota as usize;
        if peak > settings.reviews_per_day as usize {
            writeln!(
                out,
                "  warning: up to {peak} cards on a day, above reviews_per_day ({}); raise it (kioku config set reviews_per_day {peak}) or lower the target",
                settings.reviews_per_day
            )?;
        }
    }
    Ok(())
}

fn scope(p: &Plan) -> String {
    if p.decks.is_empty() && p.tags.is_empty() {
        "all decks".into()
    } else {
        p.decks.iter().cloned().chain(p.tags.iter().map(|t| format!("tag {t}"))).collect::<Vec<_>>().join(", ")
    }
}
