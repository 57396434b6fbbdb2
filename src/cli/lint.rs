//! `kioku lint`: check deck files, compiler style; exit 1 when any error.

use std::io::Write;
use std::path::PathBuf;

use crate::deck::{lint, Severity};
use crate::{ExitCode, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Deck files or folders [default: the decks folder]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output: text (path:line:col with the source line and a caret) or json (an array of
    /// {file, line, col, severity, code, message, hint})
    #[arg(long, value_parser = ["text", "json"], default_value = "text")]
    pub format: String,
}

/// Returns the exit code: 1 when any error was found.
pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let diagnostics = lint::lint(&args.paths, &ctx.paths().decks)?;
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        writeln!(out, "{}", serde_json::to_string_pretty(&diagnostics).unwrap_or_default())?;
    } else {
        for d in &diagnostics {
            writeln!(out, "{}", d.render())?;
        }
        writeln!(out, "{}", crate::tr!("lint-summary", errors = errors, warnings = warnings))?;
    }
    Ok(if errors > 0 { ExitCode::Failure } else { ExitCode::Success })
}
