//! Item analysis against figures worked out by hand (in the comments).

use std::collections::HashMap;

use super::*;

fn answer(student: i64, card: &str, kind: ReviewKind, state: State, rating: u8, chosen: Option<&str>) -> ItemAnswer {
    ItemAnswer {
        student,
        card: card.to_string(),
        kind,
        rating,
        state_before: state,
        chosen_option: chosen.map(str::to_string),
        count: 1,
    }
}

fn card(key: &str, tags: &[&str], options: &[&str]) -> ItemCard {
    ItemCard {
        key: key.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        options: options.iter().map(|o| o.to_string()).collect(),
    }
}

use ReviewKind::{Cram, Exam, Review};
use State::{New, Review as Rev};

#[test]
fn share_right_lapse_rate_and_options_chosen() {
    let c = "d/choice";
    let answers = vec![
        answer(1, c, Review, New, 3, Some("A")),        // right
        answer(1, c, Review, Rev, 1, Some("B")),        // wrong, a lapse
        answer(2, c, Review, Rev, 3, Some("A")),        // right
        answer(2, c, Exam, Rev, 1, Some("C")),          // wrong
        answer(3, c, Exam, Rev, 3, Some("A")),          // right
        answer(3, c, Review, Rev, 1, Some("")),         // don't know, a lapse
        answer(3, c, Cram, Rev, 2, Some("Z")),          // right (hard in cram is remembered); Z is not an option now
        answer(3, c, ReviewKind::Manual, Rev, 0, None), // a manual row: not an answer
    ];
    let analysis = analyse(&answers, &[card(c, &["t"], &["A", "B", "C"])], &HashMap::new());
    let item = &analysis.items[0];
    assert_eq!((item.students, item.answers), (3, 7));
    // Right: 1 + 1 + 1 (exam, good) + 1 (cram, hard) = 4 of 7.
    assert_eq!(item.share_right, 4.0 / 7.0);
    // Scheduled answers to the card in the review state: 3, of which 2 again.
    assert_eq!(item.lapse_rate, Some(2.0 / 3.0));
    let counts: Vec<(&str, bool, usize)> =
        item.options.iter().map(|o| (o.option.as_str(), o.right, o.chosen)).collect();
    assert_eq!(counts, vec![("A", true, 3), ("B", false, 1), ("C", false, 1), ("Z", false, 1), ("", false, 1)]);
    assert_eq!(item.discrimination, None, "nobody ranked");
    assert_eq!(analysis.tags[0].tag, "t");
    assert_eq!((analysis.tags[0].cards, analysis.tags[0].answers), (1, 7));
}

#[test]
fn an_exam_counts_only_a_right_verdict() {
    let almost = answer(1, "d/x", Exam, Rev, 2, None);
    assert!(!almost.is_right());
    assert!(answer(1, "d/x", Review, Rev, 2, None).is_right());
    assert!(!answer(1, "d/x", Review, Rev, 1, None).is_right());
}

#[test]
fn true_false_options_and_no_options_for_other_kinds() {
    let answers = vec![
        answer(1, "d/tf", Review, New, 3, Some("false")),
        answer(2, "d/tf", Review, New, 1, Some("true")),
        answer(3, "d/tf", Review, New, 1, Some("true")),
        answer(1, "d/basic", Review, New, 3, None),
    ];
    let cards = [card("d/tf", &[], &["false", "true"]), card("d/basic", &[], &[])];
    let analysis = analyse(&answers, &cards, &HashMap::new());
    let tf = analysis.items.iter().find(|i| i.card == "d/tf").unwrap();
    assert_eq!(tf.options[0], OptionCount { option: "false".into(), right: true, chosen: 1 });
    assert_eq!(tf.options[1], OptionCount { option: "true".into(), right: false, chosen: 2 });
    assert!(analysis.items.iter().find(|i| i.card == "d/basic").unwrap().options.is_empty());
}

/// 15 students with predicted recall id/15: the strongest third are 15…11, the weakest 5…1.
fn fifteen() -> HashMap<i64, f64> {
    (1..=15).map(|id| (id, id as f64 / 15.0)).collect()
}

#[test]
fn discrimination_is_the_strongest_thirds_share_right_minus_the_weakest() {
    let x = "d/x";
    let mut answers = Vec::new();
    let mut say = |student, ratings: &[u8]| {
        for &r in ratings {
            answers.push(answer(student, x, Review, Rev, r, None));
        }
    };
    // Strongest third: shares 1, 1, 0.5, 1, 0 → mean 0.7.
    say(15, &[3]);
    say(14, &[4]);
    say(13, &[3, 1]);
    say(12, &[2]);
    say(11, &[1]);
    // The middle third does not count.
    say(8, &[1, 1, 1]);
    // Weakest third: shares 1, 0, 0, 0, 0.5 → mean 0.3.
    say(5, &[3]);
    say(4, &[1]);
    say(3, &[1]);
    say(2, &[1, 1]);
    say(1, &[3, 1]);
    // A second card answered by only four of the strongest third.
    for s in [15, 14, 13, 12, 5, 4, 3, 2, 1] {
        answers.push(answer(s, "d/y", Review, Rev, 3, None));
    }
    let cards = [card(x, &[], &[]), card("d/y", &[], &[])];
    let analysis = analyse(&answers, &cards, &fifteen());
    assert_eq!((analysis.ranked_students, analysis.third_size), (15, 5));
    let get = |k: &str| analysis.items.iter().find(|i| i.card == k).unwrap();
    let d = get(x).discrimination.unwrap();
    assert!((d - 0.4).abs() < 1e-12, "0.7 − 0.3, got {d}");
    assert_eq!(get("d/y").discrimination, None, "4 < MIN_STUDENTS_PER_THIRD of the strongest third");
}

#[test]
fn no_discrimination_with_fewer_than_fifteen_ranked_students() {
    let strength: HashMap<i64, f64> = (1..=14).map(|id| (id, id as f64 / 14.0)).collect();
    let answers: Vec<ItemAnswer> = (1..=14).map(|s| answer(s, "d/x", Review, Rev, 3, None)).collect();
    let analysis = analyse(&answers, &[card("d/x", &[], &[])], &strength);
    assert_eq!(analysis.third_size, 4);
    assert_eq!(analysis.items[0].discrimination, None);
}

#[test]
fn equal_recall_ranks_the_smaller_id_stronger() {
    // All 15 equal: the strongest third are ids 1–5 (right), the weakest 11–15 (wrong): D = 1.
    let strength: HashMap<i64, f64> = (1..=15).map(|id| (id, 0.5)).collect();
    let answers: Vec<ItemAnswer> =
        (1..=15).map(|s| answer(s, "d/x", Review, Rev, if s <= 5 { 3 } else { 1 }, None)).collect();
    let analysis = analyse(&answers, &[card("d/x", &[], &[])], &strength);
    assert_eq!(analysis.items[0].discrimination, Some(1.0));
}

#[test]
fn hardest_cards_and_tags_first() {
    let answers = vec![
        // d/a: 1 of 2 right; d/b: 0 of 1; d/c: 2 of 2; d/d: 1 of 2 with a lapse (harder than d/a).
        answer(1, "d/a", Review, New, 3, None),
        answer(2, "d/a", Review, New, 1, None),
        answer(1, "d/b", Review, New, 1, None),
        answer(1, "d/c", Review, New, 3, None),
        answer(2, "d/c", Review, New, 3, None),
        answer(1, "d/d", Review, Rev, 3, None),
        answer(2, "d/d", Review, Rev, 1, None),
    ];
    let cards = [
        card("d/a", &["easy-tag", "mixed"], &[]),
        card("d/b", &["mixed"], &[]),
        card("d/c", &["easy-tag"], &[]),
        card("d/d", &[], &[]),
        card("d/unanswered", &["mixed"], &[]),
    ];
    let analysis = analyse(&answers, &cards, &HashMap::new());
    let order: Vec<&str> = analysis.items.iter().map(|i| i.card.as_str()).collect();
    assert_eq!(order, ["d/b", "d/d", "d/a", "d/c"]);
    // mixed: d/a + d/b = 1 right of 3; easy-tag: d/a + d/c = 3 of 4.
    let tags: Vec<(&str, usize, usize, f64)> =
        analysis.tags.iter().map(|t| (t.tag.as_str(), t.cards, t.answers, t.share_right)).collect();
    assert_eq!(tags, [("mixed", 2, 3, 1.0 / 3.0), ("easy-tag", 2, 4, 0.75)]);
}

#[test]
fn a_group_of_answers_counts_as_many() {
    // Student 1: 3 right and 1 again on the review card; student 2: 2 again. 3 right of 6;
    // lapses 3 of 6; options: A 3, B 3.
    let group = |student, rating, chosen: &str, count| ItemAnswer {
        count,
        ..answer(student, "d/c", Review, Rev, rating, Some(chosen))
    };
    let answers = [group(1, 3, "A", 3), group(1, 1, "B", 1), group(2, 1, "B", 2), group(2, 3, "A", 0)];
    let analysis = analyse(&answers, &[card("d/c", &["t"], &["A", "B"])], &HashMap::new());
    let item = &analysis.items[0];
    assert_eq!((item.students, item.answers, item.share_right, item.lapse_rate), (2, 6, 0.5, Some(0.5)));
    assert_eq!((item.options[0].chosen, item.options[1].chosen), (3, 3));
    assert_eq!((analysis.tags[0].answers, analysis.tags[0].share_right), (6, 0.5));
}
