//! The exam and cram screens: the same layout as the review screen (`render`), driven by the
//! exam and cram engines. Never prints protocol lines; deck text is made safe before layout.

use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::render::{Phase, Reveal, ReviewView};
use super::screen::{paint, Screen};
use super::terminal::{use_color, Ending};
use super::tty::{catch_termination, next_event, SIGNALLED};
use crate::deck::reading::shown;
use crate::deck::{Card, Judge};
use crate::safe_text;
use crate::scheduler::{DayClock, Rating};
use crate::session::cram::CramSession;
use crate::session::exam_piped::{progress, report_lines};
use crate::session::exam_session::{ExamReport, ExamSession, Submitted};
use crate::session::judge::Judged;
use crate::store::Storage;
use crate::{tr, Result};

/// A line being typed, with its cursor (in chars).
#[derive(Default)]
struct Editor {
    text: String,
    cursor: usize,
}

enum Key {
    Submit,
    Quit,
    Interrupt,
    Other,
}

impl Editor {
    /// Applies an editing key; Enter submits, Esc quits, Ctrl-C interrupts.
    fn key(&mut self, key: KeyEvent) -> Key {
        let mut chars: Vec<char> = self.text.chars().collect();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => return Key::Interrupt,
            KeyCode::Enter => return Key::Submit,
            KeyCode::Esc => return Key::Quit,
            KeyCode::Backspace if self.cursor > 0 => {
                chars.remove(self.cursor - 1);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < chars.len() => {
                chars.remove(self.cursor);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(chars.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = chars.len(),
            KeyCode::Char('u') if ctrl => {
                chars.drain(..self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                chars.insert(self.cursor, c);
                self.cursor += 1;
            }
            _ => {}
        }
        self.text = chars.into_iter().collect();
        Key::Other
    }

    fn paste(&mut self, text: &str) {
        // Control characters (escape sequences, newlines) never reach the screen.
        for c in text.chars().map(|c| if c.is_control() { ' ' } else { c }) {
            let mut chars: Vec<char> = self.text.chars().collect();
            chars.insert(self.cursor, c);
            self.cursor += 1;
            self.text = chars.into_iter().collect();
        }
    }
}

/// The next key press, a paste, or None when a termination signal arrived.
enum Input {
    Key(KeyEvent),
    Paste(String),
}

fn next_input() -> Result<Option<Input>> {
    Ok(match next_event()? {
        None => None,
        Some(Event::Key(k)) if k.kind != KeyEventKind::Release => Some(Input::Key(k)),
        Some(Event::Paste(text)) => Some(Input::Paste(text)),
        // A resize or a key release: a key that does nothing, so the screen is redrawn.
        Some(_) => Some(Input::Key(KeyEvent::from(KeyCode::Null))),
    })
}

fn signalled() -> Ending {
    Ending::Signalled(SIGNALLED.load(Ordering::SeqCst))
}

/// The question side of `card` as the screen shows it: deck text made visible and readings
/// shown as the review screen does.
pub(super) fn question_view(card: &Card, order: &[usize], state: &str, progress: String) -> ReviewView {
    let line = |s: &str| safe_text::terminal_line(&shown(s)).into_owned();
    let choices = match &card.judge {
        Judge::Choice { options } => order.iter().map(|&i| line(&options[i])).collect(),
        Judge::Order { items } => order.iter().map(|&i| line(&items[i])).collect(),
        _ => Vec::new(),
    };
    let hint = match &card.judge {
        Judge::Typed { .. } => Some(tr!("exam-hint-typed")),
        Judge::Choice { .. } => Some(tr!("exam-hint-choice")),
        Judge::TrueFalse { .. } => Some(tr!("exam-hint-truefalse")),
        Judge::Order { .. } => Some(tr!("exam-hint-order")),
        Judge::SelfGraded => None,
    };
    ReviewView {
        deck: line(&card.deck),
        tags: card.tags.iter().map(|t| line(t)).collect(),
        state: state.to_string(),
        counts: (0, 0, 0),
        prompt: safe_text::terminal(&shown(&card.prompt)).into_owned(),
        choices,
        hint,
        phase: Phase::Question { input: None },
        message: None,
        help: false,
        progress: Some(progress),
        keys: None,
    }
}

/// The answer side: the verdict and its lines, or the answer of a self-graded card.
pub(super) fn reveal(card: &Card, judged: Option<&Judged>, response: &str, explanation: bool) -> Reveal {
    let text = |s: &str| safe_text::terminal(s).into_owned();
    let (verdict, lines, suggested) = match judged {
        Some(j) => (Some(j.verdict), j.lines(crate::i18n::lang()).iter().map(|l| text(l)).collect(), j.suggest),
        None => {
            let mut lines = vec![tr!("review-answer", answer = text(&shown(&card.answer)))];
            if !response.is_empty() {
                lines.push(tr!("review-you", response = text(response)));
            }
            (None, lines, Rating::Good)
        }
    };
    let explanation = card.explanation.as_deref().filter(|_| explanation).map(|e| text(&shown(e)));
    Reveal { verdict, lines, explanation, intervals: Vec::new(), suggested }
}

/// Runs `exam` on the terminal screen; saves the paper at the end (also after Ctrl-C or a
/// signal) and returns how it ended with the report.
pub fn exam(
    exam: &mut ExamSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<(Ending, ExamReport)> {
    catch_termination();
    let screen = Screen::enter()?;
    let ending = exam_loop(exam, store, days, clock, use_color());
    let report = exam.finish(store, days, clock())?;
    let ending = match ending? {
        Ending::Done => show_report(&report, use_color())?,
        other => other,
    };
    drop(screen);
    Ok((ending, report))
}

fn exam_loop(
    exam: &mut ExamSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
    color: bool,
) -> Result<Ending> {
    while let Some((n, card)) = exam.current() {
        let card = card.clone();
        let order = exam.display_order();
        let shown_at = clock();
        let mut editor = Editor::default();
        let mut message = None;
        let judged = loop {
            let progress = progress(n, exam.len(), exam.time_left_secs(clock()));
            let view = ReviewView {
                phase: Phase::Question { input: Some(editor.text.clone()) },
                // Messages may quote what was typed or a key from a deck: made visible like deck text.
                message: message.take().map(|m: String| safe_text::terminal(&m).into_owned()),
                keys: Some(tr!("exam-keys-typing")),
                ..question_view(&card, &order, &tr!("exam-label"), progress)
            };
            paint(&view, Some((&editor.text, editor.cursor)), color)?;
            let key = match next_input()? {
                None => return Ok(signalled()),
                Some(Input::Paste(text)) => {
                    editor.paste(&text);
                    continue;
                }
                Some(Input::Key(key)) => key,
            };
            match editor.key(key) {
                Key::Interrupt => return Ok(Ending::Interrupted),
                Key::Quit => {
                    exam.quit();
                    return Ok(Ending::Done);
                }
                Key::Submit if editor.text.trim() == ":q" => {
                    exam.quit();
                    return Ok(Ending::Done);
                }
                Key::Submit => match exam.judge(&editor.text) {
                    Ok(judged) => break judged,
                    Err(error) => message = Some(error),
                },
                Key::Other => {}
            }
        };
        // Saved before the verdict is shown.
        let judged = match exam.submit(store, days, judged, clock(), shown_at)? {
            Submitted::Judged(judged) => judged,
            Submitted::TimeUp => return Ok(Ending::Done),
        };
        let view = ReviewView {
            phase: Phase::Answer(reveal(&card, Some(&judged), &editor.text, false)),
            keys: Some(tr!("exam-keys-answer")),
            // The time left stays in sight on the verdict too: the clock keeps running there.
            ..question_view(&card, &order, &tr!("exam-label"), progress(n, exam.len(), exam.time_left_secs(clock())))
        };
        paint(&view, None, color)?;
        loop {
            match next_input()? {
                None => return Ok(signalled()),
                Some(Input::Key(k)) if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) => {
                    return Ok(Ending::Interrupted)
                }
                Some(Input::Key(k)) if matches!(k.code, KeyCode::Enter | KeyCode::Char(' ')) => break,
                Some(Input::Key(k)) if matches!(k.code, KeyCode::Esc | KeyCode::Char('q')) => {
                    exam.quit();
                    return Ok(Ending::Done);
                }
                _ => paint(&view, None, color)?,
            }
        }
    }
    Ok(Ending::Done)
}

/// The score and the breakdown, until a key is pressed.
fn show_report(report: &ExamReport, color: bool) -> Result<Ending> {
    paint(&report_view(report), None, color)?;
    match next_input()? {
        None => Ok(signalled()),
        Some(_) => Ok(Ending::Done),
    }
}

/// The screen at the end of an exam: the score and the breakdown.
pub(super) fn report_view(report: &ExamReport) -> ReviewView {
    let mut lines = Vec::new();
    if report.timed_out {
        lines.push(tr!("exam-time-up"));
    }
    lines.extend(report_lines(report).iter().map(|l| safe_text::terminal(l).into_owned()));
    ReviewView {
        deck: tr!("exam-label"),
        tags: Vec::new(),
        state: tr!("exam-score-label"),
        counts: (0, 0, 0),
        prompt: tr!("exam-score", score = report.score, questions = report.questions),
        choices: Vec::new(),
        hint: None,
        phase: Phase::Answer(Reveal {
            verdict: None,
            lines,
            explanation: None,
            intervals: Vec::new(),
            suggested: Rating::Good,
        }),
        message: None,
        help: false,
        progress: Some(String::new()),
        keys: Some(tr!("exam-keys-report")),
    }
}

/// Runs `cram` on the terminal screen until it is over or the learner quits.
pub fn cram(
    cram: &mut CramSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
) -> Result<Ending> {
    catch_termination();
    let screen = Screen::enter()?;
    let ending = cram_loop(cram, store, days, clock, use_color());
    drop(screen);
    ending
}

fn cram_loop(
    cram: &mut CramSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
    color: bool,
) -> Result<Ending> {
    let mut message: Option<String> = None;
    'cards: while let Some(index) = cram.next_card() {
        let card = cram.card(index).clone();
        let order = cram.display_order(index);
        let judged_kind = !matches!(card.judge, Judge::SelfGraded);
        let shown_at = clock();
        let mut editor = Editor::default();
        let progress = tr!("cram-left", n = cram.left());
        // The question: type an answer (judged kinds) or press space to see it.
        let judged = loop {
            let view = ReviewView {
                phase: Phase::Question { input: judged_kind.then(|| editor.text.clone()) },
                // Messages may quote what was typed or a key from a deck: made visible like deck text.
                message: message.take().map(|m: String| safe_text::terminal(&m).into_owned()),
                keys: Some(if judged_kind { tr!("cram-keys-typing") } else { tr!("cram-keys-question") }),
                ..question_view(&card, &order, &tr!("cram-label"), progress.clone())
            };
            paint(&view, judged_kind.then_some((editor.text.as_str(), editor.cursor)), color)?;
            let key = match next_input()? {
                None => return Ok(signalled()),
                Some(Input::Paste(text)) if judged_kind => {
                    editor.paste(&text);
                    continue;
                }
                Some(Input::Paste(_)) => continue,
                Some(Input::Key(key)) => key,
            };
            if judged_kind {
                match editor.key(key) {
                    Key::Interrupt => return Ok(Ending::Interrupted),
                    Key::Quit => return Ok(Ending::Done),
                    Key::Submit if editor.text.trim() == ":q" => return Ok(Ending::Done),
                    Key::Submit if editor.text.trim() == ":u" => match cram.undo(store)? {
                        Some(undone) => {
                            message = Some(undone_message(&cram.card(undone).key));
                            continue 'cards;
                        }
                        None => {
                            editor = Editor::default();
                            message = Some(tr!("review-nothing-to-undo"));
                        }
                    },
                    Key::Submit => match cram.judge(index, &editor.text) {
                        Ok(judged) => break judged,
                        Err(error) => message = Some(error),
                    },
                    Key::Other => {}
                }
                continue;
            }
            match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return Ok(Ending::Interrupted),
                KeyCode::Char(' ') | KeyCode::Enter => break None,
                KeyCode::Char('q') | KeyCode::Esc => return Ok(Ending::Done),
                KeyCode::Char('u') => match cram.undo(store)? {
                    Some(undone) => {
                        message = Some(undone_message(&cram.card(undone).key));
                        continue 'cards;
                    }
                    None => message = Some(tr!("review-nothing-to-undo")),
                },
                _ => {}
            }
        };
        // The answer: grade it (cram logs the grade, the schedule stays as it is).
        let shown_reveal = reveal(&card, judged.as_ref(), &editor.text, true);
        let suggested = shown_reveal.suggested;
        let view = ReviewView {
            phase: Phase::Answer(shown_reveal),
            keys: Some(tr!("cram-keys-answer", grade = suggested.label())),
            ..question_view(&card, &order, &tr!("cram-label"), progress.clone())
        };
        let rating = loop {
            paint(&view, None, color)?;
            let key = match next_input()? {
                None => return Ok(signalled()),
                Some(Input::Key(key)) => key,
                Some(Input::Paste(_)) => continue,
            };
            match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return Ok(Ending::Interrupted),
                KeyCode::Enter => break suggested,
                KeyCode::Char(c @ '1'..='4') => break Rating::parse(&c.to_string()).unwrap_or(suggested),
                KeyCode::Char('q') | KeyCode::Esc => return Ok(Ending::Done),
                KeyCode::Char('u') => {
                    if let Some(undone) = cram.undo(store)? {
                        message = Some(undone_message(&cram.card(undone).key));
                        continue 'cards;
                    }
                }
                _ => {}
            }
        };
        let key = cram.grade(store, days, rating, clock(), shown_at)?;
        message = Some(tr!("cram-saved", key = safe_text::terminal_line(&key), grade = rating.label()));
    }
    Ok(Ending::Done)
}

/// "undone: KEY", the key made visible.
fn undone_message(key: &str) -> String {
    tr!("cram-undone", key = safe_text::terminal_line(key))
}
