//! Near misses and differences between two short texts, in bounded memory: every table here has
//! at most `MAX_CELLS` cells, whatever the length of a typed (or pasted) answer.

/// The most cells a comparison table may have (256 × 256 characters): about 512 KiB of `usize`.
pub const MAX_CELLS: usize = 65_536;

/// The cells a table for texts of `a` and `b` characters would need, or None past `MAX_CELLS`.
pub fn table_cells(a: usize, b: usize) -> Option<usize> {
    a.checked_add(1)?.checked_mul(b.checked_add(1)?).filter(|&n| n <= MAX_CELLS)
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), in
/// chars; None when the texts are too long to compare in bounded memory. Three rows are kept,
/// so memory is linear in the shorter text; the bound keeps time bounded too.
pub fn osa_distance_bounded(a: &str, b: &str) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    table_cells(a.len(), b.len())?;
    let mut two_back = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(two_back[j - 2] + 1);
            }
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()])
}

/// Whether `a` and `b` are at most `max` edits apart (optimal string alignment, as
/// `osa_distance_bounded`): only the band of cells within `max` of the diagonal is computed, so
/// the work is linear in the texts' length.
pub fn osa_within(a: &str, b: &str, max: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let far = max + 1;
    let mut two_back = vec![far; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(far)).collect();
    let mut row = vec![far; b.len() + 1];
    for i in 1..=a.len() {
        row.fill(far);
        row[0] = i.min(far);
        let (from, to) = (i.saturating_sub(max).max(1), (i + max).min(b.len()));
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            row[j] = d.min(far);
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()] <= max
}

/// `osa_distance_bounded`, for callers comparing short words (deck keys, field names): texts
/// too long to compare count as far apart (`usize::MAX`).
pub fn osa_distance(a: &str, b: &str) -> usize {
    osa_distance_bounded(a, b).unwrap_or(usize::MAX)
}

/// A character diff of `typed` against `expected` (longest common subsequence): matching text
/// as is, `[+x]` where the expected text has x and the typed one not, `[-x]` for typed extras.
/// Texts too long for a bounded table get a plain `[+expected][-typed]`, the typed text cut to
/// 80 characters with `…`.
#[cfg(test)]
pub fn char_diff(expected: &str, typed: &str) -> String {
    let units = |text: &str| text.chars().map(|c| (c.to_string(), c)).collect::<Vec<_>>();
    diff_units(expected, typed, &units(expected), &units(typed))
}

/// `char_diff` of the texts as written (issue 20: the screen showed めいじ元年 as メイジ元):
/// characters are matched by their comparable form (width, case, kana folded; ignorable
/// punctuation and spaces left out), but shown in their own script, so 明治元年 against
/// めいじ元年 gives `[+明治][-めいじ]元年`.
pub fn diff_as_written(expected: &str, typed: &str) -> String {
    let units = |text: &str| {
        text.chars()
            .filter_map(|c| {
                let key = super::normalize::comparable(c.encode_utf8(&mut [0; 4]));
                (!key.is_empty()).then_some((key, c))
            })
            .collect::<Vec<_>>()
    };
    diff_units(expected, typed, &units(expected), &units(typed))
}

/// The diff of two texts as units (comparison key, character shown).
fn diff_units(expected: &str, typed: &str, a: &[(String, char)], b: &[(String, char)]) -> String {
    if table_cells(a.len(), b.len()).is_none() {
        let shown: String = typed.chars().take(80).collect();
        let more = if typed.chars().count() > 80 { "…" } else { "" };
        return format!("[+{expected}][-{shown}{more}]");
    }
    let width = b.len() + 1;
    let mut lcs = vec![0usize; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i].0 == b[j].0 {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    // Walk the table: ' ' same (shown as typed), '+' only expected, '-' only typed; then group runs.
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i].0 == b[j].0 {
            ops.push((' ', b[j].1));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j]) {
            ops.push(('-', b[j].1));
            j += 1;
        } else {
            ops.push(('+', a[i].1));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_diffs() {
        assert_eq!(osa_distance("ab", "ba"), 1);
        assert_eq!(osa_distance("kitten", "sitting"), 3);
        assert_eq!(osa_distance("", "abc"), 3);
        assert_eq!(char_diff("金正恩", "金正日"), "金正[-日][+恩]");
        assert_eq!(char_diff("ab", "ab"), "ab");
        // The band agrees with the whole table.
        for (x, y) in [
            ("pyongyang", "pyongyag"),
            ("kitten", "sitting"),
            ("ab", "ba"),
            ("abc", ""),
            ("denuclearization", "denuclearisatoin"),
        ] {
            let d = osa_distance(x, y);
            for max in 0..4 {
                assert_eq!(osa_within(x, y, max), d <= max, "{x} {y} {max}");
            }
        }
    }

    #[test]
    fn tables_are_bounded() {
        // A megabyte pasted against a short answer: no table is made.
        let pasted = "x".repeat(1 << 20);
        assert_eq!(table_cells(10, pasted.chars().count()), None);
        assert_eq!(osa_distance_bounded("answer", &pasted), None);
        let diff = char_diff("answer", &pasted);
        assert!(diff.chars().count() < 100, "{}", diff.len());
        // The largest table allowed is MAX_CELLS.
        assert_eq!(table_cells(255, 255), Some(MAX_CELLS));
        assert_eq!(table_cells(256, 255), None);
        assert_eq!(table_cells(usize::MAX, 2), None);
    }
}
