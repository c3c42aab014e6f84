//! Small lookup and sorting helpers shared by the whole core.
//!
//! The WebAssembly build pays for every `HashMap<K, V>` and every `sort_by` closure with
//! a fresh copy of hashbrown's or the standard sort's code. One id index type and one
//! small sort keep that to a single copy (see BENCHMARKS.md, "WebAssembly size").

use std::cmp::Ordering;

/// Positions of string ids: a sorted list searched by halves. On duplicate ids the
/// first position wins (validation reports duplicates).
#[derive(Clone, Debug, Default)]
pub struct Ids(Vec<(Box<str>, u32)>);

impl Ids {
    /// Indexes ids by their position in the iterator.
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
        let mut v: Vec<(Box<str>, u32)> = ids.enumerate().map(|(i, id)| (Box::from(id), i as u32)).collect();
        // Ties are ordered by position, so dedup keeps the first.
        sort_by(&mut v, &mut |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        v.dedup_by(|b, a| a.0 == b.0);
        Ids(v)
    }

    /// The position of `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(id)).ok().map(|i| self.0[i].1 as usize)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Number of distinct ids.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Sorts `v` by `cmp` (heapsort: in place, not stable, `O(n log n)`, and small).
pub fn sort_by<T>(v: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(v, start, n, cmp);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, cmp);
    }
}

fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && cmp(&v[child], &v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if cmp(&v[root], &v[child]) != Ordering::Less {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// Sorts by a key computed once per element (`sort_by_cached_key`, with [`sort_by`]).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    let mut keyed: Vec<(K, usize)> = v.iter().map(&mut key).zip(0..).collect();
    sort_by(&mut keyed, &mut |a, b| a.cmp(b));
    // Apply the permutation: take every element out once, in the sorted order.
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keyed.into_iter().filter_map(|(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut seed = 12345u64;
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let v: Vec<u32> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 50) as u32
                })
                .collect();
            let (mut a, mut b) = (v.clone(), v.clone());
            sort_by(&mut a, &mut |x, y| y.cmp(x));
            b.sort_by(|x, y| y.cmp(x));
            assert_eq!(a, b);
            let mut c: Vec<(u32, usize)> = v.iter().copied().zip(0..).collect();
            sort_by_key(&mut c, |x| x.0);
            let mut d = c.clone();
            d.sort_by_key(|x| x.0);
            assert_eq!(c, d, "sort_by_key is stable: ties keep their order");
        }
    }

    #[test]
    fn ids_find_the_first_position() {
        let ids = Ids::new(["b", "a", "c", "a"].into_iter());
        assert_eq!((ids.get("a"), ids.get("b"), ids.get("c"), ids.get("d")), (Some(1), Some(0), Some(2), None));
        assert_eq!(ids.len(), 3);
    }
}
