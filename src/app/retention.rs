//! The retention suggestion: the workload at each desired retention, from the learner's FSRS
//! parameters and the crate's simulator (default costs), and the retention with the least work
//! per card remembered.

use crate::{Error, Result};

/// One desired retention compared with the current one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetentionRow {
    /// Desired retention, 0–1.
    pub retention: f32,
    /// Expected workload per new card, as a percentage of the workload at the current retention.
    pub workload_pct: f32,
    /// Work per card remembered (workload / retention), as a percentage of the current one's.
    pub work_per_remembered_pct: f32,
    pub suggested: bool,
}

/// The suggestion and the table it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct RetentionSuggestion {
    pub current: f32,
    /// The retention from 0.70 to 0.97 (by 0.01) with the least work per card remembered.
    pub suggested: f32,
    /// 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.97 and the suggested one, ascending.
    pub rows: Vec<RetentionRow>,
}

/// Compares desired retentions for FSRS `parameters` against `current` (0–1).
/// Errors: `Error::Scheduler` when the simulator refuses the parameters.
pub fn suggest_retention(parameters: &[f32], current: f32) -> Result<RetentionSuggestion> {
    let config = fsrs::SimulatorConfig::default();
    suggest_from(
        &|r| fsrs::expected_workload(parameters, r, &config).map_err(|e| Error::Scheduler(e.to_string())),
        current,
    )
}

/// The suggestion for a `workload` curve (expected work per new card at a desired retention).
fn suggest_from(workload: &dyn Fn(f32) -> Result<f32>, current: f32) -> Result<RetentionSuggestion> {
    let mut best = (0.0f32, f32::INFINITY);
    for step in 0..=27 {
        let r = 0.70 + step as f32 * 0.01;
        let cost = workload(r)? / r;
        if cost < best.1 {
            best = (r, cost);
        }
    }
    let base = workload(current)?;
    let mut retentions = vec![0.70f32, 0.75, 0.80, 0.85, 0.90, 0.95, 0.97];
    if !retentions.iter().any(|r| (r - best.0).abs() < 1e-4) {
        retentions.push(best.0);
        retentions.sort_by(f32::total_cmp);
    }
    let rows = retentions
        .into_iter()
        .map(|r| {
            let w = workload(r)?;
            Ok(RetentionRow {
                retention: r,
                workload_pct: w / base * 100.0,
                work_per_remembered_pct: (w / r) / (base / current) * 100.0,
                suggested: (r - best.0).abs() < 1e-4,
            })
        })
        .collect::<Result<_>>()?;
    Ok(RetentionSuggestion { current, suggested: best.0, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggestion_is_the_least_work_per_card_remembered_relative_to_the_current_retention() {
        // w(r) = r · ((r − 0.83)² + 1): work per card remembered, w/r, is least at exactly 0.83,
        // which is not one of the listed rows, so it is added between 0.80 and 0.85.
        let w = |r: f32| Ok(r * ((r - 0.83) * (r - 0.83) + 1.0));
        let s = suggest_from(&w, 0.90).unwrap();
        assert!((s.suggested - 0.83).abs() < 1e-4, "{}", s.suggested);
        let listed: Vec<f32> = s.rows.iter().map(|r| (r.retention * 100.0).round()).collect();
        assert_eq!(listed, [70.0, 75.0, 80.0, 83.0, 85.0, 90.0, 95.0, 97.0]);
        assert_eq!(
            s.rows.iter().filter(|r| r.suggested).map(|r| (r.retention * 100.0).round()).collect::<Vec<_>>(),
            [83.0]
        );
        // The current retention is the reference (100 %); at 0.70: w = 0.70 · 1.0169 = 0.71183
        // against w(0.90) = 0.90 · 1.0049 = 0.90441, so 78.71 %; per card remembered
        // 1.0169 / 1.0049 = 101.19 %.
        let at = |pct: f32| s.rows.iter().find(|r| (r.retention * 100.0).round() == pct).unwrap();
        assert!((at(90.0).workload_pct - 100.0).abs() < 1e-3);
        assert!((at(70.0).workload_pct - 78.71).abs() < 0.01, "{}", at(70.0).workload_pct);
        assert!((at(70.0).work_per_remembered_pct - 101.19).abs() < 0.01, "{}", at(70.0).work_per_remembered_pct);
    }
}
