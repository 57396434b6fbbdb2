//! Reading quantities as students type them: 23億ドル, 2.3 billion dollars, $2,300,000,000,
//! 2億3000万円, 約60日. Units are compared only when both sides name one.

/// A number and its unit (canonical name for known units, else the text written).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
}

impl Quantity {
    /// Same value (to 1 part in 10⁹) and, when both name a unit, the same unit.
    pub fn accepts(&self, typed: &Quantity) -> bool {
        let same_value = (self.value - typed.value).abs() <= 1e-9 * self.value.abs().max(1.0);
        let same_unit = match (&self.unit, &typed.unit) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        same_value && same_unit
    }
}

const MULTIPLIERS: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
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
    ("years", "year"),
    ("year", "year"),
    ("年", "year"),
    ("times", "time"),
    ("回", "time"),
    ("percent", "percent"),
    ("パーセント", "percent"),
    ("%", "percent"),
];

/// Parses folded text (NFKC, lower case) as a quantity. Returns None when it holds no number.
pub fn parse(text: &str) -> Option<Quantity> {
    let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["約", "およそ", "about", "approximately", "approx"] {
        if let Some(rest) = t.strip_prefix(prefix) {
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
    let unit = prefix_unit.or_else(|| unit_of(rest));
    Some(Quantity { value: total, unit })
}

/// The canonical unit that `rest` starts with; unknown text is kept as written; none if empty.
fn unit_of(rest: &str) -> Option<String> {
    if rest.is_empty() {
        return None;
    }
    Some(UNITS.iter().find(|(spelling, _)| rest.starts_with(spelling)).map_or(rest.to_string(), |(_, c)| c.to_string()))
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
        Some(Quantity { value, unit: unit.map(str::to_string) })
    }

    #[test]
    fn forms() {
        assert_eq!(parse("23億ドル"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("23億"), q(2.3e9, None));
        assert_eq!(parse("2.3 billion dollars"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("2,300,000,000 dollars"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("$2.3 billion"), q(2.3e9, Some("dollar")));
        assert_eq!(parse("2億3000万円"), q(2.3e8, Some("yen")));
        assert_eq!(parse("約60日"), q(60.0, Some("day")));
        assert_eq!(parse("60日以内"), q(60.0, Some("day")));
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
