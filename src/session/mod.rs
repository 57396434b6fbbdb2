//! Review flows as state machines over line I/O (`BufRead` in, `Write` out), so they run the
//! same under a pipe, a terminal or a test. The clock is passed in as a function: nothing here
//! reads the system time.

pub mod cram;
pub mod cram_piped;
pub mod exam;
pub mod exam_piped;
pub mod exam_session;
pub mod idle;
pub mod input;
pub mod judge;
pub mod life;
pub mod piped;
pub mod review;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::deck::Card;
use crate::scheduler::backlog::Backlog;
use crate::scheduler::breaks::{self, Break};
use crate::scheduler::plan::{exam_new_cards_per_day, ExamTarget};
use crate::scheduler::queue::{new_card_rank, Limits, Queue, QueueItem};
use crate::scheduler::{CardSchedule, DayClock, NextOutcomes, Outcome, Placement, Rating, Scheduler, State, StudyDay};
use crate::settings::{NewCardOrder, Settings};
use crate::store::{CardList, LearnerId, Plan, ReviewKind, ReviewRow, Storage, StoredCard};
use crate::Result;

/// The note key (`deck/note-id`) of a card key (`deck/note-id[:variant]`).
pub fn note_key(card_key: &str) -> &str {
    card_key.split(':').next().unwrap_or(card_key)
}

/// A saved answer.
pub struct Answered {
    pub review_id: i64,
    pub outcome: Outcome,
}

/// Which cards a session covers: cards of these decks (empty: every deck) that have any of these
/// tags (empty: any card).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub decks: Vec<String>,
    pub tags: Vec<String>,
}

impl Filter {
    /// Whether a card of deck `deck` with `tags` is covered.
    pub fn covers(&self, deck: &str, tags: &[String]) -> bool {
        scope_covers(&self.decks, &self.tags, deck, tags)
    }

    /// "all decks", or the decks and tags named (saved with exam results, shown with plans).
    pub fn describe(&self) -> String {
        describe_scope(&self.decks, &self.tags)
    }
}

/// The one rule of a scope (a session's filter, an exam plan, the command line's decks and
/// `--tag`s): a card of deck `deck` with `tags` is in it when `decks` is empty or names its
/// deck, and `scope_tags` is empty or holds one of its tags.
pub fn scope_covers(decks: &[String], scope_tags: &[String], deck: &str, tags: &[String]) -> bool {
    (decks.is_empty() || decks.iter().any(|d| d == deck))
        && (scope_tags.is_empty() || tags.iter().any(|t| scope_tags.contains(t)))
}

/// A scope as saved with exam results and listed with plans: "all decks", or its decks and
/// `tag T`s. (Stored text: it stays English in every interface language.)
pub fn describe_scope(decks: &[String], tags: &[String]) -> String {
    if decks.is_empty() && tags.is_empty() {
        "all decks".to_string()
    } else {
        decks.iter().cloned().chain(tags.iter().map(|t| format!("tag {t}"))).collect::<Vec<_>>().join(", ")
    }
}

/// Today's cards and queue. Holds only the cards that today's queue can show (read from the
/// store through its indexes), not the whole collection, so it costs the same on 1,000 cards
/// as on 100,000.
pub struct Today {
    pub cards: Vec<Card>,
    /// Row ids, parallel to `cards`.
    pub ids: Vec<i64>,
    /// Row versions as last read or written, parallel to `cards` (the stale-state check).
    pub versions: Vec<i64>,
    /// Whose cards these are.
    pub learner: LearnerId,
    /// Queue items, parallel to `cards` (their schedules are kept current).
    pub items: Vec<QueueItem>,
    pub queue: Queue,
    pub today: StudyDay,
    pub day_end_ms: i64,
    /// The upcoming exam each card is studied for (`kioku plan`), parallel to `cards`.
    pub exams: Vec<Option<ExamTarget>>,
    /// Review cards due per study day, so exam reviews spread under the daily limit and load
    /// balancing, easy days and breaks see each day's load (read when any of them is in use).
    due_load: HashMap<StudyDay, usize>,
    /// Breaks not yet over.
    breaks: Vec<Break>,
    /// More reviews due than the day's limit, as found when the queue was built.
    pub backlog: Option<Backlog>,
    /// New cards per day that upcoming exams need, as found when the queue was built.
    exam_quota: u32,
}

impl Today {
    /// Builds today's queue from the store, for the cards `filter` covers. `new_limit` replaces
    /// what is left of the day's new card limit (`review --new N`). Cards must already be synced
    /// to the store (`Context::prepare`). Reads (re)learning cards due today, then review and new
    /// cards in queue order only until the day's limits are filled; siblings that answering may
    /// bury are read beyond the limit, so the queue is the one the whole collection would give.
    pub fn build(
        store: &dyn Storage,
        learner: LearnerId,
        filter: &Filter,
        settings: &Settings,
        days: &DayClock,
        now: DateTime<Utc>,
        new_limit: Option<u32>,
    ) -> Result<Today> {
        let today = days.study_day(now);
        let day_end_ms = days.day_end(now).timestamp_millis();
        let plans: Vec<Plan> = store.plans(learner)?.into_iter().filter(|p| p.exam_day > today).collect();
        let exam_quota = if plans.is_empty() { 0 } else { exam_new_quota(store, learner, &plans, filter, today)? };
        let answered = store.answered_on(learner, today)?;
        let breaks: Vec<Break> = store.breaks(learner)?.into_iter().filter(|b| b.last >= today).collect();
        let mut limits = day_limits(&answered, settings, new_limit, exam_quota);
        let backlog = life::backlog_on(store, learner, settings, filter, today, limits.reviews_left)?;
        limits.new_left = life_new_limit(
            limits.new_left,
            &answered,
            settings,
            new_limit,
            exam_quota,
            &breaks,
            today,
            backlog.is_some(),
        );
        let bury = settings.bury_siblings;
        let buried: HashSet<&str> =
            if bury { answered.iter().map(|(key, _)| note_key(key)).collect() } else { HashSet::new() };

        // Candidates in queue order; with burying, a note's later cards ride along uncounted.
        let mut rows: Vec<(StoredCard, Card)> = Vec::new();
        let mut notes_taken: HashSet<String> = HashSet::new();
        let mut take = |list: CardList, limit: Option<u32>, rows: &mut Vec<(StoredCard, Card)>| -> Result<()> {
            let mut counted = 0u32;
            if limit == Some(0) {
                return Ok(());
            }
            store.visit_cards(learner, list, &filter.decks, &mut |row| {
                if !row.schedule.is_available(today) {
                    return Ok(true);
                }
                let card = store.stored_card(learner, &row)?;
                let note = card.note_key();
                let needed =
                    exam_of(&plans, &card).is_some_and(|e| Scheduler::needed_today(row.schedule.state, today, e));
                if !filter.covers(&card.deck, &card.tags)
                    || (limit.is_some() && !needed && buried.contains(note.as_str()))
                {
                    return Ok(true);
                }
                if !bury || !notes_taken.contains(&note) {
                    counted += 1;
                }
                notes_taken.insert(note);
                rows.push((row, card));
                Ok(limit.is_none_or(|l| counted < l))
            })
        };
        take(CardList::Learning { before_ms: day_end_ms }, None, &mut rows)?;
        if backlog.is_some() {
            rows.extend(life::most_overdue(store, learner, filter, today, limits.reviews_left, &buried)?);
        } else {
            take(CardList::Due { by: today }, Some(limits.reviews_left), &mut rows)?;
        }
        let random = settings.new_card_order == NewCardOrder::Random;
        if random {
            let picked = random_new_cards(store, learner, filter, today, &buried, bury, &notes_taken, limits.new_left)?;
            rows.extend(picked);
        } else {
            take(CardList::New, Some(limits.new_left), &mut rows)?;
        }
        // Deck order; in the random order, new cards by their rank (the queue keeps each list's order).
        rows.sort_by_cached_key(|(row, card)| {
            let rank = if random && row.schedule.state == State::New { new_card_rank(&card.key) } else { 0 };
            (rank, row.deck.clone(), row.position)
        });

        let mut notes: HashMap<String, usize> = HashMap::new();
        let (mut cards, mut ids, mut versions, mut items) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut exams = Vec::new();
        for (order, (row, card)) in rows.into_iter().enumerate() {
            let next = notes.len();
            let note = *notes.entry(card.note_key()).or_insert(next);
            ids.push(row.id);
            versions.push(row.version);
            let exam = exam_of(&plans, &card);
            let unburied = exam.is_some_and(|e| Scheduler::needed_today(row.schedule.state, today, e));
            items.push(QueueItem { order, note, schedule: row.schedule, unburied });
            exams.push(exam);
            cards.push(card);
        }
        let balancing = settings.fuzz && (settings.load_balance || !settings.easy_days.is_normal());
        let due_load = if plans.is_empty() && breaks.is_empty() && !balancing {
            HashMap::new()
        } else {
            store.reviews_per_due_day(learner)?
        };
        let mut today_data = Today {
            cards,
            ids,
            versions,
            learner,
            items,
            queue: Queue::default(),
            today,
            day_end_ms,
            exams,
            due_load,
            breaks,
            backlog,
            exam_quota,
        };
        today_data.rebuild_queue(store, settings, new_limit, &notes)?;
        Ok(today_data)
    }

    fn rebuild_queue(
        &mut self,
        store: &dyn Storage,
        settings: &Settings,
        new_limit: Option<u32>,
        notes: &HashMap<String, usize>,
    ) -> Result<()> {
        let answered = store.answered_on(self.learner, self.today)?;
        let mut limits = day_limits(&answered, settings, new_limit, self.exam_quota);
        let (quota, breaks, today) = (self.exam_quota, &self.breaks, self.today);
        limits.new_left = life_new_limit(
            limits.new_left,
            &answered,
            settings,
            new_limit,
            quota,
            breaks,
            today,
            self.backlog.is_some(),
        );
        let buried: HashSet<usize> = if settings.bury_siblings {
            answered.iter().filter_map(|(key, _)| notes.get(note_key(key)).copied()).collect()
        } else {
            HashSet::new()
        };
        self.queue = Queue::build(&self.items, self.today, self.day_end_ms, limits, buried);
        if self.backlog.is_some() {
            let (items, today) = (&self.items, self.today);
            self.queue.sort_reviews_by(|i| crate::scheduler::backlog::overdueness(&items[i].schedule, today));
        }
        Ok(())
    }

    /// Answers card `index` with `rating` at `now` (`chosen_option`: see
    /// `ReviewRow::chosen_option`): the scheduler step, one committed
    /// transaction (review row and new schedule), then the queue update. This is all the work
    /// done per answer. Returns `Error::Database` when the answer could not be saved.
    #[allow(clippy::too_many_arguments)]
    pub fn answer(
        &mut self,
        store: &mut dyn Storage,
        scheduler: &Scheduler,
        days: &DayClock,
        index: usize,
        rating: Rating,
        now: DateTime<Utc>,
        duration_ms: i64,
        chosen_option: Option<&str>,
    ) -> Result<Answered> {
        let before = self.items[index].schedule.clone();
        let key = &self.cards[index].key;
        let mut outcome = self.outcomes(scheduler, days, index, now)?.get(rating).clone();
        // An upcoming exam may need the next review earlier than FSRS would place it.
        if let Some(exam) = self.exams[index] {
            let load = |d: StudyDay| self.due_load.get(&d).copied().unwrap_or(0);
            if let Some(fitted) = scheduler.fit_to_exam(&outcome.card, self.today, exam, &load) {
                let due = fitted.due_day.unwrap_or(self.today);
                outcome.card = CardSchedule { due_at_ms: Some(days.day_start(due).timestamp_millis()), ..fitted };
                outcome.interval_secs = due.days_since(self.today) as i64 * 86_400;
            }
            // A leech before an exam needs more reviews, not none: tagged, but not suspended.
            if outcome.became_leech && exam.day > self.today {
                outcome.card.suspended = false;
                outcome.leech_kept_for_exam = Some(exam.day);
            }
        }
        let row = ReviewRow {
            card_key: key.clone(),
            reviewed_at_ms: now.timestamp_millis(),
            utc_offset_secs: days.utc_offset_secs(now),
            study_day: days.study_day(now),
            rating: rating.as_u8(),
            kind: ReviewKind::Review,
            state_before: before.state,
            state_after: outcome.card.state,
            elapsed_days: outcome.elapsed_days,
            interval_secs: outcome.interval_secs,
            due_at_ms: outcome.card.due_at_ms,
            stability: outcome.card.stability,
            difficulty: outcome.card.difficulty,
            duration_ms: duration_ms.max(0),
            action: None,
            chosen_option: chosen_option.map(str::to_string),
        };
        let review_id = store.record_if_unchanged(
            self.learner,
            self.ids[index],
            self.versions[index],
            &before,
            &outcome.card,
            &row,
        )?;
        self.versions[index] += 1;
        for (schedule, change) in [(&before, -1i64), (&outcome.card, 1)] {
            if let (State::Review, Some(d)) = (schedule.state, schedule.due_day) {
                let n = self.due_load.entry(d).or_default();
                *n = (*n as i64 + change).max(0) as usize;
            }
        }
        self.items[index].schedule = outcome.card.clone();
        self.queue.answered(&self.items, index, before.state, self.day_end_ms, scheduler.settings().bury_siblings);
        Ok(Answered { review_id, outcome })
    }

    /// What each grade would do to card `index` at `now`, its review days placed among today's
    /// loads, breaks and exam (before an exam plan's window, which `answer` applies).
    pub fn outcomes(
        &self,
        scheduler: &Scheduler,
        days: &DayClock,
        index: usize,
        now: DateTime<Utc>,
    ) -> Result<NextOutcomes> {
        let load = |d: StudyDay| self.due_load.get(&d).copied().unwrap_or(0);
        let place = Placement { loads: &load, breaks: &self.breaks, exam_day: self.exams[index].map(|e| e.day) };
        scheduler.next_outcomes_placed(&self.items[index].schedule, &self.cards[index].key, now, days, &place)
    }

    /// Rebuilds the queue after the store changed underneath it (undo).
    pub fn refresh(&mut self, store: &dyn Storage, settings: &Settings, new_limit: Option<u32>) -> Result<()> {
        let mut notes = HashMap::new();
        for (item, card) in self.items.iter().zip(&self.cards) {
            notes.insert(card.note_key(), item.note);
        }
        self.rebuild_queue(store, settings, new_limit, &notes)
    }
}

/// The nearest upcoming exam (of `plans`, sorted by day) that covers `card`.
fn exam_of(plans: &[Plan], card: &Card) -> Option<ExamTarget> {
    plans.iter().find(|p| p.covers(&card.deck, &card.tags)).map(|p| ExamTarget { day: p.exam_day, target: p.target })
}

/// What is left of the day's limits after the answers already given today (`answered`: card
/// key and state before). `new_limit` (`review --new N`) replaces the new-card limit; otherwise
/// exams may raise it to `exam_quota`.
fn day_limits(answered: &[(String, State)], settings: &Settings, new_limit: Option<u32>, exam_quota: u32) -> Limits {
    let count = |state: State| answered.iter().filter(|(_, s)| *s == state).count() as u32;
    let mut limits = Limits {
        new_left: new_limit.unwrap_or_else(|| settings.new_per_day.saturating_sub(count(State::New))),
        reviews_left: settings.reviews_per_day.saturating_sub(count(State::Review)),
    };
    if new_limit.is_none() {
        limits.new_left = limits.new_left.max(exam_quota.saturating_sub(count(State::New)));
    }
    limits
}

/// The new-card limit after life's rules: none on a break day; during a backlog (with
/// `backlog_pause_new`) only what an exam plan's quota needs. `review --new N` is obeyed as given.
#[allow(clippy::too_many_arguments)]
fn life_new_limit(
    new_left: u32,
    answered: &[(String, State)],
    settings: &Settings,
    new_limit: Option<u32>,
    exam_quota: u32,
    breaks: &[Break],
    today: StudyDay,
    backlog: bool,
) -> u32 {
    if new_limit.is_some() {
        return new_left;
    }
    if breaks::in_break(breaks, today) {
        return 0;
    }
    if backlog && settings.backlog_pause_new {
        let new_today = answered.iter().filter(|(_, s)| *s == State::New).count() as u32;
        return exam_quota.saturating_sub(new_today).min(new_left);
    }
    new_left
}

/// New cards per day that exams need: for each upcoming exam, the new cards it is the nearest
/// exam for (in `filter`) spread over the days left before it, less three days for reviewing
/// them.
fn exam_new_quota(
    store: &dyn Storage,
    learner: LearnerId,
    plans: &[Plan],
    filter: &Filter,
    today: StudyDay,
) -> Result<u32> {
    let mut per_exam: HashMap<StudyDay, u32> = HashMap::new();
    for (deck, tags) in store.new_card_tags(learner, today)? {
        if let Some(plan) = plans.iter().find(|p| p.covers(&deck, &tags)).filter(|_| filter.covers(&deck, &tags)) {
            *per_exam.entry(plan.exam_day).or_default() += 1;
        }
    }
    Ok(per_exam.into_iter().map(|(day, new)| exam_new_cards_per_day(new, today, day)).sum())
}

/// The new cards of the `random` order: of every new card in scope, the `limit` that rank first
/// (`new_card_rank`). When answering buries siblings, notes are drawn instead: a note ranks as its
/// best-ranked card and its other cards ride along uncounted, as do new siblings of notes already
/// `taken` today. Reads every new card but keeps at most `limit` candidates, so memory stays
/// bounded.
#[allow(clippy::too_many_arguments)]
fn random_new_cards(
    store: &dyn Storage,
    learner: LearnerId,
    filter: &Filter,
    today: StudyDay,
    buried: &HashSet<&str>,
    bury: bool,
    taken: &HashSet<String>,
    limit: u32,
) -> Result<Vec<(StoredCard, Card)>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    type Rows = Vec<(StoredCard, Card)>;
    let mut chosen: BTreeMap<(u64, String), Rows> = BTreeMap::new();
    let mut riders = Vec::new();
    // The unit (note or card) being read, with its best rank: a note's cards come one after
    // another (deck order), so a unit is complete when the next one starts.
    let mut pending: Option<(u64, String, Rows)> = None;
    let keep = |unit: Option<(u64, String, Rows)>, chosen: &mut BTreeMap<(u64, String), Rows>| {
        if let Some((rank, unit, rows)) = unit {
            chosen.insert((rank, unit), rows);
            if chosen.len() > limit as usize {
                chosen.pop_last();
            }
        }
    };
    store.visit_cards(learner, CardList::New, &filter.decks, &mut |row| {
        if !row.schedule.is_available(today) {
            return Ok(true);
        }
        let card = store.stored_card(learner, &row)?;
        let note = card.note_key();
        if !filter.covers(&card.deck, &card.tags) || buried.contains(note.as_str()) {
            return Ok(true);
        }
        if bury && taken.contains(&note) {
            riders.push((row, card));
            return Ok(true);
        }
        let unit = if bury { note } else { card.key.clone() };
        let rank = new_card_rank(&card.key);
        match &mut pending {
            Some((best, current, rows)) if *current == unit => {
                *best = (*best).min(rank);
                rows.push((row, card));
            }
            _ => keep(pending.replace((rank, unit, vec![(row, card)])), &mut chosen),
        }
        Ok(true)
    })?;
    keep(pending.take(), &mut chosen);
    Ok(chosen.into_values().flatten().chain(riders).collect())
}
