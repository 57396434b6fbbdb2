//! The exam part of the piped protocol over `ExamSession`: `seed <n>`, then per question its
//! `card`/`option`/`item` lines, one response line and `verdict <right|almost|wrong>`; `:q`
//! ends it with the rest counted wrong; after the time limit further input is ignored. Ends
//! with `score X/N` and the breakdown for people.

use chrono::{DateTime, Utc};

use super::exam_session::{ExamReport, ExamSession, Submitted};
use super::input::{Command, Line};
use super::piped::{human, write_card, Io};
use crate::i18n::durations::human_interval;
use crate::scheduler::DayClock;
use crate::store::Storage;
use crate::{tr, Result};

/// Runs `exam` over the protocol until it is over; saves the paper. Returns the report.
pub fn run(
    exam: &mut ExamSession,
    store: &mut dyn Storage,
    days: &DayClock,
    clock: &dyn Fn() -> DateTime<Utc>,
    io: &mut Io,
) -> Result<ExamReport> {
    writeln!(io.out, "seed {}", exam.seed())?;
    if let Some(limit) = exam.time_limit_secs() {
        human(io.out, &tr!("exam-time-limit", n = exam.len(), time = human_interval(limit)))?;
    }
    'questions: while let Some((n, asked)) = exam.current() {
        let progress = progress(n, exam.len(), exam.time_left_secs(clock()));
        write_card(io.out, asked, &tr!("exam-label"), &progress, &exam.display_order())?;
        let shown_at = clock();
        let judged = loop {
            let line = io.read()?;
            if exam.time_up(clock()) {
                break 'questions;
            }
            match line {
                Line::End | Line::Command(Command::Quit) => {
                    exam.quit();
                    break 'questions;
                }
                Line::Command(Command::Undo) => writeln!(io.err, "error: {}", tr!("exam-no-undo"))?,
                Line::Command(c) => {
                    writeln!(io.err, "error: {}", tr!("exam-not-available", command = format!("{c:?}")))?
                }
                Line::Text(text) => match exam.judge(&text) {
                    Ok(judged) => break judged,
                    Err(message) => writeln!(io.err, "error: {message}")?,
                },
            }
        };
        // Saved before the verdict is shown: what the learner saw judged is in the log.
        match exam.submit(store, days, judged, clock(), shown_at)? {
            Submitted::Judged(judged) => {
                writeln!(io.out, "verdict {}", judged.verdict.as_str())?;
                for line in &judged.lines(crate::i18n::lang()) {
                    human(io.out, line)?;
                }
            }
            Submitted::TimeUp => break,
        }
    }
    let report = exam.finish(store, days, clock())?;
    if report.timed_out {
        human(io.out, &tr!("exam-time-up"))?;
    }
    writeln!(io.out, "score {}/{}", report.score, report.questions)?;
    for line in report_lines(&report) {
        human(io.out, &line)?;
    }
    io.out.flush()?;
    Ok(report)
}

/// "question 2/10", or "question 2/10 · 4m left" with a time limit.
pub fn progress(n: usize, total: usize, secs_left: Option<i64>) -> String {
    match secs_left {
        Some(secs) => tr!("exam-progress-timed", n = n + 1, total = total, time = human_interval(secs)),
        None => tr!("exam-progress", n = n + 1, total = total),
    }
}

/// The breakdown for people, one line each: time, score by deck and by tag, every miss with
/// its answer (and explanation), and what `--feed-review` did.
pub fn report_lines(report: &ExamReport) -> Vec<String> {
    let mut lines = vec![tr!("exam-report-time", time = human_interval(report.duration_secs))];
    for (key, parts) in [("exam-report-by-deck", &report.by_deck), ("exam-report-by-tag", &report.by_tag)] {
        let parts: Vec<String> = parts.iter().map(|(name, r, n)| format!("{name} {r}/{n}")).collect();
        if !parts.is_empty() {
            lines.push(tr!(key, parts = parts.join(" · ")));
        }
    }
    for miss in &report.misses {
        lines.push(format!("✗ {}. {} → {}", miss.number, miss.prompt, miss.answer.text(crate::i18n::lang())));
        if let Some(explanation) = &miss.explanation {
            lines.push(format!("   {explanation}"));
        }
    }
    if let Some(fed) = report.fed_to_review {
        lines.push(tr!("exam-report-fed", n = fed));
    }
    lines
}
