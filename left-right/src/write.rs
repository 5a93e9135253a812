//! The writer's handle: the operation log, publishing and retiring.

use crate::Absorb;
use crate::read::ReadHandle;
use crate::shared::Shared;
use crate::stats::PublishStats;
use crate::strategy::ReadStrategy;
use crate::sync::Arc;
use crate::wait::{Lingering, Scan};
use std::collections::VecDeque;
use std::fmt;
use std::ops::Deref;
use std::ptr::{self, NonNull};

mod taken;

pub use taken::Taken;

/// Where the writer is in its life; decides how `publish` brings the writer's copy up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Never published: no reader has seen the writer's copy, so operations go straight into it.
    Fresh,
    /// Published once: the writer's copy is the initial one and must `sync_with` the other.
    FirstPublished,
    /// The steady state: the writer's copy is brought up to date by replaying the log.
    Running,
    /// `take` retired the writer; both copies are gone.
    Retired,
}

/// The single writer's handle to the data.
///
/// Operations are [`append`](Self::append)ed to a log and become visible to readers only when the
/// writer [`publish`](Self::publish)es. Reads through a `WriteHandle` (it dereferences to a
/// [`ReadHandle`]) see the same published state as every other reader.
///
/// A publish never waits for readers of the copy it publishes, only for readers still inside the
/// copy published before that, and only when it needs to modify it. So a guard held across one
/// publish delays the *next* publish, and only until that guard is dropped.
///
/// # Dropping
///
/// Dropping the writer waits until no reader is inside either copy, then frees both (through
/// [`Absorb::drop_first`] and [`Absorb::drop_second`]); later [`ReadHandle::enter`] calls return
/// `None`. Operations that were never published are dropped without being absorbed. Because the
/// drop waits for readers, **dropping the writer on a thread that itself holds a [`ReadGuard`]
/// (of any handle of the same data) never returns.**
///
/// # Zero-sized `T`
///
/// For a zero-sized `T` both copies share one (dangling) address, so a read section cannot say
/// which copy it uses, and every publish waits for every open section, not only for those in the
/// writer's copy. In particular a thread that holds a guard must not publish twice.
///
/// # Thread safety
///
/// `WriteHandle<T, O>` is `Send` when `T: Send + Sync` and `O: Send` (the writer mutates and
/// drops `T` on its own thread while readers share it), and never `Sync`:
///
/// ```compile_fail,E0277
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<std::rc::Rc<()>> for Data {
/// #     fn absorb_first(&mut self, _: &mut std::rc::Rc<()>, _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_send<S: Send>(_: S) {}
/// let (w, _r) = left_right::new::<Data, std::rc::Rc<()>>();
/// assert_send(w); // an `Rc` operation cannot cross threads
/// ```
///
/// ```
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<std::sync::Arc<()>> for Data {
/// #     fn absorb_first(&mut self, _: &mut std::sync::Arc<()>, _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_send<S: Send>(_: S) {}
/// let (w, _r) = left_right::new::<Data, std::sync::Arc<()>>();
/// assert_send(w);
/// ```
///
/// [`ReadGuard`]: crate::ReadGuard
pub struct WriteHandle<T, O>
where
    T: Absorb<O>,
{
    /// The copy readers cannot reach, except readers recorded in `lingering`.
    w_copy: NonNull<T>,
    oplog: VecDeque<O>,
    /// `oplog[..swap_index]` has been absorbed by the readers' copy but not yet by `w_copy`.
    swap_index: usize,
    /// Operations applied directly to `w_copy` before the first publish and not yet published.
    unpublished_direct: bool,
    lingering: Lingering,
    r_handle: ReadHandle<T>,
    phase: Phase,
    poisoned: bool,
    stats: PublishStats,
}

// SAFETY: the writer mutates and eventually drops both copies of `T` on whichever thread it is on
// (`T: Send`) while readers on other threads hold `&T` (`T: Sync`); it owns its operations
// (`O: Send`). Its `ReadHandle` is `Send` under `T: Sync`, and the slot pointers it keeps are only
// dereferenced by the thread owning the handle.
unsafe impl<T, O> Send for WriteHandle<T, O>
where
    T: Absorb<O> + Send + Sync,
    O: Send,
{
}

impl<T: Absorb<O>, O> WriteHandle<T, O> {
    pub(crate) fn new(w_copy: T, readers_copy: T, strategy: ReadStrategy) -> (Self, ReadHandle<T>) {
        let readers_copy = Box::into_raw(Box::new(readers_copy));
        let w_copy = NonNull::from(Box::leak(Box::new(w_copy)));
        let shared = Arc::new(Shared::new(readers_copy, w_copy.as_ptr(), strategy));
        let r_handle = ReadHandle::register(Arc::clone(&shared));
        let reader = ReadHandle::register(shared);
        let writer = Self {
            w_copy,
            oplog: VecDeque::new(),
            swap_index: 0,
            unpublished_direct: false,
            lingering: Lingering::default(),
            r_handle,
            phase: Phase::Fresh,
            poisoned: false,
            stats: PublishStats::default(),
        };
        (writer, reader)
    }

    #[cfg(all(test, not(loom)))]
    pub(crate) fn lingering(&self) -> usize {
        self.lingering.len()
    }

    fn shared(&self) -> &Arc<Shared<T>> {
        self.r_handle.shared()
    }

    #[track_caller]
    fn assert_usable(&self, method: &str) {
        assert!(
            !self.poisoned,
            "left_right::WriteHandle::{method} on a poisoned writer: an earlier call into the \
             data structure's Absorb implementation panicked, so the writer's copy may be \
             half-updated (readers still see the last published copy)"
        );
    }

    /// Appends an operation to the log. Readers see its effect after the next
    /// [`publish`](Self::publish).
    ///
    /// # Panics
    ///
    /// If the writer is [poisoned](Self::is_poisoned); before the first publish, also if
    /// absorbing the operation panics (operations are applied right away then).
    pub fn append(&mut self, op: O) -> &mut Self {
        // Not `extend(once(op))`: this is the writer's hot path, and a plain `push_back` costs a
        // fraction of `VecDeque::extend`'s reserve-and-copy (callgrind, evmap `update` with a
        // publish every 1,024 writes: 44 fewer instructions per write).
        self.assert_usable("append");
        if self.phase == Phase::Fresh {
            self.absorb_unpublished(op);
        } else {
            self.oplog.push_back(op);
        }
        self
    }

    /// Before the first publish no reader has ever seen the writer's copy, so operations are
    /// absorbed right away, and by value: they will never be replayed (see `Absorb::sync_with`).
    fn absorb_unpublished(&mut self, op: O) {
        debug_assert_eq!(self.phase, Phase::Fresh);
        // SAFETY: no reader has been given `w_copy` yet (phase `Fresh`), and we hold `&mut self`.
        let w = unsafe { self.w_copy.as_mut() };
        // SAFETY: the readers' copy is only swapped or freed by this writer (held exclusively).
        let r = unsafe { &*self.shared().peek() };
        self.poisoned = true;
        w.absorb_second(op, r);
        self.poisoned = false;
        self.unpublished_direct = true;
    }

    /// Makes every appended operation visible to readers.
    ///
    /// Brings the writer's copy up to date (replaying the operations the other copy absorbed at
    /// the previous publish, then absorbing the new ones), swaps it in as the readers' copy, and
    /// records which readers might still be inside the copy it swapped out. Every `enter` that
    /// starts after `publish` returns sees the new copy.
    ///
    /// Blocks only if a reader that was inside a read section at the *previous* publish is still
    /// in that same section: the writer spins briefly, then sleeps until that reader leaves.
    ///
    /// # Panics
    ///
    /// If the writer is [poisoned](Self::is_poisoned), or if absorbing an operation panics (which
    /// poisons it).
    pub fn publish(&mut self) -> &mut Self {
        self.assert_usable("publish");
        self.r_handle.release_leaked_guards();
        self.find_lingering_readers();
        self.lingering.wait(&mut self.stats);
        self.absorb_pending();
        self.swap();
        self
    }

    /// Publishes if it can do so without waiting for any reader; returns whether it published.
    ///
    /// Never blocks (absorbing the operations still takes as long as it takes).
    ///
    /// # Panics
    ///
    /// As [`publish`](Self::publish).
    pub fn try_publish(&mut self) -> bool {
        self.assert_usable("try_publish");
        self.r_handle.release_leaked_guards();
        self.find_lingering_readers();
        if !self.lingering.poll() {
            self.stats.busy += 1;
            return false;
        }
        self.absorb_pending();
        self.swap();
        true
    }

    /// Publishes if there are operations readers have not seen yet; otherwise does nothing.
    pub fn flush(&mut self) {
        if self.has_pending_operations() {
            self.publish();
        }
    }

    /// Whether some appended operation is not yet visible to readers.
    pub fn has_pending_operations(&self) -> bool {
        self.unpublished_direct || self.swap_index < self.oplog.len()
    }

    /// Whether an earlier call into [`Absorb`] panicked. A poisoned writer refuses to append,
    /// publish or take (it panics), but can be dropped, and readers keep reading the last
    /// published copy.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// The reader-synchronisation strategy this instance uses: what was asked for at creation,
    /// if this system supports it (see [`ReadStrategy::Asymmetric`]).
    pub fn read_strategy(&self) -> ReadStrategy {
        self.r_handle.read_strategy()
    }

    /// What publishing has cost so far: publishes, waits for readers, sleeps and time spent.
    pub fn stats(&self) -> PublishStats {
        self.stats
    }

    /// A raw pointer to the writer's copy (the one readers are not directly reading).
    ///
    /// Mutating through it is only sound while no reader can be inside that copy, which is only
    /// known before the first publish; even right after a publish, readers may linger in it.
    pub fn raw_write_handle(&mut self) -> NonNull<T> {
        self.w_copy
    }

    /// Publishes all pending operations, waits until no reader is inside either copy, and returns
    /// the final data. Readers' `enter` returns `None` afterwards.
    ///
    /// # Panics
    ///
    /// If the writer is [poisoned](Self::is_poisoned), or if absorbing an operation panics.
    pub fn take(mut self) -> Taken<T, O> {
        self.assert_usable("take");
        if self.has_pending_operations() {
            self.publish();
        }
        self.retire()
    }

    /// Records the readers that may still be inside the writer's copy (none before the first
    /// publish: no reader has ever seen it).
    fn find_lingering_readers(&mut self) {
        if self.phase != Phase::Fresh {
            let shared = self.r_handle.shared();
            let scan = Scan::WritersCopy {
                readers_tag: shared.copy_tag(shared.peek() as usize),
            };
            self.lingering.scan(&shared.registry, scan);
        }
    }

    /// Brings the writer's copy up to date. The caller has made sure no reader is inside it.
    fn absorb_pending(&mut self) {
        // SAFETY: `lingering` is empty (waited for or polled by the caller) and every reader that
        // entered after the last swap saw the other copy, so no reader can reach `w_copy`; the
        // writer is the only other party and we hold `&mut self`.
        let w = unsafe { self.w_copy.as_mut() };
        // SAFETY: the readers' copy is only swapped or freed by this writer, which we hold
        // exclusively; readers only take shared references to it.
        let r = unsafe { &*self.shared().peek() };
        self.poisoned = true;
        if self.phase == Phase::FirstPublished {
            w.sync_with(r);
            self.phase = Phase::Running;
        }
        for op in self.oplog.drain(..self.swap_index) {
            w.absorb_second(op, r);
        }
        for op in self.oplog.iter_mut() {
            w.absorb_first(op, r);
        }
        self.poisoned = false;
        self.swap_index = self.oplog.len();
    }

    /// Makes `w_copy` the readers' copy. Readers still inside the old one are found (and waited
    /// for) by the next publish, when it needs that copy.
    fn swap(&mut self) {
        let shared = self.r_handle.shared();
        let old = shared.swap(self.w_copy.as_ptr());
        // SAFETY: the pointer is only null after `retire`, which ends the writer's use of it.
        self.w_copy = unsafe { NonNull::new_unchecked(old) };
        // Orders the swap before the next scan of the readers' section words, whenever it runs.
        shared.strategy.writer_barrier();
        if self.phase == Phase::Fresh {
            self.phase = Phase::FirstPublished;
        }
        self.unpublished_direct = false;
        self.stats.publishes += 1;
        // Give back a log buffer that a burst of writes left far larger than what is pending.
        if self.oplog.capacity() > 64 && self.oplog.len() * 4 < self.oplog.capacity() {
            self.oplog.shrink_to(self.oplog.len() * 2);
        }
    }

    /// Hides both copies from readers, waits for every reader to leave them, drops the writer's
    /// copy and hands back the last published one.
    fn retire(&mut self) -> Taken<T, O> {
        debug_assert_ne!(self.phase, Phase::Retired);
        // Retired first: if anything below panicked, `Drop` must not retire a second time (the
        // swap would then return null). A retire cut short leaks the copies, which is safe.
        self.phase = Phase::Retired;
        // `&mut self`: no guard taken through the writer is alive; a leaked one would otherwise
        // make the wait below last forever, since this handle is only dropped after it.
        self.r_handle.release_leaked_guards();
        let shared = self.r_handle.shared();
        let last = shared.swap(ptr::null_mut());
        shared.strategy.writer_barrier();
        // Every reader inside a section may be in either copy; any later `enter` sees null.
        self.lingering.scan(&shared.registry, Scan::Everyone);
        self.lingering.wait(&mut self.stats);

        // SAFETY: `last` came from `Box::into_raw` (in `new`, or as an earlier `w_copy`), was
        // non-null while the writer lived, and no reader is inside it any more.
        let last = Taken::new(unsafe { Box::from_raw(last) });
        // SAFETY: as above for the writer's copy; after `retire` the writer never touches it.
        // `last` is already owned, so a panicking `drop_first` still drops it during unwinding.
        T::drop_first(unsafe { Box::from_raw(self.w_copy.as_ptr()) });
        last
    }
}

impl<T: Absorb<O>, O> Drop for WriteHandle<T, O> {
    fn drop(&mut self) {
        if self.phase != Phase::Retired {
            drop(self.retire());
        }
    }
}

impl<T: Absorb<O>, O> Extend<O> for WriteHandle<T, O> {
    /// Appends operations to the log; see [`WriteHandle::append`].
    fn extend<I>(&mut self, ops: I)
    where
        I: IntoIterator<Item = O>,
    {
        self.assert_usable("append");
        if self.phase != Phase::Fresh {
            self.oplog.extend(ops);
            return;
        }
        for op in ops {
            self.absorb_unpublished(op);
        }
    }
}

impl<T: Absorb<O>, O> Deref for WriteHandle<T, O> {
    type Target = ReadHandle<T>;

    /// Reads through the writer see the published state, like any other reader.
    fn deref(&self) -> &ReadHandle<T> {
        &self.r_handle
    }
}

impl<T: Absorb<O>, O> fmt::Debug for WriteHandle<T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WriteHandle")
            .field("phase", &self.phase)
            .field("pending", &self.has_pending_operations())
            .field("oplog_len", &self.oplog.len())
            .field("swap_index", &self.swap_index)
            .field("poisoned", &self.poisoned)
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}
