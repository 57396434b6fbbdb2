//! The JSON Schema of the deck format, for editors (`# yaml-language-server: $schema=…`).
//! Text fields accept what YAML may type as a number or boolean, since kioku keeps them as
//! written.

use serde_json::{json, Value};

/// How readings are written, for the descriptions of the fields that may hold them.
const READINGS: &str = "May hold readings (furigana) as in Anki: 文在寅[ムン・ジェイン] — kana in brackets right after a kanji or Latin base, which runs back to the previous space (not shown): 韓国の 文在寅[ムン・ジェイン]政権. Other brackets are text ([sic], [1]); \\[ is a literal bracket";

/// The schema (JSON Schema draft 2020-12) as a JSON value.
pub fn schema() -> Value {
    let text = json!({ "type": ["string", "number", "boolean"] });
    let text_list = json!({ "type": "array", "items": { "type": ["string", "number", "boolean"] } });
    let id = json!({ "type": ["string", "number"], "pattern": "^[\\p{L}\\p{N}_-]+$", "description": "letters, digits, '-' and '_'; keeps progress across edits" });
    // Text people read may hold readings (furigana); said in each such field's description,
    // which editors show on hover.
    let ruby =
        |what: &str| json!({ "type": ["string", "number", "boolean"], "description": format!("{what}. {READINGS}") });
    let ruby_list = |what: &str| json!({ "type": "array", "items": { "type": ["string", "number", "boolean"] }, "description": format!("{what}. {READINGS}") });
    let note_properties = json!({
        "id": id,
        "front": ruby("the question side"),
        "back": ruby("the answer side"),
        "reverse": { "type": "boolean", "description": "also ask back → front" },
        "cloze": { "type": "string", "description": format!("text with {{{{c1::deletions}}}}; a card per number. {READINGS}") },
        "check": { "enum": ["text", "date", "number"], "description": "type the answer and have it judged (against the base of a reading, or the reading alone)" },
        "accept": ruby_list("other answers judged right"),
        "question": ruby("a multiple-choice question (with answer and distractors)"),
        "answer": ruby("the right option of a question; true/false for a statement"),
        "distractors": ruby_list("the wrong options of a question"),
        "statement": ruby("a true/false statement (with answer)"),
        "order": ruby("the instruction of an ordering question (with items)"),
        "items": ruby_list("the items of an ordering question, in the right order"),
        "tags": text_list,
        "section": ruby("where in the source the note comes from"),
        "explanation": ruby("shown after the answer"),
        "category": { "type": "string", "description": "what the answer is: date, person, place, organisation, term, number…" },
        "renamed_from": { "type": "string", "description": "old-id or other-deck/old-id: moves that note's history here" }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kioku.invalid/deck.schema.json",
        "title": "kioku deck",
        "description": "A kioku deck: notes that become flashcards. See the README, 'Writing decks'.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "deck": { "type": "string", "pattern": "^[\\p{L}\\p{N}_-]+$", "description": "deck id; defaults to the file name" },
            "title": ruby("the deck's title"),
            "lang": text,
            "source": { "type": ["string", "number", "boolean"], "description": "the deck's citation" },
            "description": ruby("what the deck is about"),
            "check": { "enum": ["text", "date", "number"], "description": "default for front/back and cloze notes" },
            "tags": text_list,
            "cards": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id"],
                    "properties": note_properties
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn schema_lists_exactly_the_fields_the_loader_knows() {
        let schema = super::schema();
        let note_fields: Vec<&str> = schema["properties"]["cards"]["items"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        // Every field of RawNote, and nothing else (serde refuses the rest).
        // Every field filled, so serialisation lists them all (a new field breaks this test
        // until the schema names it).
        let text = || Some("x".to_string());
        let list = || Some(vec!["x".to_string()]);
        let note = crate::deck::model::RawNote {
            id: text(),
            front: text(),
            back: text(),
            reverse: Some(true),
            cloze: text(),
            check: text(),
            accept: list(),
            question: text(),
            answer: text(),
            distractors: list(),
            statement: text(),
            order: text(),
            items: list(),
            tags: list(),
            section: text(),
            explanation: text(),
            category: text(),
            renamed_from: text(),
            unparsed: false,
        };
        let raw = serde_json::to_value(note).unwrap();
        let mut known: Vec<&str> = raw.as_object().unwrap().keys().map(String::as_str).collect();
        let mut listed = note_fields.clone();
        known.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, known);
        let deck = crate::deck::model::RawDeck {
            deck: text(),
            title: text(),
            lang: text(),
            source: text(),
            description: text(),
            check: text(),
            tags: list(),
            cards: Some(vec![]),
        };
        let deck_raw = serde_json::to_value(deck).unwrap();
        let mut deck_known: Vec<&str> = deck_raw.as_object().unwrap().keys().map(String::as_str).collect();
        let mut deck_listed: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        deck_known.sort_unstable();
        deck_listed.sort_unstable();
        assert_eq!(deck_listed, deck_known);
    }

    #[test]
    fn text_fields_describe_readings() {
        let schema = super::schema();
        let note = &schema["properties"]["cards"]["items"]["properties"];
        let fields = [
            "front",
            "back",
            "cloze",
            "accept",
            "question",
            "answer",
            "distractors",
            "statement",
            "order",
            "items",
            "section",
            "explanation",
        ];
        for field in fields {
            let description = note[field]["description"].as_str().unwrap_or_default();
            assert!(
                description.contains("文在寅[ムン・ジェイン]") && description.contains("[sic]"),
                "{field}: {description}"
            );
        }
        assert!(schema["properties"]["title"]["description"].as_str().unwrap().contains("furigana"));
        // Ids, tags and categories are names, not text people read.
        for field in ["id", "tags", "category"] {
            assert!(!note[field]["description"].as_str().unwrap_or_default().contains("furigana"), "{field}");
        }
    }
}
