//! `kioku plan`: study for an exam date, so that every card in scope is remembered on the day.

use std::io::Write;

use crate::scheduler::plan::ExamTarget;
use crate::scheduler::{CardSchedule, Scheduler, State, StudyDay};
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
        if !store.remove_plan(id)? {
            return Err(Error::Input(tr!("plan-no-such", id = id)));
        }
        writeln!(std::io::stdout(), "{}", tr!("plan-removed", id = id))?;
        return Ok(());
    }
    if args.list {
        let store = ctx.open_existing_store()?;
        let plans = store.as_ref().map(|s| s.plans()).transpose()?.unwrap_or_default();
        let settings = store.as_ref().map(|s| s.typed_settings()).transpose()?.unwrap_or_default();
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
    let cards = store.cards_in_decks()?;
    // The exam day itself still shows its plan: the final figures.
    let plans: Vec<Plan> = store.plans()?.into_iter().filter(|p| p.exam_day >= today).collect();
    let mut out = std::io::stdout().lock();
    if plans.is_empty() {
        writeln!(out, "{}", tr!("plan-no-upcoming"))?;
    }
    for p in &plans {
        let in_scope: Vec<&CardSchedule> =
            cards.iter().filter(|c| p.covers(&c.deck, &c.tags)).map(|c| &c.schedule).filter(|s| !s.suspended).collect();
        if p.exam_day == today {
            exam_day_figures(&mut out, &scheduler, p, &in_scope, today)?;
        } else {
            upcoming(&mut out, &scheduler, &settings, p, &in_scope, today)?;
        }
    }
    Ok(())
}

/// On the exam day: the cards in scope at or above the target now.
fn exam_day_figures(
    out: &mut dyn Write,
    scheduler: &Scheduler,
    p: &Plan,
    in_scope: &[&CardSchedule],
    today: StudyDay,
) -> Result<()> {
    let target = percent(p.target);
    let line = tr!("plan-exam-today", date = day_text(p.exam_day), target = target.clone(), scope = scope(p));
    writeln!(out, "{line}")?;
    let new = in_scope.iter().filter(|s| s.state == State::New).count();
    let above = in_scope.iter().filter(|s| scheduler.retrievability(s, today).is_some_and(|r| r >= p.target)).count();
    let line = tr!("plan-scope-today", total = in_scope.len(), studied = in_scope.len() - new, new = new);
    writeln!(out, "  {line}")?;
    if !in_scope.is_empty() {
        let line = tr!(
            "plan-at-target-now",
            target = target,
            above = above,
            total = in_scope.len(),
            share = percent(above as f32 / in_scope.len() as f32)
        );
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "  {}", tr!("plan-good-luck", id = p.id))?;
    Ok(())
}

/// Before the exam: the prediction, the new cards a day, the reviews due, and warnings.
fn upcoming(
    out: &mut dyn Write,
    scheduler: &Scheduler,
    settings: &crate::settings::Settings,
    p: &Plan,
    in_scope: &[&CardSchedule],
    today: StudyDay,
) -> Result<()> {
    let exam = ExamTarget { day: p.exam_day, target: p.target };
    let days_left = p.exam_day.0 - today.0;
    let new = in_scope.iter().filter(|s| s.state == State::New).count();
    let studied: Vec<&CardSchedule> = in_scope.iter().copied().filter(|s| s.state != State::New).collect();
    let above = studied.iter().filter(|s| predicted_at_target(scheduler, s, exam, today)).count();
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
    // As the review session counts it: the new cards spread over the days left but three.
    let quota = crate::scheduler::plan::exam_new_cards_per_day(new as u32, today, p.exam_day);
    let target = percent(p.target);
    let line = tr!(
        "plan-exam-ahead",
        date = day_text(p.exam_day),
        days = days_left,
        target = target.clone(),
        scope = scope(p)
    );
    writeln!(out, "{line}")?;
    let line = tr!("plan-scope", total = in_scope.len(), studied = studied.len(), new = new);
    writeln!(out, "  {line}")?;
    if !studied.is_empty() {
        let line = tr!(
            "plan-predicted",
            target = target.clone(),
            above = above,
            studied = studied.len(),
            share = percent(above as f32 / studied.len() as f32)
        );
        writeln!(out, "  {line}")?;
    }
    if new > 0 {
        let per_day = quota.max(settings.new_per_day).max(1);
        let done_by = StudyDay(today.0 + (new as u32).div_ceil(per_day) as i32 - 1);
        let date = day_text(done_by);
        let line = if quota > settings.new_per_day {
            tr!("plan-new-raised", per_day = per_day, date = date, limit = settings.new_per_day)
        } else {
            tr!("plan-new-limit", per_day = per_day, quota = quota, date = date)
        };
        writeln!(out, "  {line}")?;
    }
    if workload.iter().all(|&n| n == 0) {
        writeln!(out, "  {}", tr!("plan-no-reviews-due", days = shown_days))?;
    } else {
        writeln!(out, "  {}", tr!("plan-reviews-due", days = shown_days))?;
        for line in crate::ui::stats::bar_chart(&workload) {
            writeln!(out, "  {line}")?;
        }
    }
    if above < studied.len() {
        writeln!(out, "  {}", tr!("plan-warn-below", n = studied.len() - above, target = target))?;
    }
    if days_left <= crate::scheduler::plan::NEW_CARDS_DONE_DAYS_BEFORE_EXAM && new > 0 {
        writeln!(out, "  {}", tr!("plan-warn-too-late", new = new, days = days_left))?;
    } else if quota > settings.new_per_day.max(1) * 3 {
        writeln!(out, "  {}", tr!("plan-warn-heavy", quota = quota))?;
    }
    let peak = workload.iter().copied().max().unwrap_or(0) + quota as usize;
    if peak > settings.reviews_per_day as usize {
        writeln!(out, "  {}", tr!("plan-warn-peak", peak = peak, limit = settings.reviews_per_day))?;
    }
    Ok(())
}

/// Whether a studied card is predicted at or above the target on the exam day, its reviews
/// scheduled before the exam answered good: a review due before the exam (and not buried past
/// it) inside the card's window counts as reaching the target.
fn predicted_at_target(scheduler: &Scheduler, s: &CardSchedule, exam: ExamTarget, today: StudyDay) -> bool {
    let (Some(stability), Some(difficulty), Some(last)) = (s.stability, s.difficulty, s.last_review_day) else {
        return false;
    };
    // A card buried by hand is shown on the day it comes back, not before.
    let shown_from = s.buried_until_day.filter(|&d| d > today);
    let review_day = s.due_day.filter(|_| s.state == State::Review).map(|d| shown_from.map_or(d, |b| b.max(d)));
    let r = match review_day.filter(|&d| d < exam.day) {
        Some(day) => {
            let memory = fsrs::MemoryState { stability, difficulty };
            if scheduler.exam_window(memory, last, StudyDay(day.0 - 1), exam).contains(&day) {
                exam.target
            } else {
                scheduler.retrievability_on(stability, last, exam.day)
            }
        }
        None => scheduler.retrievability_on(stability, last, exam.day),
    };
    r >= exam.target
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_buried_past_the_exam_is_not_counted_as_reviewed() {
        let scheduler = Scheduler::new(crate::settings::Settings::default(), None).unwrap();
        let exam = ExamTarget { day: StudyDay(1030), target: 0.9 };
        let eve = StudyDay(1029);
        // S = 20 days, last reviewed on day 1005, due on the eve: unreviewed, R on the exam day
        // is below 0.9; a good answer on the eve keeps it above.
        let card = CardSchedule {
            state: State::Review,
            stability: Some(20.0),
            difficulty: Some(5.0),
            last_review_day: Some(StudyDay(1005)),
            due_day: Some(eve),
            ..CardSchedule::default()
        };
        assert!(scheduler.retrievability_on(20.0, StudyDay(1005), exam.day) < 0.9);
        assert!(predicted_at_target(&scheduler, &card, exam, eve));
        // Buried on the eve until the exam day (by hand, or as a sibling): it will not be
        // reviewed before the exam, so it is counted below the target.
        let buried = CardSchedule { buried_until_day: Some(exam.day), ..card.clone() };
        assert!(!predicted_at_target(&scheduler, &buried, exam, eve));
        // Buried only until the eve (yesterday's bury): still reviewed in time.
        let yesterday = CardSchedule { buried_until_day: Some(eve), ..card };
        assert!(predicted_at_target(&scheduler, &yesterday, exam, eve));
    }
}
