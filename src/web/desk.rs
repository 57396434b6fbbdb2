//! The server's state, owned by the worker thread: the store, the settings, and the review in
//! progress over the review engine (`session::review::ReviewSession`). This file only turns web
//! actions into engine steps: which card is shown, and whether an action names that card as
//! it is now (key and version), so a reload, a double click or a second tab never acts twice.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::scheduler::{DayClock, Rating, Scheduler};
use crate::session::judge::Judged;
use crate::session::review::{Hide, ReviewOptions, ReviewSession};
use crate::session::Filter;
use crate::settings::Settings;
use crate::store::{LearnerId, Store};
use crate::{Error, Result};

/// The server's clock: `--now` plus the time since start, or the system clock.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Brings a learner's cards in the store in line with the deck files (under the session lock
/// the server holds).
pub type Resync = Box<dyn FnMut(&mut Store, LearnerId, DateTime<Utc>) -> Result<()> + Send>;

/// What the server was started with.
pub struct DeskParts {
    pub store: Store,
    /// The session lock, held until the server stops.
    pub lock: Option<crate::store::SessionLock>,
    pub tz: Tz,
    pub clock: Clock,
    pub resync: Resync,
    /// The deck files (what the decks page lints).
    pub decks: crate::deck::DeckSource,
}

/// The store and the deck files are shared; the rest is the state of the learner whose request
/// is being served (`learner`). In a class, the other learners' states wait in `seats` and
/// [`Desk::switch_to`] swaps them in: one thread serves every learner, in order.
pub struct Desk {
    pub store: Store,
    /// Whose request this is: `LearnerId::PERSONAL` on a personal server.
    pub learner: LearnerId,
    seats: std::collections::HashMap<LearnerId, Seat>,
    pub settings: Settings,
    pub scheduler: Arc<Scheduler>,
    pub days: DayClock,
    pub tz: Tz,
    clock: Clock,
    resync: Resync,
    pub decks: crate::deck::DeckSource,
    pub review: Option<WebReview>,
    pub exam: Option<super::quiz::WebExam>,
    pub cram: Option<super::quiz::WebCram>,
    /// Why the deck files could not be read when a session last started (None when they were).
    pub deck_problem: Option<String>,
    /// What the page being built says once (taken from `notices` by the number in its address).
    pub notice: Option<Notice>,
    /// Notices of forms sent, waiting for the page their redirect names.
    pub notices: Notices,
    /// The number given to the last answer saved (review or cram); never reused while the
    /// server runs, so an undo sent for an answer already undone cannot name a newer one.
    answers_numbered: i64,
    _lock: Option<crate::store::SessionLock>,
}

/// One learner's state while another learner's requests are served.
struct Seat {
    settings: Settings,
    scheduler: Arc<Scheduler>,
    days: DayClock,
    review: Option<WebReview>,
    exam: Option<super::quiz::WebExam>,
    cram: Option<super::quiz::WebCram>,
    notice: Option<Notice>,
}

/// The review in progress and the card on screen.
pub struct WebReview {
    pub session: ReviewSession,
    pub showing: Option<Showing>,
    /// The answers of this session undo can take back, newest last (as the engine's stack).
    pub answers: Vec<Answered>,
}

/// An answer saved in this session, as undo names it: the card's key and the answer's number.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answered {
    pub key: String,
    pub version: i64,
}

/// Whether the answer an undo `named` (key and version; a field missing is refused) is the
/// newest of `answers`: an undo sent twice (two tabs, a resent request) takes back one answer,
/// not two. With nothing to undo, that is said whatever was named.
pub fn check_newest(answers: &[Answered], named: Result<(&str, i64), Refusal>) -> Result<(), Refusal> {
    let newest = answers.last().ok_or(Refusal::NothingToUndo)?;
    let (key, version) = named?;
    if newest.key == key && newest.version == version {
        Ok(())
    } else {
        Err(Refusal::Stale { key: key.to_string() })
    }
}

/// The card on screen: since when, and its answer side once a response was sent.
pub struct Showing {
    pub index: usize,
    pub shown_at: DateTime<Utc>,
    pub reveal: Option<Reveal>,
}

pub struct Reveal {
    pub response: String,
    /// None for a self-graded card.
    pub judged: Option<Judged>,
}

/// Said once on the next page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    Saved {
        key: String,
        rating: u8,
        due: String,
        leech: bool,
    },
    Undone {
        key: String,
    },
    Suspended {
        key: String,
    },
    Buried {
        key: String,
    },
    /// The action named a card that is no longer on screen as it was; nothing was saved.
    Stale {
        key: String,
    },
    /// A response that is not well formed for the card's kind; nothing changed.
    Invalid {
        message: String,
    },
    NothingToUndo,
    Unsuspended {
        key: String,
    },
    SettingsSaved,
    /// An exam plan recorded (`updated`: the same exam was planned already); `moved` reviews
    /// were placed before it.
    PlanRecorded {
        id: i64,
        moved: usize,
        updated: bool,
    },
    PlanRemoved {
        id: i64,
    },
    /// A cram answer logged (no schedule changed).
    CramSaved {
        key: String,
        rating: u8,
    },
}

/// Notices of forms sent, each waiting for the one page load its redirect names
/// (`/review?notice=N`): said in the tab that sent the form, once, and never in another tab.
/// Bounded: past [`Notices::KEPT`] the oldest (a redirect never followed) is dropped.
#[derive(Default)]
pub struct Notices {
    last: u64,
    waiting: std::collections::VecDeque<(u64, Notice)>,
}

impl Notices {
    pub const KEPT: usize = 32;

    /// Keeps `notice`; returns its number.
    pub fn put(&mut self, notice: Notice) -> u64 {
        self.last += 1;
        if self.waiting.len() == Self::KEPT {
            self.waiting.pop_front();
        }
        self.waiting.push_back((self.last, notice));
        self.last
    }

    /// The notice numbered `id`, once.
    pub fn take(&mut self, id: u64) -> Option<Notice> {
        let at = self.waiting.iter().position(|(n, _)| *n == id)?;
        self.waiting.remove(at).map(|(_, notice)| notice)
    }
}

/// Why an action was refused. Nothing was saved.
#[derive(Debug)]
pub enum Refusal {
    /// The key and version sent are not the card on screen (already answered elsewhere, a
    /// reload, a double click): HTTP 409.
    Stale { key: String },
    /// A response that is not well formed for the card (option 9): HTTP 422.
    Invalid(String),
    /// A field is missing or not a value of its kind: HTTP 400.
    BadRequest(String),
    /// Undo with nothing saved in this session: HTTP 409.
    NothingToUndo,
    /// The database failed: HTTP 500.
    Failed(Error),
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Refusal {
        match e {
            Error::Stale { key } => Refusal::Stale { key },
            e => Refusal::Failed(e),
        }
    }
}

impl Desk {
    pub fn new(parts: DeskParts) -> Result<Desk> {
        let settings = parts.store.typed_settings(LearnerId::PERSONAL)?;
        let scheduler =
            Arc::new(Scheduler::new(settings.clone(), parts.store.parameters(LearnerId::PERSONAL)?.as_deref())?);
        Ok(Desk {
            days: DayClock::new(parts.tz, settings.rollover_hour),
            store: parts.store,
            learner: LearnerId::PERSONAL,
            seats: std::collections::HashMap::new(),
            settings,
            scheduler,
            tz: parts.tz,
            clock: parts.clock,
            resync: parts.resync,
            decks: parts.decks,
            review: None,
            exam: None,
            cram: None,
            notice: None,
            notices: Notices::default(),
            answers_numbered: 0,
            deck_problem: None,
            _lock: parts.lock,
        })
    }

    /// Makes `learner`'s state the desk's, keeping the current learner's for their next
    /// request. A learner seen for the first time gets their cards synced from the deck files
    /// and their settings and FSRS parameters read.
    pub fn switch_to(&mut self, learner: LearnerId) -> Result<()> {
        if learner == self.learner {
            return Ok(());
        }
        // Read first: a failure leaves the desk as it was.
        let arriving = match self.seats.remove(&learner) {
            Some(seat) => seat,
            None => {
                let (settings, scheduler, days) = self.read_learner(learner)?;
                Seat { settings, scheduler, days, review: None, exam: None, cram: None, notice: None }
            }
        };
        let leaving = Seat {
            settings: std::mem::replace(&mut self.settings, arriving.settings),
            scheduler: std::mem::replace(&mut self.scheduler, arriving.scheduler),
            days: std::mem::replace(&mut self.days, arriving.days),
            review: std::mem::replace(&mut self.review, arriving.review),
            exam: std::mem::replace(&mut self.exam, arriving.exam),
            cram: std::mem::replace(&mut self.cram, arriving.cram),
            notice: std::mem::replace(&mut self.notice, arriving.notice),
        };
        self.seats.insert(self.learner, leaving);
        self.learner = learner;
        crate::deck::reading::set_shown(self.settings.show_readings);
        Ok(())
    }

    /// Forgets a learner's state (signed out, removed): their next request starts afresh.
    pub fn forget(&mut self, learner: LearnerId) {
        self.seats.remove(&learner);
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Names an answer just saved for card `key`.
    pub fn number_answer(&mut self, key: &str) -> Answered {
        self.answers_numbered += 1;
        Answered { key: key.to_string(), version: self.answers_numbered }
    }

    /// The `language` setting, read at each request (`kioku config set language` may change
    /// it while the server runs); None when `auto`, unset or unreadable.
    pub fn language(&self) -> Option<crate::i18n::Lang> {
        let stored = self.store.settings(self.learner).ok()?;
        crate::settings::parse_language(stored.get("language")?).ok().flatten()
    }

    /// Starts a new review session: deck files re-read if they changed, settings and FSRS
    /// parameters read again (the settings page may have changed them), today's queue built.
    /// With a deck file broken, the review in progress (and its undo) is kept.
    pub fn start_review(&mut self) -> Result<()> {
        self.refresh()?;
        if self.deck_problem.is_some() && self.review.is_some() {
            return Ok(());
        }
        self.review = None;
        let now = self.now();
        let session = ReviewSession::new(
            &self.store,
            self.learner,
            self.scheduler.clone(),
            self.days,
            Filter::default(),
            ReviewOptions::default(),
            now,
        )?;
        self.review = Some(WebReview { session, showing: None, answers: Vec::new() });
        Ok(())
    }

    /// Deck files re-read if they changed, settings and FSRS parameters read again (the
    /// settings page may have changed them): what every session's start does.
    /// A deck file that cannot be read changes nothing: the cards are asked as they were, and
    /// every page says what to fix (`deck_problem`).
    pub fn refresh(&mut self) -> Result<()> {
        let (settings, scheduler, days) = self.read_learner(self.learner)?;
        self.settings = settings;
        self.scheduler = scheduler;
        self.days = days;
        Ok(())
    }

    /// `learner`'s cards synced with the deck files (a broken file noted in `deck_problem`),
    /// then their settings, scheduler and study-day clock.
    fn read_learner(&mut self, learner: LearnerId) -> Result<(Settings, Arc<Scheduler>, DayClock)> {
        let now = self.now();
        match (self.resync)(&mut self.store, learner, now) {
            Ok(()) => self.deck_problem = None,
            Err(e @ Error::Database { .. }) => return Err(e),
            Err(e) => self.deck_problem = Some(e.to_string()),
        }
        let settings = self.store.typed_settings(learner)?;
        crate::deck::reading::set_shown(settings.show_readings);
        let scheduler = Arc::new(Scheduler::new(settings.clone(), self.store.parameters(learner)?.as_deref())?);
        let days = DayClock::new(self.tz, settings.rollover_hour);
        Ok((settings, scheduler, days))
    }

    /// The review in progress with a card on screen when one is left (started if there is none).
    pub fn review(&mut self) -> Result<&mut WebReview> {
        if self.review.is_none() {
            self.start_review()?;
        }
        let now = self.now();
        let review = self.review.as_mut().expect("started above");
        if review.showing.is_none() {
            if let Some(index) = review.session.next(now) {
                review.showing = Some(Showing { index, shown_at: now, reveal: None });
                review.session.idle(&mut self.store)?;
            }
        }
        Ok(self.review.as_mut().expect("started above"))
    }

    /// The card on screen, if `key` and `version` name it as it is now.
    fn check_current(&mut self, key: &str, version: i64) -> Result<usize, Refusal> {
        let review = self.review()?;
        match &review.showing {
            Some(s) if review.session.card(s.index).key == key && review.session.version(s.index) == version => {
                Ok(s.index)
            }
            _ => Err(Refusal::Stale { key: key.to_string() }),
        }
    }

    /// Judges `response` for the card on screen and shows its answer side. A self-graded card
    /// takes any response (shown beside the answer, not judged). Once the answer side is shown
    /// only a grade is taken, as in the terminal: a response sent again (a second tab, a double
    /// click) is stale and the verdict stays.
    pub fn respond(&mut self, key: &str, version: i64, response: &str) -> Result<(), Refusal> {
        let index = self.check_current(key, version)?;
        let review = self.review.as_mut().expect("checked");
        if review.showing.as_ref().is_some_and(|s| s.reveal.is_some()) {
            return Err(Refusal::Stale { key: key.to_string() });
        }
        let judged = review.session.judge(index, response).map_err(Refusal::Invalid)?;
        if let Some(showing) = review.showing.as_mut() {
            showing.reveal = Some(Reveal { response: response.to_string(), judged });
        }
        Ok(())
    }

    /// Saves `rating` for the card on screen (one transaction; durable when this returns).
    pub fn grade(&mut self, key: &str, version: i64, rating: Rating) -> Result<Notice, Refusal> {
        let index = self.check_current(key, version)?;
        let now = self.now();
        let review = self.review.as_mut().expect("checked");
        let shown_at = review.showing.as_ref().map_or(now, |s| s.shown_at);
        let outcome = match review.session.answer(&mut self.store, index, rating, now, shown_at) {
            Ok(outcome) => outcome,
            Err(e) => return Err(self.engine_failed(e)),
        };
        review.showing = None;
        let answered = self.number_answer(key);
        self.review.as_mut().expect("checked").answers.push(answered);
        Ok(Notice::Saved {
            key: key.to_string(),
            rating: rating.as_u8(),
            due: crate::session::piped::rfc3339_utc(outcome.card.due_at_ms),
            leech: outcome.became_leech,
        })
    }

    /// Suspends or buries the card on screen.
    pub fn hide(&mut self, key: &str, version: i64, how: Hide) -> Result<Notice, Refusal> {
        let index = self.check_current(key, version)?;
        let now = self.now();
        let review = self.review.as_mut().expect("checked");
        if let Err(e) = review.session.hide(&mut self.store, index, how, now) {
            return Err(self.engine_failed(e));
        }
        review.showing = None;
        let key = key.to_string();
        Ok(match how {
            Hide::Suspend => Notice::Suspended { key },
            Hide::Bury => Notice::Buried { key },
        })
    }

    /// Undoes the newest answer saved in this session, if the request `named` it (the view's
    /// `undo`: key and version); its card is shown next.
    pub fn undo(&mut self, named: Result<(&str, i64), Refusal>) -> Result<Notice, Refusal> {
        self.review()?;
        let review = self.review.as_mut().expect("started");
        check_newest(&review.answers, named)?;
        let undone = review.session.undo(&mut self.store);
        // The engine took the answer off its stack, whether or not the database then failed.
        review.answers.pop();
        let undone = match undone {
            Ok(Some(index)) => index,
            Ok(None) => {
                review.answers.clear();
                return Err(Refusal::NothingToUndo);
            }
            Err(e) => return Err(self.engine_failed(e)),
        };
        let review = self.review.as_mut().expect("present");
        let key = review.session.card(undone).key.clone();
        // The card on screen goes back to the queue; the undone one is asked next.
        review.showing = None;
        Ok(Notice::Undone { key })
    }

    /// A step the engine refused: when the database says the card changed elsewhere, the
    /// session is rebuilt from storage on the next request, so it shows the card as it is.
    fn engine_failed(&mut self, e: Error) -> Refusal {
        if matches!(e, Error::Stale { .. }) {
            self.review = None;
        }
        Refusal::from(e)
    }
}
