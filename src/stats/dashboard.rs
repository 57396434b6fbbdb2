//! The class dashboard's figures (pure): who studied today and this week, and each student's
//! predicted recall of the assignment on the exam date. "Today" and "this week" are study days
//! of the class's clock (its time zone and rollover hour), whatever the students' own zones.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::scheduler::{DayClock, StudyDay};

/// Days in "this week": the study day of today and the six before it (a rolling week, so a
/// Monday morning still shows last week's work).
pub const WEEK_DAYS: u32 = 7;

/// A student's answers on one study day (review, cram and exam; manual rows are not study),
/// as the store sums them: the day is the one recorded with each answer, by the class's clock.
#[derive(Clone, Copy, Debug)]
pub struct Activity {
    pub student: i64,
    pub day: StudyDay,
    pub answers: usize,
    /// Time spent answering, summed.
    pub duration_ms: i64,
}

/// One student's figures at `now`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StudentActivity {
    #[serde(skip)]
    pub student: i64,
    pub reviews_today: usize,
    pub time_today_secs: i64,
    /// Study days with an answer among the week's `WEEK_DAYS`.
    pub days_this_week: usize,
    pub reviews_this_week: usize,
    pub time_this_week_secs: i64,
    /// Consecutive study days with an answer, ending today (or yesterday: a streak is not
    /// broken before the day is over).
    pub streak_days: u32,
    /// Since the first answer: study days with an answer, answers, time answering.
    pub days_studied: usize,
    pub reviews: usize,
    pub time_secs: i64,
    /// The latest study day with an answer.
    #[serde(skip)]
    pub last_study_day: Option<StudyDay>,
}

/// The figures of each of `students` (in that order; a student without answers gets zeros)
/// from `rows` (any order); today is the study day of `now` by `days`.
pub fn activity(students: &[i64], rows: &[Activity], days: &DayClock, now: DateTime<Utc>) -> Vec<StudentActivity> {
    let today = days.study_day(now);
    let week_start = StudyDay(today.0 - (WEEK_DAYS as i32 - 1));
    students
        .iter()
        .map(|&student| {
            let mut figures = StudentActivity { student, ..StudentActivity::default() };
            let mut study_days = Vec::new();
            let (mut ms_today, mut ms_week, mut ms_all) = (0i64, 0i64, 0i64);
            for row in rows.iter().filter(|r| r.student == student && r.answers > 0) {
                let (day, n, ms) = (row.day, row.answers, row.duration_ms.max(0));
                study_days.push(day);
                figures.reviews += n;
                ms_all += ms;
                if day == today {
                    figures.reviews_today += n;
                    ms_today += ms;
                }
                if day >= week_start && day <= today {
                    figures.reviews_this_week += n;
                    ms_week += ms;
                }
            }
            study_days.sort();
            study_days.dedup();
            figures.days_this_week = study_days.iter().filter(|&&d| d >= week_start && d <= today).count();
            figures.days_studied = study_days.len();
            figures.last_study_day = study_days.last().copied();
            figures.streak_days = super::streak(&study_days, today);
            (figures.time_today_secs, figures.time_this_week_secs, figures.time_secs) =
                (ms_today / 1000, ms_week / 1000, ms_all / 1000);
            figures
        })
        .collect()
}

/// A student's predicted recall of an assignment on `exam_day`: the mean over its cards of the
/// retrievability on that day (FSRS-6 forgetting curve with `decay`, the student's parameter
/// 20) from each card's stability (days) and last review day; a card never studied (None)
/// counts 0, as it cannot be recalled. It is the share of the assignment the student is
/// expected to remember then. None for an assignment without cards.
pub fn predicted_recall(memories: &[Option<(f32, StudyDay)>], exam_day: StudyDay, decay: f32) -> Option<f64> {
    if memories.is_empty() {
        return None;
    }
    let sum: f64 = memories
        .iter()
        .map(|m| match *m {
            Some((stability, last)) => {
                let memory = fsrs::MemoryState { stability, difficulty: 5.0 };
                let elapsed = if exam_day > last { exam_day.days_since(last) } else { 0 };
                fsrs::current_retrievability(memory, elapsed as f32, decay) as f64
            }
            None => 0.0,
        })
        .sum();
    Some(sum / memories.len() as f64)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Asia::Tokyo;

    use super::*;

    #[test]
    fn today_and_this_week_follow_the_class_clock() {
        // Tokyo, rollover 04:00. At 2025-06-10 03:00 JST the study day is still the 9th.
        let days = DayClock::new(Tokyo, 4);
        let at = |d: u32, h: u32| Tokyo.with_ymd_and_hms(2025, 6, d, h, 0, 0).unwrap().with_timezone(&Utc);
        let day = |d: u32| StudyDay::from_date(chrono::NaiveDate::from_ymd_opt(2025, 6, d).unwrap());
        assert_eq!(days.study_day(at(10, 3)), day(9));
        let now = at(10, 9);
        let row = |student, d, answers, secs: i64| Activity { student, day: day(d), answers, duration_ms: secs * 1000 };
        let rows = vec![
            row(1, 10, 1, 10), // today
            row(1, 9, 2, 50),  // the 9th
            row(1, 8, 1, 40),  // the 8th
            row(1, 4, 1, 50),  // the 4th: in the week (4th–10th)
            row(1, 3, 1, 60),  // the 3rd: before the week
            row(2, 9, 1, 5),   // student 2: yesterday only
            row(9, 10, 1, 99), // not a listed student
            row(3, 10, 0, 0),  // no answers: no study
        ];
        let figures = activity(&[1, 2, 3], &rows, &days, now);
        let figures_before_rollover = activity(&[1], &rows, &days, at(10, 3));
        assert_eq!(figures_before_rollover[0].reviews_today, 2, "before 04:00 today is the 9th");
        let one = &figures[0];
        assert_eq!((one.reviews_today, one.time_today_secs), (1, 10));
        // Week: the 10th, 9th (two answers), 8th and 4th: 4 days, 5 answers, 150 s.
        assert_eq!((one.days_this_week, one.reviews_this_week, one.time_this_week_secs), (4, 5, 150));
        // 10th, 9th, 8th in a row; the 7th is missing.
        assert_eq!(one.streak_days, 3);
        assert_eq!((one.days_studied, one.reviews, one.time_secs), (5, 6, 210));
        assert_eq!(one.last_study_day, Some(day(10)));
        let two = &figures[1];
        assert_eq!((two.reviews_today, two.days_this_week, two.streak_days), (0, 1, 1), "yesterday keeps the streak");
        assert_eq!(figures[2], StudentActivity { student: 3, ..StudentActivity::default() });
    }

    #[test]
    fn predicted_recall_is_the_mean_over_the_assignment() {
        let decay = fsrs::DEFAULT_PARAMETERS[20];
        let exam = StudyDay(100);
        // Stability is the days until R falls to 90 %: S = 10 reviewed 10 days before → 0.9;
        // reviewed on the exam day → 1; never studied → 0. Mean (0.9 + 1 + 0) / 3.
        let memories = [Some((10.0, StudyDay(90))), Some((3.0, StudyDay(100))), None];
        let r = predicted_recall(&memories, exam, decay).unwrap();
        assert!((r - 1.9 / 3.0).abs() < 1e-6, "{r}");
        assert_eq!(predicted_recall(&[], exam, decay), None);
        assert_eq!(predicted_recall(&[None, None], exam, decay), Some(0.0));
    }
}
