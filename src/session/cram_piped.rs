//! Cram over the piped protocol: the same lines as review (response and grade), `saved <key>
//! <1-4> cram`, `undone <key>`, and `done <n>` at the end.

use chrono::{DateTime, Utc};

use super::cram::CramSession;
use super::input::{Command, Line};
use super::piped::{grade_prompt, human, write_card, write_reveal, Io};
use crate::scheduler::{DayClock, Rating};
use crate::store::Storage;
use crate::{tr, Result};

/// Runs `cram` until it is over, `:q`, or end of input. Returns the number of answers saved.
pub fn run(
    cram: &mut CramSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
) -> Result<u32> {
    'cards: while let Some(index) = cram.next_card() {
        let left = tr!("cram-left", n = cram.left());
        write_card(io.out, cram.card(index), &tr!("cram-label"), &left, &cram.display_order(index))?;
        let shown_at = clock();
        let (response, judged) = loop {
            match io.read()? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Command(Command::Undo) => match cram.undo(store)? {
                    Some(undone) => {
                        writeln!(io.out, "undone {}", cram.card(undone).key)?;
                        continue 'cards;
                    }
                    None => writeln!(io.err, "error: {}", tr!("review-nothing-to-undo"))?,
                },
                Line::Command(c) => {
                    writeln!(io.err, "error: {}", tr!("cram-not-available", command = format!("{c:?}")))?
                }
                Line::Text(text) => match cram.judge(index, &text) {
                    Ok(j) => break (text, j),
                    Err(message) => writeln!(io.err, "error: {message}")?,
                },
            }
        };
        let suggested = write_reveal(io.out, cram.card(index), judged.as_ref(), &response)?;
        human(io.out, &tr!("cram-grade-prompt", prompt = grade_prompt(suggested)))?;
        let rating = loop {
            match io.read()? {
                Line::End | Line::Command(Command::Quit) => break 'cards,
                Line::Text(t) if t.is_empty() => break suggested,
                Line::Text(t) => match Rating::parse(&t) {
                    Some(r) => break r,
                    None => writeln!(io.err, "error: {}", tr!("review-not-a-grade", text = t))?,
                },
                Line::Command(_) => writeln!(io.err, "error: {}", tr!("cram-grade-first"))?,
            }
        };
        let key = cram.grade(store, days, rating, clock(), shown_at)?;
        writeln!(io.out, "saved {key} {} cram", rating.as_u8())?;
    }
    writeln!(io.out, "done {}", cram.saved())?;
    io.out.flush()?;
    Ok(cram.saved())
}
