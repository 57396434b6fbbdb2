//! `kioku config`: settings kept in the database, each validated before it is stored.

use std::io::Write;

use crate::settings::{self, SPECS};
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(clap::Subcommand, Debug)]
pub enum Action {
    /// Print every setting with its value and meaning
    List,
    /// Print one setting's value
    Get { key: String },
    /// Change a setting (validated; e.g. `config set learning_steps 1m 10m`)
    Set {
        key: String,
        /// The new value; several words are joined with spaces
        #[arg(num_args = 0.., allow_hyphen_values = true)]
        value: Vec<String>,
    },
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match args.action {
        Action::List => {
            let stored = match ctx.open_existing_store()? {
                Some(store) => store.settings()?,
                None => Default::default(),
            };
            for spec in SPECS {
                let value = stored.get(spec.key).map(String::as_str).unwrap_or(spec.default);
                let mut default =
                    if value == spec.default { String::new() } else { format!(" (default {})", spec.default) };
                if let Err(e) = settings::validate(spec.key, value) {
                    default.push_str(&format!("  INVALID: {e}"));
                }
                writeln!(out, "{} = \"{value}\"{default}\n    {}", spec.key, spec.help)?;
            }
        }
        Action::Get { key } => {
            let spec = settings::spec(&key).ok_or_else(|| unknown(&key))?;
            let stored = match ctx.open_existing_store()? {
                Some(store) => store.settings()?,
                None => Default::default(),
            };
            writeln!(out, "{}", stored.get(&key).map(String::as_str).unwrap_or(spec.default))?;
        }
        Action::Set { key, value } => {
            settings::spec(&key).ok_or_else(|| unknown(&key))?;
            let canonical = settings::validate(&key, &value.join(" "))?;
            let mut store = ctx.open_store()?;
            store.set_setting(&key, &canonical)?;
            writeln!(out, "{key} = \"{canonical}\"")?;
        }
    }
    Ok(())
}

fn unknown(key: &str) -> Error {
    Error::UnknownSetting { key: key.to_string(), known: SPECS.iter().map(|s| s.key.to_string()).collect() }
}
