//! `kioku history`: the review log, oldest first.

use std::io::Write;

use chrono::{FixedOffset, SecondsFormat, TimeZone};
use serde::Serialize;

use crate::safe_text::terminal_line;
use crate::scheduler::Rating;
use crate::session::piped::rfc3339_utc;
use crate::store::{ReviewKind, ReviewRow};
use crate::ui::columns::pad_end;
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
        Some(store) => store.history(args.card.as_deref())?,
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
    for (e, row) in entries.iter().zip(&rows) {
        // The rating, or for a manual row what was done (suspend, bury…).
        let what = Rating::from_u8(e.rating).map_or(e.action.to_string(), Rating::label);
        let kind = match row.kind {
            ReviewKind::Review => tr!("stats-kind-review"),
            ReviewKind::Cram => tr!("stats-kind-cram"),
            ReviewKind::Exam => tr!("stats-kind-exam"),
            ReviewKind::Manual => tr!("stats-kind-manual"),
        };
        let due = row.due_at_ms.map_or_else(|| "-".to_string(), local);
        writeln!(
            out,
            "{}  {} {} {} {}  {}",
            local(row.reviewed_at_ms),
            pad_end(&kind, 6),
            pad_end(&what, 11),
            pad_end(&row.state_before.label(), 10),
            terminal_line(e.card),
            tr!("stats-history-due", due = due)
        )?;
    }
    Ok(())
}
