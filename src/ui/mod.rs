//! The terminal: the only code that touches it. `render` is pure (view model → styled lines);
//! `screen` owns the raw-mode alternate screen and draws rendered lines; `terminal` reads keys
//! with crossterm and drives a review session, `quiz` an exam or cram; `wrap` fits text to a
//! width (UAX #14 line breaking, so Japanese follows kinsoku rules).

pub mod columns;
pub mod quiz;
pub mod render;
pub mod stats;
pub mod terminal;
mod tty;
pub mod wrap;

// Entering the alternate screen and drawing on it (review, exam and cram screens).
mod screen;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ja;
