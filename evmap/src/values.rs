//! The bag of values stored under one key.

use hashbag::HashBag;
use std::borrow::Borrow;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::iter::FusedIterator;
use std::marker::PhantomData;
use thin_vec::{ThinVec, thin_vec};

/// A bag reaching this many values moves to a hash bag, where removing one value is O(1).
pub(crate) const BAG_THRESHOLD: usize = 32;

/// The values stored under one key: a bag (multiset), so a value can occur more than once.
///
/// Iteration order is unspecified. A bag of one value is stored inline in the map's slot (no
/// allocation); up to 31 values live in a vector; from 32 values on, in a hash bag, so that
/// removing one value stays O(1). `fit` moves a bag back to a vector once it is small again and
/// holds no duplicates.
pub struct Values<V, S = RandomState>(Repr<V, S>);

/// Kept in the map's slot, so its size is paid by every entry: 16 bytes for `V = u64` (a tag and
/// one word). Small bags are a `ThinVec` (one pointer to a length, a capacity and the values) for
/// that reason: a `Vec` would make it 24 bytes and a `SmallVec` 32, and a lookup's cost grows with
/// the table's footprint in the cache as soon as the table outgrows it.
enum Repr<V, S> {
    /// Exactly one value, inline.
    One(V),
    /// Fewer than `BAG_THRESHOLD` values (possibly none, possibly one after a removal).
    Few(ThinVec<V>),
    /// A large bag; boxed so that small bags do not pay for its size.
    Many(Box<HashBag<V, S>>),
}

impl<V: Clone + Hash + Eq, S: Clone + BuildHasher> Clone for Values<V, S> {
    fn clone(&self) -> Self {
        Self(match &self.0 {
            Repr::One(value) => Repr::One(value.clone()),
            Repr::Few(values) => Repr::Few(values.clone()),
            Repr::Many(bag) => Repr::Many(bag.clone()),
        })
    }
}

impl<V, S> Default for Values<V, S> {
    /// An empty bag, holding no allocation.
    ///
    /// ```
    /// let bag: evmap::Values<String> = Default::default();
    /// assert!(bag.is_empty());
    /// assert_eq!(bag.iter().len(), 0);
    /// ```
    fn default() -> Self {
        Self::empty()
    }
}

impl<V, S> Values<V, S> {
    pub(crate) fn empty() -> Self {
        Self(Repr::Few(ThinVec::new()))
    }

    pub(crate) fn one(value: V) -> Self {
        Self(Repr::One(value))
    }

    /// The number of values in the bag, counting duplicates.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::One(_) => 1,
            Repr::Few(values) => values.len(),
            Repr::Many(bag) => bag.len(),
        }
    }

    /// Whether the bag holds no values (its key was [`clear`](crate::WriteHandle::clear)ed, or
    /// its last value removed).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many values the bag can hold before it reallocates.
    pub fn capacity(&self) -> usize {
        match &self.0 {
            Repr::One(_) => 1,
            Repr::Few(values) => values.capacity(),
            Repr::Many(bag) => bag.capacity(),
        }
    }

    /// An iterator over the values, each as often as it occurs.
    ///
    /// It knows how many values are left ([`ExactSizeIterator`]), so `bag.iter().len()` is
    /// `bag.len()`, and it keeps returning `None` once done ([`FusedIterator`]).
    ///
    /// ```
    /// let (r, mut w) = evmap::new();
    /// w.insert("k", 1).insert("k", 1).insert("k", 2).refresh();
    /// let bag = r.get("k").unwrap();
    /// let mut values = bag.iter();
    /// assert_eq!(values.len(), 3);
    /// values.next();
    /// assert_eq!(values.len(), 2);
    /// ```
    ///
    /// [`FusedIterator`]: std::iter::FusedIterator
    pub fn iter(&self) -> BagIter<'_, V, S> {
        let repr = match &self.0 {
            Repr::One(value) => IterRepr::Few(std::slice::from_ref(value).iter()),
            Repr::Few(values) => IterRepr::Few(values.iter()),
            Repr::Many(bag) => IterRepr::Many(bag.iter()),
        };
        BagIter(repr, PhantomData)
    }

    /// One of the values, if there is any. Which one is unspecified, but it is the same in both
    /// copies of the map.
    pub fn get_one(&self) -> Option<&V> {
        match &self.0 {
            Repr::One(value) => Some(value),
            Repr::Few(values) => values.first(),
            Repr::Many(bag) => bag.set_iter().next().map(|(value, _)| value),
        }
    }
}

impl<V, S> Values<V, S>
where
    V: Eq + Hash,
    S: BuildHasher,
{
    /// Whether the bag holds `value`. O(1) for large bags, a scan of at most 31 values otherwise.
    pub fn contains<Q>(&self, value: &Q) -> bool
    where
        V: Borrow<Q>,
        Q: ?Sized + Eq + Hash,
    {
        match &self.0 {
            Repr::One(v) => v.borrow() == value,
            Repr::Few(values) => values.iter().any(|v| v.borrow() == value),
            Repr::Many(bag) => bag.contains(value) != 0,
        }
    }
}

impl<V, S> Values<V, S>
where
    V: Eq + Hash + Clone,
    S: BuildHasher + Clone,
{
    /// Adds one occurrence of `value`.
    pub(crate) fn push(&mut self, value: V, hasher: &S) {
        let repr = std::mem::replace(&mut self.0, Repr::Few(ThinVec::new()));
        self.0 = match repr {
            // An empty bag with no reserved room: the value goes inline.
            Repr::Few(values) if values.capacity() == 0 => Repr::One(value),
            Repr::One(first) => Repr::Few(thin_vec![first, value]),
            Repr::Few(mut values) if values.len() + 1 < BAG_THRESHOLD => {
                values.push(value);
                Repr::Few(values)
            }
            Repr::Few(values) => {
                let mut bag = HashBag::with_capacity_and_hasher(values.len() + 1, hasher.clone());
                bag.extend(values);
                bag.insert(value);
                Repr::Many(Box::new(bag))
            }
            Repr::Many(mut bag) => {
                bag.insert(value);
                Repr::Many(bag)
            }
        };
    }

    /// Removes one occurrence of `value`, if there is one.
    pub(crate) fn remove_one(&mut self, value: &V) {
        match &mut self.0 {
            Repr::One(v) => {
                if v == value {
                    self.0 = Repr::Few(ThinVec::new());
                }
            }
            Repr::Few(values) => {
                if let Some(i) = values.iter().position(|v| v == value) {
                    values.swap_remove(i);
                }
            }
            Repr::Many(bag) => {
                bag.remove(value);
            }
        }
    }

    /// Removes every value, keeping the allocated room for reuse.
    pub(crate) fn clear(&mut self) {
        match &mut self.0 {
            Repr::One(_) => self.0 = Repr::Few(ThinVec::new()),
            Repr::Few(values) => values.clear(),
            Repr::Many(bag) => bag.clear(),
        }
    }

    /// Keeps the values `keep` says yes to, asking once per occurrence. Returns whether any value
    /// was removed.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) -> bool {
        let before = self.len();
        match &mut self.0 {
            Repr::One(v) => {
                if !keep(v) {
                    self.0 = Repr::Few(ThinVec::new());
                }
            }
            Repr::Few(values) => values.retain(|v| keep(v)),
            Repr::Many(bag) => bag.retain(|v, count| (0..count).filter(|_| keep(v)).count()),
        }
        self.len() != before
    }

    /// Makes room for `additional` more values (switching to a hash bag if that would take the
    /// bag to the threshold).
    pub(crate) fn reserve(&mut self, additional: usize, hasher: &S) {
        let wanted = self.len() + additional;
        let repr = std::mem::replace(&mut self.0, Repr::Few(ThinVec::new()));
        self.0 = match repr {
            Repr::Many(mut bag) => {
                bag.reserve(additional);
                Repr::Many(bag)
            }
            small if wanted >= BAG_THRESHOLD => {
                let mut bag = HashBag::with_capacity_and_hasher(wanted, hasher.clone());
                bag.extend(Self(small).into_vec());
                Repr::Many(Box::new(bag))
            }
            small => {
                let mut values = Self(small).into_vec();
                values.reserve(additional);
                Repr::Few(values)
            }
        };
    }

    /// Gives back unused capacity, and moves a hash bag back to a vector once it is below the
    /// threshold and holds no duplicates.
    pub(crate) fn fit(&mut self) {
        match &mut self.0 {
            Repr::One(_) => {}
            Repr::Few(values) => {
                if values.len() == 1 {
                    let last = values.pop().expect("one value left");
                    self.0 = Repr::One(last);
                } else {
                    values.shrink_to_fit();
                }
            }
            Repr::Many(bag) => {
                if bag.len() < BAG_THRESHOLD && bag.set_len() == bag.len() {
                    let repr = std::mem::replace(&mut self.0, Repr::Few(ThinVec::new()));
                    let mut values = Self(repr).into_vec();
                    self.0 = if values.len() == 1 {
                        Repr::One(values.pop().expect("one value"))
                    } else {
                        values.shrink_to_fit();
                        Repr::Few(values)
                    };
                } else {
                    bag.shrink_to_fit();
                }
            }
        }
    }

    fn into_vec(self) -> ThinVec<V> {
        match self.0 {
            Repr::One(value) => thin_vec![value],
            Repr::Few(values) => values,
            Repr::Many(bag) => bag
                .into_iter()
                .flat_map(|(value, count)| std::iter::repeat_n(value, count))
                .collect(),
        }
    }
}

impl<'a, V, S> IntoIterator for &'a Values<V, S> {
    type Item = &'a V;
    type IntoIter = BagIter<'a, V, S>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Printed as a set: `{a, b, b}`.
impl<V: fmt::Debug, S> fmt::Debug for Values<V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// An iterator over the values of a bag, each as often as it occurs.
pub struct BagIter<'a, V, S>(IterRepr<'a, V>, PhantomData<S>);

enum IterRepr<'a, V> {
    Few(std::slice::Iter<'a, V>),
    Many(hashbag::Iter<'a, V>),
}

impl<'a, V, S> Iterator for BagIter<'a, V, S> {
    type Item = &'a V;

    fn next(&mut self) -> Option<&'a V> {
        match &mut self.0 {
            IterRepr::Few(iter) => iter.next(),
            IterRepr::Many(iter) => iter.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::Few(iter) => iter.size_hint(),
            IterRepr::Many(iter) => iter.size_hint(),
        }
    }
}

/// Exact because both representations' iterators are: a slice iterator knows its bounds, the hash
/// bag's iterator counts the occurrences it has not yet yielded.
impl<V, S> ExactSizeIterator for BagIter<'_, V, S> {}

impl<V, S> FusedIterator for BagIter<'_, V, S> {}

/// The compiler's check of the claim above, for every value type (`tests/compat.rs` checks that
/// the lengths are right). Never called: type-checking it is the check.
#[allow(dead_code)]
fn bag_iterators_are_exact_and_fused<V>(iter: &IterRepr<'_, V>) {
    fn exact_and_fused<I: ExactSizeIterator + FusedIterator>(_: &I) {}
    match iter {
        IterRepr::Few(few) => exact_and_fused(few),
        IterRepr::Many(many) => exact_and_fused(many),
    }
}

impl<V: fmt::Debug, S> fmt::Debug for BagIter<'_, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BagIter").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::{BAG_THRESHOLD, Repr, Values};
    use std::collections::hash_map::RandomState;

    #[derive(Debug, PartialEq, Eq)]
    enum Kind {
        One,
        Few,
        Many,
    }

    fn kind<V, S>(values: &Values<V, S>) -> Kind {
        match values.0 {
            Repr::One(_) => Kind::One,
            Repr::Few(_) => Kind::Few,
            Repr::Many(_) => Kind::Many,
        }
    }

    fn bag(values: impl IntoIterator<Item = u32>) -> (Values<u32>, RandomState) {
        let hasher = RandomState::new();
        let mut bag = Values::empty();
        for v in values {
            bag.push(v, &hasher);
        }
        (bag, hasher)
    }

    #[test]
    fn one_value_is_inline_and_the_hash_bag_starts_at_the_threshold() {
        assert_eq!(kind(&bag([7]).0), Kind::One);
        assert_eq!(kind(&bag(0..2).0), Kind::Few);
        let below = BAG_THRESHOLD as u32 - 1;
        assert_eq!(kind(&bag(0..below).0), Kind::Few);
        let (at, _) = bag(0..below + 1);
        assert_eq!(kind(&at), Kind::Many);
        assert_eq!(at.len(), BAG_THRESHOLD);
    }

    #[test]
    fn reserving_up_to_the_threshold_switches_to_the_hash_bag() {
        let (mut few, hasher) = bag(0..3);
        few.reserve(BAG_THRESHOLD - 4, &hasher);
        assert_eq!(kind(&few), Kind::Few);
        few.reserve(BAG_THRESHOLD - 3, &hasher);
        assert_eq!(kind(&few), Kind::Many);
        assert_eq!(few.len(), 3);
    }

    #[test]
    fn fit_moves_a_small_distinct_hash_bag_back_to_a_vector() {
        let (mut values, _) = bag(0..40);
        for v in 20..40 {
            values.remove_one(&v);
        }
        assert_eq!(kind(&values), Kind::Many, "removals alone do not convert");
        values.fit();
        assert_eq!(kind(&values), Kind::Few);
        assert_eq!(values.capacity(), 20);
        let mut left: Vec<u32> = values.iter().copied().collect();
        left.sort_unstable();
        assert_eq!(left, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn fit_keeps_a_hash_bag_that_holds_duplicates() {
        let (mut values, hasher) = bag(0..40);
        for v in 2..40 {
            values.remove_one(&v);
        }
        values.push(1, &hasher);
        values.fit();
        assert_eq!(kind(&values), Kind::Many);
        assert_eq!(values.len(), 3);
    }

    #[test]
    fn fit_puts_a_last_value_back_inline() {
        // From a vector and from a hash bag.
        for n in [5, 40] {
            let (mut values, _) = bag(0..n);
            for v in 1..n {
                values.remove_one(&v);
            }
            values.fit();
            assert_eq!(kind(&values), Kind::One, "from {n} values");
            assert_eq!(values.get_one(), Some(&0));
        }
    }
}
