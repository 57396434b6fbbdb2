//! The review session over the piped line protocol (DESIGN.md): for each card a response line
//! and a grade line; `:u` undo, `:s` suspend, `:b` bury, `:q` quit. Lines for scripts start in
//! column 0 with a keyword; lines for people are indented by two spaces. Each answer is committed
//! before its `saved` line is printed.

use std::io::{BufRead, Write};

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

use super::input::{self, Command, Line};
use super::judge;
use super::Today;
use crate::deck::Card;
use crate::deck::Judge;
use crate::scheduler::{human_interval, CardSchedule, DayClock, Rating, Scheduler, State};
use crate::store::{ReviewRowTime, Store};
use crate::Result;

/// Session options from the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReviewOptions {
    /// At most this many new cards this session (instead of what is left of `new_per_day`).
    pub new_limit: Option<u32>,
    /// Stop after this many saved answers.
    pub answer_limit: Option<u32>,
}

/// The streams a session talks to.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Answers saved (net of undos).
    pub saved: u32,
}

struct Saved {
    review_id: i64,
    index: usize,
    state_before: State,
}

/// Runs a review session until the queue is empty, the answer limit is reached, `:q`, or end of
/// input. Returns `Error::Database` if an answer cannot be saved (nothing is acknowledged then).
pub fn run(
    store: &mut Store,
    scheduler: &Scheduler,
    days: &DayClock,
    cards: Vec<Card>,
    options: ReviewOptions,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
) -> Result<Summary> {
    let settings = scheduler.settings().clone();
    let mut today = Today::build(store, cards, &settings, days, clock(), options.new_limit)?;
    let mut undo_stack: Vec<Saved> = Vec::new();
    let mut forced: Option<usize> = None;
    let mut new_answered = 0u32;
    let session_new_limit = |new_answered: u32| options.new_limit.map(|n| n.saturating_sub(new_answered));

    'cards: loop {
        if options.answer_limit.is_some_and(|limit| undo_stack.len() as u32 >= limit) {
            break;
        }
        let Some(index) = forced.take().or_else(|| today.queue.next(&today.items, clock().timestamp_millis())) else {
            break;
        };
        let shown_at = clock();
        show_card(io.out, &today, index)?;

        // 1. The response line.
        let (response, judged) = loop {
            match input::read(io.input)? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Command(Command::Undo) => {
                    if undo(
                        store,
                        &mut today,
                        &mut undo_stack,
                        &mut forced,
                        &mut new_answered,
                        &settings,
                        &session_new_limit,
                        io,
                    )? {
                        continue 'cards;
                    }
                }
                Line::Command(Command::Suspend) => {
                    hide(store, &mut today, index, days, clock(), Hide::Suspend, io)?;
                    continue 'cards;
                }
                Line::Command(Command::Bury) => {
                    hide(store, &mut today, index, days, clock(), Hide::Bury, io)?;
                    continue 'cards;
                }
                Line::Command(Command::Unknown(c)) => {
                    writeln!(io.err, "error: unknown command '{c}' (commands: :u undo, :s suspend, :b bury, :q quit)")?
                }
                Line::Text(text) => match judge::judge(&today.cards[index], today.items[index].schedule.reps, &text) {
                    Ok(judged) => break (text, judged),
                    Err(message) => writeln!(io.err, "error: {message}")?,
                },
            }
        };

        // Reveal: the answer, the response, the explanation and what each grade would do.
        let card = &today.cards[index];
        let schedule = today.items[index].schedule.clone();
        let preview = scheduler.next_outcomes(&schedule, &card.key, clock(), days)?;
        let suggested = match &judged {
            Some(j) => {
                writeln!(io.out, "verdict {} suggest {}", j.verdict.as_str(), j.suggest.as_u8())?;
                for line in &j.lines {
                    human(io.out, line)?;
                }
                j.suggest
            }
            None => {
                human(io.out, &format!("answer: {}", card.answer))?;
                if !response.is_empty() {
                    human(io.out, &format!("you: {response}"))?;
                }
                Rating::Good
            }
        };
        if let Some(explanation) = &card.explanation {
            human(io.out, explanation)?;
        }
        let intervals: Vec<String> = Rating::ALL
            .iter()
            .map(|&r| format!("{} {}", r.name(), human_interval(preview.get(r).interval_secs)))
            .collect();
        human(io.out, &intervals.join(" · "))?;
        human(io.out, &format!("grade: 1 again · 2 hard · 3 good · 4 easy (empty = {})", suggested.name()))?;
        io.out.flush()?;

        // 2. The grade line.
        let rating = loop {
            match input::read(io.input)? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Command(Command::Undo) => {
                    if undo(
                        store,
                        &mut today,
                        &mut undo_stack,
                        &mut forced,
                        &mut new_answered,
                        &settings,
                        &session_new_limit,
                        io,
                    )? {
                        // The current card goes back to the queue; its response is dropped.
                        continue 'cards;
                    }
                }
                Line::Command(Command::Suspend) => {
                    hide(store, &mut today, index, days, clock(), Hide::Suspend, io)?;
                    continue 'cards;
                }
                Line::Command(Command::Bury) => {
                    hide(store, &mut today, index, days, clock(), Hide::Bury, io)?;
                    continue 'cards;
                }
                Line::Command(Command::Unknown(c)) => writeln!(io.err, "error: unknown command '{c}'")?,
                Line::Text(text) if text.is_empty() => break suggested,
                Line::Text(text) => match Rating::parse(&text) {
                    Some(r) => break r,
                    None => writeln!(io.err, "error: '{text}' is not a grade; type 1-4 or again, hard, good, easy")?,
                },
            }
        };

        // Commit, then acknowledge.
        let now = clock();
        let answered = today.answer(store, scheduler, days, index, rating, now, (now - shown_at).num_milliseconds())?;
        let (key, review_id, outcome) = (today.cards[index].key.clone(), answered.review_id, answered.outcome);
        if schedule.state == State::New {
            new_answered += 1;
        }
        undo_stack.push(Saved { review_id, index, state_before: schedule.state });
        writeln!(io.out, "saved {key} {} due {}", rating.as_u8(), rfc3339_utc(outcome.card.due_at_ms))?;
        if outcome.became_leech {
            writeln!(io.out, "suspended {key}")?;
            human(
                io.out,
                &format!(
                    "leech: forgotten {} times, so it is tagged leech and suspended (kioku unsuspend {key})",
                    outcome.card.lapses
                ),
            )?;
        }
        io.out.flush()?;
    }
    let saved = undo_stack.len() as u32;
    let (new, learning, review) = today.queue.remaining();
    writeln!(io.out, "done {saved}")?;
    if new + learning + review > 0 {
        human(io.out, &format!("left today: {new} new · {learning} learning · {review} review"))?;
        if let Some(due) = today.queue.next_learning_due(&today.items) {
            let wait_secs = (due - clock().timestamp_millis()) / 1000;
            if wait_secs > 0 {
                human(io.out, &format!("the next learning card is due in {}", human_interval(wait_secs)))?;
            }
        }
    } else {
        human(io.out, "nothing more to review today")?;
    }
    io.out.flush()?;
    Ok(Summary { saved })
}

fn show_card(out: &mut dyn Write, today: &Today, index: usize) -> Result<()> {
    let card = &today.cards[index];
    let schedule = &today.items[index].schedule;
    let (new, learning, review) = today.queue.remaining();
    writeln!(out, "card {} {}", card.key, card.kind.as_str())?;
    let mut meta = format!("[{} · {}", card.deck, schedule.state.as_str());
    if !card.tags.is_empty() {
        meta.push_str(&format!(" · {}", card.tags.join(", ")));
    }
    meta.push_str(&format!("]  left: {new} new · {learning} learning · {review} review"));
    human(out, &meta)?;
    human(out, &card.prompt)?;
    let order = judge::display_order(card, schedule.reps);
    let (word, texts) = match &card.judge {
        Judge::Choice { options } => ("option", options),
        Judge::Order { items } => ("item", items),
        Judge::TrueFalse { .. } => {
            human(out, "true or false?")?;
            return Ok(out.flush()?);
        }
        Judge::Typed { .. } => {
            human(out, "type the answer")?;
            return Ok(out.flush()?);
        }
        Judge::SelfGraded => return Ok(out.flush()?),
    };
    for (p, &i) in order.iter().enumerate() {
        writeln!(out, "{word} {} {}", p + 1, texts[i])?;
    }
    out.flush()?;
    Ok(())
}

/// Writes text for people: every line indented by two spaces.
fn human(out: &mut dyn Write, text: &str) -> Result<()> {
    for line in text.lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// RFC 3339 in UTC with whole seconds, e.g. `2025-05-21T04:00:00Z`.
pub fn rfc3339_utc(ms: Option<i64>) -> String {
    ms.and_then(|ms| Utc.timestamp_millis_opt(ms).single())
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_else(|| "-".to_string())
}

/// Undoes the last answer saved in this session. Returns false (after an error line) when
/// there is none.
#[allow(clippy::too_many_arguments)]
fn undo(
    store: &mut Store,
    today: &mut Today,
    stack: &mut Vec<Saved>,
    forced: &mut Option<usize>,
    new_answered: &mut u32,
    settings: &crate::settings::Settings,
    session_new_limit: &dyn Fn(u32) -> Option<u32>,
    io: &mut Io,
) -> Result<bool> {
    let Some(last) = stack.pop() else {
        writeln!(io.err, "error: nothing to undo in this session")?;
        return Ok(false);
    };
    let restored = store.undo(last.review_id)?;
    today.items[last.index].schedule = restored;
    if last.state_before == State::New {
        *new_answered = new_answered.saturating_sub(1);
    }
    today.refresh(store, settings, session_new_limit(*new_answered))?;
    *forced = Some(last.index);
    writeln!(io.out, "undone {}", today.cards[last.index].key)?;
    Ok(true)
}

enum Hide {
    Suspend,
    Bury,
}

/// Suspends or buries the current card (a manual row in the log) and takes it out of the queue.
fn hide(
    store: &mut Store,
    today: &mut Today,
    index: usize,
    days: &DayClock,
    now: DateTime<Utc>,
    how: Hide,
    io: &mut Io,
) -> Result<()> {
    let before = today.items[index].schedule.clone();
    let mut after: CardSchedule = before.clone();
    let word = match how {
        Hide::Suspend => {
            after.suspended = true;
            "suspended"
        }
        Hide::Bury => {
            after.buried_until_day = Some(days.study_day(now).plus(1));
            "buried"
        }
    };
    let at = ReviewRowTime {
        at_ms: now.timestamp_millis(),
        utc_offset_secs: days.utc_offset_secs(now),
        study_day: days.study_day(now),
    };
    let key = today.cards[index].key.clone();
    store.record_manual(today.ids[index], &key, &before, &after, at)?;
    today.items[index].schedule = after;
    today.queue.remove(index);
    writeln!(io.out, "{word} {key}")?;
    Ok(())
}
