//! kioku (記憶) — a quiz and flashcard trainer for the terminal.
//!
//! Teachers write decks as YAML files ([`deck`]); an FSRS-6 scheduler ([`scheduler`], the `fsrs`
//! crate, Ye et al.) decides what each student sees each study day; every answer is kept in SQLite
//! ([`store`]). Typed answers and every card kind are judged by [`answer`]. Review, cram and exam
//! are engines ([`session`]): state machines that own their state, borrow no database (each step
//! takes the storage, through the [`store::Storage`] trait) and return data.
//! Front ends are thin drivers over them: the piped protocol (`session::piped`,
//! `session::exam_piped`, `session::cram_piped`), the terminal screens ([`ui`]) and the web
//! pages and JSON API of `kioku serve` ([`web`]); a new front end opens a collection through
//! [`app`] (the use cases: open and sync, plans, pruning, retention) and plugs in at the
//! engines. [`stats`] computes the figures a learner reads, and
//! [`cli`] is the only layer that reads the clock and the environment.
//!
//! The binary (`src/main.rs`) is a thin wrapper around [`cli::run`].

pub mod answer;
pub mod app;
pub mod cli;
pub mod csv_columns;
pub mod deck;
pub mod error;
pub mod i18n;
pub mod rng;
pub mod safe_text;
pub mod scheduler;
pub mod session;
pub mod settings;
pub mod stats;
pub mod store;
pub mod ui;
pub mod web;

pub use error::{Error, ExitCode, Result};
