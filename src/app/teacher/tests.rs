//! The teacher's figures from hand-worked rows: a class of two students over a deck of a choice
//! and a true/false card.

use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;

use super::*;
use crate::deck::expand;
use crate::i18n::Lang;
use crate::scheduler::State;
use crate::store::ReviewKind;

const DECK: &str = "deck: k\ntags: [korea]\ncards:\n  - id: q\n    question: Q?\n    answer: A\n    distractors: [B, C]\n  - id: s\n    statement: S\n    answer: true\n";

fn cards() -> Vec<Card> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("k.yaml"), DECK).unwrap();
    let collection = crate::deck::load(&crate::deck::DeckSource::Dir(dir.path().to_path_buf())).unwrap();
    collection.decks.iter().flat_map(expand).collect()
}

fn day(d: u32) -> StudyDay {
    StudyDay::from_date(NaiveDate::from_ymd_opt(2025, 6, d).unwrap())
}

/// 2025-06-10 09:00 in Tokyo: study day the 10th (rollover 04:00).
fn now() -> DateTime<Utc> {
    Tokyo.with_ymd_and_hms(2025, 6, 10, 9, 0, 0).unwrap().with_timezone(&Utc)
}

fn clock() -> DayClock {
    DayClock::new(Tokyo, 4)
}

fn plan(id: i64, exam: StudyDay) -> Plan {
    Plan { id, exam_day: exam, target: 0.9, decks: vec!["k".into()], tags: Vec::new(), created_at_ms: 0 }
}

fn student(learner: i64, id: &str, name: &str) -> Student {
    Student { learner, id: id.into(), name: name.into(), group: "1-A".into(), active: true }
}

fn rows() -> ClassRows {
    let memory = |learner, key: &str, stability, last| CardMemory {
        learner,
        card_key: key.into(),
        stability,
        last_review_day: last,
    };
    let answer = |student, card: &str, rating, chosen: &str| ItemAnswer {
        student,
        card: card.into(),
        kind: ReviewKind::Review,
        rating,
        state_before: State::New,
        chosen_option: Some(chosen.into()),
        count: 1,
    };
    ClassRows {
        students: vec![student(1, "2025001", "山田 太郎"), student(2, "2025002", "=危険")],
        activity: vec![
            Activity { student: 1, day: day(10), answers: 4, duration_ms: 90_000 },
            Activity { student: 1, day: day(8), answers: 2, duration_ms: 60_000 },
            Activity { student: 2, day: day(1), answers: 1, duration_ms: 30_000 },
        ],
        // Stability is the days until recall falls to 90 %: S = 10 from the 10th is 0.9 on the
        // 20th, whatever the decay.
        memories: vec![
            memory(1, "k/q", 10.0, day(10)),
            memory(2, "k/q", 10.0, day(10)),
            memory(2, "k/s", 10.0, day(10)),
        ],
        decay: HashMap::from([(2, 0.3)]),
        exams: vec![
            ExamTaken { learner: 1, taken_at_ms: 1, score: 9, questions: 10 },
            ExamTaken { learner: 1, taken_at_ms: 2, score: 3, questions: 5 },
        ],
        answers: vec![answer(1, "k/q", 3, "A"), answer(2, "k/q", 1, "B"), answer(2, "k/s", 1, "false")],
    }
}

#[test]
fn the_assignment_measured_is_the_nearest_exam_not_past_else_the_latest() {
    let plans = [plan(1, day(5)), plan(2, day(30)), plan(3, day(20)), plan(4, day(8))];
    assert_eq!(current_assignment(&plans, day(10)).map(|p| p.id), Some(3));
    assert_eq!(current_assignment(&plans, day(20)).map(|p| p.id), Some(3), "the exam day itself");
    assert_eq!(current_assignment(&plans, day(30).plus(1)).map(|p| p.id), Some(2), "all past: the latest");
    assert_eq!(current_assignment(&[], day(10)), None);
}

#[test]
fn progress_gives_each_student_the_week_recall_and_exams() {
    let p = progress(&rows(), &[plan(7, day(20))], &cards(), &clock(), now());
    assert_eq!(p.today, "2025-06-10");
    let a = p.assignment.as_ref().unwrap();
    assert_eq!((a.id, a.exam_date.as_str(), a.cards), (7, "2025-06-20", 2));
    let (one, two) = (&p.students[0], &p.students[1]);
    assert_eq!(one.student.id, "2025001");
    assert_eq!((one.activity.reviews_today, one.activity.days_this_week, one.activity.reviews), (4, 2, 6));
    assert_eq!(one.last_study_date.as_deref(), Some("2025-06-10"));
    // Student 1: q at 0.9 on the 20th, s never studied (0): 0.45. Student 2: both at 0.9.
    assert!((one.predicted_recall.unwrap() - 0.45).abs() < 1e-6, "{:?}", one.predicted_recall);
    assert!((two.predicted_recall.unwrap() - 0.9).abs() < 1e-6, "{:?}", two.predicted_recall);
    assert_eq!(one.exams.len(), 2);
    assert!(two.exams.is_empty());
    assert_eq!(two.activity.days_this_week, 0, "the 1st is before the week (4th–10th)");
    // Without an assignment: no recall.
    let none = progress(&rows(), &[], &cards(), &clock(), now());
    assert_eq!((none.assignment.as_ref(), none.students[0].predicted_recall), (None, None));
}

#[test]
fn the_grading_csv_has_a_bom_a_row_per_student_and_neutral_cells() {
    let p = progress(&rows(), &[plan(7, day(20))], &cards(), &clock(), now());
    let csv = String::from_utf8(grading_csv(&p, Lang::En, None)).unwrap();
    // Student 1: 2 days, 6 answers, 150 s = 2.5 min, recall 45 %, exams 90 % then 60 %.
    assert_eq!(
        csv,
        "\u{feff}学籍番号,氏名,class,days studied,answers,minutes,predicted recall on the exam date (%),mock exams,latest mock exam (% right),best mock exam (% right)\n\
         2025001,山田 太郎,1-A,2,6,2.5,45.0,2,60.0,90.0\n\
         2025002,'=危険,1-A,1,1,0.5,90.0,0,,\n"
    );
    let ja = String::from_utf8(grading_csv(&p, Lang::Ja, None)).unwrap();
    assert!(ja.starts_with("\u{feff}学籍番号,氏名,クラス,学習日数,解答数,学習時間（分）,"), "{ja}");
}

#[test]
fn pseudonyms_are_keyed_blake2b_and_stable() {
    // Reference: Python's hashlib.blake2b(b"id\0" + "2025001".encode(), key=bytes(range(32)),
    // digest_size=64).hexdigest()[:16], and likewise for the name.
    let key = PseudonymKey::from_bytes(std::array::from_fn(|i| i as u8));
    assert_eq!(key.pseudonym("id", "2025001"), "p-44f8e301b62f11e0");
    assert_eq!(key.pseudonym("name", "山田 太郎"), "p-1fc0acbc047e905d");
    let other = PseudonymKey::from_bytes([7; 32]);
    assert_ne!(other.pseudonym("id", "2025001"), "p-44f8e301b62f11e0");
    let p = progress(&rows(), &[plan(7, day(20))], &cards(), &clock(), now());
    let csv = String::from_utf8(grading_csv(&p, Lang::En, Some(&key))).unwrap();
    let first = csv.lines().nth(1).unwrap();
    assert_eq!(first, "p-44f8e301b62f11e0,p-1fc0acbc047e905d,,2,6,2.5,45.0,2,60.0,90.0");
    assert!(!csv.contains("2025002") && !csv.contains("危険") && !csv.contains("1-A"), "{csv}");
}

#[test]
fn the_key_file_is_made_once_private_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let first = pseudonym_key(dir.path()).unwrap().pseudonym("id", "2025001");
    let path = dir.path().join(PSEUDONYM_KEY_FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert_eq!(pseudonym_key(dir.path()).unwrap().pseudonym("id", "2025001"), first, "the same key next time");
    std::fs::write(&path, "not hex\n").unwrap();
    assert!(pseudonym_key(dir.path()).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "not hex\n", "a bad key is never replaced");
}

#[test]
fn item_analysis_covers_the_assignment_and_a_students_page_their_own_answers() {
    let a = item_analysis(&rows(), &[plan(7, day(20))], &cards(), day(10));
    // q: 2 answers, 1 right; s: 1 answer, wrong (hardest first).
    let figures: Vec<(&str, usize, f64)> =
        a.items.iter().map(|i| (i.card.as_str(), i.answers, i.share_right)).collect();
    assert_eq!(figures, [("k/s", 1, 0.0), ("k/q", 2, 0.5)]);
    assert_eq!((a.ranked_students, a.third_size), (2, 0));
    let page = student_page(&rows(), 1, &[plan(7, day(20))], &cards(), &clock(), now()).unwrap();
    assert_eq!(page.progress.student.id, "2025001");
    assert_eq!(page.days.len(), STUDENT_PAGE_DAYS as usize);
    assert_eq!((page.days[0].date.as_str(), page.days[0].reviews, page.days[0].time_secs), ("2025-06-10", 4, 90));
    assert_eq!((page.days[2].date.as_str(), page.days[2].reviews), ("2025-06-08", 2));
    assert_eq!(page.items.items.iter().map(|i| (i.card.as_str(), i.answers)).collect::<Vec<_>>(), [("k/q", 1)]);
    assert!(student_page(&rows(), 99, &[], &cards(), &clock(), now()).is_none());
}
