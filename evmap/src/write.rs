//! The writer's handle.

use crate::inner::Inner;
use crate::operation::Operation;
use crate::read::ReadHandle;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::ops::Deref;

/// The left-right writer underneath.
type Writer<K, V, M, S> = left_right::WriteHandle<Inner<K, V, M, S>, Operation<K, V, M, S>>;

/// The single writer of a map.
///
/// Writes go into a log and change nothing readers can see until the next
/// [`refresh`](Self::refresh) (alias [`publish`](Self::publish), left-right's name and evmap 11's),
/// which makes all of them visible at once, together with the meta value. Reads through the
/// writer (it dereferences to a [`ReadHandle`]) see the published state too, like any reader.
///
/// Every method that changes the map returns `&mut Self`, so calls chain:
///
/// ```
/// let (r, mut w) = evmap::new();
/// w.insert("a", 1).insert("a", 2).update("b", 3).refresh();
/// assert_eq!(r.get("a").map(|bag| bag.len()), Some(2));
/// ```
///
/// There is one writer per map. Several threads can share it behind a `Mutex`.
///
/// # Panics
///
/// If user code panics while the writer applies operations (a key's or value's `Hash`, `Eq` or
/// `Clone`, or a [`retain`](Self::retain) predicate), the panic propagates out of `publish` (or
/// out of the write itself, before the first publish), readers keep the last published map, and
/// the writer is poisoned: later writes and publishes panic, saying so. See the crate docs,
/// "When user code misbehaves".
pub struct WriteHandle<K, V, M = (), S = RandomState>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    handle: Writer<K, V, M, S>,
    reader: ReadHandle<K, V, M, S>,
    hasher: S,
}

impl<K, V, M, S> WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    pub(crate) fn new(mut handle: Writer<K, V, M, S>, hasher: S) -> Self {
        handle.append(Operation::MarkReady);
        let reader = ReadHandle::new((*handle).clone(), hasher.clone());
        Self {
            handle,
            reader,
            hasher,
        }
    }

    fn hash(&self, key: &K) -> u64 {
        self.hasher.hash_one(key)
    }

    fn add_op(&mut self, op: Operation<K, V, M, S>) -> &mut Self {
        self.handle.append(op);
        self
    }

    /// Makes every write so far visible to readers, atomically (with the meta value).
    ///
    /// May wait for readers that were inside a read section at the previous refresh and are still
    /// in it; readers that come and go quickly cost nothing. [`try_publish`](Self::try_publish)
    /// refreshes only if it would not wait.
    pub fn refresh(&mut self) -> &mut Self {
        // `&mut self`: no guard taken through the writer is alive; end any leaked one's section,
        // or the next-but-one refresh would wait for it forever.
        self.reader.release_leaked_guards();
        self.handle.publish();
        self
    }

    /// Same as [`refresh`](Self::refresh): left-right's name for it, and evmap 11's.
    pub fn publish(&mut self) -> &mut Self {
        self.refresh()
    }

    /// Refreshes only if no reader has to be waited for; returns whether it did.
    ///
    /// A refresh waits for readers that were inside a read section at the previous refresh and
    /// are still in it (it must reuse the copy they are reading). `try_publish` looks for such
    /// readers first and, if there is one, returns `false` at once, changing nothing: the writes
    /// stay pending, to be published by a later call. It never blocks, though applying the
    /// pending writes takes as long as it takes. (The name is left-right's.)
    ///
    /// ```
    /// let (r, mut w) = evmap::new();
    /// w.insert("a", 1).refresh();
    /// let guard = r.get("a"); // a read section on the copy just published...
    /// w.insert("b", 2).refresh(); // ...which this refresh swaps out; it does not wait
    /// w.insert("c", 3);
    /// assert!(!w.try_publish(), "refreshing again would have to wait for `guard`");
    /// assert!(w.has_pending());
    /// drop(guard);
    /// assert!(w.try_publish());
    /// assert_eq!(r.len(), 3);
    /// ```
    ///
    /// # Panics
    ///
    /// As [`refresh`](Self::refresh): if the writer is poisoned, or user code panics while the
    /// writes are applied.
    pub fn try_publish(&mut self) -> bool {
        // As in `refresh`: a leaked guard of the writer's own reader must not count as a reader.
        self.reader.release_leaked_guards();
        self.handle.try_publish()
    }

    /// Publishes only if there are writes readers have not seen.
    ///
    /// Until the first publish there always are: a new map is empty to readers, and it is the
    /// first publish that makes it ready (see [`has_pending`](Self::has_pending)).
    pub fn flush(&mut self) -> &mut Self {
        self.handle.flush();
        self
    }

    /// Whether there are writes readers have not seen yet.
    ///
    /// `true` on a new map even before any write: the first publish also marks the map ready
    /// (readers see `enter() == None` until then), and that mark is itself pending.
    pub fn has_pending(&self) -> bool {
        self.handle.has_pending_operations()
    }

    /// Sets the meta value readers see from the next publish on.
    pub fn set_meta(&mut self, meta: M) -> &mut Self {
        self.add_op(Operation::SetMeta(meta))
    }

    /// Changes the meta value through one of its own operations, visible to readers atomically
    /// with the rest of the map at the next publish.
    ///
    /// This is how a meta value that derives `Absorb` (feature `derive`) is changed field by
    /// field instead of being replaced whole with [`set_meta`](Self::set_meta); its generated
    /// writer methods work directly on the map's writer:
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use evmap::Absorb;
    ///
    /// #[derive(Absorb, Clone, Default)]
    /// struct Meta {
    ///     generation: u64,
    ///     #[absorb(collection)]
    ///     sources: Vec<String>,
    /// }
    ///
    /// let (r, mut w) = evmap::with_meta::<u32, u32, Meta>(Meta::default());
    /// w.insert(1, 1).set_generation(1).push_sources("import".to_owned());
    /// assert_eq!(r.meta().unwrap().generation, 0);
    /// w.publish();
    /// assert_eq!(r.meta().unwrap().generation, 1);
    /// assert_eq!(r.meta().unwrap().sources, ["import"]);
    /// # }
    /// ```
    pub fn update_meta<O>(&mut self, op: O) -> &mut Self
    where
        M: left_right::Absorb<O>,
        O: Send + 'static,
    {
        self.add_op(Operation::Meta(Box::new(op)))
    }

    /// Adds `value` to the bag of `key` (a bag can hold a value more than once).
    pub fn insert(&mut self, key: K, value: V) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::Add { hash, key, value })
    }

    /// Replaces the bag of `key` with a bag holding only `value`.
    pub fn update(&mut self, key: K, value: V) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::Replace { hash, key, value })
    }

    /// Removes one occurrence of `value` from the bag of `key`. The key stays, even if its bag is
    /// now empty (use [`empty`](Self::empty) to remove it).
    pub fn remove_value(&mut self, key: K, value: V) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::RemoveValue { hash, key, value })
    }

    /// Same as [`remove_value`](Self::remove_value).
    pub fn remove(&mut self, key: K, value: V) -> &mut Self {
        self.remove_value(key, value)
    }

    /// Removes `key` and its whole bag: readers' `get` returns `None` afterwards.
    pub fn remove_entry(&mut self, key: K) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::RemoveEntry { hash, key })
    }

    /// Same as [`remove_entry`](Self::remove_entry) (the name evmap used first).
    pub fn empty(&mut self, key: K) -> &mut Self {
        self.remove_entry(key)
    }

    /// Empties the bag of `key` but keeps the key (creating it with an empty bag if it is absent):
    /// readers' `get` returns `Some` of an empty bag afterwards. The bag keeps its allocation.
    pub fn clear(&mut self, key: K) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::Clear { hash, key })
    }

    /// Removes every key.
    pub fn purge(&mut self) -> &mut Self {
        self.add_op(Operation::Purge)
    }

    /// Keeps only the values of `key`'s bag for which `keep` returns `true`; the key stays.
    ///
    /// The predicate runs once per value (per occurrence), when the operation is applied to the
    /// first copy at the next publish, and the second copy receives the resulting bag: both copies
    /// end up identical whatever the predicate would answer if asked again. (evmap 11 called the
    /// predicate once per copy and had to make this method `unsafe`.)
    pub fn retain<F>(&mut self, key: K, keep: F) -> &mut Self
    where
        F: FnMut(&V) -> bool + Send + 'static,
    {
        let hash = self.hash(&key);
        self.add_op(Operation::Retain {
            hash,
            key,
            keep: Box::new(keep),
        })
    }

    /// Shrinks the bag of `key` to fit its values (moving a large bag that is small again, and has
    /// no duplicates, back to compact storage).
    pub fn fit(&mut self, key: K) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::Fit { hash, key })
    }

    /// Shrinks every bag, and the table, to fit.
    pub fn fit_all(&mut self) -> &mut Self {
        self.add_op(Operation::FitAll)
    }

    /// Makes room for `additional` more values in the bag of `key`, creating an empty bag if the
    /// key is absent.
    pub fn reserve(&mut self, key: K, additional: usize) -> &mut Self {
        let hash = self.hash(&key);
        self.add_op(Operation::Reserve {
            hash,
            key,
            additional,
        })
    }

    /// What refreshing has cost so far (refreshes, waits for readers, time spent waiting, and
    /// [`try_publish`](Self::try_publish) calls that gave up): the underlying left-right writer's
    /// [`stats`](left_right::WriteHandle::stats), under the same name.
    pub fn stats(&self) -> left_right::PublishStats {
        self.handle.stats()
    }

    /// Same as [`stats`](Self::stats), this crate's first name for it; prefer `stats`.
    // Not `#[deprecated]` yet: the benchmark crate's publish probe calls it, and the workspace
    // builds with warnings denied. Deprecate once it has moved to `stats`.
    pub fn publish_stats(&self) -> left_right::PublishStats {
        self.stats()
    }

    /// How readers of this map synchronise with the writer (see [`Options::read_strategy`]).
    ///
    /// [`Options::read_strategy`]: crate::Options::read_strategy
    pub fn read_strategy(&self) -> crate::ReadStrategy {
        self.handle.read_strategy()
    }

    /// Whether an earlier publish panicked in user code (see "Panics" above).
    pub fn is_poisoned(&self) -> bool {
        self.handle.is_poisoned()
    }
}

#[cfg(feature = "eviction")]
impl<K, V, M, S> WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    /// Removes up to `n` keys chosen at random, and returns them with their bags.
    ///
    /// Publishes first, so the keys are chosen from the map as of every write so far; the
    /// removals themselves, like any write, become visible at the next publish. Keys are distinct
    /// and chosen uniformly (with the `indexed` backend always; with the default backend as long
    /// as the table is not mostly empty space, e.g. after many removals without a
    /// [`fit_all`](Self::fit_all)).
    #[cfg_attr(docsrs, doc(cfg(feature = "eviction")))]
    pub fn empty_random(
        &mut self,
        rng: &mut impl rand::Rng,
        n: usize,
    ) -> Vec<(K, crate::Values<V, S>)> {
        self.publish();
        let chosen: Vec<(u64, K, crate::Values<V, S>)> = {
            let Some(guard) = self.handle.enter() else {
                return Vec::new();
            };
            let table = &guard.table;
            let n = n.min(table.len());
            let mut chosen: Vec<(u64, K, crate::Values<V, S>)> = Vec::with_capacity(n);
            if n == table.len() {
                for (key, values) in table.iter() {
                    chosen.push((guard.hasher.hash_one(key), key.clone(), values.clone()));
                }
            } else {
                // Entries are told apart by where they live, not by `K: Eq`: a key type whose
                // `eq` lies (say, always `true`) must not keep this loop from finding n entries.
                let mut seen: std::collections::HashSet<*const K> =
                    std::collections::HashSet::with_capacity(n);
                while chosen.len() < n {
                    let Some((hash, key, values)) = table.random_entry(rng, &guard.hasher) else {
                        break;
                    };
                    if seen.insert(std::ptr::from_ref(key)) {
                        chosen.push((hash, key.clone(), values.clone()));
                    }
                }
            }
            chosen
        };
        chosen
            .into_iter()
            .map(|(hash, key, values)| {
                self.add_op(Operation::RemoveEntry {
                    hash,
                    key: key.clone(),
                });
                (key, values)
            })
            .collect()
    }
}

#[cfg(feature = "indexed")]
impl<K, V, M, S> WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    /// Removes the key at position `index` of the map's order, and returns it with its bag;
    /// `None`, removing nothing, if `index` is not below the number of keys. (evmap 9's method,
    /// feature `indexed`.)
    ///
    /// The order is the one readers iterate in: insertion order, except that a removal moves the
    /// last key into the removed key's place, as this removal does too. Writes not yet visible to
    /// readers are made visible first (as [`flush`](Self::flush) does), so `index` counts the
    /// keys of the map as of every write so far; the removal itself, like any write, becomes
    /// visible at the next refresh.
    ///
    /// Unlike evmap 9, which returned references into the map and read them from the copy
    /// readers saw at that moment (missing writes not yet refreshed), this returns the key and a
    /// clone of its bag.
    ///
    /// ```
    /// # #[cfg(feature = "indexed")] {
    /// let (r, mut w) = evmap::new();
    /// w.insert("a", 1).insert("b", 2).insert("c", 3).refresh();
    /// let (key, bag) = w.empty_at_index(0).unwrap();
    /// assert_eq!((key, bag.len()), ("a", 1));
    /// assert!(w.empty_at_index(2).is_none(), "two keys are left");
    /// w.refresh();
    /// // "c" moved into the removed key's place.
    /// assert_eq!(r.read().keys().copied().collect::<Vec<_>>(), ["c", "b"]);
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "indexed")))]
    pub fn empty_at_index(&mut self, index: usize) -> Option<(K, crate::Values<V, S>)> {
        self.flush();
        let (hash, key, values) = {
            let guard = self.handle.enter()?;
            let (key, values) = guard.table.get_index(index)?;
            (guard.hasher.hash_one(key), key.clone(), values.clone())
        };
        self.add_op(Operation::RemoveEntry {
            hash,
            key: key.clone(),
        });
        Some((key, values))
    }
}

/// Operations on the meta value (see [`WriteHandle::update_meta`]); this is what lets the writer
/// methods `#[derive(Absorb)]` generates for a meta type work on the map's writer.
impl<K, V, M, S, O> left_right::AppendOp<O> for WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone + left_right::Absorb<O>,
    S: BuildHasher + Clone,
    O: Send + 'static,
{
    fn append_op(&mut self, op: O) {
        self.update_meta(op);
    }
}

impl<K, V, M, S> Extend<(K, V)> for WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    /// Inserts every pair, as [`insert`](WriteHandle::insert) does.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (key, value) in pairs {
            self.insert(key, value);
        }
    }
}

impl<K, V, M, S> Drop for WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    /// Dropping the writer waits for readers (see `left_right::WriteHandle`); a guard leaked from
    /// a read through this writer must not count among them.
    fn drop(&mut self) {
        self.reader.release_leaked_guards();
    }
}

impl<K, V, M, S> Deref for WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    type Target = ReadHandle<K, V, M, S>;

    /// Reads through the writer see the published map, like any reader.
    fn deref(&self) -> &Self::Target {
        &self.reader
    }
}

impl<K, V, M, S> fmt::Debug for WriteHandle<K, V, M, S>
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WriteHandle")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}
