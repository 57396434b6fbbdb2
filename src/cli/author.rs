//! Authoring commands: `kioku schema`, `kioku new DECK`, `kioku preview DECK`.

use std::io::Write;
use std::path::PathBuf;

use crate::deck::reading::shown;
use crate::deck::{self, DeckSource, Judge};
use crate::safe_text::{terminal, terminal_line};
use crate::session::judge::display_order;
use crate::{Error, Result};

use super::Context;

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

/// The starter deck: one note of each kind, every field explained.
fn starter(id: &str) -> String {
    format!(
        r#"# yaml-language-server: $schema=kioku-deck.schema.json
# (make that file once with: kioku schema > kioku-deck.schema.json)
# A kioku deck. Check it with `kioku lint`, see every card with `kioku preview {id}`.
deck: {id}                       # the deck id; keep it stable
title: "My deck"
lang: ja
source: "Where the facts come from (a citation)"
tags: [{id}]
cards:
  # Front and back; `reverse: true` also asks back → front.
  - id: first-question            # stable id: it keeps each student's progress when you edit
    front: "What is CVID short for?"
    back: "complete, verifiable and irreversible denuclearisation"
    category: term                # what the answer is (exam distractors come from the same kind)
    explanation: "Shown after the answer."
    section: "Where in the source"
  # A typed answer, judged: check is text, date or number; accept lists other right answers.
  - id: a-date
    front: "When was martial law declared?"
    back: "2024年12月"
    check: date
  # Cloze: each {{{{c1::…}}}} is a card of its own; {{{{c1::text::hint}}}} shows a hint.
  - id: a-cloze
    cloze: "The court ruled on {{{{c1::2025年4月4日}}}} that the impeachment was {{{{c2::valid}}}}."
  # Multiple choice: the answer and at least one wrong option.
  - id: a-choice
    question: "How did China vote?"
    answer: "abstained"
    distractors: ["for", "against"]
  # True or false.
  - id: a-statement
    statement: "The National Assembly rejected martial law at once."
    answer: true
  # Put in order: list the items in the right order; they are shown shuffled.
  - id: an-order
    order: "Oldest first"
    items: ["1990", "1992", "1996"]
"#
    )
}

pub fn new(ctx: &Context, args: NewArgs) -> Result<()> {
    if !deck::validate::is_valid_id(&args.deck) {
        return Err(Error::Input(format!("'{}' is not a deck id: use letters, digits, '-' and '_'", args.deck)));
    }
    let path = match &args.output {
        Some(p) => p.clone(),
        None => match &ctx.paths().decks {
            DeckSource::Dir(dir) => dir.join(format!("{}.yaml", args.deck)),
            DeckSource::Bundled => PathBuf::from("decks").join(format!("{}.yaml", args.deck)),
        },
    };
    if path.exists() && !args.force {
        return Err(Error::Exists { path });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(Error::file(dir, crate::error::FileAction::Create))?;
    }
    std::fs::write(&path, starter(&args.deck))?;
    writeln!(std::io::stdout(), "wrote {} (check it with `kioku lint {}`)", path.display(), path.display())?;
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct PreviewArgs {
    /// The deck to show (by id)
    pub deck: String,
}

/// `kioku preview DECK`: every card as a student will see it, both sides.
pub fn preview(ctx: &Context, args: PreviewArgs) -> Result<()> {
    let collection = deck::load(&ctx.paths().decks)?;
    let d = collection.deck(&args.deck)?;
    let cards = deck::expand(d);
    let mut out = std::io::stdout().lock();
    // Deck text is untrusted: escape sequences in it are shown, never run.
    writeln!(
        out,
        "{} — {} notes, {} cards{}",
        d.id,
        d.notes.len(),
        cards.len(),
        d.title.as_ref().map(|t| format!(" · {}", terminal_line(t))).unwrap_or_default()
    )?;
    for card in &cards {
        writeln!(out, "\n{} ({})", card.key, card.kind.as_str())?;
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
                let accept = if accept.is_empty() {
                    String::new()
                } else {
                    format!(", also {}", terminal_line(&accept.join(" / ")))
                };
                format!("  (typed, check {check:?}{accept})").to_lowercase()
            }
            _ => String::new(),
        };
        writeln!(out, "  A  {}{how}", terminal(&shown(&card.answer)))?;
        if let Some(e) = &card.explanation {
            writeln!(out, "  ·  {}", terminal(&shown(e)))?;
        }
    }
    Ok(())
}
