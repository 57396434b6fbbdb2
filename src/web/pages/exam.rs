//! The mock exam page: the form to start one, the question on screen with the time left (the
//! script counts down; the server enforces the limit whatever the page shows), the verdict of
//! the last answer, the report at the end, and past papers.

use maud::{html, Markup};

use super::layout::{head_row, human_interval, page, rich, PageCtx};
use super::review::{notice_line, question, verdict_name};
use crate::i18n::durations::time_spent_in;
use crate::tr_in;
use crate::web::quiz_view::{ExamView, Paper};
use crate::web::view::Phase;

const EXAM: &str = "/api/exam";

pub fn render(ctx: &PageCtx, view: &ExamView, papers: &[Paper], decks: &[String]) -> Markup {
    let title = tr_in!(ctx.lang, "web-exam-title");
    let body = html! {
        h1 { (title) }
        @if let Some(notice) = &view.notice { (notice_line(ctx, notice)) }
        @if let Some(last) = &view.last {
            @if view.phase == Phase::Question {
                p.verdict.(last.verdict) role="status" {
                    (tr_in!(ctx.lang, "web-exam-last", n = last.number, verdict = verdict_name(ctx, last.verdict)))
                }
            }
        }
        @match (&view.card, view.number) {
            (Some(card), Some(number)) => {
                p.counts {
                    span { (tr_in!(ctx.lang, "web-exam-progress", n = number, total = view.questions)) }
                    @if let Some(left) = view.time_left_secs {
                        span.timer {
                            (tr_in!(ctx.lang, "web-exam-time-left")) " "
                            time #time-left role="timer" data-seconds-left=(left) { (countdown(left)) }
                        }
                    }
                }
                article.card data-kind=(card.kind) data-phase="question" {
                    p.meta { span.deck { (card.deck) } }
                    @if let Some(section) = &card.section { p.section { (rich(section, view.readings)) } }
                    h1.prompt #prompt { (rich(&card.prompt, view.readings)) }
                    (question(ctx, EXAM, card, view.readings))
                }
                div.actions {
                    form method="post" action="/api/exam/quit" {
                        (ctx.csrf_field())
                        button.quiet type="submit" { (tr_in!(ctx.lang, "web-exam-quit")) }
                    }
                }
            }
            _ => {
                @if let Some(report) = &view.report {
                    section.report {
                        h2 { (tr_in!(ctx.lang, "web-exam-report")) }
                        p.score { (tr_in!(ctx.lang, "web-exam-score", score = report.score, questions = report.questions,
                            percent = report.score * 100 / report.questions.max(1))) }
                        p { (tr_in!(ctx.lang, "web-exam-duration", time = time_spent_in(ctx.lang, report.duration_secs))) }
                        @if report.timed_out { p.notice.warn { (tr_in!(ctx.lang, "web-exam-timed-out")) } }
                        @if let Some(seed) = view.seed { p.muted { (tr_in!(ctx.lang, "web-exam-seed-line", seed = seed.to_string())) } }
                        (breakdown(ctx, &tr_in!(ctx.lang, "web-exam-by-deck"), &report.by_deck))
                        @if !report.by_tag.is_empty() { (breakdown(ctx, &tr_in!(ctx.lang, "web-exam-by-tag"), &report.by_tag)) }
                        @if let Some(n) = report.fed_to_review { p { (tr_in!(ctx.lang, "web-exam-fed", n = n)) } }
                        @if !report.misses.is_empty() {
                            h2 { (tr_in!(ctx.lang, "web-exam-misses")) }
                            ol.misses {
                                @for miss in &report.misses {
                                    li value=(miss.number) {
                                        p { (miss.prompt) }
                                        p { (tr_in!(ctx.lang, "web-answer")) ": " strong { (miss.answer.text(ctx.lang)) } }
                                        @if let Some(explanation) = &miss.explanation { p.muted { (explanation) } }
                                    }
                                }
                            }
                        }
                    }
                }
                (start_form(ctx, decks))
            }
        }
        h2 { (tr_in!(ctx.lang, "web-exam-papers")) }
        @if papers.is_empty() {
            p { (tr_in!(ctx.lang, "web-exam-no-papers")) }
        } @else {
            table.papers tabindex="0" {
                (head_row(ctx, &["col", "web-exam-taken", "col", "web-exam-score-head", "col", "web-exam-time-head", "col", "web-exam-scope"]))
                tbody {
                    @for p in papers {
                        tr {
                            th scope="row" { (p.taken_at.get(..16).unwrap_or(&p.taken_at).replace('T', " ")) }
                            td { (p.score) "/" (p.questions) }
                            td { (human_interval(ctx, p.duration_secs)) }
                            td { (crate::cli::scope::shown_in(ctx.lang, &p.scope)) }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, "/exam", body)
}

/// Right and asked per deck or per tag.
fn breakdown(ctx: &PageCtx, caption: &str, rows: &[(String, u32, u32)]) -> Markup {
    html! {
        table tabindex="0" {
            caption { (caption) }
            (head_row(ctx, &["col", "web-exam-name", "col", "web-exam-right", "col", "web-exam-asked"]))
            tbody {
                @for (name, right, asked) in rows {
                    tr { th scope="row" { (name) } td { (right) } td { (asked) } }
                }
            }
        }
    }
}

/// The scope fields an exam and a cram share: a deck and a tag.
pub fn scope_fields(ctx: &PageCtx, decks: &[String]) -> Markup {
    html! {
        label for="deck" { (tr_in!(ctx.lang, "web-exam-deck")) }
        select #deck name="deck" {
            option value="" { (tr_in!(ctx.lang, "web-exam-all-decks")) }
            @for deck in decks { option value=(deck) { (deck) } }
        }
        label for="tag" { (tr_in!(ctx.lang, "web-exam-tag")) }
        input #tag type="text" name="tag" autocomplete="off";
    }
}

fn start_form(ctx: &PageCtx, decks: &[String]) -> Markup {
    html! {
        form.start method="post" action="/api/exam/start" {
            (ctx.csrf_field())
            h2 { (tr_in!(ctx.lang, "web-exam-new")) }
            label for="count" { (tr_in!(ctx.lang, "web-exam-count")) }
            input #count type="number" name="count" min="1" max="500" value="20";
            label for="time_limit" { (tr_in!(ctx.lang, "web-exam-time-limit")) }
            input #time_limit type="number" name="time_limit" min="1" max="600";
            (scope_fields(ctx, decks))
            label for="seed" { (tr_in!(ctx.lang, "web-exam-seed")) }
            input #seed type="text" name="seed" inputmode="numeric" autocomplete="off";
            label.check { input type="checkbox" name="feed_review" value="true"; " " (tr_in!(ctx.lang, "web-exam-feed-review")) }
            button.primary type="submit" { (tr_in!(ctx.lang, "web-exam-start")) }
        }
    }
}

/// The time left on the exam's running clock, `m:ss` as the page's script counts it down
/// (app.js); time spent is written with `time_spent_in`.
fn countdown(secs: i64) -> String {
    let secs = secs.max(0);
    format!("{}:{:02}", secs / 60, secs % 60)
}
