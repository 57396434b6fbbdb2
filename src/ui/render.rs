//! Rendering a review screen: a pure function from a view model to styled lines, fitted to the
//! terminal's width by display width (Japanese is double width). Snapshot-tested.

use unicode_width::UnicodeWidthStr;

use super::wrap::{wrap, wrap_indented, wrap_typed};

use crate::answer::Verdict;
use crate::scheduler::Rating;
use crate::tr;

/// How a span is drawn. The terminal maps these to colours (none with NO_COLOR).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Dim,
    Bold,
    Rating(Rating),
    Verdict(Verdict),
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// One screen line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line(pub Vec<Span>);

impl Line {
    fn plain(text: impl Into<String>) -> Line {
        Line(vec![Span { text: text.into(), style: Style::Plain }])
    }
    fn styled(text: impl Into<String>, style: Style) -> Line {
        Line(vec![Span { text: text.into(), style }])
    }
    /// The text without styles.
    pub fn text(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Which step of a card the screen shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// The question; `input` is the line typed so far for a judged card.
    Question { input: Option<String> },
    /// The answer, with what each grade would do.
    Answer(Reveal),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    pub verdict: Option<Verdict>,
    /// The expected answer, the response, the difference or the score.
    pub lines: Vec<String>,
    pub explanation: Option<String>,
    /// Each grade with its next interval in human units.
    pub intervals: Vec<(Rating, String)>,
    pub suggested: Rating,
}

/// Everything the review screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewView {
    pub deck: String,
    pub tags: Vec<String>,
    /// new, learning, review or relearning.
    pub state: String,
    /// Cards left today: (new, learning, review).
    pub counts: (usize, usize, usize),
    pub prompt: String,
    /// Options or items, numbered as displayed.
    pub choices: Vec<String>,
    /// A hint under the prompt ("type the answer", "true or false?").
    pub hint: Option<String>,
    pub phase: Phase,
    pub message: Option<String>,
    pub help: bool,
    /// Replaces the counts in the header (exam: "question 2/10 · 4m left"; cram: "8 left").
    pub progress: Option<String>,
    /// Replaces the key legend at the bottom.
    pub keys: Option<String>,
}

/// The narrowest layout kioku draws; a smaller terminal gets lines cut, never garbage.
pub const MIN_WIDTH: usize = 20;

/// The help screen (`?`), in the interface language: keys in a column as wide as the widest.
fn help_lines() -> Vec<String> {
    let grades = tr!(
        "review-help-grade",
        again = Rating::Again.label(),
        hard = Rating::Hard.label(),
        good = Rating::Good.label(),
        easy = Rating::Easy.label()
    );
    let keys: [(String, String); 8] = [
        (tr!("review-help-show-keys"), tr!("review-help-show")),
        ("1 2 3 4".into(), grades),
        (tr!("review-help-suggested-keys"), tr!("review-help-suggested")),
        ("u".into(), tr!("review-help-undo")),
        ("s".into(), tr!("review-help-suspend")),
        ("b".into(), tr!("review-help-bury")),
        (tr!("review-help-quit-keys"), tr!("review-help-quit")),
        ("?".into(), tr!("review-help-help")),
    ];
    let column = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0).max(":u :s :b :q".width()) + 2;
    let row = |k: &str, what: &str| format!("  {}{what}", crate::ui::columns::pad_end(k, column));
    let mut lines = vec![tr!("review-help-title")];
    lines.extend(keys.iter().map(|(k, what)| row(k, what)));
    lines.push(tr!("review-help-typing-title"));
    lines.push(format!("  {}", tr!("review-help-typing-enter")));
    lines.push(row(":u :s :b :q", &tr!("review-help-typing-commands")));
    lines.push(tr!("review-help-saved"));
    lines.push(String::new());
    lines.push(tr!("review-help-back"));
    lines
}

/// The screen after the last card: the session's summary (`summary`, one line each), a message
/// (e.g. "nothing to undo"), and the keys that still work.
pub fn render_summary(summary: &[String], message: Option<&str>, width: usize) -> Vec<Line> {
    let width = width.max(MIN_WIDTH);
    let mut lines = vec![Line::styled(tr!("review-summary-title"), Style::Bold)];
    lines.push(Line::styled("─".repeat(width), Style::Dim));
    lines.push(Line::default());
    for s in summary {
        lines.extend(wrap_indented(s, width, "  ").into_iter().map(Line::plain));
    }
    lines.push(Line::default());
    if let Some(m) = message {
        lines.extend(wrap(m, width).into_iter().map(|l| Line::styled(l, Style::Error)));
    }
    lines.push(Line::styled("─".repeat(width), Style::Dim));
    lines.extend(wrap(&tr!("review-summary-keys"), width).into_iter().map(|l| Line::styled(l, Style::Dim)));
    lines
}

/// Lays out `view` for a terminal `width` columns wide.
pub fn render(view: &ReviewView, width: usize) -> Vec<Line> {
    let width = width.max(MIN_WIDTH);
    let mut lines = Vec::new();
    // Header: where the card comes from, and how much is left.
    let mut about = format!("{} · {}", view.deck, view.state);
    if !view.tags.is_empty() {
        about.push_str(&format!(" · {}", view.tags.join(", ")));
    }
    let (new, learning, review) = view.counts;
    let counts =
        view.progress.clone().unwrap_or_else(|| tr!("review-counts", new = new, learning = learning, review = review));
    if about.width() + 2 + counts.width() <= width {
        let gap = width - about.width() - counts.width();
        lines.push(Line(vec![
            Span { text: about, style: Style::Dim },
            Span { text: " ".repeat(gap), style: Style::Plain },
            Span { text: counts, style: Style::Plain },
        ]));
    } else {
        lines.extend(wrap(&about, width).into_iter().map(|l| Line::styled(l, Style::Dim)));
        lines.extend(wrap(&counts, width).into_iter().map(Line::plain));
    }
    lines.push(Line::styled("─".repeat(width), Style::Dim));
    lines.push(Line::default());

    if view.help {
        lines.extend(help_lines().iter().flat_map(|h| wrap(h, width)).map(Line::plain));
        return lines;
    }

    for l in wrap_indented(&view.prompt, width, "  ") {
        lines.push(Line::styled(l, Style::Bold));
    }
    if !view.choices.is_empty() {
        lines.push(Line::default());
        for (i, choice) in view.choices.iter().enumerate() {
            let label = format!("  {}  ", i + 1);
            let body = wrap(choice, width.saturating_sub(label.width()).max(4));
            for (k, part) in body.into_iter().enumerate() {
                let lead = if k == 0 { label.clone() } else { " ".repeat(label.width()) };
                lines.push(Line::plain(format!("{lead}{part}")));
            }
        }
    }

    match &view.phase {
        Phase::Question { input } => {
            if let Some(hint) = &view.hint {
                lines.push(Line::default());
                lines.extend(wrap_indented(hint, width, "  ").into_iter().map(|l| Line::styled(l, Style::Dim)));
            }
            if let Some(input) = input {
                // Typed text wraps by characters, so the terminal can place the cursor.
                lines.extend(wrap_typed(input, width - 4).into_iter().enumerate().map(|(i, l)| {
                    let lead = if i == 0 { "  > " } else { "    " };
                    Line::plain(format!("{lead}{l}"))
                }));
            }
        }
        Phase::Answer(reveal) => {
            lines.push(Line::default());
            if let Some(verdict) = reveal.verdict {
                let word = match verdict {
                    Verdict::Right => tr!("review-verdict-right"),
                    Verdict::Almost => tr!("review-verdict-almost"),
                    Verdict::Wrong => tr!("review-verdict-wrong"),
                };
                lines.push(Line::styled(format!("  {word}"), Style::Verdict(verdict)));
            }
            for l in &reveal.lines {
                lines.extend(wrap_indented(l, width, "  ").into_iter().map(Line::plain));
            }
            if let Some(explanation) = &reveal.explanation {
                lines.push(Line::default());
                // The learning text itself: the normal colour, never dimmed (issue 20).
                lines.extend(wrap_indented(explanation, width, "  ").into_iter().map(Line::plain));
            }
            if !reveal.intervals.is_empty() {
                lines.push(Line::default());
                // After a choice or true/false judged on screen the digits change meaning: they
                // chose an option, now they grade (issue 20).
                if reveal.verdict.is_some() && !view.choices.is_empty() {
                    let step = tr!("session-grade-now", suggested = reveal.suggested.label());
                    lines.extend(wrap_indented(&step, width, "  ").into_iter().map(|l| Line::styled(l, Style::Bold)));
                }
                lines.extend(interval_lines(&reveal.intervals, width));
            }
        }
    }

    if let Some(message) = &view.message {
        lines.push(Line::default());
        lines.extend(wrap_indented(message, width, "  ").into_iter().map(|l| Line::styled(l, Style::Error)));
    }
    lines.push(Line::default());
    lines.push(Line::styled("─".repeat(width), Style::Dim));
    let keys = view.keys.clone().unwrap_or_else(|| match &view.phase {
        Phase::Question { input: Some(_) } => tr!("review-keys-typing"),
        Phase::Question { input: None } => tr!("review-keys-question"),
        Phase::Answer(r) => tr!("review-keys-answer", grade = r.suggested.label()),
    });
    lines.extend(wrap(&keys, width).into_iter().map(|l| Line::styled(l, Style::Dim)));
    lines
}

/// "1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 9d", each grade in its colour, on as many lines
/// as the width needs.
fn interval_lines(intervals: &[(Rating, String)], width: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current = Line(vec![Span { text: "  ".into(), style: Style::Plain }]);
    let mut used = 2;
    for (k, (rating, interval)) in intervals.iter().enumerate() {
        let item = format!("{} {} {interval}", rating.as_u8(), rating.label());
        let sep = if k == 0 { "" } else { " · " };
        if used + sep.width() + item.width() > width && used > 2 {
            lines.push(std::mem::replace(&mut current, Line(vec![Span { text: "  ".into(), style: Style::Plain }])));
            used = 2;
        } else if !sep.is_empty() {
            current.0.push(Span { text: sep.into(), style: Style::Dim });
            used += sep.width();
        }
        used += item.width();
        current.0.push(Span { text: item, style: Style::Rating(*rating) });
    }
    lines.push(current);
    lines
}
