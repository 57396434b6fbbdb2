//! The only module that touches YAML libraries. serde_yaml (no longer maintained, so kept behind
//! this one door) parses deck files into typed fields, which keeps `back: 1990` or `back: no` as
//! the text written. Our own diagnostics need positions serde_yaml does not keep: for those, and
//! only when a file has a problem, the file is read again with saphyr-parser's events.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::model::{RawDeck, RawNote};

/// A serde_yaml error as (message, 1-based line, 1-based column).
pub struct YamlError {
    pub message: String,
    pub position: Option<(usize, usize)>,
    /// For a misspelt field, the field meant.
    pub hint: Option<String>,
}

/// Writes a deck as YAML (for `kioku import`). Every text is a string, quoted where YAML needs it.
pub fn to_yaml(deck: &RawDeck) -> String {
    // serde_yaml leaves `no`, `1990` or `2025-04-04` plain (they are strings in YAML 1.2); other
    // tools read them as booleans, numbers or dates, so they are quoted here.
    let text = serde_yaml::to_string(deck).unwrap_or_default();
    text.lines()
        .map(|line| {
            let (head, value) = match line.split_once(": ") {
                // `reverse` is the one field that is a real boolean.
                Some((h, _)) if h.trim_start().trim_start_matches("- ") == "reverse" => return line.to_string(),
                Some((h, v)) if !h.trim_start().starts_with('#') => (format!("{h}: "), v),
                _ => match line.trim_start().strip_prefix("- ") {
                    Some(v) => (line[..line.len() - v.len()].to_string(), v),
                    None => return line.to_string(),
                },
            };
            if super::lint_text::retyped_as(value).is_some() {
                format!("{head}'{value}'")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Deepest nesting of mappings and sequences a deck may have (a deck needs 4).
const MAX_DEPTH: usize = 64;
/// Most YAML events that aliases may expand to (a "billion laughs" file is refused).
const MAX_ALIAS_EXPANSION: usize = 100_000;
/// Most text (bytes of scalars) that aliases may add: a few aliases of one large value would
/// pass the node limit yet need gigabytes once expanded.
pub const MAX_ALIAS_TEXT_BYTES: usize = 1024 * 1024;

/// Refuses a file whose structure would make parsing slow or huge: nesting deeper than 64, or
/// aliases expanding to more than 100,000 nodes or 1 MiB of text. Only files that could be such
/// are walked (they contain an anchor or many brackets), so ordinary decks are parsed once.
pub fn check_structure(text: &str) -> Result<(), YamlError> {
    let brackets = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if !text.contains('&') && brackets <= MAX_DEPTH {
        return Ok(());
    }
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    // Per open node: (anchor id, events so far, scalar bytes so far); the same for finished
    // anchors, by id.
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let mut sizes: HashMap<usize, (usize, usize)> = HashMap::new();
    let (mut expanded, mut expanded_bytes) = (0usize, 0usize);
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(x) => x,
            // Not well-formed (or beyond the parser's own limits): say so rather than hand it on.
            Err(e) => {
                return Err(YamlError {
                    message: super::yaml_words::syntax(e.info()),
                    position: Some((e.marker().line(), e.marker().col() + 1)),
                    hint: None,
                })
            }
        };
        let at = Some((span.start.line(), span.start.col() + 1));
        let (weight, bytes) = match &event {
            Event::Alias(id) => sizes.get(id).copied().unwrap_or((1, 0)),
            Event::Scalar(value, ..) => (1, value.len()),
            _ => (1, 0),
        };
        if let Event::Alias(_) = event {
            expanded += weight;
            expanded_bytes += bytes;
            if expanded > MAX_ALIAS_EXPANSION || expanded_bytes > MAX_ALIAS_TEXT_BYTES {
                return Err(YamlError { message: crate::tr!("lint-alias-bomb"), position: at, hint: None });
            }
        }
        for entry in open.iter_mut() {
            entry.1 += weight;
            entry.2 += bytes;
        }
        match event {
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(YamlError {
                        message: crate::tr!("lint-nested-too-deep", max = MAX_DEPTH),
                        position: at,
                        hint: None,
                    });
                }
                open.push((anchor, 1, 0));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if let Some((anchor, size, text)) = open.pop() {
                    if anchor > 0 {
                        sizes.insert(anchor, (size, text));
                    }
                }
            }
            Event::Scalar(value, _, anchor, _) if anchor > 0 => {
                sizes.insert(anchor, (1, value.len()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Parses a deck file's text. An empty document is a deck with no fields.
pub fn parse_deck(text: &str) -> Result<RawDeck, YamlError> {
    if text.trim().is_empty() {
        return Ok(RawDeck::default());
    }
    // serde_yaml appends " at line L column C" to messages; the diagnostic already says where.
    serde_yaml::from_str::<RawDeck>(text).map_err(|e| yaml_error(&e, 0, None))
}

/// Parses a deck file; when that fails on a field of a note (not on YAML syntax), reads every
/// note on its own so that all such mistakes are reported at once. On failure returns the deck
/// as far as it could be read (notes that failed are `unparsed` placeholders), or None when the
/// text is not well-formed YAML, and every error found.
pub fn parse_deck_all(text: &str) -> Result<RawDeck, Box<Failure>> {
    let first = match parse_deck(text) {
        Ok(deck) => return Ok(deck),
        Err(e) => e,
    };
    let locator = Locator::new(text);
    let give_up = |first: YamlError| Err(Box::new(Failure { partial: None, errors: vec![first] }));
    if let Some((line, col, info)) = locator.syntax_error.clone() {
        // serde_yaml stops at the first problem, which may be a field before the syntax error.
        let mut errors = vec![first];
        if errors[0].position.is_none_or(|(l, _)| l != line) {
            errors.push(YamlError {
                message: super::yaml_words::syntax(&info),
                position: Some((line, col)),
                hint: None,
            });
        }
        return Err(Box::new(Failure { partial: None, errors }));
    }
    if !locator.positions.contains_key("cards") {
        return give_up(first);
    }
    let mut errors = Vec::new();
    let header = serde_yaml::from_str::<RawDeckHeader>(text).map_err(|e| errors.push(yaml_error(&e, 0, None))).ok();
    let lines: Vec<&str> = text.lines().collect();
    let count = (0..).take_while(|i| locator.positions.contains_key(&format!("cards.{i}"))).count();
    let mut notes = Vec::with_capacity(count);
    for i in 0..count {
        let start = locator.positions[&format!("cards.{i}")].0;
        let end = match locator.positions.get(&format!("cards.{}", i + 1)) {
            Some(&(line, _)) => line,
            None => locator.end_lines.get("cards").copied().unwrap_or(lines.len() + 1).max(start + 1),
        };
        if end <= start || end > lines.len() + 1 {
            return give_up(first); // a flow sequence on one line: no per-note recovery
        }
        let slice = lines[start - 1..end - 1].join("\n");
        let alone = serde_yaml::from_str::<Vec<RawNote>>(&slice);
        let parsed = match alone {
            // An alias of an anchor in an earlier note: read this note after the notes before it
            // (as plain values, so their own mistakes do not matter here), so the anchor is known.
            Err(e) if e.to_string().contains("unknown anchor") => {
                let first = locator.positions["cards.0"].0;
                let with_earlier = lines[first - 1..end - 1].join("\n");
                serde_yaml::from_str::<Vec<serde_yaml::Value>>(&with_earlier).and_then(|mut all| match all.pop() {
                    Some(last) => serde_yaml::from_value::<RawNote>(last).map(Some),
                    None => Ok(None),
                })
            }
            alone => alone
                .map(|mut v| v.pop().filter(|_| v.is_empty()))
                .or_else(|_| serde_yaml::from_str::<RawNote>(&slice).map(Some)),
        };
        match parsed {
            Ok(Some(note)) => notes.push(note),
            Ok(None) => return give_up(first),
            Err(_) => {
                let e = serde_yaml::from_str::<Vec<RawNote>>(&slice).err();
                match e {
                    Some(e) => errors.push(yaml_error(&e, start - 1, Some(i))),
                    None => return give_up(first),
                }
                notes.push(RawNote { unparsed: true, ..RawNote::default() });
            }
        }
    }
    if errors.is_empty() {
        return give_up(first);
    }
    let h = header.unwrap_or(RawDeckHeader {
        deck: None,
        title: None,
        lang: None,
        source: None,
        description: None,
        check: None,
        tags: None,
        cards: None,
    });
    let deck = Some(RawDeck {
        deck: h.deck,
        title: h.title,
        lang: h.lang,
        source: h.source,
        description: h.description,
        check: h.check,
        tags: h.tags,
        cards: Some(notes),
    });
    Err(Box::new(Failure { partial: deck, errors }))
}

/// A deck file that could not be read: the deck as far as it was read, and every error.
pub struct Failure {
    pub partial: Option<RawDeck>,
    pub errors: Vec<YamlError>,
}

/// The deck's own fields, with the notes left unread.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeckHeader {
    deck: Option<String>,
    title: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    description: Option<String>,
    check: Option<String>,
    tags: Option<Vec<String>>,
    #[allow(dead_code)]
    cards: Option<serde::de::IgnoredAny>,
}

/// A serde_yaml error, its line shifted by `line_offset`, a note's `[0]` renamed `cards[i]`.
fn yaml_error(e: &serde_yaml::Error, line_offset: usize, note: Option<usize>) -> YamlError {
    let position = e.location().map(|l| (l.line() + line_offset, l.column()));
    let mut message = e.to_string();
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    if let (Some(i), Some(rest)) = (note, message.strip_prefix(".[0]").or_else(|| message.strip_prefix("[0]"))) {
        message = format!("cards[{i}]{rest}");
    }
    let hint = did_you_mean(&message);
    // The commonest mistake, a misspelt field, has its own message; the others go through the
    // table of the parsers' messages.
    let unknown_field = message
        .split_once("unknown field `")
        .and_then(|(place, rest)| rest.split_once("`, expected one of ").map(|(field, known)| (place, field, known)));
    message = match unknown_field {
        Some((place, field, known)) => {
            crate::tr!("lint-yaml-unknown-field", place = place, field = field, known = known)
        }
        None => super::yaml_words::serde(&message),
    };
    YamlError { message, position, hint }
}

/// For serde's "unknown field `anwser`, expected one of `id`, …": the known field nearest to
/// the unknown one (at most two edits away), as a hint.
fn did_you_mean(message: &str) -> Option<String> {
    let unknown = message.split("unknown field `").nth(1)?.split('`').next()?;
    if let Some(hint) = super::authoring::field_meant(unknown) {
        return Some(hint);
    }
    let known = message.split("expected one of ").nth(1).or_else(|| message.split("expected ").nth(1))?;
    known
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (crate::answer::osa_distance(&unknown.to_lowercase(), k), k))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, k)| crate::tr!("lint-did-you-mean", field = k))
}

/// Positions of the nodes of a YAML document, by path: `cards.3.front` is the value of `front`
/// in the fourth note, `cards.3.front#key` its key, `cards.3` the note itself.
#[derive(Default)]
pub struct Locator {
    positions: HashMap<String, (usize, usize)>,
    /// Line of the event that closes each mapping or sequence, by path.
    end_lines: HashMap<String, usize>,
    /// Where and why the YAML is not well-formed.
    syntax_error: Option<(usize, usize, String)>,
    /// Plain (unquoted) scalar values: (path, text, position), for the lint of values other
    /// YAML tools would read as numbers, booleans, dates or null.
    pub plain: Vec<(String, String, (usize, usize))>,
    /// Scalars holding a character a terminal would act on (`safe_text::is_unsafe`, written
    /// raw or as an escape like `\e`): (path, the first such character, position of the value).
    pub controls: Vec<(String, char, (usize, usize))>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl Locator {
    /// Reads `text` once, recording where each node starts (1-based line and column in
    /// characters). A syntax error stops the walk; positions found so far remain.
    pub fn new(text: &str) -> Locator {
        let mut positions = HashMap::new();
        let mut end_lines = HashMap::new();
        let mut syntax_error = None;
        let mut plain = Vec::new();
        let mut controls = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(x) => x,
                Err(e) => {
                    syntax_error = Some((e.marker().line(), e.marker().col() + 1, e.info().to_string()));
                    break;
                }
            };
            let at = (span.start.line(), span.start.col() + 1);
            // The path of the node this event starts, if it starts one.
            let mut node_path = |stack: &mut Vec<Frame>, scalar: Option<&str>| -> Option<String> {
                match stack.last_mut() {
                    None => Some(String::new()),
                    Some(Frame::Seq { path, index }) => {
                        let p = join(path, &index.to_string());
                        *index += 1;
                        Some(p)
                    }
                    Some(Frame::Map { path, key }) => match key.take() {
                        Some(k) => Some(join(path, &k)),
                        None => {
                            let k = scalar.unwrap_or("?").to_string();
                            positions.insert(format!("{}#key", join(path, &k)), at);
                            *key = Some(k);
                            None
                        }
                    },
                }
            };
            match event {
                Event::Scalar(value, style, ..) => {
                    let control = value.chars().find(|&c| crate::safe_text::is_unsafe(c) && c != '\n' && c != '\t');
                    if let Some(p) = node_path(&mut stack, Some(&value)) {
                        if let Some(c) = control {
                            controls.push((p.clone(), c, at));
                        }
                        if style == saphyr_parser::ScalarStyle::Plain {
                            plain.push((p.clone(), value.to_string(), at));
                        }
                        positions.insert(p, at);
                    }
                }
                Event::Alias(_) => {
                    if let Some(p) = node_path(&mut stack, None) {
                        positions.insert(p, at);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    let path = node_path(&mut stack, None).unwrap_or_default();
                    positions.entry(path.clone()).or_insert(at);
                    stack.push(if is_map { Frame::Map { path, key: None } } else { Frame::Seq { path, index: 0 } });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(Frame::Map { path, .. } | Frame::Seq { path, .. }) = stack.pop() {
                        end_lines.insert(path, span.start.line());
                    }
                }
                _ => {}
            }
        }
        Locator { positions, end_lines, syntax_error, plain, controls }
    }

    /// The line (1-based) where the text stops being well-formed YAML, if it does.
    pub fn syntax_error_line(&self) -> Option<usize> {
        self.syntax_error.as_ref().map(|&(line, ..)| line)
    }

    /// Whether the document has a node at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.positions.contains_key(path)
    }

    /// The position of `path`, else of its nearest recorded parent, else 1:1.
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&at) = self.positions.get(p) {
                return at;
            }
            match p.rfind(['.', '#']) {
                Some(i) => p = &p[..i],
                None => return self.positions.get("").copied().unwrap_or((1, 1)),
            }
        }
    }
}

fn join(path: &str, part: &str) -> String {
    if path.is_empty() {
        part.to_string()
    } else {
        format!("{path}.{part}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_keys_and_items() {
        let text = "deck: d\ncards:\n  - id: a\n    front: 日本\n  - id: b\n    back: x\n";
        let l = Locator::new(text);
        assert_eq!(l.find("deck"), (1, 7));
        assert_eq!(l.find("cards.0.front"), (4, 12));
        assert_eq!(l.find("cards.1.id"), (5, 9));
        assert_eq!(l.find("cards.1.back#key"), (6, 5));
        assert_eq!(l.find("cards.1"), (5, 5));
        assert_eq!(l.find("cards.1.missing"), (5, 5));
    }

    #[test]
    fn serde_errors_carry_positions_and_strings_stay_strings() {
        let err = parse_deck("cards:\n  - id: a\n    anwser: x\n").err().unwrap();
        assert!(err.message.contains("unknown field `anwser`"), "{}", err.message);
        assert_eq!(err.position, Some((3, 5)));
        let deck = parse_deck(
            "cards:\n  - id: 7\n    front: no\n    back: 1990\n  - id: d\n    front: x\n    back: 2025-04-04\n",
        )
        .ok()
        .unwrap();
        assert_eq!(deck.cards.as_ref().unwrap()[0].back.as_deref(), Some("1990"));
        assert_eq!(deck.cards.as_ref().unwrap()[0].front.as_deref(), Some("no"));
        assert_eq!(deck.cards.as_ref().unwrap()[0].id.as_deref(), Some("7"));
        assert_eq!(deck.cards.as_ref().unwrap()[1].back.as_deref(), Some("2025-04-04"));
    }
}
