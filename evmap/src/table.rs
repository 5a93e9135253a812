//! The hash table inside each copy of the map.
//!
//! Every operation carries the hash of its key, computed once by the writer, so applying it to
//! either copy does not hash the key again: one hash per write instead of two. Readers hash their
//! lookup key once, with the same hasher. The default backend stores no hashes, so when a table
//! grows or is shrunk (`fit_all`) it rehashes its keys with the map's hasher, calling the keys'
//! `Hash` again.
//!
//! Two interchangeable backends: a `hashbrown::HashTable` (the default), or with the `indexed`
//! feature an `IndexMap`, which keeps insertion order and gives index access.

#[cfg(not(feature = "indexed"))]
pub(crate) use hashed::{Iter, Table};
#[cfg(feature = "indexed")]
pub(crate) use indexed::{Iter, Table};

/// A key to look up, and to insert if it is absent: borrowed from an operation that stays in the
/// log (cloned only on insertion) or owned by one being consumed.
pub(crate) enum KeyRef<'a, K> {
    Borrowed(&'a K),
    Owned(K),
}

impl<K: Eq + Clone> KeyRef<'_, K> {
    fn matches(&self, other: &K) -> bool {
        match self {
            KeyRef::Borrowed(key) => *key == other,
            KeyRef::Owned(key) => key == other,
        }
    }

    fn into_owned(self) -> K {
        match self {
            KeyRef::Borrowed(key) => key.clone(),
            KeyRef::Owned(key) => key,
        }
    }
}

#[cfg(not(feature = "indexed"))]
mod hashed {
    use super::KeyRef;
    use hashbrown::HashTable;
    use hashbrown::hash_table::Entry;
    use std::borrow::Borrow;
    use std::hash::{BuildHasher, Hash};

    /// Entries stored inline in a swiss table that does not hash for itself.
    #[derive(Clone)]
    pub(crate) struct Table<K, V> {
        raw: HashTable<(K, V)>,
    }

    /// Iterator over a table's entries.
    pub(crate) type Iter<'a, K, V> =
        std::iter::Map<hashbrown::hash_table::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn rehash<K: Hash, V, S: BuildHasher>(hasher: &S) -> impl Fn(&(K, V)) -> u64 + '_ {
        move |(k, _)| hasher.hash_one(k)
    }

    impl<K, V> Table<K, V> {
        pub(crate) fn with_capacity(capacity: usize) -> Self {
            Self {
                raw: HashTable::with_capacity(capacity),
            }
        }

        pub(crate) fn len(&self) -> usize {
            self.raw.len()
        }

        pub(crate) fn get<Q>(&self, hash: u64, key: &Q) -> Option<&V>
        where
            K: Borrow<Q>,
            Q: ?Sized + Eq,
        {
            self.raw
                .find(hash, |(k, _)| k.borrow() == key)
                .map(|(_, v)| v)
        }

        pub(crate) fn get_mut(&mut self, hash: u64, key: &K) -> Option<&mut V>
        where
            K: Eq,
        {
            self.raw.find_mut(hash, |(k, _)| k == key).map(|(_, v)| v)
        }

        /// The value under `key`, inserting `(key, make_value())` first if there is none (cloning
        /// a borrowed key only then).
        pub(crate) fn get_or_insert<S>(
            &mut self,
            hash: u64,
            key: KeyRef<'_, K>,
            make_value: impl FnOnce() -> V,
            hasher: &S,
        ) -> &mut V
        where
            K: Eq + Hash + Clone,
            S: BuildHasher,
        {
            match self
                .raw
                .entry(hash, |(k, _)| key.matches(k), rehash(hasher))
            {
                Entry::Occupied(entry) => &mut entry.into_mut().1,
                Entry::Vacant(entry) => {
                    let pair = (key.into_owned(), make_value());
                    &mut entry.insert(pair).into_mut().1
                }
            }
        }

        pub(crate) fn remove(&mut self, hash: u64, key: &K) -> Option<(K, V)>
        where
            K: Eq,
        {
            match self.raw.find_entry(hash, |(k, _)| k == key) {
                Ok(entry) => Some(entry.remove().0),
                Err(_) => None,
            }
        }

        pub(crate) fn clear(&mut self) {
            self.raw.clear();
        }

        pub(crate) fn iter(&self) -> Iter<'_, K, V> {
            self.raw.iter().map(|(k, v)| (k, v))
        }

        pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
            self.raw.iter_mut().map(|(_, v)| v)
        }

        pub(crate) fn shrink_to_fit<S: BuildHasher>(&mut self, hasher: &S)
        where
            K: Hash,
        {
            self.raw.shrink_to_fit(rehash(hasher));
        }

        /// An entry chosen at random (uniformly, while the table is not mostly empty space), with
        /// its key's hash. `None` if the table is empty.
        #[cfg(feature = "eviction")]
        pub(crate) fn random_entry<S: BuildHasher>(
            &self,
            rng: &mut impl rand::Rng,
            hasher: &S,
        ) -> Option<(u64, &K, &V)>
        where
            K: Hash,
        {
            use rand::RngExt;
            if self.raw.is_empty() {
                return None;
            }
            let buckets = self.raw.num_buckets();
            // The table is at least ~40% full unless entries were removed without a `fit_all`,
            // so a handful of random probes almost always hits an entry...
            let probed = (0..64).find_map(|_| self.raw.get_bucket(rng.random_range(0..buckets)));
            // ...and a sparse table falls back to the next entry after a random bucket.
            let (k, v) = probed.or_else(|| {
                let start = rng.random_range(0..buckets);
                (start..buckets)
                    .chain(0..start)
                    .find_map(|i| self.raw.get_bucket(i))
            })?;
            Some((hasher.hash_one(k), k, v))
        }
    }
}

#[cfg(feature = "indexed")]
mod indexed {
    use super::KeyRef;
    use indexmap::IndexMap;
    use indexmap::map::raw_entry_v1::{RawEntryApiV1, RawEntryMut};
    use std::borrow::Borrow;
    use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

    /// `IndexMap` stores each entry's hash and never rehashes on growth; we always supply the
    /// hash ourselves, so the map's own hasher is never asked for one.
    #[derive(Clone, Default)]
    pub(crate) struct Prehashed;

    impl Hasher for Prehashed {
        fn finish(&self) -> u64 {
            unreachable!("evmap supplies every hash to its IndexMap")
        }

        fn write(&mut self, _: &[u8]) {
            unreachable!("evmap supplies every hash to its IndexMap")
        }
    }

    /// Entries in insertion order (until removals swap the last entry into the gap).
    #[derive(Clone)]
    pub(crate) struct Table<K, V> {
        raw: IndexMap<K, V, BuildHasherDefault<Prehashed>>,
    }

    /// Iterator over a table's entries.
    pub(crate) type Iter<'a, K, V> = indexmap::map::Iter<'a, K, V>;

    impl<K, V> Table<K, V> {
        pub(crate) fn with_capacity(capacity: usize) -> Self {
            Self {
                raw: IndexMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default()),
            }
        }

        pub(crate) fn len(&self) -> usize {
            self.raw.len()
        }

        pub(crate) fn get<Q>(&self, hash: u64, key: &Q) -> Option<&V>
        where
            K: Borrow<Q>,
            Q: ?Sized + Eq,
        {
            self.raw
                .raw_entry_v1()
                .from_hash(hash, |k| k.borrow() == key)
                .map(|(_, v)| v)
        }

        pub(crate) fn get_mut(&mut self, hash: u64, key: &K) -> Option<&mut V>
        where
            K: Eq,
        {
            match self.raw.raw_entry_mut_v1().from_hash(hash, |k| k == key) {
                RawEntryMut::Occupied(entry) => Some(entry.into_mut()),
                RawEntryMut::Vacant(_) => None,
            }
        }

        /// The value under `key`, inserting `(key, make_value())` first if there is none (cloning
        /// a borrowed key only then).
        pub(crate) fn get_or_insert<S>(
            &mut self,
            hash: u64,
            key: KeyRef<'_, K>,
            make_value: impl FnOnce() -> V,
            _hasher: &S,
        ) -> &mut V
        where
            K: Eq + Hash + Clone,
            S: BuildHasher,
        {
            match self
                .raw
                .raw_entry_mut_v1()
                .from_hash(hash, |k| key.matches(k))
            {
                RawEntryMut::Occupied(entry) => entry.into_mut(),
                RawEntryMut::Vacant(entry) => {
                    entry
                        .insert_hashed_nocheck(hash, key.into_owned(), make_value())
                        .1
                }
            }
        }

        pub(crate) fn remove(&mut self, hash: u64, key: &K) -> Option<(K, V)>
        where
            K: Eq,
        {
            match self.raw.raw_entry_mut_v1().from_hash(hash, |k| k == key) {
                RawEntryMut::Occupied(entry) => Some(entry.swap_remove_entry()),
                RawEntryMut::Vacant(_) => None,
            }
        }

        pub(crate) fn clear(&mut self) {
            self.raw.clear();
        }

        pub(crate) fn iter(&self) -> Iter<'_, K, V> {
            self.raw.iter()
        }

        /// The entry at position `index` of the table's order, if there is one.
        pub(crate) fn get_index(&self, index: usize) -> Option<(&K, &V)> {
            self.raw.get_index(index)
        }

        pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
            self.raw.values_mut()
        }

        pub(crate) fn shrink_to_fit<S: BuildHasher>(&mut self, _hasher: &S)
        where
            K: Hash,
        {
            self.raw.shrink_to_fit();
        }

        /// An entry chosen uniformly at random, with its key's hash. `None` if the table is empty.
        #[cfg(feature = "eviction")]
        pub(crate) fn random_entry<S: BuildHasher>(
            &self,
            rng: &mut impl rand::Rng,
            hasher: &S,
        ) -> Option<(u64, &K, &V)>
        where
            K: Hash,
        {
            use rand::RngExt;
            if self.raw.is_empty() {
                return None;
            }
            let (k, v) = self.raw.get_index(rng.random_range(0..self.raw.len()))?;
            Some((hasher.hash_one(k), k, v))
        }
    }
}
