//! Which cards a command works on: decks named on the command line and `--tag`s (shared by
//! review, cram, exam, plan and stats).

use super::Names;
use crate::i18n::Lang;
use crate::session::Filter;
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
    /// The decks and tags as a session's filter.
    pub fn filter(&self) -> Filter {
        Filter { decks: self.only_decks.clone(), tags: self.tags.clone() }
    }

    /// Every deck and tag named must exist, given ways to list the deck ids and the tags (each
    /// read only when needed; checked before the database is touched).
    pub fn check_names(&self, deck_ids: Names, tags: Names) -> Result<()> {
        let deck_ids = if self.only_decks.is_empty() { Vec::new() } else { deck_ids()? };
        for d in &self.only_decks {
            if !deck_ids.contains(d) {
                return Err(Error::UnknownDeck { deck: d.clone(), known: deck_ids });
            }
        }
        if self.tags.is_empty() {
            return Ok(());
        }
        let all = tags()?;
        for tag in &self.tags {
            if !all.contains(tag) {
                return Err(Error::UnknownTag { tag: tag.clone(), known: all });
            }
        }
        Ok(())
    }

    /// "all decks", or the decks and tags named ("korea, tag dates"): saved with exam results in
    /// this fixed English form (data, whatever the language); `shown` puts it into words.
    pub fn describe(&self) -> String {
        crate::session::describe_scope(&self.only_decks, &self.tags)
    }
}

/// A scope saved by `Scope::describe`, in the process language ("すべてのデッキ", "korea, タグ dates").
pub fn shown(saved: &str) -> String {
    shown_in(crate::i18n::lang(), saved)
}

/// [`shown`] in `lang` (a web page's).
pub fn shown_in(lang: Lang, saved: &str) -> String {
    if saved == "all decks" {
        return words_in(lang, &[], &[]);
    }
    let (tags, decks): (Vec<&str>, Vec<&str>) = saved.split(", ").partition(|part| part.starts_with("tag "));
    let tags: Vec<String> = tags.iter().map(|t| t["tag ".len()..].to_string()).collect();
    let decks: Vec<String> = decks.iter().map(|d| d.to_string()).collect();
    words_in(lang, &decks, &tags)
}

/// Decks and tags for people: "all decks" when both are empty, else "korea, tag dates".
pub fn words(decks: &[String], tags: &[String]) -> String {
    words_in(crate::i18n::lang(), decks, tags)
}

/// [`words`] in `lang`.
pub fn words_in(lang: Lang, decks: &[String], tags: &[String]) -> String {
    if decks.is_empty() && tags.is_empty() {
        return crate::tr_in!(lang, "plan-scope-all");
    }
    decks
        .iter()
        .cloned()
        .chain(tags.iter().map(|t| crate::tr_in!(lang, "plan-scope-tag", tag = t.as_str())))
        .collect::<Vec<_>>()
        .join(", ")
}
