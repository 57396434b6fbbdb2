//! The teacher's use cases on a class (issue 16): the assignment that becomes every student's
//! plan, the dashboard (who studied today and this week, progress toward the assignment), the
//! item analysis, one student's page and the grading export. The same for the command line and
//! the web: the figures are data (`stats::dashboard`, `stats::items`) assembled here from the
//! rows storage reads over every student ([`ClassRows`]); the words are the drivers'.

mod grading;
mod pseudonym;
#[cfg(test)]
mod tests;

pub use grading::grading_csv;
pub use pseudonym::{pseudonym_key, PseudonymKey, PSEUDONYM_KEY_FILE};

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::deck::{Card, Judge};
use crate::scheduler::{DayClock, StudyDay};
use crate::stats::dashboard::{self, Activity, StudentActivity};
use crate::stats::items::{self, ItemAnalysis, ItemAnswer, ItemCard};
use crate::store::Plan;

/// Study days listed on one student's page, today included.
pub const STUDENT_PAGE_DAYS: u32 = 14;

/// A student of the class as the roster has them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Student {
    /// The student's learner id in the class database.
    pub learner: i64,
    /// 学籍番号.
    pub id: String,
    /// 氏名.
    pub name: String,
    /// クラス (may be empty).
    pub group: String,
    /// False once removed from the class (`class remove-student`): kept in the figures so the
    /// teacher's records stay whole, marked on the pages.
    pub active: bool,
}

/// A student's memory of one card: stability (days) and the study day of the last review.
#[derive(Clone, Debug, PartialEq)]
pub struct CardMemory {
    pub learner: i64,
    pub card_key: String,
    pub stability: f32,
    pub last_review_day: StudyDay,
}

/// One mock exam a student took.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExamTaken {
    #[serde(skip)]
    pub learner: i64,
    /// When it ended, UTC milliseconds.
    pub taken_at_ms: i64,
    /// Right answers.
    pub score: u32,
    pub questions: u32,
}

impl ExamTaken {
    /// Right answers ÷ questions (0 for an exam without questions).
    pub fn share_right(&self) -> f64 {
        if self.questions == 0 {
            0.0
        } else {
            f64::from(self.score) / f64::from(self.questions)
        }
    }
}

/// What storage reads for the teacher, over every student: the roster, answers per study day,
/// memory states, each student's forgetting-curve decay (FSRS parameter 20, trained or the
/// default), mock exams and answers grouped for the item analysis. Grouped in SQL, so it grows
/// with students × cards or students × days, never with the length of the log.
#[derive(Clone, Debug, Default)]
pub struct ClassRows {
    pub students: Vec<Student>,
    pub activity: Vec<Activity>,
    pub memories: Vec<CardMemory>,
    /// Decay by learner; a student missing here has the default.
    pub decay: HashMap<i64, f32>,
    /// Oldest first.
    pub exams: Vec<ExamTaken>,
    pub answers: Vec<ItemAnswer>,
}

/// One student on the dashboard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudentProgress {
    #[serde(flatten)]
    pub student: Student,
    #[serde(flatten)]
    pub activity: StudentActivity,
    /// The date of the latest study day with an answer (YYYY-MM-DD).
    pub last_study_date: Option<String>,
    /// Predicted recall of the assignment's cards on its exam date (0–1); None without an
    /// assignment (or one without cards).
    pub predicted_recall: Option<f64>,
    /// Mock exams, oldest first.
    pub exams: Vec<ExamTaken>,
}

/// An assignment as shown: its decks, exam date, target and how many cards it holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssignmentView {
    pub id: i64,
    pub decks: Vec<String>,
    /// YYYY-MM-DD.
    pub exam_date: String,
    /// Recall wanted on the exam date, 0–1.
    pub target: f32,
    pub cards: usize,
}

/// The dashboard: the class's study day, the assignment measured against, every student.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassProgress {
    /// The class's study day now (YYYY-MM-DD), by its time zone and rollover hour.
    pub today: String,
    pub assignment: Option<AssignmentView>,
    pub students: Vec<StudentProgress>,
}

/// One study day on a student's page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayFigures {
    /// YYYY-MM-DD.
    pub date: String,
    pub reviews: usize,
    pub time_secs: i64,
}

/// One student's page: the dashboard's row, the last `STUDENT_PAGE_DAYS` study days (newest
/// first) and the student's own item analysis (their hardest cards first).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudentPage {
    pub progress: StudentProgress,
    pub assignment: Option<AssignmentView>,
    pub days: Vec<DayFigures>,
    pub items: ItemAnalysis,
}

/// The assignment the dashboard measures against: the nearest exam not yet past (today's
/// included), else the latest one.
pub fn current_assignment(assignments: &[Plan], today: StudyDay) -> Option<&Plan> {
    let upcoming = assignments.iter().filter(|p| p.exam_day >= today).min_by_key(|p| (p.exam_day, p.id));
    upcoming.or_else(|| assignments.iter().max_by_key(|p| (p.exam_day, p.id)))
}

/// The cards of `cards` that `plan` covers (all of them without a plan).
fn covered<'a>(cards: &'a [Card], plan: Option<&Plan>) -> Vec<&'a Card> {
    cards.iter().filter(|c| plan.is_none_or(|p| p.covers(&c.deck, &c.tags))).collect()
}

fn assignment_view(plan: &Plan, cards: &[Card]) -> AssignmentView {
    AssignmentView {
        id: plan.id,
        decks: plan.decks.clone(),
        exam_date: plan.exam_day.date().to_string(),
        target: plan.target,
        cards: covered(cards, Some(plan)).len(),
    }
}

/// Each student's predicted recall of `plan`'s cards on its exam day, by learner.
fn predicted_recall(rows: &ClassRows, cards: &[Card], plan: &Plan) -> HashMap<i64, f64> {
    let keys: Vec<&str> = covered(cards, Some(plan)).iter().map(|c| c.key.as_str()).collect();
    let mut memories: HashMap<i64, HashMap<&str, (f32, StudyDay)>> = HashMap::new();
    for m in &rows.memories {
        memories.entry(m.learner).or_default().insert(m.card_key.as_str(), (m.stability, m.last_review_day));
    }
    let mut out = HashMap::new();
    for s in &rows.students {
        let decay = rows.decay.get(&s.learner).copied().unwrap_or(fsrs::DEFAULT_PARAMETERS[20]);
        let mine = memories.get(&s.learner);
        let list: Vec<Option<(f32, StudyDay)>> = keys.iter().map(|k| mine.and_then(|m| m.get(k)).copied()).collect();
        if let Some(r) = dashboard::predicted_recall(&list, plan.exam_day, decay) {
            out.insert(s.learner, r);
        }
    }
    out
}

/// The dashboard at `now` (today by the class's clock `days`), measured against the current
/// one of `assignments` over the class's expanded `cards`. Students in roster order.
pub fn progress(
    rows: &ClassRows,
    assignments: &[Plan],
    cards: &[Card],
    days: &DayClock,
    now: DateTime<Utc>,
) -> ClassProgress {
    let today = days.study_day(now);
    let plan = current_assignment(assignments, today);
    let learners: Vec<i64> = rows.students.iter().map(|s| s.learner).collect();
    let activity = dashboard::activity(&learners, &rows.activity, days, now);
    let recall = plan.map(|p| predicted_recall(rows, cards, p)).unwrap_or_default();
    let students = rows
        .students
        .iter()
        .zip(activity)
        .map(|(s, activity)| StudentProgress {
            last_study_date: activity.last_study_day.map(|d| d.date().to_string()),
            predicted_recall: recall.get(&s.learner).copied(),
            exams: rows.exams.iter().filter(|e| e.learner == s.learner).cloned().collect(),
            student: s.clone(),
            activity,
        })
        .collect();
    ClassProgress { today: today.date().to_string(), assignment: plan.map(|p| assignment_view(p, cards)), students }
}

/// What the item analysis needs of a card: its options (choice: as written, right first;
/// true/false: the right word first, as `chosen_option` stores them).
pub fn item_card(card: &Card) -> ItemCard {
    let options = match &card.judge {
        Judge::Choice { options } => options.clone(),
        Judge::TrueFalse { answer: true } => vec!["true".into(), "false".into()],
        Judge::TrueFalse { answer: false } => vec!["false".into(), "true".into()],
        _ => Vec::new(),
    };
    ItemCard { key: card.key.clone(), tags: card.tags.clone(), options }
}

/// The item analysis of the current assignment's cards (every card without one); students are
/// ranked by their predicted recall of it for the discrimination index.
pub fn item_analysis(rows: &ClassRows, assignments: &[Plan], cards: &[Card], today: StudyDay) -> ItemAnalysis {
    let plan = current_assignment(assignments, today);
    let item_cards: Vec<ItemCard> = covered(cards, plan).into_iter().map(item_card).collect();
    let strength = plan.map(|p| predicted_recall(rows, cards, p)).unwrap_or_default();
    items::analyse(&rows.answers, &item_cards, &strength)
}

/// One student's page, or None when `learner` is not in the class.
pub fn student_page(
    rows: &ClassRows,
    learner: i64,
    assignments: &[Plan],
    cards: &[Card],
    days: &DayClock,
    now: DateTime<Utc>,
) -> Option<StudentPage> {
    let mine = ClassRows {
        students: rows.students.iter().filter(|s| s.learner == learner).cloned().collect(),
        activity: rows.activity.iter().filter(|a| a.student == learner).copied().collect(),
        memories: rows.memories.iter().filter(|m| m.learner == learner).cloned().collect(),
        decay: rows.decay.clone(),
        exams: rows.exams.iter().filter(|e| e.learner == learner).cloned().collect(),
        answers: rows.answers.iter().filter(|a| a.student == learner).cloned().collect(),
    };
    let mut class = progress(&mine, assignments, cards, days, now);
    let progress = class.students.pop()?;
    let today = days.study_day(now);
    let days: Vec<DayFigures> = (0..STUDENT_PAGE_DAYS)
        .map(|back| {
            let day = StudyDay(today.0 - back as i32);
            let on_day = mine.activity.iter().filter(|a| a.day == day);
            DayFigures {
                date: day.date().to_string(),
                reviews: on_day.clone().map(|a| a.answers).sum(),
                time_secs: on_day.map(|a| a.duration_ms.max(0)).sum::<i64>() / 1000,
            }
        })
        .collect();
    // The student's own answers only: no ranking, so no discrimination index.
    let plan = current_assignment(assignments, today);
    let item_cards: Vec<ItemCard> = covered(cards, plan).into_iter().map(item_card).collect();
    let items = items::analyse(&mine.answers, &item_cards, &HashMap::new());
    Some(StudentPage { progress, assignment: class.assignment, days, items })
}
