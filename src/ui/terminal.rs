//! The interactive review: single keys in a raw-mode terminal (crossterm), a line editor for
//! typed answers, the screen redrawn from `render`. The session underneath is the same state
//! machine the piped protocol drives, so both judge and save alike.

use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;

use super::render::{render_summary, Phase, Reveal, ReviewView};
use super::screen::{draw_lines, paint, Screen};
use super::tty::{catch_termination, next_event, SIGNALLED};
pub use super::tty::{is_interactive, use_color};
use crate::answer::Verdict;
use crate::deck::reading::shown;
use crate::deck::Judge;
use crate::i18n::durations::human_interval;
use crate::safe_text;
use crate::scheduler::Rating;
use crate::session::input::{classify, normalize, Command, Line as InputLine};
use crate::session::review::{Hide as HideCard, ReviewSession};
use crate::store::Storage;
use crate::{tr, Result};

/// How an interactive session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Nothing left, or the student quit.
    Done,
    /// Ctrl-C: every answer given is saved; the process should exit 130.
    Interrupted,
    /// SIGTERM or SIGHUP (the number): answers are saved and the terminal restored; the process
    /// should exit 128 + the signal.
    Signalled(i32),
}

impl Ending {
    /// The process exit code: success when done, `Interrupted` after Ctrl-C, `Signalled(n)`.
    pub fn exit_code(self) -> crate::ExitCode {
        match self {
            Ending::Done => crate::ExitCode::Success,
            Ending::Interrupted => crate::ExitCode::Interrupted,
            Ending::Signalled(signal) => crate::ExitCode::Signalled(signal),
        }
    }
}

/// What the student is doing with the current card.
struct CardState {
    input: String,
    /// Cursor position in `input`, in chars.
    cursor: usize,
    reveal: Option<Reveal>,
    message: Option<String>,
    help: bool,
}

enum Next {
    Stay,
    Card,
    Quit,
    Interrupt,
}

/// Runs `session` in the terminal until the student leaves it (after the last card the session
/// stays open on its summary, where `u` still undoes), quits, or Ctrl-C. Returns how it ended,
/// and a line for the normal screen when an answer judged on screen was saved on the way out.
pub fn review(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<(Ending, Option<String>)> {
    catch_termination();
    let screen = Screen::enter()?;
    let color = use_color();
    let mut notice = None;
    let ending = run(session, store, clock, color, &mut notice);
    drop(screen);
    Ok((ending?, notice))
}

fn run(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    clock: &dyn Fn() -> DateTime<Utc>,
    color: bool,
    notice: &mut Option<String>,
) -> Result<Ending> {
    // A backlog is said on the first card's screen (and again in the summary).
    let mut message: Option<String> = session.backlog().map(|b| crate::session::life::backlog_lines(b).join(" · "));
    'cards: loop {
        let Some(index) = session.next(clock()) else {
            match summary_screen(session, store, clock, color, message.take(), &mut message)? {
                Some(ending) => return Ok(ending),
                None => continue 'cards, // an answer was undone: its card is next
            }
        };
        let shown_at = clock();
        let mut st = CardState { input: String::new(), cursor: 0, reveal: None, message: message.take(), help: false };
        let judged_kind = !matches!(session.card(index).judge, Judge::SelfGraded);
        let mut idle_done = false;
        loop {
            draw(session, index, &st, judged_kind, color)?;
            if !idle_done {
                session.idle(store)?;
                idle_done = true;
            }
            let Some(event) = next_event()? else {
                *notice = save_judged(session, store, index, &st, clock, shown_at)?;
                return Ok(Ending::Signalled(SIGNALLED.load(Ordering::SeqCst)));
            };
            let key = match event {
                Event::Key(k) if k.kind != KeyEventKind::Release => k,
                Event::Paste(text) if judged_kind && st.reveal.is_none() => {
                    // Control characters (escape sequences, tabs, newlines) never reach the screen.
                    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                    insert(&mut st, &clean);
                    continue;
                }
                _ => continue, // resize and others: redraw
            };
            let next = if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                *notice = save_judged(session, store, index, &st, clock, shown_at)?;
                Next::Interrupt
            } else if st.reveal.is_none() && judged_kind {
                editing_key(session, store, index, &mut st, key, clock)?
            } else {
                command_key(session, store, index, &mut st, key, clock, shown_at, &mut message, notice)?
            };
            match next {
                Next::Stay => {}
                Next::Card => {
                    // What u, s or b just did is said on the next card's screen.
                    if message.is_none() {
                        message = st.message.take();
                    }
                    continue 'cards;
                }
                Next::Quit => return Ok(Ending::Done),
                Next::Interrupt => return Ok(Ending::Interrupted),
            }
        }
    }
}

/// After the last card: the summary, with `u` to take the last answer back (its card is asked
/// again: returns None) and q, Esc or Enter to end. A session that saved nothing ends at once.
fn summary_screen(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    clock: &dyn Fn() -> DateTime<Utc>,
    color: bool,
    mut message: Option<String>,
    undone_message: &mut Option<String>,
) -> Result<Option<Ending>> {
    if session.saved() == 0 {
        return Ok(Some(Ending::Done));
    }
    loop {
        let lines = crate::session::piped::summary_lines(&session.summary(store, clock())?);
        let (cols, rows) = terminal::size().unwrap_or((80, 24));
        let screen = render_summary(&lines, message.as_deref(), (cols as usize).min(100));
        draw_lines(&screen, cols as usize, rows as usize, color)?;
        let Some(event) = next_event()? else {
            return Ok(Some(Ending::Signalled(SIGNALLED.load(Ordering::SeqCst))));
        };
        let Event::Key(key) = event else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Ok(Some(Ending::Interrupted))
            }
            KeyCode::Char('u') => match session.undo(store)? {
                Some(undone) => {
                    *undone_message = Some(tr!("session-undone", key = session.card(undone).key.as_str()));
                    return Ok(None);
                }
                None => message = Some(tr!("review-nothing-to-undo")),
            },
            KeyCode::Char('q') | KeyCode::Esc | KeyCode::Enter => return Ok(Some(Ending::Done)),
            _ => {}
        }
    }
}

/// An answer judged on screen (its verdict shown) is saved with the suggested grade when the
/// card is left without a grade — quit, suspend, bury, Ctrl-C, a signal — as the help says.
/// Returns what to tell the student, or None when nothing judged was waiting.
fn save_judged(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    st: &CardState,
    clock: &dyn Fn() -> DateTime<Utc>,
    shown_at: DateTime<Utc>,
) -> Result<Option<String>> {
    let Some(reveal) = st.reveal.as_ref().filter(|r| r.verdict.is_some()) else {
        return Ok(None);
    };
    let rating = reveal.suggested;
    let outcome = session.answer(store, index, rating, clock(), shown_at)?;
    let key = safe_text::terminal_line(&session.card(index).key).into_owned();
    let mut note = tr!("review-saved-suggested", key = key, n = rating.as_u8(), grade = rating.label());
    if outcome.leech_kept_for_exam.is_some() {
        note = format!("{note} {}", tr!("plan-leech-kept-saved"));
    } else if outcome.became_leech {
        note = format!("{note} {}", tr!("review-now-leech"));
    }
    Ok(Some(note))
}

/// Keys while typing an answer: a line editor; Enter submits (or runs a `:` command).
fn editing_key(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    st: &mut CardState,
    key: KeyEvent,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<Next> {
    st.message = None;
    let chars: Vec<char> = st.input.chars().collect();
    match key.code {
        KeyCode::Enter => {
            let line = normalize(&st.input);
            match classify(line) {
                InputLine::Command(command) => return hide_or_undo(session, store, index, st, command, clock),
                InputLine::Text(text) => match session.judge(index, as_typed(session.card(index), &st.input, &text)) {
                    Ok(judged) => st.reveal = Some(reveal(session, index, judged.as_ref(), &text, clock)?),
                    Err(message) => st.message = Some(message),
                },
                InputLine::End => {}
            }
        }
        KeyCode::Esc => return Ok(Next::Quit),
        KeyCode::Backspace if st.cursor > 0 => {
            st.cursor -= 1;
            st.input = chars.iter().enumerate().filter(|&(i, _)| i != st.cursor).map(|(_, c)| c).collect();
        }
        KeyCode::Delete if st.cursor < chars.len() => {
            st.input = chars.iter().enumerate().filter(|&(i, _)| i != st.cursor).map(|(_, c)| c).collect();
        }
        KeyCode::Left => st.cursor = st.cursor.saturating_sub(1),
        KeyCode::Right => st.cursor = (st.cursor + 1).min(chars.len()),
        KeyCode::Home => st.cursor = 0,
        KeyCode::End => st.cursor = chars.len(),
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            st.input.clear();
            st.cursor = 0;
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) && !c.is_control() => {
            insert(st, &c.to_string())
        }
        _ => {}
    }
    Ok(Next::Stay)
}

fn insert(st: &mut CardState, text: &str) {
    let mut chars: Vec<char> = st.input.chars().collect();
    let at = st.cursor.min(chars.len());
    chars.splice(at..at, text.chars());
    st.cursor = at + text.chars().count();
    st.input = chars.into_iter().collect();
}

/// Single keys: reveal, grade, undo, suspend, bury, quit, help.
#[allow(clippy::too_many_arguments)]
fn command_key(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    st: &mut CardState,
    key: KeyEvent,
    clock: &dyn Fn() -> DateTime<Utc>,
    shown_at: DateTime<Utc>,
    message: &mut Option<String>,
    notice: &mut Option<String>,
) -> Result<Next> {
    st.message = None;
    if st.help {
        // Any key leaves the help screen (and does nothing else).
        st.help = false;
        return Ok(Next::Stay);
    }
    if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return Ok(Next::Stay); // Ctrl-S, Ctrl-Q… are terminal habits, not commands
    }
    let command = match key.code {
        KeyCode::Char('?') => {
            st.help = true;
            return Ok(Next::Stay);
        }
        KeyCode::Char('q') | KeyCode::Esc => Command::Quit,
        KeyCode::Char('u') => Command::Undo,
        KeyCode::Char('s') => Command::Suspend,
        KeyCode::Char('b') => Command::Bury,
        KeyCode::Char(' ') | KeyCode::Enter if st.reveal.is_none() => {
            st.reveal = Some(reveal(session, index, None, "", clock)?);
            return Ok(Next::Stay);
        }
        KeyCode::Char(' ') | KeyCode::Enter => {
            let rating = st.reveal.as_ref().map_or(Rating::Good, |r| r.suggested);
            return grade(session, store, index, rating, clock, shown_at, message);
        }
        KeyCode::Char(c @ '1'..='4') if st.reveal.is_some() => {
            let rating = Rating::from_u8(c as u8 - b'0').unwrap_or(Rating::Good);
            return grade(session, store, index, rating, clock, shown_at, message);
        }
        _ => return Ok(Next::Stay),
    };
    // A judged answer left without a grade is saved with the suggested one first; the student
    // is told on the normal screen (quit) or on the next screen (suspend, bury).
    if matches!(command, Command::Quit | Command::Suspend | Command::Bury) {
        if let Some(note) = save_judged(session, store, index, st, clock, shown_at)? {
            match command {
                Command::Suspend => *message = Some(tr!("review-then-suspended", note = note)),
                Command::Bury => *message = Some(tr!("review-then-buried", note = note)),
                _ => *notice = Some(note),
            }
        }
    }
    hide_or_undo(session, store, index, st, command, clock)
}

fn grade(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    rating: Rating,
    clock: &dyn Fn() -> DateTime<Utc>,
    shown_at: DateTime<Utc>,
    message: &mut Option<String>,
) -> Result<Next> {
    let outcome = session.answer(store, index, rating, clock(), shown_at)?;
    if let Some(exam) = outcome.leech_kept_for_exam {
        *message = Some(tr!(
            "plan-leech-kept-screen",
            key = session.card(index).key.as_str(),
            lapses = outcome.card.lapses,
            date = crate::i18n::dates::day(exam.date())
        ));
    } else if outcome.became_leech {
        *message = Some(tr!("review-leech", key = session.card(index).key.as_str(), n = outcome.card.lapses));
    }
    Ok(Next::Card)
}

fn hide_or_undo(
    session: &mut ReviewSession,
    store: &mut dyn Storage,
    index: usize,
    st: &mut CardState,
    command: Command,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<Next> {
    Ok(match command {
        Command::Quit => Next::Quit,
        Command::Undo => match session.undo(store)? {
            Some(undone) => {
                st.message = Some(tr!("session-undone", key = session.card(undone).key.as_str()));
                Next::Card
            }
            None => {
                st.message = Some(tr!("review-nothing-to-undo"));
                st.input.clear();
                st.cursor = 0;
                Next::Stay
            }
        },
        Command::Suspend => {
            session.hide(store, index, HideCard::Suspend, clock())?;
            let key = &session.card(index).key;
            st.message = Some(tr!("session-suspended", key = key.as_str()));
            Next::Card
        }
        Command::Bury => {
            session.hide(store, index, HideCard::Bury, clock())?;
            st.message = Some(tr!("session-buried", key = session.card(index).key.as_str()));
            Next::Card
        }
        Command::Unknown(c) => {
            st.message = Some(tr!("review-unknown-command", command = c));
            st.input.clear();
            st.cursor = 0;
            Next::Stay
        }
    })
}

/// A typed answer as the learner typed it (the judge normalises it anyway, and the screen shows
/// 六〇日 and めいじ元年 as written — issue 20); other kinds read the normalised line (full-width
/// digits are option numbers).
fn as_typed<'a>(card: &crate::deck::Card, raw: &'a str, normalized: &'a str) -> &'a str {
    if matches!(card.judge, Judge::Typed { .. }) {
        raw.trim()
    } else {
        normalized
    }
}

/// The answer side of the card: verdict, lines, explanation and the interval of each grade.
fn reveal(
    session: &ReviewSession,
    index: usize,
    judged: Option<&crate::session::judge::Judged>,
    response: &str,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<Reveal> {
    let card = session.card(index);
    let preview = session.preview(index, clock())?;
    let (verdict, lines, suggested): (Option<Verdict>, Vec<String>, Rating) = match judged {
        Some(j) => (Some(j.verdict), j.lines(crate::i18n::lang()), j.suggest),
        None => {
            let mut lines = vec![tr!("review-answer", answer = shown(&card.answer))];
            if !response.is_empty() {
                lines.push(tr!("review-you", response = response));
            }
            (None, lines, Rating::Good)
        }
    };
    Ok(Reveal {
        verdict,
        lines,
        explanation: card.explanation.as_deref().map(|e| shown(e).into_owned()),
        intervals: Rating::ALL.iter().map(|&r| (r, human_interval(preview.get(r).interval_secs))).collect(),
        suggested,
    })
}

/// What the screen shows of card `index`. Deck text is untrusted: its control characters are
/// made visible here (`safe_text`), before the layout measures it.
fn view(session: &ReviewSession, index: usize, st: &CardState, judged_kind: bool) -> ReviewView {
    let card = session.card(index);
    let line = |s: &String| safe_text::terminal_line(s).into_owned();
    let text = |s: &String| safe_text::terminal(s).into_owned();
    let choices = match &card.judge {
        Judge::Choice { options } => {
            session.display_order(index).into_iter().map(|i| line(&shown(&options[i]).into_owned())).collect()
        }
        Judge::Order { items } => {
            session.display_order(index).into_iter().map(|i| line(&shown(&items[i]).into_owned())).collect()
        }
        _ => Vec::new(),
    };
    let hint = match &card.judge {
        Judge::Typed { .. } => Some(tr!("review-hint-typed")),
        Judge::Choice { .. } => Some(tr!("review-hint-choice")),
        Judge::TrueFalse { .. } => Some(tr!("review-hint-truefalse")),
        Judge::Order { .. } => Some(tr!("review-hint-order")),
        Judge::SelfGraded => None,
    };
    ReviewView {
        deck: line(&card.deck),
        tags: card.tags.iter().map(line).collect(),
        state: session.schedule(index).state.label(),
        counts: session.remaining(),
        prompt: text(&shown(&card.prompt).into_owned()),
        choices,
        hint,
        phase: match &st.reveal {
            Some(r) => Phase::Answer(Reveal {
                lines: r.lines.iter().map(text).collect(),
                explanation: r.explanation.as_ref().map(text),
                ..r.clone()
            }),
            None => Phase::Question { input: judged_kind.then(|| st.input.clone()) },
        },
        message: st.message.as_ref().map(text),
        help: st.help,
        progress: None,
        keys: None,
    }
}

fn draw(session: &ReviewSession, index: usize, st: &CardState, judged_kind: bool, color: bool) -> Result<()> {
    let input = (st.reveal.is_none() && judged_kind).then_some((st.input.as_str(), st.cursor));
    paint(&view(session, index, st, judged_kind), input, color)
}
