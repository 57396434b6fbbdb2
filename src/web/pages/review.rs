//! The review page: the card on screen as a form for its kind, its answer side with the four
//! grades and their next intervals, undo, suspend and bury, and the summary at the end. Every
//! action is a form posted to the JSON API's route (answered with a redirect back here), so the
//! page works without its script; the script adds keyboard shortcuts, tapping the order of
//! items, and the input-method guard on typed answers.

use maud::{html, Markup};

use super::layout::{human_interval, page, rich, PageCtx};
use crate::scheduler::Rating;
use crate::session::judge::Shown;
use crate::tr_in;
use crate::web::desk::{Answered, Notice};
use crate::web::view::{CardView, Input, Phase, RevealView, ReviewView, SummaryView};

/// Where the review's actions are posted.
const REVIEW: &str = "/api/review";

pub fn render(ctx: &PageCtx, view: &ReviewView) -> Markup {
    let title = tr_in!(ctx.lang, "web-review-title");
    let body = html! {
        (counts(ctx, view))
        @if let Some(notice) = &view.notice { (notice_line(ctx, notice)) }
        @match (view.phase, &view.card) {
            (Phase::Done, _) | (_, None) => (summary(ctx, view.summary.as_ref(), view.undo.as_ref())),
            (phase, Some(card)) => {
                article.card data-kind=(card.kind) data-phase=(if phase == Phase::Answer { "answer" } else { "question" }) {
                    p.meta {
                        span.deck { (card.deck) }
                        " · " span.state { (state_name(ctx, card.state)) }
                        @if !card.tags.is_empty() { " · " span.tags { (card.tags.join(", ")) } }
                    }
                    @if let Some(section) = &card.section { p.section { (rich(section, view.readings)) } }
                    h1.prompt #prompt { (rich(&card.prompt, view.readings)) }
                    @match &view.reveal {
                        None => (question(ctx, REVIEW, card, view.readings)),
                        Some(reveal) => (answer_side(ctx, REVIEW, card, reveal, view.readings)),
                    }
                }
                (card_actions(ctx, card, view.undo.as_ref()))
            }
        }
        (help(ctx))
    };
    page(ctx, &title, "/review", body)
}

fn counts(ctx: &PageCtx, view: &ReviewView) -> Markup {
    let l = view.left;
    html! {
        p.counts aria-label=(tr_in!(ctx.lang, "web-left-label")) {
            span.new { (tr_in!(ctx.lang, "web-left-new", n = l.new)) }
            span.learning { (tr_in!(ctx.lang, "web-left-learning", n = l.learning)) }
            span.review { (tr_in!(ctx.lang, "web-left-review", n = l.review)) }
        }
    }
}

/// A notice as a status line (shared by every page that takes a form).
pub fn notice_line(ctx: &PageCtx, notice: &Notice) -> Markup {
    let (class, text) = match notice {
        Notice::Saved { key, leech: true, .. } => ("warn", tr_in!(ctx.lang, "web-notice-leech", key = key)),
        Notice::Saved { .. } => ("ok", tr_in!(ctx.lang, "web-notice-saved")),
        Notice::Undone { key } => ("ok", tr_in!(ctx.lang, "web-notice-undone", key = key)),
        Notice::Suspended { key } => ("ok", tr_in!(ctx.lang, "web-notice-suspended", key = key)),
        Notice::Buried { key } => ("ok", tr_in!(ctx.lang, "web-notice-buried", key = key)),
        Notice::Stale { .. } => ("warn", tr_in!(ctx.lang, "web-notice-stale")),
        Notice::Invalid { message } => ("warn", tr_in!(ctx.lang, "web-notice-invalid", message = message)),
        Notice::NothingToUndo => ("warn", tr_in!(ctx.lang, "web-notice-nothing-to-undo")),
        Notice::Unsuspended { key } => ("ok", tr_in!(ctx.lang, "web-notice-unsuspended", key = key)),
        Notice::SettingsSaved => ("ok", tr_in!(ctx.lang, "web-notice-settings-saved")),
        Notice::CramSaved { .. } => ("ok", tr_in!(ctx.lang, "web-notice-saved")),
        Notice::PlanRecorded { id, moved, updated: true } => {
            ("ok", tr_in!(ctx.lang, "web-plan-updated", id = *id, moved = *moved))
        }
        Notice::PlanRecorded { id, moved, updated: false } => {
            ("ok", tr_in!(ctx.lang, "web-plan-recorded", id = *id, moved = *moved))
        }
        Notice::PlanRemoved { id } => ("ok", tr_in!(ctx.lang, "web-plan-removed", id = *id)),
    };
    html! { p.notice.(class) role="status" { (text) } }
}

/// The hidden fields naming the card as shown (the stale-state check).
pub fn card_fields(ctx: &PageCtx, card: &CardView) -> Markup {
    html! {
        (ctx.csrf_field())
        input type="hidden" name="key" value=(card.key);
        input type="hidden" name="version" value=(card.version);
    }
}

/// The card's question side as a form posted to `{base}/respond` (review, cram, exam alike).
pub fn question(ctx: &PageCtx, base: &str, card: &CardView, readings: bool) -> Markup {
    html! {
        form.respond method="post" action=(format!("{base}/respond")) {
            (card_fields(ctx, card))
            @match card.input {
                Input::Reveal => {
                    input type="hidden" name="response" value="";
                    button.primary type="submit" data-keys="space enter" autofocus {
                        (tr_in!(ctx.lang, "web-show-answer")) kbd { "Space" }
                    }
                }
                Input::Text => {
                    label for="response" { (tr_in!(ctx.lang, "web-your-answer")) }
                    input #response type="text" name="response" data-ime autocomplete="off"
                        autocapitalize="off" spellcheck="false" autofocus enterkeyhint="done";
                    p.hint { (tr_in!(ctx.lang, "web-typed-hint")) }
                    button.primary type="submit" { (tr_in!(ctx.lang, "web-check")) kbd { "Enter" } }
                }
                Input::Choice => {
                    fieldset.options {
                        legend { (tr_in!(ctx.lang, "web-choose")) }
                        @for (i, option) in card.options.iter().enumerate() {
                            button.option type="submit" name="response" value=(i + 1) data-keys=(i + 1) {
                                kbd { (i + 1) } " " (rich(option, readings))
                            }
                        }
                    }
                    p.hint { (tr_in!(ctx.lang, "web-dont-know-hint")) }
                    button.quiet type="submit" name="response" value="" { (tr_in!(ctx.lang, "web-dont-know")) }
                }
                Input::TrueFalse => {
                    fieldset.options.truefalse {
                        legend { (tr_in!(ctx.lang, "web-true-or-false")) }
                        button.option type="submit" name="response" value="true" data-keys="t 1" {
                            kbd { "T" } " " (tr_in!(ctx.lang, "web-true"))
                        }
                        button.option type="submit" name="response" value="false" data-keys="f 2" {
                            kbd { "F" } " " (tr_in!(ctx.lang, "web-false"))
                        }
                    }
                    button.quiet type="submit" name="response" value="" { (tr_in!(ctx.lang, "web-dont-know")) }
                }
                Input::Order => {
                    p.hint #order-hint { (tr_in!(ctx.lang, "web-order-hint")) }
                    // Tap items in order, or (with the script) drag them by their handle or
                    // move them with the arrow buttons, which a keyboard and a screen reader reach.
                    ol.items data-moved=(tr_in!(ctx.lang, "web-order-moved", n = "{n}", place = "{place}")) {
                        @for (i, item) in card.options.iter().enumerate() {
                            li data-item=(i + 1) {
                                button.item type="button" data-order=(i + 1) {
                                    kbd { (i + 1) } " " (rich(item, readings))
                                    span.place aria-hidden="true" {}
                                }
                                span.move hidden {
                                    button.up type="button" data-move="up" aria-label=(tr_in!(ctx.lang, "web-order-up", n = i + 1)) { "↑" }
                                    button.down type="button" data-move="down" aria-label=(tr_in!(ctx.lang, "web-order-down", n = i + 1)) { "↓" }
                                }
                                span.handle aria-hidden="true" hidden title=(tr_in!(ctx.lang, "web-order-drag")) { "⠿" }
                            }
                        }
                    }
                    p.visually-hidden #order-live aria-live="polite" {}
                    label for="response" { (tr_in!(ctx.lang, "web-order-label")) }
                    input #response type="text" name="response" data-ime data-order-field
                        inputmode="numeric" autocomplete="off" aria-describedby="order-hint";
                    div.row {
                        button.quiet type="button" data-order-clear { (tr_in!(ctx.lang, "web-order-clear")) }
                        button.primary type="submit" { (tr_in!(ctx.lang, "web-check")) kbd { "Enter" } }
                    }
                }
            }
        }
    }
}

/// The answer side with the four grades posted to `{base}/grade`, each with its next interval
/// when the grade changes the schedule.
pub fn answer_side(ctx: &PageCtx, base: &str, card: &CardView, reveal: &RevealView, readings: bool) -> Markup {
    html! {
        @if let Some(verdict) = reveal.verdict {
            p.verdict.(verdict) role="status" { (verdict_name(ctx, verdict)) }
        }
        @if card.input == Input::Choice {
            ol.options.judged {
                @for (i, option) in card.options.iter().enumerate() {
                    @let n = i + 1;
                    @let class = if Some(n) == reveal.right_option { "right" } else if Some(n) == reveal.chosen_option { "wrong" } else { "" };
                    li.(class) {
                        kbd { (n) } " " (rich(option, readings))
                        @if Some(n) == reveal.right_option { " " span.mark { (tr_in!(ctx.lang, "web-mark-right")) } }
                        @if Some(n) == reveal.chosen_option && Some(n) != reveal.right_option { " " span.mark { (tr_in!(ctx.lang, "web-mark-chosen")) } }
                    }
                }
            }
        }
        dl.answer {
            dt { (tr_in!(ctx.lang, "web-answer")) }
            dd #answer {
                @if card.input == Input::TrueFalse {
                    (Shown::TrueFalse { value: reveal.answer == "true" }.text(ctx.lang))
                } @else {
                    (rich(&reveal.answer, readings))
                }
            }
            @if !reveal.response.trim().is_empty() && card.input != Input::Choice {
                dt { (tr_in!(ctx.lang, "web-you")) }
                dd.response { (reveal.response) }
            }
        }
        @if !reveal.notes.is_empty() {
            ul.notes { @for note in &reveal.notes { li { (note.line(ctx.lang)) } } }
        }
        @if let Some(explanation) = &reveal.explanation {
            div.explanation { p { (rich(explanation, readings)) } }
        }
        form.grades method="post" action=(format!("{base}/grade")) {
            (card_fields(ctx, card))
            fieldset {
                legend { (tr_in!(ctx.lang, "web-grade")) }
                @for rating in Rating::ALL {
                    @let n = rating.as_u8();
                    @let keys = if n == reveal.suggested { format!("{n} space enter") } else { n.to_string() };
                    button.grade.(rating.name()) type="submit" name="rating" value=(n) data-keys=(keys)
                        autofocus[n == reveal.suggested]
                        aria-describedby=[reveal.intervals_secs.map(|_| format!("next-{n}"))] {
                        kbd { (n) } " " (rating_name(ctx, rating))
                        @if let Some(intervals) = reveal.intervals_secs {
                            span.next #(format!("next-{n}")) { (human_interval(ctx, intervals.get(rating))) }
                        }
                    }
                }
            }
        }
    }
}

/// The undo button: a form that names the newest answer, so a second tab's undo is stale
/// rather than taking back one more (review and cram alike).
pub fn undo_form(ctx: &PageCtx, action: &str, newest: &Answered) -> Markup {
    html! {
        form method="post" action=(action) {
            (ctx.csrf_field())
            input type="hidden" name="key" value=(newest.key);
            input type="hidden" name="version" value=(newest.version);
            button.quiet type="submit" data-keys="u" { kbd { "U" } " " (tr_in!(ctx.lang, "web-undo")) }
        }
    }
}

/// Undo, suspend and bury, each a small form.
fn card_actions(ctx: &PageCtx, card: &CardView, undo: Option<&Answered>) -> Markup {
    html! {
        div.actions {
            @if let Some(newest) = undo { (undo_form(ctx, "/api/review/undo", newest)) }
            form method="post" action="/api/review/suspend" {
                (card_fields(ctx, card))
                button.quiet type="submit" data-keys="s" { kbd { "S" } " " (tr_in!(ctx.lang, "web-suspend")) }
            }
            form method="post" action="/api/review/bury" {
                (card_fields(ctx, card))
                button.quiet type="submit" data-keys="b" { kbd { "B" } " " (tr_in!(ctx.lang, "web-bury")) }
            }
        }
    }
}

fn summary(ctx: &PageCtx, summary: Option<&SummaryView>, undo: Option<&Answered>) -> Markup {
    html! {
        section.summary {
            h1 { (tr_in!(ctx.lang, "web-summary-title")) }
            @if let Some(s) = summary {
                ul {
                    li { (tr_in!(ctx.lang, "web-summary-answered", n = s.saved, time = crate::i18n::durations::time_spent_in(ctx.lang, s.time_spent_secs))) }
                    @if let Some((remembered, asked)) = s.true_retention_today {
                        li { (tr_in!(ctx.lang, "web-summary-retention", percent = remembered * 100 / asked.max(1), remembered = remembered, asked = asked)) }
                    }
                    @if let Some(secs) = s.next_learning_in_secs {
                        li { (tr_in!(ctx.lang, "web-summary-next-learning", after = human_interval(ctx, secs))) }
                    }
                    li { (tr_in!(ctx.lang, "web-summary-due-tomorrow", n = s.due_tomorrow)) }
                    li { (tr_in!(ctx.lang, "web-summary-streak", n = s.streak_days)) }
                }
            }
            div.actions {
                @if let Some(newest) = undo { (undo_form(ctx, "/api/review/undo", newest)) }
                form method="post" action="/api/review/start" {
                    (ctx.csrf_field())
                    button.primary type="submit" { (tr_in!(ctx.lang, "web-review-again")) }
                }
                a.button href="/" { (tr_in!(ctx.lang, "web-nav-home")) }
            }
        }
    }
}

pub fn help(ctx: &PageCtx) -> Markup {
    html! {
        details.help #help {
            summary { (tr_in!(ctx.lang, "web-help-title")) kbd { "?" } }
            dl {
                dt { kbd { "Space" } " " kbd { "Enter" } } dd { (tr_in!(ctx.lang, "web-help-reveal")) }
                dt { kbd { "1" } "–" kbd { "4" } } dd { (tr_in!(ctx.lang, "web-help-grade")) }
                dt { kbd { "U" } } dd { (tr_in!(ctx.lang, "web-undo")) }
                dt { kbd { "S" } } dd { (tr_in!(ctx.lang, "web-suspend")) }
                dt { kbd { "B" } } dd { (tr_in!(ctx.lang, "web-bury")) }
            }
        }
    }
}

pub fn state_name(ctx: &PageCtx, state: &str) -> String {
    match state {
        "new" => tr_in!(ctx.lang, "web-state-new"),
        "learning" => tr_in!(ctx.lang, "web-state-learning"),
        "relearning" => tr_in!(ctx.lang, "web-state-relearning"),
        _ => tr_in!(ctx.lang, "web-state-review"),
    }
}

pub fn verdict_name(ctx: &PageCtx, verdict: &str) -> String {
    match verdict {
        "right" => tr_in!(ctx.lang, "web-verdict-right"),
        "almost" => tr_in!(ctx.lang, "web-verdict-almost"),
        _ => tr_in!(ctx.lang, "web-verdict-wrong"),
    }
}

pub fn rating_name(ctx: &PageCtx, rating: Rating) -> String {
    match rating {
        Rating::Again => tr_in!(ctx.lang, "web-rating-again"),
        Rating::Hard => tr_in!(ctx.lang, "web-rating-hard"),
        Rating::Good => tr_in!(ctx.lang, "web-rating-good"),
        Rating::Easy => tr_in!(ctx.lang, "web-rating-easy"),
    }
}
