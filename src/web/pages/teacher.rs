//! The teacher's pages of a class (issue 16): the dashboard (who studied today and this week,
//! progress toward the assignment), the item analysis and one student's page. Views over the
//! data of `app::teacher`; every name, id, card key, tag and option is deck or roster text,
//! escaped by maud.

use maud::{html, Markup};

use super::layout::{page, PageCtx};
use crate::app::teacher::{AssignmentView, ClassProgress, DayFigures, StudentPage, StudentProgress};
use crate::i18n::durations::time_spent_in;
use crate::stats::items::{ItemAnalysis, ItemStats, MIN_STUDENTS_PER_THIRD};
use crate::tr_in;

/// The dashboard's address.
pub const DASHBOARD: &str = "/teacher";
/// The item analysis's address.
pub const ITEMS: &str = "/teacher/items";
/// One student's page: `/teacher/student?learner=N`. A query, not a path parameter: the class
/// server's gate knows a route by its exact path.
pub const STUDENT: &str = "/teacher/student";

/// Cards listed on the item analysis page and on a student's page, hardest first.
pub const ITEMS_SHOWN: usize = 50;

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

fn assignment(ctx: &PageCtx, a: Option<&AssignmentView>) -> Markup {
    html! {
        @match a {
            Some(a) => p.assignment {
                (tr_in!(ctx.lang, "teacher-assignment", decks = a.decks.join(", "), date = a.exam_date.clone(),
                    target = format!("{:.0}", a.target * 100.0), cards = a.cards))
            },
            None => p.assignment { (tr_in!(ctx.lang, "teacher-no-assignment")) },
        }
    }
}

fn student_link(s: &StudentProgress) -> Markup {
    html! {
        a href=(format!("{STUDENT}?learner={}", s.student.learner)) { (s.student.id) }
    }
}

/// The dashboard.
pub fn dashboard(ctx: &PageCtx, p: &ClassProgress) -> Markup {
    let title = tr_in!(ctx.lang, "teacher-dashboard-title");
    let lang = ctx.lang;
    let body = html! {
        h1 { (title) }
        p { (tr_in!(lang, "teacher-today", date = p.today.clone())) " · " a href=(ITEMS) { (tr_in!(lang, "teacher-items-title")) } }
        (assignment(ctx, p.assignment.as_ref()))
        @if p.students.is_empty() {
            p { (tr_in!(lang, "teacher-no-students")) }
        } @else {
            div.scroll tabindex="0" role="region" aria-labelledby="students-caption" {
                table.students {
                    caption #students-caption { (tr_in!(lang, "teacher-students-caption", n = p.students.len())) }
                    thead { tr {
                        th scope="col" { (tr_in!(lang, "teacher-col-id")) }
                        th scope="col" { (tr_in!(lang, "teacher-col-name")) }
                        th scope="col" { (tr_in!(lang, "teacher-col-group")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-today")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-week")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-streak")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-recall")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-exam")) }
                    } }
                    tbody {
                        @for s in &p.students {
                            @let a = &s.activity;
                            tr.inactive[!s.student.active] {
                                th scope="row" { (student_link(s)) }
                                td { (s.student.name) @if !s.student.active { " " small { (tr_in!(lang, "teacher-removed")) } } }
                                td { (s.student.group) }
                                td { (tr_in!(lang, "teacher-cell-today", n = a.reviews_today, time = time_spent_in(lang, a.time_today_secs))) }
                                td { (tr_in!(lang, "teacher-cell-week", days = a.days_this_week, n = a.reviews_this_week,
                                        time = time_spent_in(lang, a.time_this_week_secs))) }
                                td { (tr_in!(lang, "teacher-cell-streak", days = a.streak_days)) }
                                td { (percent(s.predicted_recall)) }
                                td { (percent(s.exams.last().map(|e| e.share_right()))) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, DASHBOARD, body)
}

/// The catalogue key of a true/false card's option as stored (`true`, `false`).
fn true_false_word(option: &str) -> Option<&'static str> {
    match option {
        "true" => Some("review-true"),
        "false" => Some("review-false"),
        _ => None,
    }
}

fn options_cell(ctx: &PageCtx, item: &ItemStats) -> Markup {
    html! {
        @if !item.options.is_empty() {
            ul.options {
                @for o in &item.options {
                    li {
                        @if o.option.is_empty() {
                            (tr_in!(ctx.lang, "teacher-dont-know"))
                        } @else if let Some(word) = true_false_word(&o.option) {
                            (tr_in!(ctx.lang, word))
                        } @else {
                            (o.option)
                        }
                        @if o.right { " " strong { (tr_in!(ctx.lang, "teacher-right-option")) } }
                        ": " (o.chosen)
                    }
                }
            }
        }
    }
}

fn items_table(ctx: &PageCtx, items: &[ItemStats], caption: &str, discrimination: bool) -> Markup {
    let lang = ctx.lang;
    html! {
        div.scroll tabindex="0" role="region" aria-label=(caption) {
            table.items {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (tr_in!(lang, "teacher-head-card")) }
                    th scope="col" { (tr_in!(lang, "teacher-head-answers")) }
                    th scope="col" { (tr_in!(lang, "teacher-head-right")) }
                    th scope="col" { (tr_in!(lang, "teacher-head-lapses")) }
                    @if discrimination { th scope="col" { (tr_in!(lang, "teacher-head-discrimination")) } }
                    th scope="col" { (tr_in!(lang, "teacher-head-options")) }
                } }
                tbody {
                    @for item in items.iter().take(ITEMS_SHOWN) {
                        tr {
                            th scope="row" { code { (item.card) } }
                            td { (item.answers) }
                            td { (percent(Some(item.share_right))) }
                            td { (percent(item.lapse_rate)) }
                            @if discrimination { td { (item.discrimination.map_or_else(|| "–".to_string(), |d| format!("{d:+.2}"))) } }
                            td { (options_cell(ctx, item)) }
                        }
                    }
                }
            }
        }
    }
}

/// The item analysis: cards hardest first, then tags.
pub fn items(ctx: &PageCtx, a: &ItemAnalysis, assignment_view: Option<&AssignmentView>) -> Markup {
    let title = tr_in!(ctx.lang, "teacher-items-title");
    let lang = ctx.lang;
    let body = html! {
        h1 { (title) }
        p { a href=(DASHBOARD) { (tr_in!(lang, "teacher-dashboard-title")) } }
        (assignment(ctx, assignment_view))
        p.hint {
            @if a.third_size >= MIN_STUDENTS_PER_THIRD {
                (tr_in!(lang, "teacher-discrimination-about", third = a.third_size))
            } @else {
                (tr_in!(lang, "teacher-discrimination-few", min = MIN_STUDENTS_PER_THIRD * 3, ranked = a.ranked_students))
            }
        }
        @if a.items.is_empty() {
            p { (tr_in!(lang, "teacher-no-answers")) }
        } @else {
            (items_table(ctx, &a.items, &tr_in!(lang, "teacher-items-caption", shown = a.items.len().min(ITEMS_SHOWN), n = a.items.len()), true))
            div.scroll tabindex="0" role="region" aria-labelledby="tags-caption" {
                table.tags {
                    caption #tags-caption { (tr_in!(lang, "teacher-tags-caption")) }
                    thead { tr {
                        th scope="col" { (tr_in!(lang, "teacher-head-tag")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-cards")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-answers")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-right")) }
                        th scope="col" { (tr_in!(lang, "teacher-head-lapses")) }
                    } }
                    tbody {
                        @for t in &a.tags {
                            tr {
                                th scope="row" { (t.tag) }
                                td { (t.cards) }
                                td { (t.answers) }
                                td { (percent(Some(t.share_right))) }
                                td { (percent(t.lapse_rate)) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, ITEMS, body)
}

fn days_table(ctx: &PageCtx, days: &[DayFigures]) -> Markup {
    let lang = ctx.lang;
    html! {
        div.scroll tabindex="0" role="region" aria-labelledby="days-caption" {
            table.days {
                caption #days-caption { (tr_in!(lang, "teacher-days-caption", n = days.len())) }
                thead { tr {
                    th scope="col" { (tr_in!(lang, "teacher-head-day")) }
                    th scope="col" { (tr_in!(lang, "teacher-head-answers")) }
                    th scope="col" { (tr_in!(lang, "teacher-head-time")) }
                } }
                tbody {
                    @for d in days {
                        tr {
                            th scope="row" { (d.date) }
                            td { (d.reviews) }
                            td { (time_spent_in(lang, d.time_secs)) }
                        }
                    }
                }
            }
        }
    }
}

/// One student's page.
pub fn student(ctx: &PageCtx, s: &StudentPage) -> Markup {
    let lang = ctx.lang;
    let who = &s.progress.student;
    let title = tr_in!(lang, "teacher-student-title", id = who.id.clone(), name = who.name.clone());
    let a = &s.progress.activity;
    let body = html! {
        h1 { (title) }
        p { a href=(DASHBOARD) { (tr_in!(lang, "teacher-dashboard-title")) } }
        @if !who.active { p.notice.warn { (tr_in!(lang, "teacher-removed")) } }
        (assignment(ctx, s.assignment.as_ref()))
        ul.figures {
            li { (tr_in!(lang, "teacher-head-today")) ": " (tr_in!(lang, "teacher-cell-today", n = a.reviews_today, time = time_spent_in(lang, a.time_today_secs))) }
            li { (tr_in!(lang, "teacher-head-week")) ": " (tr_in!(lang, "teacher-cell-week", days = a.days_this_week, n = a.reviews_this_week, time = time_spent_in(lang, a.time_this_week_secs))) }
            li { (tr_in!(lang, "teacher-head-streak")) ": " (tr_in!(lang, "teacher-cell-streak", days = a.streak_days)) }
            li { (tr_in!(lang, "teacher-in-all", days = a.days_studied, n = a.reviews, time = time_spent_in(lang, a.time_secs))) }
            li { (tr_in!(lang, "teacher-head-recall")) ": " strong { (percent(s.progress.predicted_recall)) } }
        }
        section {
            h2 { (tr_in!(lang, "teacher-exams-title")) }
            @if s.progress.exams.is_empty() {
                p { (tr_in!(lang, "teacher-no-exams")) }
            } @else {
                ol.exams {
                    @for e in &s.progress.exams {
                        li { (tr_in!(lang, "teacher-exam-score", right = e.score, questions = e.questions, percent = percent(Some(e.share_right())))) }
                    }
                }
            }
        }
        section {
            h2 { (tr_in!(lang, "teacher-recent-days")) }
            (days_table(ctx, &s.days))
        }
        section {
            h2 { (tr_in!(lang, "teacher-student-hardest")) }
            @if s.items.items.is_empty() {
                p { (tr_in!(lang, "teacher-no-answers")) }
            } @else {
                (items_table(ctx, &s.items.items, &tr_in!(lang, "teacher-items-caption", shown = s.items.items.len().min(ITEMS_SHOWN), n = s.items.items.len()), false))
            }
        }
    };
    page(ctx, &title, DASHBOARD, body)
}

#[cfg(test)]
#[path = "teacher_tests.rs"]
mod tests;
