//! `kioku optimize`: train FSRS on the learner's own history (or evaluate it on a CSV review
//! log), and suggest a desired retention.

use std::io::Write;
use std::path::PathBuf;

use chrono::DateTime;

use crate::scheduler::training::{self, Fit, LogEntry, TrainingSet};
use crate::scheduler::DayClock;
use crate::store::LearnerId;
use crate::ui::columns::{pad_end, pad_start, width};
use crate::Result;

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Show the figures without saving the trained parameters
    #[arg(long)]
    pub dry_run: bool,
    /// Evaluate on a review log in the FSRS CSV layout (card_id, review_rating, review_time,
    /// …) instead of kioku's history; never saves
    #[arg(long, value_name = "FILE")]
    pub from_csv: Option<PathBuf>,
    /// Also suggest a desired retention from the parameters (workload against retention)
    #[arg(long)]
    pub retention: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = ctx.open_existing_store()?;
    let settings = match &store {
        Some(s) => s.typed_settings(LearnerId::PERSONAL)?,
        None => Default::default(),
    };
    let days: DayClock = ctx.days(&settings);
    // A CSV from another tool is compared with FSRS's defaults, not with this learner's parameters.
    let current = match (&store, &args.from_csv) {
        (Some(s), None) => s.parameters(LearnerId::PERSONAL)?,
        _ => None,
    };
    let mut left_out = 0;
    let (entries, source) = match &args.from_csv {
        Some(path) => {
            let (file, _) = super::input_file::open(path, super::input_file::LOG_MAX_BYTES)?;
            let log = training::read_csv_log(file, &path.display().to_string())?;
            left_out = log.left_out;
            (log.entries, path.display().to_string())
        }
        None => {
            let rows = match &store {
                Some(s) => s.scheduled_answers(LearnerId::PERSONAL)?,
                None => Vec::new(),
            };
            let entries = rows
                .into_iter()
                .filter_map(|(card, ms, rating)| {
                    Some(LogEntry { card, reviewed_at: DateTime::from_timestamp_millis(ms)?, rating })
                })
                .collect();
            (entries, crate::tr!("optimize-source-history"))
        }
    };
    let set: TrainingSet = training::training_items(&entries, &days);
    let cards = entries.iter().map(|e| e.card.as_str()).collect::<std::collections::HashSet<_>>().len();
    let mut out = std::io::stdout().lock();
    let line = crate::tr!(
        "optimize-items",
        source = source,
        reviews = entries.len(),
        cards = cards,
        items = set.items.len(),
        zone = days.tz.name(),
        hour = days.rollover_hour
    );
    writeln!(out, "{line}")?;
    if left_out > 0 {
        writeln!(out, "{}", crate::tr!("optimize-left-out", n = left_out))?;
    }
    let spinner =
        indicatif::ProgressBar::new_spinner().with_message(crate::tr!("optimize-training", n = set.items.len()));
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    let trained = training::train(&set);
    spinner.finish_and_clear();
    let trained = trained?;
    let current_parameters = current.clone().unwrap_or_else(|| fsrs::DEFAULT_PARAMETERS.to_vec());
    let before: Fit = training::evaluate(&current_parameters, &set.items)?;
    let after: Fit = training::evaluate(&trained, &set.items)?;
    let current_label =
        crate::tr!(if current.is_some() { "optimize-row-current-trained" } else { "optimize-row-current-default" });
    let rows = [
        [crate::tr!("optimize-col-parameters"), crate::tr!("optimize-col-log-loss"), crate::tr!("optimize-col-rmse")],
        [current_label, format!("{:.4}", before.log_loss), format!("{:.4}", before.rmse_bins)],
        [crate::tr!("optimize-row-trained"), format!("{:.4}", after.log_loss), format!("{:.4}", after.rmse_bins)],
    ];
    // Columns at least as wide as they always were (28, 9, 11), wider for longer labels.
    let widths: Vec<usize> = [28, 9, 11]
        .iter()
        .enumerate()
        .map(|(c, &min)| rows.iter().map(|r| width(&r[c])).fold(min, usize::max))
        .collect();
    for [label, loss, rmse] in &rows {
        let line =
            format!("{} {} {}", pad_end(label, widths[0]), pad_start(loss, widths[1]), pad_start(rmse, widths[2]));
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{}", crate::tr!("optimize-lower-is-better"))?;
    let better = after.log_loss < before.log_loss;
    let verdict = if args.from_csv.is_some() {
        Some("optimize-csv-only")
    } else if !better {
        Some("optimize-not-better")
    } else if args.dry_run {
        Some("optimize-dry-run")
    } else if let Some(mut store) = store {
        store.set_parameters(LearnerId::PERSONAL, &trained)?;
        Some("optimize-kept")
    } else {
        None
    };
    if let Some(key) = verdict {
        writeln!(out, "{}", crate::tr!(key))?;
    }
    if args.retention {
        let parameters = if better { &trained } else { &current_parameters };
        retention_table(&mut out, parameters, settings.desired_retention)?;
    }
    Ok(())
}

/// The retention table (`app::suggest_retention`) for people.
fn retention_table(out: &mut impl Write, parameters: &[f32], current: f32) -> Result<()> {
    let suggestion = crate::app::suggest_retention(parameters, current)?;
    let heads = [
        crate::tr!("optimize-col-retention"),
        crate::tr!("optimize-col-workload"),
        crate::tr!("optimize-col-work-per-remembered"),
    ];
    let versus = crate::tr!("optimize-versus", current = format!("{current:.2}"));
    writeln!(out, "\n{}   {}", heads.join("   "), versus)?;
    let mark = crate::tr!("optimize-suggested-mark");
    for row in &suggestion.rows {
        let cells = [
            format!("{:.2}", row.retention),
            format!("{:.0}%", row.workload_pct),
            format!("{:.0}%", row.work_per_remembered_pct),
        ];
        let line: Vec<String> = cells.iter().zip(&heads).map(|(cell, head)| pad_start(cell, width(head))).collect();
        let mark = if row.suggested { format!("  {mark}") } else { String::new() };
        writeln!(out, "{}{mark}", line.join("   "))?;
    }
    let suggested = format!("{:.2}", suggestion.suggested);
    writeln!(out, "{}", crate::tr!("optimize-suggested", retention = suggested))?;
    Ok(())
}
