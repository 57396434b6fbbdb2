//! The deck format as teachers write it (`Raw*`, exactly the YAML fields) and as kioku uses it
//! after validation (`Deck`, `Note`, `Card`).

use serde::{Deserialize, Serialize};

use crate::answer::Check;

/// A deck file's fields. Unknown fields are errors (a typo must not silently drop content).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeck {
    /// Deck id; defaults to the file's stem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The deck's citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Default `check:` for the deck's front/back and cloze notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cards: Option<Vec<RawNote>>,
}

/// One note's fields. Text fields are `String` so YAML keeps `1990`, `no` and `2025-04-04` as
/// the text written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub back: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloze: Option<String>,
    /// `text`, `date` or `number`: the answer is typed and judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// Other answers judged right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
    /// A multiple-choice question (with `answer` and `distractors`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The right option of a question, or true/false for a statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distractors: Option<Vec<String>>,
    /// A true/false statement (with `answer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The instruction of an ordering question (with `items`, listed in the right order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// What the answer is: date, person, place, organisation, term, number…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `old-id` or `other-deck/old-id`: history of that note moves to this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Set for a note whose fields could not be read (its error is already reported).
    #[serde(skip)]
    pub unparsed: bool,
}

/// A validated deck (cached as JSON by the store, keyed by the file's fingerprint).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Deck {
    pub id: String,
    pub title: Option<String>,
    /// The deck's language (`ja`, `en`…), as written.
    #[serde(default)]
    pub lang: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    /// Path of the file, as shown in messages.
    pub file: String,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub kind: NoteKind,
    /// For front/back and cloze notes: the answer is typed and judged this way.
    pub check: Option<Check>,
    pub accept: Vec<String>,
    pub tags: Vec<String>,
    pub section: Option<String>,
    pub explanation: Option<String>,
    pub category: Option<String>,
    /// Full note key (`deck/id`) whose history moves here.
    pub renamed_from: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum NoteKind {
    Basic { front: String, back: String, reverse: bool },
    Cloze { text: String },
    Choice { question: String, answer: String, distractors: Vec<String> },
    TrueFalse { statement: String, answer: bool },
    Order { instruction: String, items: Vec<String> },
}

/// What kind of card is shown (the `card <key> <kind>` line of the piped protocol).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardKind {
    Basic,
    Reverse,
    Cloze,
    Typed,
    Choice,
    TrueFalse,
    Order,
}

impl CardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Basic => "basic",
            CardKind::Reverse => "reverse",
            CardKind::Cloze => "cloze",
            CardKind::Typed => "typed",
            CardKind::Choice => "choice",
            CardKind::TrueFalse => "truefalse",
            CardKind::Order => "order",
        }
    }
}

/// One thing asked. `key` is `deck/note-id[:variant]` and is what progress is stored under.
/// Kept as JSON in the store (`card_content`), so a review reads only the cards it shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Card {
    pub key: String,
    pub deck: String,
    pub note_id: String,
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    /// Deck tags followed by note tags.
    pub tags: Vec<String>,
    pub section: Option<String>,
    pub explanation: Option<String>,
    /// The key this card had before a `renamed_from`, whose history it takes over.
    pub renamed_from: Option<String>,
    /// How a response is judged.
    pub judge: Judge,
    /// What the answer is (date, person, term…), for drawing exam distractors of the same kind.
    pub category: Option<String>,
    /// The bare answer (a back, a cloze deletion's text, the right option), for exams.
    pub short_answer: String,
}

/// How a card's response line is read and judged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Judge {
    /// Anything may be typed; the student grades themself.
    SelfGraded,
    Typed {
        check: Check,
        expected: String,
        accept: Vec<String>,
        /// The full names the deck gives for the person whose family name is asked
        /// (ドナルド・トランプ for トランプ; see `deck::names`): judged right like `accept`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<String>,
    },
    /// `options[0]` is the right one; they are shown shuffled.
    Choice {
        options: Vec<String>,
    },
    TrueFalse {
        answer: bool,
    },
    /// Items in the right order; they are shown shuffled.
    Order {
        items: Vec<String>,
    },
}

impl Card {
    /// The note key `deck/note-id` shared by siblings.
    pub fn note_key(&self) -> String {
        super::CardKey::format(&self.deck, &self.note_id, None)
    }
}
