//! The home page: due per deck, the streak, and the next step.

use maud::{html, Markup};

use super::layout::{head_row, page, PageCtx};
use crate::tr_in;
use crate::web::home::{Due, UpcomingExam};

pub fn render(ctx: &PageCtx, due: &Due) -> Markup {
    let t = due.total;
    let left = t.new + t.learning + t.review;
    let body = html! {
        h1 { (tr_in!(ctx.lang, "web-home-title")) }
        p.streak { (tr_in!(ctx.lang, "web-streak", n = due.streak_days)) }
        @if left > 0 {
            p { (tr_in!(ctx.lang, "web-home-today", n = left)) }
            p { a.button.primary href="/review" { (tr_in!(ctx.lang, "web-home-start")) } }
        } @else {
            p { (tr_in!(ctx.lang, "web-home-nothing")) }
        }
        @if !due.exams.is_empty() {
            section.exams {
                h2 { (tr_in!(ctx.lang, "teacher-home-exams")) }
                ul {
                    @for e in &due.exams {
                        li { (tr_in!(ctx.lang, "teacher-home-exam", date = e.exam_date.clone(),
                            target = format!("{:.0}", e.target * 100.0), scope = scope(ctx, e))) }
                    }
                }
            }
        }
        table.due tabindex="0" {
            caption { (tr_in!(ctx.lang, "web-due-caption")) }
            (head_row(ctx, &["col", "web-due-deck", "col", "web-due-new", "col", "web-due-learning", "col", "web-due-review"]))
            tbody {
                @for d in &due.decks {
                    tr {
                        th scope="row" { (d.deck) }
                        td { (d.counts.new) } td { (d.counts.learning) } td { (d.counts.review) }
                    }
                }
            }
            tfoot { tr {
                th scope="row" { (tr_in!(ctx.lang, "web-due-today")) }
                td { (t.new) } td { (t.learning) } td { (t.review) }
            } }
        }
    };
    page(ctx, &tr_in!(ctx.lang, "web-home-title"), "/", body)
}

/// An exam's decks and tags, or "all decks".
fn scope(ctx: &PageCtx, e: &UpcomingExam) -> String {
    crate::cli::scope::words_in(ctx.lang, &e.decks, &e.tags)
}
