//! The full names a deck gives for a person whose card asks the family name (issue 17): a
//! teacher accepts ドナルド・トランプ for トランプ, and 金正恩 for 金, because they know whose name
//! the card asks — and would not accept ジョー・トランプ or 金正日. kioku knows only what the deck
//! says, so (DESIGN.md, "Answer judging": a given name is accepted only with that family name):
//!
//! - names are read from the note's own text first (front, back, cloze, explanation, accept);
//!   only when it names no one of that family, from the rest of the deck;
//! - a name is a katakana name with a separator (ドナルド・トランプ, ドナルド＝トランプ), two or
//!   more capitalised Latin words (Donald Trump), the kanji base of a reading with a separator
//!   (金正恩[キム・ジョンウン]) or a person card's answer in kanji (安倍晋三);
//! - it is that person's full name when its last part is the family name (katakana, Latin), or
//!   when it is the family name followed by one to three kanji (kanji);
//! - when the text found names two people of that family in one script (ドナルド・トランプ and
//!   イヴァンカ・トランプ; 金正恩 and 金与正), kioku cannot tell which one the card means, and
//!   accepts neither in that script.

use std::collections::BTreeMap;

use super::model::{Deck, Note, NoteKind};
use super::reading::{self, is_kanji, Segment};
use crate::answer::normalize::comparable;

/// Separators between the parts of a name.
const SEPARATORS: [char; 5] = ['・', '＝', '=', ' ', '\u{3000}'];

/// The full names `deck` gives for the person whose family name `family` (base text, no
/// readings) a typed card of `note` asks; empty when `family` is itself a full name or the deck
/// names no one (or two people) of that family.
pub fn full_names(deck: &Deck, note: &Note, family: &str) -> Vec<String> {
    let family = family.trim();
    if family.is_empty() || family.contains(SEPARATORS) {
        return Vec::new();
    }
    let own = matching(std::slice::from_ref(note), family);
    if !own.is_empty() {
        return own;
    }
    matching(&deck.notes, family)
}

/// The names of `family` in `notes`, one script at a time, dropped where a script has two.
fn matching(notes: &[Note], family: &str) -> Vec<String> {
    let want = comparable(family);
    let kanji_family = family.chars().all(is_kanji);
    // Script → given name (comparable) → the name as written first.
    let mut found: BTreeMap<Script, BTreeMap<String, String>> = BTreeMap::new();
    for note in notes {
        for name in names_of(note) {
            let given = if kanji_family {
                // A kanji name may carry its reading (金正恩[キム・ジョンウン]): judged by either.
                let base = reading::base(&name);
                let rest = base.strip_prefix(family).filter(|_| base.chars().all(is_kanji));
                rest.filter(|r| (1..=3).contains(&r.chars().count())).map(str::to_string)
            } else {
                let parts: Vec<&str> = name.split(SEPARATORS).filter(|p| !p.is_empty()).collect();
                match parts.as_slice() {
                    // "President Trump" gives no given name.
                    [.., given, last] if comparable(last) == want && !crate::answer::is_title(given) => {
                        Some(given.to_string())
                    }
                    _ => None,
                }
            };
            if let Some(given) = given {
                found.entry(Script::of(&name)).or_default().entry(comparable(&given)).or_insert(name);
            }
        }
    }
    found.into_values().filter(|names| names.len() == 1).flat_map(BTreeMap::into_values).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Script {
    Latin,
    Kana,
    Kanji,
}

impl Script {
    fn of(name: &str) -> Script {
        if name.is_ascii() {
            Script::Latin
        } else if name.chars().any(is_kanji) {
            Script::Kanji
        } else {
            Script::Kana
        }
    }
}

/// The names written in a note's text fields, and its answers in kanji when it asks a person.
fn names_of(note: &Note) -> Vec<String> {
    let mut texts: Vec<&str> = note.accept.iter().map(String::as_str).collect();
    texts.extend(note.explanation.as_deref());
    let mut answers: Vec<&str> = note.accept.iter().map(String::as_str).collect();
    match &note.kind {
        NoteKind::Basic { front, back, .. } => {
            texts.extend([front.as_str(), back.as_str()]);
            answers.push(back);
        }
        NoteKind::Cloze { text } => texts.push(text),
        NoteKind::Choice { question, answer, distractors } => {
            texts.extend([question.as_str(), answer.as_str()]);
            texts.extend(distractors.iter().map(String::as_str));
        }
        NoteKind::TrueFalse { statement, .. } => texts.push(statement),
        NoteKind::Order { instruction, items } => {
            texts.push(instruction);
            texts.extend(items.iter().map(String::as_str));
        }
    }
    let mut names = Vec::new();
    for text in texts {
        names_in(text, &mut names);
    }
    if note.category.as_deref() == Some("person") {
        for answer in answers {
            let base = reading::base(answer);
            if base.chars().count() >= 2 && base.chars().all(is_kanji) {
                names.push(base.into_owned());
            }
        }
    }
    names
}

/// Adds the names written in `text` (markup with readings) to `out`.
fn names_in(text: &str, out: &mut Vec<String>) {
    for segment in reading::parse(text) {
        match segment {
            Segment::Ruby { base, reading } => {
                if reading.contains(['・', '＝']) && base.chars().all(is_kanji) {
                    out.push(format!("{base}[{reading}]"));
                }
                kana_names(&reading, out);
            }
            Segment::Text(plain) => {
                kana_names(&plain, out);
                latin_names(&plain, out);
            }
        }
    }
}

/// Runs of katakana holding a name separator: ドナルド・トランプ.
fn kana_names(text: &str, out: &mut Vec<String>) {
    let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | '＝');
    for run in text.split(|c: char| !katakana(c)) {
        let run = run.trim_matches(['・', '＝']);
        if run.contains(['・', '＝']) {
            out.push(run.to_string());
        }
    }
}

/// Runs of two or more capitalised Latin words: Donald Trump, Rafael Grossi.
fn latin_names(text: &str, out: &mut Vec<String>) {
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        if run.len() >= 2 {
            out.push(run.join(" "));
        }
        run.clear();
    };
    for word in text.split(|c: char| !(c.is_ascii_alphabetic() || c == '-' || c == '\'')) {
        let capitalised =
            word.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && word.chars().any(|c| c.is_ascii_lowercase());
        if capitalised {
            run.push(word);
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, front: &str, back: &str, accept: &[&str], explanation: Option<&str>) -> Note {
        Note {
            id: id.into(),
            kind: NoteKind::Basic { front: front.into(), back: back.into(), reverse: false },
            check: Some(crate::answer::Check::Text),
            accept: accept.iter().map(|s| s.to_string()).collect(),
            tags: Vec::new(),
            section: None,
            explanation: explanation.map(str::to_string),
            category: Some("person".into()),
            renamed_from: None,
        }
    }

    fn deck(notes: Vec<Note>) -> Deck {
        Deck { id: "d".into(), title: None, lang: None, source: None, tags: Vec::new(), file: "d.yaml".into(), notes }
    }

    #[test]
    fn names_are_read_from_the_note_first_then_the_deck() {
        let trump = note("t", "北朝鮮を核保有国とした米大統領は？", "トランプ", &[], None);
        let other =
            note("o", "2019年、ドナルド・トランプ大統領が会談した相手は？", "金正恩[キム・ジョンウン]", &[], None);
        let d = deck(vec![trump.clone(), other]);
        assert_eq!(full_names(&d, &d.notes[0], "トランプ"), vec!["ドナルド・トランプ".to_string()]);
        // Two people of one family in the deck: which one the card means is unknown.
        let ivanka = note("i", "イヴァンカ・トランプの父は？", "トランプ", &[], None);
        let d2 = deck(vec![trump, d.notes[1].clone(), ivanka]);
        assert!(full_names(&d2, &d2.notes[0], "トランプ").is_empty());
        // The note's own text wins over the deck's.
        let own = note("t", "ドナルド・トランプ (Donald Trump) の姓は？", "トランプ", &[], None);
        let d3 = deck(vec![own, d2.notes[2].clone()]);
        // A family name matches names in its own script (Latin Trump, katakana トランプ).
        assert_eq!(full_names(&d3, &d3.notes[0], "トランプ"), vec!["ドナルド・トランプ".to_string()]);
        assert_eq!(full_names(&d3, &d3.notes[0], "Trump"), vec!["Donald Trump".to_string()]);
        // A title before the family name is no given name: Donald Trump stays the one Trump.
        let latin = note("l", "Who called North Korea a nuclear power?", "Trump", &[], None);
        let titled = note("p", "What did President Trump say in Singapore?", "x", &[], None);
        let named = note("n", "Donald Trump met whom in 2019?", "Kim Jong-un", &[], None);
        let d4 = deck(vec![latin, titled, named]);
        assert_eq!(full_names(&d4, &d4.notes[0], "Trump"), vec!["Donald Trump".to_string()]);
    }

    #[test]
    fn kanji_names_come_from_readings_and_person_answers() {
        let kim = note("k", "北朝鮮の総書記の姓は？", "金", &[], Some("金正恩[キム・ジョンウン]総書記。"));
        let sister = note("y", "金正恩の妹は？", "金与正[キム・ヨジョン]", &[], None);
        let d = deck(vec![kim, sister]);
        assert_eq!(full_names(&d, &d.notes[0], "金"), vec!["金正恩[キム・ジョンウン]".to_string()]);
        // Without the explanation, nothing tells which 金 is meant: no full name.
        let bare = note("k", "北朝鮮の総書記の姓は？", "金", &[], None);
        let abe = note("a", "「晋三」とは誰？", "安倍晋三", &[], None);
        let d2 = deck(vec![bare, abe]);
        assert_eq!(full_names(&d2, &d2.notes[1], "安倍"), vec!["安倍晋三".to_string()]);
        assert!(full_names(&d2, &d2.notes[0], "金").is_empty());
        // A full name asked is no family name.
        assert!(full_names(&d, &d.notes[0], "ドナルド・トランプ").is_empty());
    }

    /// Verdicts decided before running, as a teacher who knows only what the deck says: the
    /// person's own full name is right (with a title too), any other given name is wrong, and a
    /// negation or a second candidate still makes it wrong.
    #[test]
    fn the_full_name_the_deck_gives_is_right_and_no_other() {
        use crate::answer::Verdict::{Right, Wrong};
        let trump = note("t", "北朝鮮を核保有国とした米大統領は？", "トランプ", &[], None);
        let osaka =
            note("o", "2019年6月、ドナルド・トランプ大統領が「晋三に聞いてくれ」と言った相手は？", "文在寅", &[], None);
        let kim = note("k", "北朝鮮の総書記の姓は？", "金", &[], Some("金正恩[キム・ジョンウン]総書記。"));
        let sister = note("y", "金正恩の妹は？", "金与正[キム・ヨジョン]", &[], None);
        let cards = crate::deck::expand(&deck(vec![trump, osaka, kim, sister]));
        let verdict =
            |card: usize, line: &str| crate::session::judge::judge(&cards[card], 0, line).unwrap().unwrap().verdict;
        let cases = [
            (0, "トランプ", Right),
            (0, "ドナルド・トランプ", Right),
            (0, "ドナルド＝トランプ", Right),
            (0, "ドナルド・トランプ大統領", Right),
            (0, "ジョー・トランプ", Wrong),
            (0, "イヴァンカ・トランプ", Wrong),
            (0, "ドナルド・トランプではない", Wrong),
            (0, "ドナルド・トランプかバイデン", Wrong),
            (2, "金", Right),
            (2, "金正恩", Right),
            (2, "金正恩総書記", Right),
            (2, "キム・ジョンウン", Right),
            (2, "金正日", Wrong),
            (2, "金与正", Wrong),
            (2, "金正恩と金与正", Wrong),
        ];
        for (card, line, want) in cases {
            assert_eq!(verdict(card, line), want, "{line} for {}", cards[card].short_answer);
        }
    }
}
