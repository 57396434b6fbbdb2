//! The application layer: the use cases every front end calls — the command line, the terminal
//! screens and the web server alike. Opening a collection (database + decks) under the session
//! lock, with deck sync's warnings returned as values; what is due today, the streak and the
//! statistics report; undoing the last review answer; recording an exam plan in one
//! transaction with the reviews it moves; the orphan-prune policy; the retention suggestion.
//! A front end parses its input, reads the clock and environment, calls these, and renders what
//! they return (the words come from the message catalogue, never from here).

mod collection;
mod orphans;
mod overview;
mod plan;
mod plan_status;
mod retention;
pub mod teacher;
mod undo;

pub use collection::{day_clock, resync_decks, scheduler, Access, Collection, NameCheck, Names, Paths, Warning};
pub use orphans::{find_orphans, prunable, prune, Orphan};
pub use overview::{due_today, stats_report, streak_days, DeckDue, Due, DueCounts};
pub use plan::{record_plan, PlanRecorded};
pub use plan_status::{plan_statuses, Ahead, Figures, PlanStatus};
pub use retention::{suggest_retention, RetentionRow, RetentionSuggestion};
pub use undo::{undo_last_review, UndoOutcome};
