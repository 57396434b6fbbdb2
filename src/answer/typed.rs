//! Judging a typed answer as a fair teacher would: right when the answer is there, whole, with
//! only words around it that change nothing (a title on a name, a copula, a particle after a
//! date); almost for a slip (a typo, the reading in kana, a kanji of the same reading, a head noun
//! missing, a date less precise than asked); wrong otherwise — and always wrong when the right
//! answer comes with a negation, a bound, a second candidate or a correction.

use super::date::{self, Match};
use super::explain::{Explanation, Reason};
use super::frames::{self, GENERIC_SUFFIXES};
use super::markers::{self, Marker};
use super::near::{diff_as_written, osa_within};
use super::normalize::{comparable, fold, is_latin, strip};
use super::reading::{respell, Respelling};
use super::{number, numerals, Check, Verdict};

/// A typed answer longer than this many bytes, or four times the longest accepted answer if
/// that is more, is not read at all (wrong): this bounds the work and memory of judging it.
pub const MAX_TYPED_BYTES: usize = 1024;

/// What a card expects of a typed answer.
#[derive(Clone, Copy, Debug)]
pub struct Expected<'a> {
    pub check: Check,
    /// The expected answer (for a card with a reading, its base text: 文在寅).
    pub answer: &'a str,
    /// Other answers judged right.
    pub accept: &'a [String],
    /// The answer names a person: titles and honorifics are set aside (category `person`, or
    /// `names_in(accept)`).
    pub person: bool,
    /// The answer's reading, when the card gives one (ムン・ジェイン): typed alone, it is right.
    pub reading: Option<&'a str>,
}

/// A verdict; for a response that was not right, where it differs from the expected answer
/// (`[+x]` missing, `[-x]` extra, in the compared form); and the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub diff: Option<String>,
    pub explanation: Explanation,
}

/// Judges a typed answer against the expected answer and its accepted alternatives, as
/// `judge` does, with no reading and `person` when the accept list is one of names.
pub fn judge_typed(check: Check, expected: &str, accept: &[String], typed: &str) -> Judgement {
    judge(&Expected { check, answer: expected, accept, person: names_in(accept), reading: None }, typed)
}

/// Whether an accept list is one of a person's names: it holds a name in katakana with a name
/// separator (ユン・ソンニョル) and one in Latin letters of capitalised words (Yoon Suk-yeol).
pub fn names_in(accept: &[String]) -> bool {
    let katakana = accept.iter().any(|a| {
        a.contains(['・', '＝', '='])
            && a.chars().all(|c| matches!(c, '\u{30A0}'..='\u{30FF}' | '＝' | '=' | ' ' | '\u{3000}'))
    });
    let latin = accept.iter().any(|a| {
        let words: Vec<&str> = a.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        words.len() >= 2
            && a.is_ascii()
            && a.split(' ').all(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
    });
    katakana && latin
}

/// Judges `typed` for `expected`; the best verdict over the expected answer and the accepted
/// ones wins. Empty input is wrong ("don't know"). Work and memory are bounded whatever the
/// length of `typed` (see `MAX_TYPED_BYTES` and `near::MAX_CELLS`).
pub fn judge(expected: &Expected, typed: &str) -> Judgement {
    let candidates: Vec<&str> =
        std::iter::once(expected.answer).chain(expected.accept.iter().map(String::as_str)).collect();
    let longest = candidates.iter().map(|c| c.len()).max().unwrap_or(0);
    if typed.len() > MAX_TYPED_BYTES.max(4 * longest) {
        let shown: String = typed.chars().take(80).collect();
        return Judgement {
            verdict: Verdict::Wrong,
            diff: Some(format!("[+{}][-{shown}…]", expected.answer)),
            explanation: Explanation { reason: Some(Reason::TooLong), ..Explanation::default() },
        };
    }
    let typed_comparable = comparable(typed);
    if typed_comparable.is_empty() {
        return Judgement { verdict: Verdict::Wrong, diff: None, explanation: Explanation::default() };
    }
    let mut best: Option<(Verdict, Explanation)> = None;
    for candidate in &candidates {
        let (verdict, explanation) = judge_one(expected, candidate, typed);
        if best.as_ref().is_none_or(|(v, _)| verdict > *v) {
            best = Some((verdict, explanation));
        }
        if verdict == Verdict::Right {
            break;
        }
    }
    let (verdict, mut explanation) = best.unwrap_or((Verdict::Wrong, Explanation::default()));
    if verdict == Verdict::Wrong && explanation.reason.is_none() {
        explanation.reason = candidates.iter().find_map(|c| marker_reason(expected.check, c, typed));
    }
    let diff = (verdict != Verdict::Right).then(|| diff_as_written(expected.answer, typed));
    Judgement { verdict, diff, explanation }
}

/// The marker that makes an answer holding `candidate` wrong, if it holds it.
fn marker_reason(check: Check, candidate: &str, typed: &str) -> Option<Reason> {
    let (e, t) = (read_numbers(&fold(candidate)), read_numbers(&fold(typed)));
    if check == Check::Text && !strip(&t).contains(&strip(&e)) {
        return None;
    }
    Some(match markers::find(&t, &e, check)? {
        Marker::Negation(w) => Reason::Negation(w),
        Marker::Bound(w) => Reason::Bound(w),
        Marker::SecondCandidate(w) => Reason::SecondCandidate(w),
        Marker::Correction(w) => Reason::Correction(w),
    })
}

/// Numbers in words read as digits (二十三億 → 23億, sixty → 60).
fn read_numbers(folded: &str) -> String {
    numerals::english_to_digits(&numerals::kanji_to_digits(folded))
}

/// One comparison's outcome.
struct Outcome {
    verdict: Verdict,
    reason: Option<Reason>,
    read: Option<String>,
    set_aside: Vec<String>,
}

impl Outcome {
    fn of(verdict: Verdict) -> Outcome {
        Outcome { verdict, reason: None, read: None, set_aside: Vec::new() }
    }
    fn almost(reason: Reason) -> Outcome {
        Outcome { verdict: Verdict::Almost, reason: Some(reason), read: None, set_aside: Vec::new() }
    }
}

fn judge_one(expected: &Expected, candidate: &str, typed: &str) -> (Verdict, Explanation) {
    let (e, t) = (read_numbers(&fold(candidate)), fold(typed));
    let t_read = read_numbers(&t);
    let numbers_read = (t_read != t).then(|| (typed.trim().to_string(), t_read.clone()));
    // A capitalised word is a name (Trump), an acronym is not (CVID).
    let name = expected.person
        || (candidate.chars().next().is_some_and(char::is_uppercase) && candidate.chars().any(char::is_lowercase));
    let mut best: Option<(Outcome, Vec<String>)> = None;
    let steps = frames::steps(&t_read, &e, expected.check, expected.person);
    // Right answers first, over every step; the slower search for slips only if none is right.
    for slips in [false, true] {
        for step in &steps {
            let mut outcome = compare(expected.check, &e, &step.core, name, slips);
            if outcome.verdict != Verdict::Right {
                if let Some(reading) = expected.reading {
                    if !strip(&step.core).is_empty() && strip(&step.core) == comparable(reading) {
                        outcome = Outcome::of(Verdict::Right);
                    }
                }
            }
            if best.as_ref().is_none_or(|(b, _)| outcome.verdict > b.verdict) {
                best = Some((outcome, step.set_aside.clone()));
            }
            if best.as_ref().is_some_and(|(b, _)| b.verdict == Verdict::Right) {
                break;
            }
        }
        if best.as_ref().is_some_and(|(b, _)| b.verdict == Verdict::Right) {
            break;
        }
    }
    let Some((outcome, mut set_aside)) = best else { return (Verdict::Wrong, Explanation::default()) };
    set_aside.extend(outcome.set_aside);
    let read = outcome.read.map(|r| (typed.trim().to_string(), r)).or(numbers_read);
    (outcome.verdict, Explanation { set_aside, read, reason: outcome.reason })
}

/// Compares the core of a typed answer (folded, numbers read, words around set aside) with the
/// expected answer (folded, numbers read).
/// With `slips`, also looks for the slips that are almost right (the slower part).
fn compare(check: Check, e: &str, t: &str, name: bool, slips: bool) -> Outcome {
    match check {
        Check::Date => {
            if let Some(want) = date::parse(e) {
                if let Some(outcome) = compare_dates(want, t) {
                    return outcome;
                }
            }
        }
        Check::Number => {
            if let (Some(want), Some(got)) = (number::parse(e), number::parse(t)) {
                // An approximate answer to an exact question is at most almost (約60日 for 60日);
                // to an approximate one (約60日), exact or approximate are both right.
                let (verdict, reason) = match want.accepts(&got) {
                    true if got.approximate && !want.approximate => (Verdict::Almost, Some(Reason::Approximate)),
                    true => (Verdict::Right, None),
                    false => (Verdict::Wrong, None),
                };
                let read = Some(got.describe()).filter(|d| strip(d) != strip(t));
                return Outcome { read, reason, ..Outcome::of(verdict) };
            }
        }
        Check::Text => {}
    }
    compare_text(e, t, name, slips)
}

/// Dates: right at the expected precision or finer, almost when less precise; a weekday written
/// after the date must be its own.
fn compare_dates(want: date::PartialDate, t: &str) -> Option<Outcome> {
    let (rest, weekday, word) = match date::split_weekday(t) {
        Some((rest, k, word)) => (rest, Some(k), Some(word)),
        None => (t.to_string(), None, None),
    };
    let read = date::read(&rest);
    let got = match read.as_slice() {
        [] => return None,
        [one] => *one,
        several => {
            let any = several.iter().any(|d| want.compare(d) != Match::Wrong);
            let reason = any.then_some(Reason::AmbiguousDate);
            return Some(Outcome { verdict: Verdict::Wrong, reason, read: None, set_aside: Vec::new() });
        }
    };
    let set_aside: Vec<String> = word.into_iter().collect();
    if let (Some(written), Some(actual)) = (weekday, got.weekday()) {
        if written != actual && want.compare(&got) != Match::Wrong {
            let reason = Some(Reason::WrongWeekday(set_aside.join("")));
            return Some(Outcome { verdict: Verdict::Wrong, reason, read: None, set_aside: Vec::new() });
        }
    }
    let described = if got.short_year && want.compare(&got) != Match::Wrong {
        date::PartialDate { year: want.year, short_year: false, ..got }.describe()
    } else {
        got.describe()
    };
    let read = Some(described).filter(|d| strip(d) != strip(&rest));
    let (verdict, reason) = match want.compare(&got) {
        Match::Right => (Verdict::Right, None),
        Match::LessPrecise => (Verdict::Almost, Some(Reason::LessPrecise)),
        Match::Wrong => (Verdict::Wrong, None),
    };
    Some(Outcome { verdict, reason, read, set_aside })
}

fn compare_text(e: &str, t: &str, name: bool, slips: bool) -> Outcome {
    let (es, ts) = (strip(e), strip(t));
    if ts.is_empty() {
        return Outcome::of(Verdict::Wrong);
    }
    if es == ts {
        return Outcome::of(Verdict::Right);
    }
    for listed in GENERIC_SUFFIXES {
        let suffix = fold(listed);
        if ts.strip_suffix(suffix.as_str()) == Some(es.as_str()) {
            return Outcome { set_aside: vec![listed.to_string()], ..Outcome::of(Verdict::Right) };
        }
        if es.strip_suffix(suffix.as_str()) == Some(ts.as_str()) {
            return Outcome::of(Verdict::Right);
        }
    }
    if !slips {
        return Outcome::of(Verdict::Wrong);
    }
    // The term with a qualifier before it that changes what it says (事実上の核保有国 for
    // 核保有国: the essay's point is that Trump said 核保有国, not "de facto"): the student knew
    // the term, the answer says something else — almost. A closed list; any other word before
    // the term (非核保有国, 元大統領) leaves it a different answer.
    for listed in QUALIFIERS {
        if ts.strip_prefix(strip(&fold(listed)).as_str()) == Some(es.as_str()) {
            return Outcome::almost(Reason::Qualified(listed.trim().to_string()));
        }
    }
    // Respelling through readings: kana where kana is ordinary is right; else a slip. Only
    // Japanese text has readings, and a kanji on one side at least.
    let japanese = |s: &str| s.chars().all(|c| is_kanji(c) || is_kana(c) || c.is_ascii_digit());
    if ts.len() <= 4 * es.len() + 12 && japanese(&es) && japanese(&ts) && es.chars().chain(ts.chars()).any(is_kanji) {
        match respell(&es, &ts) {
            Some(Respelling::Ordinary) => return Outcome::of(Verdict::Right),
            Some(Respelling::Kana) => return Outcome::almost(Reason::KanaReading),
            Some(Respelling::SameReading) if es.chars().count() >= 2 => return Outcome::almost(Reason::SameReading),
            _ => {}
        }
        // Kanji typed where the expected answer has kana (且つ for かつ): the same word.
        if matches!(respell(&ts, &es), Some(Respelling::Ordinary | Respelling::Kana)) {
            return Outcome::of(Verdict::Right);
        }
    }
    // The key word without its head noun (関与 for 関与政策, 核保有 for 核保有国): a noun of two
    // kanji or more, or one of the one-kanji heads below — not any last kanji (日米 for 日米韓
    // leaves a country out).
    if let Some(missing) = es.strip_prefix(ts.as_str()) {
        let head = missing.chars().count() >= 2 || HEADS.contains(&missing);
        // The key word is at least half of the answer (米韓 is not the key word of 米韓合同軍事演習).
        let key = ts.chars().count() >= 2 && 2 * ts.chars().count() >= es.chars().count();
        if key && head && missing.chars().all(is_kanji) && ts.chars().any(is_kanji) {
            return Outcome::almost(Reason::HeadNounMissing(missing.to_string()));
        }
    }
    // One part of a name written with separators (トランプ for ドナルド・トランプ).
    if name {
        if let Some((_, last)) = e.rsplit_once(['・', ' ', '=']) {
            if strip(last) == ts && ts.chars().count() >= 2 {
                return Outcome::almost(Reason::PartOfName);
            }
        }
    }
    // Latin near misses: one edit from 6 letters (3 for a name), two from 12.
    let letters = es.chars().filter(|c| c.is_alphabetic()).count();
    let allowed = match letters {
        n if n >= 12 => 2,
        n if n >= 6 => 1,
        n if n >= 3 && name => 1,
        _ => 0,
    };
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if allowed > 0
        && is_latin(&es)
        && is_latin(&ts)
        && digits(&es) == digits(&ts)
        && markers::find(t, e, Check::Text).is_none()
        && osa_within(&es, &ts, allowed)
    {
        return Outcome::almost(Reason::Typo);
    }
    Outcome::of(Verdict::Wrong)
}

/// Qualifiers that narrow or hedge a term (see `compare_text`), as listed (folded and stripped
/// when compared).
const QUALIFIERS: &[&str] = &[
    "事実上の",
    "事実上",
    "実質的な",
    "実質的",
    "実質上の",
    "潜在的な",
    "潜在的",
    "準",
    "自称",
    "非公式の",
    "非公認の",
    "de facto ",
    "virtual ",
    "potential ",
    "self-proclaimed ",
    "self-declared ",
    "unofficial ",
];

/// Head nouns of one kanji that a compound's key word may be typed without.
const HEADS: &[&str] =
    &["国", "策", "案", "法", "党", "派", "省", "庁", "会", "権", "制", "軍", "線", "論", "化", "型"];

fn is_kana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FC}')
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}
