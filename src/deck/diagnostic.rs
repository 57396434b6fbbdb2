//! Compiler-style deck diagnostics: `path:line:col: error: message`, the source line, a caret
//! placed by display width (Japanese is double width), and a hint where one helps.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::safe_text::{terminal, terminal_line};

/// Longest message a diagnostic keeps, in characters: one quoting a 1 MB value is cut.
const MAX_MESSAGE_CHARS: usize = 300;

/// `text` cut to `max` characters, ending in `…` when it was cut.
pub fn shorten(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a deck file. `line` and `col` are 1-based; `col` counts characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    /// A short stable name for the rule, e.g. `duplicate-id`.
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// The source line the position points into, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error at `(line, col)`. A message longer than 300 characters (one quoting a huge
    /// value) is cut with `…`.
    pub fn error(
        file: &str,
        (line, col): (usize, usize),
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line,
            col,
            severity: Severity::Error,
            code,
            message: shorten(message.into(), MAX_MESSAGE_CHARS),
            hint: None,
            source_line: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the source line `self.line` of `text`.
    pub fn with_source(mut self, text: &str) -> Diagnostic {
        self.source_line = text.lines().nth(self.line.saturating_sub(1)).map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// The diagnostic as the terminal shows it (several lines, no trailing newline). Everything
    /// from the file (the source line, values quoted in the message) has its control characters
    /// shown (`safe_text`); the caret is placed on the line as shown.
    pub fn render(&self) -> String {
        let severity = match self.severity {
            Severity::Error => crate::tr!("lint-severity-error"),
            Severity::Warning => crate::tr!("lint-severity-warning"),
        };
        let mut out = format!(
            "{}:{}:{}: {severity}: {}",
            terminal_line(&self.file),
            self.line,
            self.col,
            terminal(&self.message)
        );
        if let Some(source) = &self.source_line {
            // A very long line is shown as a window around the column.
            let chars: Vec<char> = source.chars().collect();
            let col = self.col.saturating_sub(1).min(chars.len());
            let (start, end) = (col.saturating_sub(40), (col + 40).min(chars.len()));
            let text =
                |range: std::ops::Range<usize>| terminal_line(&chars[range].iter().collect::<String>()).into_owned();
            let shown = text(start..end);
            let (source, before) = if chars.len() > 100 {
                let lead = if start > 0 { "…" } else { "" };
                let tail = if end < chars.len() { "…" } else { "" };
                (format!("{lead}{shown}{tail}"), format!("{lead}{}", text(start..col)))
            } else {
                (text(0..chars.len()), text(0..col))
            };
            let pad = UnicodeWidthStr::width(before.as_str());
            out.push_str(&format!("\n  | {source}\n  | {}^", " ".repeat(pad)));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  = {}: {}", crate::tr!("lint-hint"), terminal(hint)));
        }
        out
    }
}

/// All diagnostics, one block each, followed by a count.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let blocks: Vec<String> = diagnostics.iter().map(Diagnostic::render).collect();
    format!("{}\n{}", blocks.join("\n"), crate::tr!("lint-nothing-changed", errors = errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_accounts_for_double_width() {
        let d = Diagnostic::error("d.yaml", (1, 8), "x", "bad").with_source("front: 日本語: x");
        assert_eq!(d.render(), "d.yaml:1:8: error: bad\n  | front: 日本語: x\n  |        ^");
        let d = Diagnostic::error("d.yaml", (1, 11), "x", "bad").with_source("front: 日本語: x");
        assert!(d.render().ends_with("  |              ^"), "{}", d.render());
    }
}
