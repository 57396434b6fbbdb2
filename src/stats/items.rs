//! Item analysis for a teacher (pure): per card, how a class answers it — answers, share right,
//! lapse rate, how often each option of a choice or true/false card was chosen, and a
//! discrimination index — then the hardest cards and tags. Data, not sentences: the pages and
//! the command line word it through the catalogue.
//!
//! The discrimination index is the classical upper–lower index of test analysis (Kelley's,
//! with thirds instead of 27 %): the students are ranked by their predicted recall of the
//! assignment, and the index of a card is the mean share right on it of the strongest third
//! minus that of the weakest third. Near 0: the card does not tell stronger students from weaker
//! ones; negative: weaker students do better (often a wrong key or a misleading option).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::scheduler::State;
use crate::store::ReviewKind;

/// The fewest students of each of the strongest and the weakest third who must have answered
/// a card for its discrimination index to be given (so a class needs 15 ranked students at
/// least). With fewer, one student's answer moves a group's share by more than 20 points and
/// the index is mostly noise.
pub const MIN_STUDENTS_PER_THIRD: usize = 5;

/// `count` like answers of one student (rows of the review log that are not manual rows; the
/// store counts them in groups, so the analysis holds groups, not every row of a long log).
#[derive(Clone, Debug)]
pub struct ItemAnswer {
    /// Whose answer it is (a learner id).
    pub student: i64,
    pub card: String,
    pub kind: ReviewKind,
    /// 1–4.
    pub rating: u8,
    pub state_before: State,
    /// `ReviewRow::chosen_option`.
    pub chosen_option: Option<String>,
    /// How many such answers.
    pub count: usize,
}

impl ItemAnswer {
    /// Right: in an exam, a right verdict (exam rows store its suggested grade, good); in a
    /// review or cram, any grade but again (remembered, as true retention counts it).
    pub fn is_right(&self) -> bool {
        match self.kind {
            ReviewKind::Exam => self.rating >= 3,
            _ => self.rating >= 2,
        }
    }

    /// A lapse in the field's sense: again on a card in the review state, in a scheduled review.
    fn is_review_of_review_card(&self) -> bool {
        self.kind == ReviewKind::Review && self.state_before == State::Review
    }
}

/// What the analysis needs to know of a card from its deck.
#[derive(Clone, Debug, Default)]
pub struct ItemCard {
    pub key: String,
    pub tags: Vec<String>,
    /// Choice: the options as written, the right one first; true/false: `["true", "false"]`
    /// with the right one first; empty for other kinds.
    pub options: Vec<String>,
}

/// How often one option was chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionCount {
    /// The option's text as written; empty for "don't know" (an empty response).
    pub option: String,
    /// Whether it is the right option of the card as the deck has it now.
    pub right: bool,
    pub chosen: usize,
}

/// One card's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemStats {
    pub card: String,
    pub tags: Vec<String>,
    /// Students who answered it at least once.
    pub students: usize,
    /// Answers in reviews, cram and exams.
    pub answers: usize,
    /// Right answers ÷ answers (`ItemAnswer::is_right`).
    pub share_right: f64,
    /// Again ÷ scheduled answers to the card in the review state; None without such answers.
    pub lapse_rate: Option<f64>,
    /// Choice and true/false: the card's options in the deck's order (right first) with how
    /// often each was chosen, then any other text recorded (an exam's distractors, an option
    /// since edited), then "don't know" when it happened. Empty for other kinds.
    pub options: Vec<OptionCount>,
    /// The discrimination index, −1 to 1; None when fewer than `MIN_STUDENTS_PER_THIRD`
    /// students of the strongest or the weakest third answered the card.
    pub discrimination: Option<f64>,
}

/// One tag's figures, over the answers to its cards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TagStats {
    pub tag: String,
    /// Cards with the tag that were answered.
    pub cards: usize,
    pub answers: usize,
    pub share_right: f64,
    pub lapse_rate: Option<f64>,
}

/// The whole analysis: cards and tags, hardest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemAnalysis {
    /// Cards with at least one answer, lowest share right first (then highest lapse rate, then
    /// most answers, then key).
    pub items: Vec<ItemStats>,
    /// Tags of answered cards, hardest first in the same order.
    pub tags: Vec<TagStats>,
    /// Students ranked for the discrimination index (those with a predicted recall).
    pub ranked_students: usize,
    /// Students in each of the strongest and the weakest third.
    pub third_size: usize,
}

/// Analyses `answers` (any order) of the cards in `cards` (answers to other cards are left
/// out). `strength` gives each ranked student's predicted recall of the assignment (0–1): the
/// strongest third are the third with the highest, ties broken by the smaller student id.
pub fn analyse(answers: &[ItemAnswer], cards: &[ItemCard], strength: &HashMap<i64, f64>) -> ItemAnalysis {
    let mut ranked: Vec<(i64, f64)> = strength.iter().map(|(&s, &r)| (s, r)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let third_size = ranked.len() / 3;
    let upper: Vec<i64> = ranked[..third_size].iter().map(|r| r.0).collect();
    let lower: Vec<i64> = ranked[ranked.len() - third_size..].iter().map(|r| r.0).collect();

    let mut by_card: HashMap<&str, Vec<&ItemAnswer>> = HashMap::new();
    for a in answers.iter().filter(|a| (1..=4).contains(&a.rating) && a.count > 0) {
        by_card.entry(a.card.as_str()).or_default().push(a);
    }
    let mut items: Vec<ItemStats> = cards
        .iter()
        .filter_map(|card| {
            let answers = by_card.get(card.key.as_str())?;
            Some(item(card, answers, &upper, &lower))
        })
        .collect();
    items.sort_by(|a, b| {
        hardest_first(a.share_right, a.lapse_rate, a.answers, b.share_right, b.lapse_rate, b.answers)
            .then_with(|| a.card.cmp(&b.card))
    });

    let mut tags: BTreeMap<&str, (usize, usize, usize, usize, usize)> = BTreeMap::new();
    for card in cards {
        let Some(answers) = by_card.get(card.key.as_str()) else { continue };
        let c = Counts::of(answers);
        for tag in &card.tags {
            let t = tags.entry(tag).or_default();
            *t = (t.0 + 1, t.1 + c.answers, t.2 + c.right, t.3 + c.reviews, t.4 + c.lapses);
        }
    }
    let mut tags: Vec<TagStats> = tags
        .into_iter()
        .map(|(tag, (cards, answers, right, reviews, lapses))| TagStats {
            tag: tag.to_string(),
            cards,
            answers,
            share_right: right as f64 / answers as f64,
            lapse_rate: share(lapses, reviews),
        })
        .collect();
    tags.sort_by(|a, b| {
        hardest_first(a.share_right, a.lapse_rate, a.answers, b.share_right, b.lapse_rate, b.answers)
            .then_with(|| a.tag.cmp(&b.tag))
    });
    ItemAnalysis { items, tags, ranked_students: ranked.len(), third_size }
}

/// Answers, right answers, scheduled answers in the review state and lapses among them.
struct Counts {
    answers: usize,
    right: usize,
    reviews: usize,
    lapses: usize,
}

impl Counts {
    fn of(answers: &[&ItemAnswer]) -> Counts {
        let sum = |keep: &dyn Fn(&ItemAnswer) -> bool| answers.iter().filter(|a| keep(a)).map(|a| a.count).sum();
        Counts {
            answers: sum(&|_| true),
            right: sum(&|a| a.is_right()),
            reviews: sum(&|a| a.is_review_of_review_card()),
            lapses: sum(&|a| a.is_review_of_review_card() && a.rating == 1),
        }
    }
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn hardest_first(
    share_a: f64,
    lapse_a: Option<f64>,
    answers_a: usize,
    share_b: f64,
    lapse_b: Option<f64>,
    answers_b: usize,
) -> std::cmp::Ordering {
    share_a
        .total_cmp(&share_b)
        .then(lapse_b.unwrap_or(0.0).total_cmp(&lapse_a.unwrap_or(0.0)))
        .then(answers_b.cmp(&answers_a))
}

fn item(card: &ItemCard, answers: &[&ItemAnswer], upper: &[i64], lower: &[i64]) -> ItemStats {
    let mut per_student: BTreeMap<i64, (usize, usize)> = BTreeMap::new();
    for a in answers {
        let s = per_student.entry(a.student).or_default();
        *s = (s.0 + if a.is_right() { a.count } else { 0 }, s.1 + a.count);
    }
    let c = Counts::of(answers);
    // Each student's share right on the card, averaged over a group: every student weighs the
    // same however often the scheduler showed them the card.
    let group_share = |group: &[i64]| -> Option<f64> {
        let shares: Vec<f64> =
            group.iter().filter_map(|s| per_student.get(s)).map(|&(r, n)| r as f64 / n as f64).collect();
        (shares.len() >= MIN_STUDENTS_PER_THIRD).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    };
    let discrimination = match (group_share(upper), group_share(lower)) {
        (Some(u), Some(l)) => Some(u - l),
        _ => None,
    };
    ItemStats {
        card: card.key.clone(),
        tags: card.tags.clone(),
        students: per_student.len(),
        answers: c.answers,
        share_right: c.right as f64 / c.answers as f64,
        lapse_rate: share(c.lapses, c.reviews),
        options: option_counts(card, answers),
        discrimination,
    }
}

/// The card's options in order with their counts, then other texts recorded (most chosen
/// first), then "don't know". Nothing for a card without options.
fn option_counts(card: &ItemCard, answers: &[&ItemAnswer]) -> Vec<OptionCount> {
    if card.options.is_empty() {
        return Vec::new();
    }
    let mut chosen: HashMap<&str, usize> = HashMap::new();
    for a in answers {
        if let Some(option) = &a.chosen_option {
            *chosen.entry(option.as_str()).or_default() += a.count;
        }
    }
    let mut counts: Vec<OptionCount> = card
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| OptionCount {
            option: option.clone(),
            right: i == 0,
            chosen: chosen.remove(option.as_str()).unwrap_or(0),
        })
        .collect();
    let dont_know = chosen.remove("");
    let mut others: Vec<(&str, usize)> = chosen.into_iter().collect();
    others.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.extend(others.into_iter().map(|(option, n)| OptionCount {
        option: option.to_string(),
        right: false,
        chosen: n,
    }));
    if let Some(n) = dont_know {
        counts.push(OptionCount { option: String::new(), right: false, chosen: n });
    }
    counts
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
