//! SplitMix64, the small pseudo-random generator behind the insertion benchmark.
//!
//! Written here rather than taken from a crate so that a seed produces the same cases
//! forever: `rand`'s generators and its range sampling have changed output between
//! versions, and a benchmark whose cases change with a dependency update cannot be
//! compared across runs. SplitMix64 (Steele, Lea and Flood, 2014) is ten lines and fixed.

/// Adds to the state before each output; the golden ratio in 64 bits.
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub(super) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub(super) fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// A generator for one item of a seeded run, e.g. (language, sentence index): each
    /// item gets its own stream, so adding or dropping other items does not change it.
    pub(super) fn for_item(seed: u64, parts: &[u64]) -> Self {
        let mut state = seed;
        for &part in parts {
            state = mix(state ^ mix(part.wrapping_add(GAMMA)));
        }
        SplitMix64::new(state)
    }

    /// The next 64 random bits.
    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix(self.state)
    }

    /// A uniform number in `0..n` (Lemire's multiply-and-reject, exactly uniform).
    ///
    /// # Panics
    /// When `n` is 0.
    pub(super) fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "empty range");
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            if product as u64 >= threshold {
                return (product >> 64) as usize;
            }
        }
    }

    /// A uniformly chosen item of `items`.
    ///
    /// # Panics
    /// When `items` is empty.
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// SplitMix64's output function (a bijective 64-bit mixer).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // The published test vector for seed 1234567.
        let mut rng = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = SplitMix64::new(7);
        let mut seen = [0usize; 6];
        for _ in 0..6000 {
            seen[rng.below(6)] += 1;
        }
        assert!(seen.iter().all(|&c| (850..1150).contains(&c)), "{seen:?}");
    }

    #[test]
    fn item_streams_are_independent_and_reproducible() {
        let a = SplitMix64::for_item(42, &[0, 5]).next_u64();
        assert_eq!(a, SplitMix64::for_item(42, &[0, 5]).next_u64());
        assert_ne!(a, SplitMix64::for_item(42, &[0, 6]).next_u64());
        assert_ne!(a, SplitMix64::for_item(42, &[5, 0]).next_u64());
        assert_ne!(a, SplitMix64::for_item(43, &[0, 5]).next_u64());
    }
}
