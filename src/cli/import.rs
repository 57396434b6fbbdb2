//! `kioku import FILE`: a CSV/TSV, Anki or Quizlet text export as a YAML deck.

use std::io::Write;
use std::path::PathBuf;

use crate::deck::{interchange, yaml};
use crate::{Error, Result};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The file to import (.csv, .tsv or .txt)
    pub file: PathBuf,
    /// Write the deck here instead of stdout (never overwrites without --force)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The deck id [default: the file name]
    #[arg(long)]
    pub deck: Option<String>,
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> Result<()> {
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|e| Error::Input(format!("cannot read {name}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Input(format!(
            "{name} is not UTF-8 text; convert it first, e.g. iconv -f SHIFT_JIS -t UTF-8 '{name}' > converted.txt"
        ))
    })?;
    let stem = args.file.file_stem().and_then(|s| s.to_str()).unwrap_or("imported");
    let id: String = args.deck.clone().unwrap_or_else(|| {
        stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
    });
    if !crate::deck::validate::is_valid_id(&id) {
        return Err(Error::Input(format!("'{id}' is not a deck id; give one with --deck")));
    }
    let deck = interchange::import_text(&text, &id).map_err(|e| Error::Input(format!("{name}: {e}")))?;
    let count = deck.cards.as_ref().map_or(0, Vec::len);
    let yaml = format!("# Imported by kioku from {name}; check it with `kioku lint`.\n{}", yaml::to_yaml(&deck));
    match &args.output {
        Some(path) if path.exists() && !args.force => {
            Err(Error::Input(format!("{} exists; choose another file, or --force to overwrite it", path.display())))
        }
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::Input(format!("cannot create {}: {e}", dir.display())))?;
            }
            std::fs::write(path, yaml).map_err(|e| Error::Input(format!("cannot write {}: {e}", path.display())))?;
            writeln!(std::io::stderr(), "wrote {} notes to {}", count, path.display())?;
            Ok(())
        }
        None => {
            write!(std::io::stdout(), "{yaml}")?;
            Ok(())
        }
    }
}
