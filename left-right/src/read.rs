//! Read handles.

use crate::reader::Reader;
use crate::shared::Shared;
use crate::sync::{Arc, Ordering};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

mod factory;
mod guard;

pub use factory::ReadHandleFactory;
pub use guard::ReadGuard;

/// A reader's handle to the data.
///
/// [`enter`](Self::enter) opens a read section and returns a [`ReadGuard`] through which the
/// current readers' copy can be read. Reading never blocks, never takes a lock, never allocates and
/// writes only to this handle's own cache-padded slot. Nested `enter` calls on one handle are fine.
///
/// Each thread needs its own handle: `ReadHandle` is `Send` (when `T: Sync`) but not `Sync`.
/// [`Clone`] it, or share a [`ReadHandleFactory`] and make handles where they are needed.
///
/// ```compile_fail,E0277
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<()> for Data {
/// #     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_sync<S: Sync>(_: &S) {}
/// let (_w, r) = left_right::new::<Data, ()>();
/// assert_sync(&r);
/// ```
///
/// ```
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<()> for Data {
/// #     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_sync<S: Sync>(_: &S) {}
/// let (_w, r) = left_right::new::<Data, ()>();
/// assert_sync(&r.factory());
/// ```
pub struct ReadHandle<T> {
    shared: Arc<Shared<T>>,
    reader: Reader,
    _not_send_unless_sync: PhantomData<*const T>,
}

// SAFETY: a handle gives out `&T` on whichever thread it lives on, which `T: Sync` allows. Its own
// state (`Reader`) is used by one thread at a time because the handle is `!Sync`, and its slot is
// reached only through this handle. `T` is never dropped by a reader, so `T: Send` is not needed.
unsafe impl<T: Sync> Send for ReadHandle<T> {}

impl<T> ReadHandle<T> {
    /// Registers a new reader. Lock-free: never waits for the writer or for other readers.
    pub(crate) fn register(shared: Arc<Shared<T>>) -> Self {
        let slot = shared.registry.claim();
        // SAFETY: the slot was just claimed, so it is ours alone; the registry lives inside
        // `shared`, which the handle keeps alive for as long as the `Reader`.
        let reader = unsafe { Reader::new(slot, shared.tag_parameters(), shared.strategy) };
        Self {
            shared,
            reader,
            _not_send_unless_sync: PhantomData,
        }
    }

    #[cfg(all(test, not(loom)))]
    pub(crate) fn reader(&self) -> &Reader {
        &self.reader
    }

    pub(crate) fn shared(&self) -> &Arc<Shared<T>> {
        &self.shared
    }

    /// Opens a read section on the current readers' copy.
    ///
    /// Returns `None` once the [`WriteHandle`](crate::WriteHandle) has been dropped (or taken).
    /// While the returned guard (or any other guard of this handle) lives, the writer will not
    /// change the copy it points to. A guard taken before a publish keeps seeing the old copy,
    /// unchanged; `enter` calls that start after `publish` returned see the new one.
    #[inline]
    pub fn enter(&self) -> Option<ReadGuard<'_, T>> {
        let readers_pointer = self.shared.readers_pointer();
        let outermost = self.reader.begin();
        let word = if outermost { self.reader.announce() } else { 0 };
        // Acquire: the copy's contents, written before the swap, are visible.
        match NonNull::new(readers_pointer.load(Ordering::Acquire)) {
            Some(copy) => {
                if outermost {
                    self.reader.loaded(word, copy.as_ptr() as usize);
                }
                // SAFETY: we began a read section above and loaded the pointer inside it; the
                // guard takes over the matching `end`.
                Some(unsafe { ReadGuard::new(copy, &self.reader) })
            }
            None => {
                self.reader.end();
                None
            }
        }
    }

    /// Ends a read section left open by guards of this handle that were leaked with
    /// `mem::forget`. Taking `&mut self` proves no guard of this handle is alive, so no one can
    /// still use such a section. (Dropping the handle does the same.) The writer calls this on its
    /// own handle before each publish, so that a leaked guard taken through the writer cannot
    /// make it wait forever.
    pub fn release_leaked_guards(&mut self) {
        self.reader.abandon();
    }

    /// Whether the [`WriteHandle`](crate::WriteHandle) has been dropped (or taken).
    pub fn was_dropped(&self) -> bool {
        self.shared.peek().is_null()
    }

    /// A raw pointer to the current readers' copy, or `None` once the writer is gone.
    ///
    /// Nothing keeps the pointee alive by itself. Dereferencing it is sound only if a guard of a
    /// handle of this instance was already alive when this method loaded the pointer, and only
    /// until that guard is dropped (a pointer loaded inside a read section stays valid for the
    /// rest of that section); or, on the writer's thread, before the first publish. A guard taken
    /// *after* the pointer was loaded does not protect it: the writer may be about to modify the
    /// copy the pointer names.
    pub fn raw_handle(&self) -> Option<NonNull<T>> {
        NonNull::new(self.shared.peek())
    }

    /// The reader-synchronisation strategy this instance uses (what was asked for, if this
    /// system supports it; see [`ReadStrategy::Asymmetric`]).
    ///
    /// [`ReadStrategy::Asymmetric`]: crate::ReadStrategy::Asymmetric
    pub fn read_strategy(&self) -> crate::ReadStrategy {
        self.shared.strategy
    }

    /// A factory that makes more handles to the same data and can be shared between threads.
    pub fn factory(&self) -> ReadHandleFactory<T> {
        ReadHandleFactory::new(Arc::clone(&self.shared))
    }
}

impl<T> Clone for ReadHandle<T> {
    /// A new, independent handle to the same data. Never blocks, even while this handle holds a
    /// guard and the writer is waiting for it.
    fn clone(&self) -> Self {
        Self::register(Arc::clone(&self.shared))
    }
}

impl<T> Drop for ReadHandle<T> {
    fn drop(&mut self) {
        // Guards borrow the handle, so any still "alive" were leaked; nothing can use them now.
        self.reader.abandon();
        // SAFETY: the slot was claimed by `register` from this registry, is released only here,
        // is idle after `abandon`, and the `Reader` that used it is dropped with `self`.
        unsafe { self.shared.registry.release(self.reader.slot_ptr()) };
    }
}

impl<T> fmt::Debug for ReadHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadHandle")
            .field("slot", &self.reader.slot_ptr())
            .field("guards", &self.reader.depth())
            .field("writer_dropped", &self.was_dropped())
            .finish()
    }
}
