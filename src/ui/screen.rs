//! The terminal's screen: raw mode and the alternate screen for as long as a `Screen` lives, and
//! drawing rendered lines (`render`) over the window, cut to its width, in colour or not. Every
//! interactive screen (review, exam, cram) draws through here.

use std::io::Write;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::terminal::{self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};
use unicode_width::UnicodeWidthStr;

use super::render::{render, Line, ReviewView, Style, MIN_WIDTH};
use super::wrap::{self, truncate};
use crate::answer::Verdict;
use crate::scheduler::Rating;
use crate::Result;

/// Raw mode and the alternate screen for as long as it lives; restored on drop (also when
/// an error or a panic unwinds).
pub(super) struct Screen;

impl Screen {
    pub(super) fn enter() -> std::io::Result<Screen> {
        terminal::enable_raw_mode()?;
        execute!(std::io::stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)?;
        Ok(Screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), Show, DisableBracketedPaste, LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

/// Draws `view` over the whole window; `input` (the line being typed and the cursor in chars)
/// places the cursor on the input row. Shared by every screen (review, exam, cram).
pub(super) fn paint(view: &ReviewView, input: Option<(&str, usize)>, color: bool) -> Result<()> {
    let (cols, rows) = terminal::size().unwrap_or((80, 24));
    let (width, height) = (cols as usize, rows as usize);
    let mut lines = render(view, width.min(100));
    // Too tall for the window: keep the header (3 lines) and the bottom (the input, the answer,
    // the keys), dropping lines from the middle.
    let height = height.max(1);
    if lines.len() > height && height > 4 {
        let cut = lines.len() - height;
        lines.drain(3..3 + cut);
    }
    let input_row = if input.is_some() { lines.iter().rposition(|l| l.text().starts_with("  > ")) } else { None };
    let mut out = std::io::stdout().lock();
    queue!(out, Hide, MoveTo(0, 0), Clear(ClearType::All))?;
    let mut cursor_at = None;
    for (row, line) in lines.iter().take(height).enumerate() {
        queue!(out, MoveTo(0, row as u16))?;
        write_line(&mut out, line, width, color)?;
        if let (true, Some((text, cursor))) = (Some(row) == input_row, input) {
            // The input wraps after the "  > " prompt (as `render` wraps it); put the cursor on
            // the row it falls on.
            let before: String = text.chars().take(cursor).collect();
            let (down, across) = wrap::cursor_at(&before, width.clamp(MIN_WIDTH, 100) - 4);
            cursor_at = Some(((4 + across).min(width.saturating_sub(1)) as u16, (row + down).min(height - 1) as u16));
        }
    }
    if let Some((x, y)) = cursor_at {
        queue!(out, MoveTo(x, y), Show)?;
    }
    out.flush()?;
    Ok(())
}

/// Draws `lines` from the top of a cleared screen (a summary: no input, no cursor).
pub(super) fn draw_lines(lines: &[Line], width: usize, height: usize, color: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    queue!(out, Hide, MoveTo(0, 0), Clear(ClearType::All))?;
    for (row, line) in lines.iter().take(height.max(1)).enumerate() {
        queue!(out, MoveTo(0, row as u16))?;
        write_line(&mut out, line, width, color)?;
    }
    out.flush()?;
    Ok(())
}

/// Writes one line, cut to the terminal's width so a small window gets no wrapped garbage.
fn write_line(out: &mut impl Write, line: &Line, width: usize, color: bool) -> std::io::Result<()> {
    let mut left = width;
    for span in &line.0 {
        // Deck text was made visible in `view`; what is left here (tabs) is drawn as spaces.
        let clean: String = span.text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let text = truncate(&clean, left);
        left = left.saturating_sub(text.width());
        if color {
            match span.style {
                Style::Plain => {}
                // Faint (SGR 2) of the theme's own foreground, not palette colour 8, which many dark
                // themes draw next to invisible on their background (issue 20).
                Style::Dim => queue!(out, SetAttribute(Attribute::Dim))?,
                Style::Bold => queue!(out, SetAttribute(Attribute::Bold))?,
                Style::Error => queue!(out, SetForegroundColor(Color::Red))?,
                Style::Rating(r) => queue!(out, SetForegroundColor(rating_color(r)))?,
                Style::Verdict(v) => queue!(
                    out,
                    SetForegroundColor(match v {
                        Verdict::Right => Color::Green,
                        Verdict::Almost => Color::Yellow,
                        Verdict::Wrong => Color::Red,
                    })
                )?,
            }
        }
        queue!(out, Print(text))?;
        if color {
            queue!(out, SetAttribute(Attribute::Reset), ResetColor)?;
        }
    }
    Ok(())
}

fn rating_color(r: Rating) -> Color {
    match r {
        Rating::Again => Color::Red,
        Rating::Hard => Color::Yellow,
        Rating::Good => Color::Green,
        Rating::Easy => Color::Blue,
    }
}
