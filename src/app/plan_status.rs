//! Where each exam plan stands (what `kioku plan` prints and the web's plan page shows), as
//! data: the cards in scope, the prediction for the exam day, the new cards a day, the reviews
//! due until then, and what to warn about. The words come from each front end.

use crate::scheduler::plan::{exam_new_cards_per_day, ExamTarget, NEW_CARDS_DONE_DAYS_BEFORE_EXAM};
use crate::scheduler::{CardSchedule, Scheduler, State, StudyDay};
use crate::settings::Settings;
use crate::store::{LearnerId, Plan, Storage};
use crate::Result;

/// One plan that is not past, with its figures.
#[derive(Clone, Debug)]
pub struct PlanStatus {
    pub plan: Plan,
    /// Unsuspended cards in scope, and how many of them are new.
    pub total: usize,
    pub new: usize,
    pub figures: Figures,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Figures {
    /// The exam is today: cards at or above the target now.
    ExamDay { above: usize },
    /// The exam is ahead.
    Ahead(Ahead),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ahead {
    pub days_left: i32,
    /// Studied cards predicted at or above the target on the exam day, their reviews answered
    /// good.
    pub above: usize,
    /// New cards a day: what the plan needs (`quota`) and what will be shown (`per_day`, the
    /// quota or the `new_per_day` setting, whichever is larger), and the last day of new cards.
    pub quota: u32,
    pub per_day: u32,
    pub new_done_by: Option<StudyDay>,
    /// Reviews due on each of the next days (at most 30, the exam's eve at the latest).
    pub workload: Vec<usize>,
    /// New cards left with too few days to learn them.
    pub too_late: bool,
    /// The quota is more than three times the daily new-card limit.
    pub heavy: bool,
    /// The busiest day's cards when that is above `reviews_per_day`.
    pub peak_over_limit: Option<usize>,
}

/// Every plan whose exam is today or ahead (the exam day itself shows its final figures).
pub fn plan_statuses(
    store: &dyn Storage,
    learner: LearnerId,
    scheduler: &Scheduler,
    settings: &Settings,
    today: StudyDay,
) -> Result<Vec<PlanStatus>> {
    let cards = store.cards_in_decks(learner)?;
    let plans = store.plans(learner)?.into_iter().filter(|p| p.exam_day >= today);
    Ok(plans
        .map(|plan| {
            let in_scope: Vec<&CardSchedule> = cards
                .iter()
                .filter(|c| plan.covers(&c.deck, &c.tags))
                .map(|c| &c.schedule)
                .filter(|s| !s.suspended)
                .collect();
            let new = in_scope.iter().filter(|s| s.state == State::New).count();
            let figures = if plan.exam_day == today {
                let above = in_scope
                    .iter()
                    .filter(|s| scheduler.retrievability(s, today).is_some_and(|r| r >= plan.target))
                    .count();
                Figures::ExamDay { above }
            } else {
                Figures::Ahead(ahead(scheduler, settings, &plan, &in_scope, new, today))
            };
            PlanStatus { total: in_scope.len(), new, figures, plan }
        })
        .collect())
}

fn ahead(
    scheduler: &Scheduler,
    settings: &Settings,
    p: &Plan,
    in_scope: &[&CardSchedule],
    new: usize,
    today: StudyDay,
) -> Ahead {
    let exam = ExamTarget { day: p.exam_day, target: p.target };
    let days_left = p.exam_day.0 - today.0;
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
    let quota = exam_new_cards_per_day(new as u32, today, p.exam_day);
    let per_day = quota.max(settings.new_per_day).max(1);
    let new_done_by = (new > 0).then(|| StudyDay(today.0 + (new as u32).div_ceil(per_day) as i32 - 1));
    let too_late = days_left <= NEW_CARDS_DONE_DAYS_BEFORE_EXAM && new > 0;
    let heavy = !too_late && quota > settings.new_per_day.max(1) * 3;
    let peak = workload.iter().copied().max().unwrap_or(0) + quota as usize;
    Ahead {
        days_left,
        above,
        quota,
        per_day,
        new_done_by,
        workload,
        too_late,
        heavy,
        peak_over_limit: (peak > settings.reviews_per_day as usize).then_some(peak),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_buried_past_the_exam_is_not_counted_as_reviewed() {
        let scheduler = Scheduler::new(Settings::default(), None).unwrap();
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
