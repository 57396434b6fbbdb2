//! Fitting text to a terminal's width: line breaking by the Unicode line breaking algorithm
//! (UAX #14, the `unicode-linebreak` crate) and display width (`unicode-width`: Japanese is
//! double width).
//!
//! UAX #14 is what gives Japanese its *kinsoku* rules: no break before closing brackets and
//! punctuation (。、」）？！), the long-vowel mark and small kana (ー ゃ っ, resolved to
//! non-starters as the algorithm's default says), and no break after opening brackets (「（).
//! Between other Japanese characters a line may break anywhere; Latin text breaks at spaces.
//! A run with no break opportunity that is wider than a line (a long URL, or 「「「「… in a
//! silly deck) is cut where it must be, still preferring a place that neither starts a line with
//! a non-starter nor ends one with an opening bracket.

use unicode_linebreak::{break_property, linebreaks, BreakClass, BreakOpportunity};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` display columns (at least 2, the width of one Japanese character).
/// Keeps the text's own line breaks, drops the spaces where a line is broken, and never loses
/// any other character. Every line is at most `width` columns wide.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out = Vec::new();
    for para in text.split('\n') {
        wrap_paragraph(para, width, &mut out);
    }
    out
}

/// Wraps with `prefix` before the first line and as many spaces before the others (at least 4
/// columns are left for the text).
pub fn wrap_indented(text: &str, width: usize, prefix: &str) -> Vec<String> {
    let indent = prefix.width();
    wrap(text, width.saturating_sub(indent).max(4))
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { format!("{prefix}{l}") } else { format!("{}{l}", " ".repeat(indent)) })
        .collect()
}

/// Wraps a line being typed: by characters, never moving one back for kinsoku, so that the
/// cursor's place follows from the text before it alone ([`cursor_at`]).
pub fn wrap_typed(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = vec![String::new()];
    let mut used = 0;
    for unit in units(text) {
        let w = unit.width();
        if used + w > width && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(unit);
        }
        used += w;
    }
    lines
}

/// Row and column (0-based, in display columns) of the cursor after `before`, the text typed
/// before it, in the lines [`wrap_typed`] makes at `width`.
pub fn cursor_at(before: &str, width: usize) -> (usize, usize) {
    let lines = wrap_typed(before, width);
    let last = lines.last().map_or(0, |l| l.width());
    if last >= width.max(2) {
        (lines.len(), 0)
    } else {
        (lines.len() - 1, last)
    }
}

/// Cuts `text` to at most `width` display columns.
pub fn truncate(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for unit in units(text) {
        used += unit.width();
        if used > width {
            break;
        }
        out.push_str(unit);
    }
    out
}

/// `text` cut to `width` columns and padded with spaces to exactly `width` (table cells).
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// Whether a line may not start with `c` (closing brackets and punctuation, the long-vowel mark,
/// small kana, iteration marks…): UAX #14's classes CL, CP, EX, IS, NS, and CJ resolved to NS.
fn no_start(c: char) -> bool {
    use BreakClass::*;
    matches!(
        break_property(c as u32),
        ClosePunctuation | CloseParenthesis | Exclamation | InfixSeparator | NonStarter | ConditionalJapaneseStarter
    )
}

/// Whether a line may not end with `c` (opening brackets: UAX #14's class OP).
fn no_end(c: char) -> bool {
    matches!(break_property(c as u32), BreakClass::OpenPunctuation)
}

/// Breakable whitespace that disappears at a line break.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn wrap_paragraph(para: &str, width: usize, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut used = 0;
    let mut start = 0;
    for (end, kind) in linebreaks(para) {
        let segment = &para[start..end];
        start = end;
        let core = segment.trim_end_matches(is_space);
        if used + core.width() > width {
            if line.chars().any(|c| !is_space(c)) {
                out.push(line.trim_end_matches(is_space).to_string());
                line.clear();
                used = 0;
            }
            if used + core.width() > width {
                // Wider than a line by itself: no break opportunity helps.
                force_break(segment, width, &mut line, &mut used, out);
            } else {
                line.push_str(segment);
                used += segment.width();
            }
        } else {
            line.push_str(segment);
            used += segment.width();
        }
        if kind == BreakOpportunity::Mandatory && end < para.len() {
            // A line or paragraph separator other than \n (U+2028, CR, VT, FF, NEL).
            out.push(line.trim_end_matches(is_space).to_string());
            line.clear();
            used = 0;
        }
    }
    out.push(line.trim_end_matches(is_space).to_string());
}

/// Puts a run that has no break opportunity onto lines of `width`, continuing `line` (which
/// holds only spaces, if anything). Each cut is at the last place on the full line that neither
/// starts the next line with a non-starter nor ends this one with an opening bracket; where
/// there is none, right where the line is full.
fn force_break(segment: &str, width: usize, line: &mut String, used: &mut usize, out: &mut Vec<String>) {
    // The units of `segment` on the current line, for moving some of them to the next.
    let mut placed: Vec<&str> = Vec::new();
    for unit in units(segment) {
        let w = unit.width();
        if *used + w <= width {
            line.push_str(unit);
            placed.push(unit);
            *used += w;
            continue;
        }
        if unit.chars().all(is_space) {
            // Spaces at the end of a full line go with the break.
            continue;
        }
        let first = |u: &str| u.chars().next().unwrap_or(' ');
        let last = |u: &str| u.chars().next_back().unwrap_or(' ');
        // Cutting before placed[k] (k ≥ 1) keeps placed[..k] here.
        let good = |k: usize, next: &str| k > 0 && !no_start(first(next)) && !no_end(last(placed[k - 1]));
        // Moving units to the next line must leave room there for `unit` too.
        let fits = |k: usize| placed[k..].iter().map(|u| u.width()).sum::<usize>() + w <= width;
        let mut keep = placed.len();
        if !good(keep, unit) {
            if let Some(k) = (1..placed.len()).rev().take_while(|&k| fits(k)).find(|&k| good(k, placed[k])) {
                keep = k;
            }
        }
        let carried: Vec<&str> = placed.split_off(keep);
        let carried_len: usize = carried.iter().map(|u| u.len()).sum();
        line.truncate(line.len() - carried_len);
        // A line of nothing but the paragraph's leading spaces is not kept as an empty line.
        if line.chars().any(|c| !is_space(c)) {
            out.push(line.trim_end_matches(is_space).to_string());
        }
        line.clear();
        *used = 0;
        placed.clear();
        for u in carried.into_iter().chain(std::iter::once(unit)) {
            line.push_str(u);
            placed.push(u);
            *used += u.width();
        }
    }
}

/// The text in units that are never split: a character with the zero-width characters after it
/// (combining marks, variation selectors, joiners), measured together since a variation
/// selector can make a character wide.
fn units(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars.find(|&(_, c)| c.width().unwrap_or(0) > 0).map_or(rest.len(), |(i, _)| i);
        let (unit, tail) = rest.split_at(end);
        rest = tail;
        Some(unit)
    })
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
