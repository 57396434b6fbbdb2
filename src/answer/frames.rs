//! Words around a right answer that a teacher sets aside: copulas and frames (です, 答えは…,
//! …だと思う, the answer is…), titles and honorifics on a person's name (a closed list), particles
//! after a date (に, の), and a redundant generic suffix (…条約, …号, …型, …令).
//!
//! None of these words holds a negation, a bound or a second candidate, so setting them aside can
//! never turn a wrong answer into a right one: the rest must still be the answer, whole.

use std::sync::OnceLock;

use super::normalize::fold;
use super::Check;

/// Said before an answer.
const PREFIX_FRAMES: &[&str] = &[
    "答えは",
    "こたえは",
    "正解は",
    "たぶん",
    "多分",
    "おそらく",
    "恐らく",
    "きっと",
    "the answer is",
    "answer:",
    "i think it is",
    "i think it's",
    "i think",
    "it is",
    "it's",
    "maybe",
    "probably",
    "perhaps",
];

/// Said after an answer (longest first where one ends another).
const SUFFIX_FRAMES: &[&str] = &[
    "だと思います",
    "だと思う",
    "と思います",
    "と思う",
    "だとおもう",
    "とおもう",
    "でしょうか",
    "でしょう",
    "だろう",
    "である",
    "でした",
    "です",
    "だった",
    "だ",
    "かな",
    // The answer as a する verb in the affirmative (棄権した); negated forms (しなかった, せず)
    // are not here, so they stay part of the answer and it stays wrong.
    "しました",
    "した",
    "します",
    "する",
    "i think",
    "probably",
];

/// Titles and honorifics set aside on an answer that names a person: after the name in Japanese
/// (尹錫悦大統領, 金正恩総書記, 平岩氏), before it in English (President Yoon). A closed list: a
/// word that is not here stays part of the answer.
pub(super) const TITLES_AFTER: &[&str] = &[
    "大統領権限代行",
    "大統領代行",
    "前大統領",
    "元大統領",
    "大統領候補",
    "次期大統領",
    "大統領",
    "副大統領",
    "国務総理",
    "総理大臣",
    "総理",
    "元首相",
    "前首相",
    "首相",
    "朝鮮労働党総書記",
    "労働党総書記",
    "総書記",
    "国務委員長",
    "委員長",
    "国防大臣",
    "国防相",
    "外務大臣",
    "外相",
    "大臣",
    "国務長官",
    "長官",
    "事務局長",
    "書記長",
    "国家主席",
    "主席",
    "元代表",
    "前代表",
    "代表",
    "党首",
    "候補",
    "議員",
    "議長",
    "教授",
    "博士",
    "将軍",
    "同志",
    "閣下",
    "氏",
    "さん",
    "様",
    "さま",
    "先生",
    "君",
];

pub(super) const TITLES_BEFORE: &[&str] = &[
    "president",
    "vice president",
    "former president",
    "acting president",
    "prime minister",
    "premier",
    "chairman",
    "general secretary",
    "director general",
    "director-general",
    "secretary general",
    "secretary",
    "minister",
    "defense minister",
    "defence minister",
    "foreign minister",
    "leader",
    "comrade",
    "candidate",
    "governor",
    "senator",
    "professor",
    "prof.",
    "prof",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
];

/// Whether `word` is a title or honorific of the closed lists (President, 大統領), whatever
/// its case: a deck's "President Trump" names no given name (`deck::names`).
pub fn is_title(word: &str) -> bool {
    let word = fold(word);
    TITLES_BEFORE.iter().chain(TITLES_AFTER).any(|t| fold(t) == word)
}

/// Particles after a date (2025年4月4日に, 2025年の).
const DATE_PARTICLES: &[&str] = &["に", "の", "には", "で"];

/// Generic suffixes a student may add to (or drop from) a name of a thing.
pub const GENERIC_SUFFIXES: &[&str] = &["条約", "号", "型", "令"];

/// A list's words folded as typed answers are (for matching), with the word as listed (for
/// showing), longest first so 元代表 is taken whole before 代表.
type Words = Vec<(String, &'static str)>;

fn folded(list: &'static [&'static str], cell: &'static OnceLock<Words>) -> &'static Words {
    cell.get_or_init(|| {
        let mut v: Words = list.iter().map(|w| (fold(w), *w)).collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    })
}

/// A step of setting aside: the rest of the answer and what was set aside so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub core: String,
    pub set_aside: Vec<String>,
}

/// The typed answer (folded) with more and more set aside, one word at a time from either end,
/// the answer as typed first, then the forms with one word fewer, and so on. `expected` (folded) is never cut into: a word that the expected
/// answer itself starts or ends with is not set aside.
pub fn steps(typed: &str, expected: &str, check: Check, person: bool) -> Vec<Step> {
    static PRE: OnceLock<Words> = OnceLock::new();
    static SUF: OnceLock<Words> = OnceLock::new();
    static TA: OnceLock<Words> = OnceLock::new();
    static TB: OnceLock<Words> = OnceLock::new();
    static DP: OnceLock<Words> = OnceLock::new();
    let mut prefixes: Vec<&(String, &str)> = folded(PREFIX_FRAMES, &PRE).iter().collect();
    let mut suffixes: Vec<&(String, &str)> = folded(SUFFIX_FRAMES, &SUF).iter().collect();
    if person {
        prefixes.extend(folded(TITLES_BEFORE, &TB));
        suffixes.extend(folded(TITLES_AFTER, &TA));
    }
    if check == Check::Date {
        suffixes.extend(folded(DATE_PARTICLES, &DP));
    }
    // Every way of taking words off either end, breadth first (尹錫悦前大統領候補: 候補, then
    // 前大統領), up to 64 forms: a typed answer is short by the time it gets here (the checker
    // refuses overlong ones first), and that is plenty for the words around one answer.
    let mut out = vec![Step { core: trim(typed).to_string(), set_aside: Vec::new() }];
    let mut next = 0;
    while next < out.len() && out.len() < 64 {
        let step = out[next].clone();
        next += 1;
        let core = step.core.as_str();
        let cuts = prefixes
            .iter()
            .filter(|(w, _)| !expected.starts_with(w.as_str()))
            .filter_map(|(w, shown)| core.strip_prefix(w.as_str()).map(|rest| (*shown, rest)))
            .chain(
                suffixes
                    .iter()
                    .filter(|(w, _)| !expected.ends_with(w.as_str()))
                    .filter_map(|(w, shown)| core.strip_suffix(w.as_str()).map(|rest| (*shown, rest))),
            );
        for (word, rest) in cuts {
            let rest = trim(rest);
            if rest.is_empty() || out.iter().any(|s| s.core == rest) {
                continue;
            }
            let mut set_aside = step.set_aside.clone();
            set_aside.push(word.trim().to_string());
            out.push(Step { core: rest.to_string(), set_aside });
            if out.len() >= 64 {
                break;
            }
        }
    }
    out
}

/// Spaces and sentence punctuation off both ends (答えは、X。 → X).
fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '、' | '。' | ',' | '.' | ':' | '!' | '?' | '…'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last(typed: &str, expected: &str, check: Check, person: bool) -> Step {
        // The most set aside: the shortest core.
        steps(&fold(typed), &fold(expected), check, person).into_iter().min_by_key(|s| s.core.len()).unwrap()
    }

    #[test]
    fn frames_and_titles() {
        let s = last("答えは、尹錫悦大統領です。", "尹錫悦", Check::Text, true);
        assert_eq!(s.core, fold("尹錫悦"));
        assert_eq!(s.set_aside, vec!["答えは", "です", "大統領"]);
        assert_eq!(last("尹錫悦前大統領候補", "尹錫悦", Check::Text, true).core, fold("尹錫悦"));
        // Titles only on persons.
        assert_eq!(last("核実験氏", "核実験", Check::Text, false).core, fold("核実験氏"));
        // A negation is never a frame.
        assert_eq!(last("尹錫悦ではない", "尹錫悦", Check::Text, true).core, fold("尹錫悦ではない"));
        assert_eq!(last("2025年4月4日に", "2025年4月4日", Check::Date, false).core, fold("2025年4月4日"));
        // The expected answer's own words are not set aside.
        assert_eq!(last("国防大臣", "国防大臣", Check::Text, true).core, fold("国防大臣"));
        assert_eq!(last("President Trump", "Trump", Check::Text, true).core, "trump");
    }
}
