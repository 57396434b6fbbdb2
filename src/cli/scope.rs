//! Which cards a command works on: decks named on the command line and `--tag`s (shared by
//! review, cram, exam, plan and stats).

use crate::deck::{Card, Collection};
use crate::{Error, Result};

#[derive(clap::Args, Debug, Clone, Default)]
pub struct Scope {
    /// Only these decks (by id) [default: all]
    #[arg(value_name = "DECK")]
    pub only_decks: Vec<String>,
    /// Only cards with this tag (deck or note tag, case-sensitive); repeat for any of several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

impl Scope {
    /// Whether `card` is in scope.
    pub fn covers(&self, card: &Card) -> bool {
        (self.only_decks.is_empty() || self.only_decks.contains(&card.deck))
            && (self.tags.is_empty() || card.tags.iter().any(|t| self.tags.contains(t)))
    }

    /// Every deck and tag named must exist (checked before the database is touched).
    pub fn check(&self, collection: &Collection, cards: &[Card]) -> Result<()> {
        let known: Vec<&str> = collection.decks.iter().map(|d| d.id.as_str()).collect();
        for d in &self.only_decks {
            if !known.contains(&d.as_str()) {
                return Err(Error::Input(format!("no deck '{d}'; loaded decks: {}", known.join(", "))));
            }
        }
        for tag in &self.tags {
            if !cards.iter().any(|c| c.tags.contains(tag)) {
                let mut tags: Vec<&str> = cards.iter().flat_map(|c| c.tags.iter().map(String::as_str)).collect();
                tags.sort_unstable();
                tags.dedup();
                return Err(Error::Input(format!(
                    "no card has the tag '{tag}' (tags are case-sensitive); tags in the decks: {}",
                    tags.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// "all decks", or the decks and tags named (saved with exam results).
    pub fn describe(&self) -> String {
        if self.only_decks.is_empty() && self.tags.is_empty() {
            "all decks".to_string()
        } else {
            self.only_decks
                .iter()
                .cloned()
                .chain(self.tags.iter().map(|t| format!("tag {t}")))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}
