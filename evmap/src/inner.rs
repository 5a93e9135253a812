//! One copy of the map, and how it absorbs the writer's operations.
//!
//! The first copy to see an operation gets clones of its keys and values (the operation stays in
//! the log); the second consumes the operation. Nothing here assumes the two copies agree: with a
//! key whose `Hash` or `Eq` is not deterministic, a key one copy has may be missing from the
//! other, and every operation copes with that (it creates or skips the key) instead of panicking.

use crate::operation::Operation;
use crate::table::{KeyRef, Table};
use crate::values::Values;
use left_right::Absorb;
use std::hash::{BuildHasher, Hash};

/// One of the two copies: the table, the hasher both copies share (cloned), the meta value, and
/// whether the map has been published yet.
pub(crate) struct Inner<K, V, M, S> {
    pub(crate) table: Table<K, Values<V, S>>,
    pub(crate) hasher: S,
    pub(crate) meta: M,
    pub(crate) ready: bool,
}

impl<K, V, M, S> Clone for Inner<K, V, M, S>
where
    K: Clone,
    V: Eq + Hash + Clone,
    M: Clone,
    S: BuildHasher + Clone,
{
    fn clone(&self) -> Self {
        Self {
            table: self.table.clone(),
            hasher: self.hasher.clone(),
            meta: self.meta.clone(),
            ready: self.ready,
        }
    }
}

impl<K, V, M, S> Inner<K, V, M, S> {
    pub(crate) fn new(meta: M, hasher: S, capacity: usize) -> Self {
        Self {
            table: Table::with_capacity(capacity),
            hasher,
            meta,
            ready: false,
        }
    }
}

impl<K, V, M, S> Inner<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    S: BuildHasher + Clone,
{
    /// The key's bag, created empty if the key is absent.
    fn bag(&mut self, hash: u64, key: KeyRef<'_, K>) -> &mut Values<V, S> {
        self.table
            .get_or_insert(hash, key, Values::empty, &self.hasher)
    }

    fn add(&mut self, hash: u64, key: KeyRef<'_, K>, value: V) {
        let hasher = self.hasher.clone();
        self.bag(hash, key).push(value, &hasher);
    }

    fn replace(&mut self, hash: u64, key: KeyRef<'_, K>, value: V) {
        *self.bag(hash, key) = Values::one(value);
    }

    fn remove_value(&mut self, hash: u64, key: &K, value: &V) {
        if let Some(bag) = self.table.get_mut(hash, key) {
            bag.remove_one(value);
        }
    }

    fn clear(&mut self, hash: u64, key: KeyRef<'_, K>) {
        self.bag(hash, key).clear();
    }

    fn fit(&mut self, hash: u64, key: &K) {
        if let Some(bag) = self.table.get_mut(hash, key) {
            bag.fit();
        }
    }

    fn fit_all(&mut self) {
        self.table.values_mut().for_each(Values::fit);
        self.table.shrink_to_fit(&self.hasher);
    }

    fn reserve(&mut self, hash: u64, key: KeyRef<'_, K>, additional: usize) {
        let hasher = self.hasher.clone();
        self.bag(hash, key).reserve(additional, &hasher);
    }
}

impl<K, V, M, S> Absorb<Operation<K, V, M, S>> for Inner<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: Clone,
    S: BuildHasher + Clone,
{
    fn absorb_first(&mut self, op: &mut Operation<K, V, M, S>, other: &Self) {
        match op {
            Operation::Add { hash, key, value } => {
                self.add(*hash, KeyRef::Borrowed(key), value.clone());
            }
            Operation::Replace { hash, key, value } => {
                self.replace(*hash, KeyRef::Borrowed(key), value.clone());
            }
            Operation::RemoveValue { hash, key, value } => self.remove_value(*hash, key, value),
            Operation::RemoveEntry { hash, key } => drop(self.table.remove(*hash, key)),
            Operation::Clear { hash, key } => self.clear(*hash, KeyRef::Borrowed(key)),
            Operation::Purge => self.table.clear(),
            Operation::Retain { .. } => {
                // Run the predicate now, once per value, and replace it by its outcome, so that
                // the second copy replays the decisions instead of asking the predicate again.
                let Operation::Retain {
                    hash,
                    key,
                    mut keep,
                } = std::mem::replace(op, Operation::Nothing)
                else {
                    unreachable!("matched Retain above")
                };
                if let Some(bag) = self.table.get_mut(hash, &key) {
                    if bag.retain(&mut keep) {
                        let values = bag.clone();
                        *op = Operation::SetValues { hash, key, values };
                    }
                }
            }
            Operation::SetValues { hash, key, values } => {
                *self.bag(*hash, KeyRef::Borrowed(key)) = values.clone();
            }
            Operation::Fit { hash, key } => self.fit(*hash, key),
            Operation::FitAll => self.fit_all(),
            Operation::Reserve {
                hash,
                key,
                additional,
            } => self.reserve(*hash, KeyRef::Borrowed(key), *additional),
            Operation::SetMeta(meta) => self.meta = meta.clone(),
            Operation::Meta(op) => op.absorb_first(&mut self.meta, &other.meta),
            Operation::MarkReady => self.ready = true,
            Operation::Nothing => {}
        }
    }

    fn absorb_second(&mut self, op: Operation<K, V, M, S>, other: &Self) {
        match op {
            Operation::Add { hash, key, value } => self.add(hash, KeyRef::Owned(key), value),
            Operation::Replace { hash, key, value } => {
                self.replace(hash, KeyRef::Owned(key), value);
            }
            Operation::RemoveValue { hash, key, value } => self.remove_value(hash, &key, &value),
            Operation::RemoveEntry { hash, key } => drop(self.table.remove(hash, &key)),
            Operation::Clear { hash, key } => self.clear(hash, KeyRef::Owned(key)),
            Operation::Purge => self.table.clear(),
            // Only reached before the first publish, when operations are applied once, directly.
            Operation::Retain {
                hash,
                key,
                mut keep,
            } => {
                if let Some(bag) = self.table.get_mut(hash, &key) {
                    bag.retain(&mut keep);
                }
            }
            Operation::SetValues { hash, key, values } => {
                *self.bag(hash, KeyRef::Owned(key)) = values;
            }
            Operation::Fit { hash, key } => self.fit(hash, &key),
            Operation::FitAll => self.fit_all(),
            Operation::Reserve {
                hash,
                key,
                additional,
            } => self.reserve(hash, KeyRef::Owned(key), additional),
            Operation::SetMeta(meta) => self.meta = meta,
            Operation::Meta(op) => op.absorb_second(&mut self.meta, &other.meta),
            Operation::MarkReady => self.ready = true,
            Operation::Nothing => {}
        }
    }

    fn sync_with(&mut self, first: &Self) {
        self.clone_from(first);
    }
}
