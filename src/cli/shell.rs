//! `kioku completions SHELL` and `kioku man`: shell completion scripts (clap_complete) and a
//! man page (clap_mangen), both generated from the same clap definition as `--help`, so they
//! list every command and option there is.

use std::io::Write;

use clap::CommandFactory;

use crate::{Error, Result};

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for `args.shell` on stdout.
pub fn completions(args: CompletionsArgs) -> Result<()> {
    let mut command = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "kioku", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// Write every page (kioku.1, and kioku-review.1… for each command) into this folder
    /// instead of printing kioku.1
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

/// Prints the man page (roff, section 1) on stdout, or writes every page into `args.dir`.
pub fn man(args: ManArgs) -> Result<()> {
    let command = super::Cli::command();
    let Some(dir) = args.dir else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        std::io::stdout().lock().write_all(&page)?;
        return Ok(());
    };
    if !dir.is_dir() {
        return Err(Error::Input(crate::tr!("setup-man-dir-missing", dir = dir.display().to_string())));
    }
    clap_mangen::generate_to(command, &dir)?;
    writeln!(std::io::stderr(), "{}", crate::tr!("setup-man-wrote", dir = dir.display().to_string()))?;
    Ok(())
}
