//! Coming back to a backlog (pure): how far behind the learner is, the order that loses the
//! least recall, and `postpone` / `advance` (N cards, as the FSRS Helper add-on does).
//!
//! Order in a backlog: **relative overdueness**, the study days since the last review divided by
//! the stability, highest first. Every card shares the decay of the parameters in use, so this is
//! exactly Anki's "retrievability ascending": the cards most likely forgotten come first. We
//! choose it over "retrievability descending" because a card that slips from "probably
//! remembered" to "forgotten" costs a lapse (its stability falls back and it goes through
//! relearning), and the lowest-R cards are the ones nearest that edge; cards still well
//! remembered lose little by waiting a few days.

use super::{CardSchedule, Scheduler, State, StudyDay};

/// A backlog: more reviews due than the day's limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backlog {
    /// Review cards due before today.
    pub overdue: usize,
    /// Review cards due today.
    pub due_today: usize,
    /// Reviews a day at the learner's pace.
    pub pace: u32,
    /// Study days until no review is overdue at that pace (today counted); None when the pace
    /// does not keep up with the reviews that fall due each day.
    pub days_to_clear: Option<u32>,
}

/// The backlog when `overdue + due_today` exceeds `limit` (the reviews left today), else None.
/// `pace` is reviews per day; `incoming_per_day` the reviews that fall due each coming day.
/// Days to clear: the least k with overdue + due_today − k·pace + (k − 1)·incoming ≤ 0.
pub fn backlog(overdue: usize, due_today: usize, limit: u32, pace: u32, incoming_per_day: f64) -> Option<Backlog> {
    let total = (overdue + due_today) as f64;
    if overdue + due_today <= limit as usize {
        return None;
    }
    let gain = pace as f64 - incoming_per_day;
    let days_to_clear = (gain > 0.0).then(|| ((total - incoming_per_day) / gain).ceil().max(1.0) as u32);
    Some(Backlog { overdue, due_today, pace, days_to_clear })
}

/// Relative overdueness of a review card on `today`: study days since its last review over its
/// stability (0 when unknown). Higher means lower retrievability.
pub fn overdueness(s: &CardSchedule, today: StudyDay) -> f32 {
    match (s.stability, s.last_review_day) {
        (Some(stability), Some(last)) if stability > 0.0 => today.days_since(last) as f32 / stability,
        _ => 0.0,
    }
}

/// One card moved by `postpone` or `advance`: its index in the caller's list, its new due day,
/// and its predicted recall on the day it would have been reviewed and on the new day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moved {
    pub index: usize,
    pub due: StudyDay,
    pub recall_before: f32,
    pub recall_after: f32,
}

impl Scheduler {
    /// Postpones `n` of the review cards due by `today`: those that lose the least recall by
    /// waiting (least relatively overdue) first, each to today + a tenth of its interval (at least
    /// a day, at most `max_interval_days` after its last review). Recall before = on today.
    pub fn postpone(&self, cards: &[CardSchedule], n: usize, today: StudyDay) -> Vec<Moved> {
        let mut due: Vec<usize> = (0..cards.len())
            .filter(|&i| is_review(&cards[i]) && cards[i].due_day.is_some_and(|d| d <= today))
            .collect();
        due.sort_by(|&a, &b| overdueness(&cards[a], today).total_cmp(&overdueness(&cards[b], today)).then(a.cmp(&b)));
        due.into_iter()
            .take(n)
            .filter_map(|i| {
                let s = &cards[i];
                let (stability, last, scheduled) = (s.stability?, s.last_review_day?, s.due_day?);
                let interval = scheduled.days_since(last).max(1);
                let delay = ((interval as f32 * 0.1).round() as u32).max(1);
                let latest = last.plus(self.settings.max_interval_days);
                let new_due = today.plus(delay).min(latest).max(today.plus(1));
                Some(Moved {
                    index: i,
                    due: new_due,
                    recall_before: self.retrievability_on(stability, last, today),
                    recall_after: self.retrievability_on(stability, last, new_due),
                })
            })
            .collect()
    }

    /// Advances `n` of the review cards due after `today` to today: those nearest their due day
    /// relative to their interval (most relatively overdue) first, whose early review wastes the
    /// least. Recall before = on the day they were due; after = today (higher: the review comes
    /// early and strengthens the memory less).
    pub fn advance(&self, cards: &[CardSchedule], n: usize, today: StudyDay) -> Vec<Moved> {
        let mut ahead: Vec<usize> =
            (0..cards.len()).filter(|&i| is_review(&cards[i]) && cards[i].due_day.is_some_and(|d| d > today)).collect();
        ahead.sort_by(|&a, &b| overdueness(&cards[b], today).total_cmp(&overdueness(&cards[a], today)).then(a.cmp(&b)));
        ahead
            .into_iter()
            .take(n)
            .filter_map(|i| {
                let s = &cards[i];
                let (stability, last, due) = (s.stability?, s.last_review_day?, s.due_day?);
                Some(Moved {
                    index: i,
                    due: today,
                    recall_before: self.retrievability_on(stability, last, due),
                    recall_after: self.retrievability_on(stability, last, today),
                })
            })
            .collect()
    }
}

fn is_review(s: &CardSchedule) -> bool {
    s.state == State::Review && !s.suspended && s.stability.is_some() && s.last_review_day.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn days_to_clear_by_hand() {
        // 450 overdue + 50 today, 200 a day, 50 falling due a day: 300 left after day 1, 150 after
        // day 2, none after day 3.
        let b = backlog(450, 50, 200, 200, 50.0).unwrap();
        assert_eq!(b.days_to_clear, Some(3));
        assert_eq!((b.overdue, b.due_today), (450, 50));
        // Under the limit: no backlog. A pace that does not keep up: no end date.
        assert_eq!(backlog(150, 50, 200, 200, 50.0), None);
        assert_eq!(backlog(450, 50, 200, 40, 50.0).unwrap().days_to_clear, None);
        // 250 due, 200 a day, nothing new: two days.
        assert_eq!(backlog(200, 50, 200, 200, 0.0).unwrap().days_to_clear, Some(2));
    }

    fn review(stability: f32, last: i32, due: i32) -> CardSchedule {
        CardSchedule {
            state: State::Review,
            stability: Some(stability),
            difficulty: Some(5.0),
            last_review_day: Some(StudyDay(last)),
            due_day: Some(StudyDay(due)),
            ..CardSchedule::default()
        }
    }

    #[test]
    fn overdueness_orders_by_retrievability_ascending() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let today = StudyDay(100);
        let cards = [review(10.0, 80, 90), review(40.0, 40, 80), review(5.0, 95, 99)];
        let mut by_overdue: Vec<usize> = (0..3).collect();
        by_overdue.sort_by(|&a, &b| overdueness(&cards[b], today).total_cmp(&overdueness(&cards[a], today)));
        let mut by_r: Vec<usize> = (0..3).collect();
        let r = |i: usize| s.retrievability(&cards[i], today).unwrap();
        by_r.sort_by(|&a, &b| r(a).total_cmp(&r(b)));
        assert_eq!(by_overdue, by_r);
        assert_eq!(by_overdue, vec![0, 1, 2]); // 20/10 = 2, 60/40 = 1.5, 5/5 = 1
    }

    #[test]
    fn postpone_takes_the_least_overdue_and_advance_the_nearest() {
        let s = Scheduler::new(Settings::default(), None).unwrap();
        let today = StudyDay(100);
        let cards = [
            review(10.0, 80, 90),  // 0: due, 20/10 overdue
            review(100.0, 0, 100), // 1: due today, 100/100
            review(30.0, 90, 120), // 2: not due, 10/30
            review(20.0, 90, 105), // 3: not due, 10/20
            review(50.0, 95, 140), // 4: not due, 5/50
        ];
        let p = s.postpone(&cards, 1, today);
        assert_eq!(p.len(), 1);
        // Card 1 (interval 100 days): moved by 10 days; its recall falls from R(100) to R(110).
        assert_eq!((p[0].index, p[0].due), (1, StudyDay(110)));
        assert!(p[0].recall_after < p[0].recall_before);
        assert_eq!(p[0].recall_before, s.retrievability_on(100.0, StudyDay(0), today));
        let a = s.advance(&cards, 2, today);
        assert_eq!(a.iter().map(|m| m.index).collect::<Vec<_>>(), vec![3, 2]);
        assert!(a.iter().all(|m| m.due == today && m.recall_after > m.recall_before));
        assert_eq!(s.postpone(&cards, 10, today).len(), 2, "only the due cards");
    }
}
