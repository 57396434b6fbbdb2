//! The piped line protocol (DESIGN.md, README): for each card a response line and a grade line;
//! `:u` undo, `:s` suspend, `:b` bury, `:q` quit. Lines for scripts start in column 0 with a
//! keyword; lines for people are indented by two spaces. Each answer is committed before its
//! `saved` line is printed.

use std::io::{BufRead, Write};

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

use super::input::{self, Command, Line};
use super::judge::Judged;
use super::review::{Hide, ReviewSession, Summary};
use crate::deck::reading::{self, shown};
use crate::deck::{Card, Judge};
use crate::i18n::durations::human_interval;
use crate::safe_text::{terminal, terminal_line};
use crate::scheduler::Rating;
use crate::store::Storage;
use crate::{tr, Result};

/// The streams a session talks to. `out` should be buffered (a `BufWriter`): it is flushed only
/// when the session waits for a line (`Io::read`) and at its end, so each step's lines reach
/// the reader in one write.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Io<'_> {
    /// Sends what was written so far, then reads the next line.
    pub fn read(&mut self) -> Result<Line> {
        self.out.flush()?;
        Ok(input::read(self.input)?)
    }
}

/// What a command line did to the current card.
/// What reading a line for the card on screen gave.
enum Read<T> {
    Got(T),
    /// Go on to the next card (after undo, suspend or bury).
    NextCard,
    /// End the session (`:q` or end of input).
    Quit,
}

/// Reads lines until `parse` accepts one (a refused line prints its error and is asked again);
/// commands (`:u`, `:s`, `:b`, `:q`, help) are carried out on the way.
fn read_line<T>(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
    parse: &mut dyn FnMut(&mut ReviewSession, String) -> std::result::Result<T, String>,
) -> Result<Read<T>> {
    loop {
        match io.read()? {
            Line::End => return Ok(Read::Quit),
            Line::Command(command) => match act(session, store, index, command, clock(), io)? {
                Acted::NextCard => return Ok(Read::NextCard),
                Acted::Quit => return Ok(Read::Quit),
                Acted::Again => {}
            },
            Line::Text(text) => match parse(session, text) {
                Ok(got) => return Ok(Read::Got(got)),
                Err(message) => writeln!(io.err, "error: {message}")?,
            },
        }
    }
}

enum Acted {
    /// Go on to the next card (after undo, suspend or bury).
    NextCard,
    /// End the session.
    Quit,
    /// Nothing happened (an error line was printed); read again.
    Again,
}

/// Runs `session` over the protocol until the queue is empty, the answer limit is reached, `:q`,
/// or end of input. Returns the summary. Returns `Error::Database` if an answer cannot be saved
/// (nothing is acknowledged then).
pub fn run(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
) -> Result<Summary> {
    'cards: while let Some(index) = session.next(clock()) {
        let shown_at = clock();
        show_card(io.out, session, index)?;
        session.idle(store)?;

        // 1. The response line.
        let read = read_line(session, store, index, clock, io, &mut |session, text| {
            session.judge(index, &text).map(|judged| (text, judged))
        })?;
        let (response, judged) = match read {
            Read::Got(got) => got,
            Read::NextCard => continue 'cards,
            Read::Quit => break 'cards,
        };

        // Reveal: the verdict, the answer, the explanation and what each grade would do.
        let card = session.card(index);
        let suggested = write_reveal(io.out, card, judged.as_ref(), &response)?;
        let preview = session.preview(index, clock())?;
        let intervals: Vec<String> = Rating::ALL
            .iter()
            .map(|&r| format!("{} {}", r.label(), human_interval(preview.get(r).interval_secs)))
            .collect();
        human(io.out, &intervals.join(" · "))?;
        human(io.out, &grade_prompt(suggested))?;

        // 2. The grade line (after undo the current card goes back to the queue; its response is
        // dropped).
        let read = read_line(session, store, index, clock, io, &mut |_, text| match text.as_str() {
            "" => Ok(suggested),
            _ => Rating::parse(&text).ok_or_else(|| tr!("review-not-a-grade", text = text.as_str())),
        })?;
        let rating = match read {
            Read::Got(rating) => rating,
            Read::NextCard => continue 'cards,
            Read::Quit => break 'cards,
        };

        // Commit, then acknowledge.
        let outcome = session.answer(store, index, rating, clock(), shown_at)?;
        let key = &session.card(index).key;
        writeln!(io.out, "saved {key} {} due {}", rating.as_u8(), rfc3339_utc(outcome.card.due_at_ms))?;
        if let Some(exam) = outcome.leech_kept_for_exam {
            let lapses = outcome.card.lapses;
            let date = crate::i18n::dates::day(exam.date());
            human(io.out, &crate::tr!("plan-leech-kept", lapses = lapses, date = date, key = key.as_str()))?;
        } else if outcome.became_leech {
            writeln!(io.out, "suspended {key}")?;
            let lapses = outcome.card.lapses;
            human(io.out, &tr!("review-piped-leech", n = lapses, key = key.as_str()))?;
        }
    }
    let summary = session.summary(store, clock())?;
    writeln!(io.out, "done {}", summary.saved)?;
    for line in summary_lines(&summary) {
        human(io.out, &line)?;
    }
    io.out.flush()?;
    Ok(summary)
}

/// Carries out a `:` command on the current card.
fn act(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    command: Command,
    now: DateTime<Utc>,
    io: &mut Io,
) -> Result<Acted> {
    Ok(match command {
        Command::Quit => Acted::Quit,
        Command::Undo => match session.undo(store)? {
            Some(undone) => {
                writeln!(io.out, "undone {}", session.card(undone).key)?;
                Acted::NextCard
            }
            None => {
                writeln!(io.err, "error: {}", tr!("review-nothing-to-undo"))?;
                Acted::Again
            }
        },
        Command::Suspend | Command::Bury => {
            let (how, word) =
                if command == Command::Suspend { (Hide::Suspend, "suspended") } else { (Hide::Bury, "buried") };
            session.hide(store, index, how, now)?;
            writeln!(io.out, "{word} {}", session.card(index).key)?;
            Acted::NextCard
        }
        Command::Unknown(c) => {
            writeln!(io.err, "error: {}", tr!("review-piped-unknown-command", command = c))?;
            Acted::Again
        }
    })
}

fn show_card(out: &mut dyn Write, session: &ReviewSession, index: usize) -> Result<()> {
    let card = session.card(index);
    let (new, learning, review) = session.remaining();
    let meta = tr!("review-left", new = new, learning = learning, review = review);
    write_card(out, card, &session.schedule(index).state.label(), &meta, &session.display_order(index))
}

/// The `card` line, the card's metadata and prompt for people, and its `option`/`item` lines
/// in display order `order` (shared by review, cram and exam).
pub fn write_card(out: &mut dyn Write, card: &Card, state: &str, extra: &str, order: &[usize]) -> Result<()> {
    writeln!(out, "card {} {}", terminal_line(&card.key), card.kind.as_str())?;
    let mut meta = format!("[{} · {state}", card.deck);
    if !card.tags.is_empty() {
        meta.push_str(&format!(" · {}", card.tags.join(", ")));
    }
    meta.push_str(&format!("]  {extra}"));
    human(out, &meta)?;
    human(out, &shown(&card.prompt))?;
    let (word, texts) = match &card.judge {
        Judge::Choice { options } => ("option", options),
        Judge::Order { items } => ("item", items),
        Judge::TrueFalse { .. } => return Ok(human(out, &tr!("review-ask-truefalse"))?),
        Judge::Typed { .. } => return Ok(human(out, &tr!("review-ask-typed"))?),
        Judge::SelfGraded => return Ok(()),
    };
    for (p, &i) in order.iter().enumerate() {
        // Keyword lines carry the base only: scripts match the text as written, without readings.
        writeln!(out, "{word} {} {}", p + 1, terminal_line(&reading::base(&texts[i])))?;
    }
    Ok(())
}

/// The answer side of a card for the protocol: `verdict … suggest …` and the judged lines, or
/// the answer and the response of a self-graded card; then the explanation. Returns the grade an
/// empty grade line takes. Shared by review and cram.
pub fn write_reveal(out: &mut dyn Write, card: &Card, judged: Option<&Judged>, response: &str) -> Result<Rating> {
    let suggested = match judged {
        Some(j) => {
            writeln!(out, "verdict {} suggest {}", j.verdict.as_str(), j.suggest.as_u8())?;
            for line in &j.lines(crate::i18n::lang()) {
                human(out, line)?;
            }
            j.suggest
        }
        None => {
            human(out, &tr!("review-answer", answer = shown(&card.answer)))?;
            if !response.is_empty() {
                human(out, &tr!("review-you", response = response))?;
            }
            Rating::Good
        }
    };
    if let Some(explanation) = &card.explanation {
        human(out, &shown(explanation))?;
    }
    Ok(suggested)
}

/// The end-of-session summary for people, one line each.
pub fn summary_lines(s: &Summary) -> Vec<String> {
    let mut lines = Vec::new();
    let time = crate::i18n::durations::time_spent(s.time_spent_secs);
    let idle = s.saved == 0 && s.left_today == (0, 0, 0);
    if !idle {
        lines.push(tr!("review-summary-answered", n = s.saved, time = time));
    }
    if let Some((remembered, asked)) = s.true_retention_today {
        let pct = remembered * 100 / asked.max(1);
        lines.push(tr!("review-summary-retention", pct = pct, remembered = remembered, asked = asked));
    }
    let (new, learning, review) = s.left_today;
    if new + learning + review > 0 {
        lines.push(tr!("review-summary-left", new = new, learning = learning, review = review));
        if let Some(secs) = s.next_learning_in_secs {
            lines.push(tr!("review-summary-next-learning", time = human_interval(secs)));
        }
    } else {
        lines.push(tr!("review-summary-nothing-left"));
        if let Some((waiting, hold)) = &s.new_held {
            lines.extend(new_held_lines(*waiting, hold));
        }
        if let Some(secs) = s.next_due_in_secs {
            lines.push(tr!("session-next-due", time = human_interval(secs)));
        }
    }
    if let Some(backlog) = &s.backlog {
        lines.extend(super::life::backlog_lines(backlog));
    }
    lines.push(tr!("review-summary-due-tomorrow", n = s.due_tomorrow));
    lines.push(tr!("review-summary-streak", n = s.streak_days));
    lines
}

/// "grade: 1 again · 2 hard · 3 good · 4 easy (empty = good)", in the interface language.
pub fn grade_prompt(suggested: Rating) -> String {
    tr!(
        "review-grade-prompt",
        again = Rating::Again.label(),
        hard = Rating::Hard.label(),
        good = Rating::Good.label(),
        easy = Rating::Easy.label(),
        suggested = suggested.label()
    )
}

/// Why new cards in scope are not shown today, and the way out.
fn new_held_lines(waiting: usize, hold: &super::idle::NewHold) -> Vec<String> {
    use super::idle::NewHold;
    let cards = tr!("session-new-waiting", n = waiting);
    match hold {
        NewHold::DailyLimit { per_day, introduced } => vec![
            tr!("session-held-daily", cards = cards.as_str(), introduced = *introduced, per_day = *per_day),
            tr!("session-held-daily-way"),
        ],
        NewHold::SessionLimit(n) => vec![tr!("session-held-session", cards = cards, n = *n)],
        NewHold::Backlog => vec![tr!("session-held-backlog", cards = cards), tr!("session-held-backlog-way")],
        NewHold::Break => vec![tr!("session-held-break", cards = cards)],
    }
}

/// Writes text for people: every line indented by two spaces, control characters shown (deck
/// text is untrusted; see `safe_text`).
pub fn human(out: &mut dyn Write, text: &str) -> std::io::Result<()> {
    for line in text.lines() {
        writeln!(out, "  {}", terminal(line))?;
    }
    Ok(())
}

/// RFC 3339 in UTC with whole seconds, e.g. `2025-05-21T04:00:00Z`.
pub fn rfc3339_utc(ms: Option<i64>) -> String {
    ms.and_then(|ms| Utc.timestamp_millis_opt(ms).single())
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_else(|| "-".to_string())
}
