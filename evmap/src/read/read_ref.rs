//! A consistent view of the whole published map.

use crate::inner::Inner;
use crate::table;
use crate::values::Values;
use left_right::ReadGuard;
use std::borrow::Borrow;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::iter::FusedIterator;
use std::ops::Index;

/// A view of the published map that does not change while it lives.
///
/// Obtained from [`ReadHandle::enter`](crate::ReadHandle::enter) or
/// [`ReadHandle::read`](crate::ReadHandle::read); the latter also gives a view before the first
/// refresh (no keys, and the meta value the map was created with) and after the writer's drop
/// (no keys, no meta value). Iterate it with `for (key, values) in &view`; its iterators know
/// their length (`view.iter().len() == view.len()`).
///
/// The view keeps a read section open: while it lives the writer can publish once more, but
/// the publish after that waits for the view to be dropped. Do not hold one for long.
pub struct MapReadRef<'rh, K, V, M = (), S = RandomState> {
    guard: Option<ReadGuard<'rh, Inner<K, V, M, S>>>,
}

impl<'rh, K, V, M, S> MapReadRef<'rh, K, V, M, S> {
    pub(crate) fn new(guard: ReadGuard<'rh, Inner<K, V, M, S>>) -> Self {
        Self { guard: Some(guard) }
    }

    pub(crate) fn from(guard: Option<ReadGuard<'rh, Inner<K, V, M, S>>>) -> Self {
        Self { guard }
    }

    /// An iterator over every key and its bag, in unspecified order (insertion order, until
    /// removals, with the `indexed` feature).
    pub fn iter(&self) -> ReadGuardIter<'_, K, V, S> {
        ReadGuardIter(self.guard.as_ref().map(|inner| inner.table.iter()))
    }

    /// An iterator over the keys.
    pub fn keys(&self) -> KeysIter<'_, K, V, S> {
        KeysIter(self.iter())
    }

    /// An iterator over the bags.
    pub fn values(&self) -> ValuesIter<'_, K, V, S> {
        ValuesIter(self.iter())
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.guard.as_ref().map_or(0, |inner| inner.table.len())
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The meta value published with this map: before the first refresh, the one the map was
    /// created with (as [`ReadHandle::meta`](crate::ReadHandle::meta) says). `None` only once the
    /// writer is gone.
    pub fn meta(&self) -> Option<&M> {
        self.guard.as_ref().map(|inner| &inner.meta)
    }
}

impl<K, V, M, S> MapReadRef<'_, K, V, M, S>
where
    K: Eq + Hash,
    S: BuildHasher,
{
    /// The bag of `key`, if the key is present.
    pub fn get<Q>(&self, key: &Q) -> Option<&Values<V, S>>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let inner = self.guard.as_ref()?;
        inner.table.get(inner.hasher.hash_one(key), key)
    }

    /// One of the values of `key` (which one is unspecified).
    pub fn get_one<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.get(key)?.get_one()
    }

    /// Whether `key` is present (even with an empty bag).
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.get(key).is_some()
    }

    /// Whether the bag of `key` holds `value`.
    pub fn contains_value<Q, W>(&self, key: &Q, value: &W) -> bool
    where
        K: Borrow<Q>,
        V: Borrow<W> + Eq + Hash,
        Q: ?Sized + Hash + Eq,
        W: ?Sized + Hash + Eq,
    {
        self.get(key).is_some_and(|values| values.contains(value))
    }
}

impl<K, V, M, S, Q> Index<&Q> for MapReadRef<'_, K, V, M, S>
where
    K: Eq + Hash + Borrow<Q>,
    Q: ?Sized + Hash + Eq,
    S: BuildHasher,
{
    type Output = Values<V, S>;

    /// The bag of `key`.
    ///
    /// # Panics
    ///
    /// If `key` is not in the map (as `HashMap`'s indexing does).
    fn index(&self, key: &Q) -> &Values<V, S> {
        self.get(key).expect("no entry found for key")
    }
}

impl<'a, K, V, M, S> IntoIterator for &'a MapReadRef<'_, K, V, M, S> {
    type Item = (&'a K, &'a Values<V, S>);
    type IntoIter = ReadGuardIter<'a, K, V, S>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug, M: fmt::Debug, S> fmt::Debug for MapReadRef<'_, K, V, M, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapReadRef")
            .field("meta", &self.meta())
            .field("map", &DebugMap(self))
            .finish()
    }
}

struct DebugMap<'a, 'rh, K, V, M, S>(&'a MapReadRef<'rh, K, V, M, S>);

impl<K: fmt::Debug, V: fmt::Debug, M, S> fmt::Debug for DebugMap<'_, '_, K, V, M, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

/// An iterator over the keys and bags of a [`MapReadRef`].
pub struct ReadGuardIter<'a, K, V, S>(Option<table::Iter<'a, K, Values<V, S>>>);

impl<'a, K, V, S> Iterator for ReadGuardIter<'a, K, V, S> {
    type Item = (&'a K, &'a Values<V, S>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.as_mut()?.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.as_ref().map_or((0, Some(0)), Iterator::size_hint)
    }
}

/// Exact and fused because the table's own iterator is, with either backend; a view with no map
/// behind it is an exhausted iterator.
impl<K, V, S> ExactSizeIterator for ReadGuardIter<'_, K, V, S> {}

impl<K, V, S> FusedIterator for ReadGuardIter<'_, K, V, S> {}

/// The compiler's check of the claim above, for every key and value type, with the backend this
/// build uses (`scripts/test` builds both). Never called: type-checking it is the check.
#[allow(dead_code)]
fn table_iterators_are_exact_and_fused<K, V>(iter: &table::Iter<'_, K, V>) {
    fn exact_and_fused<I: ExactSizeIterator + FusedIterator>(_: &I) {}
    exact_and_fused(iter);
}

/// An iterator over the keys of a [`MapReadRef`].
pub struct KeysIter<'a, K, V, S>(ReadGuardIter<'a, K, V, S>);

impl<'a, K, V, S> Iterator for KeysIter<'a, K, V, S> {
    type Item = &'a K;

    fn next(&mut self) -> Option<&'a K> {
        self.0.next().map(|(k, _)| k)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V, S> ExactSizeIterator for KeysIter<'_, K, V, S> {}

impl<K, V, S> FusedIterator for KeysIter<'_, K, V, S> {}

/// An iterator over the bags of a [`MapReadRef`].
pub struct ValuesIter<'a, K, V, S>(ReadGuardIter<'a, K, V, S>);

impl<'a, K, V, S> Iterator for ValuesIter<'a, K, V, S> {
    type Item = &'a Values<V, S>;

    fn next(&mut self) -> Option<&'a Values<V, S>> {
        self.0.next().map(|(_, v)| v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V, S> ExactSizeIterator for ValuesIter<'_, K, V, S> {}

impl<K, V, S> FusedIterator for ValuesIter<'_, K, V, S> {}

macro_rules! debug_as_opaque {
    ($($iter:ident),*) => {$(
        impl<K, V, S> fmt::Debug for $iter<'_, K, V, S> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($iter)).finish_non_exhaustive()
            }
        }
    )*};
}

debug_as_opaque!(ReadGuardIter, KeysIter, ValuesIter);
