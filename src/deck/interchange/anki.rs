//! Anki's side of the exchange: the stock note types by name in the languages of Anki's
//! interface, kioku's own note types (carried by an `.apkg`, so they work in every language),
//! note ids ↔ guids, and a note's fields as Anki holds them. Pure.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::super::cloze;
use super::super::model::{Deck, Note, NoteKind};
use super::super::reading;
use super::super::validate::is_valid_id;
use super::html::to_html;

/// The language of an Anki interface, which names the stock note types (Anki translates them
/// when it creates a collection, and its text import finds note types by name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnkiLang {
    En,
    Ja,
}

/// The names a collection gives its stock note types (from Anki 26.9's own catalogue).
pub struct StockNames {
    pub basic: &'static str,
    pub optional_reversed: &'static str,
    pub reversed: &'static str,
    pub typed: &'static str,
    pub cloze: &'static str,
    pub image_occlusion: &'static str,
}

pub const STOCK_EN: StockNames = StockNames {
    basic: "Basic",
    optional_reversed: "Basic (optional reversed card)",
    reversed: "Basic (and reversed card)",
    typed: "Basic (type in the answer)",
    cloze: "Cloze",
    image_occlusion: "Image Occlusion",
};

pub const STOCK_JA: StockNames = StockNames {
    basic: "基本",
    optional_reversed: "基本 (任意で反転カードを作成)",
    reversed: "基本 (表面と裏面を反転したカードも作成)",
    typed: "基本 (解答を入力)",
    cloze: "穴埋め問題",
    image_occlusion: "画像穴埋め",
};

impl AnkiLang {
    pub fn stock(self) -> &'static StockNames {
        match self {
            AnkiLang::En => &STOCK_EN,
            AnkiLang::Ja => &STOCK_JA,
        }
    }
}

/// kioku's note types in an `.apkg`. Their names and fields are the same in every language;
/// front/back notes all use one type whose "Add Reverse" field makes the reverse card, so a note
/// that gains `reverse: true` is updated in Anki, not refused as a change of note type.
pub const KIOKU_BASIC: &str = "kioku Basic";
pub const KIOKU_CLOZE: &str = "kioku Cloze";

/// A note as Anki holds it: plain-text fields (not yet HTML) and the cards it makes.
#[derive(Clone, Debug, PartialEq)]
pub enum AnkiFields {
    /// Front, Back, reverse card wanted, Explanation.
    Basic { front: String, back: String, reverse: bool, explanation: String },
    /// Text (with `{{cN::…}}` deletions), Back Extra (the explanation); the deletion numbers.
    Cloze { text: String, extra: String, numbers: Vec<u32> },
}

/// The Anki deck name of a deck: its title, else its id (control characters as spaces).
pub fn deck_name(deck: &Deck) -> String {
    let name = deck.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&deck.id);
    name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// A note's fields for Anki. Choice, true/false and order questions become front/back notes with
/// the options as text, labelled in the deck's language (`lang` starting with `ja`: Japanese).
pub fn fields(note: &Note, lang: Option<&str>) -> AnkiFields {
    let ja = lang.is_some_and(|l| l.to_ascii_lowercase().starts_with("ja"));
    let explanation = note.explanation.clone().unwrap_or_default();
    let basic = |front: String, back: String| AnkiFields::Basic {
        front,
        back,
        reverse: false,
        explanation: explanation.clone(),
    };
    match &note.kind {
        NoteKind::Basic { front, back, reverse } => {
            AnkiFields::Basic { front: front.clone(), back: back.clone(), reverse: *reverse, explanation }
        }
        NoteKind::Cloze { text } => {
            let segments = cloze::parse(text).unwrap_or_default();
            // Bare deletions get their numbers written out so Anki reads them.
            let numbered: String = segments
                .iter()
                .map(|s| match s {
                    cloze::Segment::Text(t) => t.replace("{{", "\\{{"),
                    cloze::Segment::Deletion { number, text, hint: Some(h) } => {
                        format!("{{{{c{number}::{text}::{h}}}}}")
                    }
                    cloze::Segment::Deletion { number, text, hint: None } => format!("{{{{c{number}::{text}}}}}"),
                })
                .collect();
            AnkiFields::Cloze { text: numbered, extra: explanation, numbers: cloze::numbers(&segments) }
        }
        NoteKind::Choice { question, answer, distractors } => {
            let mut options: Vec<&String> = std::iter::once(answer).chain(distractors).collect();
            options.sort();
            let listed: Vec<String> = options.iter().map(|o| format!("・{o}")).collect();
            basic(format!("{question}\n{}", listed.join("\n")), answer.clone())
        }
        NoteKind::TrueFalse { statement, answer } => {
            // In the deck's language, whatever the interface's.
            let lang = if ja { crate::i18n::Lang::Ja } else { crate::i18n::Lang::En };
            let ask = crate::tr_in!(lang, "interchange-true-or-false");
            let verdict = crate::tr_in!(lang, if *answer { "interchange-true" } else { "interchange-false" });
            basic(format!("{statement}\n{ask}"), verdict)
        }
        NoteKind::Order { instruction, items } => {
            let mut shown = items.clone();
            shown.sort();
            basic(format!("{instruction}\n{}", shown.join(" / ")), items.join(" → "))
        }
    }
}

/// A note id made from an Anki guid: `anki-` and the guid with every byte other than an ASCII
/// letter, digit or `_` written `-hh` (lower-case hex). Stable (a guid never changes when a note
/// is edited) and reversible, so two guids never give one id and the guid comes back on export.
pub fn id_from_guid(guid: &str) -> String {
    let mut id = String::from("anki-");
    for b in guid.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' {
            id.push(b as char);
        } else {
            let _ = write!(id, "-{b:02x}");
        }
    }
    id
}

/// The Anki guid an id made by `id_from_guid` came from; `None` for any other id.
pub fn guid_from_id(id: &str) -> Option<String> {
    let rest = id.strip_prefix("anki-")?;
    let mut bytes = Vec::with_capacity(rest.len());
    let mut it = rest.bytes();
    while let Some(b) = it.next() {
        if b == b'-' {
            let hex = [it.next()?, it.next()?];
            if !hex.iter().all(|h| h.is_ascii_digit() || (b'a'..=b'f').contains(h)) {
                return None;
            }
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else if b.is_ascii_alphanumeric() || b == b'_' {
            bytes.push(b);
        } else {
            return None;
        }
    }
    String::from_utf8(bytes).ok().filter(|g| !g.is_empty())
}

/// The guid of a note key `deck/note-id`: the Anki guid the note was imported from, else the key.
pub fn guid_of_key(key: &str) -> String {
    key.rsplit_once('/').and_then(|(_, id)| guid_from_id(id)).unwrap_or_else(|| key.to_string())
}

/// A guid kioku wrote (`deck/note-id`, both valid ids), split.
pub fn kioku_guid(guid: &str) -> Option<(&str, &str)> {
    guid.split_once('/').filter(|(d, n)| is_valid_id(d) && is_valid_id(n))
}

/// The guid a note is exported with: a note renamed within its deck carries the guid of the note
/// it was renamed from, so Anki updates that note instead of adding a duplicate; a note moved from
/// another deck gets its own (it is a new note in its new Anki deck).
pub fn note_guid(deck_id: &str, note: &Note) -> String {
    match note.renamed_from.as_deref().filter(|old| old.split_once('/').is_some_and(|(d, _)| d == deck_id)) {
        Some(old) => guid_of_key(old),
        None => guid_of_key(&format!("{deck_id}/{}", note.id)),
    }
}

/// Every note's guid (`note_guid`), in note order; a guid already taken in this deck falls back
/// to the note's own key.
pub fn guids(deck: &Deck) -> Vec<String> {
    let own: Vec<String> = deck.notes.iter().map(|n| guid_of_key(&format!("{}/{}", deck.id, n.id))).collect();
    let mut taken: HashSet<String> = own.iter().cloned().collect();
    deck.notes
        .iter()
        .zip(own)
        .map(|(note, own)| match note_guid(&deck.id, note) {
            carried if carried != own && taken.insert(carried.clone()) => carried,
            _ => own,
        })
        .collect()
}

/// A deck as a file Anki's text import reads ("Notes in Plain Text"): tab-separated, HTML off,
/// columns note type, guid, tags, then the fields, and a `#deck:` line. The note type comes
/// first because Anki skips a line that starts with `#` as a comment, and a guid may. Front/back notes use the
/// stock "Basic (optional reversed card)" type of `lang`'s interface (its Add Reverse field makes
/// the reverse card), cloze notes the stock Cloze type; notes imported from Anki (ids `anki-…`)
/// go back as Basic, Basic (and reversed card) or Basic (type in the answer).
pub fn export_tsv(deck: &Deck, lang: AnkiLang) -> String {
    let names = lang.stock();
    let mut out = String::from("#separator:tab\n#html:false\n#notetype column:1\n#guid column:2\n#tags column:3\n");
    let _ = writeln!(out, "#deck:{}", deck_name(deck));
    let mut w = csv::WriterBuilder::new().delimiter(b'\t').has_headers(false).flexible(true).from_writer(Vec::new());
    for (note, guid) in deck.notes.iter().zip(guids(deck)) {
        let tags: Vec<&str> = deck.tags.iter().chain(&note.tags).map(String::as_str).collect();
        let mut record = vec![String::new(), guid, tags.join(" ")];
        // A note that came from Anki goes back under the stock type its kind has there, so Anki
        // updates it (a change of note type is a conflict in Anki).
        let from_anki = guid_from_id(&note.id).is_some();
        match fields(note, deck.lang.as_deref()) {
            AnkiFields::Basic { front, back, reverse, .. } if from_anki => {
                let typed = matches!(note.check, Some(crate::answer::Check::Text));
                record[0] = if reverse {
                    names.reversed
                } else if typed {
                    names.typed
                } else {
                    names.basic
                }
                .to_string();
                record.extend([front, back]);
            }
            AnkiFields::Basic { front, back, reverse, .. } => {
                record[0] = names.optional_reversed.to_string();
                record.extend([front, back, if reverse { "y".into() } else { String::new() }]);
            }
            AnkiFields::Cloze { text, extra, .. } => {
                record[0] = names.cloze.to_string();
                record.extend([text, extra]);
            }
        }
        let _ = w.write_record(&record);
    }
    out.push_str(&String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default());
    out
}

/// A note in an `.apkg`: guid, kioku note type, HTML fields, tags, and the template ordinals of
/// its cards (Basic: 0, and 1 for the reverse; Cloze: deletion number − 1).
#[derive(Clone, Debug, PartialEq)]
pub struct PackageNote {
    pub guid: String,
    pub cloze: bool,
    pub fields: Vec<String>,
    pub tags: Vec<String>,
    pub ords: Vec<u32>,
}

/// A deck's text as an Anki field whose template shows it with `{{furigana:…}}`: HTML-escaped,
/// readings kept in Anki's syntax (the same as kioku's: the base runs back to a space), and
/// brackets that are not readings written `&#91;`/`&#93;` so Anki shows them as brackets.
pub fn to_anki_html(text: &str) -> String {
    let mut out = String::new();
    for segment in reading::parse(text) {
        match segment {
            reading::Segment::Text(t) => out.push_str(&to_html(&t).replace('[', "&#91;").replace(']', "&#93;")),
            reading::Segment::Ruby { base, reading } => {
                // kioku drops the space that ends the text before a base; Anki needs it back.
                if out.chars().next_back().is_some_and(|c| !c.is_whitespace() && c != ']' && c != '>') {
                    out.push(' ');
                }
                out.push_str(&format!("{}[{}]", to_html(&base), to_html(&reading)));
            }
        }
    }
    out
}

/// A deck's notes for an `.apkg` with kioku's note types: kioku Basic (Front, Back, Add Reverse,
/// Explanation) and kioku Cloze (Text, Back Extra). Tags are the deck's and the note's, spaces
/// made `_` (Anki separates tags with spaces).
pub fn package_notes(deck: &Deck) -> Vec<PackageNote> {
    deck.notes
        .iter()
        .zip(guids(deck))
        .map(|(note, guid)| {
            let tags = deck
                .tags
                .iter()
                .chain(&note.tags)
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
                .collect();
            match fields(note, deck.lang.as_deref()) {
                AnkiFields::Basic { front, back, reverse, explanation } => PackageNote {
                    guid,
                    cloze: false,
                    fields: vec![
                        to_html(&front),
                        to_html(&back),
                        if reverse { "y".into() } else { String::new() },
                        to_html(&explanation),
                    ],
                    tags,
                    ords: if reverse { vec![0, 1] } else { vec![0] },
                },
                AnkiFields::Cloze { text, extra, numbers } => PackageNote {
                    guid,
                    cloze: true,
                    fields: vec![to_anki_html(&text), to_anki_html(&extra)],
                    tags,
                    ords: numbers.iter().map(|n| n.saturating_sub(1)).collect(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_is_labelled_in_the_decks_language() {
        let note = crate::deck::model::Note {
            id: "grossi".into(),
            kind: crate::deck::NoteKind::TrueFalse { statement: "S".into(), answer: true },
            check: None,
            accept: vec![],
            tags: vec![],
            section: None,
            explanation: None,
            category: None,
            renamed_from: None,
        };
        // The interface speaks English in tests; a Japanese deck still gets Japanese labels.
        let AnkiFields::Basic { front, back, .. } = fields(&note, Some("ja")) else { panic!("basic") };
        assert_eq!((front.as_str(), back.as_str()), ("S\n（正しいか、誤りか）", "正しい"));
        let AnkiFields::Basic { front, back, .. } = fields(&note, Some("en")) else { panic!("basic") };
        assert_eq!((front.as_str(), back.as_str()), ("S\n(true or false?)", "true"));
        let AnkiFields::Basic { front, .. } = fields(&note, None) else { panic!("basic") };
        assert_eq!(front, "S\n(true or false?)");
    }

    #[test]
    fn guids_become_ids_and_come_back_whatever_their_characters() {
        // Anki's guids use letters, digits and ASCII punctuation, `/` among them.
        for guid in ["s2&jC5,A|n", "sXH8axkY+Z", "a/b-c_d", "Ab3/xY9kQz", "-", "日本"] {
            let id = id_from_guid(guid);
            assert!(is_valid_id(&id), "{id}");
            assert_eq!(guid_from_id(&id).as_deref(), Some(guid));
        }
        assert_eq!(id_from_guid("s2&jC5,A|n"), "anki-s2-26jC5-2cA-7cn");
        assert_ne!(id_from_guid("a/b"), id_from_guid("a-b"), "no two guids give one id");
        assert_eq!(guid_from_id("anki-ab-2D"), None, "upper-case hex is not ours");
        assert_eq!(guid_from_id("martial-law"), None);
        assert_eq!(guid_of_key("d/anki-x-2fy"), "x/y");
        assert_eq!(guid_of_key("d/cvid"), "d/cvid");
        assert_eq!(kioku_guid("korea/cvid"), Some(("korea", "cvid")));
        assert_eq!(kioku_guid("a/b+c"), None);
    }

    /// Anki's furigana filter reads `base[reading]` with the base running back to a space or a
    /// tag, and drops that one space; other brackets must not look like readings.
    #[test]
    fn readings_go_to_anki_in_its_syntax_and_other_brackets_as_entities() {
        assert_eq!(to_anki_html("大統領 文在寅[ムン・ジェイン]は"), "大統領 文在寅[ムン・ジェイン]は");
        assert_eq!(to_anki_html("裁判官[さいばんかん]全員[ぜんいん]"), "裁判官[さいばんかん]全員[ぜんいん]");
        assert_eq!(to_anki_html("word [sic] & <b>"), "word &#91;sic&#93; &amp; &lt;b&gt;");
        assert_eq!(to_anki_html("\\[かな]"), "&#91;かな&#93;");
    }
}
