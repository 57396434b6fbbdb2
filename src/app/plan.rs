//! Recording an exam plan: the plan and the reviews it moves into their windows before the
//! exam, saved in one transaction (all or nothing).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::scheduler::plan::ExamTarget;
use crate::scheduler::{CardSchedule, DayClock, Scheduler, State, StudyDay};
use crate::store::{CardMove, LearnerId, Plan, ReviewRowTime, Storage};
use crate::Result;

/// What recording a plan did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanRecorded {
    /// The plan's id (`kioku plan --remove ID`).
    pub id: i64,
    /// Reviews due after the exam moved into their window before it (logged as manual rows).
    pub moved: usize,
    /// Whether a plan for the same exam (day and scope) was there already and was updated
    /// (its target), rather than a second one added.
    pub updated: bool,
}

/// Records `plan` (its id is assigned; a plan for the same exam day and scope is updated
/// instead of a second one added) and moves the reviews of the cards it covers that would
/// cross the exam into each card's window (its least loaded day, three days before the exam at the
/// latest, as `Scheduler::fit_to_exam` decides), in one transaction. Later answers are placed as
/// they are given. `plan.exam_day` must be after today (checked by the caller, which knows
/// how the date was written).
pub fn record_plan(
    store: &mut dyn Storage,
    learner: LearnerId,
    scheduler: &Scheduler,
    days: &DayClock,
    plan: &Plan,
    now: DateTime<Utc>,
) -> Result<PlanRecorded> {
    let today = days.study_day(now);
    let exam = ExamTarget { day: plan.exam_day, target: plan.target };
    let all = store.cards_in_decks(learner)?;
    let mut load: HashMap<StudyDay, usize> = HashMap::new();
    for s in all.iter().map(|c| &c.schedule) {
        if let (State::Review, Some(d)) = (s.state, s.due_day) {
            *load.entry(d).or_default() += 1;
        }
    }
    let mut moves: Vec<(i64, String, CardSchedule, CardSchedule)> = Vec::new();
    for card in all.into_iter().filter(|c| plan.covers(&c.deck, &c.tags)) {
        let schedule = card.schedule;
        let Some(fitted) = scheduler.fit_to_exam(&schedule, today, exam, &|d| load.get(&d).copied().unwrap_or(0))
        else {
            continue;
        };
        let due = fitted.due_day.unwrap_or(today);
        if let Some(old) = schedule.due_day {
            load.entry(old).and_modify(|n| *n = n.saturating_sub(1));
        }
        *load.entry(due).or_default() += 1;
        let after = CardSchedule { due_at_ms: Some(days.day_start(due).timestamp_millis()), ..fitted };
        moves.push((card.id, card.key, schedule, after));
    }
    let batch: Vec<CardMove> =
        moves.iter().map(|(id, key, before, after)| (*id, key.as_str(), before, after)).collect();
    // The same exam recorded again (its date written another way, a new target) updates it.
    let existing = store.plans(learner)?.into_iter().find(|p| p.same_exam(plan)).map(|p| p.id);
    let plan = Plan { id: existing.unwrap_or(0), ..plan.clone() };
    let id = store.add_plan_with_moves(learner, &plan, &batch, ReviewRowTime::new(now, days))?;
    Ok(PlanRecorded { id, moved: moves.len(), updated: existing.is_some() })
}
