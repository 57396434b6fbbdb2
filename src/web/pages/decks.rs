//! The teachers' page: what `kioku lint` finds in the deck files, each problem with its place
//! (file:line:col), its rule, the message and hint, and the source line with a caret; then
//! every card of every deck as `kioku preview` shows it. Every text here comes from deck files
//! and is escaped by maud like all others.

use maud::{html, Markup};

use super::layout::{page, rich, PageCtx};
use crate::deck::Severity;
use crate::tr_in;
use crate::web::decks::{Lint, Preview};

pub fn render(ctx: &PageCtx, lint: &Lint, previews: &[Preview], readings: bool) -> Markup {
    let title = tr_in!(ctx.lang, "web-decks-title");
    let body = html! {
        h1 { (title) }
        p { (tr_in!(ctx.lang, "web-decks-summary", files = lint.files, cards = lint.cards, errors = lint.errors, warnings = lint.warnings)) }
        @if lint.diagnostics.is_empty() {
            p.notice.ok role="status" { (tr_in!(ctx.lang, "web-decks-clean")) }
        } @else {
            ol.diagnostics {
                @for (d, rendered) in lint.diagnostics.iter().zip(&lint.rendered) {
                    @let (class, word) = match d.severity {
                        Severity::Error => ("error", tr_in!(ctx.lang, "web-decks-error")),
                        Severity::Warning => ("warning", tr_in!(ctx.lang, "web-decks-warning")),
                    };
                    li.(class) {
                        p.place {
                            code { (d.file) ":" (d.line) ":" (d.col) }
                            " " span.severity { (word) } " " code.rule { (d.code) }
                        }
                        p { (d.message) }
                        @if let Some(hint) = &d.hint { p.hint { (hint) } }
                        pre tabindex="0" { (rendered) }
                    }
                }
            }
        }
        p.hint { (tr_in!(ctx.lang, "web-decks-hint")) }
        @if !previews.is_empty() {
            h2 { (tr_in!(ctx.lang, "web-decks-preview")) }
            @for preview in previews {
                details.preview {
                    summary {
                        (tr_in!(ctx.lang, "web-decks-preview-summary", deck = preview.deck.as_str(), cards = preview.cards.len()))
                        @if let Some(t) = &preview.title { " · " (t) }
                    }
                    ol.cards {
                        @for (card, reveal) in &preview.cards {
                            li {
                                p.place { code { (card.key) } " " (tr_in!(ctx.lang, &format!("deck-kind-{}", card.kind))) }
                                p.prompt { (rich(&card.prompt, readings)) }
                                @if !card.options.is_empty() {
                                    ol.options { @for option in &card.options { li { (rich(option, readings)) } } }
                                }
                                dl.answer {
                                    dt { (tr_in!(ctx.lang, "web-answer")) }
                                    dd { (rich(&reveal.answer, readings)) }
                                    @if let Some(explanation) = &reveal.explanation {
                                        dt { (tr_in!(ctx.lang, "web-decks-explanation")) }
                                        dd { (rich(explanation, readings)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, "/decks", body)
}
