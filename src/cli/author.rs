//! Authoring commands: `kioku schema`, `kioku new DECK`, `kioku preview DECK`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::deck::reading::shown;
use crate::deck::{self, DeckSource, Judge};
use crate::safe_text::{terminal, terminal_line};
use crate::session::judge::{display_order, Shown};
use crate::{Error, Result};

use super::{Context, DecksOrigin};

/// `kioku schema`: the deck format's JSON Schema on stdout.
pub fn schema() -> Result<()> {
    writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(&deck::schema::schema()).unwrap_or_default())?;
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The new deck's id (letters, digits, '-' and '_'); also its file name
    pub deck: String,
    /// Where to write it [default: DECKS/<deck>.yaml]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// The starter deck, in the interface's language: one note of each kind, every field explained
/// (the templates are `locales/{en,ja}/new-deck.yaml`, with `{id}` for the deck id).
fn starter(id: &str) -> String {
    let template = match crate::i18n::lang() {
        crate::i18n::Lang::Ja => include_str!("../../locales/ja/new-deck.yaml"),
        crate::i18n::Lang::En => include_str!("../../locales/en/new-deck.yaml"),
    };
    template.replace("{id}", id)
}

pub fn new(ctx: &Context, args: NewArgs) -> Result<()> {
    if !deck::validate::is_valid_id(&args.deck) {
        return Err(Error::Input(crate::tr!("deck-new-bad-id", id = args.deck.as_str())));
    }
    let file = format!("{}.yaml", args.deck);
    let folder = match &ctx.paths().decks {
        DeckSource::Dir(dir) => dir.clone(),
        DeckSource::Bundled => PathBuf::from("decks"),
    };
    if args.output.is_none() && ctx.decks_origin == DecksOrigin::Here && deck::holds_bundled_decks(&folder) {
        // Inside kioku's own repository: a deck there is mixed with the bundled ones.
        return Err(Error::Input(crate::tr!("setup-new-repository", dir = absolute(&folder).display().to_string())));
    }
    let path = args.output.clone().unwrap_or_else(|| folder.join(&file));
    if path.exists() && !args.force {
        return Err(Error::Exists { path });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(Error::file(dir, crate::error::FileAction::Create))?;
    }
    std::fs::write(&path, starter(&args.deck))?;
    let shown = absolute(&path);
    let mut out = std::io::stdout().lock();
    let wrote = crate::tr!("setup-new-wrote", file = shown.display().to_string(), path = path.display().to_string());
    writeln!(out, "{wrote}")?;
    // What writing it changes: whether kioku will find it, and where it looks.
    let dir = absolute(&folder);
    let in_decks = args.output.is_none() || shown.parent() == Some(dir.as_path());
    let shown_dir = dir.display().to_string();
    let what = match (ctx.decks_origin, in_decks) {
        (DecksOrigin::Bundled, false) => {
            crate::tr!("setup-new-outside", dir = crate::tr!("setup-new-outside-bundled"))
        }
        (_, false) => crate::tr!("setup-new-outside", dir = shown_dir),
        (DecksOrigin::Given | DecksOrigin::Setting, true) => {
            crate::tr!("setup-new-in-decks", deck = args.deck.as_str(), dir = shown_dir)
        }
        (DecksOrigin::Here, true) => crate::tr!("setup-new-here", dir = shown_dir),
        (DecksOrigin::Bundled, true) => crate::tr!("setup-new-created", dir = shown_dir),
    };
    writeln!(out, "{what}")?;
    Ok(())
}

/// `path` made absolute for messages (as given if that fails).
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf())
}

#[derive(clap::Args, Debug)]
pub struct PreviewArgs {
    /// The deck to show (by id)
    pub deck: String,
}

/// `kioku preview DECK`: every card as a student will see it, both sides.
pub fn preview(ctx: &Context, args: PreviewArgs) -> Result<()> {
    ctx.note_decks_origin();
    let collection = deck::load(&ctx.paths().decks)?;
    let d = collection.deck(&args.deck)?;
    let cards = deck::expand(d);
    let mut out = std::io::stdout().lock();
    // Deck text is untrusted: escape sequences in it are shown, never run.
    writeln!(
        out,
        "{}{}",
        crate::tr!("deck-preview-header", deck = d.id.as_str(), notes = d.notes.len(), cards = cards.len()),
        d.title.as_ref().map(|t| format!(" · {}", terminal_line(t))).unwrap_or_default()
    )?;
    for card in &cards {
        // The kind's name for people (the protocol's word in English: basic, truefalse…).
        let kind = crate::tr!(&format!("deck-kind-{}", card.kind.as_str()));
        writeln!(out, "\n{} ({kind})", card.key)?;
        for line in shown(&card.prompt).lines() {
            writeln!(out, "  Q  {}", terminal(line))?;
        }
        let listed = match &card.judge {
            Judge::Choice { options } => Some(options),
            Judge::Order { items } => Some(items),
            _ => None,
        };
        if let Some(texts) = listed {
            for (p, i) in display_order(card, 0).into_iter().enumerate() {
                writeln!(out, "     {}. {}", p + 1, terminal_line(&shown(&texts[i])))?;
            }
        }
        let how = match &card.judge {
            Judge::Typed { check, accept, .. } => {
                let accept: Vec<_> = accept.iter().map(|a| shown(a)).collect();
                let check = format!("{check:?}").to_lowercase();
                let note = if accept.is_empty() {
                    crate::tr!("deck-preview-typed", check = check)
                } else {
                    let accept = terminal_line(&accept.join(" / ")).into_owned();
                    crate::tr!("deck-preview-typed-also", check = check, accept = accept)
                };
                format!("  {note}")
            }
            _ => String::new(),
        };
        let answer = Shown::expected(card, &card.answer).text(crate::i18n::lang());
        writeln!(out, "  A  {}{how}", terminal(&answer))?;
        if let Some(e) = &card.explanation {
            writeln!(out, "  ·  {}", terminal(&shown(e)))?;
        }
    }
    Ok(())
}
