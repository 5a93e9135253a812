//! A left-right map from `u64` keys to values stored once for both copies (`AliasedMap`), built
//! with `left_right::aliasing` the way its documentation describes, and the same map storing a
//! clone of each value in each copy (`ClonedMap`), to measure against.
//!
//! The keys are `u64`s in a `BTreeMap`, so absorbing an operation runs no user code that could
//! answer differently for the two copies: both copies remove exactly the same values, which is
//! what makes freeing in `absorb_second` sound.

use left_right::aliasing::{Aliased, DropBehavior};
use left_right::{Absorb, Options, ReadGuard, ReadHandle, WriteHandle};
use std::collections::BTreeMap;

/// Dropping an alias with this behaviour leaves the value alone. Private, with `DoDrop`, so that
/// no code outside this module can hold an alias of these values with either behaviour.
struct NoDrop;

impl DropBehavior for NoDrop {
    const DO_DROP: bool = false;
}

/// Dropping an alias with this behaviour drops the value: only for the last alias.
struct DoDrop;

impl DropBehavior for DoDrop {
    const DO_DROP: bool = true;
}

/// Drops the value of `alias`, the last alias of it.
///
/// # Safety
///
/// No other alias of the value may be read or dropped with a dropping behaviour after this call:
/// the other copy must have dropped (as `NoDrop`) or never held its alias, and no reader may be
/// inside this copy.
unsafe fn drop_last_alias<V>(alias: Aliased<V, NoDrop>) {
    // SAFETY: the caller guarantees that this is the last alias of the value.
    drop(unsafe { alias.change_drop::<DoDrop>() });
}

/// One copy of the map: every value is an alias, and the copy frees nothing on its own.
struct Entries<V> {
    map: BTreeMap<u64, Aliased<V, NoDrop>>,
}

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Self {
            map: BTreeMap::new(),
        }
    }
}

/// A write to the map.
enum Op<V> {
    /// Sets the value of a key, replacing (and eventually dropping) the one it had.
    Insert(u64, Aliased<V, NoDrop>),
    /// Removes a key, eventually dropping its value.
    Remove(u64),
}

impl<V> Absorb<Op<V>> for Entries<V> {
    fn absorb_first(&mut self, op: &mut Op<V>, _: &Self) {
        match op {
            Op::Insert(key, value) => {
                // SAFETY: both aliases (this one, and the operation's, which `absorb_second` moves
                // into the other copy) are `NoDrop`. The value is freed only through the alias
                // that is removed last, by `absorb_second` or `drop_second`, after the other is
                // gone. The value this replaces is dropped as `NoDrop`: the other copy has it.
                drop(self.map.insert(*key, unsafe { value.alias() }));
            }
            Op::Remove(key) => {
                // `NoDrop`: the other copy still holds this value, and readers may be reading it.
                drop(self.map.remove(key));
            }
        }
    }

    fn absorb_second(&mut self, op: Op<V>, _: &Self) {
        // A value this removes was removed from the other copy by `absorb_first` of the same
        // operation (same key, no user code deciding), or, for an operation appended before the
        // first publish (which left-right applies to this copy alone, straight away), was never
        // in the other copy. Either way, and since left-right has made sure no reader is inside
        // this copy, it is the last alias.
        let removed = match op {
            Op::Insert(key, value) => self.map.insert(key, value),
            Op::Remove(key) => self.map.remove(&key),
        };
        if let Some(removed) = removed {
            // SAFETY: the last alias, as argued above.
            unsafe { drop_last_alias(removed) };
        }
    }

    fn sync_with(&mut self, first: &Self) {
        // The initial copy, which no operation has touched: operations before the first publish
        // went into the other copy.
        debug_assert!(
            self.map.is_empty(),
            "sync_with runs on the untouched initial copy"
        );
        self.map = first
            .map
            .iter()
            // SAFETY: both aliases are `NoDrop`; from here on the copies change in step, and a
            // value is dropped only by `absorb_second` or `drop_second`, once no copy but the one
            // dropping it holds it.
            .map(|(key, value)| (*key, unsafe { value.alias() }))
            .collect();
    }

    fn drop_first(self: Box<Self>) {
        // Every value here is also in the copy `drop_second` gets (when the copies are level,
        // which the `Writer`'s drop sees to), so dropping these `NoDrop` aliases frees nothing.
    }

    fn drop_second(self: Box<Self>) {
        for value in self.map.into_values() {
            // SAFETY: the writer is gone and no reader is inside either copy; `drop_first` dropped
            // the other copy's aliases as `NoDrop`, and with level copies no operation in the log
            // holds a value this copy has.
            unsafe { drop_last_alias(value) };
        }
    }
}

/// The writer of an [`AliasedMap`](new): `insert`, `remove`, `publish`.
pub(crate) struct Writer<V> {
    handle: WriteHandle<Entries<V>, Op<V>>,
}

/// A reader of the map; clone it for each thread.
pub(crate) struct Reader<V> {
    handle: ReadHandle<Entries<V>>,
}

/// Creates an empty map that stores each value once, with the given left-right settings.
pub(crate) fn new<V>(options: Options) -> (Writer<V>, Reader<V>) {
    let (handle, reader) = options.construct();
    (Writer { handle }, Reader { handle: reader })
}

impl<V> Writer<V> {
    /// Sets the value of `key`, visible to readers after the next publish.
    pub(crate) fn insert(&mut self, key: u64, value: V) -> &mut Self {
        self.handle.append(Op::Insert(key, Aliased::from(value)));
        self
    }

    /// Removes `key`, from the next publish on.
    pub(crate) fn remove(&mut self, key: u64) -> &mut Self {
        self.handle.append(Op::Remove(key));
        self
    }

    /// Makes every write so far visible to readers.
    pub(crate) fn publish(&mut self) -> &mut Self {
        self.handle.publish();
        self
    }
}

impl<V> Drop for Writer<V> {
    /// Brings both copies level before left-right drops them (it does not do that itself), so
    /// that `drop_second` frees every value and no operation is left holding one. Waits for
    /// readers like any publish: do not drop the writer on a thread that holds a read guard.
    fn drop(&mut self) {
        if self.handle.is_poisoned() {
            // Cannot publish. The copies may differ; dropping them as they are leaks the values
            // only the writer's copy or the log hold, and frees nothing twice.
            return;
        }
        if self.handle.has_pending_operations() {
            self.handle.publish();
        }
        self.handle.publish();
    }
}

impl<V> Reader<V> {
    /// The value of `key`, if it has one (and the writer is still there).
    pub(crate) fn get(&self, key: u64) -> Option<ReadGuard<'_, V>> {
        ReadGuard::try_map(self.handle.enter()?, |entries| {
            entries.map.get(&key).map(|value| &**value)
        })
    }

    /// The number of keys readers see.
    pub(crate) fn len(&self) -> usize {
        self.handle.enter().map_or(0, |entries| entries.map.len())
    }
}

impl<V> Clone for Reader<V> {
    fn clone(&self) -> Self {
        Self {
            handle: self.handle.clone(),
        }
    }
}

/// The same map without aliasing: each copy stores its own clone of every value.
pub(crate) mod cloned {
    use left_right::{Absorb, Options, ReadHandle, WriteHandle};
    use std::collections::BTreeMap;

    /// One copy: a plain map.
    pub(crate) struct Entries<V>(BTreeMap<u64, V>);

    impl<V> Default for Entries<V> {
        fn default() -> Self {
            Self(BTreeMap::new())
        }
    }

    /// A write to the map.
    pub(crate) enum Op<V> {
        Insert(u64, V),
        Remove(u64),
    }

    impl<V: Clone> Absorb<Op<V>> for Entries<V> {
        fn absorb_first(&mut self, op: &mut Op<V>, _: &Self) {
            match op {
                Op::Insert(key, value) => drop(self.0.insert(*key, value.clone())),
                Op::Remove(key) => drop(self.0.remove(key)),
            }
        }

        fn absorb_second(&mut self, op: Op<V>, _: &Self) {
            match op {
                Op::Insert(key, value) => drop(self.0.insert(key, value)),
                Op::Remove(key) => drop(self.0.remove(&key)),
            }
        }

        fn sync_with(&mut self, first: &Self) {
            // Built like `AliasedMap`'s (from a sorted iterator, which packs the B-tree's nodes
            // fuller than a clone of an incrementally built tree), so that the two maps differ
            // only in how they store values.
            self.0 = first.0.iter().map(|(k, v)| (*k, v.clone())).collect();
        }
    }

    /// The writer of a map that clones its values into both copies.
    pub(crate) type Writer<V> = WriteHandle<Entries<V>, Op<V>>;

    /// The writer and a reader of a map that clones its values into both copies.
    pub(crate) fn new<V: Clone>(options: Options) -> (Writer<V>, ReadHandle<Entries<V>>) {
        options.construct()
    }

    /// The number of keys readers see.
    pub(crate) fn len<V>(reader: &ReadHandle<Entries<V>>) -> usize {
        reader.enter().map_or(0, |entries| entries.0.len())
    }
}
