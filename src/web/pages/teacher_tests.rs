//! The teacher's pages rendered from hand-made figures: roster and deck text escaped, the
//! figures in the page's language.

use super::*;
use crate::app::teacher::{ExamTaken, Student};
use crate::i18n::Lang;
use crate::stats::dashboard::StudentActivity;
use crate::stats::items::{OptionCount, TagStats};

fn ctx(lang: Lang) -> PageCtx<'static> {
    PageCtx { lang, csrf: "t", problem: None, account: None }
}

fn progress() -> ClassProgress {
    let student = |learner, id: &str, name: &str, active| StudentProgress {
        student: Student { learner, id: id.into(), name: name.into(), group: "1-A".into(), active },
        activity: StudentActivity {
            student: learner,
            reviews_today: 4,
            time_today_secs: 90,
            days_this_week: 2,
            reviews_this_week: 6,
            time_this_week_secs: 150,
            streak_days: 1,
            ..StudentActivity::default()
        },
        last_study_date: Some("2025-06-10".into()),
        predicted_recall: Some(0.45),
        exams: vec![ExamTaken { learner, taken_at_ms: 1, score: 3, questions: 5 }],
    };
    ClassProgress {
        today: "2025-06-10".into(),
        assignment: Some(AssignmentView {
            id: 7,
            decks: vec!["k".into()],
            exam_date: "2025-06-20".into(),
            target: 0.9,
            cards: 2,
        }),
        students: vec![student(1, "2025001", "<script>alert(1)</script>", true), student(2, "2025002", "山田", false)],
    }
}

#[test]
fn the_dashboard_escapes_roster_text_and_words_the_figures() {
    let html = dashboard(&ctx(Lang::En), &progress()).into_string();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"), "{html}");
    assert!(html.contains("Assignment: k, exam on 2025-06-20, target 90% (2 cards)"), "{html}");
    assert!(html.contains("<a href=\"/teacher/student?learner=1\">2025001</a>"), "{html}");
    assert!(html.contains("4 answers, 1m 30s"), "{html}");
    assert!(html.contains("2 days, 6 answers, 2m 30s"), "{html}");
    assert!(html.contains("<td>45%</td><td>60%</td>"), "recall then the latest exam (3 of 5): {html}");
    assert!(html.contains("<tr class=\"inactive\">"), "a removed student is marked: {html}");
    let ja = dashboard(&ctx(Lang::Ja), &progress()).into_string();
    assert!(ja.contains("生徒 2 人") && ja.contains("4 問、1分30秒") && ja.contains("（削除済み）"), "{ja}");
}

fn analysis(third_size: usize) -> ItemAnalysis {
    let option = |option: &str, right, chosen| OptionCount { option: option.into(), right, chosen };
    ItemAnalysis {
        items: vec![
            ItemStats {
                card: "k/s".into(),
                tags: vec!["korea".into()],
                students: 2,
                answers: 3,
                share_right: 1.0 / 3.0,
                lapse_rate: None,
                options: vec![option("true", true, 1), option("false", false, 1), option("", false, 1)],
                discrimination: (third_size >= MIN_STUDENTS_PER_THIRD).then_some(-0.25),
            },
            ItemStats {
                card: "k/q".into(),
                tags: Vec::new(),
                students: 2,
                answers: 2,
                share_right: 0.5,
                lapse_rate: Some(0.5),
                options: vec![option("<b>A</b>", true, 1), option("B", false, 1)],
                discrimination: None,
            },
        ],
        tags: vec![TagStats { tag: "korea".into(), cards: 1, answers: 3, share_right: 1.0 / 3.0, lapse_rate: None }],
        ranked_students: third_size * 3,
        third_size,
    }
}

#[test]
fn the_item_analysis_lists_options_and_gives_discrimination_only_from_enough_students() {
    let html = items(&ctx(Lang::En), &analysis(5), None).into_string();
    assert!(html.contains("&lt;b&gt;A&lt;/b&gt; <strong>(right)</strong>: 1"), "{html}");
    assert!(html.contains("true (正) <strong>(right)</strong>: 1") && html.contains("(don't know): 1"), "{html}");
    assert!(html.contains("<td>-0.25</td>") && html.contains("<td>33%</td>"), "{html}");
    assert!(
        html.contains("strongest third of the class (by predicted recall of the assignment, 5 students)"),
        "{html}"
    );
    let few = items(&ctx(Lang::En), &analysis(1), None).into_string();
    assert!(few.contains("Discrimination is shown from 15 students with a predicted recall (now 3)."), "{few}");
    assert!(few.contains("No assignment yet"), "{few}");
    let ja = items(&ctx(Lang::Ja), &analysis(5), None).into_string();
    assert!(ja.contains("正(○) <strong>（正解）</strong>: 1") && ja.contains("（わからない）: 1"), "{ja}");
}

#[test]
fn a_students_page_shows_their_days_exams_and_hardest_cards() {
    let p = progress();
    let page = StudentPage {
        progress: p.students[0].clone(),
        assignment: p.assignment.clone(),
        days: vec![DayFigures { date: "2025-06-10".into(), reviews: 4, time_secs: 90 }],
        items: analysis(0),
    };
    let html = student(&ctx(Lang::En), &page).into_string();
    assert!(html.contains("<title>2025001 &lt;script&gt;alert(1)&lt;/script&gt; · kioku</title>"), "{html}");
    assert!(
        html.contains("3 of 5 right (60%)")
            && html.contains("<th scope=\"row\">2025-06-10</th><td>4</td><td>1m 30s</td>"),
        "{html}"
    );
    assert!(!html.contains("Discrimination</th>"), "one student: no discrimination column: {html}");
    assert!(html.contains("<code>k/s</code>"), "{html}");
}
