//! The JSON Schema of the deck format, for editors (`# yaml-language-server: $schema=…`).
//! Text fields accept what YAML may type as a number or boolean, since kioku keeps them as
//! written.

use serde_json::{json, Value};

/// The schema (JSON Schema draft 2020-12) as a JSON value.
pub fn schema() -> Value {
    let text = json!({ "type": ["string", "number", "boolean"] });
    let text_list = json!({ "type": "array", "items": { "type": ["string", "number", "boolean"] } });
    let id = json!({ "type": ["string", "number"], "pattern": "^[\\p{L}\\p{N}_-]+$", "description": "letters, digits, '-' and '_'; keeps progress across edits" });
    let note_properties = json!({
        "id": id,
        "front": text,
        "back": text,
        "reverse": { "type": "boolean", "description": "also ask back → front" },
        "cloze": { "type": "string", "description": "text with {{c1::deletions}}; a card per number" },
        "check": { "enum": ["text", "date", "number"], "description": "type the answer and have it judged" },
        "accept": text_list,
        "question": text,
        "answer": { "type": ["string", "number", "boolean"], "description": "the right option of a question; true/false for a statement" },
        "distractors": text_list,
        "statement": text,
        "order": text,
        "items": text_list,
        "tags": text_list,
        "section": text,
        "explanation": text,
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
            "title": text,
            "lang": text,
            "source": { "type": ["string", "number", "boolean"], "description": "the deck's citation" },
            "description": text,
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
        let note = crate::deck::RawNote {
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
        let deck = crate::deck::RawDeck {
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
}
