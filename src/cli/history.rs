//! `kioku history`: the review log, oldest first.

use std::io::Write;

use chrono::{FixedOffset, SecondsFormat, TimeZone};
use serde::Serialize;

use crate::safe_text::terminal_line;
use crate::scheduler::{Rating, State};
use crate::session::piped::rfc3339_utc;
use crate::store::{LearnerId, ReviewKind, ReviewRow};
use crate::ui::columns::{pad_end, width};
use crate::{tr, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// One JSON array, oldest first (fields in the README)
    #[arg(long)]
    pub json: bool,
    /// Only this card (deck/note-id[:variant])
    #[arg(long, value_name = "KEY")]
    pub card: Option<String>,
}

/// One row as `history --json` prints it.
#[derive(Serialize)]
struct HistoryEntry<'a> {
    card: &'a str,
    reviewed_at: String,
    rating: u8,
    kind: &'a str,
    /// What happened: a manual row's action (suspend, unsuspend, bury, postpone, advance, break,
    /// plan, feed-review; `manual` for rows written before actions were kept), else the kind.
    action: &'a str,
    state_before: &'static str,
    elapsed_days: u32,
    interval_secs: i64,
    due: Option<String>,
    stability: Option<f32>,
    difficulty: Option<f32>,
    /// Choice and true/false answers: the option chosen ("" for don't know); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    chosen_option: Option<&'a str>,
}

fn entry(row: &ReviewRow) -> HistoryEntry<'_> {
    let offset = FixedOffset::east_opt(row.utc_offset_secs).unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
    let reviewed_at = offset
        .timestamp_millis_opt(row.reviewed_at_ms)
        .single()
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default();
    HistoryEntry {
        card: &row.card_key,
        reviewed_at,
        rating: row.rating,
        kind: row.kind.as_str(),
        action: row.action.as_deref().unwrap_or(row.kind.as_str()),
        state_before: row.state_before.as_str(),
        elapsed_days: row.elapsed_days,
        interval_secs: row.interval_secs,
        due: row.due_at_ms.map(|ms| rfc3339_utc(Some(ms))),
        stability: row.stability,
        difficulty: row.difficulty,
        chosen_option: row.chosen_option.as_deref(),
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let rows = match ctx.open_existing_store()? {
        Some(store) => store.history(LearnerId::PERSONAL, args.card.as_deref())?,
        None => Vec::new(),
    };
    let entries: Vec<HistoryEntry> = rows.iter().map(entry).collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&entries).unwrap_or_default())?;
        return Ok(());
    }
    if entries.is_empty() {
        writeln!(out, "{}", tr!("stats-history-none"))?;
    }
    // For people: times in the zone of study days (--tz), to the minute.
    let when_width = crate::i18n::dates::date_time_width();
    let local = |ms: i64| {
        chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
            .map(|t| pad_end(&crate::i18n::dates::date_time(t.with_timezone(&ctx.tz).naive_local()), when_width))
            .unwrap_or_default()
    };
    // Columns padded by display width (詰め込み takes 8 columns, 試験 4).
    let cells: Vec<[String; 3]> = entries
        .iter()
        .zip(&rows)
        .map(|(e, row)| {
            // The rating, or for a manual row what was done (suspend, bury…).
            let what = Rating::from_u8(e.rating).map_or(e.action.to_string(), Rating::label);
            [kind_label(row.kind), what, row.state_before.label()]
        })
        .collect();
    // Every label the column can hold counts, so the layout does not shift from one log to the next.
    let kinds = [ReviewKind::Review, ReviewKind::Cram, ReviewKind::Exam, ReviewKind::Manual].map(kind_label);
    let states = [State::New, State::Learning, State::Review, State::Relearning].map(State::label);
    let known: [Vec<String>; 3] = [kinds.into(), Rating::ALL.map(Rating::label).into(), states.into()];
    let widths: [usize; 3] = std::array::from_fn(|i| {
        let widest = |texts: &mut dyn Iterator<Item = &String>| texts.map(|t| width(t)).max().unwrap_or(0);
        // 11: room for a manual action (`unsuspend`, `feed-review`).
        widest(&mut known[i].iter()).max(widest(&mut cells.iter().map(|c| &c[i]))).max(if i == 1 { 11 } else { 0 })
    });
    for ((e, row), [kind, what, state]) in entries.iter().zip(&rows).zip(&cells) {
        let due = row.due_at_ms.map_or_else(|| "-".to_string(), local);
        writeln!(
            out,
            "{}  {} {} {} {}  {}",
            local(row.reviewed_at_ms),
            pad_end(kind, widths[0]),
            pad_end(what, widths[1]),
            pad_end(state, widths[2]),
            terminal_line(e.card),
            tr!("stats-history-due", due = due)
        )?;
    }
    Ok(())
}

fn kind_label(kind: ReviewKind) -> String {
    match kind {
        ReviewKind::Review => tr!("stats-kind-review"),
        ReviewKind::Cram => tr!("stats-kind-cram"),
        ReviewKind::Exam => tr!("stats-kind-exam"),
        ReviewKind::Manual => tr!("stats-kind-manual"),
    }
}
