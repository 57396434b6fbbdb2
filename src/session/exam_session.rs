//! A mock exam as a state machine with no I/O: the current question, a response judged and
//! saved (an `exam` row, before its verdict is shown), the time limit, and the report at the
//! end as data. The piped protocol (`exam_piped`) and the terminal screen (`ui::quiz`) drive it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::exam::Question;
use super::judge::{self, Judged, Shown};
use crate::answer::Verdict;
use crate::deck::reading::shown;
use crate::deck::Card;
use crate::scheduler::{CardSchedule, DayClock, State};
use crate::store::{ExamRecord, LearnerId, ReviewKind, ReviewRow, ReviewRowTime, Storage};
use crate::Result;

/// What the exam command passes in.
pub struct ExamOptions {
    pub seed: u64,
    pub time_limit_secs: Option<i64>,
    pub feed_review: bool,
    /// The decks and tags asked, as given (saved with the result).
    pub scope: String,
}

/// A card the exam may ask, with its row id and schedule.
pub struct ExamCard {
    pub card: Card,
    pub id: i64,
    pub schedule: CardSchedule,
}

impl ExamCard {
    /// The cards of `learner` that `keep` accepts (by deck and tags), in deck order: what an
    /// exam or a cram may ask.
    pub fn in_scope(
        store: &dyn Storage,
        learner: LearnerId,
        keep: &dyn Fn(&str, &[String]) -> bool,
    ) -> Result<Vec<ExamCard>> {
        let mut cards = Vec::new();
        store.cards_in_scope(learner, keep, &mut |id, card, schedule| cards.push(ExamCard { card, id, schedule }))?;
        Ok(cards)
    }
}

/// What became of a submitted response.
pub enum Submitted {
    /// Judged and saved.
    Judged(Judged),
    /// The time limit had run out: not counted, and the exam is over.
    TimeUp,
}

/// A question the learner missed, for the report.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Miss {
    /// 1-based question number.
    pub number: usize,
    pub prompt: String,
    /// The right answer, as data (a statement's truth value, or text); the drivers word it.
    pub answer: Shown,
    pub explanation: Option<String>,
}

/// The end of an exam, as data the drivers render (the web's JSON API gives it as is).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ExamReport {
    /// Right answers only (almost counts as wrong; an order question is right only wholly in order).
    pub score: u32,
    pub questions: u32,
    pub duration_secs: i64,
    pub timed_out: bool,
    /// (deck, right, asked), by deck id.
    pub by_deck: Vec<(String, u32, u32)>,
    /// (tag, right, asked), by tag.
    pub by_tag: Vec<(String, u32, u32)>,
    pub misses: Vec<Miss>,
    /// With `--feed-review`: missed review cards made due today.
    pub fed_to_review: Option<u32>,
}

/// The result of one question, as saved with the paper.
#[derive(Clone, Debug, serde::Serialize)]
struct Answered {
    card: String,
    form: &'static str,
    verdict: &'static str,
}

pub struct ExamSession {
    learner: LearnerId,
    cards: Vec<ExamCard>,
    paper: Vec<Question>,
    options: ExamOptions,
    started: DateTime<Utc>,
    /// (question number, verdict) of the questions answered.
    results: Vec<(usize, Verdict)>,
    /// The question asked now; `paper.len()` once every question is answered.
    current: usize,
    over: bool,
    timed_out: bool,
}

impl ExamSession {
    /// An exam of `learner` on `paper` (drawn from `cards`) starting at `now`.
    pub fn new(
        learner: LearnerId,
        cards: Vec<ExamCard>,
        paper: Vec<Question>,
        options: ExamOptions,
        now: DateTime<Utc>,
    ) -> ExamSession {
        ExamSession {
            learner,
            cards,
            paper,
            options,
            started: now,
            results: Vec::new(),
            current: 0,
            over: false,
            timed_out: false,
        }
    }

    pub fn seed(&self) -> u64 {
        self.options.seed
    }

    pub fn len(&self) -> usize {
        self.paper.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paper.is_empty()
    }

    pub fn time_limit_secs(&self) -> Option<i64> {
        self.options.time_limit_secs
    }

    /// The question to answer now (its 0-based number and the card as asked), or None when the
    /// exam is over (every question answered, `quit`, or the time ran out at a submission).
    pub fn current(&self) -> Option<(usize, &Card)> {
        (!self.over && self.current < self.paper.len()).then(|| (self.current, &self.paper[self.current].asked))
    }

    /// Seconds left at `now` (never below 0), when there is a time limit.
    pub fn time_left_secs(&self, now: DateTime<Utc>) -> Option<i64> {
        self.options.time_limit_secs.map(|limit| (limit - (now - self.started).num_seconds()).max(0))
    }

    /// The display order of the current question's options or items.
    pub fn display_order(&self) -> Vec<usize> {
        let q = &self.paper[self.current.min(self.paper.len().saturating_sub(1))];
        judge::display_order(&q.asked, q.salt)
    }

    /// Judges a response to the current question without saving it. Returns an error message
    /// for a line that is not a well-formed answer of the question's kind.
    pub fn judge(&self, line: &str) -> std::result::Result<Judged, String> {
        let Some(q) = self.paper.get(self.current) else {
            return Err(crate::tr!("exam-over"));
        };
        match judge::judge(&q.asked, q.salt, line)? {
            Some(j) => Ok(j),
            // Papers never hold self-graded questions; say so rather than panic.
            None => Err(crate::tr!("exam-cannot-judge")),
        }
    }

    /// Saves the judged response to the current question (shown at `shown_at`) as an `exam` row
    /// and moves on; the schedule is not changed. A response that arrives after the time limit
    /// is not counted and ends the exam.
    pub fn submit(
        &mut self,
        store: &mut dyn Storage,
        days: &DayClock,
        judged: Judged,
        now: DateTime<Utc>,
        shown_at: DateTime<Utc>,
    ) -> Result<Submitted> {
        if self.time_up(now) {
            return Ok(Submitted::TimeUp);
        }
        let q = &self.paper[self.current];
        let source = &self.cards[q.source];
        let rating = judged.verdict.suggest();
        let at = ReviewRowTime::new(now, days);
        let row = ReviewRow::log_only(
            &source.card.key,
            &source.schedule,
            ReviewKind::Exam,
            rating.as_u8(),
            at,
            (now - shown_at).num_milliseconds(),
        );
        let row = ReviewRow { chosen_option: judged.chosen.clone(), ..row };
        store.record_log_only(self.learner, source.id, &source.schedule, &row)?;
        self.results.push((self.current, judged.verdict));
        self.current += 1;
        Ok(Submitted::Judged(judged))
    }

    /// Whether the time limit has run out at `now`; if so the exam is over (the rest count as
    /// wrong, and nothing more is taken).
    pub fn time_up(&mut self, now: DateTime<Utc>) -> bool {
        if self.time_left_secs(now) == Some(0) {
            self.timed_out = true;
            self.over = true;
        }
        self.timed_out
    }

    /// Ends the exam now; unanswered questions count as wrong.
    pub fn quit(&mut self) {
        self.over = true;
    }

    /// Ends the exam at `now` (if it was not over) and saves the paper with its score; with
    /// `--feed-review`, missed review cards become due today. Returns the report.
    pub fn finish(&mut self, store: &mut dyn Storage, days: &DayClock, now: DateTime<Utc>) -> Result<ExamReport> {
        self.over = true;
        let verdict_of = |n: usize| self.results.iter().find(|(k, _)| *k == n).map_or(Verdict::Wrong, |(_, v)| *v);
        let score = self.results.iter().filter(|(_, v)| *v == Verdict::Right).count() as u32;
        let questions = self.paper.len() as u32;
        let mut by_deck: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        let mut by_tag: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        let mut misses = Vec::new();
        for (n, q) in self.paper.iter().enumerate() {
            let right = u32::from(verdict_of(n) == Verdict::Right);
            let count = |map: &mut BTreeMap<String, (u32, u32)>, name: &str| {
                let e = map.entry(name.to_string()).or_default();
                *e = (e.0 + right, e.1 + 1);
            };
            count(&mut by_deck, &q.asked.deck);
            for tag in &q.asked.tags {
                count(&mut by_tag, tag);
            }
            if right == 0 {
                let source = &self.cards[q.source].card;
                misses.push(Miss {
                    number: n + 1,
                    prompt: shown(&source.prompt).replace('\n', " "),
                    answer: Shown::expected(source, &source.short_answer),
                    explanation: source.explanation.as_deref().map(|e| shown(e).into_owned()),
                });
            }
        }
        let answered: Vec<Answered> = self
            .paper
            .iter()
            .enumerate()
            .map(|(n, q)| Answered {
                card: q.asked.key.clone(),
                form: q.asked.kind.as_str(),
                verdict: verdict_of(n).as_str(),
            })
            .collect();
        store.save_exam(
            self.learner,
            &ExamRecord {
                taken_at_ms: self.started.timestamp_millis(),
                utc_offset_secs: days.utc_offset_secs(self.started),
                seed: self.options.seed,
                scope: self.options.scope.clone(),
                questions,
                score,
                duration_ms: (now - self.started).num_milliseconds(),
                results: serde_json::to_string(&answered).unwrap_or_default(),
            },
        )?;
        let fed_to_review =
            if self.options.feed_review { Some(self.feed_review(store, days, &verdict_of, now)?) } else { None };
        let flatten = |map: BTreeMap<String, (u32, u32)>| map.into_iter().map(|(k, (r, n))| (k, r, n)).collect();
        Ok(ExamReport {
            score,
            questions,
            duration_secs: (now - self.started).num_seconds(),
            timed_out: self.timed_out,
            by_deck: flatten(by_deck),
            by_tag: flatten(by_tag),
            misses,
            fed_to_review,
        })
    }

    /// `--feed-review`: review cards missed in the exam become due today. Returns how many.
    fn feed_review(
        &self,
        store: &mut dyn Storage,
        days: &DayClock,
        verdict_of: &dyn Fn(usize) -> Verdict,
        now: DateTime<Utc>,
    ) -> Result<u32> {
        let today = days.study_day(now);
        let mut fed = 0;
        for (n, q) in self.paper.iter().enumerate() {
            let c = &self.cards[q.source];
            let s = &c.schedule;
            if verdict_of(n) == Verdict::Right || s.state != State::Review || s.due_day.is_none_or(|d| d <= today) {
                continue;
            }
            let after = CardSchedule {
                due_day: Some(today),
                due_at_ms: Some(days.day_start(today).timestamp_millis()),
                ..s.clone()
            };
            store.record_manual(
                self.learner,
                c.id,
                &c.card.key,
                s,
                &after,
                ReviewRowTime::new(now, days),
                "feed-review",
            )?;
            fed += 1;
        }
        Ok(fed)
    }
}
