//! Cram: practise cards whatever the schedule says, as Anki's filtered decks do with
//! rescheduling off. Answers are logged as kind `cram`; no card's schedule changes. Same lines
//! as review (response and grade); `saved <key> <1-4> cram`. A card graded again comes back
//! at the end of the queue.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

use super::exam::ExamCard;
use super::input::{Command, Line};
use super::judge;
use super::piped::{human, write_card, write_reveal, Io};
use crate::scheduler::{DayClock, Rating};
use crate::store::{ReviewKind, ReviewRow, ReviewRowTime, Store};
use crate::Result;

/// Runs a cram session over `cards` (in the order given) until every card was answered
/// without "again", `limit` answers, `:q`, or end of input. Returns the number of answers saved.
pub fn run(
    store: &mut Store,
    days: &DayClock,
    cards: &[ExamCard],
    limit: Option<u32>,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
) -> Result<u32> {
    let mut queue: VecDeque<usize> = (0..cards.len()).collect();
    let mut saved: Vec<(i64, usize)> = Vec::new();
    'cards: while let Some(index) = queue.pop_front() {
        if limit.is_some_and(|l| saved.len() as u32 >= l) {
            break;
        }
        let c = &cards[index];
        // Shuffles seeded by the number of cram answers so far, so options move between passes.
        let salt = c.schedule.reps.wrapping_add(saved.len() as u32);
        let order = judge::display_order(&c.card, salt);
        write_card(io.out, &c.card, "cram", &format!("{} left", queue.len() + 1), &order)?;
        let shown_at = clock();
        let (response, judged) = loop {
            match io.read()? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Command(Command::Undo) => match saved.pop() {
                    Some((review_id, undone)) => {
                        store.delete_log_row(review_id)?;
                        writeln!(io.out, "undone {}", cards[undone].card.key)?;
                        queue.retain(|&i| i != undone);
                        queue.push_front(index);
                        queue.push_front(undone);
                        continue 'cards;
                    }
                    None => writeln!(io.err, "error: nothing to undo in this session")?,
                },
                Line::Command(c) => writeln!(io.err, "error: {c:?} is not available in cram (:u undo, :q quit)")?,
                Line::Text(text) => match judge::judge(&c.card, salt, &text) {
                    Ok(j) => break (text, j),
                    Err(message) => writeln!(io.err, "error: {message}")?,
                },
            }
        };
        let suggested = write_reveal(io.out, &c.card, judged.as_ref(), &response)?;
        human(
            io.out,
            &format!(
                "grade: 1 again · 2 hard · 3 good · 4 easy (empty = {}); cram changes no schedule",
                suggested.name()
            ),
        )?;
        let rating = loop {
            match io.read()? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Text(t) if t.is_empty() => break suggested,
                Line::Text(t) => match Rating::parse(&t) {
                    Some(r) => break r,
                    None => writeln!(io.err, "error: '{t}' is not a grade; type 1-4 or again, hard, good, easy")?,
                },
                Line::Command(_) => writeln!(io.err, "error: grade the card first (1-4), or :q to quit")?,
            }
        };
        let now = clock();
        let s = &c.schedule;
        let at = ReviewRowTime::new(now, days);
        let row = ReviewRow::log_only(
            &c.card.key,
            &c.schedule,
            ReviewKind::Cram,
            rating.as_u8(),
            at,
            (now - shown_at).num_milliseconds(),
        );
        let review_id = store.record_log_only(c.id, s, &row)?;
        saved.push((review_id, index));
        writeln!(io.out, "saved {} {} cram", c.card.key, rating.as_u8())?;
        if rating == Rating::Again {
            queue.push_back(index);
        }
    }
    writeln!(io.out, "done {}", saved.len())?;
    io.out.flush()?;
    Ok(saved.len() as u32)
}
