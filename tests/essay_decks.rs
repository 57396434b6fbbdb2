//! The bundled essay decks are product: they load cleanly, every card has an answer, and every
//! fact of the essay in `tests/essay_coverage.yaml` is taught by cards that exist.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use kioku::deck::{self, Card, DeckSource, NoteKind};

fn bundled() -> (Vec<kioku::deck::Deck>, Vec<Card>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let collection = deck::load(&DeckSource::Dir(dir)).unwrap_or_else(|e| panic!("{e}"));
    let cards = collection.decks.iter().flat_map(deck::expand).collect();
    (collection.decks, cards)
}

#[test]
fn every_bundled_deck_loads_with_unique_keys_and_answers() {
    let (decks, cards) = bundled();
    assert!(!decks.is_empty());
    let mut keys = HashSet::new();
    for card in &cards {
        assert!(keys.insert(card.key.clone()), "duplicate card key {}", card.key);
        assert!(!card.prompt.trim().is_empty(), "{} has no prompt", card.key);
        assert!(!card.answer.trim().is_empty(), "{} has no answer", card.key);
    }
    for deck in &decks {
        assert!(deck.source.is_some(), "deck {} cites no source", deck.id);
        for note in &deck.notes {
            assert!(note.section.is_some(), "{}/{} names no essay section", deck.id, note.id);
            assert!(note.category.is_some(), "{}/{} has no category", deck.id, note.id);
        }
    }
    // The binary's compiled-in decks are the same files.
    let compiled = deck::load(&DeckSource::Bundled).unwrap();
    let compiled_cards: usize = compiled.decks.iter().map(|d| deck::expand(d).len()).sum();
    assert_eq!(compiled_cards, cards.len());
}

#[derive(serde::Deserialize)]
struct Fact {
    fact: String,
    cards: Vec<String>,
}

#[test]
fn every_fact_in_the_coverage_checklist_is_taught() {
    let (decks, cards) = bundled();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/essay_coverage.yaml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        // Until the full decks land, the checklist covers the starter deck only.
        assert!(decks.iter().all(|d| d.id == "korea-2025"), "the essay decks need tests/essay_coverage.yaml");
        return;
    };
    let facts: Vec<Fact> = serde_yaml::from_str(&text).unwrap();
    assert!(facts.len() >= 60, "{} facts in the checklist", facts.len());
    let by_key: HashMap<&str, &Card> = cards.iter().map(|c| (c.key.as_str(), c)).collect();
    let mut missing = Vec::new();
    for f in &facts {
        assert!(!f.cards.is_empty(), "no card teaches: {}", f.fact);
        for key in &f.cards {
            if !by_key.contains_key(key.as_str()) {
                missing.push(format!("{key} (for: {})", f.fact));
            }
        }
    }
    assert!(missing.is_empty(), "cards named in the checklist are missing:\n{}", missing.join("\n"));
    let total = cards.len();
    assert!((120..=200).contains(&total), "{total} cards");
    let order_notes = decks.iter().flat_map(|d| &d.notes).filter(|n| matches!(n.kind, NoteKind::Order { .. })).count();
    assert!(order_notes >= 1, "a chronology needs order cards");
}

/// The notes of the first starter deck (korea-2025), whose students' progress must follow them
/// into the essay decks through `renamed_from`.
const STARTER_NOTES: &[&str] = &[
    "martial-law-date",
    "court-ruling-impeachment",
    "election-within-60-days",
    "kim-moon-soo-coup-remark",
    "party-vote-reinstates-kim",
    "han-duck-soo",
    "lee-jun-seok",
    "lee-jae-myung",
    "lee-jae-myung-election-law-case",
    "conservative-deterrence",
    "progressive-engagement",
    "deterrence-definition",
    "engagement-definition",
    "yoon-nk-policy-2024",
    "korea-priority-for-trump",
    "trump-calls-nk-nuclear-state",
    "arms-control-vs-denuclearisation",
    "grossi",
    "defense-plan-gaps",
    "rocket-man",
    "park-impeached-moon-elected",
    "maximum-pressure",
    "nk-2017-tests",
    "pyeongchang-2018",
    "roh-moo-hyun-lesson",
    "nk-admits-troops",
    "kursk",
    "un-vote-2022",
    "russia-nk-military-gains",
    "new-cold-war-speech",
    "cold-war-structure",
    "normalisations-and-treaty",
    "sold-for-2-3-billion",
    "china-rok-no-criticism",
    "shoigu-armistice-70",
    "anchorage-2plus2",
    "party-congress-2021",
    "new-russia-treaty",
    "china-on-new-cold-war",
    "china-nk-75th",
    "cvid",
    "japan-confirm-cvid",
    "g20-osaka-remark",
    "missile-targets",
    "japan-approach-china",
];

#[test]
fn every_starter_note_keeps_its_progress() {
    let (decks, _) = bundled();
    let mut homes: HashMap<String, Vec<String>> = HashMap::new();
    for deck in &decks {
        for note in &deck.notes {
            let origin = note.renamed_from.clone().unwrap_or_else(|| format!("{}/{}", deck.id, note.id));
            homes.entry(origin).or_default().push(format!("{}/{}", deck.id, note.id));
        }
    }
    for id in STARTER_NOTES {
        let key = format!("korea-2025/{id}");
        match homes.get(&key).map(Vec::as_slice) {
            Some([_]) => {}
            Some(several) => panic!("{key} is claimed by several notes: {several:?}"),
            None => panic!("{key} has no home: its students' progress would be lost"),
        }
    }
}
