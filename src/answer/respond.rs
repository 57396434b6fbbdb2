//! The response forms of choice, true/false and order questions: reading the line a student
//! typed, and the seeded display orders.

use crate::rng::fnv1a;

use super::normalize::{comparable, fold};
use super::Verdict;

/// Reads a true/false response: t f true false y n yes no ○ 〇 ◯ × x はい いいえ 正 誤 正しい 誤り
/// (also a deck's `answer:` of a statement).
/// Returns None for anything else (an invalid line).
pub fn parse_true_false(line: &str) -> Option<bool> {
    match fold(line).as_str() {
        "t" | "true" | "y" | "yes" | "○" | "〇" | "◯" | "ハイ" | "正" | "正シイ" => Some(true),
        "f" | "false" | "n" | "no" | "×" | "x" | "イイエ" | "誤" | "誤リ" => Some(false),
        _ => None,
    }
}

/// The line NFKC-normalised and trimmed: a Japanese input method types full-width digits,
/// commas and spaces (`１ ３ ２`, `１，２`), which the terminal passes on as they are.
fn width_folded(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    line.nfkc().collect::<String>().trim().to_string()
}

/// Reads a choice response: a whole number in 1..=n is always a displayed position; otherwise the
/// exact text of an option (after normalisation). Returns the displayed position (0-based) or an
/// error message for an invalid line.
pub fn parse_choice(line: &str, displayed: &[&str]) -> Result<usize, String> {
    let t = &width_folded(line);
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return match t.parse::<usize>() {
            Ok(n) if (1..=displayed.len()).contains(&n) => Ok(n - 1),
            _ => Err(crate::tr!("review-no-option", number = t, n = displayed.len())),
        };
    }
    let wanted = comparable(t);
    displayed.iter().position(|o| comparable(o) == wanted).ok_or_else(|| crate::tr!("review-not-an-option", text = t))
}

/// Reads an order response: the displayed numbers 1..=n in the order the student puts them,
/// separated by spaces or commas (`2 1 3`, `2,1,3`; `213` when n ≤ 9). Each number exactly once.
/// Returns displayed positions (0-based) or an error message.
pub fn parse_order(line: &str, n: usize) -> Result<Vec<usize>, String> {
    let t = &width_folded(line);
    let tokens: Vec<String> = if n <= 9 && t.len() == n && t.chars().all(|c| c.is_ascii_digit()) {
        t.chars().map(|c| c.to_string()).collect()
    } else {
        t.split(|c: char| c.is_whitespace() || c == ',' || c == '、')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let usage = || crate::tr!("review-order-usage", n = n);
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for token in &tokens {
        let k: usize =
            token.parse().map_err(|_| crate::tr!("review-order-not-number", token = token, usage = usage()))?;
        if !(1..=n).contains(&k) {
            return Err(crate::tr!("review-order-no-item", k = k, usage = usage()));
        }
        if std::mem::replace(&mut seen[k - 1], true) {
            return Err(crate::tr!("review-order-twice", k = k, usage = usage()));
        }
        order.push(k - 1);
    }
    if order.len() != n {
        return Err(crate::tr!("review-order-count", given = order.len(), n = n, usage = usage()));
    }
    Ok(order)
}

/// How many items of an order response are in place, and the verdict: all → right, at least
/// half → almost, else wrong. `permutation[p]` is the true index of the item displayed at p.
pub fn judge_order(response: &[usize], permutation: &[usize]) -> (usize, Verdict) {
    let in_place = response.iter().enumerate().filter(|&(i, &shown)| permutation.get(shown) == Some(&i)).count();
    let n = permutation.len();
    let verdict = if in_place == n {
        Verdict::Right
    } else if in_place * 2 >= n {
        Verdict::Almost
    } else {
        Verdict::Wrong
    };
    (in_place, verdict)
}

/// A display order for the `n` options of a choice question, seeded from the card key and its
/// review count (the same until the card is answered); every order equally likely.
/// `result[p]` is the option shown at p.
pub fn shuffle_options(n: usize, key: &str, reps: u32) -> Vec<usize> {
    let mut rng = crate::rng::Rng::new(fnv1a(&[key.as_bytes(), &reps.to_le_bytes(), b"shuffle"]));
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    order
}

/// A display order for the `n` items of an order question, seeded like `shuffle_options`, but
/// never the right order when n ≥ 2 (it would give the answer away). `result[p]` is the item
/// shown at p.
pub fn shuffle(n: usize, key: &str, reps: u32) -> Vec<usize> {
    let mut rng = crate::rng::Rng::new(fnv1a(&[key.as_bytes(), &reps.to_le_bytes(), b"shuffle"]));
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..8 {
        rng.shuffle(&mut order);
        if n < 2 || order.iter().enumerate().any(|(i, &v)| i != v) {
            return order;
        }
    }
    order.rotate_left(1);
    order
}
