//! The length model of Gale & Church (1993): a translation's length in characters is
//! roughly proportional to its source's, with a variance that grows with length. A bead
//! whose sides have lengths `l1` and `l2` gets
//! `δ = (l2 − c·l1) / sqrt(s² · (l1 + l2 / c) / 2)`, and `2 (1 − Φ(|δ|))` is the
//! probability of a deviation at least that large.

use std::sync::LazyLock;

/// Gale & Church's variance of target characters per source character, measured on
/// the Canadian Hansard; a starting point until the document pair gives its own.
pub(super) const GALE_CHURCH_VARIANCE: f64 = 6.8;

/// Ratios outside this range mean one side is not a translation of the other (or is
/// mostly empty); the estimate is clamped so that the model stays usable.
const RATIO_RANGE: (f64, f64) = (0.25, 4.0);

/// Variances outside this range are estimation noise from too few beads.
const VARIANCE_RANGE: (f64, f64) = (2.0, 40.0);

/// At least this many beads are needed to estimate the variance; fewer keep the
/// Gale–Church value.
const MIN_BEADS_FOR_VARIANCE: usize = 20;

/// Length ratio and variance of one document pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LengthModel {
    /// Expected target characters per source character.
    pub ratio: f64,
    /// Variance of the deviation per character.
    pub variance: f64,
}

impl LengthModel {
    /// The model with the ratio of the two documents' total lengths and Gale & Church's
    /// variance.
    pub(super) fn from_totals(source_chars: u64, target_chars: u64) -> LengthModel {
        let ratio = if source_chars == 0 || target_chars == 0 {
            1.0
        } else {
            target_chars as f64 / source_chars as f64
        };
        LengthModel {
            ratio: ratio.clamp(RATIO_RANGE.0, RATIO_RANGE.1),
            variance: GALE_CHURCH_VARIANCE,
        }
    }

    /// The model re-estimated from the lengths of the 1-1 beads of an alignment: the
    /// ratio of their totals, and the median squared deviation per character rescaled
    /// to a variance (the median resists the few wrong beads). Without such beads (or
    /// only empty ones) the model stays as it is.
    pub(super) fn estimate(&self, pairs: &[(u32, u32)]) -> LengthModel {
        let (s, t) = pairs.iter().fold((0u64, 0u64), |(s, t), &(a, b)| {
            (s + u64::from(a), t + u64::from(b))
        });
        if s == 0 || t == 0 {
            return *self;
        }
        let mut model = LengthModel::from_totals(s, t);
        model.variance = self.variance;
        if pairs.len() < MIN_BEADS_FOR_VARIANCE {
            return model;
        }
        let mut squared: Vec<f64> = pairs
            .iter()
            .filter(|&&(a, b)| a + b > 0)
            .map(|&(a, b)| {
                let (a, b) = (f64::from(a), f64::from(b));
                let d = b - model.ratio * a;
                d * d / ((a + b / model.ratio) / 2.0)
            })
            .collect();
        if squared.is_empty() {
            return model;
        }
        squared.sort_by(f64::total_cmp);
        // The median of a χ²(1) variable is 0.455 times its mean.
        const CHI2_MEDIAN: f64 = 0.4549;
        let median = squared[squared.len() / 2];
        model.variance = (median / CHI2_MEDIAN).clamp(VARIANCE_RANGE.0, VARIANCE_RANGE.1);
        model
    }

    /// The standardised deviation δ of a bead with `l1` source and `l2` target
    /// characters.
    pub(super) fn delta(&self, l1: f64, l2: f64) -> f64 {
        let mean = (l1 + l2 / self.ratio) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        (l2 - self.ratio * l1) / (self.variance * mean).sqrt()
    }

    /// The probability of a deviation at least as large as this bead's: 1 for a perfect
    /// length match, towards 0 for a bad one.
    pub(super) fn match_probability(&self, l1: f64, l2: f64) -> f64 {
        erfc(self.delta(l1, l2).abs() / std::f64::consts::SQRT_2)
    }

    /// The natural logarithm of [`LengthModel::match_probability`], from a table (the
    /// search asks for it hundreds of millions of times on long documents).
    pub(super) fn log_match_probability(&self, l1: f64, l2: f64) -> f64 {
        let x = self.delta(l1, l2).abs() * TABLE_STEPS_PER_UNIT;
        let table = &*LOG_TAIL;
        let k = x as usize;
        if k + 1 >= table.len() {
            return table[table.len() - 1];
        }
        let frac = x - k as f64;
        table[k] + (table[k + 1] - table[k]) * frac
    }
}

/// Steps per unit of |δ| in the log-probability table; linear interpolation between
/// steps of 1/64 is accurate to about 1e-4.
const TABLE_STEPS_PER_UNIT: f64 = 64.0;

/// The table covers |δ| up to this; beyond it, the log-probability (below −30) is
/// held, far under any floor the scoring uses.
const TABLE_MAX_DELTA: f64 = 8.0;

/// `ln(erfc(|δ| / √2))` at every step.
static LOG_TAIL: LazyLock<Vec<f64>> = LazyLock::new(|| {
    let steps = (TABLE_MAX_DELTA * TABLE_STEPS_PER_UNIT) as usize;
    (0..=steps)
        .map(|k| {
            let delta = k as f64 / TABLE_STEPS_PER_UNIT;
            erfc(delta / std::f64::consts::SQRT_2)
                .max(f64::MIN_POSITIVE)
                .ln()
        })
        .collect()
});

/// The complementary error function, with fractional error below 1.2e-7 everywhere
/// (Numerical Recipes' Chebyshev fit `erfcc`).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        assert!((erfc(-1.0) - 1.842_700_8).abs() < 1e-6);
    }

    #[test]
    fn equal_lengths_at_ratio_one_are_certain() {
        let model = LengthModel::from_totals(100, 100);
        assert!((model.match_probability(50.0, 50.0) - 1.0).abs() < 1e-6);
        assert!(model.match_probability(50.0, 150.0) < 0.01);
    }

    #[test]
    fn log_table_matches_the_function() {
        let model = LengthModel::from_totals(100, 100);
        for (l1, l2) in [(50.0, 50.0), (50.0, 60.0), (40.0, 90.0), (10.0, 200.0)] {
            let exact = model.match_probability(l1, l2).max(f64::MIN_POSITIVE).ln();
            let fast = model.log_match_probability(l1, l2);
            assert!(
                (exact - fast).abs() < 1e-3 || exact < -30.0,
                "{exact} {fast}"
            );
        }
    }

    #[test]
    fn ratio_follows_the_documents() {
        let model = LengthModel::from_totals(1000, 1200);
        assert!((model.ratio - 1.2).abs() < 1e-9);
        assert!(model.match_probability(100.0, 120.0) > 0.99);
    }

    #[test]
    fn estimate_recovers_the_ratio_and_keeps_variance_in_range() {
        let pairs: Vec<(u32, u32)> = (0..50).map(|i| (100 + i, 110 + i + i % 7)).collect();
        let model = LengthModel::from_totals(1, 1).estimate(&pairs);
        assert!((model.ratio - 1.13).abs() < 0.05);
        assert!((2.0..=40.0).contains(&model.variance));
    }

    #[test]
    fn without_one_to_one_beads_the_model_stays() {
        let model = LengthModel::from_totals(1000, 300);
        assert_eq!(model.estimate(&[]), model);
        assert_eq!(model.estimate(&[(0, 0)]), model);
    }
}
