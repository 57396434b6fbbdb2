//! Text from files is untrusted: decks, CSV files, review logs and rosters come from other people.
//! This module is the one place that makes such text safe where it leaves kioku:
//!
//! - **Terminals** ([`terminal`], [`terminal_line`]): a deck must not be able to retitle the
//!   window (OSC 0), clear the screen (`ESC[2J`), write the clipboard (OSC 52) or reorder what
//!   is shown (bidi overrides). Control characters are *shown*, not dropped, so a teacher sees
//!   what the file holds: ESC as `\e`, every other one as `\u{…}` (Rust's escape, hex).
//!   Every driver (the review screen, the piped protocol, `exam`, `cram`, `stats`, `preview`,
//!   `history`, `orphans`, `report`, diagnostics, the web front end's plain-text parts) passes
//!   file text through here before printing it.
//! - **CSV** ([`csv_cell`], [`csv_cell_read`]): a spreadsheet runs a cell that starts with `=`,
//!   `+`, `-`, `@`, tab or CR as a formula. Every CSV kioku writes prefixes such a cell with `'`
//!   (as OWASP recommends), except a plain number (`-2`, `-0.5`); kioku's own CSV readers take
//!   the prefix off again, so a round trip is exact. Anki's TSV is left as Anki expects it.
//!
//! HTML escaping is not here: the template engine does it.

use std::borrow::Cow;

/// Whether `c` is shown escaped on a terminal: C0 controls (other than `\n` and `\t`, which
/// [`terminal`] keeps), DEL, C1 controls, and the bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` made safe for a terminal, keeping its line breaks and tabs: every other control
/// character (see [`is_unsafe`]) becomes visible text — ESC as `\e`, the others as `\u{7}`,
/// `\u{9b}`, `\u{202e}`… Borrowed when nothing needed escaping (the usual case).
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, |c| c != '\n' && c != '\t' && is_unsafe(c))
}

/// As [`terminal`], for text that must stay on one line (a keyword line of the piped protocol,
/// a table cell, a card key): line breaks and tabs are escaped too (`\n`, `\t`).
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    escape(text, is_unsafe)
}

/// `text` with only its bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) shown as [`terminal`] shows them (`\u{202e}`): for a web page, where the
/// template engine has escaped the markup but such a character would still reorder what follows
/// it on the page.
pub fn bidi_visible(text: &str) -> Cow<'_, str> {
    escape(text, |c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

fn escape(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// `cell` ready for a CSV file a spreadsheet may open: prefixed with `'` when it starts with
/// `=`, `+`, `-`, `@`, tab or CR and is not a plain number. A cell that starts with `'` followed
/// by such a cell gets one more `'`, so [`csv_cell_read`] gives back exactly what was written.
pub fn csv_cell(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell read from a CSV file, with the prefix [`csv_cell`] adds taken off.
pub fn csv_cell_read(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

fn needs_prefix(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => !is_plain_number(cell),
        Some('\'') => needs_prefix(&cell[1..]),
        _ => false,
    }
}

/// A decimal number as a spreadsheet reads it and nothing more: an optional sign, digits, an
/// optional fraction (`-2`, `+3`, `-0.5`, `-.5`).
fn is_plain_number(cell: &str) -> bool {
    let unsigned = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_are_shown_visibly() {
        // OSC 0 (retitle), ED (clear screen), OSC 52 (clipboard), BEL, C1 CSI, bidi override.
        assert_eq!(terminal("a\u{1b}]0;pwned\u{7}b"), "a\\e]0;pwned\\u{7}b");
        assert_eq!(terminal("\u{1b}[2J"), "\\e[2J");
        assert_eq!(terminal("\u{1b}]52;c;aGk=\u{1b}\\"), "\\e]52;c;aGk=\\e\\");
        assert_eq!(terminal("x\u{9b}31m\u{7f}"), "x\\u{9b}31m\\u{7f}");
        assert_eq!(terminal("\u{202e}cba\u{2066}\u{2069}"), "\\u{202e}cba\\u{2066}\\u{2069}");
        assert_eq!(bidi_visible("<b>\u{202e}cba\u{2069}\n</b>\u{7}"), "<b>\\u{202e}cba\\u{2069}\n</b>\u{7}");
        assert_eq!(terminal("nul\u{0}cr\r"), "nul\\u{0}cr\\r");
        // Line breaks and tabs stay in multi-line text, not on one line.
        assert_eq!(terminal("a\nb\tc"), "a\nb\tc");
        assert_eq!(terminal_line("a\nb\tc"), "a\\nb\\tc");
        // Ordinary text, Japanese and other format characters are untouched (and not copied).
        assert!(matches!(terminal("尹錫悦 — 2024年12月 \u{200b}"), Cow::Borrowed(_)));
        assert_eq!(terminal("\u{85}"), "\\u{85}");
    }

    #[test]
    fn csv_cells_that_start_a_formula_get_a_quote() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+81 3", "'+81 3"),
            ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=x", "'\t=x"),
            ("\r=x", "'\r=x"),
            ("-", "'-"),
            ("-2x", "'-2x"),
            ("-1e5", "'-1e5"),
            ("'=x", "''=x"),
            // Plain numbers and ordinary text stay as they are.
            ("-2", "-2"),
            ("-0.5", "-0.5"),
            ("+3", "+3"),
            ("-.5", "-.5"),
            ("2024年12月", "2024年12月"),
            ("it's", "it's"),
            ("'quoted'", "'quoted'"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), written, "{cell:?}");
            assert_eq!(csv_cell_read(written), cell, "{written:?} read back");
        }
    }
}
