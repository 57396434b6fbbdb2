//! The verdict explained, as data: what was set aside, what was read, and why the answer is not
//! right. The screens turn it into lines (`lines`, in the interface language).

use crate::tr;

/// Why a typed answer is almost or wrong (None in `Explanation::reason` when right, or when
/// simply different).
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// A weekday that is not the date's (the weekday written, the date's own).
    WrongWeekday { written: String },
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
    /// Almost: the key word, without its head noun (関与 for 関与政策).
    HeadNounMissing(String),
    /// Almost: one part of a name (トランプ for ドナルド・トランプ).
    PartOfName,
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
    /// Lines for people (indented under the verdict on every screen).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.set_aside.is_empty() {
            lines.push(tr!("answer-set-aside", words = self.set_aside.join(", ")));
        }
        if let Some((typed, read)) = &self.read {
            lines.push(tr!("answer-read", typed = typed, read = read));
        }
        if let Some(reason) = &self.reason {
            let why = match reason {
                Reason::Negation(w) => tr!("answer-why-negation", word = w),
                Reason::Bound(w) => tr!("answer-why-bound", word = w),
                Reason::SecondCandidate(w) => tr!("answer-why-second", word = w),
                Reason::Correction(w) => tr!("answer-why-correction", word = w),
                Reason::AmbiguousDate => tr!("answer-why-ambiguous-date"),
                Reason::WrongWeekday { written } => tr!("answer-why-weekday", written = written),
                Reason::TooLong => tr!("answer-why-too-long"),
                Reason::LessPrecise => tr!("answer-almost-less-precise"),
                Reason::Typo => tr!("answer-almost-typo"),
                Reason::KanaReading => tr!("answer-almost-kana"),
                Reason::SameReading => tr!("answer-almost-same-reading"),
                Reason::HeadNounMissing(w) => tr!("answer-almost-head-noun", word = w),
                Reason::PartOfName => tr!("answer-almost-part-of-name"),
            };
            lines.push(why);
        }
        lines
    }
}
