//! Importing over an existing deck file keeps its note ids, so a typo fixed in the source file
//! does not lose the students' progress: a note whose id did not come from an id or guid column
//! takes the id of the old note with the same front (after normalisation: NFKC, case, spaces,
//! kana), else of the old note at the same position if their fronts are near-identical, else of
//! the one old note left whose front is near-identical (Anki exports in its own order). An old
//! note is known by its front and by the front kioku exports for it (a choice question with its
//! options, a statement with its true/false line), so a deck back from Anki matches too.

use std::collections::{HashMap, HashSet};

use super::anki::{fields, AnkiFields};
use super::text_import::Origin;
use crate::answer::normalize::fold;
use crate::answer::osa_distance;
use crate::deck::model::RawNote;

/// A note of the deck file being overwritten: its id, the guids kioku exports it with (its own,
/// and that of the note it was renamed from in the same deck), and the texts it is recognised by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OldNote {
    pub id: String,
    pub guids: Vec<String>,
    pub fronts: Vec<String>,
}

/// The notes of an existing deck file's text, with their fronts as written and as exported; the
/// deck's fields too. None when the text is not a deck kioku can read.
pub fn old_notes(text: &str, stem: &str) -> Option<(crate::deck::model::RawDeck, Vec<OldNote>)> {
    match crate::deck::load::load_text(text.as_bytes(), stem, stem) {
        Ok((deck, raw)) => {
            let old = deck
                .notes
                .iter()
                .zip(raw.cards.iter().flatten().filter(|n| !n.unparsed))
                .map(|(note, raw)| {
                    let exported = match fields(note, deck.lang.as_deref()) {
                        AnkiFields::Basic { front, .. } => front,
                        AnkiFields::Cloze { text, .. } => text,
                    };
                    let mut guids = vec![super::anki::guid_of_key(&format!("{}/{}", deck.id, note.id))];
                    guids.push(super::anki::note_guid(&deck.id, note));
                    guids.dedup();
                    OldNote { id: note.id.clone(), guids, fronts: vec![front_of(raw).to_string(), exported] }
                })
                .collect();
            Some((raw, old))
        }
        // A deck with errors: its notes' own fronts are still worth matching.
        Err(_) => crate::deck::yaml::parse_deck(text).ok().map(|raw| {
            let old = raw
                .cards
                .iter()
                .flatten()
                .filter_map(|n| {
                    Some(OldNote { id: n.id.clone()?, fronts: vec![front_of(n).to_string()], ..OldNote::default() })
                })
                .collect();
            (raw, old)
        }),
    }
}

/// What matched, for the report printed after an import.
#[derive(Debug, Default, PartialEq)]
pub struct Matches {
    /// Notes whose id came from the file's id or guid column and was already in the old deck.
    pub by_column: usize,
    pub by_front: usize,
    /// Near-identical fronts (at the same position, or the only near one): (old id, line of the row).
    pub by_near: Vec<(String, usize)>,
    /// Rows that are new notes (lines).
    pub new: Vec<usize>,
    /// Old notes no row matched (ids): their history stays in the database.
    pub gone: Vec<String>,
}

/// The text a note is recognised by: its front, cloze text, question, statement or instruction.
pub fn front_of(note: &RawNote) -> &str {
    [&note.front, &note.cloze, &note.question, &note.statement, &note.order]
        .into_iter()
        .find_map(|f| f.as_deref())
        .unwrap_or("")
}

/// Fronts this long are compared only exactly (the edit distance is quadratic in time and memory).
const MAX_NEAR_CHARS: usize = 500;
/// Most (new row, old note) pairs the search for the only near-identical front may compare.
const MAX_NEAR_PAIRS: usize = 1_000_000;

/// Near-identical: at most one edit in five characters (two allowed in any text), and fewer
/// edits than half the text (`犬` and `猫` are different fronts).
fn near(a: &str, b: &str) -> bool {
    let longest = a.chars().count().max(b.chars().count());
    let shortest = a.chars().count().min(b.chars().count());
    // The distance is at least the difference in length: most pairs stop here.
    if longest > MAX_NEAR_CHARS || longest - shortest > (longest / 5).max(2) {
        return false;
    }
    let d = osa_distance(a, b);
    d <= (longest / 5).max(2) && 2 * d < longest
}

/// Gives `notes` the ids of the matching `old` notes, then makes every id unique again.
/// `origins[i]`: the row's line, whether its id came from the file, its guid. A note whose guid
/// is one an old note is exported with takes that note's id (a renamed note comes back renamed).
pub fn keep_ids(notes: &mut [RawNote], origins: &[Origin], old: &[OldNote]) -> Matches {
    let mut matches = Matches::default();
    let lines: Vec<usize> = origins.iter().map(|o| o.line).collect();
    let from_column: Vec<bool> = origins.iter().map(|o| o.id_from_column).collect();
    let old_ids: Vec<&str> = old.iter().map(|n| n.id.as_str()).collect();
    for (note, origin) in notes.iter_mut().zip(origins) {
        let Some(guid) = &origin.guid else { continue };
        if let Some(o) = old.iter().find(|o| o.guids.contains(guid)) {
            note.id = Some(o.id.clone());
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    for (note, &column) in notes.iter().zip(&from_column) {
        if column {
            let id = note.id.clone().unwrap_or_default();
            if old_ids.contains(&id.as_str()) {
                matches.by_column += 1;
            }
            taken.insert(id);
        }
    }
    let mut by_front: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, n) in old.iter().enumerate() {
        let mut folded: Vec<String> = n.fronts.iter().map(|f| fold(f)).collect();
        folded.dedup();
        for f in folded {
            by_front.entry(f).or_default().push(k);
        }
    }
    let mut assigned: Vec<Option<usize>> = vec![None; notes.len()];
    // Exact fronts first, in row order (duplicate fronts pair up in order).
    for (i, note) in notes.iter().enumerate() {
        if from_column[i] {
            continue;
        }
        if let Some(candidates) = by_front.get_mut(&fold(front_of(note))) {
            while !candidates.is_empty() {
                let k = candidates.remove(0);
                if !taken.contains(old_ids[k]) {
                    taken.insert(old_ids[k].to_string());
                    assigned[i] = Some(k);
                    matches.by_front += 1;
                    break;
                }
            }
        }
    }
    // Then a near-identical front at the same position.
    for (i, note) in notes.iter().enumerate() {
        if from_column[i] || assigned[i].is_some() {
            continue;
        }
        let front = fold(front_of(note));
        if old.get(i).is_some_and(|o| !taken.contains(old_ids[i]) && o.fronts.iter().any(|f| near(&fold(f), &front))) {
            taken.insert(old_ids[i].to_string());
            assigned[i] = Some(i);
            matches.by_near.push((old_ids[i].to_string(), lines[i]));
        }
    }
    // Then the only old note left with a near-identical front (for a bounded number of pairs).
    let unmatched = (0..notes.len()).filter(|&i| !from_column[i] && assigned[i].is_none()).count();
    let unmatched_old = old_ids.iter().filter(|id| !taken.contains(**id)).count();
    for (i, note) in notes.iter().enumerate() {
        if from_column[i] || assigned[i].is_some() || unmatched.saturating_mul(unmatched_old) > MAX_NEAR_PAIRS {
            continue;
        }
        let front = fold(front_of(note));
        let near_ones: Vec<usize> = (0..old.len())
            .filter(|&k| !taken.contains(old_ids[k]) && old[k].fronts.iter().any(|f| near(&fold(f), &front)))
            .collect();
        if let [k] = near_ones[..] {
            taken.insert(old_ids[k].to_string());
            assigned[i] = Some(k);
            matches.by_near.push((old_ids[k].to_string(), lines[i]));
        }
    }
    for (i, note) in notes.iter_mut().enumerate() {
        match assigned[i] {
            Some(k) => note.id = Some(old_ids[k].to_string()),
            None if !from_column[i] => matches.new.push(lines[i]),
            None => {}
        }
    }
    // New notes' ids (from their fronts) must not take an id now used by a matched note.
    let mut used: HashSet<String> = HashSet::new();
    for (i, note) in notes.iter_mut().enumerate() {
        if from_column[i] || assigned[i].is_some() {
            used.insert(note.id.clone().unwrap_or_default());
        }
    }
    for (i, note) in notes.iter_mut().enumerate() {
        if from_column[i] || assigned[i].is_some() {
            continue;
        }
        let base = note.id.clone().unwrap_or_default();
        let mut id = base.clone();
        let mut k = 2;
        while used.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used.insert(id.clone());
        note.id = Some(id);
    }
    matches.gone = old_ids.iter().filter(|id| !used.contains(**id)).map(|id| id.to_string()).collect();
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, front: &str) -> RawNote {
        RawNote { id: Some(id.into()), front: Some(front.into()), back: Some("b".into()), ..RawNote::default() }
    }

    fn old(id: &str, front: &str) -> OldNote {
        OldNote { id: id.into(), fronts: vec![front.into()], ..OldNote::default() }
    }

    fn rows(lines: &[usize], column: bool) -> Vec<Origin> {
        lines.iter().map(|&line| Origin { line, id_from_column: column, guid: None }).collect()
    }

    #[test]
    fn fronts_then_positions_keep_the_old_ids() {
        let old = vec![old("cvid", "CVID"), old("pressure", "最大限の圧力とは"), old("gone", "消えた問題")];
        let mut new = vec![
            note("n1", "最大限の圧力とは？"), // near old note 1 (one edit), elsewhere: the only near one
            note("n2", "cvid"),               // same front after folding case
            note("n3", "完全に新しい問題"),   // new
            note("n4", "犬"),                 // one edit from nothing that is a word away
        ];
        let m = keep_ids(&mut new, &rows(&[2, 3, 4, 5], false), &old);
        let ids: Vec<&str> = new.iter().map(|n| n.id.as_deref().unwrap()).collect();
        assert_eq!(ids, vec!["pressure", "cvid", "n3", "n4"]);
        assert_eq!(m.by_front, 1);
        assert_eq!(m.by_near, vec![("pressure".to_string(), 2)]);
        assert_eq!(m.new, vec![4, 5]);
        assert_eq!(m.gone, vec!["gone".to_string()]);
        assert!(!near("犬", "猫") && near("戒厳はいつ？", "非常戒厳はいつ？") && !near("CVID", "TPP"));

        // A typo fixed at the same position keeps the id.
        let mut fixed = vec![note("n1", "CVID"), note("n2", "最大限の圧力とは。"), note("n3", "消えた問題")];
        let m = keep_ids(&mut fixed, &rows(&[2, 3, 4], false), &old);
        let ids: Vec<&str> = fixed.iter().map(|n| n.id.as_deref().unwrap()).collect();
        assert_eq!(ids, vec!["cvid", "pressure", "gone"]);
        assert_eq!((m.by_front, m.by_near.len(), m.gone.len()), (2, 1, 0));
    }

    #[test]
    fn duplicate_fronts_pair_in_order_and_column_ids_are_left_alone() {
        let old = vec![old("a", "同じ"), old("b", "同じ"), old("c", "x")];
        let mut new = vec![note("n", "同じ"), note("n-2", "同じ"), note("c", "something else")];
        let mut origins = rows(&[1, 2, 3], false);
        origins[2].id_from_column = true;
        let m = keep_ids(&mut new, &origins, &old);
        let ids: Vec<&str> = new.iter().map(|n| n.id.as_deref().unwrap()).collect();
        assert_eq!(ids, vec!["a", "b", "c"]);
        assert_eq!((m.by_column, m.by_front), (1, 2));
    }
}

#[cfg(test)]
mod old_notes_tests {
    use super::*;

    #[test]
    fn a_statement_is_known_by_its_exported_front_too() {
        let text = "deck: d\nlang: ja\ncards:\n  - id: tf\n    statement: 空は緑だ。\n    answer: false\n";
        let (raw, old) = old_notes(text, "d").unwrap();
        assert_eq!(raw.deck.as_deref(), Some("d"));
        assert_eq!(
            old,
            vec![OldNote {
                id: "tf".into(),
                guids: vec!["d/tf".into()],
                fronts: vec!["空は緑だ。".into(), "空は緑だ。\n（正しいか、誤りか）".into()]
            }]
        );
        let mut back = vec![RawNote {
            id: Some("n1".into()),
            front: Some("空は緑だ。\n（正しいか、誤りか）".into()),
            back: Some("誤り".into()),
            ..RawNote::default()
        }];
        keep_ids(&mut back, &[Origin { line: 2, id_from_column: false, guid: None }], &old);
        assert_eq!(back[0].id.as_deref(), Some("tf"));
        assert!(old_notes("not: [a deck", "x").is_none());
    }
}

#[cfg(test)]
mod renamed_tests {
    use super::*;

    #[test]
    fn a_renamed_note_back_from_anki_under_its_old_guid_keeps_its_new_id() {
        let text = "deck: d\ncards:\n  - id: new-name\n    renamed_from: old-name\n    front: Q\n    back: A\n";
        let (_, old) = old_notes(text, "d").unwrap();
        assert_eq!(old[0].guids, vec!["d/new-name".to_string(), "d/old-name".to_string()]);
        let mut back = vec![RawNote {
            id: Some("old-name".into()),
            front: Some("Q2".into()),
            back: Some("A".into()),
            ..RawNote::default()
        }];
        let m = keep_ids(&mut back, &[Origin { line: 7, id_from_column: true, guid: Some("d/old-name".into()) }], &old);
        assert_eq!(back[0].id.as_deref(), Some("new-name"));
        assert_eq!((m.by_column, m.gone.len()), (1, 0));
    }
}
