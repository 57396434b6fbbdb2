//! Numbers written in words: kanji numerals (二十三億, 六十, 二〇二四, 七) and English number words
//! (sixty, two hundred and five) rewritten as ASCII digits, so 六十日 is read as 60日.

/// The value of a kanji digit.
fn digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The small units inside a group of four places.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

fn is_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some()
}

/// The value of a run of kanji digits and 十百千: positional (二〇二四 = 2024) when it has no
/// unit, else read by units (二千二十四 = 2024, 十二 = 12). None for a run that is not a number
/// (two units in a row with nothing between, such as 十十).
fn run_value(run: &[char]) -> Option<u64> {
    if run.iter().all(|&c| digit(c).is_some()) {
        return run.iter().try_fold(0u64, |n, &c| n.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut pending) = (0u64, None::<u64>);
    let mut last_unit = u64::MAX;
    for &c in run {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else {
            let unit = small_unit(c)?;
            if unit >= last_unit {
                return None;
            }
            last_unit = unit;
            total += pending.take().unwrap_or(1) * unit;
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// Rewrites kanji numerals as digits: a run of 〇一二三四五六七八九十百千 becomes its value
/// (二十三億 → 23億, 二〇二四年十二月 → 2024年12月). A run of one character is rewritten only
/// next to a digit, a counter or a unit that makes it a number (七回目, 三日), never inside a word
/// (一本化, 統一 stay); 万 億 兆 are left as they are (the number reader multiplies by them).
pub fn kanji_to_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_numeral(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_numeral(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        let before = start.checked_sub(1).map(|k| chars[k]);
        // 3千万: after digits, 千 百 十 multiply; the number reader does that.
        if before.is_some_and(|c| c.is_ascii_digit()) && small_unit(run[0]).is_some() {
            out.extend(run);
            continue;
        }
        let after = chars.get(i).copied();
        // A lone numeral inside a kanji word (一本化, 統一, 三権分立) is not a number; next to a
        // counter (七回目, 三日), after 第, or standing apart (五パーセント, 二) it is.
        let counter_after = after.is_some_and(|c| COUNTERS.contains(c));
        let in_word =
            before != Some('第') && !counter_after && (before.is_some_and(is_kanji) || after.is_some_and(is_kanji));
        let numeric = run.len() > 1 || !in_word;
        match run_value(run).filter(|_| numeric) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.extend(run),
        }
    }
    out
}

/// What may follow a numeral that makes it a number: counters, units, multipliers.
const COUNTERS: &str = "年月日回度周人名億万兆時分秒歳才カ箇個ツ件円ドル%割次";

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

const ONES: &[&str] =
    &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const TEENS: &[&str] = &["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

fn word_value(w: &str) -> Option<u64> {
    if let Some(i) = ONES.iter().position(|x| *x == w) {
        return Some(i as u64);
    }
    if let Some(i) = TEENS.iter().position(|x| *x == w) {
        return Some(13 + i as u64);
    }
    TENS.iter().position(|x| *x == w).map(|i| 20 + 10 * i as u64)
}

/// Rewrites English number words in folded (lower-case) text as digits: "sixty days" → "60
/// days", "twenty-three" → "23", "two hundred and five" → "205", "seventh" → "7th". Scale words
/// (thousand, million, billion) stay as words: the number reader multiplies by them.
pub fn english_to_digits(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut value: Option<u64> = None;
        let mut j = i;
        while j < words.len() {
            let w = words[j];
            let parts: Vec<&str> = w.split('-').collect();
            let v = match parts.as_slice() {
                [one] => word_value(one),
                [tens, unit] => match (word_value(tens), word_value(unit)) {
                    (Some(t), Some(u)) if t >= 20 && t % 10 == 0 && u < 10 => Some(t + u),
                    _ => None,
                },
                _ => None,
            };
            if let Some(v) = v {
                value = Some(match value {
                    Some(acc) if acc % 100 == 0 && acc > 0 && v < 100 => acc + v,
                    Some(acc) if acc >= 20 && acc % 10 == 0 && acc < 100 && v < 10 => acc + v,
                    Some(_) => break,
                    None => v,
                });
                j += 1;
            } else if w == "hundred" && value.is_some_and(|v| v < 10) {
                value = value.map(|v| v * 100);
                j += 1;
            } else if w == "and"
                && value.is_some_and(|v| v >= 100)
                && words.get(j + 1).is_some_and(|n| word_value(n).is_some())
            {
                j += 1;
            } else {
                break;
            }
        }
        match value {
            Some(v) if j > i => {
                out.push(v.to_string());
                i = j;
            }
            _ => {
                let w = words[i];
                match ORDINALS.iter().find(|(o, _)| *o == w) {
                    Some((_, n)) => out.push(format!("{n}th")),
                    None => out.push(w.to_string()),
                }
                i += 1;
            }
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_numerals() {
        assert_eq!(kanji_to_digits("二十三億"), "23億");
        assert_eq!(kanji_to_digits("六十日"), "60日");
        assert_eq!(kanji_to_digits("七回目"), "7回目");
        assert_eq!(kanji_to_digits("二〇二四年十二月"), "2024年12月");
        assert_eq!(kanji_to_digits("令和七年"), "令和7年");
        assert_eq!(kanji_to_digits("二千二十四年"), "2024年");
        assert_eq!(kanji_to_digits("百五十"), "150");
        assert_eq!(kanji_to_digits("一本化"), "一本化");
        assert_eq!(kanji_to_digits("統一"), "統一");
        assert_eq!(kanji_to_digits("三権分立"), "三権分立");
        assert_eq!(kanji_to_digits("十十"), "十十");
        assert_eq!(kanji_to_digits("第三回"), "第3回");
        assert_eq!(kanji_to_digits("五パーセント"), "5パーセント");
        assert_eq!(kanji_to_digits("金正一"), "金正一");
    }

    #[test]
    fn english_numbers() {
        assert_eq!(english_to_digits("sixty days"), "60 days");
        assert_eq!(english_to_digits("twenty-three billion"), "23 billion");
        assert_eq!(english_to_digits("two hundred and five"), "205");
        assert_eq!(english_to_digits("seventh"), "7th");
        assert_eq!(english_to_digits("one two"), "1 2");
        assert_eq!(english_to_digits("someone"), "someone");
    }
}
