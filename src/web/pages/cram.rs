//! The cram page: the form to start one, then each card as in the review (its question side,
//! its answer side with the four grades, without next intervals: cram changes no schedule), undo,
//! and what was done at the end.

use maud::{html, Markup};

use super::exam::scope_fields;
use super::layout::{page, rich, PageCtx};
use super::review::{answer_side, notice_line, question, undo_form};
use crate::tr_in;
use crate::web::quiz_view::CramView;
use crate::web::view::Phase;

const CRAM: &str = "/api/cram";

pub fn render(ctx: &PageCtx, view: &CramView, decks: &[String]) -> Markup {
    let title = tr_in!(ctx.lang, "web-cram-title");
    let body = html! {
        h1 { (title) }
        @if let Some(notice) = &view.notice { (notice_line(ctx, notice)) }
        @if view.phase != Phase::Idle {
            p.counts {
                span { (tr_in!(ctx.lang, "web-cram-left", n = view.left)) }
                span { (tr_in!(ctx.lang, "web-cram-saved", n = view.saved)) }
            }
        }
        @if let Some(card) = &view.card {
            article.card data-kind=(card.kind) data-phase=(if view.phase == Phase::Answer { "answer" } else { "question" }) {
                p.meta { span.deck { (card.deck) } }
                @if let Some(section) = &card.section { p.section { (rich(section, view.readings)) } }
                h1.prompt #prompt { (rich(&card.prompt, view.readings)) }
                @match &view.reveal {
                    None => (question(ctx, CRAM, card, view.readings)),
                    Some(reveal) => (answer_side(ctx, CRAM, card, reveal, view.readings)),
                }
            }
        } @else {
            @if view.phase == Phase::Done { p { (tr_in!(ctx.lang, "web-cram-done", n = view.saved)) } }
            p.hint { (tr_in!(ctx.lang, "web-cram-hint")) }
            form.start method="post" action="/api/cram/start" {
                (ctx.csrf_field())
                (scope_fields(ctx, decks))
                label for="missed_days" { (tr_in!(ctx.lang, "web-cram-missed")) }
                input #missed_days type="number" name="missed_days" min="1" max="3650";
                label for="limit" { (tr_in!(ctx.lang, "web-cram-limit")) }
                input #limit type="number" name="limit" min="1" max="10000";
                button.primary type="submit" { (tr_in!(ctx.lang, "web-cram-start")) }
            }
        }
        @if let Some(newest) = &view.undo {
            div.actions { (undo_form(ctx, "/api/cram/undo", newest)) }
        }
    };
    page(ctx, &title, "/cram", body)
}
