//! Interval fuzz, with Anki's ranges, seeded from a fixed hash of (card key, review count) so the
//! same answer gives the same interval on every machine and in every kioku version.

use crate::rng::fnv1a;

/// A number in [0, 1) derived from the card key and its review count.
pub fn fuzz_factor(key: &str, reps: u32) -> f64 {
    let hash = fnv1a(&[key.as_bytes(), &reps.to_le_bytes()]);
    (hash >> 11) as f64 / (1u64 << 53) as f64
}

/// Anki's fuzz range: intervals under 2.5 days are left alone; above, the range widens by 15 %
/// of the part between 2.5 and 7 days, 10 % of 7–20 days and 5 % beyond, plus one day. Returns
/// (shortest, longest) in days: at least 2 days and at most `max_days`.
pub fn range(interval_days: u32, max_days: u32) -> (u32, u32) {
    let interval = interval_days as f64;
    if interval < 2.5 {
        return (interval_days, interval_days);
    }
    let ranges = [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f64::INFINITY, 0.05)];
    let delta = 1.0 + ranges.iter().map(|&(start, end, rate)| rate * (interval.min(end) - start).max(0.0)).sum::<f64>();
    let max_ivl = ((interval + delta).round() as u32).min(max_days);
    let min_ivl = ((interval - delta).round() as u32).max(2).min(max_ivl);
    (min_ivl, max_ivl)
}

/// Anki's fuzz without load balancing: the day of the range that `factor` (0–1) falls on, every
/// day equally likely.
#[cfg(test)]
pub fn apply(interval_days: u32, factor: f64, max_days: u32) -> u32 {
    let (min_ivl, max_ivl) = range(interval_days, max_days);
    let span = (max_ivl - min_ivl + 1) as f64;
    (min_ivl + (factor * span).floor() as u32).min(max_ivl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzz_stays_in_anki_ranges() {
        // Hand calculation: interval 10 → delta = 1 + 0.15·4.5 + 0.1·3 = 1.975 → [8, 12].
        assert_eq!(apply(10, 0.0, 36_500), 8);
        assert_eq!(apply(10, 0.999, 36_500), 12);
        // Interval 100 → delta = 1 + 0.675 + 1.3 + 0.05·80 = 6.975 → [93, 107].
        assert_eq!(apply(100, 0.0, 36_500), 93);
        assert_eq!(apply(100, 0.999, 36_500), 107);
        assert_eq!(apply(2, 0.9, 36_500), 2);
        assert_eq!(apply(100, 0.999, 100), 100); // the cap wins
    }

    #[test]
    fn factor_is_stable_and_in_range() {
        let a = fuzz_factor("deck/note", 3);
        assert_eq!(a, fuzz_factor("deck/note", 3));
        assert_ne!(a, fuzz_factor("deck/note", 4));
        assert!((0.0..1.0).contains(&a));
    }
}
