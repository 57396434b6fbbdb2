//! Why an answer that contains the right one is still wrong: a negation (ではない, not), a bound
//! (以上, まで, more than), a second candidate (か, と, や, or between two things that each read
//! as an answer) or a correction (いや, I mean). Markers count only outside the expected
//! answer's own text, and words that merely contain them (5か年, かつ, だと思う) are words.

use super::normalize::{fold, strip};
use super::{date, number, Check};

/// What makes an answer that holds the right one wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    Negation(String),
    Bound(String),
    SecondCandidate(String),
    Correction(String),
}

const NEGATIONS: &[&str] = &[
    "ではありません",
    "じゃありません",
    "ではない",
    "じゃない",
    "ではなく",
    "じゃなく",
    "でなく",
    "ではな",
    "isn't",
    "is not",
    "not",
    "never",
];
const BOUNDS: &[&str] = &[
    "以上",
    "以下",
    "未満",
    "以降",
    "以前",
    "以内",
    "から",
    "まで",
    "より",
    "more than",
    "less than",
    "at least",
    "at most",
    "over",
    "under",
    "up to",
    "after",
    "before",
    "since",
    "until",
    "from",
];
const CORRECTIONS: &[&str] = &["いや", "じゃなくて", "ではなくて", "訂正", "i mean", "rather", "sorry"];
const JOINERS: &[&str] = &["または", "あるいは", "もしくは", "および", "及び", "ならびに", "or", "and", "/", "&"];
/// Joiners that are also parts of ordinary words: only between two candidates.
const SHORT_JOINERS: &[&str] = &["か", "と", "や"];

/// Words that follow と or か without being a second answer (だと思う, かつ, とする).
const NOT_CANDIDATES: &[&str] =
    &["思う", "思います", "おもう", "いう", "言う", "する", "して", "なる", "つ", "な", "ね", "も"];

/// A list's words folded as answers are, with the word as listed; folded once per list.
fn folded(list: &'static [&'static str]) -> &'static [(String, &'static str)] {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Cache = HashMap<usize, &'static [(String, &'static str)]>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(list.as_ptr() as usize)
        .or_insert_with(|| Box::leak(list.iter().map(|w| (fold(w), *w)).collect::<Vec<_>>().into_boxed_slice()))
}

/// The first marker in `typed` (folded) outside the text of `expected` (folded), if any.
pub fn find(typed: &str, expected: &str, check: Check) -> Option<Marker> {
    // The expected answer's own text is masked, so its markers (60日以内, 5か年) do not count.
    let masked = if expected.is_empty() { typed.to_string() } else { typed.replace(expected, "\u{E000}") };
    let has = |list: &'static [&'static str]| -> Option<String> {
        folded(list).iter().find(|(w, _)| contains_word(&masked, w)).map(|(_, shown)| shown.to_string())
    };
    if let Some(w) = has(CORRECTIONS) {
        return Some(Marker::Correction(w));
    }
    if let Some(w) = has(NEGATIONS) {
        return Some(Marker::Negation(w));
    }
    if let Some(w) = has(BOUNDS) {
        return Some(Marker::Bound(w));
    }
    if let Some(w) = has(JOINERS) {
        return Some(Marker::SecondCandidate(w.to_string()));
    }
    folded(SHORT_JOINERS)
        .iter()
        .find(|(w, _)| joins_candidates(&masked, w, check))
        .map(|(_, shown)| Marker::SecondCandidate(shown.to_string()))
}

/// Whether `word` is in `text`: anywhere for Japanese, as a whole word for Latin letters.
fn contains_word(text: &str, word: &str) -> bool {
    if word == "/" {
        // A slash between digits is part of a date or a fraction.
        return text.match_indices('/').any(|(i, _)| {
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            !(digit(text[..i].chars().next_back()) && digit(text[i + 1..].chars().next()))
        });
    }
    if !word.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return text.contains(word);
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether some `joiner` in `text` stands between two things that each read as an answer.
fn joins_candidates(text: &str, joiner: &str, check: Check) -> bool {
    text.match_indices(joiner).any(|(i, _)| {
        let left = text[..i].trim();
        let right = text[i + joiner.len()..].trim();
        candidate(left, check, true) && candidate(right, check, false)
    })
}

/// Whether a side of a joiner reads as an answer: the masked expected answer, a date or a number
/// for those checks, or for text at least two letters that are not a verb or a particle.
fn candidate(side: &str, check: Check, left: bool) -> bool {
    // The nearest chunk: up to a space or punctuation.
    let chunk: &str = if left {
        side.rsplit([' ', '、', ',']).next().unwrap_or(side)
    } else {
        side.split([' ', '、', ',']).next().unwrap_or(side)
    };
    let chunk = if left { chunk.strip_suffix(fold("だ").as_str()).unwrap_or(chunk) } else { chunk };
    if chunk.is_empty() {
        return false;
    }
    // Inside one word: no word starts with a small kana, ー or ン (棄権しな|か|った), and a name
    // goes on across ・ (イヴァン|カ|・トランプ).
    let (first, last) = (chunk.chars().next(), chunk.chars().last());
    if !left && first.is_some_and(|c| "ッャュョァィゥェォヮーンっゃゅょぁぃぅぇぉゎん・".contains(c))
    {
        return false;
    }
    if left && last == Some('・') {
        return false;
    }
    if chunk.contains('\u{E000}') {
        return true;
    }
    if folded(NOT_CANDIDATES).iter().any(|(w, _)| if left { chunk == w } else { chunk.starts_with(w.as_str()) }) {
        return false;
    }
    match check {
        Check::Date => date::parse(chunk).is_some(),
        Check::Number => number::parse(chunk).is_some_and(|q| q.rest.is_empty()),
        Check::Text => {
            let letters = strip(chunk).chars().filter(|c| c.is_alphanumeric()).count();
            letters >= 2 || number::parse(chunk).is_some_and(|q| q.rest.is_empty() && q.unit.is_none())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(typed: &str, expected: &str, check: Check) -> Option<Marker> {
        find(&fold(typed), &fold(expected), check)
    }

    #[test]
    fn markers() {
        assert_eq!(m("23億ドルではない", "23億ドル", Check::Number), Some(Marker::Negation("ではない".into())));
        assert_eq!(m("60日以上", "60日", Check::Number), Some(Marker::Bound("以上".into())));
        assert_eq!(m("60日以内", "60日以内", Check::Number), None);
        assert_eq!(m("60日か90日", "60日", Check::Number), Some(Marker::SecondCandidate("か".into())));
        assert_eq!(m("5か年計画", "5か年計画", Check::Text), None);
        assert_eq!(m("5か年", "5カ年", Check::Text), None);
        assert_eq!(m("金正恩だと思う", "金正恩", Check::Text), None);
        assert_eq!(m("安全かつ迅速", "安全", Check::Text), None);
        assert_eq!(m("金正恩と金与正", "金正恩", Check::Text), Some(Marker::SecondCandidate("と".into())));
        assert_eq!(m("Trump or Biden", "Trump", Check::Text), Some(Marker::SecondCandidate("or".into())));
        assert_eq!(m("notable", "x", Check::Text), None);
        assert_eq!(m("60日、いや90日", "90日", Check::Number), Some(Marker::Correction("いや".into())));
        // か inside a word is no joiner (棄権しなかった, イヴァンカ・トランプ).
        assert_eq!(m("棄権しなかった", "棄権", Check::Text), None);
        assert_eq!(m("イヴァンカ・トランプ", "トランプ", Check::Text), None);
        assert_eq!(m("バイデンかトランプ", "トランプ", Check::Text), Some(Marker::SecondCandidate("か".into())));
    }
}
