//! The terminal: the only code that touches it. `render` is pure (view model → styled lines);
//! `terminal` reads keys with crossterm and drives a review session.

pub mod columns;
pub mod quiz;
pub mod render;
pub mod terminal;
mod tty;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ja;
