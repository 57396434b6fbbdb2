//! Lint's checks within one deck file's text: warnings for what loads but may not mean what the
//! teacher meant (values other YAML readers retype, readings written in the wrong brackets or
//! left open, control characters, a reversed question, a choice answer written as an option's
//! number…), each placed at its line and column.

use super::authoring;
use super::diagnostic::{Diagnostic, Severity};
use super::model::RawDeck;
use super::reading::{self, Slip};
use super::yaml::Locator;
use crate::answer::normalize::comparable;

/// Text fields where a plain YAML value may be retyped by other tools.
fn is_text_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["deck" | "title" | "source" | "description" | "lang"] => true,
        ["cards", _, field] => {
            matches!(
                *field,
                "id" | "front"
                    | "back"
                    | "cloze"
                    | "question"
                    | "answer"
                    | "statement"
                    | "order"
                    | "section"
                    | "explanation"
                    | "category"
                    | "renamed_from"
            )
        }
        ["cards", _, "accept" | "distractors" | "items" | "tags", _] | ["tags", _] => true,
        _ => false,
    }
}

/// What another YAML reader would make of a plain value, if not text.
pub(crate) fn retyped_as(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if matches!(lower.as_str(), "y" | "yes" | "n" | "no" | "true" | "false" | "on" | "off") {
        return Some("a boolean");
    }
    if matches!(v, "~" | "null" | "Null" | "NULL") {
        return Some("null (nothing)");
    }
    let digits = v.trim_start_matches(['-', '+']);
    if !digits.is_empty()
        && (digits.parse::<f64>().is_ok() || digits.starts_with("0x"))
        && digits.chars().any(|c| c.is_ascii_digit())
    {
        return Some("a number");
    }
    let b = v.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && v[..4].chars().all(|c| c.is_ascii_digit()) {
        return Some("a date");
    }
    None
}

/// The warnings of one file (`raw`: its parsed notes, None when it did not load).
pub(super) fn warnings(raw: Option<&RawDeck>, file: &str, text: &str) -> Vec<Diagnostic> {
    // Lines split once: a file may have thousands of warnings.
    let lines: Vec<&str> = text.lines().collect();
    let warn = |at: (usize, usize), code: &'static str, message: String, hint: String| Diagnostic {
        severity: Severity::Warning,
        source_line: lines.get(at.0.saturating_sub(1)).map(|l| l.trim_end_matches('\r').to_string()),
        ..Diagnostic::error(file, at, code, message).with_hint(hint)
    };
    let mut out = Vec::new();
    let locator = Locator::new(text);
    if raw.is_some_and(|raw| raw.cards.as_ref().is_none_or(|c| c.is_empty())) {
        out.push(warn((1, 1), "no-cards", crate::tr!("lint-no-cards"), crate::tr!("lint-no-cards-hint")));
    }
    // Choice notes whose answer is an option's number: said once, by its own warning.
    let numbered: Vec<(usize, &str, Option<&str>, &[String])> = raw
        .iter()
        .flat_map(|r| r.cards.iter().flatten().enumerate())
        .filter_map(|(i, n)| {
            let (answer, distractors) = (n.answer.as_deref()?, n.distractors.as_deref()?);
            Some((i, answer, authoring::answer_as_number(answer, distractors)?, distractors))
        })
        .collect();
    for &(i, answer, meant, distractors) in &numbered {
        let options: Vec<String> =
            distractors.iter().map(|d| crate::tr!("authoring-quoted", text = d.as_str())).collect();
        let hint = match meant {
            Some(meant) => crate::tr!(
                "authoring-answer-number-meant",
                meant = meant,
                n = distractors.iter().position(|d| d == meant).unwrap_or(0) + 1
            ),
            None => crate::tr!("authoring-answer-number-hint"),
        };
        out.push(warn(
            locator.find(&format!("cards.{i}.answer")),
            "answer-number",
            crate::tr!("authoring-answer-number", answer = answer.trim(), options = options.join(", ")),
            hint,
        ));
    }
    for (path, value, at) in &locator.plain {
        if !is_text_path(path) || numbered.iter().any(|&(i, ..)| *path == format!("cards.{i}.answer")) {
            continue;
        }
        let Some(kind) = retyped_as(value) else { continue };
        // `~` and `null` are not kept as text: kioku reads them as nothing (the field is then
        // missing, which is an error of its own).
        if kind == "null (nothing)" {
            continue;
        }
        // A statement's answer is meant to be true or false.
        let statement_answer = kind == "a boolean"
            && path.strip_suffix(".answer").is_some_and(|note| text_has_key(&locator, note, "statement"));
        if statement_answer {
            continue;
        }
        let field = path.rsplit('.').find(|p| p.parse::<usize>().is_err()).unwrap_or(path);
        let key = match kind {
            "a boolean" => "lint-retyped-boolean",
            "a number" => "lint-retyped-number",
            _ => "lint-retyped-date",
        };
        out.push(warn(
            *at,
            "retyped-value",
            crate::tr!(key, field = field, value = value.as_str()),
            crate::tr!("lint-retyped-hint", value = value.as_str()),
        ));
    }
    for (path, c, at) in &locator.controls {
        // Point at the character written raw (a bidi override) or as an escape (`\e`) on the
        // value's first line; else at the value.
        let line: Vec<char> = lines.get(at.0.saturating_sub(1)).map_or(Vec::new(), |l| l.chars().collect());
        let rest = line.get(at.1 - 1..).unwrap_or(&[]);
        let found = rest.iter().position(|x| x == c).or_else(|| control_escape_at(rest));
        let at = found.map_or(*at, |k| (at.0, at.1 + k));
        let field = path.rsplit('.').find(|p| p.parse::<usize>().is_err()).unwrap_or(path);
        out.push(warn(
            at,
            "control-character",
            crate::tr!(
                "lint-control-character",
                field = field,
                code = format!("U+{:04X}", *c as u32),
                shown = crate::safe_text::terminal(&c.to_string()).into_owned()
            ),
            crate::tr!("lint-control-character-hint"),
        ));
    }
    for (path, value) in raw.map(text_fields).unwrap_or_default() {
        // Cloze markup ends a base as a space would (a deletion starts a new base); replacing it
        // by as many spaces keeps the offsets.
        let masked = if path.ends_with(".cloze") {
            value.replace("{{", "  ").replace("}}", "  ").replace("::", "  ")
        } else {
            value.to_string()
        };
        for found in authoring::bracket_readings(value) {
            out.push(warn(
                place(&lines, locator.find(&path), value, found.offset),
                "bracket-reading",
                crate::tr!("authoring-bracket-reading", written = found.written.as_str()),
                crate::tr!("authoring-bracket-reading-hint", fixed = found.fixed.as_str()),
            ));
        }
        for (offset, slip) in reading::slips(&masked) {
            let at = place(&lines, locator.find(&path), value, offset);
            let bracket: String = value.chars().skip(offset).take_while(|&c| c != '\n').take(12).collect();
            out.push(match slip {
                Slip::Unclosed => warn(
                    at,
                    "reading-unclosed",
                    crate::tr!("lint-reading-unclosed", bracket = bracket.as_str()),
                    crate::tr!("lint-reading-unclosed-hint"),
                ),
                Slip::Empty => warn(
                    at,
                    "reading-empty",
                    crate::tr!("lint-reading-empty", bracket = bracket.as_str()),
                    crate::tr!("lint-reading-empty-hint"),
                ),
                Slip::LongBase(base) => {
                    let reading: String = bracket.split(']').next().unwrap_or("").into();
                    warn(
                        at,
                        "reading-base",
                        crate::tr!("lint-reading-base", reading = reading.as_str(), base = base.as_str()),
                        crate::tr!(
                            "lint-reading-base-hint",
                            fixed = reading::split_long_base(&base),
                            reading = reading.as_str()
                        ),
                    )
                }
            });
        }
    }
    for (i, note) in raw.iter().flat_map(|r| r.cards.iter().flatten()).enumerate() {
        // Options and items are picked by position and may differ only in case or form; a
        // student typing one as text may not see the difference.
        let (field, options): (&str, Vec<&String>) = match (&note.distractors, &note.items) {
            (Some(d), _) => ("distractors", note.answer.iter().chain(d).collect()),
            (None, Some(items)) => ("items", items.iter().collect()),
            _ => ("", Vec::new()),
        };
        let look_alike = options.iter().enumerate().find_map(|(k, a)| {
            options[..k].iter().find(|b| a.trim() != b.trim() && comparable(a) == comparable(b)).map(|b| (b, a))
        });
        if let Some((a, b)) = look_alike {
            out.push(warn(
                locator.find(&format!("cards.{i}.{field}")),
                "look-alike-options",
                crate::tr!("lint-look-alike-options", first = a.as_str(), second = b.as_str()),
                crate::tr!("lint-look-alike-options-hint"),
            ));
        }
        // The reverse card shows the back and expects the front: a question there reads as the answer.
        if let (Some(true), Some(front)) = (note.reverse, &note.front) {
            if front.trim_end().ends_with(['?', '？']) {
                out.push(warn(
                    locator.find(&format!("cards.{i}.front")),
                    "reverse-question",
                    crate::tr!("lint-reverse-question"),
                    crate::tr!("lint-reverse-question-hint"),
                ));
            }
        }
        if let Some(cloze) = &note.cloze {
            let bare = cloze.match_indices("{{").any(|(k, _)| {
                let escaped = k > 0 && cloze.as_bytes()[k - 1] == b'\\';
                let rest = &cloze[k + 2..];
                let numbered = rest.starts_with(['c', 'C']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
                !escaped && !numbered
            });
            if bare {
                out.push(warn(
                    locator.find(&format!("cards.{i}.cloze")),
                    "bare-cloze",
                    crate::tr!("lint-bare-cloze"),
                    crate::tr!("lint-bare-cloze-hint"),
                ));
            }
        }
    }
    out
}

/// Where in `chars` (a double-quoted YAML value and what follows) the first escape that stands
/// for a control character starts (`\e`, `\a`, `\0`, `\x1b`, `\u202e`…).
fn control_escape_at(chars: &[char]) -> Option<usize> {
    let mut k = 0;
    while k + 1 < chars.len() {
        if chars[k] == '\\' {
            let hex = |n: usize| {
                let digits: String = chars.get(k + 2..k + 2 + n)?.iter().collect();
                char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
            };
            let escaped = match chars[k + 1] {
                '0' | 'a' | 'b' | 'v' | 'f' | 'r' | 'e' => true,
                'x' => hex(2).is_some_and(crate::safe_text::is_unsafe),
                'u' => hex(4).is_some_and(crate::safe_text::is_unsafe),
                'U' => hex(8).is_some_and(crate::safe_text::is_unsafe),
                _ => false,
            };
            if escaped {
                return Some(k);
            }
            k += 2;
        } else {
            k += 1;
        }
    }
    None
}

/// Every text field of a deck that may hold readings, with its path for the `Locator`.
fn text_fields(raw: &RawDeck) -> Vec<(String, &str)> {
    let mut fields: Vec<(String, &str)> = Vec::new();
    for (key, value) in [("title", &raw.title), ("description", &raw.description)] {
        fields.extend(value.as_deref().map(|v| (key.to_string(), v)));
    }
    for (i, n) in raw.cards.iter().flatten().enumerate() {
        let single = [
            ("front", &n.front),
            ("back", &n.back),
            ("cloze", &n.cloze),
            ("question", &n.question),
            ("answer", &n.answer),
            ("statement", &n.statement),
            ("order", &n.order),
            ("section", &n.section),
            ("explanation", &n.explanation),
        ];
        for (key, value) in single {
            fields.extend(value.as_deref().map(|v| (format!("cards.{i}.{key}"), v)));
        }
        for (key, list) in [("accept", &n.accept), ("distractors", &n.distractors), ("items", &n.items)] {
            for (k, v) in list.iter().flatten().enumerate() {
                fields.push((format!("cards.{i}.{key}.{k}"), v.as_str()));
            }
        }
    }
    fields
}

/// Where the character at `offset` of a field's `value` is in the file: the value starts at
/// `start`; the characters before it on its line are looked for from there (a quoted or block
/// value does not start its text at `start`). Falls back to `start`.
fn place(lines: &[&str], start: (usize, usize), value: &str, offset: usize) -> (usize, usize) {
    let chars: Vec<char> = value.chars().collect();
    let line_start = chars[..offset].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
    let context: String = chars[line_start.max(offset.saturating_sub(16))..=offset].iter().collect();
    for (n, line) in lines.iter().enumerate().skip(start.0.saturating_sub(1)) {
        let from = if n + 1 == start.0 { start.1.saturating_sub(1) } else { 0 };
        let rest: String = line.chars().skip(from).collect();
        if let Some(byte) = rest.find(&context) {
            let col = from + rest[..byte].chars().count() + context.chars().count();
            return (n + 1, col);
        }
    }
    start
}

fn text_has_key(locator: &Locator, note: &str, key: &str) -> bool {
    locator.has(&format!("{note}.{key}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load::load_text;

    #[test]
    fn a_reversed_question_is_flagged_at_its_front() {
        let text =
            "cards:\n  - id: a\n    front: \"最大限の圧力とは何か？\"\n    back: 北朝鮮への姿勢\n    reverse: true\n  \
                    - id: b\n    front: Why?\n    back: because\n    reverse: true\n  \
                    - id: c\n    front: 何と言うか？\n    back: 最大限の圧力\n  \
                    - id: d\n    front: 北朝鮮に臨んだ姿勢\n    back: 最大限の圧力\n    reverse: true\n";
        let (_, raw) = load_text(text.as_bytes(), "t.yaml", "t").unwrap();
        let found: Vec<(usize, usize)> = warnings(Some(&raw), "t.yaml", text)
            .iter()
            .filter(|d| d.code == "reverse-question")
            .map(|d| (d.line, d.col))
            .collect();
        // Notes a (full-width ？) and b (ASCII ?); c is not reversed, d is a noun phrase.
        assert_eq!(found, vec![(3, 12), (7, 12)]);
    }

    #[test]
    fn retyped_values() {
        assert_eq!(retyped_as("no"), Some("a boolean"));
        assert_eq!(retyped_as("1990"), Some("a number"));
        assert_eq!(retyped_as("2.5"), Some("a number"));
        assert_eq!(retyped_as("2025-04-04"), Some("a date"));
        assert_eq!(retyped_as("~"), Some("null (nothing)"));
        assert_eq!(retyped_as("2024年12月"), None);
        assert_eq!(retyped_as("CVID"), None);
        assert_eq!(retyped_as("-"), None);
    }
}
