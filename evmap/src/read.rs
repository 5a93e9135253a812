//! Read handles.

use crate::inner::Inner;
use crate::values::Values;
use left_right::ReadGuard;
use std::borrow::Borrow;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::iter::FromIterator;

mod factory;
mod read_ref;

pub use factory::ReadHandleFactory;
pub use read_ref::{KeysIter, MapReadRef, ReadGuardIter, ValuesIter};

/// A reader's handle to a map.
///
/// Reads never block and never take a lock: each lookup opens a short read section (a store and
/// a fence on this handle's own cache line), finds the key in the published copy, and returns a
/// guard that keeps that copy alive. Drop guards promptly: while one lives, the writer cannot
/// recycle the copy it points into, so a long-lived guard delays the writer's next publish.
///
/// Readers see the map as of the writer's last [`publish`](crate::WriteHandle::publish), and the
/// map is empty until the first one. Once the writer is dropped, every lookup returns `None`.
///
/// Each thread needs its own handle: `ReadHandle` is `Send` but not `Sync`. [`Clone`] it, or
/// share a [`ReadHandleFactory`] between threads.
pub struct ReadHandle<K, V, M = (), S = RandomState> {
    handle: left_right::ReadHandle<Inner<K, V, M, S>>,
    /// A clone of the map's hasher, so that a lookup hashes its key before it enters the read
    /// section: the section is shorter, and the hashing overlaps with the entry fence.
    hasher: S,
}

impl<K, V, M, S> ReadHandle<K, V, M, S> {
    pub(crate) fn new(handle: left_right::ReadHandle<Inner<K, V, M, S>>, hasher: S) -> Self {
        Self { handle, hasher }
    }

    /// Ends a read section left open by guards of this handle that were leaked with
    /// `mem::forget`, so that the writer's next refresh does not wait for it forever. Taking
    /// `&mut self` proves that no guard of this handle is alive. The writer does this for its own
    /// read handle before every refresh.
    pub fn release_leaked_guards(&mut self) {
        self.handle.release_leaked_guards();
    }

    /// Whether the writer has been dropped (after which the map reads as empty).
    pub fn was_dropped(&self) -> bool {
        self.handle.was_dropped()
    }

    /// The published copy, if there is one (after the first publish, before the writer's drop).
    #[inline]
    fn published(&self) -> Option<ReadGuard<'_, Inner<K, V, M, S>>> {
        let inner = self.handle.enter()?;
        if inner.ready { Some(inner) } else { None }
    }
}

impl<K, V, M, S: Clone> ReadHandle<K, V, M, S> {
    /// A factory that makes more handles to this map and can be shared between threads.
    pub fn factory(&self) -> ReadHandleFactory<K, V, M, S> {
        ReadHandleFactory::new(self.handle.factory(), self.hasher.clone())
    }
}

impl<K, V, M, S> ReadHandle<K, V, M, S>
where
    K: Eq + Hash,
    S: BuildHasher,
{
    /// A view of the whole published map that stays the same while it lives. `None` before the
    /// first refresh (as in evmap 11) and after the writer's drop; [`read`](Self::read) gives a
    /// view in every case.
    ///
    /// The view holds a read section open: the writer cannot refresh twice while it lives.
    pub fn enter(&self) -> Option<MapReadRef<'_, K, V, M, S>> {
        self.published().map(MapReadRef::new)
    }

    /// Like [`enter`](Self::enter), but always returns a view: `for (key, values) in &r.read()`.
    ///
    /// Before the first refresh the view has no keys and carries the meta value the map was
    /// created with (`r.read().meta()` agrees with [`meta`](Self::meta)); after the writer's drop
    /// it has no keys and no meta value.
    pub fn read(&self) -> MapReadRef<'_, K, V, M, S> {
        // No `ready` check: before the first refresh the readers' copy is the initial one, with no
        // keys and the initial meta value, which is exactly what this view should show.
        MapReadRef::from(self.handle.enter())
    }

    /// The number of keys in the published map.
    pub fn len(&self) -> usize {
        self.published().map_or(0, |inner| inner.table.len())
    }

    /// Whether the published map has no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The published meta value, or `None` once the writer is gone.
    ///
    /// Before the first refresh it is the meta value the map was created with, as in evmap 9 and
    /// 11: both copies of the map start with it. Every accessor that returns only the meta value
    /// agrees ([`read`](Self::read)`().meta()` too); the ones that look keys up
    /// ([`get`](Self::get), [`meta_get`](Self::meta_get), [`enter`](Self::enter)) answer `None`
    /// until the first refresh.
    ///
    /// ```
    /// let (r, mut w) = evmap::with_meta::<u32, u32, &str>("initial");
    /// w.set_meta("next");
    /// assert_eq!(r.meta().as_deref(), Some(&"initial"));
    /// assert_eq!(r.read().meta(), Some(&"initial"));
    /// assert!(r.meta_get(&1).is_none() && r.enter().is_none());
    /// w.refresh();
    /// assert_eq!(r.read().meta(), Some(&"next"));
    /// assert_eq!(r.meta_get(&1).map(|(_, meta)| meta), Some("next"));
    /// drop(w);
    /// assert!(r.meta().is_none() && r.read().meta().is_none());
    /// ```
    pub fn meta(&self) -> Option<ReadGuard<'_, M>> {
        Some(ReadGuard::map(self.handle.enter()?, |inner| &inner.meta))
    }

    /// The bag of values of `key`, or `None` if the key is absent (or the map unpublished, or
    /// the writer gone). A key whose bag was [`clear`](crate::WriteHandle::clear)ed gives an
    /// empty bag.
    #[inline]
    pub fn get<'rh, Q>(&'rh self, key: &Q) -> Option<ReadGuard<'rh, Values<V, S>>>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let hash = self.hasher.hash_one(key);
        // No `ready` check: before the first publish the readers' copy is empty anyway.
        let inner = self.handle.enter()?;
        ReadGuard::try_map(inner, |inner| inner.table.get(hash, key))
    }

    /// One of the values of `key` (which one is unspecified), or `None` if there is none.
    #[inline]
    pub fn get_one<'rh, Q>(&'rh self, key: &Q) -> Option<ReadGuard<'rh, V>>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let hash = self.hasher.hash_one(key);
        // No `ready` check: before the first publish the readers' copy is empty anyway.
        let inner = self.handle.enter()?;
        ReadGuard::try_map(inner, |inner| inner.table.get(hash, key)?.get_one())
    }

    /// The bag of `key` together with a clone of the meta value, read from the same published
    /// copy, so they are consistent with each other. `None` before the first refresh (like
    /// [`get`](Self::get), and as in evmap 9 and 11) and once the writer is gone.
    #[allow(clippy::type_complexity)]
    pub fn meta_get<Q>(&self, key: &Q) -> Option<(Option<ReadGuard<'_, Values<V, S>>>, M)>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
        M: Clone,
    {
        let hash = self.hasher.hash_one(key);
        let inner = self.published()?;
        let meta = inner.meta.clone();
        let values = ReadGuard::try_map(inner, |inner| inner.table.get(hash, key));
        Some((values, meta))
    }

    /// Whether `key` is in the published map (even with an empty bag).
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

    /// Applies `f` to every key and bag of the published map and collects the results.
    pub fn map_into<F, C, T>(&self, mut f: F) -> C
    where
        F: FnMut(&K, &Values<V, S>) -> T,
        C: FromIterator<T>,
    {
        self.read().iter().map(|(k, v)| f(k, v)).collect()
    }
}

impl<K, V, M, S: Clone> Clone for ReadHandle<K, V, M, S> {
    fn clone(&self) -> Self {
        Self::new(self.handle.clone(), self.hasher.clone())
    }
}

impl<K, V, M, S> fmt::Debug for ReadHandle<K, V, M, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadHandle")
            .field("handle", &self.handle)
            .finish()
    }
}
