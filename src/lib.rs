//! kioku (記憶) — a quiz and flashcard trainer for the terminal.
//!
//! Teachers write decks as YAML files ([`deck`]); an FSRS-6 scheduler ([`scheduler`], the `fsrs`
//! crate, Ye et al.) decides what each student sees each study day; every answer is kept in SQLite
//! ([`store`]). Typed answers and every card kind are judged by [`answer`]. Review, cram and exam
//! flows ([`session`]) are state machines over plain line I/O so they can be tested without a
//! terminal; [`ui`] is the interactive terminal, [`stats`] the figures a learner reads, and
//! [`cli`] the only layer that reads the clock and the environment.
//!
//! The binary (`src/main.rs`) is a thin wrapper around [`cli::run`].

pub mod answer;
pub mod cli;
pub mod deck;
pub mod error;
pub mod rng;
pub mod safe_text;
pub mod scheduler;
pub mod session;
pub mod settings;
pub mod stats;
pub mod store;
pub mod ui;

pub use error::{Error, Result};
