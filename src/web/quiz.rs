//! Mock exams and cram on the desk, over the engine's state machines
//! (`session::exam_session::ExamSession`, `session::cram::CramSession`). As for the review, this
//! file only turns web actions into engine steps and checks that an action names the question or
//! card on screen as it is now, so a reload, a double click or a second tab never acts twice.

use chrono::{DateTime, Utc};

use super::desk::{check_newest, Answered, Desk, Notice, Refusal};
use crate::cli::scope::Scope;
use crate::deck::Card;
use crate::scheduler::Rating;
use crate::session::cram::CramSession;
use crate::session::exam::{self, build_paper};
use crate::session::exam_session::{ExamCard, ExamOptions, ExamReport, ExamSession, Submitted};
use crate::session::judge::Judged;
use crate::store::LogStorage;
use crate::Error;

/// The exam in progress, or the last one with its report.
pub struct WebExam {
    pub session: ExamSession,
    /// When the question on screen was shown.
    pub shown_at: DateTime<Utc>,
    /// The verdict of the question answered last (said above the next one).
    pub last: Option<LastAnswer>,
    /// The report, once the exam is over (the paper is saved then).
    pub report: Option<ExamReport>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct LastAnswer {
    /// 1-based question number.
    pub number: usize,
    pub key: String,
    /// right, almost or wrong.
    pub verdict: &'static str,
}

/// A new exam as asked: how many questions, the time limit, the paper's seed and the scope.
pub struct ExamStart {
    pub count: usize,
    pub time_limit_secs: Option<i64>,
    pub seed: Option<u64>,
    pub scope: Scope,
    pub feed_review: bool,
}

/// The cram in progress: the engine, the card on screen, and its answer side once responded.
pub struct WebCram {
    pub session: CramSession,
    pub showing: Option<CramShowing>,
    /// The answers undo can take back, newest last (as the engine's stack).
    pub answers: Vec<Answered>,
}

pub struct CramShowing {
    pub index: usize,
    pub shown_at: DateTime<Utc>,
    /// The response and its judgement once sent (None inside: self-graded).
    pub reveal: Option<(String, Option<Judged>)>,
}

/// A new cram as asked: the scope, only cards missed in the last N days, at most N answers.
pub struct CramStart {
    pub scope: Scope,
    pub missed_days: Option<u32>,
    pub limit: Option<u32>,
}

impl Desk {
    /// The cards of the scope, after checking that every deck and tag named exists (deck files
    /// re-read first, as a review's start does).
    fn scope_cards(&mut self, scope: &Scope) -> Result<Vec<ExamCard>, Refusal> {
        self.refresh()?;
        let store = &self.store;
        let named = scope.check_names(&|| store.file_deck_ids(self.learner), &|| store.tags(self.learner, &|_| true));
        named.map_err(|e| match e {
            e @ (Error::UnknownDeck { .. } | Error::UnknownTag { .. }) => Refusal::Invalid(e.to_string()),
            e => Refusal::Failed(e),
        })?;
        let filter = scope.filter();
        Ok(ExamCard::in_scope(&self.store, self.learner, &|deck, tags| filter.covers(deck, tags))?)
    }

    /// Starts an exam. Refused while another is in progress (it is finished or quit first), so a
    /// start sent twice never throws away the paper just begun.
    pub fn start_exam(&mut self, start: ExamStart) -> Result<(), Refusal> {
        self.exam_tick()?;
        if self.exam.as_ref().is_some_and(|e| e.report.is_none()) {
            return Err(Refusal::Invalid(crate::tr!("web-exam-running")));
        }
        let cards = self.scope_cards(&start.scope)?;
        let now = self.now();
        let seed = start.seed.unwrap_or_else(|| exam::seed_from(now));
        let pool: Vec<&Card> = cards.iter().map(|c| &c.card).collect();
        let paper = build_paper(&pool, start.count, seed);
        if paper.is_empty() {
            return Err(Refusal::Invalid(crate::tr!("web-exam-nothing")));
        }
        let options = ExamOptions {
            seed,
            time_limit_secs: start.time_limit_secs,
            feed_review: start.feed_review,
            scope: start.scope.describe(),
        };
        let session = ExamSession::new(self.learner, cards, paper, options, now);
        self.exam = Some(WebExam { session, shown_at: now, last: None, report: None });
        Ok(())
    }

    /// Ends the exam when every question is answered or its time ran out (the paper is saved
    /// then, once). Runs before every exam page and action.
    pub fn exam_tick(&mut self) -> crate::Result<()> {
        let now = self.now();
        let Some(exam) = self.exam.as_mut() else { return Ok(()) };
        if exam.report.is_none() && (exam.session.time_up(now) || exam.session.current().is_none()) {
            exam.report = Some(exam.session.finish(&mut self.store, &self.days, now)?);
        }
        Ok(())
    }

    /// Judges and saves `response` to question `number` (1-based) of card `key`, if that is the
    /// question on screen; moves on to the next.
    pub fn exam_respond(&mut self, key: &str, number: i64, response: &str) -> Result<Option<Notice>, Refusal> {
        self.exam_tick()?;
        let now = self.now();
        let stale = || Refusal::Stale { key: key.to_string() };
        let exam = self.exam.as_mut().ok_or_else(stale)?;
        match exam.session.current() {
            Some((index, card)) if card.key == key && index as i64 + 1 == number => {}
            _ => return Err(stale()),
        }
        let judged = exam.session.judge(response).map_err(Refusal::Invalid)?;
        let verdict = judged.verdict.as_str();
        match exam.session.submit(&mut self.store, &self.days, judged, now, exam.shown_at)? {
            Submitted::Judged(_) => {
                exam.last = Some(LastAnswer { number: number as usize, key: key.to_string(), verdict });
                exam.shown_at = now;
            }
            Submitted::TimeUp => {}
        }
        self.exam_tick()?;
        Ok(None)
    }

    /// Ends the exam in progress now: the questions left count wrong, the paper is saved.
    pub fn exam_quit(&mut self) -> Result<Option<Notice>, Refusal> {
        if let Some(exam) = self.exam.as_mut().filter(|e| e.report.is_none()) {
            exam.session.quit();
        }
        self.exam_tick()?;
        Ok(None)
    }

    /// Starts a cram over the scope (replacing one in progress: its answers are saved already).
    pub fn start_cram(&mut self, start: CramStart) -> Result<(), Refusal> {
        let mut cards = self.scope_cards(&start.scope)?;
        if let Some(days) = start.missed_days {
            let since = chrono::TimeDelta::try_days(i64::from(days))
                .and_then(|d| self.now().checked_sub_signed(d))
                .map_or(i64::MIN, |t| t.timestamp_millis());
            let missed = LogStorage::missed_since(&self.store, self.learner, since)?;
            cards.retain(|c| missed.contains(&c.card.key));
        }
        if cards.is_empty() {
            return Err(Refusal::Invalid(crate::tr!("web-cram-nothing")));
        }
        let session = CramSession::new(self.learner, cards, start.limit);
        self.cram = Some(WebCram { session, showing: None, answers: Vec::new() });
        Ok(())
    }

    /// The cram in progress with its next card on screen, if one is left.
    pub fn cram(&mut self) -> Option<&mut WebCram> {
        let now = self.now();
        let cram = self.cram.as_mut()?;
        if cram.showing.is_none() {
            if let Some(index) = cram.session.next_card() {
                cram.showing = Some(CramShowing { index, shown_at: now, reveal: None });
            }
        }
        Some(cram)
    }

    /// Whether `key` and `version` (the answers saved when it was shown) name the cram card on
    /// screen.
    fn cram_check(&mut self, key: &str, version: i64) -> Result<(), Refusal> {
        let stale = || Refusal::Stale { key: key.to_string() };
        let cram = self.cram().ok_or_else(stale)?;
        match &cram.showing {
            Some(s) if cram.session.card(s.index).key == key && i64::from(cram.session.saved()) == version => Ok(()),
            _ => Err(stale()),
        }
    }

    /// Judges `response` for the cram card on screen and shows its answer side (once: sent
    /// again, it is stale, as in the review).
    pub fn cram_respond(&mut self, key: &str, version: i64, response: &str) -> Result<Option<Notice>, Refusal> {
        self.cram_check(key, version)?;
        let cram = self.cram.as_mut().expect("checked");
        let showing = cram.showing.as_mut().expect("checked");
        if showing.reveal.is_some() {
            return Err(Refusal::Stale { key: key.to_string() });
        }
        let judged = cram.session.judge(showing.index, response).map_err(Refusal::Invalid)?;
        showing.reveal = Some((response.to_string(), judged));
        Ok(None)
    }

    /// Logs `rating` for the cram card on screen (its schedule is untouched; again brings it
    /// back at the end).
    pub fn cram_grade(&mut self, key: &str, version: i64, rating: Rating) -> Result<Option<Notice>, Refusal> {
        self.cram_check(key, version)?;
        let now = self.now();
        let cram = self.cram.as_mut().expect("checked");
        let shown_at = cram.showing.take().map_or(now, |s| s.shown_at);
        cram.session.grade(&mut self.store, &self.days, rating, now, shown_at)?;
        let answered = self.number_answer(key);
        self.cram.as_mut().expect("checked").answers.push(answered);
        Ok(Some(Notice::CramSaved { key: key.to_string(), rating: rating.as_u8() }))
    }

    /// Takes back the newest cram answer, if the request `named` it (the view's `undo`: key and
    /// version); its card is shown again.
    pub fn cram_undo(&mut self, named: Result<(&str, i64), Refusal>) -> Result<Option<Notice>, Refusal> {
        let cram = self.cram.as_mut().ok_or(Refusal::NothingToUndo)?;
        check_newest(&cram.answers, named)?;
        let undone = cram.session.undo(&mut self.store);
        // The engine took the answer off its stack, whether or not the database then failed.
        cram.answers.pop();
        let Some(undone) = undone? else {
            cram.answers.clear();
            return Err(Refusal::NothingToUndo);
        };
        cram.showing = None;
        Ok(Some(Notice::Undone { key: cram.session.card(undone).key.clone() }))
    }
}
