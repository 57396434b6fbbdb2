//! The exam plans page: each plan not past with where it stands (as `kioku plan` prints it),
//! a button to remove it, and the form to record one.

use maud::{html, Markup};

use super::exam::scope_fields;
use super::layout::{page, PageCtx};
use super::review::notice_line;
use super::stats::bars;
use crate::i18n::dates::date_in;
use crate::tr_in;
use crate::web::desk::Notice;
use crate::web::plan::{PlanPage, PlanView};

pub fn render(ctx: &PageCtx, data: &PlanPage, notice: Option<&Notice>) -> Markup {
    let title = tr_in!(ctx.lang, "web-plan-title");
    let body = html! {
        h1 { (title) }
        @if let Some(n) = notice { (notice_line(ctx, n)) }
        @if data.plans.is_empty() {
            p { (tr_in!(ctx.lang, "web-plan-none")) }
        }
        @for p in &data.plans { (plan(ctx, data, p)) }
        form.start method="post" action="/api/plan" {
            (ctx.csrf_field())
            h2 { (tr_in!(ctx.lang, "web-plan-record")) }
            label for="exam_date" { (tr_in!(ctx.lang, "web-plan-date")) }
            input #exam_date type="text" name="exam_date" required autocomplete="off" aria-describedby="exam_date-hint";
            p.hint #exam_date-hint { (tr_in!(ctx.lang, "web-plan-date-hint")) }
            label for="target" { (tr_in!(ctx.lang, "web-plan-target")) }
            input #target type="number" name="target" min="0.5" max="0.99" step="0.01" value="0.9";
            (scope_fields(ctx, &data.decks))
            button.primary type="submit" { (tr_in!(ctx.lang, "web-plan-submit")) }
        }
    };
    page(ctx, &title, "/plan", body)
}

fn percent(share: f32) -> String {
    format!("{:.0}", share * 100.0)
}

fn plan(ctx: &PageCtx, data: &PlanPage, p: &PlanView) -> Markup {
    let lang = ctx.lang;
    let target = percent(p.target);
    let scope = crate::cli::scope::words_in(lang, &p.decks, &p.tags);
    let date = date_in(lang, p.exam_date);
    let studied = p.cards - p.new;
    let id = format!("plan-{}", p.id);
    html! {
        section.plan aria-labelledby=(format!("{id}-title")) {
            @if p.days_left == 0 {
                h2 id=(format!("{id}-title")) { (tr_in!(lang, "web-plan-exam-today", date = date, target = target.clone(), scope = scope)) }
                p { (tr_in!(lang, "web-plan-scope", total = p.cards, studied = studied, new = p.new)) }
                @if p.cards > 0 {
                    p { (tr_in!(lang, "web-plan-at-target-now", target = target.clone(), above = p.above_target, total = p.cards, share = percent(p.above_target as f32 / p.cards as f32))) }
                }
            } @else {
                h2 id=(format!("{id}-title")) { (tr_in!(lang, "web-plan-exam", date = date, days = p.days_left, target = target.clone(), scope = scope)) }
                p { (tr_in!(lang, "web-plan-scope", total = p.cards, studied = studied, new = p.new)) }
                @if studied > 0 {
                    p { (tr_in!(lang, "web-plan-predicted", target = target.clone(), above = p.above_target, studied = studied, share = percent(p.above_target as f32 / studied as f32))) }
                }
                @if let (Some(done_by), Some(per_day), Some(quota)) = (p.new_done_by, p.new_per_day, p.new_quota_per_day) {
                    @let done_by = date_in(lang, done_by);
                    p { @if quota > data.new_per_day {
                        (tr_in!(lang, "web-plan-new-raised", per_day = per_day, date = done_by, limit = data.new_per_day))
                    } @else {
                        (tr_in!(lang, "web-plan-new-limit", per_day = per_day, quota = quota, date = done_by))
                    } }
                }
                @let days = p.reviews_due_per_day.len();
                @if p.reviews_due_per_day.iter().all(|&n| n == 0) {
                    p { (tr_in!(lang, "web-plan-no-reviews", days = days)) }
                } @else {
                    h3 id=(format!("{id}-reviews-title")) { (tr_in!(lang, "web-plan-reviews")) }
                    @let total = p.reviews_due_per_day.iter().sum::<usize>();
                    @let today = p.reviews_due_per_day.first().copied().unwrap_or(0);
                    (bars(ctx, &format!("{id}-reviews"), tr_in!(lang, "web-plan-reviews-desc", total = total, days = days, today = today), &p.reviews_due_per_day))
                }
                @for warning in &p.warnings {
                    p.notice.warn { (match *warning {
                        "below_target" => tr_in!(lang, "web-plan-warn-below", n = studied - p.above_target, target = target.clone()),
                        "too_late" => tr_in!(lang, "web-plan-warn-too-late", new = p.new, days = p.days_left),
                        "heavy" => tr_in!(lang, "web-plan-warn-heavy", quota = p.new_quota_per_day.unwrap_or(0)),
                        _ => tr_in!(lang, "web-plan-warn-peak", peak = p.peak.unwrap_or(0), limit = data.reviews_per_day),
                    }) }
                }
            }
            form method="post" action="/api/plan/remove" {
                (ctx.csrf_field())
                input type="hidden" name="id" value=(p.id);
                button type="submit" { (tr_in!(lang, "web-plan-remove", id = p.id)) }
            }
        }
    }
}
