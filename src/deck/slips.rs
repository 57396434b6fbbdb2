//! The slips a Japanese keyboard makes in YAML's structure: with the input method on, `:` comes
//! out as `：`, a space as `　` (U+3000), `-` as `－` or `ー`, a bullet as `・`, `#` as `＃`.
//! Where a key, an indentation, a list dash or a comment starts, YAML then reads something else
//! (`front：x` is one plain value, `　　front` an unknown field whose spaces cannot be seen), and
//! its error points elsewhere. Inside a value these characters are content and are left alone.
//!
//! Looked for only when a file fails to parse, so a deck that loads is never second-guessed. The
//! slips found are reported, and the file is read again with them mended so that its other
//! mistakes are reported too, at once, while errors that were only the slips' echoes go.

use std::collections::HashMap;

use super::diagnostic::Diagnostic;

/// Fields whose value is a list (written on the lines below them): there a line starting with
/// `・` or `－` is a list item gone wrong, not the start of a text.
const LIST_FIELDS: [&str; 5] = ["cards", "tags", "accept", "distractors", "items"];

/// Characters typed for a list's `-` with the input method on.
const DASHES: [char; 4] = ['－', 'ー', '・', '−'];

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Slip {
    /// 1-based line and column (characters) of the character.
    pub line: usize,
    pub col: usize,
    pub kind: Kind,
    pub found: char,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `：` after a field name.
    Colon { key: String },
    /// `　` indenting a line.
    Indent,
    /// `　` after a field's `:` or a list's `-`.
    SpaceAfter { what: String },
    /// `－`, `ー`, `・` or `−` where a list item's `-` belongs.
    Dash,
    /// `＃` where a comment starts.
    Hash,
}

impl Slip {
    pub fn code(&self) -> &'static str {
        match self.kind {
            Kind::Colon { .. } => "fullwidth-colon",
            Kind::Indent | Kind::SpaceAfter { .. } => "fullwidth-space",
            Kind::Dash => "fullwidth-dash",
            Kind::Hash => "fullwidth-hash",
        }
    }

    /// The character as people can see it: itself (a space shown in brackets), its code point
    /// and its Unicode name.
    fn shown(&self) -> String {
        let name = match self.found {
            '：' => "FULLWIDTH COLON",
            '　' => return format!("「　」 (U+3000 IDEOGRAPHIC SPACE, {})", crate::tr!("lint-char-fullwidth-space")),
            '－' => "FULLWIDTH HYPHEN-MINUS",
            'ー' => "KATAKANA-HIRAGANA PROLONGED SOUND MARK",
            '・' => "KATAKANA MIDDLE DOT",
            '−' => "MINUS SIGN",
            '＃' => "FULLWIDTH NUMBER SIGN",
            _ => "",
        };
        format!("{} (U+{:04X} {name})", self.found, self.found as u32)
    }

    pub fn diagnostic(&self, file: &str, text: &str) -> Diagnostic {
        let shown = self.shown();
        let (message, hint) = match &self.kind {
            Kind::Colon { key } => (
                crate::tr!("lint-slip-colon", key = key.as_str()),
                crate::tr!("lint-slip-colon-hint", char = shown, key = key.as_str()),
            ),
            Kind::Indent => (crate::tr!("lint-slip-indent"), crate::tr!("lint-slip-indent-hint", char = shown)),
            Kind::SpaceAfter { what } => (
                crate::tr!("lint-slip-space-after", what = what.as_str()),
                crate::tr!("lint-slip-space-after-hint", char = shown, what = what.as_str()),
            ),
            Kind::Dash => (
                crate::tr!("lint-slip-dash", found = self.found.to_string()),
                crate::tr!("lint-slip-dash-hint", char = shown),
            ),
            Kind::Hash => (crate::tr!("lint-slip-hash"), crate::tr!("lint-slip-hash-hint", char = shown)),
        };
        Diagnostic::error(file, (self.line, self.col), self.code(), message).with_hint(hint).with_source(text)
    }
}

/// What the lines below a line are, for telling structure from content.
#[derive(Clone, Copy)]
enum Below {
    /// Lines indented (by half-width spaces, as YAML counts) more than this column (0-based,
    /// on the mended line) continue a value: content.
    Value(usize),
    /// Structure: keys, list items, comments.
    Structure,
}

/// The slips in `text`, and the text with them mended (`：` → `: `, each `　` of an indentation
/// → two spaces, a dash → `- `, `＃` → `#`), with a map from the mended lines' columns back to
/// the original's. Empty when there is none.
pub(super) fn find(text: &str) -> (Vec<Slip>, String, ColumnMap) {
    let mut slips = Vec::new();
    let mut mended = String::with_capacity(text.len());
    let mut columns = ColumnMap::default();
    let mut below = Below::Structure;
    for (n, raw) in text.split('\n').enumerate() {
        if n > 0 {
            mended.push('\n');
        }
        let (line, cr) = raw.strip_suffix('\r').map_or((raw, ""), |l| (l, "\r"));
        let chars: Vec<char> = line.chars().collect();
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        let blank = chars[indent..].iter().all(|c| c.is_whitespace() && *c != '　');
        let inside_value = matches!(below, Below::Value(col) if indent > col);
        if blank || inside_value {
            mended.push_str(raw);
            continue;
        }
        let mut line_fix = LineFix::new(&chars);
        below = read_line(&chars, indent, n + 1, &mut slips, &mut line_fix);
        if line_fix.changed {
            columns.0.insert(n + 1, line_fix.origin);
        }
        mended.extend(line_fix.out);
        mended.push_str(cr);
    }
    (slips, mended, columns)
}

/// A line being mended: its new characters, and for each the column it came from.
struct LineFix {
    out: Vec<char>,
    origin: Vec<usize>,
    changed: bool,
}

impl LineFix {
    fn new(chars: &[char]) -> LineFix {
        LineFix { out: chars.to_vec(), origin: (0..chars.len()).collect(), changed: false }
    }

    /// Replaces the character at `at` (an index into `out`) with `with`.
    fn replace(&mut self, at: usize, with: &'static str) {
        self.replace_run(at, at + 1, |_| with);
    }

    /// Replaces `out[start..end]` at once, each character by what `with` gives for it (a line
    /// is mended in a bounded number of such steps, so a long line costs linear time).
    fn replace_run(&mut self, start: usize, end: usize, with: impl Fn(char) -> &'static str) {
        let mut out = Vec::new();
        let mut origin = Vec::new();
        for k in start..end {
            for c in with(self.out[k]).chars() {
                out.push(c);
                origin.push(self.origin[k]);
            }
        }
        self.out.splice(start..end, out);
        self.origin.splice(start..end, origin);
        self.changed = true;
    }
}

/// Reads one line that is not inside a value: records its slips, mends them in `fix`, and says
/// what the lines below it are.
fn read_line(chars: &[char], indent: usize, line: usize, slips: &mut Vec<Slip>, fix: &mut LineFix) -> Below {
    // `at` indexes `fix.out`; a slip is reported where its character is in the file.
    let slip = |at: usize, kind: Kind, found: char, slips: &mut Vec<Slip>, fix: &LineFix| {
        slips.push(Slip { line, col: fix.origin[at] + 1, kind, found });
    };
    let text: String = chars.iter().collect();
    if matches!(text.trim_end(), "---" | "...") || text.starts_with("--- ") {
        return Below::Structure;
    }
    // Work on the mended line, which changes length as slips are mended.
    let mut at = indent;
    // Full-width spaces in the indentation (mixed with half-width ones).
    if fix.out.get(at) == Some(&'　') {
        slip(at, Kind::Indent, '　', slips, fix);
        let end = at + fix.out[at..].iter().take_while(|&&c| c == '　' || c == ' ').count();
        let wide = fix.out[at..end].iter().filter(|&&c| c == '　').count();
        fix.replace_run(at, end, |c| if c == '　' { "  " } else { " " });
        at = end + wide;
    }
    // A comment.
    match fix.out.get(at) {
        Some('#') => return Below::Structure,
        Some('＃') => {
            slip(at, Kind::Hash, '＃', slips, fix);
            fix.replace(at, "#");
            return Below::Structure;
        }
        _ => {}
    }
    // List dashes, half-width or not, each followed by a space.
    let mut dash = None;
    loop {
        let c = fix.out.get(at).copied();
        let next = fix.out.get(at + 1).copied();
        let spaced = next.is_none_or(|n| n == ' ' || n == '　');
        match c {
            Some('-') if spaced => {}
            // `・賛成`, `－賛成`: a bullet typed without its space.
            // Only where an item starts: after a dash, a value starts (`- ・賛成` is content).
            Some(d) if DASHES.contains(&d) && dash.is_none() && (spaced || matches!(d, '－' | '・')) => {
                slip(at, Kind::Dash, d, slips, fix);
                fix.replace(at, if spaced { "-" } else { "- " });
            }
            _ => break,
        }
        // A full-width space after the first dash only: each mend costs the line's length.
        if dash.is_none() && fix.out.get(at + 1) == Some(&'　') {
            slip(at + 1, Kind::SpaceAfter { what: "-".into() }, '　', slips, fix);
            fix.replace(at + 1, " ");
        }
        dash = Some(at);
        at += 1;
        while fix.out.get(at) == Some(&' ') {
            at += 1;
        }
    }
    // A field name, then its colon.
    let key_len = fix.out[at..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '-').count();
    let starts_key = fix.out.get(at).is_some_and(|c| c.is_ascii_alphabetic() || *c == '_');
    if key_len > 0 && starts_key {
        let key: String = fix.out[at..at + key_len].iter().collect();
        let mut colon = at + key_len;
        while fix.out.get(colon) == Some(&' ') {
            colon += 1;
        }
        let colon_found = match fix.out.get(colon) {
            Some('：') => {
                slip(colon, Kind::Colon { key: key.clone() }, '：', slips, fix);
                let spaced = fix.out.get(colon + 1).is_none_or(|&c| c == ' ' || c == '　');
                fix.replace(colon, if spaced { ":" } else { ": " });
                true
            }
            Some(':') => true,
            _ => false,
        };
        if colon_found {
            if fix.out.get(colon + 1) == Some(&'　') {
                slip(colon + 1, Kind::SpaceAfter { what: format!("{key}:") }, '　', slips, fix);
                fix.replace(colon + 1, " ");
            }
            let spaced = fix.out.get(colon + 1).is_none_or(|&c| c == ' ');
            if spaced {
                let value: String = fix.out[colon + 1..].iter().collect();
                let value = value.trim();
                let key_col = at;
                return if (value.is_empty() || value.starts_with('#')) && LIST_FIELDS.contains(&key.as_str()) {
                    Below::Structure
                } else {
                    // A value on this line, or a text value on the lines below (a block
                    // scalar, a plain value on the next line): more-indented lines are content.
                    Below::Value(key_col)
                };
            }
        }
    }
    match dash {
        // `- ` alone opens a nested item.
        Some(_) if fix.out[at..].iter().all(|c| c.is_whitespace()) => Below::Structure,
        Some(d) => Below::Value(d),
        None => Below::Value(at),
    }
}

/// For each mended line, the original column of each of its characters (0-based).
#[derive(Default)]
pub(super) struct ColumnMap(HashMap<usize, Vec<usize>>);

impl ColumnMap {
    /// The original 1-based column of 1-based `(line, col)` in the mended text.
    pub fn original(&self, (line, col): (usize, usize)) -> (usize, usize) {
        match self.0.get(&line) {
            Some(origin) => match origin.get(col.saturating_sub(1)) {
                Some(c) => (line, c + 1),
                // Past the end of the line.
                None => (line, origin.last().map_or(0, |c| c + 1) + col - origin.len()),
            },
            None => (line, col),
        }
    }
}

#[cfg(test)]
#[path = "slips_tests.rs"]
mod tests;
