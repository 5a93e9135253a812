//! One read handle's side of the protocol: entering and leaving read sections.
//!
//! A read section begins when the outermost guard is created and ends when the last guard is
//! dropped; nested `enter` calls on the same handle only count depth. Beginning a section stores the
//! next (odd) epoch into the handle's slot through the strategy's announcement, the one ordered
//! store on the read path. Ending it is a plain release store of the next (even) epoch, followed by
//! a plain load of the slot's wake flag. Both touch only the handle's own cache-padded slot.

use crate::registry::Slot;
use crate::strategy::Strategy;
use crate::sync::Ordering;
use crate::wait::{IDLE, wake_writer};
use std::cell::Cell;
use std::ptr::NonNull;

/// The per-handle, single-threaded reader state (the handle is `!Sync`, so `Cell` suffices).
#[derive(Debug)]
pub(crate) struct Reader {
    /// This handle's slot in the registry; valid while the handle (and so the registry) lives.
    slot: NonNull<Slot>,
    /// Guards alive on this handle.
    depth: Cell<usize>,
    /// The last value this handle stored into its slot's epoch (only this handle writes it).
    epoch: Cell<usize>,
    strategy: Strategy,
}

impl Reader {
    /// # Safety
    ///
    /// `slot` must have just been claimed from a registry that outlives the returned `Reader`, and
    /// no other `Reader` may use it.
    pub(crate) unsafe fn new(slot: NonNull<Slot>, strategy: Strategy) -> Self {
        // SAFETY: the caller guarantees `slot` is live and ours. Relaxed suffices: the claim
        // (acquire) synchronised with the previous owner's release, so we read its last epoch.
        let epoch = unsafe { slot.as_ref() }.epoch.load(Ordering::Relaxed);
        debug_assert_eq!(epoch % 2, 0, "a freshly claimed slot must be idle");
        Self {
            slot,
            depth: Cell::new(0),
            epoch: Cell::new(epoch),
            strategy,
        }
    }

    #[inline(always)]
    fn slot(&self) -> &Slot {
        // SAFETY: `Reader::new`'s contract: the slot outlives `self` and is ours alone.
        unsafe { self.slot.as_ref() }
    }

    pub(crate) fn slot_ptr(&self) -> NonNull<Slot> {
        self.slot
    }

    /// Enters a read section, or nests one more level into the current one.
    ///
    /// After this returns, any readers' pointer loaded before the matching [`Reader::end`] stays
    /// valid until then (see `docs/left-right.md`, "Why a loaded pointer stays valid").
    #[inline(always)]
    pub(crate) fn begin(&self) {
        let depth = self.depth.get();
        if depth == 0 {
            let epoch = self.epoch.get().wrapping_add(1);
            self.epoch.set(epoch);
            self.strategy.announce(&self.slot().epoch, epoch);
        }
        self.depth.set(depth + 1);
    }

    /// Leaves one level; the outermost leaves the read section.
    #[inline(always)]
    pub(crate) fn end(&self) {
        let depth = self.depth.get() - 1;
        self.depth.set(depth);
        if depth == 0 {
            self.depart();
        }
    }

    #[inline(always)]
    fn depart(&self) {
        let epoch = self.epoch.get().wrapping_add(1);
        self.epoch.set(epoch);
        let slot = self.slot();
        // Release: everything we read from the copy happens-before a writer that sees this value.
        slot.epoch.store(epoch, Ordering::Release);
        if slot.wake.load(Ordering::Relaxed) != IDLE {
            wake_writer(slot);
        }
    }

    /// Ends a read section left open by guards that were leaked (`mem::forget`). Called when the
    /// handle is dropped: no guard can be used after that, so the writer may stop waiting for it.
    pub(crate) fn abandon(&self) {
        if self.depth.get() != 0 {
            self.depth.set(0);
            self.depart();
        }
    }

    /// Whether the writer is asleep waiting for this reader to leave its read section.
    #[cfg(test)]
    pub(crate) fn writer_sleeps_on_me(&self) -> bool {
        self.slot().wake.load(Ordering::SeqCst) != IDLE
    }

    /// Guards currently alive on this handle.
    pub(crate) fn depth(&self) -> usize {
        self.depth.get()
    }
}
