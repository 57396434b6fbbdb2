//! `kioku lint`: check deck files, compiler style; exit 1 when any error.

use std::io::Write;
use std::path::PathBuf;

use crate::deck::{lint, DeckSource, Severity};
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
    /// Exit 1 on any warning too (for CI)
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Returns the exit code: 1 when any error was found (or, with `--deny-warnings`, any warning).
pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    if args.paths.is_empty() {
        ctx.note_decks_origin();
    }
    let linted = lint::lint(&args.paths, &ctx.paths().decks)?;
    let diagnostics = &linted.diagnostics;
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        writeln!(out, "{}", serde_json::to_string_pretty(diagnostics).unwrap_or_default())?;
    } else {
        for d in diagnostics {
            writeln!(out, "{}", d.render())?;
        }
        // What was checked, so an empty or wrong folder shows (issue 20: `0 errors` alone
        // looked the same for a folder with no decks).
        let place = match (args.paths.is_empty(), &ctx.paths().decks) {
            (false, _) => String::new(),
            (true, DeckSource::Dir(dir)) => {
                let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
                crate::tr!("setup-lint-in-dir", dir = dir.display().to_string())
            }
            (true, DeckSource::Bundled) => crate::tr!("setup-lint-in-bundled"),
        };
        let summary = crate::tr!(
            "setup-lint-summary",
            files = linted.files,
            cards = linted.cards,
            place = place,
            errors = errors,
            warnings = warnings
        );
        writeln!(out, "{summary}")?;
    }
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) { ExitCode::Failure } else { ExitCode::Success })
}
