//! `kioku plan`: study for an exam date, so that every card in scope is remembered on the day.

use std::io::Write;

use crate::app::{Ahead, Figures, PlanStatus};
use crate::scheduler::StudyDay;
use crate::store::{LearnerId, Plan};
use crate::{tr, Error, Result};

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
        if !store.remove_plan(LearnerId::PERSONAL, id)? {
            return Err(Error::Input(tr!("plan-no-such", id = id)));
        }
        writeln!(std::io::stdout(), "{}", tr!("plan-removed", id = id))?;
        return Ok(());
    }
    if args.list {
        let store = ctx.open_existing_store()?;
        let plans = store.as_ref().map(|s| s.plans(LearnerId::PERSONAL)).transpose()?.unwrap_or_default();
        let settings = store.as_ref().map(|s| s.typed_settings(LearnerId::PERSONAL)).transpose()?.unwrap_or_default();
        let today = ctx.days(&settings).study_day(ctx.now());
        let mut out = std::io::stdout().lock();
        if plans.is_empty() {
            writeln!(out, "{}", tr!("plan-none"))?;
        }
        for p in &plans {
            let row = tr!(
                "plan-list-row",
                id = format!("{:>3}", p.id),
                date = day_text(p.exam_day),
                target = percent(p.target),
                scope = scope(p)
            );
            let row = match p.exam_day.cmp(&today) {
                std::cmp::Ordering::Less => tr!("plan-list-past", row = row),
                std::cmp::Ordering::Equal => tr!("plan-list-today", row = row),
                std::cmp::Ordering::Greater => row,
            };
            writeln!(out, "{row}")?;
        }
        return Ok(());
    }
    // Recording a plan moves reviews: not under a running session, which would overwrite them.
    let access = if args.exam_date.is_some() { Access::Exclusive } else { Access::Shared };
    // The date is read before the database is opened: a date that is no date changes nothing
    // (not even a new database).
    let exam_date = args.exam_date.as_deref().map(|text| super::dates::parse_day("--exam-date", text)).transpose()?;
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), access)?;
    let days = ctx.days(&settings);
    let today = days.study_day(ctx.now());
    if let Some(date) = exam_date {
        let exam_day = StudyDay::from_date(date);
        if exam_day <= today {
            return Err(Error::Input(tr!(
                "plan-date-not-after",
                date = date.to_string(),
                today = today.date().to_string()
            )));
        }
        if !(0.5..=0.99).contains(&args.target) {
            return Err(Error::Input(tr!("plan-target-range", value = args.target.to_string())));
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
        let crate::app::PlanRecorded { id, moved, updated } =
            crate::app::record_plan(&mut store, LearnerId::PERSONAL, &scheduler, &days, &plan, ctx.now())?;
        let key = if updated { "authoring-plan-updated" } else { "plan-recorded" };
        writeln!(std::io::stdout(), "{}", tr!(key, id = id, date = day_text(exam_day), moved = moved))?;
    }
    let scheduler = ctx.scheduler(&store, &settings)?;
    let statuses = crate::app::plan_statuses(&store, LearnerId::PERSONAL, &scheduler, &settings, today)?;
    let mut out = std::io::stdout().lock();
    if statuses.is_empty() {
        writeln!(out, "{}", tr!("plan-no-upcoming"))?;
    }
    for status in &statuses {
        match &status.figures {
            Figures::ExamDay { above } => exam_day_figures(&mut out, status, *above)?,
            Figures::Ahead(ahead) => upcoming(&mut out, &settings, status, ahead)?,
        }
    }
    Ok(())
}

/// On the exam day: the cards in scope at or above the target now.
fn exam_day_figures(out: &mut dyn Write, status: &PlanStatus, above: usize) -> Result<()> {
    let p = &status.plan;
    let target = percent(p.target);
    let line = tr!("plan-exam-today", date = day_text(p.exam_day), target = target.clone(), scope = scope(p));
    writeln!(out, "{line}")?;
    let (total, new) = (status.total, status.new);
    let line = tr!("plan-scope-today", total = total, studied = total - new, new = new);
    writeln!(out, "  {line}")?;
    if total > 0 {
        let share = percent(above as f32 / total as f32);
        let line = tr!("plan-at-target-now", target = target, above = above, total = total, share = share);
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "  {}", tr!("plan-good-luck", id = p.id))?;
    Ok(())
}

/// Before the exam: the prediction, the new cards a day, the reviews due, and warnings.
fn upcoming(out: &mut dyn Write, settings: &crate::settings::Settings, status: &PlanStatus, a: &Ahead) -> Result<()> {
    let p = &status.plan;
    let studied = status.total - status.new;
    let target = percent(p.target);
    let line = tr!(
        "plan-exam-ahead",
        date = day_text(p.exam_day),
        days = a.days_left,
        target = target.clone(),
        scope = scope(p)
    );
    writeln!(out, "{line}")?;
    let line = tr!("plan-scope", total = status.total, studied = studied, new = status.new);
    writeln!(out, "  {line}")?;
    if studied > 0 {
        let line = tr!(
            "plan-predicted",
            target = target.clone(),
            above = a.above,
            studied = studied,
            share = percent(a.above as f32 / studied as f32)
        );
        writeln!(out, "  {line}")?;
    }
    if let Some(done_by) = a.new_done_by {
        let date = day_text(done_by);
        let line = if a.quota > settings.new_per_day {
            tr!("plan-new-raised", per_day = a.per_day, date = date, limit = settings.new_per_day)
        } else {
            tr!("plan-new-limit", per_day = a.per_day, quota = a.quota, date = date)
        };
        writeln!(out, "  {line}")?;
    }
    let shown_days = a.workload.len();
    if a.workload.iter().all(|&n| n == 0) {
        writeln!(out, "  {}", tr!("plan-no-reviews-due", days = shown_days))?;
    } else {
        writeln!(out, "  {}", tr!("plan-reviews-due", days = shown_days))?;
        for line in crate::ui::stats::bar_chart(&a.workload) {
            writeln!(out, "  {line}")?;
        }
    }
    if a.above < studied {
        writeln!(out, "  {}", tr!("plan-warn-below", n = studied - a.above, target = target))?;
    }
    if a.too_late {
        writeln!(out, "  {}", tr!("plan-warn-too-late", new = status.new, days = a.days_left))?;
    } else if a.heavy {
        writeln!(out, "  {}", tr!("plan-warn-heavy", quota = a.quota))?;
    }
    if let Some(peak) = a.peak_over_limit {
        writeln!(out, "  {}", tr!("plan-warn-peak", peak = peak, limit = settings.reviews_per_day))?;
    }
    Ok(())
}

fn scope(p: &Plan) -> String {
    super::scope::words(&p.decks, &p.tags)
}

/// A study day as people write dates in the process language: 2025-05-21, 2025年5月21日.
fn day_text(day: StudyDay) -> String {
    crate::i18n::dates::date(day.date())
}

/// A probability as a whole percentage, `0.9` → `90`.
fn percent(p: f32) -> String {
    format!("{:.0}", p * 100.0)
}
