//! A lock-free, eventually consistent, concurrent multi-value map.
//!
//! Reads never take locks and never wait for the writer; a single writer (several, behind a
//! `Mutex`) decides when its writes become visible by calling
//! [`refresh`](WriteHandle::refresh) (or its alias [`publish`](WriteHandle::publish), the name
//! left-right and evmap 11 use). Until then readers keep seeing the map as of the previous
//! refresh. Every key maps to a *bag* of values (a multiset), and the map carries a user-defined
//! *meta* value that is published atomically with the data. Readers see the meta value the map
//! was created with from the start, and the map's keys from the first refresh.
//!
//! The trade-off is eventual consistency: a writer that refreshes after every write gets a
//! linearizable map; one that refreshes every N writes amortizes the cost of a refresh over N
//! writes and lets reads be up to N writes stale. Either way, reads stay as cheap as a lookup in a
//! plain `HashMap` plus a few nanoseconds, and scale with the number of reader threads.
//!
//! # Examples
//!
//! ```
//! let (book_reviews_r, mut book_reviews_w) = evmap::new();
//!
//! // review some books.
//! book_reviews_w.insert("Adventures of Huckleberry Finn", "My favorite book.");
//! book_reviews_w.insert("Grimms' Fairy Tales", "Masterpiece.");
//! book_reviews_w.insert("Pride and Prejudice", "Very enjoyable.");
//! book_reviews_w.insert("The Adventures of Sherlock Holmes", "Eye lyked it alot.");
//!
//! // writes are not visible until refresh
//! assert_eq!(book_reviews_r.len(), 0);
//! book_reviews_w.refresh();
//! assert_eq!(book_reviews_r.len(), 4);
//! assert_eq!(book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()), Some(1));
//!
//! // this is a multi-value map: a key can have many reviews
//! book_reviews_w.insert("Grimms' Fairy Tales", "Eh, the title seemed weird.");
//! book_reviews_w.insert("Pride and Prejudice", "Too many words.");
//! // again invisible until refresh
//! assert_eq!(book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()), Some(1));
//! book_reviews_w.refresh();
//! assert_eq!(book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()), Some(2));
//!
//! // `empty` deletes all values of the key (the key itself too)
//! book_reviews_w.empty("The Adventures of Sherlock Holmes");
//! assert_eq!(book_reviews_r.get("The Adventures of Sherlock Holmes").map(|rs| rs.len()), Some(1));
//! book_reviews_w.refresh();
//! assert_eq!(book_reviews_r.get("The Adventures of Sherlock Holmes").map(|rs| rs.len()), None);
//!
//! // look up the values associated with some keys.
//! for book in &["Pride and Prejudice", "Alice's Adventure in Wonderland"] {
//!     if let Some(reviews) = book_reviews_r.get(book) {
//!         for review in &*reviews {
//!             println!("{}: {}", book, review);
//!         }
//!     } else {
//!         println!("{} is unreviewed.", book);
//!     }
//! }
//!
//! // iterate over everything.
//! for (book, reviews) in &book_reviews_r.read() {
//!     for review in reviews {
//!         println!("{}: \"{}\"", book, review);
//!     }
//! }
//! ```
//!
//! Reads from several threads: each thread gets its own clone of the `ReadHandle`. A refresh is
//! atomic, so each reader sees either none of the reviews or all four.
//!
//! ```
//! use std::thread;
//! let (book_reviews_r, mut book_reviews_w) = evmap::new();
//!
//! // start some readers
//! let readers: Vec<_> = (0..4)
//!     .map(|_| {
//!         let r = book_reviews_r.clone();
//!         thread::spawn(move || {
//!             loop {
//!                 let l = r.len();
//!                 if l == 0 {
//!                     thread::yield_now();
//!                 } else {
//!                     // the reader will either see all the reviews,
//!                     // or none of them, since refresh() is atomic.
//!                     assert_eq!(l, 4);
//!                     break;
//!                 }
//!             }
//!         })
//!     })
//!     .collect();
//!
//! // do some writes
//! book_reviews_w.insert("Adventures of Huckleberry Finn", "My favorite book.");
//! book_reviews_w.insert("Grimms' Fairy Tales", "Masterpiece.");
//! book_reviews_w.insert("Pride and Prejudice", "Very enjoyable.");
//! book_reviews_w.insert("The Adventures of Sherlock Holmes", "Eye lyked it alot.");
//! // expose the writes
//! book_reviews_w.refresh();
//!
//! // you can read through the write handle
//! assert_eq!(book_reviews_w.len(), 4);
//! // the original read handle still works too
//! assert_eq!(book_reviews_r.len(), 4);
//!
//! // all the threads should eventually see .len() == 4
//! for r in readers.into_iter() {
//!     assert!(r.join().is_ok());
//! }
//! ```
//!
//! Several writers share the one `WriteHandle` behind a `Mutex`:
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use std::thread;
//! let (book_reviews_r, book_reviews_w) = evmap::new();
//!
//! // start some writers.
//! // since evmap does not support concurrent writes, we need
//! // to protect the write handle by a mutex.
//! let w = Arc::new(Mutex::new(book_reviews_w));
//! let writers: Vec<_> = (0..4)
//!     .map(|i| {
//!         let w = w.clone();
//!         thread::spawn(move || {
//!             let mut w = w.lock().unwrap();
//!             w.insert(i, true);
//!             w.refresh();
//!         })
//!     })
//!     .collect();
//!
//! // eventually we should see all the writes
//! while book_reviews_r.len() < 4 {
//!     thread::yield_now();
//! }
//!
//! // all the threads should eventually finish writing
//! for w in writers.into_iter() {
//!     assert!(w.join().is_ok());
//! }
//! ```
//!
//! # How it works
//!
//! The map is built on [`left_right`]: there are two copies of the map (each an ordinary hash
//! table of key → [`Values`]). Readers look up keys in one; the writer applies its writes to the
//! other and keeps them in a log. A refresh swaps the copies (one atomic pointer swap, which is
//! what makes it atomic for readers), and the next refresh replays the log into the copy readers
//! just left. Each write is applied once to each copy: the first application clones the key (only
//! if it is new) and the value out of the logged operation, the second consumes the operation.
//! So keys and values must be `Clone`, the map takes twice the memory of one table, and every
//! write is done twice. In return, reads cost one store and one fence on a cache line private to
//! the reading handle, plus the lookup itself; see the `left-right` crate for the protocol.
//!
//! Each write hashes its key once, when it is made; both copies reuse that hash.
//!
//! ## Values
//!
//! A bag of one value is stored inline in the table's slot, without allocating. Small bags
//! live in a vector; a bag that reaches 32 values moves to a hash bag, so that removing one value
//! stays O(1) however many it holds. [`WriteHandle::fit`] moves it back once it is small again.
//!
//! # Migrating from evmap 9, evmap 11 or left-right 0.11
//!
//! The [`migration`] module is the full guide, item by item (it is `docs/migration.md` in the
//! repository). In short:
//!
//! * **[`new`] returns `(ReadHandle, WriteHandle)`**, reader first, as evmap 9 did; evmap 11
//!   returned `(WriteHandle, ReadHandle)`, so code written for 11 swaps the two names in every
//!   `let (w, r) = evmap::new()` (also [`Options::construct`] and [`with_hasher`]).
//! * evmap 11's module paths work: [`handles`]`::{ReadHandle, WriteHandle, ReadHandleFactory}`
//!   and [`refs`]`::{MapReadRef, Values, ReadGuardIter, ReadGuard}`, next to the crate-root
//!   names.
//! * Nothing is `unsafe` any more: `ShallowCopy` (and evmap-derive 0.2's `#[derive(ShallowCopy)]`)
//!   is gone, values are `Clone`, each copy holding its own clone (wrap large values in an `Arc`);
//!   `StableHashEq`, `new_assert_stable` and `Options::assert_stable` are gone, and
//!   [`with_hasher`], [`Options::with_hasher`] and [`WriteHandle::retain`] are safe.
//! * [`WriteHandle::refresh`] and [`WriteHandle::publish`] are the same method; so are
//!   `remove`/[`remove_value`](WriteHandle::remove_value) and
//!   `empty`/[`remove_entry`](WriteHandle::remove_entry). [`WriteHandle::try_publish`] and
//!   [`WriteHandle::stats`] come from left-right.
//! * evmap 9's `Operation` and `pending()` are gone ([`WriteHandle::has_pending`] says whether
//!   anything is pending), and so is `is_destroyed` ([`ReadHandle::was_dropped`]).
//! * The meta value is readable from construction through [`ReadHandle::meta`] and
//!   `read().meta()`; lookups, [`ReadHandle::meta_get`] and [`ReadHandle::enter`] see the map
//!   from the first refresh, as in evmap 9 and 11.
//! * left-right 0.11 code compiles against this workspace's `left-right` (re-exported as
//!   [`left_right`]), its `aliasing` module included; a structure that aliases values publishes
//!   twice before its writer goes, which 0.11's writer did by itself.
//!
//! # When user code misbehaves
//!
//! The crate contains no `unsafe` code, so nothing below can cause undefined behaviour, a double
//! drop or a leak; each value is dropped exactly once.
//!
//! * **`Hash`/`Eq` that are not deterministic** (for example an `eq` that consults a counter):
//!   the two copies can disagree about which keys are equal, so a key may be found in one copy and
//!   missed, or duplicated, in the other. Readers may then see a key appear, vanish or occur twice
//!   from one refresh to the next, and lookups may miss it. Nothing panics or hangs.
//! * **A panic in `Hash`, `Eq` or `Clone` of a key or value, or in a `retain` predicate**, while the
//!   writer applies operations (during `refresh`, or during the write itself before the first
//!   refresh): the panic propagates to the writer's caller; readers keep the last published map;
//!   the writer is *poisoned* and every later write or refresh panics with a message saying so.
//!   Dropping the poisoned writer is fine. A panic in `Hash` while computing a key's hash for a
//!   new write happens before anything is logged and poisons nothing.
//!
//! # Features
//!
//! * `indexed`: each copy is an `IndexMap`, so iteration follows insertion order (until removals,
//!   which move the last entry into the gap), and `WriteHandle::empty_at_index` removes the key
//!   at a position of that order (evmap 9's method).
//! * `eviction`: [`WriteHandle::empty_random`] removes random keys. It works with either backend
//!   and, unlike evmap 11's, does not turn on `indexed`: the default backend picks keys uniformly
//!   too, and is the faster one for lookups. Code that relied on evmap 11's `eviction` for
//!   insertion-ordered iteration turns on `indexed` as well.
//! * `derive`: `#[derive(Absorb)]` for meta types (and any left-right structure), whose generated
//!   writer methods then work on the map's writer; see [`WriteHandle::update_meta`]. The derive
//!   macro is [`Absorb`], which is also the name of the trait (always exported), the way serde's
//!   `Serialize` names both.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![doc(test(attr(deny(warnings))))]

mod inner;
mod operation;
mod options;
mod read;
mod table;
#[cfg(doctest)]
mod thread_safety;
mod values;
mod write;

pub use crate::options::Options;
pub use crate::read::{
    KeysIter, MapReadRef, ReadGuardIter, ReadHandle, ReadHandleFactory, ValuesIter,
};
pub use crate::values::{BagIter, Values};
pub use crate::write::WriteHandle;
pub use left_right::{PublishStats, ReadGuard, ReadStrategy};

/// The `left-right` crate this map is built on, for code generated by `#[derive(Absorb)]` and
/// for naming its types.
pub use left_right;

/// Handles to the read and write halves of a map, where evmap 11 put them; the same types as
/// the crate-root [`ReadHandle`], [`WriteHandle`] and [`ReadHandleFactory`].
pub mod handles {
    pub use crate::read::{ReadHandle, ReadHandleFactory};
    pub use crate::write::WriteHandle;
}

/// The types through which readers reach keys and values, where evmap 11 put them (its
/// `MapReadRef`, `Values`, `ReadGuardIter` and `ReadGuard`), with this crate's other iterators.
/// The same types as at the crate root.
pub mod refs {
    pub use crate::read::{KeysIter, MapReadRef, ReadGuardIter, ValuesIter};
    pub use crate::values::{BagIter, Values};
    pub use left_right::ReadGuard;
}

#[doc = include_str!("migration.md")]
pub mod migration {}

/// Only the trait: `left_right::Absorb` also names left-right's derive macro when left-right's
/// `derive` feature is on, and that derive writes paths through `::left_right`, which a user of
/// evmap may not have. Re-exported below through a glob, which the explicit derive re-export
/// shadows in the macro namespace. (With evmap's `derive` feature off and left-right's on, the
/// glob does re-export left-right's derive: it works for users who depend on left-right.)
mod absorb_trait {
    pub use left_right::Absorb;
}

// The trait a structure implements to absorb operations (`left_right::Absorb`), nameable as
// `evmap::Absorb`: a meta value that absorbs `O` lets the writer take `O`s (`update_meta`).
pub use absorb_trait::*;

/// Derives `Absorb` for a meta type (or any left-right structure): see `evmap-derive`. Shares its
/// name with the trait, which `use evmap::Absorb;` imports too.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
#[doc(inline)]
pub use evmap_derive::EvmapAbsorb as Absorb;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash};

/// Creates an empty map with the standard library's `RandomState` hasher and meta `()`.
#[allow(clippy::type_complexity)]
pub fn new<K, V>() -> (
    ReadHandle<K, V, (), RandomState>,
    WriteHandle<K, V, (), RandomState>,
)
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
{
    Options::default().construct()
}

/// Creates an empty map with the given initial meta value.
#[allow(clippy::type_complexity)]
pub fn with_meta<K, V, M>(
    meta: M,
) -> (
    ReadHandle<K, V, M, RandomState>,
    WriteHandle<K, V, M, RandomState>,
)
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
{
    Options::default().with_meta(meta).construct()
}

/// Creates an empty map with the given initial meta value and hasher.
#[allow(clippy::type_complexity)]
pub fn with_hasher<K, V, M, S>(
    meta: M,
    hasher: S,
) -> (ReadHandle<K, V, M, S>, WriteHandle<K, V, M, S>)
where
    K: Eq + Hash + Clone,
    V: Eq + Hash + Clone,
    M: 'static + Clone,
    S: BuildHasher + Clone,
{
    Options::default()
        .with_hasher(hasher)
        .with_meta(meta)
        .construct()
}

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The workspace README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct WorkspaceReadmeDoctests;
