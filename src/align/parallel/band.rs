//! The part of the alignment matrix the search looks at: for each number of source
//! sentences consumed (a row), a range of target positions around an expected path.
//! Memory and time are linear in the document length times the band width.

/// For each row `i` in `0..=n`, the target positions `lo[i]..=hi[i]` searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Band {
    /// Lowest target position per row; never decreases.
    pub lo: Vec<usize>,
    /// Highest target position per row; never decreases.
    pub hi: Vec<usize>,
    /// Target sentences in total.
    pub m: usize,
}

impl Band {
    /// `width` positions either side of the straight line from `(0, 0)` to `(n, m)`.
    pub(super) fn diagonal(n: usize, m: usize, width: usize) -> Band {
        let centres: Vec<(usize, usize)> = (0..=n)
            .map(|i| {
                let c = (i * m).checked_div(n).unwrap_or(0);
                (c, if i == n { m } else { c })
            })
            .collect();
        Band::from_centres(&centres, m, width)
    }

    /// `width` positions either side of a path, given as the nodes `(i, j)` it visits in
    /// order, from `(0, 0)` to `(n, m)`. Rows the path jumps over follow the node
    /// before them.
    pub(super) fn around(path: &[(usize, usize)], n: usize, m: usize, width: usize) -> Band {
        let mut centres: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        for &(i, j) in path {
            let c = centres[i].get_or_insert((j, j));
            c.0 = c.0.min(j);
            c.1 = c.1.max(j);
        }
        let mut last = (0, 0);
        let filled: Vec<(usize, usize)> = centres
            .into_iter()
            .map(|c| {
                last = c.unwrap_or((last.1, last.1));
                last
            })
            .collect();
        Band::from_centres(&filled, m, width)
    }

    fn from_centres(centres: &[(usize, usize)], m: usize, width: usize) -> Band {
        let n = centres.len() - 1;
        let mut lo: Vec<usize> = centres.iter().map(|c| c.0.saturating_sub(width)).collect();
        let mut hi: Vec<usize> = centres.iter().map(|c| (c.1 + width).min(m)).collect();
        // The corners must be inside, and the rows must never step back, so that every
        // row can be reached from the one before.
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        for i in 1..=n {
            // A row must overlap the one before it, or no bead could cross.
            lo[i] = lo[i].min(hi[i - 1]);
        }
        Band { lo, hi, m }
    }

    /// Both bands together: per row, from the lower start to the higher end.
    pub(super) fn union(&self, other: &Band) -> Band {
        let lo = self
            .lo
            .iter()
            .zip(&other.lo)
            .map(|(a, b)| *a.min(b))
            .collect();
        let hi = self
            .hi
            .iter()
            .zip(&other.hi)
            .map(|(a, b)| *a.max(b))
            .collect();
        Band { lo, hi, m: self.m }
    }

    /// Number of cells in the band.
    pub(super) fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// Whether the path runs within `margin` of an edge of the band that is not an
    /// edge of the matrix: the best path may lie outside.
    pub(super) fn touched_by(&self, path: &[(usize, usize)], margin: usize) -> bool {
        path.iter().any(|&(i, j)| {
            (self.lo[i] > 0 && j < self.lo[i] + margin)
                || (self.hi[i] < self.m && j + margin > self.hi[i])
        })
    }

    /// Whether the band covers the whole matrix.
    pub(super) fn is_full(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagonal_band_is_monotone_and_holds_the_corners() {
        let band = Band::diagonal(10, 20, 3);
        assert_eq!((band.lo[0], band.hi[10]), (0, 20));
        assert!(band.lo.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.hi.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!((band.lo[5], band.hi[5]), (7, 13));
    }

    #[test]
    fn band_around_a_path_follows_it() {
        let path = [(0, 0), (1, 1), (1, 2), (1, 3), (3, 4), (4, 5)];
        let band = Band::around(&path, 4, 5, 1);
        assert_eq!((band.lo[1], band.hi[1]), (0, 4));
        // Row 2 is jumped over and follows row 1's last node.
        assert_eq!((band.lo[2], band.hi[2]), (2, 4));
        assert!(!band.touched_by(&path, 1));
        assert!(band.touched_by(&[(2, 2)], 1));
    }

    #[test]
    fn union_covers_both() {
        let a = Band::diagonal(10, 10, 1);
        let b = Band::around(&[(0, 0), (0, 5), (10, 10)], 10, 10, 1);
        let u = a.union(&b);
        assert_eq!((u.lo[0], u.hi[0]), (0, 6));
        assert_eq!((u.lo[5], u.hi[5]), (4, 6));
    }

    #[test]
    fn wide_band_is_full() {
        assert!(Band::diagonal(5, 7, 10).is_full());
        assert!(!Band::diagonal(50, 70, 10).is_full());
        assert_eq!(Band::diagonal(2, 2, 10).cells(), 9);
    }
}
