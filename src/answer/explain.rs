//! The verdict explained, as data: what was set aside, what was read, and why the answer is not
//! right. Each driver renders the notes in its own language (`Note::line`): the terminal and the
//! pipe in the process language, a web page in the page's.

use serde::Serialize;

use crate::i18n::Lang;
use crate::tr_in;

/// Why a typed answer is almost or wrong (None in `Explanation::reason` when right, or when
/// simply different). The word carried is the marker as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "word", rename_all = "snake_case")]
pub enum Reason {
    /// It holds the answer but negates it (ではない, not).
    Negation(String),
    /// It holds the answer but bounds it (以上, まで, more than).
    Bound(String),
    /// It gives a second answer beside the right one (か, と, or).
    SecondCandidate(String),
    /// It corrects itself (いや, I mean).
    Correction(String),
    /// A date that reads two ways (5/4/2025: 5 April or May 4).
    AmbiguousDate,
    /// A weekday that is not the date's (the weekday written).
    WrongWeekday(String),
    /// Far longer than any accepted answer: not read.
    TooLong,
    /// Almost: right as far as it goes, less precise than asked (the year of a date).
    LessPrecise,
    /// Almost: one or two letters off.
    Typo,
    /// Almost: the reading written in kana.
    KanaReading,
    /// Almost: another kanji of the same reading.
    SameReading,
    /// Almost: the key word, without its head noun (関与 for 関与政策); the missing word.
    HeadNounMissing(String),
    /// Almost: one part of a name (トランプ for ドナルド・トランプ).
    PartOfName,
    /// Almost: an approximate quantity where an exact one is asked (約60日, 60日ほど for 60日).
    Approximate,
    /// Almost: the term with a qualifier that changes what it says (事実上の核保有国 for
    /// 核保有国); the qualifier.
    Qualified(String),
}

/// What kioku did with a typed answer before comparing it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation {
    /// Words set aside: a title, a frame, a particle, a weekday, a generic suffix.
    pub set_aside: Vec<String>,
    /// How the answer was read when that differs from what was typed: (typed, read).
    pub read: Option<(String, String)>,
    pub reason: Option<Reason>,
}

impl Explanation {
    /// The explanation as notes, in the order the screens show them.
    pub fn notes(&self) -> Vec<Note> {
        let mut notes = Vec::new();
        if !self.set_aside.is_empty() {
            notes.push(Note::SetAside { words: self.set_aside.clone() });
        }
        if let Some((typed, read)) = &self.read {
            notes.push(Note::Read { typed: typed.clone(), read: read.clone() });
        }
        if let Some(reason) = &self.reason {
            notes.push(Note::Why { reason: reason.clone() });
        }
        notes
    }
}

/// One note under a verdict, as data (`{"kind": "set_aside", "words": […]}` in the web's JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// Where a response differs from the expected answer (`near::diff_as_written`'s markup:
    /// `[+x]` missing, `[-x]` extra).
    Diff { diff: String },
    /// Words set aside before comparing.
    SetAside { words: Vec<String> },
    /// How the answer was read, when that differs from what was typed.
    Read { typed: String, read: String },
    /// Why it is almost or wrong.
    Why {
        #[serde(flatten)]
        reason: Reason,
    },
}

impl Note {
    /// The note as a line for people in `lang` (indented under the verdict on every screen).
    pub fn line(&self, lang: Lang) -> String {
        match self {
            Note::Diff { diff } => tr_in!(lang, "review-diff", diff = diff),
            Note::SetAside { words } => tr_in!(lang, "answer-set-aside", words = words.join(", ")),
            Note::Read { typed, read } => tr_in!(lang, "answer-read", typed = typed, read = read),
            Note::Why { reason } => match reason {
                Reason::Negation(w) => tr_in!(lang, "answer-why-negation", word = w),
                Reason::Bound(w) => tr_in!(lang, "answer-why-bound", word = w),
                Reason::SecondCandidate(w) => tr_in!(lang, "answer-why-second", word = w),
                Reason::Correction(w) => tr_in!(lang, "answer-why-correction", word = w),
                Reason::AmbiguousDate => tr_in!(lang, "answer-why-ambiguous-date"),
                Reason::WrongWeekday(written) => tr_in!(lang, "answer-why-weekday", written = written),
                Reason::TooLong => tr_in!(lang, "answer-why-too-long"),
                Reason::LessPrecise => tr_in!(lang, "answer-almost-less-precise"),
                Reason::Typo => tr_in!(lang, "answer-almost-typo"),
                Reason::KanaReading => tr_in!(lang, "answer-almost-kana"),
                Reason::SameReading => tr_in!(lang, "answer-almost-same-reading"),
                Reason::HeadNounMissing(w) => tr_in!(lang, "answer-almost-head-noun", word = w),
                Reason::PartOfName => tr_in!(lang, "answer-almost-part-of-name"),
                Reason::Approximate => tr_in!(lang, "answer-almost-approximate"),
                Reason::Qualified(w) => tr_in!(lang, "answer-almost-qualified", word = w),
            },
        }
    }
}
