//! Text normalisation for comparing typed answers: what a student may type differently without
//! meaning anything different.

use unicode_normalization::UnicodeNormalization;

/// Characters with no width or meaning that IMEs and copy-paste leave behind.
/// Variation selectors (U+FE00–FE0F, U+E0100–E01EF) ask for a glyph of the same character.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{202A}'..='\u{202E}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Punctuation that does not change the meaning of an answer: separators in names and dates,
/// brackets and quotes. (The long-vowel mark ー is *not* here: it is part of a word.)
fn is_ignorable_punctuation(c: char) -> bool {
    matches!(
        c,
        '・' | '･'
            | '·'
            | '='
            | '゠'
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
/// characters and variation selectors dropped, every kind of space folded to one ASCII space and
/// runs collapsed, case folded, hiragana mapped to katakana, old kanji forms mapped to the new
/// (國 → 国, from the variants table), the minus sign − read as `-`, and the counter's small ヶ ヵ
/// (5ヶ年, 3ヵ月) and 箇 or ケ between a digit and a counter read as カ. Punctuation is kept:
/// dates and numbers are read from this.
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
            let c = match hiragana_to_katakana(lower) {
                '\u{2212}' => '-',
                'ヶ' | 'ヵ' => 'カ',
                c => super::reading::new_form(c),
            };
            out.push(c);
        }
    }
    counter_ka(&voiced_v(&out))
}

/// ヴ spelt as バ行 (ヴァンス = バンス, ソヴィエト = ソビエト): both are usual for the same name.
fn voiced_v(text: &str) -> String {
    if !text.contains('ヴ') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != 'ヴ' {
            out.push(c);
            continue;
        }
        let small = chars.peek().and_then(|n| "ァィゥェォ".chars().position(|s| s == *n));
        match small {
            Some(k) => {
                chars.next();
                out.push("バビブベボ".chars().nth(k).unwrap_or('ブ'));
            }
            None => out.push('ブ'),
        }
    }
    out
}

/// 箇 and ケ as the counter's カ: between a digit and 年, 月, 所, 国 or 条 (5箇年 = 5ケ年 = 5カ年).
fn counter_ka(text: &str) -> String {
    if !text.contains(['箇', 'ケ']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let counter = |k: usize| chars.get(k).is_some_and(|c| "年月所国条".contains(*c));
    let numeral = |k: Option<usize>| {
        k.and_then(|k| chars.get(k)).is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百千〇".contains(*c))
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if matches!(c, '箇' | 'ケ') && numeral(i.checked_sub(1)) && counter(i + 1) { 'カ' } else { c })
        .collect()
}

/// `fold`, then ignorable punctuation and all spaces removed: the form compared for text answers.
pub fn comparable(text: &str) -> String {
    strip(&fold(text))
}

/// Ignorable punctuation and spaces removed from folded text. What makes a number stays: `.`,
/// `,`, `/` and `-` between digits (1.5 is not 15, 1/2 is not 12, 1-2 is not 12) and a `-`
/// before a digit that does not follow a letter (-2 is not 2; F-35 is F35).
pub fn strip(folded: &str) -> String {
    let folded: Vec<char> = folded.chars().collect();
    let digit = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
    folded
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let before = i.checked_sub(1).and_then(|k| folded.get(k));
            let between = matches!(c, '.' | ',' | '/' | '／' | '-') && digit(before) && digit(folded.get(i + 1));
            let sign = c == '-' && digit(folded.get(i + 1)) && !before.is_some_and(|b| b.is_alphabetic());
            between || sign || (c != ' ' && !is_ignorable_punctuation(c))
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
        assert_eq!(comparable("ドナルド＝トランプ"), comparable("ドナルド・トランプ"));
        assert_eq!(comparable("葛\u{E0100}城"), "葛城");
        assert_ne!(comparable("-2"), comparable("2"));
        assert_ne!(comparable("1/2"), comparable("12"));
        assert_ne!(comparable("1-2"), comparable("12"));
        assert_eq!(comparable("F-35"), comparable("F35"));
        assert_eq!(comparable("−2"), comparable("-2"));
        assert_eq!(comparable("5ヶ年"), comparable("5カ年"));
        assert_eq!(comparable("5箇年"), comparable("5か年"));
        assert_eq!(comparable("5ケ年"), comparable("5ヵ年"));
        assert_eq!(comparable("國"), "国");
        assert_eq!(comparable("ソヴィエト"), comparable("ソビエト"));
        assert_eq!(comparable("ヴ"), comparable("ブ"));
        assert_ne!(comparable("藝"), comparable("芸"));
        assert!(is_latin("Pyongyang"));
        assert!(!is_latin("金正恩"));
    }
}
