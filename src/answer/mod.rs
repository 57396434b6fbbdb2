//! Judging answers (pure): typed text, dates and numbers compared fairly, and the response forms
//! of choice, true/false and order questions. Used by `review` and, later, by exams.

pub mod date;
mod explain;
mod frames;
mod markers;
pub mod near;
pub mod normalize;
pub mod number;
pub mod numerals;
pub mod reading;
mod respond;
mod typed;

use crate::scheduler::Rating;

pub use explain::Note;
#[cfg(test)]
use explain::Reason;
pub use frames::is_title;
#[cfg(test)]
use near::char_diff;
pub use near::osa_distance;
pub use respond::{judge_order, parse_choice, parse_order, parse_true_false, shuffle, shuffle_options};
#[cfg(test)]
use typed::MAX_TYPED_BYTES;
pub use typed::{judge, judge_typed, names_in, Expected, Judgement};

/// How a typed answer is compared (`check:` in a deck).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Check {
    Text,
    Date,
    Number,
}

impl Check {
    pub fn parse(text: &str) -> Option<Check> {
        match text.trim() {
            "text" => Some(Check::Text),
            "date" => Some(Check::Date),
            "number" => Some(Check::Number),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Wrong,
    Almost,
    Right,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Almost => "almost",
            Verdict::Wrong => "wrong",
        }
    }

    /// The grade a verdict suggests: right → good, almost → hard, wrong → again.
    pub fn suggest(self) -> Rating {
        match self {
            Verdict::Right => Rating::Good,
            Verdict::Almost => Rating::Hard,
            Verdict::Wrong => Rating::Again,
        }
    }
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod table;
#[cfg(test)]
mod tests;
