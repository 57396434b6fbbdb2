//! The frame of every page, and deck text with its readings as `<ruby>`. Everything
//! interpolated is escaped by maud; `PreEscaped` is never given deck text.

use maud::{html, Markup, DOCTYPE};

use crate::deck::reading::{self, Segment};
use crate::tr_in;
use crate::web::text::Lang;

/// What every page needs from the request.
pub struct PageCtx<'a> {
    pub lang: Lang,
    /// The CSRF token for forms (and, in a `<meta>`, for the script's requests).
    pub csrf: &'a str,
    /// A deck file that could not be read when a session last started (file:line:col and what
    /// is wrong): every page says so until it is fixed.
    pub problem: Option<String>,
    /// Who is signed in, on a class server (the navigation then offers to sign out).
    pub account: Option<&'a str>,
}

impl PageCtx<'_> {
    /// The hidden CSRF field every form carries.
    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf); }
    }
}

/// A full page: navigation, `body`, the stylesheet and the script (both served from the binary).
pub fn page(ctx: &PageCtx, title: &str, current: &str, body: Markup) -> Markup {
    let nav = [
        ("/", tr_in!(ctx.lang, "web-nav-home")),
        ("/review", tr_in!(ctx.lang, "web-nav-review")),
        ("/exam", tr_in!(ctx.lang, "web-nav-exam")),
        ("/cram", tr_in!(ctx.lang, "web-nav-cram")),
        ("/stats", tr_in!(ctx.lang, "web-nav-stats")),
        ("/plan", tr_in!(ctx.lang, "web-nav-plan")),
        ("/decks", tr_in!(ctx.lang, "web-nav-decks")),
        ("/history", tr_in!(ctx.lang, "web-nav-history")),
        ("/suspended", tr_in!(ctx.lang, "web-nav-suspended")),
        ("/settings", tr_in!(ctx.lang, "web-nav-settings")),
    ];
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="csrf-token" content=(ctx.csrf);
                title { (title) " · kioku" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { (tr_in!(ctx.lang, "web-skip-to-content")) }
                header.top {
                    nav aria-label=(tr_in!(ctx.lang, "web-nav-label")) {
                        span.brand lang="ja" { "記憶" }
                        @for (href, label) in &nav {
                            @if *href == current {
                                a href=(href) aria-current="page" { (label) }
                            } @else {
                                a href=(href) { (label) }
                            }
                        }
                        @if let Some(account) = ctx.account {
                            (sign_out(ctx.lang, ctx.csrf, account))
                        }
                    }
                }
                main #main {
                    @if let Some(problem) = &ctx.problem {
                        div.notice.warn.problem role="alert" {
                            p { (tr_in!(ctx.lang, "web-deck-problem")) }
                            pre { (problem) }
                        }
                    }
                    (body)
                }
            }
        }
    }
}

/// Who is signed in and the form that signs out (class server).
pub fn sign_out(lang: Lang, csrf: &str, account: &str) -> Markup {
    html! {
        form.signout method="post" action="/api/logout" {
            input type="hidden" name="csrf" value=(csrf);
            span.account { (account) }
            button type="submit" { (tr_in!(lang, "class-web-sign-out")) }
        }
    }
}

/// A page without the script: the document, its `<head>` (title, stylesheet) and `body`.
pub fn plain(lang: Lang, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · kioku" }
                link rel="stylesheet" href="/assets/app.css";
            }
            body { (body) }
        }
    }
}

/// A table's header row: one column header per key of the catalogue (an empty key: an empty
/// header, above a column of row headers).
pub fn head_row(ctx: &PageCtx, keys: &[&str]) -> Markup {
    html! {
        thead { tr { @for key in keys {
            th scope="col" { @if !key.is_empty() { (tr_in!(ctx.lang, key)) } }
        } } }
    }
}

/// A page with only a title and a message (refusals, errors): no navigation, no form.
pub fn bare(lang: Lang, title: &str, message: &str) -> Markup {
    let body = html! {
        main #main.bare {
            h1 { (title) }
            p { (message) }
        }
    };
    plain(lang, title, body)
}

/// Deck text with its readings: `<ruby>文在寅<rt>ムン・ジェイン</rt></ruby>` when readings are
/// shown, the base alone when not. Line breaks in the text become `<br>`.
pub fn rich(text: &str, show_readings: bool) -> Markup {
    let segments = reading::parse(text);
    html! {
        @for segment in &segments {
            @match segment {
                Segment::Text(t) => {
                    @for (i, line) in t.split('\n').enumerate() {
                        @if i > 0 { br; }
                        (line)
                    }
                }
                Segment::Ruby { base, reading } => {
                    @if show_readings {
                        ruby { (base) rp { "(" } rt { (reading) } rp { ")" } }
                    } @else {
                        (base)
                    }
                }
            }
        }
    }
}

/// An interval in the units people read on a grade button, in the page's language: 45s, 10m,
/// 3h, 4d, 2mo, 1.5y (45秒, 10分, …).
pub fn human_interval(ctx: &PageCtx, secs: i64) -> String {
    crate::i18n::durations::human_interval_in(ctx.lang, secs)
}
