//! kioku (記憶) — a quiz and flashcard trainer for the terminal.
//!
//! Teachers write decks as YAML files (`deck`); an FSRS-6 scheduler (`scheduler`, the `fsrs`
//! crate, Ye et al.) decides what each student sees each study day; every answer is kept in SQLite
//! (`store`). Typed answers and every card kind are judged by `answer`. Review, cram and exam
//! are engines (`session`): state machines that own their state, borrow no database (each step
//! takes the storage through [`Storage`], the storage contract: one trait per concern) and return data.
//! Front ends are thin drivers over them: the piped protocol (`session::piped`,
//! `session::exam_piped`, `session::cram_piped`), the terminal screens (`ui`) and the web
//! pages and JSON API of `kioku serve` (`web`); a new front end opens a collection through
//! `app` (the use cases: open and sync, plans, pruning, retention) and plugs in at the
//! engines. `stats` computes the figures a learner reads, and
//! `cli` is the only layer that reads the clock and the environment.
//!
//! The binary (`src/main.rs`) is a thin wrapper around [`run`].
//!
//! The public surface is the `pub use` list below: the application layer, the storage
//! contract and its SQLite store, the engines and their views, the settings, errors and exit
//! codes, and [`run`]. Modules are private, so the compiler reports code nothing uses. What the
//! integration tests, benchmarks, examples and fuzz targets reach beyond that comes through
//! [`testing`], which is built by every `cargo test` and `cargo clippy --all-targets` (no cargo
//! feature gates it, so no test is ever skipped for want of one).

mod answer;
mod app;
mod class;
mod cli;
mod csv_columns;
mod deck;
mod error;
mod i18n;
mod rng;
mod safe_text;
mod scheduler;
mod session;
mod settings;
mod stats;
mod store;
mod ui;
mod web;

pub use app::{
    day_clock, find_orphans, prunable, prune, record_plan, scheduler, suggest_retention, Access, Collection, NameCheck,
    Names, Orphan, Paths, PlanRecorded, RetentionRow, RetentionSuggestion, Warning,
};
pub use cli::{report_error, run, warn};
pub use error::{Error, ExitCode, Result};
pub use scheduler::{CardSchedule, DayClock, Rating, Scheduler, State, StudyDay};
pub use session::cram::CramSession;
pub use session::exam_session::{ExamCard, ExamOptions, ExamSession, Submitted};
pub use session::review::{Hide, ReviewOptions, ReviewSession};
pub use session::{Filter, Today};
pub use settings::Settings;
pub use store::{
    CalendarStorage, CardStorage, ExamStorage, LearnerId, LogStorage, PlanStorage, SessionLock, SessionStorage,
    Storage, Store, SyncStorage,
};

/// What tests, benchmarks, examples and fuzz targets use beyond the public surface, by the
/// module it lives in. Not an API: it may change with any commit.
#[doc(hidden)]
pub mod testing {
    pub mod answer {
        pub use crate::answer::{judge, judge_typed, Check, Expected, Verdict};
        pub mod normalize {
            pub use crate::answer::normalize::comparable;
        }
    }
    pub mod app {
        pub use crate::app::*;
    }
    pub mod class {
        pub use crate::class::{init, ClassDir};
        pub mod secret {
            pub use crate::class::secret::*;
        }
    }
    pub mod cli {
        pub use crate::cli::{run, warn, Cli};
        pub mod serve {
            pub use crate::cli::serve::resync;
        }
    }
    pub mod deck {
        pub use crate::deck::{
            check_bytes, expand, load, scan, Card, CardKind, Deck, DeckSource, FileCache, Judge, NoteKind,
        };
        pub mod interchange {
            pub use crate::deck::interchange::import_text;
        }
        pub mod reading {
            pub use crate::deck::reading::base;
        }
    }
    pub mod rng {
        pub use crate::rng::{fnv1a, Rng};
    }
    pub mod scheduler {
        pub use crate::scheduler::{CardSchedule, DayClock, Rating, Scheduler, State, StudyDay};
        pub mod breaks {
            pub use crate::scheduler::breaks::Break;
        }
        pub mod queue {
            pub use crate::scheduler::queue::new_card_rank;
        }
        pub mod training {
            pub use crate::scheduler::training::{read_csv_log, training_items};
        }
    }
    pub mod session {
        pub use crate::session::{Filter, Today};
        pub mod cram {
            pub use crate::session::cram::CramSession;
        }
        pub mod exam {
            pub use crate::session::exam::build_paper;
        }
        pub mod exam_session {
            pub use crate::session::exam_session::{ExamCard, ExamOptions, ExamSession, Submitted};
        }
        pub mod judge {
            pub use crate::session::judge::judge;
        }
        pub mod piped {
            pub use crate::session::piped::{run, Io};
        }
        pub mod review {
            pub use crate::session::review::{Hide, ReviewOptions, ReviewSession};
        }
    }
    pub mod settings {
        pub use crate::settings::{Settings, SPECS};
    }
    pub mod stats {
        pub mod class {
            pub use crate::stats::class::{difficulty, read_export};
        }
        // The class teacher's figures (issue 16), used by the class commands once the class
        // storage lands; until then only their tests reach them.
        pub mod dashboard {
            pub use crate::stats::dashboard::*;
        }
        pub mod items {
            pub use crate::stats::items::*;
        }
    }
    pub mod store {
        pub use crate::store::{
            Account, CalendarStorage, CardIndexRow, CardList, CardStorage, ExamRecord, ExamStorage, LearnerId,
            LogStorage, Plan, PlanStorage, ReviewKind, ReviewRow, ReviewRowTime, Role, SessionStorage, Storage, Store,
            SyncStorage,
        };
    }
    pub mod web {
        pub use crate::web::{serve, DeskParts, Gate, Limits, Reach, Server, Verb, BODY_LIMIT, ROUTES};
        // The teacher's pages (issue 16), routed by the class server once it lands.
        pub mod teacher {
            pub use crate::web::teacher_pages::*;
        }
    }
}
