//! A concurrency primitive for data that is read far more often than it is written: readers
//! never block, never take a lock and never allocate, and a single writer decides when its
//! changes become visible.
//!
//! # What it is
//!
//! left-right keeps **two copies** of your data structure `T`. Readers read one copy through a
//! shared pointer; the single writer changes the other copy and records every change as an
//! *operation* in a log. [`WriteHandle::publish`] swaps the two copies, so that readers see
//! everything appended so far, and later replays the log into the copy it swapped out, so that
//! both copies converge. You teach left-right how to apply your operations by implementing
//! [`Absorb`].
//!
//! # Trade-offs
//!
//! * **Reads are as cheap as they get without giving up safety.** Entering a read section costs
//!   two plain stores and a fence (one locked instruction on x86-64) on a cache line that only
//!   this reader writes, and leaving it one plain store; no reader ever writes a cache line
//!   another thread writes, so read throughput scales with cores.
//! * **Writes are done twice** (once per copy), and the data takes twice the memory.
//! * **Writes are invisible until published.** Readers see the state as of the last
//!   [`publish`](WriteHandle::publish); the writer chooses how stale reads may get. Publishing
//!   after every write gives a linearizable structure; publishing every N writes amortizes the
//!   cost of a publish.
//! * **One writer.** Several writers can share the [`WriteHandle`] behind a `Mutex`.
//! * **The writer can wait for readers.** A publish must wait for readers still inside the copy
//!   it wants to reuse; a guard held for a long time holds up the writer (never other readers).
//!
//! # How it works
//!
//! Each [`ReadHandle`] owns a cache-padded slot holding a *section word*: a count of its read
//! sections, a bit set while it is inside one, and bits naming the copy that section loaded.
//! [`ReadHandle::enter`] stores the word with the inside bit, fences, loads the readers' pointer,
//! and records which copy it got; dropping the last [`ReadGuard`] stores the next count.
//! [`publish`](WriteHandle::publish) swaps the pointer and fences. Before it next changes the copy
//! it swapped out, the writer scans every slot: readers outside a section, or inside one on the
//! other copy, are not in its way; the few still inside a section on the writer's copy are
//! waited for, by spinning briefly on a line of the slot that the reader answers on its way out,
//! then sleeping until it does. The argument for why this is correct, ordering by ordering, is in
//! `docs/left-right.md` in the repository.
//!
//! The fence on the read path is one locked instruction on x86-64. [`ReadStrategy::Asymmetric`]
//! removes it, at the price of a process-wide barrier on every publish (see [`Options`]).
//!
//! # Example: a structure of your own
//!
//! A read-mostly routing table: many threads look routes up, one thread updates them.
//!
//! ```
//! use left_right::{Absorb, ReadHandle, WriteHandle};
//! use std::collections::HashMap;
//!
//! #[derive(Clone, Default)]
//! struct Routes(HashMap<String, u16>);
//!
//! enum RouteOp {
//!     Set(String, u16),
//!     Remove(String),
//! }
//!
//! impl Absorb<RouteOp> for Routes {
//!     fn absorb_first(&mut self, op: &mut RouteOp, _other: &Self) {
//!         match op {
//!             RouteOp::Set(path, port) => {
//!                 self.0.insert(path.clone(), *port);
//!             }
//!             RouteOp::Remove(path) => {
//!                 self.0.remove(path);
//!             }
//!         }
//!     }
//!
//!     fn sync_with(&mut self, first: &Self) {
//!         self.0.clone_from(&first.0);
//!     }
//! }
//!
//! // Wrappers are what you hand out to the rest of your program.
//! struct RouteWriter(WriteHandle<Routes, RouteOp>);
//! #[derive(Clone)]
//! struct RouteReader(ReadHandle<Routes>);
//!
//! impl RouteWriter {
//!     fn set(&mut self, path: &str, port: u16) {
//!         self.0.append(RouteOp::Set(path.to_owned(), port));
//!     }
//!     fn remove(&mut self, path: &str) {
//!         self.0.append(RouteOp::Remove(path.to_owned()));
//!     }
//!     fn publish(&mut self) {
//!         self.0.publish();
//!     }
//! }
//!
//! impl RouteReader {
//!     /// `None` if there is no such route, or once the writer is gone.
//!     fn port(&self, path: &str) -> Option<u16> {
//!         self.0.enter()?.0.get(path).copied()
//!     }
//! }
//!
//! // `new_from_empty` clones the initial value for the second copy, so both copies start out
//! // identical (two `HashMap::default()`s would have different hashers).
//! let (w, r) = left_right::new_from_empty::<Routes, RouteOp>(Routes::default());
//! let (mut writer, reader) = (RouteWriter(w), RouteReader(r));
//!
//! writer.set("/api", 8080);
//! assert_eq!(reader.port("/api"), None); // not published yet
//! writer.publish();
//! assert_eq!(reader.port("/api"), Some(8080));
//!
//! // Readers on other threads each get their own handle.
//! let on_thread = reader.clone();
//! std::thread::spawn(move || assert_eq!(on_thread.port("/api"), Some(8080)))
//!     .join()
//!     .unwrap();
//!
//! writer.remove("/api");
//! writer.set("/static", 8081);
//! writer.publish();
//! assert_eq!(reader.port("/api"), None);
//! assert_eq!(reader.port("/static"), Some(8081));
//!
//! drop(writer);
//! assert_eq!(reader.port("/static"), None); // the data went with the writer
//! ```
//!
//! Values read through a guard borrow from it, as with `RefCell` and `Mutex`. To hand out a
//! reference into the data, narrow the guard with [`ReadGuard::map`] or [`ReadGuard::try_map`]
//! instead of cloning.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![doc(test(attr(deny(warnings))))]

mod absorb;
pub mod aliasing;
mod append;
mod membarrier;
mod options;
mod padded;
mod read;
mod reader;
mod registry;
mod shared;
mod stats;
mod strategy;
mod sync;
#[cfg(doctest)]
mod thread_safety;
mod wait;
mod write;

#[cfg(all(test, not(loom)))]
mod tests;

pub use crate::absorb::Absorb;
pub use crate::append::{AppendOp, NestedWriter};
pub use crate::options::Options;
pub use crate::read::{ReadGuard, ReadHandle, ReadHandleFactory};
pub use crate::stats::PublishStats;
pub use crate::strategy::ReadStrategy;
pub use crate::write::{Taken, WriteHandle};

/// Derives `Absorb` for a struct: an operation enum, the `Absorb` implementation, and writer
/// methods (`set_<field>`, and element-wise operations for collection fields). See the
/// `evmap-derive` crate for the details.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use evmap_derive::Absorb;

/// Creates a writer and a reader for two copies of `T::default()`.
///
/// Both copies must start out identical, so `T::default()` must be deterministic: two calls must
/// give values that behave exactly the same. A `std::collections::HashMap` is a counterexample (each
/// gets its own random hasher, so iteration orders differ); use [`new_from_empty`] for such types.
pub fn new<T, O>() -> (WriteHandle<T, O>, ReadHandle<T>)
where
    T: Absorb<O> + Default,
{
    Options::default().construct()
}

/// Creates a writer and a reader for two copies of `t` (the second made with `t.clone()`).
pub fn new_from_empty<T, O>(t: T) -> (WriteHandle<T, O>, ReadHandle<T>)
where
    T: Absorb<O> + Clone,
{
    Options::default().construct_from(t)
}

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
