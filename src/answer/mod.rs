//! Judging answers (pure): typed text, dates and numbers compared fairly, and the response forms
//! of choice, true/false and order questions. Used by `review` and, later, by exams.

pub mod date;
pub mod normalize;
pub mod number;

use crate::scheduler::fuzz::fnv1a;
use crate::scheduler::Rating;

use normalize::{comparable, fold, is_latin};

/// How a typed answer is compared (`check:` in a deck).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Check {
    Text,
    Date,
    Number,
}

impl Check {
    pub fn parse(text: &str) -> Option<Check> {
        match text.trim() {
            "text" => Some(Check::Text),
            "date" => Some(Check::Date),
            "number" => Some(Check::Number),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Wrong,
    Almost,
    Right,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Almost => "almost",
            Verdict::Wrong => "wrong",
        }
    }

    /// The grade a verdict suggests: right → good, almost → hard, wrong → again.
    pub fn suggest(self) -> Rating {
        match self {
            Verdict::Right => Rating::Good,
            Verdict::Almost => Rating::Hard,
            Verdict::Wrong => Rating::Again,
        }
    }
}

/// A verdict and, for a response that was not right, where it differs from the expected answer
/// (`[+x]` missing, `[-x]` extra, in the compared form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub diff: Option<String>,
}

/// Judges a typed answer against the expected answer and its accepted alternatives; the best
/// verdict wins. Empty input is wrong ("don't know").
///
/// Dates and numbers are read before punctuation is dropped; a date is compared at the precision
/// of the expected one and is never "almost". Text allows near misses only in Latin script: one
/// edit (Damerau–Levenshtein) from 6 letters, two from 12. CJK answers have none: 金正日 for 金正恩
/// is wrong.
pub fn judge_typed(check: Check, expected: &str, accept: &[String], typed: &str) -> Judgement {
    let typed_comparable = comparable(typed);
    if typed_comparable.is_empty() {
        return Judgement { verdict: Verdict::Wrong, diff: None };
    }
    let best = std::iter::once(expected)
        .chain(accept.iter().map(String::as_str))
        .map(|candidate| judge_one(check, candidate, typed))
        .max()
        .unwrap_or(Verdict::Wrong);
    let diff = (best != Verdict::Right).then(|| char_diff(&comparable(expected), &typed_comparable));
    Judgement { verdict: best, diff }
}

fn judge_one(check: Check, expected: &str, typed: &str) -> Verdict {
    let (e, t) = (fold(expected), fold(typed));
    match check {
        Check::Date => {
            if let (Some(want), Some(got)) = (date::parse(&e), date::parse(&t)) {
                return if want.accepts(&got) { Verdict::Right } else { Verdict::Wrong };
            }
            exact(expected, typed)
        }
        Check::Number => {
            if let (Some(want), Some(got)) = (number::parse(&e), number::parse(&t)) {
                return if want.accepts(&got) { Verdict::Right } else { Verdict::Wrong };
            }
            exact(expected, typed)
        }
        Check::Text => {
            let (e, t) = (comparable(expected), comparable(typed));
            if e == t {
                return Verdict::Right;
            }
            let letters = e.chars().filter(|c| c.is_alphabetic()).count();
            let allowed = if letters >= 12 {
                2
            } else if letters >= 6 {
                1
            } else {
                0
            };
            // A different number is a different answer, never a near miss.
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            if allowed > 0
                && is_latin(&e)
                && is_latin(&t)
                && digits(&e) == digits(&t)
                && osa_distance(&e, &t) <= allowed
            {
                Verdict::Almost
            } else {
                Verdict::Wrong
            }
        }
    }
}

fn exact(expected: &str, typed: &str) -> Verdict {
    if comparable(expected) == comparable(typed) {
        Verdict::Right
    } else {
        Verdict::Wrong
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), in chars.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// A character diff of `typed` against `expected` (longest common subsequence): matching text
/// as is, `[+x]` where the expected text has x and the typed one not, `[-x]` for typed extras.
pub fn char_diff(expected: &str, typed: &str) -> String {
    let (a, b): (Vec<char>, Vec<char>) = (expected.chars().collect(), typed.chars().collect());
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // Walk the table: ' ' same, '+' only expected, '-' only typed; then group runs.
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('-', b[j]));
            j += 1;
        } else {
            ops.push(('+', a[i]));
            i += 1;
        }
    }
    let mut out = String::new();
    let mut k = 0;
    while k < ops.len() {
        let sign = ops[k].0;
        let run: String = ops[k..].iter().take_while(|(s, _)| *s == sign).map(|(_, c)| *c).collect();
        k += run.chars().count();
        if sign == ' ' {
            out.push_str(&run);
        } else {
            out.push_str(&format!("[{sign}{run}]"));
        }
    }
    out
}

/// Reads a true/false response: t f true false y n yes no ○ 〇 ◯ × x はい いいえ 正 誤.
/// Returns None for anything else (an invalid line).
pub fn parse_true_false(line: &str) -> Option<bool> {
    match fold(line).as_str() {
        "t" | "true" | "y" | "yes" | "○" | "〇" | "◯" | "ハイ" | "正" => Some(true),
        "f" | "false" | "n" | "no" | "×" | "x" | "イイエ" | "誤" => Some(false),
        _ => None,
    }
}

/// Reads a choice response: a whole number in 1..=n is always a displayed position; otherwise the
/// exact text of an option (after normalisation). Returns the displayed position (0-based) or an
/// error message for an invalid line.
pub fn parse_choice(line: &str, displayed: &[&str]) -> Result<usize, String> {
    let t = line.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return match t.parse::<usize>() {
            Ok(n) if (1..=displayed.len()).contains(&n) => Ok(n - 1),
            _ => Err(format!("there is no option {t}; type a number from 1 to {}", displayed.len())),
        };
    }
    let wanted = comparable(t);
    displayed
        .iter()
        .position(|o| comparable(o) == wanted)
        .ok_or_else(|| format!("'{t}' is not one of the options; type its number or its exact text"))
}

/// Reads an order response: the displayed numbers 1..=n in the order the student puts them,
/// separated by spaces or commas (`2 1 3`, `2,1,3`; `213` when n ≤ 9). Each number exactly once.
/// Returns displayed positions (0-based) or an error message.
pub fn parse_order(line: &str, n: usize) -> Result<Vec<usize>, String> {
    let t = line.trim();
    let tokens: Vec<String> = if n <= 9 && t.len() == n && t.chars().all(|c| c.is_ascii_digit()) {
        t.chars().map(|c| c.to_string()).collect()
    } else {
        t.split(|c: char| c.is_whitespace() || c == ',' || c == '、')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let usage = || format!("type the numbers 1 to {n} in the right order, each once, e.g. '2 1 3'");
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for token in &tokens {
        let k: usize = token.parse().map_err(|_| format!("'{token}' is not an item number; {}", usage()))?;
        if !(1..=n).contains(&k) {
            return Err(format!("there is no item {k}; {}", usage()));
        }
        if std::mem::replace(&mut seen[k - 1], true) {
            return Err(format!("item {k} appears twice; {}", usage()));
        }
        order.push(k - 1);
    }
    if order.len() != n {
        return Err(format!("{} of {n} items given; {}", order.len(), usage()));
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

#[cfg(test)]
mod tests;
