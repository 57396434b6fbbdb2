//! `kioku stats` as text for a terminal: the figures of `stats::report` laid out in columns, a
//! bar chart of the forecast and a calendar of the last 26 weeks, in the interface language.

use crate::i18n::durations::time_spent;
use crate::scheduler::StudyDay;
use crate::stats::report::{Report, Retention};
use crate::tr;
use crate::ui::columns::{pad_end, pad_start, width};
use crate::ui::wrap::wrap;

/// The widest layout, and the narrowest kept (a phone's terminal is about 40 columns).
pub const WIDE_COLUMNS: usize = 80;
pub const NARROW_COLUMNS: usize = 40;

/// The columns `kioku stats` lays itself out for: the terminal's width when stdout is one,
/// between 40 and 80; 80 for a pipe or a file (plain text whatever reads it).
pub fn terminal_columns() -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return WIDE_COLUMNS;
    }
    let cols = crossterm::terminal::size().map_or(WIDE_COLUMNS, |(cols, _)| cols as usize);
    cols.clamp(NARROW_COLUMNS, WIDE_COLUMNS)
}

/// The report as text for a terminal `columns` wide (40 to 80; no colour needed: shapes carry
/// the meaning). No line is wider than `columns`: sentences wrap (kinsoku), the forecast keeps
/// one column a day and the retention table turns on its side when two columns a day or the
/// five-column table do not fit.
pub fn render(report: &Report, today: StudyDay, columns: usize) -> Vec<String> {
    let columns = columns.clamp(NARROW_COLUMNS, WIDE_COLUMNS);
    let mut out = Vec::new();
    let say = |out: &mut Vec<String>, text: String| out.extend(fit_sentence(&text, columns));
    let c = &report.cards;
    say(
        &mut out,
        tr!(
            "stats-cards",
            new = c.new,
            learning = c.learning,
            review = c.review,
            relearning = c.relearning,
            suspended = c.suspended
        ),
    );
    match report.mean_retrievability {
        Some(r) => say(&mut out, tr!("stats-recall", pct = format!("{:.0}", r * 100.0), n = report.likely_known)),
        None => say(&mut out, tr!("stats-recall-none")),
    }
    out.push(String::new());
    say(&mut out, tr!("stats-forecast-title"));
    // Two columns a day need 7 + 2 × 30; else one.
    let per_day = if columns >= 7 + 2 * report.forecast.len() { 2 } else { 1 };
    out.extend(bar_chart_in(&report.forecast, per_day));
    out.push(String::new());
    out.extend(retention_table(report, columns));
    say(&mut out, tr!("stats-retention-legend"));
    out.push(String::new());
    say(&mut out, tr!("stats-calendar-title"));
    out.extend(calendar(&report.calendar, today));
    say(
        &mut out,
        tr!(
            "stats-streak",
            n = report.current_streak_days,
            longest = report.longest_streak_days,
            today = time_spent(report.time_spent_today_secs),
            total = time_spent(report.time_spent_total_secs)
        ),
    );
    out.push(String::new());
    say(&mut out, tr!("stats-weak-title"));
    // "  name  lapse · recall · cards": 22 columns besides the name (cards up to 5 digits).
    let name_width = columns.saturating_sub(24).min(40);
    for w in report.weak_decks.iter().chain(report.weak_tags.iter().take(5)) {
        let lapse = w.lapse_rate.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0));
        let recall = w.mean_retrievability.map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0));
        let name = crate::ui::wrap::fit(&w.name, name_width);
        out.push(format!("  {name}  {lapse:>5} · {recall:>4} · {}", w.cards));
    }
    if report.leeches.is_empty() {
        say(&mut out, tr!("stats-leeches-none"));
    } else {
        say(&mut out, tr!("stats-leeches", n = report.leeches.len(), keys = report.leeches.join(", ")));
    }
    out
}

/// A line fitted to `columns`. A list of figures (items joined by ·) is broken at its spaces
/// (カード: 新規 1 · 学習中 0 · … breaks between figures, not inside 再学習), never between a
/// number and the word after it (1 枚); a sentence, and a piece still too wide, by the line
/// breaking rules (`wrap`, kinsoku).
fn fit_sentence(text: &str, columns: usize) -> Vec<String> {
    if width(text) <= columns {
        return vec![text.to_string()];
    }
    if !text.contains('·') {
        return wrap(text, columns);
    }
    // Pieces between spaces, a number kept with what follows it.
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match pieces.last_mut() {
            Some(last) if last.ends_with(|c: char| c.is_ascii_digit()) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => pieces.push(word.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        if !line.is_empty() && width(&line) + 1 + width(&piece) <= columns {
            line.push(' ');
            line.push_str(&piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = piece;
    }
    lines.push(line);
    lines.iter().flat_map(|l| if width(l) <= columns { vec![l.clone()] } else { wrap(l, columns) }).collect()
}

/// True retention, young and mature cards over four windows: windows as columns (56 columns
/// wide), or as rows when that does not fit.
fn retention_table(report: &Report, columns: usize) -> Vec<String> {
    let cell = |r: &Retention| match r.rate {
        Some(rate) => format!("{:>4.0}% {:>3}", rate * 100.0, r.asked),
        None => "–".to_string(),
    };
    let windows =
        ["stats-retention-today", "stats-retention-7", "stats-retention-30", "stats-retention-365"].map(|k| tr!(k));
    let (young, mature) = (&report.true_retention_young, &report.true_retention_mature);
    let cells = |w: &crate::stats::report::RetentionWindows| [&w.today, &w.days_7, &w.days_30, &w.days_365].map(cell);
    let (young_cells, mature_cells) = (cells(young), cells(mature));
    let (young_label, mature_label) = (tr!("stats-retention-young"), tr!("stats-retention-mature"));
    let mut out = Vec::new();
    // Columns aligned by display width: the labels are Japanese or English.
    if columns >= 16 + 1 + 4 * 10 {
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
        out.push(row([&tr!("stats-retention-title"), &windows[0], &windows[1], &windows[2], &windows[3]]));
        out.push(row([&young_label, &young_cells[0], &young_cells[1], &young_cells[2], &young_cells[3]]));
        out.push(row([&mature_label, &mature_cells[0], &mature_cells[1], &mature_cells[2], &mature_cells[3]]));
    } else {
        // On its side: the title alone, then a row per window (8 + 2 × 15 = 38 columns).
        let row = |a: &str, b: &str, c: &str| format!("{}{}{}", pad_end(a, 8), pad_start(b, 15), pad_start(c, 15));
        out.extend(fit_sentence(&tr!("stats-retention-title"), columns));
        out.push(row("", &young_label, &mature_label));
        for (k, window) in windows.iter().enumerate() {
            out.push(row(window, &young_cells[k], &mature_cells[k]));
        }
    }
    out
}

/// A vertical bar chart, two columns per value, 6 rows of ▁▂▃▄▅▆▇█, with the scale on the left.
pub fn bar_chart(values: &[usize]) -> Vec<String> {
    bar_chart_in(values, 2)
}

/// A vertical bar chart of `per_value` columns per value (1 or 2: a bar and a gap).
fn bar_chart_in(values: &[usize], per_value: usize) -> Vec<String> {
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
                let bar = BLOCKS[level].to_string();
                if per_value >= 2 {
                    bar + " "
                } else {
                    bar
                }
            })
            .collect();
        lines.push(format!("{label}│{}", bars.trim_end()));
    }
    lines.push(format!("    0 └{}", "─".repeat(per_value * values.len())));
    // Labels every ten days, only as far as the chart goes.
    let mut labels = format!("       {}", tr!("stats-chart-today"));
    for mark in (10..values.len()).step_by(10) {
        let at = 7 + mark * per_value;
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
