//! `kioku config`: settings kept in the database, each validated before it is stored.

use std::io::Write;

use crate::settings::{self, SPECS};
use crate::store::LearnerId;
use crate::{tr, Error, Result};

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
    Get {
        /// The setting's name (kioku config list shows them all)
        key: String,
    },
    /// Change a setting (validated; e.g. `config set learning_steps 1m 10m`)
    Set {
        /// The setting's name (kioku config list shows them all)
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
                Some(store) => store.settings(LearnerId::PERSONAL)?,
                None => Default::default(),
            };
            for spec in SPECS {
                let value = stored.get(spec.key).map(String::as_str).unwrap_or(spec.default);
                let mut default = if value == spec.default {
                    String::new()
                } else {
                    format!(" {}", tr!("manage-config-default", default = spec.default))
                };
                if let Err(e) = settings::validate(spec.key, value) {
                    default.push_str(&format!("  {}", tr!("manage-config-invalid", error = e.to_string())));
                }
                writeln!(out, "{} = \"{value}\"{default}\n    {}", spec.key, help(spec))?;
            }
        }
        Action::Get { key } => {
            let spec = settings::spec(&key).ok_or_else(|| unknown(&key))?;
            let stored = match ctx.open_existing_store()? {
                Some(store) => store.settings(LearnerId::PERSONAL)?,
                None => Default::default(),
            };
            writeln!(out, "{}", stored.get(&key).map(String::as_str).unwrap_or(spec.default))?;
        }
        Action::Set { key, value } => {
            settings::spec(&key).ok_or_else(|| unknown(&key))?;
            let mut value = value.join(" ");
            if key == "decks" && !value.trim().is_empty() {
                value = decks_folder(value.trim())?;
            }
            let canonical = settings::validate(&key, &value)?;
            let mut store = ctx.open_store()?;
            store.set_setting(LearnerId::PERSONAL, &key, &canonical)?;
            writeln!(out, "{key} = \"{canonical}\"")?;
        }
    }
    Ok(())
}

/// A setting's meaning in the interface language (the catalogue's `manage-setting-KEY`; the
/// spec's English text for a setting the catalogue does not have yet).
fn help(spec: &settings::SettingSpec) -> String {
    let key = format!("manage-setting-{}", spec.key);
    let text = tr!(&key);
    if text == key {
        spec.help.to_string()
    } else {
        text
    }
}

/// The decks folder as an absolute path (relative to the folder kioku runs in), which must be
/// an existing folder: a typo would otherwise leave every command with no decks.
fn decks_folder(value: &str) -> Result<String> {
    let path = std::path::Path::new(value);
    let absolute = std::fs::canonicalize(path).map_err(|e| {
        Error::Input(crate::tr!(
            "manage-decks-unusable",
            path = path.display().to_string(),
            reason = crate::error::io_reason(&e)
        ))
    })?;
    if !absolute.is_dir() {
        return Err(Error::Input(crate::tr!("manage-decks-not-folder", path = absolute.display().to_string())));
    }
    absolute
        .to_str()
        .map(str::to_string)
        .ok_or_else(|| Error::Input(crate::tr!("manage-decks-not-utf8", path = absolute.display().to_string())))
}

fn unknown(key: &str) -> Error {
    Error::UnknownSetting { key: key.to_string(), known: SPECS.iter().map(|s| s.key.to_string()).collect() }
}
