//! Readings (furigana) in deck text, in Anki's syntax: `文在寅[ムン・ジェイン]`.
//!
//! A `[…]` holding only kana, ー, ・ or spaces, right after a kanji or a Latin letter, is the
//! reading of the base before it; the base runs back to the previous space (ASCII or
//! full-width), the end of the previous reading, or the field's start, and that one space is a
//! separator that is not shown: `韓国の 文在寅[ムン・ジェイン]政権` has the base `文在寅`. Any other
//! bracket is literal text (`[sic]`, `[1]`, `Smith [ed.]`), so text written before readings
//! existed keeps its meaning; `\[` is always a literal `[` (for a bracket before kana).
//!
//! Card text keeps this markup (`deck::expand` writes it canonically, see [`to_markup`]); every
//! front end turns it into what it shows from the same [`Segment`]s: the terminal
//! `文在寅(ムン・ジェイン)` or the base alone, protocol keyword lines the base, the web `<ruby>`.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

/// A piece of text: plain text, or a base with its reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Ruby { base: String, reading: String },
}

/// Kanji, including 々 〆 〇 and the compatibility and extension blocks.
pub fn is_kanji(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Hiragana and katakana (full and half width), with their sound marks and ヶ.
pub fn is_kana(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}'
        | '\u{3099}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FD}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF6F}'
        | '\u{FF71}'..='\u{FF9F}')
}

/// What may end a base: a kanji or a Latin letter (ASCII, accented, or full width).
fn ends_base(c: char) -> bool {
    is_kanji(c)
        || c.is_ascii_alphabetic()
        || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
        || matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// A space that separates a base from the text before it (and is not shown).
fn is_separator(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Whether the text between brackets is a reading: only kana, ー, ・ and spaces, with a kana.
fn is_reading(inner: &[char]) -> bool {
    inner.iter().any(|&c| is_kana(c))
        && inner.iter().all(|&c| is_kana(c) || matches!(c, 'ー' | 'ｰ' | '・' | '･') || is_separator(c))
}

/// The index of the `]` closing a reading opened at `open` (`chars[open] == '['`), if the
/// bracket holds a reading.
fn reading_end(chars: &[char], open: usize) -> Option<usize> {
    let close = chars[open + 1..].iter().position(|&c| c == ']' || c == '[' || c == '\n')? + open + 1;
    (chars[close] == ']' && is_reading(&chars[open + 1..close])).then_some(close)
}

/// Splits `text` into plain text and readings. Never fails: what is not a reading is text.
/// Adjacent text is merged, so there are never two `Text` segments in a row.
pub fn parse(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    if !text.contains('[') {
        if !text.is_empty() {
            segments.push(Segment::Text(text.to_string()));
        }
        return segments;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1) == Some(&'[') {
            plain.push('[');
            i += 2;
            continue;
        }
        if c == '[' && plain.chars().next_back().is_some_and(ends_base) {
            if let Some(close) = reading_end(&chars, i) {
                let reading: String = chars[i + 1..close].iter().collect::<String>().trim_matches(is_separator).into();
                let (before, base) = match plain.rfind(char::is_whitespace) {
                    Some(at) => {
                        let space = plain[at..].chars().next().unwrap_or(' ');
                        let keep = if is_separator(space) { at } else { at + space.len_utf8() };
                        (plain[..keep].to_string(), plain[at + space.len_utf8()..].to_string())
                    }
                    None => (String::new(), std::mem::take(&mut plain)),
                };
                if !before.is_empty() {
                    segments.push(Segment::Text(before));
                }
                segments.push(Segment::Ruby { base, reading });
                plain.clear();
                i = close + 1;
                continue;
            }
        }
        plain.push(c);
        i += 1;
    }
    if !plain.is_empty() {
        segments.push(Segment::Text(plain));
    }
    segments
}

/// Writes segments back as markup that [`parse`] reads as the same segments: a separator space
/// before a base where one is needed, and `\[` where a literal bracket could be read as a
/// reading. Segments from several fields (cloze parts, order items) may be joined this way.
pub fn to_markup(segments: &[Segment]) -> String {
    let mut out = String::new();
    let mut after_ruby = false;
    // Adjacent text merged first, so a bracket is escaped only where a reading could be read.
    let mut merged: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        match (merged.last_mut(), segment) {
            (Some(Segment::Text(last)), Segment::Text(more)) => last.push_str(more),
            _ => merged.push(segment.clone()),
        }
    }
    for segment in &merged {
        match segment {
            Segment::Text(text) => {
                let chars: Vec<char> = text.chars().collect();
                for (k, &c) in chars.iter().enumerate() {
                    if c == '[' {
                        let last = out.chars().next_back();
                        // A bracket that could open a reading here; one whose `]` would be in
                        // a later segment is escaped to be safe.
                        let could_read = last.is_some_and(ends_base)
                            && match chars[k + 1..].iter().position(|&c| c == ']' || c == '[' || c == '\n') {
                                Some(_) => reading_end(&chars, k).is_some(),
                                None => true,
                            };
                        if could_read || last == Some('\\') {
                            out.push('\\');
                        }
                    }
                    out.push(c);
                }
                after_ruby = false;
            }
            Segment::Ruby { base, reading } => {
                let last = out.chars().next_back();
                let needs_separator = match last {
                    None => false,
                    Some(c) if c.is_whitespace() => is_separator(c),
                    Some(_) => !after_ruby,
                };
                if needs_separator {
                    out.push(' ');
                }
                for c in base.chars() {
                    if c == '[' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push('[');
                out.push_str(reading);
                out.push(']');
                after_ruby = true;
            }
        }
    }
    out
}

/// Fields joined by a literal `separator` (order items by ` → `, a prompt and a shown answer):
/// each field keeps its own bases.
pub fn join<S: AsRef<str>>(fields: &[S], separator: &str) -> String {
    let mut segments = Vec::new();
    for (k, field) in fields.iter().enumerate() {
        if k > 0 {
            segments.push(Segment::Text(separator.to_string()));
        }
        segments.extend(parse(field.as_ref()));
    }
    to_markup(&segments)
}

/// The text with readings dropped: what is judged, and what protocol keyword lines carry.
pub fn base(markup: &str) -> Cow<'_, str> {
    render(markup, |base, _, out| out.push_str(base))
}

/// The text with each base replaced by its reading (`韓国の 文在寅[ムン]` → `韓国のムン`): the
/// other answer a typed response is accepted as.
pub fn reading(markup: &str) -> Cow<'_, str> {
    render(markup, |_, reading, out| out.push_str(reading))
}

/// The text as the terminal shows it: `文在寅(ムン・ジェイン)`, or the base alone when `show` is
/// false.
pub fn display(markup: &str, show: bool) -> Cow<'_, str> {
    render(markup, |base, reading, out| {
        out.push_str(base);
        if show {
            out.push('(');
            out.push_str(reading);
            out.push(')');
        }
    })
}

/// Whether the text holds at least one reading.
pub fn has_readings(markup: &str) -> bool {
    markup.contains('[') && parse(markup).iter().any(|s| matches!(s, Segment::Ruby { .. }))
}

fn render<'a>(markup: &'a str, ruby: impl Fn(&str, &str, &mut String)) -> Cow<'a, str> {
    // Text without a bracket has no reading and no escape: shown as written.
    if !markup.contains('[') {
        return Cow::Borrowed(markup);
    }
    let mut out = String::with_capacity(markup.len());
    for segment in parse(markup) {
        match segment {
            Segment::Text(t) => out.push_str(&t),
            Segment::Ruby { base, reading } => ruby(&base, &reading, &mut out),
        }
    }
    Cow::Owned(out)
}

/// Whether readings are shown in the terminal and piped human lines (the `readings` setting):
/// set once per run by the command line, before any card is shown.
static SHOW: AtomicBool = AtomicBool::new(true);

/// Sets whether [`shown`] puts readings after their bases (the `readings` setting).
pub fn set_shown(show: bool) {
    SHOW.store(show, Ordering::Relaxed);
}

/// The text as people see it in the terminal and the piped protocol's indented lines, by the
/// `readings` setting of this run.
pub fn shown(markup: &str) -> Cow<'_, str> {
    display(markup, SHOW.load(Ordering::Relaxed))
}

/// A slip in reading markup that `kioku lint` reports, at a character offset of the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slip {
    /// `文在寅[ムン` with no `]`: shown as literal text.
    Unclosed,
    /// `文在寅[]`: shown as literal text.
    Empty,
    /// The base runs back over a particle or punctuation (`韓国の文在寅[…]` has the base
    /// `韓国の文在寅`); the base is given.
    LongBase(String),
}

/// Particles that, followed by a kanji inside a base, mean a separating space is missing.
const PARTICLES: &[&str] = &["の", "は", "が", "を", "に", "で", "と", "へ", "も", "や", "から", "まで", "より"];

/// The slips in `text`, each with the character offset of its `[`.
pub fn slips(text: &str) -> Vec<(usize, Slip)> {
    let mut out = Vec::new();
    if !text.contains('[') {
        return out;
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escaped = i > 0 && chars[i - 1] == '\\';
        if c != '[' || escaped || i == 0 || !ends_base(chars[i - 1]) {
            continue;
        }
        let stop = chars[i + 1..].iter().position(|&c| c == ']' || c == '[' || c == '\n').map(|p| p + i + 1);
        let inner = &chars[i + 1..stop.unwrap_or(chars.len())];
        let closed = stop.is_some_and(|s| chars[s] == ']');
        if closed && inner.iter().all(|&c| is_separator(c)) {
            out.push((i, Slip::Empty));
        } else if !closed && inner.first().is_some_and(|&c| is_kana(c)) {
            // `文在寅[ムン・ジェイン は誰？`: kana right after the bracket was meant as a reading.
            out.push((i, Slip::Unclosed));
        } else if closed && is_reading(inner) {
            // The base as `parse` sees it: back to a space or the end of a reading.
            let start = chars[..i].iter().rposition(|&c| c.is_whitespace() || c == ']').map_or(0, |p| p + 1);
            let base: String = chars[start..i].iter().collect();
            if swallowed(&base) {
                out.push((i, Slip::LongBase(base)));
            }
        }
    }
    out
}

/// A base that swallowed a particle with the missing space put back before the word
/// (`韓国の文在寅` → `韓国の 文在寅`), for lint's hint.
pub fn split_long_base(base: &str) -> String {
    let chars: Vec<char> = base.chars().collect();
    let at = (1..chars.len()).rev().find(|&k| {
        ends_base(chars[k]) && !ends_base(chars[k - 1]) && swallowed(&chars[..=k].iter().collect::<String>())
    });
    match at {
        Some(k) => format!("{} {}", chars[..k].iter().collect::<String>(), chars[k..].iter().collect::<String>()),
        None => base.to_string(),
    }
}

/// Whether a base holds a particle or punctuation before a kanji or Latin letter.
fn swallowed(base: &str) -> bool {
    let chars: Vec<char> = base.chars().collect();
    (1..chars.len()).any(|k| {
        if !ends_base(chars[k]) || ends_base(chars[k - 1]) {
            return false;
        }
        let before: String = chars[..k].iter().collect();
        let punct = matches!(
            chars[k - 1],
            '、' | '。' | '，' | '．' | '「' | '」' | '『' | '』' | '（' | '）' | '(' | ')' | ',' | '.' | '：' | ':'
        );
        punct || PARTICLES.iter().any(|p| before.ends_with(p))
    })
}

#[cfg(test)]
#[path = "reading_tests.rs"]
mod tests;
