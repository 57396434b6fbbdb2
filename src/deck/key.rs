//! Card keys, `deck/note-id` or `deck/note-id:variant` (`:r` for a reverse, `:c2` for a cloze
//! deletion): the one place that writes and splits them.

/// A card key split into its parts (borrowed from the key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardKey<'a> {
    pub deck: &'a str,
    pub note: &'a str,
    /// `r`, `c1`, … or None for a note's only (or first) card.
    pub variant: Option<&'a str>,
}

impl<'a> CardKey<'a> {
    /// Splits `key`; None when it has no `/` (not a card key).
    #[cfg(test)]
    pub fn parse(key: &'a str) -> Option<CardKey<'a>> {
        let (deck, rest) = key.split_once('/')?;
        let (note, variant) = match rest.split_once(':') {
            Some((note, variant)) => (note, Some(variant)),
            None => (rest, None),
        };
        Some(CardKey { deck, note, variant })
    }

    /// The key of a card of note `note` in deck `deck`.
    pub fn format(deck: &str, note: &str, variant: Option<&str>) -> String {
        match variant {
            Some(v) => format!("{deck}/{note}:{v}"),
            None => format!("{deck}/{note}"),
        }
    }
}

/// The deck id a card (or note) key starts with; the whole text when it has no `/`.
pub fn deck_of(key: &str) -> &str {
    key.split_once('/').map_or(key, |(deck, _)| deck)
}

/// Up to five of `keys` like `key`, for "did you mean": keys containing what was typed (or of
/// the note typed), then keys a few edits away (typos, a wrong suffix).
pub fn similar(keys: &[String], key: &str) -> Vec<String> {
    let note = key.split(':').next().unwrap_or(key);
    let mut scored: Vec<(usize, &String)> = keys
        .iter()
        .filter_map(|k| {
            if k.contains(key) || (k.starts_with(note) && note.contains('/')) {
                Some((0, k))
            } else {
                let d = crate::answer::osa_distance(k, key);
                (d <= 3).then_some((d, k))
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, k)| k.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_split_into_deck_note_and_variant_and_back() {
        let k = CardKey::parse("korea-2025/grossi:c2").unwrap();
        assert_eq!((k.deck, k.note, k.variant), ("korea-2025", "grossi", Some("c2")));
        assert_eq!(CardKey::format(k.deck, k.note, k.variant), "korea-2025/grossi:c2");
        let k = CardKey::parse("k/basic").unwrap();
        assert_eq!((k.deck, k.note, k.variant), ("k", "basic", None));
        assert_eq!(CardKey::parse("no-slash"), None);
        assert_eq!(deck_of("k/basic:r"), "k");
        assert_eq!(deck_of("k"), "k");
    }
}
