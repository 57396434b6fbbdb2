//! Text normalisation for comparing typed answers: what a student may type differently without
//! meaning anything different.

use unicode_normalization::UnicodeNormalization;

/// Characters with no width or meaning that IMEs and copy-paste leave behind.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}')
}

/// Punctuation that does not change the meaning of an answer: separators in names and dates,
/// brackets and quotes. (The long-vowel mark ー is *not* here: it is part of a word.)
fn is_ignorable_punctuation(c: char) -> bool {
    matches!(
        c,
        '・' | '･'
            | '·'
            | '‧'
            | '-'
            | '‐'
            | '‑'
            | '–'
            | '—'
            | '、'
            | '。'
            | ','
            | '.'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '('
            | ')'
            | '（'
            | '）'
            | '['
            | ']'
            | '【'
            | '】'
            | '!'
            | '?'
            | '！'
            | '？'
            | ':'
            | ';'
            | '：'
            | '；'
            | '~'
            | '〜'
            | '/'
            | '／'
    )
}

/// NFKC (full-width letters and digits, half-width katakana, combining marks), invisible
/// characters dropped, every kind of space folded to one ASCII space and runs collapsed, case
/// folded, hiragana mapped to katakana. Punctuation is kept: dates and numbers are read from this.
pub fn fold(text: &str) -> String {
    // The spacing (han)dakuten ゛ ゜ become the combining marks, so カ゛ composes to ガ as カ + U+3099 does.
    let marks: String = text
        .chars()
        .map(|c| match c {
            '\u{309B}' => '\u{3099}',
            '\u{309C}' => '\u{309A}',
            c => c,
        })
        .collect();
    let nfkc: String = marks.nfkc().filter(|&c| !is_invisible(c)).collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut space = false;
    for c in nfkc.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        for lower in c.to_lowercase() {
            out.push(hiragana_to_katakana(lower));
        }
    }
    out
}

/// `fold`, then ignorable punctuation and all spaces removed: the form compared for text answers.
/// A `.` or `,` between digits stays (1.5 is not 15).
pub fn comparable(text: &str) -> String {
    let folded: Vec<char> = fold(text).chars().collect();
    let digit = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
    folded
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let in_number = matches!(c, '.' | ',') && i > 0 && digit(folded.get(i - 1)) && digit(folded.get(i + 1));
            in_number || (c != ' ' && !is_ignorable_punctuation(c))
        })
        .map(|(_, &c)| c)
        .collect()
}

fn hiragana_to_katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// True when every letter is Latin script (so near misses may be forgiven).
pub fn is_latin(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(comparable("ＣＶＩＤ"), "cvid");
        assert_eq!(comparable("ﾛｹｯﾄﾏﾝ"), comparable("ロケットマン"));
        assert_eq!(comparable("ろけっとまん"), comparable("ロケットマン"));
        assert_eq!(comparable("カ\u{3099}"), "ガ");
        assert_eq!(comparable("カ\u{309B}"), "ガ");
        assert_eq!(comparable("ハ\u{309C}ン"), comparable("パン"));
        assert_ne!(comparable("1.5"), comparable("15"));
        assert_eq!(comparable("金\u{200B}正恩\u{3000}"), "金正恩");
        assert_eq!(fold("  Kim\u{00A0}\u{3000} Jong  Un "), "kim jong un");
        assert_eq!(comparable("ドナルド・トランプ"), comparable("ドナルド トランプ"));
        assert!(is_latin("Pyongyang"));
        assert!(!is_latin("金正恩"));
    }
}
