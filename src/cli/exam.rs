//! `kioku exam`: a mock exam; `kioku exam --history`: past papers.

use std::io::Write;

use chrono::{FixedOffset, TimeZone};

use crate::deck::Card;
use crate::error::Expected;
use crate::safe_text::terminal_line;
use crate::session::exam;
use crate::session::exam_piped;
use crate::session::exam_session::{ExamCard, ExamOptions, ExamSession};
use crate::session::piped::Io;
use crate::store::LearnerId;
use crate::ui::columns::{pad_end, pad_start};
use crate::ui::{quiz, terminal};
use crate::{Error, ExitCode, Result};

use super::{Access, Context, Prepared};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scope: super::scope::Scope,
    /// Number of questions
    #[arg(long, default_value_t = 20)]
    pub count: usize,
    /// Replay a paper (without it a seed is drawn and printed)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Time limit, e.g. 20m or 30s; the questions left when it runs out count wrong
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<String>,
    /// Make review cards you missed due today
    #[arg(long)]
    pub feed_review: bool,
    /// List past papers with their scores instead
    #[arg(long)]
    pub history: bool,
}

/// Runs the exam (a screen in a terminal, the protocol otherwise); returns the exit code.
pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    if args.history {
        history(ctx)?;
        return Ok(ExitCode::Success);
    }
    let time_limit_secs = match args.time_limit.as_deref() {
        Some(text) => match crate::settings::parse_steps("--time-limit", text)
            .map_err(|_| invalid_time_limit(text, Expected::Duration))?
            .as_slice()
        {
            [secs] => Some(*secs as i64),
            _ => return Err(invalid_time_limit(text, Expected::OneDuration)),
        },
        None => None,
    };
    if args.count == 0 {
        return Err(Error::Input(crate::tr!("exam-count-too-small")));
    }
    let Prepared { mut store, settings, lock: _lock } =
        ctx.prepare(&|decks, tags| args.scope.check_names(decks, tags), Access::Exclusive)?;
    let days = ctx.days(&settings);
    let filter = args.scope.filter();
    let cards = ExamCard::in_scope(&store, LearnerId::PERSONAL, &|deck, tags| filter.covers(deck, tags))?;
    let seed = args.seed.unwrap_or_else(|| exam::seed_from(ctx.now()));
    let pool: Vec<&Card> = cards.iter().map(|c| &c.card).collect();
    let paper = exam::build_paper(&pool, args.count, seed);
    if paper.len() < args.count && !paper.is_empty() {
        crate::cli::warn(&crate::tr!("exam-only-drawn", n = paper.len()));
    }
    if paper.is_empty() {
        return Err(Error::Input(crate::tr!("exam-none-askable")));
    }
    let scope = args.scope.describe();
    let options = ExamOptions { seed, time_limit_secs, feed_review: args.feed_review, scope };
    let mut session = ExamSession::new(LearnerId::PERSONAL, cards, paper, options, ctx.now());
    if terminal::is_interactive() {
        let (ending, report) = quiz::exam(&mut session, &mut store, &days, &|| ctx.now())?;
        // What stays on the terminal after the screen closes.
        let mut lines = vec![crate::tr!(
            "exam-after-screen",
            score = report.score,
            questions = report.questions,
            seed = session.seed().to_string()
        )];
        lines.extend(exam_piped::report_lines(&report));
        print_after_screen(&lines);
        return Ok(ending.exit_code());
    }
    let mut input = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let mut io = Io { input: &mut input, out: &mut out, err: &mut err };
    exam_piped::run(&mut session, &mut store, &days, &|| ctx.now(), &mut io)?;
    Ok(ExitCode::Success)
}

fn invalid_time_limit(text: &str, expected: Expected) -> Error {
    Error::Invalid { name: "--time-limit".into(), value: text.into(), expected }
}

/// Prints `lines` for people once the screen is closed (after SIGHUP there may be no terminal:
/// nothing to show, nothing lost).
pub(super) fn print_after_screen(lines: &[String]) {
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{}", crate::safe_text::terminal(line)).is_err() {
            break;
        }
    }
}

fn history(ctx: &Context) -> Result<()> {
    let exams = match ctx.open_existing_store()? {
        Some(store) => store.exams(LearnerId::PERSONAL)?,
        None => Vec::new(),
    };
    let mut out = std::io::stdout().lock();
    if exams.is_empty() {
        writeln!(out, "{}", crate::tr!("exam-history-none"))?;
    } else {
        let head = |key: &str| crate::tr!(key);
        writeln!(
            out,
            "{}  {} {:>4}  {}  {} {}",
            pad_end(&head("exam-history-taken"), crate::i18n::dates::date_time_width()),
            pad_start(&head("exam-history-score"), 7),
            "",
            pad_start(&head("exam-history-time"), 6),
            pad_end(&head("exam-history-seed"), 12),
            head("exam-history-scope")
        )?;
    }
    let when_width = crate::i18n::dates::date_time_width();
    for e in &exams {
        let offset = FixedOffset::east_opt(e.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
        let when = offset
            .timestamp_millis_opt(e.taken_at_ms)
            .single()
            .map(|t| pad_end(&crate::i18n::dates::date_time(t.naive_local()), when_width))
            .unwrap_or_default();
        let pct = e.score * 100 / e.questions.max(1);
        writeln!(
            out,
            "{when}  {:>3}/{:<3} {pct:>3}%  {}  {} {:<7} {}",
            e.score,
            e.questions,
            pad_start(&crate::i18n::durations::human_interval(e.duration_ms / 1000), 6),
            crate::tr!("exam-history-seed"),
            e.seed,
            terminal_line(&super::scope::shown(&e.scope))
        )?;
    }
    Ok(())
}
