//! `kioku export reviews`: the review log in the column layout the FSRS tools use.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::deck::interchange::{self, AnkiLang};
use crate::error::FileAction;
use crate::rng::fnv1a;
use crate::store::LearnerId;
use crate::{Error, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// A deck as a file other tools import: apkg (an Anki package with its own note types, for
    /// an Anki in any language; recommended), anki-tsv (Anki's text import) or csv (front, back,
    /// tags). Guids are kept, so importing a newer export into Anki updates the notes
    Deck {
        /// The deck id
        deck: String,
        /// apkg, anki-tsv or csv [default: from the -o file's extension (.apkg, .csv), else anki-tsv]
        #[arg(long, value_parser = ["apkg", "anki-tsv", "csv"])]
        format: Option<String>,
        /// anki-tsv only: the language of the Anki that imports it, which names its note types
        #[arg(long, value_parser = ["en", "ja"], default_value = "en")]
        anki_lang: String,
        /// Write to this file instead of stdout (never overwrites without --force); an apkg needs it
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the -o file if it exists
        #[arg(long)]
        force: bool,
    },
    /// The review log as CSV: card_id, review_time, review_rating, review_state, review_duration,
    /// review_kind, deck, card_key, chosen_option
    Reviews {
        /// Only csv is written
        #[arg(long, value_parser = ["csv"], default_value = "csv")]
        format: String,
        /// Only rows of this kind; repeat for several [default: all]. Other FSRS tools train on
        /// every row they get: give them `--kind review` (cram and exam answers, and the rating-0
        /// manual rows, are not scheduled reviews)
        #[arg(long, value_parser = ["review", "cram", "exam", "manual"])]
        kind: Vec<String>,
        /// Write to this file instead of stdout (never overwrites without --force)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the -o file if it exists
        #[arg(long)]
        force: bool,
    },
}

/// A stable 63-bit card id from a card key (FNV-1a, top bit cleared), as FSRS tools want integers.
pub fn card_id(key: &str) -> i64 {
    (fnv1a(&[key.as_bytes()]) >> 1) as i64
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let (output, force, kind_filter) = match args.what {
        What::Deck { deck, format, anki_lang, output, force } => {
            let lang = if anki_lang == "ja" { AnkiLang::Ja } else { AnkiLang::En };
            return export_deck(ctx, &deck, format.as_deref(), lang, output, force);
        }
        What::Reviews { output, force, kind, .. } => (output, force, kind),
    };
    let kinds = kind_filter;
    let mut rows = match ctx.open_existing_store()? {
        Some(store) => store.history(LearnerId::PERSONAL, None)?,
        None => Vec::new(),
    };
    if !kinds.is_empty() {
        rows.retain(|r| kinds.iter().any(|k| k == r.kind.as_str()));
    }
    let sink: Box<dyn Write> = match &output {
        Some(path) if path.exists() && !force => return Err(Error::Exists { path: path.clone() }),
        Some(path) => Box::new(std::fs::File::create(path).map_err(Error::file(path, FileAction::Create))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut csv = csv::Writer::from_writer(sink);
    // Keep the io error's kind, so a closed pipe (`| head`) is a normal end.
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::Io(e),
        other => Error::Io(std::io::Error::other(format!("{other:?}"))),
    };
    csv.write_record([
        "card_id",
        "review_time",
        "review_rating",
        "review_state",
        "review_duration",
        "review_kind",
        "deck",
        "card_key",
        "chosen_option",
    ])
    .map_err(io)?;
    // Keys come from deck files: a spreadsheet must not run one as a formula.
    let cell = |text: &str| crate::safe_text::csv_cell(text).into_owned();
    for r in &rows {
        let deck = crate::deck::key::deck_of(&r.card_key);
        csv.write_record([
            card_id(&r.card_key).to_string(),
            r.reviewed_at_ms.to_string(),
            r.rating.to_string(),
            r.state_before.to_i64().to_string(),
            r.duration_ms.to_string(),
            cell(r.kind.as_str()),
            cell(deck),
            cell(&r.card_key),
            cell(r.chosen_option.as_deref().unwrap_or("")),
        ])
        .map_err(io)?;
    }
    csv.flush()?;
    Ok(())
}

fn export_deck(
    ctx: &Context,
    id: &str,
    format: Option<&str>,
    lang: AnkiLang,
    output: Option<PathBuf>,
    force: bool,
) -> Result<()> {
    let extension = output.as_ref().and_then(|p| p.extension()).map(|e| e.to_string_lossy().to_lowercase());
    let format = format.unwrap_or(match extension.as_deref() {
        Some("apkg") => "apkg",
        Some("csv") => "csv",
        _ => "anki-tsv",
    });
    if let Some(path) = output.as_ref().filter(|p| p.exists() && !force) {
        return Err(Error::Exists { path: path.clone() });
    }
    if format == "apkg" && output.is_none() {
        return Err(Error::Input(crate::tr!("interchange-apkg-needs-file", id = id)));
    }
    ctx.note_decks_origin();
    let collection = crate::deck::load(&ctx.paths().decks)?;
    let deck = collection.deck(id)?;
    let text = match format {
        "apkg" => None,
        "csv" => Some(interchange::export_csv(deck)),
        _ => Some(interchange::export_tsv(deck, lang)),
    };
    let Some(path) = output else {
        return Ok(write!(std::io::stdout(), "{}", for_stdout(&text.unwrap_or_default()))?);
    };
    match text {
        Some(text) => std::fs::write(&path, text).map_err(Error::file(&path, FileAction::Write))?,
        None => crate::store::anki_package::write_package(
            &path,
            &interchange::anki::deck_name(deck),
            &deck.id,
            &interchange::anki::package_notes(deck),
            ctx.now().timestamp_millis(),
        )?,
    }
    let notes = deck.notes.len();
    writeln!(std::io::stderr(), "{}", crate::tr!("interchange-wrote", n = notes, path = path.display().to_string()))?;
    Ok(())
}

/// Deck text on its way to stdout: exact into a file or a pipe, but on a terminal its control
/// characters are shown, not obeyed (a deck must not clear the screen or write the clipboard).
fn for_stdout(text: &str) -> std::borrow::Cow<'_, str> {
    if std::io::stdout().is_terminal() {
        crate::safe_text::terminal(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
