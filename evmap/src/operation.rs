//! The operations the writer logs; each is applied once to each copy of the map.

use crate::values::Values;

/// A `retain` predicate, run once per value on the first copy (see [`Operation::Retain`]).
pub(crate) type Predicate<V> = Box<dyn FnMut(&V) -> bool + Send>;

/// An operation on the meta value, of a type the meta value absorbs (see
/// `WriteHandle::update_meta`), with its type erased.
pub(crate) trait MetaOperation<M>: Send {
    fn absorb_first(&mut self, meta: &mut M, other: &M);
    fn absorb_second(self: Box<Self>, meta: &mut M, other: &M);
}

impl<M, O> MetaOperation<M> for O
where
    M: left_right::Absorb<O>,
    O: Send,
{
    fn absorb_first(&mut self, meta: &mut M, other: &M) {
        meta.absorb_first(self, other);
    }

    fn absorb_second(self: Box<Self>, meta: &mut M, other: &M) {
        meta.absorb_second(*self, other);
    }
}

/// One logged write. Every key-addressed operation carries the key's hash, computed once by the
/// writer, so neither copy hashes the key again.
pub(crate) enum Operation<K, V, M, S> {
    /// Adds one value to the key's bag, creating the key if needed.
    Add { hash: u64, key: K, value: V },
    /// Replaces the key's bag with a bag of one value.
    Replace { hash: u64, key: K, value: V },
    /// Removes one occurrence of the value from the key's bag.
    RemoveValue { hash: u64, key: K, value: V },
    /// Removes the key and its bag.
    RemoveEntry { hash: u64, key: K },
    /// Empties the key's bag (keeping, or creating, the key).
    Clear { hash: u64, key: K },
    /// Removes every key.
    Purge,
    /// Keeps the values the predicate accepts. Applying it to the first copy runs the predicate
    /// and turns the operation into a `SetValues` with the result, so the second copy gets
    /// exactly the same bag whatever the predicate would answer a second time.
    Retain {
        hash: u64,
        key: K,
        keep: Predicate<V>,
    },
    /// The second half of a `Retain`: the bag the first copy ended up with.
    SetValues {
        hash: u64,
        key: K,
        values: Values<V, S>,
    },
    /// Shrinks the key's bag to fit.
    Fit { hash: u64, key: K },
    /// Shrinks every bag and the table to fit.
    FitAll,
    /// Makes room in the key's bag (creating it if needed).
    Reserve {
        hash: u64,
        key: K,
        additional: usize,
    },
    /// Replaces the meta value.
    SetMeta(M),
    /// Changes the meta value through one of its own operations.
    Meta(Box<dyn MetaOperation<M>>),
    /// Makes the map visible to readers (appended once, when the map is created).
    MarkReady,
    /// Nothing: what a `Retain` becomes when it removed nothing.
    Nothing,
}
