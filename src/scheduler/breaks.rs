//! Breaks (pure): study days the learner will be away (`kioku break FROM TO`). No new cards
//! during a break; a review that would fall in one goes after it when the card's predicted recall
//! on the day back stays within `BREAK_RECALL_MARGIN` of the desired retention (spread over the
//! least loaded days of the week back while it still does), otherwise before
//! it, on the latest study day that still has room under `reviews_per_day`. Cards with the most
//! stability lose the least by waiting, so they are the ones that go after.

use super::{CardSchedule, Scheduler, State, StudyDay};

/// How far below the desired retention a card's predicted recall on the first day after a break
/// may fall for its review to wait until then (0.05: at 90 % desired, 85 % on the day back).
pub const BREAK_RECALL_MARGIN: f32 = 0.05;

/// Days after a break over which the reviews that wait for it are spread (each on the least
/// loaded one where its recall is still above the floor).
pub const AFTER_SPREAD_DAYS: u32 = 7;

/// Study days the learner is away, first to last inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Break {
    pub id: i64,
    pub first: StudyDay,
    pub last: StudyDay,
}

impl Break {
    pub fn contains(&self, day: StudyDay) -> bool {
        (self.first..=self.last).contains(&day)
    }
}

/// Whether `day` falls in any of `breaks`.
pub fn in_break(breaks: &[Break], day: StudyDay) -> bool {
    breaks.iter().any(|b| b.contains(day))
}

/// The first study day from `day` on that is in no break.
pub fn next_free_day(breaks: &[Break], mut day: StudyDay) -> StudyDay {
    while let Some(b) = breaks.iter().find(|b| b.contains(day)) {
        day = b.last.plus(1);
    }
    day
}

impl Scheduler {
    /// Where the review of a card of `stability` days, last reviewed on `last`, goes when `due`
    /// falls in a break: `due` itself when it does not; after the break when its predicted recall
    /// on the day back is at least desired retention − `BREAK_RECALL_MARGIN`; otherwise the latest
    /// study day after `today` and before the break that is free and under `reviews_per_day`
    /// (`loads`); after the break when there is none.
    pub fn around_breaks(
        &self,
        stability: f32,
        last: StudyDay,
        due: StudyDay,
        today: StudyDay,
        breaks: &[Break],
        loads: &dyn Fn(StudyDay) -> usize,
    ) -> StudyDay {
        let Some(b) = breaks.iter().find(|b| b.contains(due)) else {
            return due;
        };
        let back = next_free_day(breaks, b.last.plus(1));
        let floor = self.settings.desired_retention - BREAK_RECALL_MARGIN;
        if self.retrievability_on(stability, last, back) >= floor {
            // The week back, not only its first day: the least loaded day on which recall is
            // still above the floor (the earliest of equals), so the return is not one heap.
            let mut best = (loads(back), back);
            for k in 1..AFTER_SPREAD_DAYS {
                let d = back.plus(k);
                if in_break(breaks, d) || self.retrievability_on(stability, last, d) < floor {
                    break;
                }
                best = best.min((loads(d), d));
            }
            return best.1;
        }
        let limit = self.settings.reviews_per_day as usize;
        let mut d = StudyDay(b.first.0 - 1);
        while d > today {
            if !in_break(breaks, d) && loads(d) < limit {
                return d;
            }
            d = StudyDay(d.0 - 1);
        }
        back
    }

    /// New due days for the review cards due in break `b` (given as (id, schedule)), when the
    /// break is recorded on `today`: the most stable cards first go after it, then the rest
    /// before it, least stable first, under the daily limit. `loads` holds the reviews due per
    /// day and is updated as cards move. Returns (id, new due day) for every card that moves.
    pub fn plan_break(
        &self,
        cards: &[(i64, CardSchedule)],
        b: &Break,
        breaks: &[Break],
        today: StudyDay,
        loads: &mut std::collections::HashMap<StudyDay, usize>,
    ) -> Vec<(i64, StudyDay)> {
        let mut due_in: Vec<(i64, f32, StudyDay, StudyDay)> = cards
            .iter()
            .filter(|(_, s)| s.state == State::Review)
            .filter_map(|(id, s)| {
                let due = s.due_day.filter(|&d| b.contains(d) && d > today)?;
                Some((*id, s.stability?, s.last_review_day.unwrap_or(today), due))
            })
            .collect();
        // Most stable first among those that may wait; the others claim room before the break,
        // least stable (most at risk) first.
        due_in.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let floor = self.settings.desired_retention - BREAK_RECALL_MARGIN;
        let back = next_free_day(breaks, b.last.plus(1));
        let (wait, early): (Vec<_>, Vec<_>) =
            due_in.into_iter().partition(|&(_, s, last, _)| self.retrievability_on(s, last, back) >= floor);
        let mut moves = Vec::new();
        for &(id, stability, last, due) in wait.iter().chain(early.iter().rev()) {
            let day = {
                let view = |d: StudyDay| loads.get(&d).copied().unwrap_or(0);
                self.around_breaks(stability, last, due, today, breaks, &view)
            };
            if let Some(n) = loads.get_mut(&due) {
                *n = n.saturating_sub(1);
            }
            *loads.entry(day).or_default() += 1;
            moves.push((id, day));
        }
        moves
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::settings::Settings;

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
    fn a_review_in_a_break_goes_after_it_or_before_it() {
        let s = Scheduler::new(Settings { reviews_per_day: 2, ..Settings::default() }, None).unwrap();
        let b = Break { id: 1, first: StudyDay(110), last: StudyDay(123) };
        let today = StudyDay(100);
        // S = 300 days, last reviewed on day 0: on day 124 R ≈ 0.93 ≥ 0.85, so it waits.
        assert!(s.retrievability_on(300.0, StudyDay(0), StudyDay(124)) >= 0.85);
        assert_eq!(s.around_breaks(300.0, StudyDay(0), StudyDay(115), today, &[b], &|_| 0), StudyDay(124));
        // S = 12 days, reviewed on day 100 (due on 112): R on day 124 < 0.85, so it goes on the
        // eve of the break, or the latest day with room.
        assert!(s.retrievability_on(12.0, today, StudyDay(124)) < 0.85);
        assert_eq!(s.around_breaks(12.0, today, StudyDay(112), today, &[b], &|_| 0), StudyDay(109));
        let full_eve = |d: StudyDay| if d.0 >= 108 { 2 } else { 0 };
        assert_eq!(s.around_breaks(12.0, today, StudyDay(112), today, &[b], &full_eve), StudyDay(107));
        // No room at all before it: after it.
        assert_eq!(s.around_breaks(12.0, today, StudyDay(112), today, &[b], &|_| 2), StudyDay(124));
        // Waiting cards spread over the week back: day 124 is full, 125 empty.
        let heavy_back = |d: StudyDay| if d.0 == 124 { 5 } else { 0 };
        assert_eq!(s.around_breaks(300.0, StudyDay(0), StudyDay(115), today, &[b], &heavy_back), StudyDay(125));
        // Not in the break: unchanged.
        assert_eq!(s.around_breaks(12.0, today, StudyDay(130), today, &[b], &|_| 0), StudyDay(130));
        // Two breaks back to back: the day back is after both.
        let b2 = Break { id: 2, first: StudyDay(124), last: StudyDay(125) };
        assert_eq!(s.around_breaks(300.0, StudyDay(0), StudyDay(115), today, &[b, b2], &|_| 0), StudyDay(126));
    }

    #[test]
    fn recording_a_break_moves_its_reviews_under_the_limit() {
        let s = Scheduler::new(Settings { reviews_per_day: 2, ..Settings::default() }, None).unwrap();
        let b = Break { id: 1, first: StudyDay(110), last: StudyDay(123) };
        let today = StudyDay(100);
        let cards = vec![
            (1, review(300.0, 0, 111)), // waits
            (2, review(12.0, 100, 112)),
            (3, review(10.0, 100, 110)),
            (4, review(11.0, 100, 113)),
            (5, review(12.0, 100, 140)), // not in the break
        ];
        let mut loads: HashMap<StudyDay, usize> = HashMap::from([(StudyDay(109), 1)]);
        let moves = s.plan_break(&cards, &b, &[b], today, &mut loads);
        let day_of = |id| moves.iter().find(|m| m.0 == id).map(|m| m.1);
        assert_eq!(day_of(1), Some(StudyDay(124)));
        assert_eq!(day_of(5), None);
        // Least stable first: card 3 (S 10) takes the last place on the eve, then 4 and 2 the day before.
        assert_eq!(day_of(3), Some(StudyDay(109)));
        assert_eq!(day_of(4), Some(StudyDay(108)));
        assert_eq!(day_of(2), Some(StudyDay(108)));
        assert!(loads.iter().filter(|(d, _)| d.0 < 110).all(|(_, &n)| n <= 2), "{loads:?}");
    }
}
