//! `kioku optimize`: train FSRS on the learner's own history (or evaluate it on a CSV review
//! log), and suggest a desired retention.

use std::io::Write;
use std::path::PathBuf;

use chrono::DateTime;

use crate::scheduler::training::{self, Fit, LogEntry, TrainingSet};
use crate::scheduler::DayClock;
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
        Some(s) => s.typed_settings()?,
        None => Default::default(),
    };
    let days: DayClock = ctx.days(&settings);
    // A CSV from another tool is compared with FSRS's defaults, not with this learner's parameters.
    let current = match (&store, &args.from_csv) {
        (Some(s), None) => s.parameters()?,
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
                Some(s) => s.scheduled_answers()?,
                None => Vec::new(),
            };
            let entries = rows
                .into_iter()
                .filter_map(|(card, ms, rating)| {
                    Some(LogEntry { card, reviewed_at: DateTime::from_timestamp_millis(ms)?, rating })
                })
                .collect();
            (entries, "your review history".to_string())
        }
    };
    let set: TrainingSet = training::training_items(&entries, &days);
    let cards = entries.iter().map(|e| e.card.as_str()).collect::<std::collections::HashSet<_>>().len();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{source}: {} reviews of {cards} card{} → {} training items (reviews on a later study day, {} zone, rollover {}:00)",
        entries.len(),
        if cards == 1 { "" } else { "s" },
        set.items.len(),
        days.tz.name(),
        days.rollover_hour
    )?;
    if left_out > 0 {
        writeln!(
            out,
            "left out {left_out} cram, exam and manual row{} (not scheduled reviews; a tool that keeps them gives other figures)",
            if left_out == 1 { "" } else { "s" }
        )?;
    }
    let spinner =
        indicatif::ProgressBar::new_spinner().with_message(format!("training FSRS on {} items…", set.items.len()));
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    let trained = training::train(&set);
    spinner.finish_and_clear();
    let trained = trained?;
    let current_parameters = current.clone().unwrap_or_else(|| fsrs::DEFAULT_PARAMETERS.to_vec());
    let before: Fit = training::evaluate(&current_parameters, &set.items)?;
    let after: Fit = training::evaluate(&trained, &set.items)?;
    writeln!(out, "{:<28} {:>9} {:>11}", "parameters", "log loss", "RMSE(bins)")?;
    let label = if current.is_some() { "current (trained earlier)" } else { "current (FSRS-6 defaults)" };
    writeln!(out, "{label:<28} {:>9.4} {:>11.4}", before.log_loss, before.rmse_bins)?;
    writeln!(out, "{:<28} {:>9.4} {:>11.4}", "trained on this history", after.log_loss, after.rmse_bins)?;
    writeln!(out, "(lower is better; measured on the same items the parameters were trained on)")?;
    let better = after.log_loss < before.log_loss;
    if args.from_csv.is_some() {
        writeln!(out, "evaluation only: a CSV log never changes your parameters")?;
    } else if !better {
        writeln!(out, "the trained parameters are not better: kept the current ones")?;
    } else if args.dry_run {
        writeln!(out, "dry run: nothing saved (without --dry-run the trained parameters would be kept)")?;
    } else if let Some(mut store) = store {
        store.set_parameters(&trained)?;
        writeln!(out, "kept the trained parameters: the scheduler uses them from now on")?;
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
    writeln!(
        out,
        "\ndesired retention   workload per new card   work per card remembered   (both vs. your {current:.2})"
    )?;
    for row in &suggestion.rows {
        let mark = if row.suggested { "  ← suggested" } else { "" };
        writeln!(
            out,
            "{:>17.2}   {:>20.0}%   {:>24.0}%{mark}",
            row.retention, row.workload_pct, row.work_per_remembered_pct
        )?;
    }
    writeln!(
        out,
        "suggested: {:.2} — the least work per card remembered; set it with `kioku config set desired_retention {:.2}`",
        suggestion.suggested, suggestion.suggested
    )?;
    Ok(())
}
