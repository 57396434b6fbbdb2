//! The only module that touches YAML libraries. serde_yaml (no longer maintained, so kept behind
//! this one door) parses deck files into typed fields, which keeps `back: 1990` or `back: no` as
//! the text written. Our own diagnostics need positions serde_yaml does not keep: for those, and
//! only when a file has a problem, the file is read again with saphyr-parser's events.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::model::RawDeck;

/// A serde_yaml error as (message, 1-based line, 1-based column).
pub struct YamlError {
    pub message: String,
    pub position: Option<(usize, usize)>,
}

/// Parses a deck file's text. An empty document is a deck with no fields.
pub fn parse_deck(text: &str) -> Result<RawDeck, YamlError> {
    if text.trim().is_empty() {
        return Ok(RawDeck::default());
    }
    serde_yaml::from_str::<RawDeck>(text).map_err(|e| {
        let position = e.location().map(|l| (l.line(), l.column()));
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; the diagnostic already says where.
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        YamlError { message, position }
    })
}

/// Positions of the nodes of a YAML document, by path: `cards.3.front` is the value of `front`
/// in the fourth note, `cards.3.front#key` its key, `cards.3` the note itself.
#[derive(Default)]
pub struct Locator {
    positions: HashMap<String, (usize, usize)>,
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
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
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
                Event::Scalar(value, ..) => {
                    if let Some(p) = node_path(&mut stack, Some(&value)) {
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
                    stack.pop();
                }
                _ => {}
            }
        }
        Locator { positions }
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
