//! Reading dates as students type them: 2024年12月, 2024-12, 2024/12/5, Dec 2024, 5 December 2024,
//! 令和元年6月 (Japanese era years: 明治, 大正, 昭和, 平成, 令和; 元年 = year 1).

/// A date at the precision it was written: a year, a month of a year, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Whether `typed` names this date, at this date's precision: a typed day inside the
    /// expected month is right; a typed year alone is not enough for an expected month.
    pub fn accepts(&self, typed: &PartialDate) -> bool {
        self.year == typed.year
            && self.month.is_none_or(|m| typed.month == Some(m))
            && self.day.is_none_or(|d| typed.day == Some(d))
    }
}

/// First years of the Japanese eras, so era year N is `start + N - 1`.
const ERAS: &[(&str, i32)] = &[("令和", 2019), ("平成", 1989), ("昭和", 1926), ("大正", 1912), ("明治", 1868)];

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parses `text` (already folded: NFKC, lower case) as a date. Returns None when it is not one.
pub fn parse(text: &str) -> Option<PartialDate> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // "ごろ" arrives folded to katakana.
    let t = t.trim_end_matches("ごろ").trim_end_matches("ゴロ").trim_end_matches(['。', '.', '頃']);
    parse_japanese(t).or_else(|| parse_numeric(t)).or_else(|| parse_english(text)).filter(valid)
}

fn valid(d: &PartialDate) -> bool {
    let month_ok = d.month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = d.day.is_none_or(|day| (1..=31).contains(&day) && d.month.is_some());
    (1..=9999).contains(&d.year) && month_ok && day_ok
}

/// 2024年12月5日, 2024年12月, 2024年, 令和元年6月, 平成31年4月30日.
fn parse_japanese(t: &str) -> Option<PartialDate> {
    let (year, rest) = match ERAS.iter().find(|(name, _)| t.starts_with(name)) {
        Some((name, start)) => {
            let rest = &t[name.len()..];
            let (n, rest) = if let Some(r) = rest.strip_prefix("元") { (1, r) } else { leading_number(rest)? };
            (start + n as i32 - 1, rest.strip_prefix('年')?)
        }
        None => {
            let (n, rest) = leading_number(t)?;
            (n as i32, rest.strip_prefix('年')?)
        }
    };
    if rest.is_empty() {
        return Some(PartialDate { year, month: None, day: None });
    }
    let (month, rest) = leading_number(rest)?;
    let rest = rest.strip_prefix('月')?;
    if rest.is_empty() {
        return Some(PartialDate { year, month: Some(month), day: None });
    }
    let (day, rest) = leading_number(rest)?;
    (rest == "日").then_some(PartialDate { year, month: Some(month), day: Some(day) })
}

/// 2024-12, 2024/12, 2024.12, 2024-12-05, 2024/12/5, 12/2024, and a bare year of four digits.
fn parse_numeric(t: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    // Month/year, as in 12/2024.
    if let [m, y] = parts.as_slice() {
        if m.len() <= 2 && y.len() == 4 && m.chars().chain(y.chars()).all(|c| c.is_ascii_digit()) {
            return Some(PartialDate { year: y.parse().ok()?, month: Some(m.parse().ok()?), day: None });
        }
    }
    if parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) || parts[0].len() != 4 {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    match n.as_slice() {
        [y] => Some(PartialDate { year: *y as i32, month: None, day: None }),
        [y, m] => Some(PartialDate { year: *y as i32, month: Some(*m), day: None }),
        [y, m, d] => Some(PartialDate { year: *y as i32, month: Some(*m), day: Some(*d) }),
        _ => None,
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
        [m, y] => Some(PartialDate { year: num(y)? as i32, month: Some(month_of(m)?), day: None }),
        [m, d, y] if month_of(m).is_some() => {
            Some(PartialDate { year: num(y)? as i32, month: month_of(m), day: Some(num(d)?) })
        }
        [d, m, y] => Some(PartialDate { year: num(y)? as i32, month: Some(month_of(m)?), day: Some(num(d)?) }),
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
        Some(PartialDate { year, month, day })
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
        assert_eq!(parse("august 2024"), d(2024, Some(8), None));
        assert_eq!(parse("august 1st, 2018"), d(2018, Some(8), Some(1)));
        assert_eq!(parse("augst 2024"), None);
        assert_eq!(parse("2024年12月ゴロ"), d(2024, Some(12), None));
        assert_eq!(parse("12/2024"), d(2024, Some(12), None));
    }
}
