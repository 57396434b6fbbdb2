//! Mock exams: a paper drawn from the decks with a seed (the same seed, the same paper), cards
//! asked in judged forms — typed, choice, true/false, order — with distractors of the same kind,
//! drawn here; `exam_session` runs a paper. An exam never changes a card's schedule: its rows
//! are kind `exam`, left out of training and statistics.

use std::borrow::Borrow;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use crate::answer::date;
use crate::answer::normalize::{comparable, fold};
use crate::deck::reading::{self};
use crate::deck::{Card, CardKind, Judge};
use crate::rng::fnv1a;
use crate::rng::Rng;

/// One question: the card as asked (its judge set to the form), and the salt for its shuffle.
#[derive(Clone, Debug)]
pub struct Question {
    /// Index into the cards the paper was drawn from.
    pub source: usize,
    pub asked: Card,
    pub salt: u32,
}

/// Draws a paper of up to `count` questions from `cards` with `seed`: one card per note, in a
/// seeded order; self-graded cards are asked as choice or true/false when distractors of the
/// same category exist, otherwise left out; typed cards are sometimes asked as choice.
pub fn build_paper<C: Borrow<Card>>(cards: &[C], count: usize, seed: u64) -> Vec<Question> {
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..cards.len()).collect();
    rng.shuffle(&mut order);
    let mut notes = HashSet::new();
    let mut paper = Vec::new();
    for index in order {
        if paper.len() >= count {
            break;
        }
        let card = cards[index].borrow();
        if notes.contains(&card.note_key()) {
            continue;
        }
        if let Some(asked) = ask_as(card, cards, &mut rng) {
            notes.insert(card.note_key());
            paper.push(Question { source: index, asked, salt: rng.next_u64() as u32 });
        }
    }
    paper
}

/// The card in the form it is asked, or None when it cannot be asked in a judged form.
fn ask_as<C: Borrow<Card>>(card: &Card, pool: &[C], rng: &mut Rng) -> Option<Card> {
    let as_choice =
        |options: Vec<String>| Card { kind: CardKind::Choice, judge: Judge::Choice { options }, ..card.clone() };
    match &card.judge {
        Judge::Choice { .. } | Judge::TrueFalse { .. } | Judge::Order { .. } => Some(card.clone()),
        Judge::Typed { .. } => {
            let wrong = distractors(card, pool, rng, 3);
            if wrong.len() >= 2 && rng.below(2) == 0 {
                Some(as_choice(std::iter::once(card.short_answer.clone()).chain(wrong).collect()))
            } else {
                Some(card.clone())
            }
        }
        Judge::SelfGraded => {
            let wrong = distractors(card, pool, rng, 3);
            if wrong.len() >= 2 && rng.below(3) > 0 {
                Some(as_choice(std::iter::once(card.short_answer.clone()).chain(wrong).collect()))
            } else if let Some(false_answer) = wrong.first() {
                let truth = rng.below(2) == 0;
                let shown = if truth { &card.short_answer } else { false_answer };
                Some(Card {
                    kind: CardKind::TrueFalse,
                    prompt: reading::join(&[card.prompt.as_str(), shown], "\n→ "),
                    judge: Judge::TrueFalse { answer: truth },
                    ..card.clone()
                })
            } else {
                None
            }
        }
    }
}

/// Up to `want` wrong answers for `card`: answers of other cards of the same category, never
/// equal to the right answer (or to each other) after normalisation, and never text the
/// question itself shows (a cloze's other deletions: 国務総理 in 「…は国務総理として[…]を務めていた」).
/// Answers of a length like the right one's come first (a long phrase among short words gives
/// itself away). Dates are the nearest dates in the decks, and nearby years and months when the
/// decks have too few.
pub fn distractors<C: Borrow<Card>>(card: &Card, pool: &[C], rng: &mut Rng, want: usize) -> Vec<String> {
    let Some(category) = &card.category else { return Vec::new() };
    // A note's category may not fit every gap of a cloze (a date in one, a name in another):
    // dates and numbers are only offered for answers that read as such, and only as such.
    // Answers are compared by their bases: `文在寅[ムン]` and `文在寅` are one answer.
    let reads_as = |text: &str| match category.as_str() {
        "date" => date::parse(&fold(&reading::base(text))).is_some(),
        "number" => crate::answer::number::parse(&fold(&reading::base(text))).is_some(),
        _ => true,
    };
    if !reads_as(&card.short_answer) {
        return Vec::new();
    }
    let answer = comparable(&reading::base(&card.short_answer));
    let question = comparable(&reading::base(&card.prompt));
    let in_question = |text: &str| {
        let text = comparable(&reading::base(text));
        !text.is_empty() && question.contains(&text)
    };
    let mut seen: HashSet<String> = HashSet::from([answer]);
    let mut candidates: Vec<&str> = pool
        .iter()
        .map(Borrow::borrow)
        .filter(|c: &&Card| c.category.as_ref() == Some(category))
        .filter(|c| !matches!(c.judge, Judge::TrueFalse { .. } | Judge::Order { .. }))
        .map(|c| c.short_answer.as_str())
        .filter(|a| reads_as(a) && !in_question(a))
        .filter(|a| seen.insert(comparable(&reading::base(a))))
        .collect();
    rng.shuffle(&mut candidates);
    let Some(right) = date::parse(&fold(&card.short_answer)) else {
        // Similar lengths first (within half as long again, or two characters), in the shuffled
        // order; then the nearer in length the sooner (by the ratio of the longer to the
        // shorter, in halves), so a long answer is never offered among single words while
        // longer wrong answers exist.
        let length = |text: &str| reading::base(text).chars().count().max(1);
        let target = length(&card.short_answer);
        candidates.sort_by_key(|a| {
            let (short, long) = (length(a).min(target), length(a).max(target));
            if 2 * long <= 3 * short || long - short <= 2 {
                0
            } else {
                2 * long / short
            }
        });
        return candidates.into_iter().take(want).map(str::to_string).collect();
    };
    // Dates: the nearest first, so a wrong option is plausible.
    let months = |d: &date::PartialDate| d.year as i64 * 12 + d.month.unwrap_or(6) as i64;
    // A coarser date that contains the answer (2025年 for 2025年4月4日), or a finer one inside it,
    // is not wrong: never offer it as a wrong option.
    let overlaps = |d: &date::PartialDate| d.accepts(&right) || right.accepts(d);
    let mut dated: Vec<(i64, String)> = candidates
        .into_iter()
        .filter_map(|a| {
            date::parse(&fold(a)).filter(|d| !overlaps(d)).map(|d| ((months(&d) - months(&right)).abs(), a.to_string()))
        })
        .collect();
    dated.sort_by_key(|(distance, _)| *distance);
    let mut chosen: Vec<String> = dated.into_iter().take(want).map(|(_, a)| a).collect();
    let kanji = card.short_answer.contains('年');
    let shifted = [(-1, 0), (1, 0), (0, -1), (0, 1), (-2, 0), (2, 0)];
    for (dy, dm) in shifted {
        if chosen.len() >= want {
            break;
        }
        let mut d = right;
        d.year += dy;
        if let Some(m) = d.month {
            let m = m as i32 + dm;
            if !(1..=12).contains(&m) {
                continue;
            }
            d.month = Some(m as u32);
        } else if dm != 0 {
            continue;
        }
        let text = format_date(&d, kanji);
        if !overlaps(&d) && !in_question(&text) && seen.insert(comparable(&text)) {
            chosen.push(text);
        }
    }
    chosen
}

fn format_date(d: &date::PartialDate, kanji: bool) -> String {
    match (d.month, d.day, kanji) {
        (None, _, true) => format!("{}年", d.year),
        (Some(m), None, true) => format!("{}年{m}月", d.year),
        (Some(m), Some(day), true) => format!("{}年{m}月{day}日", d.year),
        (None, _, false) => format!("{}", d.year),
        (Some(m), None, false) => format!("{}-{m:02}", d.year),
        (Some(m), Some(day), false) => format!("{}-{m:02}-{day:02}", d.year),
    }
}

/// A seed for a paper when none is given, from the clock (printed, so the paper can be replayed).
pub fn seed_from(now: DateTime<Utc>) -> u64 {
    fnv1a(&[&now.timestamp_nanos_opt().unwrap_or_default().to_le_bytes()]) % 1_000_000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{self, DeckSource};

    fn card(key: &str, category: Option<&str>, answer: &str) -> Card {
        let (deck, note) = key.split_once('/').unwrap();
        Card {
            key: key.into(),
            deck: deck.into(),
            note_id: note.into(),
            kind: CardKind::Basic,
            prompt: format!("question {key}"),
            answer: answer.into(),
            tags: vec![],
            section: None,
            explanation: None,
            renamed_from: None,
            judge: Judge::SelfGraded,
            category: category.map(str::to_string),
            short_answer: answer.into(),
        }
    }

    #[test]
    fn distractors_are_of_the_same_kind_distinct_and_never_the_answer() {
        let pool = vec![
            card("d/a", Some("person"), "金正恩"),
            card("d/b", Some("person"), "金 正恩"), // the answer again after normalisation
            card("d/c", Some("person"), "文在寅"),
            card("d/e", Some("person"), "ブンザイイン"),
            card("d/f", Some("person"), "ぶんざいいん"), // same as the previous after kana folding
            card("d/g", Some("term"), "CVID"),
            card("d/h", Some("person"), "尹錫悦"),
        ];
        for seed in 0..20 {
            let got = distractors(&pool[0], &pool, &mut Rng::new(seed), 3);
            assert!(!got.is_empty());
            let folded: HashSet<String> = got.iter().map(|g| comparable(g)).collect();
            assert_eq!(folded.len(), got.len(), "no duplicates: {got:?}");
            assert!(!folded.contains(&comparable("金正恩")));
            assert!(!got.contains(&"CVID".to_string()), "only people for a person");
        }
        assert_eq!(
            distractors(&pool[0], &pool, &mut Rng::new(5), 3),
            distractors(&pool[0], &pool, &mut Rng::new(5), 3)
        );
        assert!(
            distractors(&card("d/x", None, "x"), &pool, &mut Rng::new(1), 3).is_empty(),
            "no category, no distractors"
        );
    }

    #[test]
    fn distractors_never_appear_in_the_question_and_similar_lengths_come_first() {
        // The cloze of issue 20: 国務総理 is shown in the question of the c2 card.
        let mut asked = card("p/role:c2", Some("term"), "大統領代行");
        asked.prompt = "韓悳洙[ハン・ドクス]は国務総理として[…]を務めていた。".into();
        let pool = vec![
            asked.clone(),
            card("p/role:c1", Some("term"), "国務総理"),
            card("p/a", Some("term"), "偵察衛星の複数台体制"),
            card("p/b", Some("term"), "米韓同盟"),
            card("p/c", Some("term"), "非核化"),
            card("p/d", Some("term"), "戦略的忍耐"),
        ];
        for seed in 0..30 {
            let got = distractors(&asked, &pool, &mut Rng::new(seed), 3);
            assert!(!got.contains(&"国務総理".to_string()), "in the question: {got:?}");
            // Five characters: 米韓同盟 (4), 非核化 (3), 戦略的忍耐 (5) are within two of it, the
            // ten-character phrase (twice as long) is not, so it is never among three when three
            // similar exist.
            assert_eq!(got.len(), 3);
            assert!(!got.contains(&"偵察衛星の複数台体制".to_string()), "{got:?}");
        }
        // With too few of a similar length, a longer one still fills in.
        let got = distractors(&asked, &pool[..4], &mut Rng::new(1), 3);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.contains(&"偵察衛星の複数台体制".to_string()) && got.contains(&"米韓同盟".to_string()));
        // A date shown in the question is no wrong option either.
        let mut when = card("d/when", Some("date"), "2025年4月4日");
        when.prompt = "2024年12月の戒厳の後、憲法裁判所が弾劾を妥当としたのは？".into();
        let dates =
            vec![when.clone(), card("d/x", Some("date"), "2024年12月"), card("d/y", Some("date"), "2025年6月3日")];
        let got = distractors(&when, &dates, &mut Rng::new(2), 3);
        assert!(!got.contains(&"2024年12月".to_string()), "{got:?}");
        assert_eq!(got[0], "2025年6月3日", "{got:?}");
    }

    /// Issue 20's mock exam: a long answer among single words gave itself away. With no
    /// distractor of a similar length, the nearest lengths come next, never a word a tenth as
    /// long while longer answers are left.
    #[test]
    fn a_long_answer_gets_the_longest_wrong_answers_when_none_is_similar() {
        let long = "北朝鮮の核・ミサイル開発を事実上容認しつつ、米朝首脳会談によって緊張緩和をはかる方向"; // 42 characters
        let asked = card("t/long", Some("term"), long);
        let pool = vec![
            asked.clone(),
            card("t/a", Some("term"), "思惑"),
            card("t/b", Some("term"), "非核化"),
            card("t/c", Some("term"), "戦略的忍耐"),
            card("t/d", Some("term"), "米韓同盟"),
            card("t/e", Some("term"), "完全かつ検証可能で後戻りのできない非核化"), // 20
            card("t/f", Some("term"), "対話と圧力を組み合わせて非核化を迫る政策"), // 20
            card("t/g", Some("term"), "ロシアとの軍事協力の深化"),                 // 12
        ];
        for seed in 0..30 {
            let mut got = distractors(&asked, &pool, &mut Rng::new(seed), 3);
            got.sort();
            assert_eq!(
                got,
                [
                    "ロシアとの軍事協力の深化",
                    "完全かつ検証可能で後戻りのできない非核化",
                    "対話と圧力を組み合わせて非核化を迫る政策"
                ],
                "seed {seed}"
            );
        }
    }

    #[test]
    fn date_distractors_are_near_and_never_contain_the_answer() {
        let pool = vec![
            card("d/a", Some("date"), "2025年4月4日"),
            card("d/b", Some("date"), "2025年"),    // contains the answer: not wrong
            card("d/c", Some("date"), "2025年4月"), // contains it too
            card("d/d", Some("date"), "1990年"),
            card("d/e", Some("date"), "2024年12月"),
        ];
        let got = distractors(&pool[0], &pool, &mut Rng::new(3), 3);
        assert_eq!(got[0], "2024年12月", "the nearest date in the decks first: {got:?}");
        assert!(!got.iter().any(|g| g == "2025年" || g == "2025年4月"), "{got:?}");
        // Too few in the decks: nearby years and months fill in, written like the answer.
        assert!(got.contains(&"2024年4月4日".to_string()) || got.contains(&"1990年".to_string()), "{got:?}");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn papers_are_reproducible_and_one_card_per_note() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
        let collection = deck::load(&DeckSource::Dir(dir)).unwrap();
        let cards: Vec<Card> = collection.decks.iter().flat_map(deck::expand).collect();
        let a = build_paper(&cards, 20, 42);
        let b = build_paper(&cards, 20, 42);
        assert_eq!(a.len(), 20);
        assert_eq!(
            a.iter().map(|q| &q.asked.key).collect::<Vec<_>>(),
            b.iter().map(|q| &q.asked.key).collect::<Vec<_>>()
        );
        assert_ne!(
            a.iter().map(|q| &q.asked.key).collect::<Vec<_>>(),
            build_paper(&cards, 20, 43).iter().map(|q| &q.asked.key).collect::<Vec<_>>()
        );
        let notes: HashSet<String> = a.iter().map(|q| q.asked.note_key()).collect();
        assert_eq!(notes.len(), 20);
        assert!(a.iter().all(|q| !matches!(q.asked.judge, Judge::SelfGraded)), "every question is judged");
        for q in &a {
            if let Judge::Choice { options } = &q.asked.judge {
                let folded: HashSet<String> = options.iter().map(|o| comparable(o)).collect();
                assert_eq!(folded.len(), options.len(), "{options:?}");
            }
        }
    }
}
