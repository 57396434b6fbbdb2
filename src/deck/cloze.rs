//! Cloze deletions in Anki's syntax: `{{c1::text}}` or `{{c1::text::hint}}`; a bare `{{text}}`
//! is numbered by position after the numbered ones; `\{{` is a literal `{{`. Readings
//! (`文在寅[ムン]`) may stand in the text and in deletions; a deletion starts a new base.

use super::reading::{self, Segment as Ruby};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Deletion { number: u32, text: String, hint: Option<String> },
}

/// The largest cloze number (Anki's notes use a handful; this keeps the numbering of bare
/// deletions after it far from wrapping around).
pub const MAX_NUMBER: u32 = 9999;

/// Splits cloze text into plain text and deletions. Returns an error message (with the
/// character offset of the problem) for an unclosed `{{` or an empty deletion.
pub fn parse(text: &str) -> Result<Vec<Segment>, (usize, String)> {
    let mut segments = Vec::new();
    let mut plain = String::new();
    let mut bare = Vec::new(); // indices of deletions without a number
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && chars.get(i + 1) == Some(&'{') && chars.get(i + 2) == Some(&'{') {
            plain.push_str("{{");
            i += 3;
            continue;
        }
        if chars[i] == '{' && chars.get(i + 1) == Some(&'{') {
            let start = i;
            let body_start = i + 2;
            let end = (body_start..chars.len().saturating_sub(1)).find(|&j| chars[j] == '}' && chars[j + 1] == '}');
            let Some(end) = end else {
                return Err((start, crate::tr!("lint-cloze-unclosed")));
            };
            let body: String = chars[body_start..end].iter().collect();
            if body.contains('{') {
                return Err((start, crate::tr!("lint-cloze-nested")));
            }
            if !plain.is_empty() {
                segments.push(Segment::Text(std::mem::take(&mut plain)));
            }
            let (number, rest) = match body.split_once("::") {
                Some((head, rest)) => {
                    let head = head.trim();
                    let digits = head
                        .strip_prefix(['c', 'C'])
                        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
                    match digits.map(|d| d.trim_start_matches('0').parse::<u32>()) {
                        Some(Ok(n)) if (1..=MAX_NUMBER).contains(&n) => (Some(n), rest.to_string()),
                        Some(_) if digits.is_some_and(|d| d.bytes().all(|b| b == b'0')) => {
                            return Err((start, crate::tr!("lint-cloze-number-zero", head = head)))
                        }
                        Some(_) => {
                            return Err((start, crate::tr!("lint-cloze-number-too-big", max = MAX_NUMBER, head = head)))
                        }
                        None => return Err((start, crate::tr!("lint-cloze-not-a-number", head = head))),
                    }
                }
                None => (None, body.clone()),
            };
            let (text, hint) = match rest.split_once("::") {
                Some((t, h)) => (t.to_string(), Some(h.trim().to_string()).filter(|h| !h.is_empty())),
                None => (rest, None),
            };
            if text.trim().is_empty() {
                return Err((start, crate::tr!("lint-cloze-empty")));
            }
            if number.is_none() {
                bare.push((segments.len(), start));
            }
            segments.push(Segment::Deletion { number: number.unwrap_or(0), text, hint });
            i = end + 2;
            continue;
        }
        plain.push(chars[i]);
        i += 1;
    }
    if !plain.is_empty() {
        segments.push(Segment::Text(plain));
    }
    let mut next = numbers(&segments).last().copied().unwrap_or(0);
    for (index, start) in bare {
        next += 1;
        if next > MAX_NUMBER {
            return Err((start, crate::tr!("lint-cloze-numbers-run-out", next = next, max = MAX_NUMBER)));
        }
        if let Segment::Deletion { number, .. } = &mut segments[index] {
            *number = next;
        }
    }
    Ok(segments)
}

/// The distinct deletion numbers, ascending.
pub fn numbers(segments: &[Segment]) -> Vec<u32> {
    let mut n: Vec<u32> = segments
        .iter()
        .filter_map(|s| match s {
            Segment::Deletion { number, .. } if *number > 0 => Some(*number),
            _ => None,
        })
        .collect();
    n.sort_unstable();
    n.dedup();
    n
}

/// The text with deletion `number` hidden as `[…]` (or `[hint]`) and the others shown, as
/// reading markup (see `reading`): each part keeps its own readings.
pub fn prompt(segments: &[Segment], number: u32) -> String {
    render(segments, number, |_, hint| {
        let mut shown = vec![Ruby::Text("[".into())];
        shown.extend(hint.map_or_else(|| vec![Ruby::Text("…".into())], reading::parse));
        shown.push(Ruby::Text("]".into()));
        shown
    })
}

/// The text with deletion `number` shown in brackets, as reading markup.
pub fn answer(segments: &[Segment], number: u32) -> String {
    render(segments, number, |text, _| {
        let mut shown = vec![Ruby::Text("[".into())];
        shown.extend(reading::parse(text));
        shown.push(Ruby::Text("]".into()));
        shown
    })
}

/// What deletion `number` hides, joined with " / " when it appears more than once.
pub fn hidden_text(segments: &[Segment], number: u32) -> String {
    let hidden: Vec<&str> = segments
        .iter()
        .filter_map(|s| match s {
            Segment::Deletion { number: n, text, .. } if *n == number => Some(text.as_str()),
            _ => None,
        })
        .collect();
    reading::join(&hidden, " / ")
}

fn render(segments: &[Segment], number: u32, show: impl Fn(&str, Option<&str>) -> Vec<Ruby>) -> String {
    let mut parts = Vec::new();
    for s in segments {
        match s {
            Segment::Text(t) => parts.extend(reading::parse(t)),
            Segment::Deletion { number: n, text, hint } if *n == number => parts.extend(show(text, hint.as_deref())),
            Segment::Deletion { text, .. } => parts.extend(reading::parse(text)),
        }
    }
    reading::to_markup(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_bare_hint_and_escape() {
        let s = parse("憲法裁判所は{{c1::2025年4月4日}}、弾劾を{{c2::妥当::判断}}とした。").unwrap();
        assert_eq!(numbers(&s), vec![1, 2]);
        assert_eq!(prompt(&s, 1), "憲法裁判所は[…]、弾劾を妥当とした。");
        assert_eq!(prompt(&s, 2), "憲法裁判所は2025年4月4日、弾劾を[判断]とした。");
        assert_eq!(answer(&s, 2), "憲法裁判所は2025年4月4日、弾劾を[妥当]とした。");
        let s = parse("{{a}} and {{c1::b}} and {{c}} \\{{x}}").unwrap();
        assert_eq!(numbers(&s), vec![1, 2, 3]);
        assert_eq!(answer(&s, 2), "[a] and b and c {{x}}");
        assert!(parse("open {{c1::never").is_err());
        for bad in ["{{ｃ１::x}}", "{{c1::a {{c2::b}} c}}", "{{{c1::x}}}", "{{c0::x}}", "{{one::x}}"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(numbers(&parse("{{ c2 ::x}}").unwrap()), vec![2]);
        assert!(parse("{{c1::}}").is_err());
        assert_eq!(numbers(&parse("no deletion").unwrap()), Vec::<u32>::new());
    }

    #[test]
    fn numbers_stay_in_range_and_bare_deletions_never_wrap() {
        // A bare deletion after the largest number used to wrap around to 0 (never asked).
        let err = parse("{{c4294967295::a}} and {{b}}").unwrap_err();
        assert_eq!(err, (0, "cloze numbers go up to 9999, not 'c4294967295'".to_string()));
        let err = parse("{{c9999::a}} and {{b}}").unwrap_err();
        assert_eq!(err, (17, "this deletion would be number 10000; cloze numbers go up to 9999".to_string()));
        assert_eq!(numbers(&parse("{{c9998::a}} and {{b}}").unwrap()), vec![9998, 9999]);
        assert!(parse("{{c99999999999999999999::a}}").is_err());
        assert!(parse("{{c000::a}}").unwrap_err().1.contains("1 or more"));
        assert_eq!(numbers(&parse("{{c01::a}}").unwrap()), vec![1]);
    }

    #[test]
    fn readings_in_and_around_deletions() {
        let s = parse(
            "韓国の{{c1::文在寅[ムン・ジェイン]}}政権と 尹錫悦[ユン・ソンニョル]{{c2::大統領[ムン]::だいとうりょう}}",
        )
        .unwrap();
        let shown = |markup: String| reading::display(&markup, true).into_owned();
        assert_eq!(shown(prompt(&s, 1)), "韓国の[…]政権と尹錫悦(ユン・ソンニョル)大統領(ムン)");
        assert_eq!(shown(answer(&s, 1)), "韓国の[文在寅(ムン・ジェイン)]政権と尹錫悦(ユン・ソンニョル)大統領(ムン)");
        // A hint in kana after a kanji is a bracket the cloze adds, not a reading.
        assert_eq!(shown(prompt(&s, 2)), "韓国の文在寅(ムン・ジェイン)政権と尹錫悦(ユン・ソンニョル)[だいとうりょう]");
        assert_eq!(hidden_text(&s, 1), "文在寅[ムン・ジェイン]");
        let s = parse("{{c1::金正恩[キム・ジョンウン]}}と{{c1::文在寅[ムン]}}").unwrap();
        assert_eq!(reading::base(&hidden_text(&s, 1)), "金正恩 / 文在寅");
        assert_eq!(reading::reading(&hidden_text(&s, 1)), "キム・ジョンウン / ムン");
    }
}
