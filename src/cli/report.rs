//! `kioku report FILE…`: merge several students' `export reviews` files into a table of cards
//! by difficulty, hardest first.

use std::io::Write;
use std::path::PathBuf;

use crate::safe_text;
use crate::stats::class;
use crate::{Error, Result};

use super::{input_file, Context};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files written by `kioku export reviews`, one per student
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output: text (a terminal table), csv or markdown
    #[arg(long, value_parser = ["text", "csv", "markdown"], default_value = "text")]
    pub format: String,
    /// Show at most N cards (text and markdown)
    #[arg(long, default_value_t = 30)]
    pub top: usize,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let mut answers = Vec::new();
    let mut files = args.files.clone();
    // The same file named twice is one student.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    // Every file is checked (regular, within the caps, alone and together) before any is read.
    let opened = files.iter().map(|p| input_file::open(p, input_file::LOG_MAX_BYTES)).collect::<Result<Vec<_>>>()?;
    if opened.iter().map(|(_, size)| size).sum::<u64>() > input_file::REPORT_TOTAL_MAX_BYTES {
        return Err(Error::Input(crate::tr!(
            "interchange-report-too-big",
            limit = input_file::mib(input_file::REPORT_TOTAL_MAX_BYTES)
        )));
    }
    for (student, (path, (file, _))) in files.iter().zip(opened).enumerate() {
        answers.extend(class::read_export(file, student, &path.display().to_string())?);
    }
    let days = crate::scheduler::DayClock::new(ctx.tz, 4);
    let table = class::difficulty(&answers, ctx.now(), &days);
    let pct = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0));
    let mut out = std::io::stdout().lock();
    match args.format.as_str() {
        "csv" => {
            // Keys come from students' files: quoted as CSV needs, and never a formula.
            let mut csv = csv::Writer::from_writer(out);
            let io = |e: csv::Error| match e.into_kind() {
                csv::ErrorKind::Io(e) => Error::Io(e),
                other => Error::Io(std::io::Error::other(format!("{other:?}"))),
            };
            csv.write_record(["card_key", "students", "answers", "lapse_rate", "again_share", "mean_retrievability"])
                .map_err(io)?;
            for r in &table {
                let num = |x: Option<f64>| x.map_or(String::new(), |v| format!("{v:.4}"));
                csv.write_record([
                    safe_text::csv_cell(&r.card).into_owned(),
                    r.students.to_string(),
                    r.answers.to_string(),
                    num(r.lapse_rate),
                    format!("{:.4}", r.again_share),
                    num(r.mean_retrievability),
                ])
                .map_err(io)?;
            }
            csv.flush()?;
        }
        "markdown" => {
            writeln!(
                out,
                "{}\n| --- | ---: | ---: | ---: | ---: | ---: |",
                crate::tr!("interchange-report-md-header")
            )?;
            for r in table.iter().take(args.top) {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {:.0}% | {} |",
                    markdown_cell(&r.card),
                    r.students,
                    r.answers,
                    pct(r.lapse_rate),
                    r.again_share * 100.0,
                    pct(r.mean_retrievability)
                )?;
            }
        }
        _ => {
            writeln!(out, "{}", crate::tr!("interchange-report-title", students = files.len(), cards = table.len()))?;
            // Headers by display width: Japanese ones are double width.
            let right = |key: &str, width: usize| {
                let text = crate::tr!(key);
                format!(
                    "{}{text}",
                    " ".repeat(width.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str())))
                )
            };
            writeln!(
                out,
                "{} {} {} {} {} {}",
                crate::ui::wrap::fit(&crate::tr!("interchange-report-card"), 44),
                right("interchange-report-students", 5),
                right("interchange-report-answers", 6),
                right("interchange-report-lapse", 6),
                right("interchange-report-again", 6),
                right("interchange-report-recall", 6)
            )?;
            for r in table.iter().take(args.top) {
                let card = crate::ui::wrap::fit(&safe_text::terminal_line(&r.card), 44);
                writeln!(
                    out,
                    "{card} {:>5} {:>6} {:>6} {:>5.0}% {:>6}",
                    r.students,
                    r.answers,
                    pct(r.lapse_rate),
                    r.again_share * 100.0,
                    pct(r.mean_retrievability)
                )?;
            }
        }
    }
    Ok(())
}

/// A card key as one Markdown table cell: control characters and line breaks shown (`\n`), and
/// `\` and `|` escaped so nothing can end the cell.
fn markdown_cell(text: &str) -> String {
    safe_text::terminal_line(&text.replace('\\', "\\\\")).replace('|', "\\|")
}
