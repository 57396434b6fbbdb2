//! Reading quantities as students type them: 23億ドル, 2.3 billion dollars, $2,300,000,000,
//! 2億3000万円, 約60日, 二十三億, sixty days, -2, 第7回 = 7回目 = 7度目 = 7th. Units are compared
//! only when both sides name one.

use super::normalize::fold;
use super::numerals;

/// A number, its unit (canonical name for known units, else the text written), what follows
/// a known unit (以内 in 60日以内), and whether it was said to be approximate (約60日, 60日ほど).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
    pub rest: String,
    pub approximate: bool,
}

impl Quantity {
    /// Same value (to 1 part in 10⁹); when both name a unit, the same unit; and nothing after
    /// the typed unit but what the expected answer has there (60日以内 accepts 60日, not 60日以上).
    pub fn accepts(&self, typed: &Quantity) -> bool {
        let same_value = (self.value - typed.value).abs() <= 1e-9 * self.value.abs().max(1.0);
        let same_unit = match (&self.unit, &typed.unit) {
            (Some(a), Some(b)) => a == b,
            // Text after the number that is no unit kioku knows must be the expected answer's.
            (None, Some(b)) => known_unit(b),
            _ => true,
        };
        same_value && same_unit && (typed.rest.is_empty() || typed.rest == self.rest)
    }

    /// The quantity as kioku read it, for the explanation: `23億 dollar` is shown as 2300000000 dollar.
    pub fn describe(&self) -> String {
        let value = if self.value.fract() == 0.0 && self.value.abs() < 1e15 {
            format!("{}", self.value as i64)
        } else {
            format!("{}", self.value)
        };
        let value = if self.approximate { format!("≈{value}") } else { value };
        match &self.unit {
            Some(u) if u == "ordinal" => format!("#{value}"),
            Some(u) => format!("{value} {u}"),
            None => value,
        }
    }
}

const MULTIPLIERS: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("hundred", 1e2),
    ("bn", 1e9),
    ("兆", 1e12),
    ("億", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];

/// Known units: every spelling maps to one canonical name.
const UNITS: &[(&str, &str)] = &[
    ("usdollars", "dollar"),
    ("usdollar", "dollar"),
    ("dollars", "dollar"),
    ("dollar", "dollar"),
    ("usd", "dollar"),
    ("米ドル", "dollar"),
    ("ドル", "dollar"),
    ("$", "dollar"),
    ("yen", "yen"),
    ("jpy", "yen"),
    ("円", "yen"),
    ("¥", "yen"),
    ("人民元", "yuan"),
    ("元", "yuan"),
    ("日本円", "yen"),
    ("ウォン", "won"),
    ("won", "won"),
    ("krw", "won"),
    ("people", "person"),
    ("persons", "person"),
    ("person", "person"),
    ("人", "person"),
    ("名", "person"),
    ("days", "day"),
    ("day", "day"),
    ("日", "day"),
    ("ヶ月", "month"),
    ("ケ月", "month"),
    ("箇月", "month"),
    ("ヵ月", "month"),
    ("カ月", "month"),
    ("ヵ月", "month"),
    ("か月", "month"),
    ("ケ月", "month"),
    ("months", "month"),
    ("month", "month"),
    ("周年", "year"),
    ("years", "year"),
    ("year", "year"),
    ("年", "year"),
    ("times", "time"),
    ("回", "time"),
    ("percent", "percent"),
    ("パーセント", "percent"),
    ("%", "percent"),
    ("キログラム", "kg"),
    ("kilograms", "kg"),
    ("kg", "kg"),
    ("キロメートル", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("キロ", "km"),
    ("メートル", "metre"),
    ("metres", "metre"),
    ("meters", "metre"),
    ("metre", "metre"),
    ("meter", "metre"),
    ("m", "metre"),
    ("トン", "tonne"),
    ("tonnes", "tonne"),
    ("tons", "tonne"),
    ("t", "tonne"),
];

/// Words that make a quantity approximate, before it (約60日, about 60 days) and after it
/// (60日ほど, 60日前後, 60日くらい, 60 days or so; spaces are gone by then). Words that bound it
/// instead (60日余り, 60日近く, 60日弱) are not here: what follows the unit then stays as `rest`
/// and the quantity is not the expected one.
const APPROXIMATE_BEFORE: &[&str] = &[
    "約",
    "およそ",
    "おおよそ",
    "大体",
    "だいたい",
    "ほぼ",
    "about",
    "approximately",
    "approx.",
    "approx",
    "around",
    "roughly",
    "some",
];
const APPROXIMATE_AFTER: &[&str] = &["ほど", "程", "程度", "前後", "くらい", "ぐらい", "ばかり", "orso", "-ish", "ish"];

/// The approximation words folded as the text is (hiragana as katakana), once.
fn approximate_words() -> &'static (Vec<String>, Vec<String>) {
    static WORDS: std::sync::OnceLock<(Vec<String>, Vec<String>)> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let fold_all = |list: &[&str]| list.iter().map(|w| fold(w)).collect();
        (fold_all(APPROXIMATE_BEFORE), fold_all(APPROXIMATE_AFTER))
    })
}

/// Counters of order: 7回目 = 7度目 = 第7回 = 7th; and 周年 counted in years (75周年 = 75年).
const ORDINAL_SUFFIXES: &[&str] = &["回目", "度目", "番目", "st", "nd", "rd", "th"];

/// Parses folded text (NFKC, lower case) as a quantity. Returns None when it holds no number, or
/// when text the reader does not know comes *before* the number.
pub fn parse(text: &str) -> Option<Quantity> {
    let text = numerals::english_to_digits(&numerals::kanji_to_digits(text));
    let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut approximate = false;
    // The lists are written as people type them; the text is folded (hiragana as katakana).
    let (before, after) = approximate_words();
    for prefix in before {
        if let Some(rest) = t.strip_prefix(prefix.as_str()) {
            t = rest.to_string();
            approximate = true;
        }
    }
    // An approximation word at the end (60日ほど, 60くらい): taken off before the unit is read.
    if let Some(rest) = after.iter().find_map(|w| t.strip_suffix(w.as_str()).map(str::to_string)) {
        if !rest.is_empty() {
            t = rest;
            approximate = true;
        }
    }
    let mut ordinal = false;
    if let Some(rest) = t.strip_prefix('第') {
        ordinal = true;
        t = rest.to_string();
    }
    let mut sign = 1.0;
    for minus in ["-", "マイナス", "minus"] {
        if let Some(rest) = t.strip_prefix(minus) {
            sign = -1.0;
            t = rest.to_string();
        }
    }
    let mut prefix_unit = None;
    for (spelling, canonical) in [("us$", "dollar"), ("$", "dollar"), ("¥", "yen")] {
        if let Some(rest) = t.strip_prefix(spelling) {
            prefix_unit = Some(canonical.to_string());
            t = rest.to_string();
        }
    }
    let mut rest = t.as_str();
    let mut total = 0.0;
    let mut found = false;
    while let Some((n, after)) = leading_decimal(rest) {
        found = true;
        // Multipliers may stack: 3千万 = 3 × 1000 × 10000.
        let mut value = n;
        let mut after = after;
        let mut multiplied = false;
        while let Some((word, factor)) = MULTIPLIERS.iter().find(|(word, _)| after.starts_with(word)) {
            value *= factor;
            after = &after[word.len()..];
            multiplied = true;
        }
        total += value;
        rest = after;
        if !multiplied {
            break;
        }
    }
    if !found {
        return None;
    }
    if ordinal {
        // 第7回, 第7期: the counter after the number says what is counted, not how many.
        let counter = rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0);
        let rest = rest[counter..].to_string();
        return Some(Quantity { value: sign * total, unit: Some("ordinal".into()), rest, approximate });
    }
    if let Some(suffix) = ORDINAL_SUFFIXES.iter().find(|s| rest.starts_with(*s)) {
        return Some(Quantity {
            value: sign * total,
            unit: Some("ordinal".into()),
            rest: rest[suffix.len()..].to_string(),
            approximate,
        });
    }
    // 1/2, 1-2, 1.2.3: not a quantity this reader knows (compared as text).
    if rest.starts_with(['/', '-', '.', ',', ':']) {
        return None;
    }
    let (unit, rest) = match prefix_unit {
        Some(u) => (Some(u), rest.to_string()),
        None => unit_of(rest),
    };
    // Multiples of a unit are read in the unit (4km = 4000m).
    let (unit, scale) = match unit.as_deref() {
        Some("km") => (Some("metre".to_string()), 1e3),
        Some("tonne") => (Some("kg".to_string()), 1e3),
        _ => (unit, 1.0),
    };
    Some(Quantity { value: sign * total * scale, unit, rest, approximate })
}

fn known_unit(unit: &str) -> bool {
    unit == "ordinal" || UNITS.iter().any(|(_, canonical)| *canonical == unit)
}

/// The canonical unit that `rest` starts with and what follows it; unknown text is kept whole
/// as the unit; none if empty.
fn unit_of(rest: &str) -> (Option<String>, String) {
    if rest.is_empty() {
        return (None, String::new());
    }
    match UNITS.iter().find(|(spelling, _)| {
        rest.starts_with(spelling)
            // A Latin unit is a whole word: "m" is metres, "million" is not.
            && !(spelling.is_ascii() && rest[spelling.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
    }) {
        Some((spelling, canonical)) => (Some(canonical.to_string()), rest[spelling.len()..].to_string()),
        None => (Some(rest.to_string()), String::new()),
    }
}

/// A leading decimal number with optional thousands separators: `2,300,000`, `2.3`, `60`.
fn leading_decimal(t: &str) -> Option<(f64, &str)> {
    let mut end = 0;
    let mut digits = String::new();
    let mut seen_dot = false;
    let bytes = t.as_bytes();
    while end < bytes.len() {
        let c = bytes[end] as char;
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ',' && !seen_dot && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit()) && !digits.is_empty()
        {
            // thousands separator
        } else if c == '.' && !seen_dot && !digits.is_empty() && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit())
        {
            seen_dot = true;
            digits.push('.');
        } else {
            break;
        }
        end += 1;
    }
    if digits.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, &t[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: f64, unit: Option<&str>) -> Option<Quantity> {
        Some(Quantity { value, unit: unit.map(str::to_string), rest: String::new(), approximate: false })
    }

    #[test]
    fn forms() {
        assert_eq!(parse("23億ドル"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("23億"), q(2.3e9, None));
        assert_eq!(parse("2.3 billion dollars"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("2,300,000,000 dollars"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("$2.3 billion"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("2億3000万円"), q(2.3e8, Some("yen")));
        let about = |value, unit| q(value, unit).map(|q| Quantity { approximate: true, ..q });
        assert_eq!(parse("約60日"), about(60.0, Some("day")));
        assert_eq!(parse(&fold("60日ほど")), about(60.0, Some("day")));
        assert_eq!(parse(&fold("60日前後")), about(60.0, Some("day")));
        assert_eq!(parse(&fold("およそ六十日くらい")), about(60.0, Some("day")));
        assert_eq!(parse("about 60 days"), about(60.0, Some("day")));
        assert_eq!(parse("60 days or so"), about(60.0, Some("day")));
        assert_eq!(parse(&fold("60くらい")), about(60.0, None));
        let rest =
            |r: &str| Some(Quantity { value: 60.0, unit: Some("day".into()), rest: r.into(), approximate: false });
        assert_eq!(parse("60日以内"), rest("以内"));
        // A bound is no approximation: it stays after the unit, and 60日 does not accept it.
        assert_eq!(parse("60日余り"), rest("余り"));
        assert_eq!(parse("60日弱"), rest("弱"));
        assert_eq!(parse("-2"), q(-2.0, None));
        assert_eq!(parse("マイナス2"), q(-2.0, None));
        assert_eq!(parse("二十三億"), q(2.3e9, None));
        assert_eq!(parse("sixty days"), q(60.0, Some("day")));
        assert_eq!(parse("第7回"), q(7.0, Some("ordinal")));
        assert_eq!(parse("7回目"), q(7.0, Some("ordinal")));
        assert_eq!(parse("7th"), q(7.0, Some("ordinal")));
        assert_eq!(parse("75周年"), q(75.0, Some("year")));
        assert_eq!(parse("3km"), q(3000.0, Some("metre")));
        assert_eq!(parse("3キロメートル"), q(3000.0, Some("metre")));
        assert_eq!(parse("1/2"), None);
        assert_eq!(parse("5カ年"), q(5.0, Some("カ年")));
        assert_eq!(parse("ドル"), None);
        assert_eq!(parse("3千万人"), q(3e7, Some("person")));
        assert_eq!(parse("1億2千万人"), q(1.2e8, Some("person")));
        assert_eq!(parse("6ヶ月"), parse("6カ月"));
        assert_eq!(parse("100億人民元"), q(1e10, Some("yuan")));
        assert_eq!(parse("5億日本円"), q(5e8, Some("yen")));
        assert!(!parse("23億円").unwrap().accepts(&parse("23億ドル").unwrap()));
        assert!(parse("23億ドル").unwrap().accepts(&parse("2.3 billion").unwrap()));
    }
}
