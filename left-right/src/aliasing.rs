//! Storing a value once for both copies: [`Aliased`] and [`DropBehavior`].
//!
//! left-right keeps two copies of your data, so every value in it is normally stored twice. For
//! small values that is the price of the design; for large ones (strings of a kilobyte, buffers,
//! documents) it doubles the memory for nothing, since the two copies hold equal values. An
//! [`Aliased<T, D>`] lets both copies share one `T`: the first copy holds the `T`, the second a
//! bitwise copy of it (an *alias*: the same bytes, so the same heap buffers), and exactly one of
//! the two drops the `T`. The type parameter `D` decides which: dropping an `Aliased<T, D>` drops
//! the `T` if and only if `D::DO_DROP` is `true`.
//!
//! Creating a second alias, and turning an alias into the one that drops, are `unsafe`: nothing
//! in the type system knows how many aliases exist or which copies readers can still reach, so the
//! data structure that uses them has to keep count. Everything else is safe. With only safe calls
//! an `Aliased` is a plain owner of its `T` (or, with a non-dropping `D`, a way to leak it).
//!
//! # The recipe
//!
//! Store values as `Aliased<V, NoDrop>` in both copies, where `NoDrop` (and `DoDrop`, below) are
//! marker types private to your crate:
//!
//! ```
//! use left_right::aliasing::{Aliased, DropBehavior};
//!
//! struct NoDrop;
//! impl DropBehavior for NoDrop {
//!     const DO_DROP: bool = false;
//! }
//!
//! struct DoDrop;
//! impl DropBehavior for DoDrop {
//!     const DO_DROP: bool = true;
//! }
//!
//! // What the recipe below does with one value, outside any data structure:
//! let in_operation = Aliased::<String, NoDrop>::from("a large value".repeat(100));
//! // SAFETY: both aliases are `NoDrop`, and the one dropped last is turned into `DoDrop` first.
//! let in_first_copy = unsafe { in_operation.alias() };
//! assert_eq!(in_first_copy.as_ptr(), in_operation.as_ptr()); // one heap buffer
//! drop(in_first_copy); // `absorb_first` removes it: nothing is freed
//! // SAFETY: the other alias is gone; this one is the last.
//! drop(unsafe { in_operation.change_drop::<DoDrop>() }); // `absorb_second` frees it
//! ```
//!
//! Then, in your [`Absorb`](crate::Absorb) implementation:
//!
//! * An operation that adds a value carries it as `Aliased::from(value)`.
//! * [`absorb_first`](crate::Absorb::absorb_first) stores `unsafe { op_value.alias() }`, an alias
//!   of the operation's value; a value it removes or replaces is simply dropped: with `NoDrop`
//!   that drops nothing, and the other copy still has the value.
//! * [`absorb_second`](crate::Absorb::absorb_second) stores the operation's value itself. A value
//!   it removes or replaces is now the last alias (the first copy removed its own at
//!   `absorb_first`), so it turns it into the one that drops,
//!   `unsafe { removed.change_drop::<DoDrop>() }`, and drops it.
//! * [`sync_with`](crate::Absorb::sync_with) fills the (empty) initial copy with an alias of
//!   every value of `first`.
//! * [`drop_first`](crate::Absorb::drop_first) drops nothing;
//!   [`drop_second`](crate::Absorb::drop_second) turns each value into `DoDrop` and drops it.
//! * Before the writer goes away, publish twice (see below).
//!
//! The example `aliased_strings` in the repository (`left-right/examples/aliased_strings/`) is a
//! complete map built this way, with the tests that count its drops and its memory.
//!
//! # What you must guarantee
//!
//! These are the `# Safety` contracts of [`Aliased::alias`] and [`Aliased::change_drop`], as the
//! recipe meets them.
//!
//! * **Both copies remove the same values.** `absorb_second` frees what it removes on the
//!   assumption that `absorb_first` removed the same value from the other copy. If the two ever
//!   disagree (a key's `Hash`, `Eq` or `Ord` answering differently the second time, a predicate
//!   with state, a random choice), a value is freed while the other copy, which readers may be
//!   reading, still holds it. Let `absorb_first` make every decision and record it in the
//!   operation (it gets `&mut O`), and let `absorb_second` replay the record without calling
//!   user code.
//! * **One alias drops each value, and it goes last.** Of all the aliases of one `T`, exactly one
//!   may ever be dropped (or turned into) a dropping `D`, and no alias may be read after that one
//!   is dropped. In the recipe the dropping alias is always the one removed from the writer's
//!   copy during `absorb_second`, when left-right has made sure no reader is inside that copy and
//!   the other copy no longer has the value.
//! * **No `&mut T` while aliased.** `Aliased` only gives out `&T`; keep it that way (don't reach
//!   the `T` through a raw pointer).
//! * **Convert values, not containers.** left-right 0.11's documentation suggested casting a
//!   whole `&mut S<Aliased<T, NoDrop>>` to `&mut S<Aliased<T, DoDrop>>` in `absorb_second`. Rust
//!   does not promise that `S<A>` and `S<B>` have the same layout even when `A` and `B` do (an
//!   associated type can tell them apart), so that cast needs an argument about `S` and about
//!   who can implement traits for `NoDrop` and `DoDrop` (keep them private). Converting each value
//!   with [`change_drop`](Aliased::change_drop) as it leaves the structure needs no such argument.
//!
//! # Dropping the writer
//!
//! left-right 0.11's writer, when dropped or [`take`]n, published (up to twice) until both copies
//! were equal, so that `drop_first` and `drop_second` saw two equal copies. This crate's writer does not (see
//! [`WriteHandle`], "Dropping"): the copy handed to `drop_first` is one publish behind, since the
//! second half of the last publish's operations is never applied, and operations appended after
//! the last publish are dropped without being absorbed. With the recipe, that is never a double
//! drop (only `drop_second` frees, and only what the last published copy holds), but it leaks the
//! values the last publish removed (they are still in the writer's copy, which frees nothing) and
//! the values of unpublished operations. So publish twice first:
//!
//! ```text
//! if writer.has_pending_operations() {
//!     writer.publish(); // readers see every operation
//! }
//! writer.publish(); // the other copy applies them too: the copies are equal
//! ```
//!
//! The example wraps the writer in a type whose `Drop` does this. Like dropping the writer, a
//! publish waits for readers, so do not do it on a thread that holds a read guard. A poisoned
//! writer (an `Absorb` method panicked) refuses to publish; drop it as it is, which with the
//! recipe leaks but never frees a value twice, since `absorb_first` frees nothing and so a copy
//! left half-updated frees nothing either.
//!
//! # What the tests show, and what they cannot
//!
//! `left-right/tests/aliasing.rs` counts drops (every value dropped exactly once, through inserts,
//! replacements, removals, the initial sync and the writer's drop, with readers on other threads,
//! on both read strategies); Miri runs it with strict provenance under Stacked Borrows and Tree
//! Borrows, with `String` and `Box` values, whose aliases share a heap allocation. Miri checks
//! the executions the tests make; it cannot show that your `Absorb` removes the same values from
//! both copies in every execution, which is the guarantee the whole scheme rests on.
//!
//! # What it saves
//!
//! `left-right/tests/aliasing_memory.rs` counts the heap bytes of the example map holding 1,000
//! values of 1 KiB strings (after two publishes, so that both copies hold every value), against
//! the same map storing a clone of each value in each copy (its copies built the same way,
//! so that the two differ only in how they store values):
//!
//! | map | heap bytes | per value |
//! |---|---|---|
//! | values cloned into both copies | 2,151,040 | 2,151 |
//! | values aliased (`Aliased<String, _>`) | 1,127,040 | 1,127 |
//!
//! The aliased map saves exactly 1,024,000 bytes, one string per value; both pay the same 103
//! bytes per value for the two copies' B-tree nodes and the left-right handles (x86-64, Rust
//! 1.95, the default read strategy; `cargo run --example aliased_strings -p left-right` prints
//! the figures, and the test checks the saving, within 1 %, on both strategies). The saving is the size of the values'
//! heap data: for values of a few bytes an alias saves nothing, and a plain `Clone` is simpler.
//!
//! # Migrating from left-right 0.11
//!
//! The names and signatures are left-right 0.11's. Two behaviours differ:
//!
//! * [`change_drop`](Aliased::change_drop) takes its value out of `self` without dropping `self`.
//!   0.11 copied the value out and then dropped `self` as well, so changing a *dropping* alias
//!   into a non-dropping one (which its documentation called always safe) freed the `T` and
//!   returned an alias to freed memory. Here that direction is safe, as documented.
//! * Dropping or taking the writer does not bring the two copies level (above): publish twice
//!   first.
//!
//! The whole guide, for evmap 9, evmap 11 and left-right 0.11 users, is `docs/migration.md` in
//! the repository.
//!
//! [`take`]: crate::WriteHandle::take
//! [`WriteHandle`]: crate::WriteHandle

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::mem::{ManuallyDrop, MaybeUninit};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// Whether dropping an [`Aliased<T, Self>`](Aliased) drops its `T`.
///
/// Implement it on marker types of your own, one with `DO_DROP = true` and one with `false` (see
/// the [module documentation](self)). The trait is safe to implement: which `D` an alias has only
/// matters once aliases exist, and making them is `unsafe`.
pub trait DropBehavior {
    /// `true` if dropping an `Aliased<T, Self>` drops the `T`; `false` if it leaves the `T` alone
    /// (another alias will drop it, or nothing will).
    const DO_DROP: bool;
}

/// A `T` that may be shared, bit for bit, between the two copies of a left-right data structure.
///
/// Reads go through [`Deref`] (and `AsRef`, `Borrow`, `Hash`, `Eq`, `Ord` and `Debug` forward to
/// the `T`), so an `Aliased<T, D>` reads like a `&T`. There is no mutable access: another alias
/// may be read at the same time. Traits it does not forward (say, your own `Borrow<Q>` on `T`)
/// are reached through `&*aliased`.
///
/// Dropping it drops the `T` if and only if `D::DO_DROP` is `true`. How aliases are made and
/// which one drops is explained in the [module documentation](self).
///
/// Aliases of one `T` can be on different threads, each reading the `T` and one of them
/// eventually dropping it, so an `Aliased<T, D>` is `Send` only if `T` is `Send` and `Sync`:
///
/// ```compile_fail,E0277
/// use left_right::aliasing::{Aliased, DropBehavior};
/// struct DoDrop;
/// impl DropBehavior for DoDrop {
///     const DO_DROP: bool = true;
/// }
/// fn assert_send<S: Send>(_: S) {}
/// // `Cell` is `Send` but not `Sync`: two threads must not read one through two aliases.
/// assert_send(Aliased::<std::cell::Cell<u32>, DoDrop>::from(std::cell::Cell::new(1)));
/// ```
///
/// ```
/// use left_right::aliasing::{Aliased, DropBehavior};
/// struct DoDrop;
/// impl DropBehavior for DoDrop {
///     const DO_DROP: bool = true;
/// }
/// fn assert_send<S: Send>(_: S) {}
/// assert_send(Aliased::<u32, DoDrop>::from(1));
/// ```
///
/// It is not `Clone` (a clone would be a second alias made without `unsafe`), though the `T` may
/// be:
///
/// ```compile_fail,E0277
/// use left_right::aliasing::{Aliased, DropBehavior};
/// struct DoDrop;
/// impl DropBehavior for DoDrop {
///     const DO_DROP: bool = true;
/// }
/// fn assert_clone<C: Clone>(_: &C) {}
/// let value = Aliased::<String, DoDrop>::from("one".to_owned());
/// assert_clone(&value);
/// ```
///
/// ```
/// use left_right::aliasing::{Aliased, DropBehavior};
/// struct DoDrop;
/// impl DropBehavior for DoDrop {
///     const DO_DROP: bool = true;
/// }
/// fn assert_clone<C: Clone>(_: &C) {}
/// let value = Aliased::<String, DoDrop>::from("one".to_owned());
/// assert_clone(&*value);
/// ```
#[repr(transparent)]
pub struct Aliased<T, D>
where
    D: DropBehavior,
{
    /// Always initialised; `MaybeUninit` because several aliases hold the same bytes, and a `T`
    /// field would tell the compiler (and Miri) that each owns them: it would drop the `T` once
    /// per alias, and a `Box` inside would be treated as unique to each alias.
    value: MaybeUninit<T>,
    /// `D` is only a switch, never stored: it does not own a `D`, nor make `Aliased` depend on
    /// `D`'s auto traits.
    _drop_behavior: PhantomData<fn() -> D>,
    /// Opts out of the automatic `Send` and `Sync`, which would follow `T` alone; the impls below
    /// state what sharing one `T` between aliases needs. Keeps `Aliased` covariant in `T`.
    _not_auto_send_sync: PhantomData<*const T>,
}

impl<T, D> Aliased<T, D>
where
    D: DropBehavior,
{
    /// Wraps a `T`, as its only alias.
    ///
    /// Safe: with a dropping `D` the result owns the `T` like a plain value would; with a
    /// non-dropping `D`, dropping the result leaks the `T`, which is safe too. (It is not a `From`
    /// implementation, as in left-right 0.11: the choice of `D` should be visible where a value
    /// is wrapped.)
    pub fn from(t: T) -> Self {
        Self {
            value: MaybeUninit::new(t),
            _drop_behavior: PhantomData,
            _not_auto_send_sync: PhantomData,
        }
    }

    /// Makes another alias of the same `T`: a bitwise copy, with the same `D`.
    ///
    /// # Safety
    ///
    /// From now on the `T` has several owners that do not know of each other. The caller must
    /// ensure that:
    ///
    /// * of all the aliases of this `T` (this one, the one returned, and any made from them), at
    ///   most one is ever dropped with a `D` whose `DO_DROP` is `true` (counting aliases turned
    ///   into one by [`change_drop`](Self::change_drop)), since each such drop drops the `T`; in
    ///   particular, if `D::DO_DROP` is `true` here, one of `self` and the result must be
    ///   changed to a non-dropping `D`, or leaked, before it is dropped;
    /// * no alias is read (dereferenced, compared, hashed, formatted) after the `T` was dropped
    ///   through another alias, on any thread; and a read on one thread is ordered before the
    ///   drop on another (left-right's wait for readers does this for values in its copies);
    /// * nothing obtains a `&mut T` (say, through a raw pointer) while another alias may be read.
    pub unsafe fn alias(&self) -> Self {
        Self {
            // SAFETY: reading `MaybeUninit<T>` bytes through a shared reference is always
            // allowed, and copies them without asserting anything about the `T` (no retag of a
            // `Box` or reference inside it). That the copy may be read, and is dropped at most
            // once, is the caller's contract above.
            value: unsafe { std::ptr::read(&self.value) },
            _drop_behavior: PhantomData,
            _not_auto_send_sync: PhantomData,
        }
    }

    /// Turns this alias into one with drop behaviour `D2`. `self` is consumed without being
    /// dropped, whatever `D` is.
    ///
    /// Changing to a `D2` whose `DO_DROP` is `false` never frees anything, so it is always sound
    /// (at worst the `T` leaks). Unlike left-right 0.11, that holds from a dropping `D` too: 0.11
    /// dropped `self` after copying its value out, freeing the `T` the result pointed to.
    ///
    /// # Safety
    ///
    /// If `D2::DO_DROP` is `true`, dropping the result drops the `T`. The caller must ensure that
    /// the result is then the only alias that will ever drop the `T`, and that no other alias is
    /// read after the result is dropped (the conditions of [`alias`](Self::alias)). In
    /// left-right's recipe this holds for a value that `absorb_second` removes from the writer's
    /// copy, because `absorb_first` already removed the other copy's alias.
    pub unsafe fn change_drop<D2: DropBehavior>(self) -> Aliased<T, D2> {
        // Not dropped: whatever `D` says, this alias's bytes move to the result.
        let this = ManuallyDrop::new(self);
        Aliased {
            // SAFETY: `this` is never used or dropped again, so moving its bytes out leaves one
            // alias where there was one; the result's drop behaviour is the caller's contract.
            value: unsafe { std::ptr::read(&this.value) },
            _drop_behavior: PhantomData,
            _not_auto_send_sync: PhantomData,
        }
    }
}

// SAFETY: a `Send` alias can end up on a thread other than its siblings'. There it gives out `&T`
// while siblings on other threads do the same, which needs `T: Sync`, and it may drop the `T`,
// which needs `T: Send`. The contract of `alias` orders every sibling's last read before that drop.
unsafe impl<T, D> Send for Aliased<T, D>
where
    T: Send + Sync,
    D: DropBehavior,
{
}

// SAFETY: `&Aliased<T, D>` only gives out `&T` (there is no method that mutates or drops through
// a shared reference), so sharing one across threads needs exactly `T: Sync`.
unsafe impl<T, D> Sync for Aliased<T, D>
where
    T: Sync,
    D: DropBehavior,
{
}

impl<T, D> Drop for Aliased<T, D>
where
    D: DropBehavior,
{
    fn drop(&mut self) {
        if D::DO_DROP {
            // SAFETY: `value` was initialised by `from` (or copied from an alias that was), and
            // the `T` was not dropped before: only an alias with a dropping `D` drops it, and the
            // contracts of `alias` and `change_drop` allow one such drop, this one, after every
            // other alias's last read.
            unsafe { self.value.assume_init_drop() }
        }
    }
}

impl<T, D> AsRef<T> for Aliased<T, D>
where
    D: DropBehavior,
{
    fn as_ref(&self) -> &T {
        // SAFETY: `value` was initialised by `from` (or copied from an alias that was). The `T` is
        // alive while this alias may be read (the contracts of `alias` and `change_drop`), and no
        // `&mut T` exists while aliases are read, so a shared reference is sound.
        unsafe { self.value.assume_init_ref() }
    }
}

impl<T, D> Deref for Aliased<T, D>
where
    D: DropBehavior,
{
    type Target = T;

    fn deref(&self) -> &T {
        self.as_ref()
    }
}

impl<T, D> fmt::Debug for Aliased<T, D>
where
    T: fmt::Debug,
    D: DropBehavior,
{
    /// Formats the `T`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_ref(), f)
    }
}

impl<T, D> Hash for Aliased<T, D>
where
    T: Hash,
    D: DropBehavior,
{
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_ref().hash(state);
    }
}

impl<T, D> PartialEq for Aliased<T, D>
where
    T: PartialEq,
    D: DropBehavior,
{
    fn eq(&self, other: &Self) -> bool {
        self.as_ref() == other.as_ref()
    }
}

impl<T, D> Eq for Aliased<T, D>
where
    T: Eq,
    D: DropBehavior,
{
}

impl<T, D> PartialOrd for Aliased<T, D>
where
    T: PartialOrd,
    D: DropBehavior,
{
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.as_ref().partial_cmp(other.as_ref())
    }
}

impl<T, D> Ord for Aliased<T, D>
where
    T: Ord,
    D: DropBehavior,
{
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_ref().cmp(other.as_ref())
    }
}

impl<T, D> Borrow<T> for Aliased<T, D>
where
    D: DropBehavior,
{
    fn borrow(&self) -> &T {
        self.as_ref()
    }
}

// A blanket `Borrow<Q> for Aliased<T, D> where T: Borrow<Q>` would overlap with the impl above, so
// the borrowed forms of the standard library's owning types get an impl each; they hash and
// compare like their owners, as `Borrow` requires.

impl<D> Borrow<str> for Aliased<String, D>
where
    D: DropBehavior,
{
    fn borrow(&self) -> &str {
        self.as_ref()
    }
}

impl<D> Borrow<Path> for Aliased<PathBuf, D>
where
    D: DropBehavior,
{
    fn borrow(&self) -> &Path {
        self.as_ref()
    }
}

impl<T, D> Borrow<[T]> for Aliased<Vec<T>, D>
where
    D: DropBehavior,
{
    fn borrow(&self) -> &[T] {
        self.as_ref()
    }
}

impl<T, D> Borrow<T> for Aliased<Box<T>, D>
where
    T: ?Sized,
    D: DropBehavior,
{
    fn borrow(&self) -> &T {
        self.as_ref()
    }
}

impl<T, D> Borrow<T> for Aliased<Arc<T>, D>
where
    T: ?Sized,
    D: DropBehavior,
{
    fn borrow(&self) -> &T {
        self.as_ref()
    }
}

impl<T, D> Borrow<T> for Aliased<Rc<T>, D>
where
    T: ?Sized,
    D: DropBehavior,
{
    fn borrow(&self) -> &T {
        self.as_ref()
    }
}
