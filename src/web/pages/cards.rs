//! The settings form, the suspended cards with their unsuspend buttons, and the review log.

use maud::{html, Markup};

use super::layout::{head_row, human_interval, page, PageCtx};
use super::review::{notice_line, rating_name};
use crate::tr_in;
use crate::web::cards::{HistoryRow, Suspended};
use crate::web::desk::Notice;

pub fn settings(ctx: &PageCtx, values: &[(String, String)], notice: Option<&Notice>) -> Markup {
    let value = |key: &str| values.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("");
    let title = tr_in!(ctx.lang, "web-settings-title");
    let language = value("language");
    let readings = value("readings");
    let body = html! {
        h1 { (title) }
        @if let Some(n) = notice { (notice_line(ctx, n)) }
        form.settings method="post" action="/api/settings" {
            (ctx.csrf_field())
            label for="language" { (tr_in!(ctx.lang, "web-settings-language")) }
            select #language name="language" {
                option value="auto" selected[language == "auto" || language.is_empty()] { (tr_in!(ctx.lang, "web-settings-language-auto")) }
                option value="ja" selected[language == "ja"] lang="ja" { "日本語" }
                option value="en" selected[language == "en"] lang="en" { "English" }
            }
            label for="readings" { (tr_in!(ctx.lang, "web-settings-readings")) }
            select #readings name="readings" {
                option value="show" selected[readings == "show"] { (tr_in!(ctx.lang, "web-settings-readings-show")) }
                option value="hide" selected[readings == "hide"] { (tr_in!(ctx.lang, "web-settings-readings-hide")) }
            }
            label for="new_per_day" { (tr_in!(ctx.lang, "web-settings-new-per-day")) }
            input #new_per_day type="number" name="new_per_day" min="0" max="9999" value=(value("new_per_day"));
            label for="reviews_per_day" { (tr_in!(ctx.lang, "web-settings-reviews-per-day")) }
            input #reviews_per_day type="number" name="reviews_per_day" min="0" max="99999" value=(value("reviews_per_day"));
            label for="desired_retention" { (tr_in!(ctx.lang, "web-settings-retention")) }
            input #desired_retention type="number" name="desired_retention" min="0.70" max="0.99" step="0.01"
                value=(value("desired_retention")) aria-describedby="retention-hint";
            p.hint #retention-hint { (tr_in!(ctx.lang, "web-settings-retention-hint")) }
            button.primary type="submit" { (tr_in!(ctx.lang, "web-settings-save")) }
        }
    };
    page(ctx, &title, "/settings", body)
}

pub fn suspended(ctx: &PageCtx, cards: &[Suspended], notice: Option<&Notice>) -> Markup {
    let title = tr_in!(ctx.lang, "web-suspended-title");
    let body = html! {
        h1 { (title) }
        @if let Some(n) = notice { (notice_line(ctx, n)) }
        @if cards.is_empty() {
            p { (tr_in!(ctx.lang, "web-suspended-none")) }
        } @else {
            ul.cards {
                @for card in cards {
                    li {
                        code { (card.key) }
                        form method="post" action="/api/unsuspend" {
                            (ctx.csrf_field())
                            input type="hidden" name="key" value=(card.key);
                            button.quiet type="submit" aria-label=(tr_in!(ctx.lang, "web-unsuspend-label", key = card.key.as_str())) {
                                (tr_in!(ctx.lang, "web-unsuspend"))
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, "/suspended", body)
}

pub fn history(ctx: &PageCtx, rows: &[HistoryRow], _: Option<&Notice>) -> Markup {
    let title = tr_in!(ctx.lang, "web-history-title");
    let body = html! {
        h1 { (title) }
        @if rows.is_empty() {
            p { (tr_in!(ctx.lang, "web-history-none")) }
        } @else {
            table.history tabindex="0" {
                caption { (tr_in!(ctx.lang, "web-history-caption", n = rows.len())) }
                (head_row(ctx, &["col", "web-history-when", "col", "web-history-card", "col", "web-history-what", "col", "web-history-interval"]))
                tbody {
                    @for r in rows {
                        tr {
                            td { (r.reviewed_at) }
                            th scope="row" { code { (r.card) } }
                            td {
                                (kind_name(ctx, r.kind))
                                @if let Some(rating) = crate::scheduler::Rating::from_u8(r.rating) { " · " (rating_name(ctx, rating)) }
                            }
                            td { @if r.rating > 0 && r.kind == "review" { (human_interval(ctx, r.interval_secs)) } }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, "/history", body)
}

/// A log row's kind in the page's language.
fn kind_name(ctx: &PageCtx, kind: &str) -> String {
    match kind {
        "review" => tr_in!(ctx.lang, "web-history-kind-review"),
        "cram" => tr_in!(ctx.lang, "web-history-kind-cram"),
        "exam" => tr_in!(ctx.lang, "web-history-kind-exam"),
        "manual" => tr_in!(ctx.lang, "web-history-kind-manual"),
        other => other.to_string(),
    }
}
