//! The statistics page. Charts are inline SVG (no script, no image files): the 30-day forecast
//! as bars, the 26-week calendar as squares shaded by the answers of each day; every chart has a
//! text alternative and its figures in a table or a `<title>` per mark.

use maud::{html, Markup};

use super::layout::{head_row, page, PageCtx};
use crate::i18n::durations::time_spent_in;
use crate::stats::report::{Report, Retention, RetentionWindows, Weak};
use crate::tr_in;

pub fn render(ctx: &PageCtx, r: &Report) -> Markup {
    let title = tr_in!(ctx.lang, "web-stats-title");
    let c = &r.cards;
    let body = html! {
        h1 { (title) }
        section {
            h2 { (tr_in!(ctx.lang, "web-stats-cards")) }
            ul.figures {
                li { (tr_in!(ctx.lang, "web-due-new")) ": " strong { (c.new) } }
                li { (tr_in!(ctx.lang, "web-due-learning")) ": " strong { (c.learning + c.relearning) } }
                li { (tr_in!(ctx.lang, "web-due-review")) ": " strong { (c.review) } }
                li { (tr_in!(ctx.lang, "web-stats-suspended")) ": " strong { (c.suspended) } }
            }
            p {
                (tr_in!(ctx.lang, "web-stats-recall", percent = percent(r.mean_retrievability), known = r.likely_known))
            }
            p {
                (tr_in!(ctx.lang, "web-stats-streaks", current = r.current_streak_days, longest = r.longest_streak_days))
                " · "
                (tr_in!(ctx.lang, "web-stats-time", today = time_spent_in(ctx.lang, r.time_spent_today_secs), total = time_spent_in(ctx.lang, r.time_spent_total_secs)))
            }
        }
        section {
            h2 #forecast-title { (tr_in!(ctx.lang, "web-stats-forecast")) }
            (bars(ctx, "forecast", tr_in!(ctx.lang, "web-stats-forecast-desc", total = r.forecast.iter().sum::<usize>(), today = r.forecast.first().copied().unwrap_or(0)), &r.forecast))
        }
        section {
            h2 { (tr_in!(ctx.lang, "web-stats-retention")) }
            (retention(ctx, &r.true_retention_young, &r.true_retention_mature))
        }
        section {
            h2 #calendar-title { (tr_in!(ctx.lang, "web-stats-calendar")) }
            (calendar(ctx, &r.calendar))
        }
        section {
            h2 { (tr_in!(ctx.lang, "web-stats-weak")) }
            (weak(ctx, &tr_in!(ctx.lang, "web-stats-weak-decks"), &r.weak_decks))
            (weak(ctx, &tr_in!(ctx.lang, "web-stats-weak-tags"), &r.weak_tags))
            @if !r.leeches.is_empty() {
                h3 { (tr_in!(ctx.lang, "web-stats-leeches")) }
                ul { @for key in &r.leeches { li { code { (key) } } } }
            }
        }
    };
    page(ctx, &title, "/stats", body)
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

/// Bars of cards due per day, today (overdue included) first, labelled by the element
/// `{id}-title` and described by `desc` (the stats page's forecast, the plan page's reviews).
pub fn bars(ctx: &PageCtx, id: &str, desc: String, days: &[usize]) -> Markup {
    let (width, height, top) = (600.0, 160.0, 10.0);
    let max = days.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = width / days.len().max(1) as f64;
    let last = days.len().saturating_sub(1);
    let ticks: Vec<usize> = [0, 7, 14, 21].into_iter().filter(|&i| i < last).chain([last]).collect();
    html! {
        svg.chart viewBox=(format!("0 0 {width} {}", height + 20.0)) role="img" aria-labelledby=(format!("{id}-title {id}-desc")) {
            desc id=(format!("{id}-desc")) { (desc) }
            line.axis x1="0" y1=(height) x2=(width) y2=(height) {}
            @for (i, &n) in days.iter().enumerate() {
                @let h = (n as f64 / max) * (height - top);
                rect.bar x=(format!("{:.1}", i as f64 * step + 1.0)) y=(format!("{:.1}", height - h))
                    width=(format!("{:.1}", step - 2.0)) height=(format!("{:.1}", h)) {
                    title { (tr_in!(ctx.lang, "web-stats-forecast-bar", day = i, n = n)) }
                }
            }
            @for &i in &ticks {
                text.label x=(format!("{:.1}", i as f64 * step + step / 2.0)) y=(height + 16.0)
                    text-anchor=(if i == last && i > 0 { "end" } else if i == 0 { "start" } else { "middle" }) {
                    (tr_in!(ctx.lang, "web-stats-day", day = i))
                }
            }
        }
    }
}

/// 26 columns of 7 days, the oldest at the left; shade by answers that day.
fn calendar(ctx: &PageCtx, per_day: &[u32]) -> Markup {
    let cell = 14.0;
    let max = per_day.iter().copied().max().unwrap_or(0).max(1);
    let active = per_day.iter().filter(|&&n| n > 0).count();
    html! {
        svg.chart.calendar viewBox=(format!("0 0 {} {}", 26.0 * cell, 7.0 * cell)) role="img" aria-labelledby="calendar-title calendar-desc" {
            desc #calendar-desc { (tr_in!(ctx.lang, "web-stats-calendar-desc", days = active)) }
            @for (k, &n) in per_day.iter().enumerate() {
                @let level = if n == 0 { 0 } else { 1 + (3 * (n - 1) / max).min(3) };
                rect class=(format!("day l{level}")) x=(format!("{:.0}", (k / 7) as f64 * cell + 1.0))
                    y=(format!("{:.0}", (k % 7) as f64 * cell + 1.0)) width=(cell - 2.0) height=(cell - 2.0) rx="2" {
                    title { (tr_in!(ctx.lang, "web-stats-calendar-day", ago = per_day.len() - 1 - k, n = n)) }
                }
            }
        }
    }
}

fn rate(r: &Retention) -> Markup {
    html! {
        @match r.rate {
            Some(rate) => { (format!("{:.0}%", rate * 100.0)) " " span.muted { "(" (r.remembered) "/" (r.asked) ")" } }
            None => "–",
        }
    }
}

fn retention(ctx: &PageCtx, young: &RetentionWindows, mature: &RetentionWindows) -> Markup {
    html! {
        table tabindex="0" {
            caption { (tr_in!(ctx.lang, "web-stats-retention-caption")) }
            thead { tr {
                th scope="col" {}
                th scope="col" { (tr_in!(ctx.lang, "web-stats-today")) }
                th scope="col" { (tr_in!(ctx.lang, "web-stats-days", n = 7)) }
                th scope="col" { (tr_in!(ctx.lang, "web-stats-days", n = 30)) }
                th scope="col" { (tr_in!(ctx.lang, "web-stats-days", n = 365)) }
            } }
            tbody {
                @for (name, w) in [(tr_in!(ctx.lang, "web-stats-young"), young), (tr_in!(ctx.lang, "web-stats-mature"), mature)] {
                    tr {
                        th scope="row" { (name) }
                        td { (rate(&w.today)) } td { (rate(&w.days_7)) } td { (rate(&w.days_30)) } td { (rate(&w.days_365)) }
                    }
                }
            }
        }
    }
}

fn weak(ctx: &PageCtx, caption: &str, rows: &[Weak]) -> Markup {
    html! {
        @if !rows.is_empty() {
            table tabindex="0" {
                caption { (caption) }
                (head_row(ctx, &["col", "web-stats-name", "col", "web-stats-card-count", "col", "web-stats-lapse-rate", "col", "web-stats-mean-recall"]))
                tbody {
                    @for w in rows.iter().take(10) {
                        tr {
                            th scope="row" { (w.name) }
                            td { (w.cards) } td { (percent(w.lapse_rate)) } td { (percent(w.mean_retrievability)) }
                        }
                    }
                }
            }
        }
    }
}
