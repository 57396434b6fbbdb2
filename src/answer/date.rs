//! Reading dates as students type them: 2024年12月, 2024-12, 2024/12/5, Dec 2024, 5 December 2024,
//! 令和元年6月 (Japanese era years: 明治, 大正, 昭和, 平成, 令和; 元年 = year 1).

/// A date at the precision it was written: a year, a month of a year, or a day. A year written
/// with two digits (92年) has `short_year` set: its century is the expected answer's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub short_year: bool,
}

/// How a typed date compares with the expected one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The same date, at least as precise as expected.
    Right,
    /// Right as far as it goes, but less precise (the year of an expected month).
    LessPrecise,
    Wrong,
}

impl PartialDate {
    fn new(year: i32, month: Option<u32>, day: Option<u32>) -> PartialDate {
        PartialDate { year, month, day, short_year: false }
    }

    /// Whether `typed` names this date, at this date's precision: a typed day inside the
    /// expected month is right; a typed year alone is not enough for an expected month.
    pub fn accepts(&self, typed: &PartialDate) -> bool {
        self.compare(typed) == Match::Right
    }

    /// Compares a typed date with this (expected) one.
    pub fn compare(&self, typed: &PartialDate) -> Match {
        let year = if typed.short_year { self.year.rem_euclid(100) == typed.year } else { self.year == typed.year };
        if !year {
            return Match::Wrong;
        }
        let mut less_precise = false;
        for (want, got) in [(self.month, typed.month), (self.day, typed.day)] {
            match (want, got) {
                (Some(w), Some(g)) if w != g => return Match::Wrong,
                (Some(_), None) => less_precise = true,
                _ => {}
            }
        }
        if less_precise {
            Match::LessPrecise
        } else {
            Match::Right
        }
    }

    /// The date in the Japanese form, for the explanation (2025年4月4日).
    pub fn describe(&self) -> String {
        let year = if self.short_year { format!("'{:02}年", self.year) } else { format!("{}年", self.year) };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{year}{m}月{d}日"),
            (Some(m), None) => format!("{year}{m}月"),
            _ => year,
        }
    }

    /// The day of the week (0 = Monday) of a full date.
    pub fn weekday(&self) -> Option<u32> {
        use chrono::Datelike;
        let date = chrono::NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)?;
        (!self.short_year).then(|| date.weekday().num_days_from_monday())
    }
}

/// First years of the Japanese eras, so era year N is `start + N - 1`, and their one-letter
/// abbreviations (R7.4.4, H30, S64).
const ERAS: &[(&str, char, i32)] =
    &[("令和", 'r', 2019), ("平成", 'h', 1989), ("昭和", 's', 1926), ("大正", 't', 1912), ("明治", 'm', 1868)];

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parses `text` (already folded: NFKC, lower case) as a date; None when it is not one, or when
/// it reads as two different dates (5/4/2025).
pub fn parse(text: &str) -> Option<PartialDate> {
    match read(text).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Every date `text` (folded) can be: none, one, or two for a day and month that may be either
/// way round (5/4/2025). Kanji numerals are read (二〇二四年十二月).
pub fn read(text: &str) -> Vec<PartialDate> {
    let text = super::numerals::kanji_to_digits(text);
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // "ごろ" arrives folded to katakana.
    let t = t.trim_end_matches("ごろ").trim_end_matches("ゴロ").trim_end_matches(['。', '.', '頃']);
    let t = expand_era_letter(t);
    let mut found = match parse_japanese(&text).or_else(|| parse_japanese(&t)) {
        Some(d) => vec![d],
        None => parse_numeric(&t),
    };
    if found.is_empty() {
        found.extend(parse_english(&text));
    }
    found.retain(valid);
    found.dedup();
    found
}

/// The weekday a typed date ends with, set apart: （金）, (金曜日), 金曜日, (fri), friday. Returns
/// the rest and the weekday (0 = Monday), or None when there is none.
pub fn split_weekday(text: &str) -> Option<(String, u32, String)> {
    const JA: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];
    const EN: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let t = text.trim();
    // Latin: a leading or trailing word, full or three letters.
    for (k, name) in EN.iter().enumerate() {
        for word in [&name[..], &name[..3]] {
            for form in [format!("({word})"), format!("{word},"), word.to_string()] {
                if let Some(rest) = t.strip_suffix(form.as_str()).filter(|r| r.ends_with([' ', ')', '日'])) {
                    return Some((rest.trim_end_matches([' ', ',']).to_string(), k as u32, form));
                }
                if let Some(rest) = t.strip_prefix(form.as_str()).filter(|r| r.starts_with(' ')) {
                    return Some((rest.trim().to_string(), k as u32, form));
                }
            }
        }
    }
    // Japanese: after the day, with or without brackets and 曜(日).
    let inner = t.strip_suffix(')').and_then(|r| r.rsplit_once('(')).or(Some((t, "")))?;
    let (rest, word) = if inner.1.is_empty() {
        let w = ["曜日", "曜"].iter().find_map(|s| t.strip_suffix(s).map(|r| (r, *s)))?;
        let day = w.0.chars().next_back()?;
        (&w.0[..w.0.len() - day.len_utf8()], format!("{day}{}", w.1))
    } else {
        (inner.0, inner.1.to_string())
    };
    let first = word.chars().next()?;
    let k = JA.iter().position(|&c| c == first)?;
    let tail = &word[first.len_utf8()..];
    if !matches!(tail, "" | "曜" | "曜日") || !rest.trim_end().ends_with(|c: char| c == '日' || c.is_ascii_digit())
    {
        return None;
    }
    Some((rest.trim_end().to_string(), k as u32, word))
}

fn valid(d: &PartialDate) -> bool {
    let month_ok = d.month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = d.day.is_none_or(|day| (1..=31).contains(&day) && d.month.is_some());
    let year_ok = if d.short_year { (0..=99).contains(&d.year) } else { (1..=9999).contains(&d.year) };
    year_ok && month_ok && day_ok
}

/// R7.4.4 → 令和7.4.4 (then read as numbers), H30年 → 平成30年.
fn expand_era_letter(t: &str) -> String {
    let mut chars = t.chars();
    if let (Some(letter), Some(next)) = (chars.next(), chars.next()) {
        if next.is_ascii_digit() {
            if let Some((name, _, _)) = ERAS.iter().find(|(_, l, _)| *l == letter) {
                let rest = &t[1..];
                let (n, after) = leading_number(rest).unwrap_or((0, rest));
                return match after.chars().next() {
                    None => format!("{name}{n}年"),
                    Some('.' | '/' | '-') => {
                        let parts: Vec<&str> = after[1..].split(['.', '/', '-']).collect();
                        match parts.as_slice() {
                            [m] => format!("{name}{n}年{m}月"),
                            [m, d] => format!("{name}{n}年{m}月{d}日"),
                            _ => t.to_string(),
                        }
                    }
                    _ => format!("{name}{rest}"),
                };
            }
        }
    }
    t.to_string()
}

/// The Japanese forms, their parts in any order: 2024年12月5日, 12月 2024年, 令和元年6月,
/// 平成31年4月30日, 92年 (a two-digit year).
fn parse_japanese(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split([' ', ',', '、']).filter(|p| !p.is_empty()).collect();
    let mut year: Option<(i32, bool)> = None;
    let (mut month, mut day) = (None, None);
    for part in parts {
        let mut rest = part;
        while !rest.is_empty() {
            let era = ERAS.iter().find(|(name, _, _)| rest.starts_with(name));
            let (n, digits, after) = match era {
                Some((name, _, _)) => {
                    let r = &rest[name.len()..];
                    if let Some(r) = r.strip_prefix('元') {
                        (1, 1, r)
                    } else {
                        let (n, after) = leading_number(r)?;
                        (n, r.len() - after.len(), after)
                    }
                }
                None => {
                    let (n, after) = leading_number(rest)?;
                    (n, rest.len() - after.len(), after)
                }
            };
            let unit = after.chars().next()?;
            rest = &after[unit.len_utf8()..];
            match unit {
                '年' if year.is_none() => {
                    year = Some(match era {
                        Some((_, _, start)) => (start + n as i32 - 1, false),
                        None if digits <= 2 => (n as i32, true),
                        None => (n as i32, false),
                    })
                }
                '月' if month.is_none() && era.is_none() => month = Some(n),
                '日' if day.is_none() && era.is_none() => day = Some(n),
                _ => return None,
            }
        }
    }
    let (year, short_year) = year?;
    Some(PartialDate { year, month, day, short_year })
}

/// 2024-12, 2024/12, 2024.12, 2024-12-05, 2024/12/5, 12/2024, 20250404, a bare year of four
/// digits, and day and month before a four-digit year either way round (27/7/2023 = 7/27/2023).
fn parse_numeric(t: &str) -> Vec<PartialDate> {
    let d = PartialDate::new;
    let all_digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if t.len() == 8 && all_digits(t) {
        let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().ok();
        if let (Some(y), Some(m), Some(dd)) = (n(0..4), n(4..6), n(6..8)) {
            return vec![d(y as i32, Some(m), Some(dd))];
        }
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if !parts.iter().all(|p| all_digits(p)) {
        return Vec::new();
    }
    let n: Vec<u32> = match parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>() {
        Some(n) => n,
        None => return Vec::new(),
    };
    let four = |k: usize| parts[k].len() == 4;
    match n.as_slice() {
        [y] if four(0) => vec![d(*y as i32, None, None)],
        [y, m] if four(0) => vec![d(*y as i32, Some(*m), None)],
        [m, y] if four(1) && parts[0].len() <= 2 => vec![d(*y as i32, Some(*m), None)],
        [y, m, dd] if four(0) => vec![d(*y as i32, Some(*m), Some(*dd))],
        [a, b, y] if four(2) && parts[0].len() <= 2 && parts[1].len() <= 2 => {
            let (y, a, b) = (*y as i32, *a, *b);
            // Day first and month first, keeping those that can be dates; the same when a = b.
            let mut both = Vec::new();
            if b <= 12 {
                both.push(d(y, Some(b), Some(a)));
            }
            if a <= 12 && a != b {
                both.push(d(y, Some(a), Some(b)));
            }
            both
        }
        _ => Vec::new(),
    }
}

/// Dec 2024, December 2024, 5 Dec 2024, Dec 5, 2024, December 5th 2024.
fn parse_english(text: &str) -> Option<PartialDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.trim_end_matches('.');
            // Ordinal suffixes only after digits: "1st", not "august".
            let bare = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| w.strip_suffix(s))
                .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
            bare.unwrap_or(w).to_string()
        })
        .collect();
    // A month word is one of the names or its three-letter form (ASCII only, so never cut inside
    // a multi-byte character).
    let month_of = |w: &str| {
        if !w.is_ascii() || w.len() < 3 || !is_month_word(w) {
            return None;
        }
        MONTHS
            .iter()
            .position(|m| m.starts_with(&w[..3]) && (w.len() == 3 || FULL_MONTHS.contains(&w)))
            .map(|i| i as u32 + 1)
    };
    let num = |w: &str| w.parse::<u32>().ok();
    match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [m, y] => Some(PartialDate::new(num(y)? as i32, Some(month_of(m)?), None)),
        [m, d, y] if month_of(m).is_some() => Some(PartialDate::new(num(y)? as i32, month_of(m), Some(num(d)?))),
        [d, m, y] => Some(PartialDate::new(num(y)? as i32, Some(month_of(m)?), Some(num(d)?))),
        _ => None,
    }
}

const FULL_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
];

fn is_month_word(w: &str) -> bool {
    (w.len() == 3 && MONTHS.contains(&w)) || FULL_MONTHS.contains(&w)
}

/// A leading run of ASCII digits and the rest.
fn leading_number(t: &str) -> Option<(u32, &str)> {
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if end == 0 || end > 4 {
        return None;
    }
    Some((t[..end].parse().ok()?, &t[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: Option<u32>, day: Option<u32>) -> Option<PartialDate> {
        Some(PartialDate::new(year, month, day))
    }

    #[test]
    fn forms() {
        assert_eq!(parse("2024年12月"), d(2024, Some(12), None));
        assert_eq!(parse("2024-12"), d(2024, Some(12), None));
        assert_eq!(parse("2024/12"), d(2024, Some(12), None));
        assert_eq!(parse("dec 2024"), d(2024, Some(12), None));
        assert_eq!(parse("december 2024"), d(2024, Some(12), None));
        assert_eq!(parse("2025年4月4日"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("2025-04-04"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("april 4, 2025"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("4 april 2025"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("令和元年6月"), d(2019, Some(6), None));
        assert_eq!(parse("平成31年4月30日"), d(2019, Some(4), Some(30)));
        assert_eq!(parse("令和7年"), d(2025, None, None));
        assert_eq!(parse("2024"), d(2024, None, None));
        assert_eq!(parse("2024年13月"), None);
        assert_eq!(parse("昨年"), None);
        assert_eq!(parse("mayday 2024"), None);
        // Found by a break-it pass: a multi-byte word where a month name may stand, "august".
        assert_eq!(parse("12月 2024"), None);
        assert_eq!(parse("5月 3日"), None);
        // Any order of the Japanese parts (issue 17).
        assert_eq!(parse("12月 2024年"), d(2024, Some(12), None));
        assert_eq!(parse("二〇二四年十二月"), d(2024, Some(12), None));
        assert_eq!(parse("r7.4.4"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("h30"), d(2018, None, None));
        assert_eq!(parse("s64年"), d(1989, None, None));
        assert_eq!(parse("20250404"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("27/7/2023"), d(2023, Some(7), Some(27)));
        assert_eq!(parse("7/27/2023"), d(2023, Some(7), Some(27)));
        assert_eq!(parse("4/4/2025"), d(2025, Some(4), Some(4)));
        assert_eq!(parse("5/4/2025"), None);
        assert_eq!(read("5/4/2025").len(), 2);
        assert_eq!(parse("92年"), Some(PartialDate { year: 92, month: None, day: None, short_year: true }));
        assert_eq!(split_weekday("2025年4月4日(金)"), Some(("2025年4月4日".into(), 4, "金".into())));
        assert_eq!(split_weekday("2025年4月4日金曜日"), Some(("2025年4月4日".into(), 4, "金曜日".into())));
        assert_eq!(split_weekday("friday, april 4, 2025"), Some(("april 4, 2025".into(), 4, "friday,".into())));
        assert_eq!(split_weekday("2025年4月"), None);
        assert_eq!(split_weekday("r7.4.4(金)"), Some(("r7.4.4".into(), 4, "金".into())));
        assert_eq!(d(2025, Some(4), Some(4)).unwrap().weekday(), Some(4));
        assert_eq!(parse("august 2024"), d(2024, Some(8), None));
        assert_eq!(parse("august 1st, 2018"), d(2018, Some(8), Some(1)));
        assert_eq!(parse("augst 2024"), None);
        assert_eq!(parse("2024年12月ゴロ"), d(2024, Some(12), None));
        assert_eq!(parse("12/2024"), d(2024, Some(12), None));
    }
}
