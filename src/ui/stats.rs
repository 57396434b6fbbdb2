//! `kioku stats` as text for a terminal: the figures of `stats::report` laid out in columns, a
//! bar chart of the forecast and a calendar of the last 26 weeks, in the interface language.

use crate::i18n::durations::time_spent;
use crate::scheduler::StudyDay;
use crate::stats::report::{Report, Retention};
use crate::tr;
use crate::ui::columns::{pad_end, pad_start, width};

/// The report as text for an 80-column terminal (no colour needed: shapes carry the meaning).
pub fn render(report: &Report, today: StudyDay) -> Vec<String> {
    let mut out = Vec::new();
    let c = &report.cards;
    out.push(tr!(
        "stats-cards",
        new = c.new,
        learning = c.learning,
        review = c.review,
        relearning = c.relearning,
        suspended = c.suspended
    ));
    match report.mean_retrievability {
        Some(r) => out.push(tr!("stats-recall", pct = format!("{:.0}", r * 100.0), n = report.likely_known)),
        None => out.push(tr!("stats-recall-none")),
    }
    out.push(String::new());
    out.push(tr!("stats-forecast-title"));
    out.extend(bar_chart(&report.forecast));
    out.push(String::new());
    // Columns aligned by display width: the labels are Japanese or English.
    let row = |cells: [&str; 5]| {
        format!(
            "{} {}  {}  {}  {}",
            pad_end(cells[0], 16),
            pad_start(cells[1], 8),
            pad_start(cells[2], 8),
            pad_start(cells[3], 8),
            pad_start(cells[4], 8)
        )
    };
    let heads =
        ["stats-retention-today", "stats-retention-7", "stats-retention-30", "stats-retention-365"].map(|k| tr!(k));
    out.push(row([&tr!("stats-retention-title"), &heads[0], &heads[1], &heads[2], &heads[3]]));
    let young = tr!("stats-retention-young");
    let mature = tr!("stats-retention-mature");
    for (label, w) in [(&young, &report.true_retention_young), (&mature, &report.true_retention_mature)] {
        let cell = |r: &Retention| match r.rate {
            Some(rate) => format!("{:>4.0}% {:>3}", rate * 100.0, r.asked),
            None => "–".to_string(),
        };
        out.push(row([label, &cell(&w.today), &cell(&w.days_7), &cell(&w.days_30), &cell(&w.days_365)]));
    }
    out.push(tr!("stats-retention-legend"));
    out.push(String::new());
    out.push(tr!("stats-calendar-title"));
    out.extend(calendar(&report.calendar, today));
    out.push(tr!(
        "stats-streak",
        n = report.current_streak_days,
        longest = report.longest_streak_days,
        today = time_spent(report.time_spent_today_secs),
        total = time_spent(report.time_spent_total_secs)
    ));
    out.push(String::new());
    out.push(tr!("stats-weak-title"));
    for w in report.weak_decks.iter().chain(report.weak_tags.iter().take(5)) {
        let lapse = w.lapse_rate.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0));
        let recall = w.mean_retrievability.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0));
        let name = crate::ui::wrap::fit(&w.name, 40);
        out.push(format!("  {name}  {lapse:>5} · {recall:>4} · {}", w.cards));
    }
    if report.leeches.is_empty() {
        out.push(tr!("stats-leeches-none"));
    } else {
        out.push(tr!("stats-leeches", n = report.leeches.len(), keys = report.leeches.join(", ")));
    }
    out
}

/// A vertical bar chart, one column per value, 6 rows of ▁▂▃▄▅▆▇█, with the scale on the left.
pub fn bar_chart(values: &[usize]) -> Vec<String> {
    const BLOCKS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let rows = 6;
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let mut lines = Vec::new();
    for row in (0..rows).rev() {
        let label = if row == rows - 1 { format!("{max:>5} ") } else { "      ".to_string() };
        let bars: String = values
            .iter()
            .map(|&v| {
                let eighths = (v * rows * 8).div_ceil(max);
                let level = eighths.saturating_sub(row * 8).min(8);
                format!("{} ", BLOCKS[level])
            })
            .collect();
        lines.push(format!("{label}│{}", bars.trim_end()));
    }
    lines.push(format!("    0 └{}", "──".repeat(values.len())));
    // Labels every ten days, only as far as the chart goes.
    let mut labels = format!("       {}", tr!("stats-chart-today"));
    for mark in (10..values.len()).step_by(10) {
        let at = 7 + mark * 2;
        labels.push_str(&" ".repeat(at.saturating_sub(width(&labels))));
        labels.push_str(&format!("+{mark}"));
    }
    lines.push(labels);
    lines
}

/// A heat map of 26 weeks: 7 rows (Monday to Sunday), one column per week.
fn calendar(per_day: &[u32], today: StudyDay) -> Vec<String> {
    use chrono::Datelike;
    let max = per_day.iter().copied().max().unwrap_or(0).max(1);
    let first = StudyDay(today.0 - per_day.len() as i32 + 1);
    let offset = first.date().weekday().num_days_from_monday() as usize;
    let weeks = (offset + per_day.len()).div_ceil(7);
    let mut grid = vec![vec![' '; weeks]; 7];
    for (k, &n) in per_day.iter().enumerate() {
        let slot = offset + k;
        grid[slot % 7][slot / 7] = match n {
            0 => '·',
            n if n * 4 <= max => '░',
            n if n * 2 <= max => '▒',
            n if n * 4 <= max * 3 => '▓',
            _ => '█',
        };
    }
    // Rows start on Monday.
    let mut day = chrono::Weekday::Mon;
    let mut lines = Vec::new();
    for row in grid {
        let name = pad_end(crate::i18n::dates::weekday(day), 3);
        lines.push(format!("  {name} {}", row.into_iter().collect::<String>()));
        day = day.succ();
    }
    lines
}
