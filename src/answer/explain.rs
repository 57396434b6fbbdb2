//! The verdict explained, as data: what was set aside, what was read, and why the answer is not
//! right. The screens turn it into lines (`lines`, English until kioku has a message catalogue).

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
            lines.push(format!("set aside: {}", self.set_aside.join(", ")));
        }
        if let Some((typed, read)) = &self.read {
            lines.push(format!("read: {typed} → {read}"));
        }
        if let Some(reason) = &self.reason {
            let why = match reason {
                Reason::Negation(w) => format!("why: it negates the answer ({w})"),
                Reason::Bound(w) => format!("why: it bounds the answer instead of giving it ({w})"),
                Reason::SecondCandidate(w) => format!("why: it gives two answers ({w})"),
                Reason::Correction(w) => format!("why: it corrects itself ({w}); only one answer counts"),
                Reason::AmbiguousDate => "why: the date reads two ways (day/month or month/day)".to_string(),
                Reason::WrongWeekday { written } => format!("why: {written} is not that date's weekday"),
                Reason::TooLong => "why: far longer than the answer; not read".to_string(),
                Reason::LessPrecise => "almost: right, but less precise than asked".to_string(),
                Reason::Typo => "almost: a letter or two off".to_string(),
                Reason::KanaReading => "almost: the reading, written in kana".to_string(),
                Reason::SameReading => "almost: a kanji of the same reading".to_string(),
                Reason::HeadNounMissing(w) => format!("almost: {w} is missing"),
                Reason::PartOfName => "almost: only part of the name".to_string(),
            };
            lines.push(why);
        }
        lines
    }
}
