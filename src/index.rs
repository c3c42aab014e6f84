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
        Ids::with_duplicates(ids).0
    }

    /// Indexes ids, and lists the positions of ids already seen at an earlier position.
    pub fn with_duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> (Ids, Vec<usize>) {
        let mut v: Vec<(Box<str>, u32)> = ids.enumerate().map(|(i, id)| (Box::from(id), i as u32)).collect();
        // Stable, so among equal ids the first position comes first.
        sort_by(&mut v, &mut |a, b| a.0.cmp(&b.0));
        let mut duplicates: Vec<usize> = v.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[1].1 as usize).collect();
        sort_by(&mut duplicates, &mut |a, b| a.cmp(b));
        v.dedup_by(|b, a| a.0 == b.0);
        (Ids(v), duplicates)
    }

    /// The position of `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.rank(id).map(|i| self.0[i].1 as usize)
    }

    /// A dense number for `id`: its rank among the distinct ids (`0..len()`).
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(id)).ok()
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

/// Sorts `v` by `cmp`, stably. One merge sort over positions (`u32`) serves every
/// element type, so the wasm holds one copy of the sorting code; each element type only
/// adds the small permutation step.
pub fn sort_by<T>(v: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, order);
}

/// Positions `0..n` ordered by `cmp` (bottom-up merge sort, stable).
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b = a.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // Take from the left run unless the right one is strictly smaller.
                if j >= hi || (i < mid && cmp(a[j], a[i]) != Ordering::Less) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Reorders `v` so that `v[k]` becomes the old `v[order[k]]` (by following cycles).
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for start in 0..v.len() {
        // Each cycle is walked once; walked positions are marked with their own index.
        let mut k = start;
        while order[k] as usize != start {
            let from = order[k] as usize;
            v.swap(k, from);
            order[k] = k as u32;
            k = from;
        }
        order[k] = k as u32;
    }
}

/// Sorts by a key computed once per element (like `sort_by_cached_key`), stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(&mut key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a as usize].cmp(&keys[b as usize]));
    permute(v, order);
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
            let mut d = c.clone();
            sort_by_key(&mut c, |x| x.0);
            d.sort_by_key(|x| x.0);
            assert_eq!(c, d, "sort_by_key is stable: ties keep their order");
            let mut e: Vec<(u32, usize)> = v.iter().copied().zip(0..).collect();
            let mut f = e.clone();
            sort_by(&mut e, &mut |x, y| y.0.cmp(&x.0));
            f.sort_by(|x, y| y.0.cmp(&x.0));
            assert_eq!(e, f, "sort_by is stable too");
        }
    }

    #[test]
    fn ids_find_the_first_position() {
        let ids = Ids::new(["b", "a", "c", "a"].into_iter());
        assert_eq!((ids.get("a"), ids.get("b"), ids.get("c"), ids.get("d")), (Some(1), Some(0), Some(2), None));
        assert_eq!(ids.len(), 3);
        assert_eq!((ids.rank("a"), ids.rank("b"), ids.rank("c"), ids.rank("d")), (Some(0), Some(1), Some(2), None));
        let (_, twice) = Ids::with_duplicates(["x", "y", "x", "z", "y", "x"].into_iter());
        assert_eq!(twice, vec![2, 4, 5]);
    }
}
