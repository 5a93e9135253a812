//! Building a map with non-default settings.

use crate::inner::Inner;
use crate::read::ReadHandle;
use crate::write::WriteHandle;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hash};

/// Settings for a new map: meta value, hasher, initial capacity.
///
/// ```
/// use std::collections::hash_map::RandomState;
///
/// let (r, mut w) = evmap::Options::default()
///     .with_meta("v1")
///     .with_hasher(RandomState::new())
///     .with_capacity(1024)
///     .construct::<u64, String>();
/// w.insert(1, "one".to_owned()).set_meta("v2").publish();
/// assert_eq!(*r.meta().unwrap(), "v2");
/// ```
pub struct Options<M, S> {
    meta: M,
    hasher: S,
    capacity: usize,
    left_right: left_right::Options,
}

impl Default for Options<(), RandomState> {
    /// Meta `()`, the standard library's `RandomState`, no capacity reserved.
    fn default() -> Self {
        Options {
            meta: (),
            hasher: RandomState::new(),
            capacity: 0,
            left_right: left_right::Options::default(),
        }
    }
}

impl<M, S> Options<M, S> {
    /// Sets the initial meta value (visible to readers from the start).
    pub fn with_meta<M2>(self, meta: M2) -> Options<M2, S> {
        Options {
            meta,
            hasher: self.hasher,
            capacity: self.capacity,
            left_right: self.left_right,
        }
    }

    /// Sets the hasher; both copies of the map use clones of it.
    ///
    /// Any `BuildHasher` works, but its clones must hash alike, and keys should hash
    /// deterministically (see the crate docs, "When user code misbehaves").
    pub fn with_hasher<S2>(self, hasher: S2) -> Options<M, S2>
    where
        S2: BuildHasher + Clone,
    {
        Options {
            meta: self.meta,
            hasher,
            capacity: self.capacity,
            left_right: self.left_right,
        }
    }

    /// Reserves room for `capacity` keys in each copy.
    pub fn with_capacity(self, capacity: usize) -> Options<M, S> {
        Options { capacity, ..self }
    }

    /// Chooses how readers synchronise with the writer: [`ReadStrategy::Fenced`] (the default:
    /// a few nanoseconds per read, nothing extra per refresh) or [`ReadStrategy::Asymmetric`]
    /// (no fence on reads at all, several microseconds per refresh while other threads run),
    /// which pays off when the writer refreshes rarely (thousands of writes per refresh) and
    /// lookups are cheap. With std's SipHash hasher the processor hides the fence behind the
    /// hashing and both strategies read at the same speed; with a fast hasher the asymmetric
    /// one saves a few nanoseconds per read. Falls back to `Fenced` where the system cannot
    /// provide it; [`WriteHandle::read_strategy`] says which one the map got.
    /// `docs/benchmarks.md` in the repository has the numbers to choose with.
    ///
    /// [`ReadStrategy::Fenced`]: crate::ReadStrategy::Fenced
    /// [`ReadStrategy::Asymmetric`]: crate::ReadStrategy::Asymmetric
    pub fn read_strategy(self, strategy: crate::ReadStrategy) -> Options<M, S> {
        Options {
            left_right: self.left_right.read_strategy(strategy),
            ..self
        }
    }

    /// Creates the map: a read handle and the write handle.
    #[allow(clippy::type_complexity)]
    pub fn construct<K, V>(self) -> (ReadHandle<K, V, M, S>, WriteHandle<K, V, M, S>)
    where
        K: Eq + Hash + Clone,
        V: Eq + Hash + Clone,
        M: 'static + Clone,
        S: BuildHasher + Clone,
    {
        let inner = Inner::new(self.meta, self.hasher.clone(), self.capacity);
        let (w, r) = self.left_right.construct_from(inner);
        (
            ReadHandle::new(r, self.hasher.clone()),
            WriteHandle::new(w, self.hasher),
        )
    }
}

impl<M: fmt::Debug, S> fmt::Debug for Options<M, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("meta", &self.meta)
            .field("capacity", &self.capacity)
            .field("left_right", &self.left_right)
            .finish_non_exhaustive()
    }
}
