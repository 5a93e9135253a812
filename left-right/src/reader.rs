//! One read handle's side of the protocol: entering and leaving read sections.
//!
//! A read section begins when the outermost guard is created and ends when the last guard is
//! dropped; nested `enter` calls on the same handle only count depth. Beginning a section stores the
//! section word with `INSIDE` set into the handle's slot through the strategy's announcement, the
//! one ordered store on the read path; once the outermost `enter` has loaded the readers' pointer,
//! a plain store adds which copy that was. Ending a section is a plain release store of the next
//! section count, followed by a plain load of the slot's wake line. All of it touches only the
//! handle's own cache-padded slot.

use crate::registry::{INSIDE, KNOWN, SECOND, SECTION, Slot};
use crate::strategy::ReadStrategy;
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
    /// The section count of the current (or, between sections, the next) read section, with no
    /// flag bits. Only this handle writes the slot's word.
    base: Cell<usize>,
    /// The address bit that tells the copies apart (`1 << shift`, see `Shared::copy_tag`).
    tag_bit: usize,
    /// `KNOWN`, or 0 when copies cannot be told apart.
    tag_known: usize,
    strategy: ReadStrategy,
}

impl Reader {
    /// # Safety
    ///
    /// `slot` must have just been claimed from a registry that outlives the returned `Reader`, and
    /// no other `Reader` may use it.
    pub(crate) unsafe fn new(
        slot: NonNull<Slot>,
        (tag_shift, tag_known): (u32, usize),
        strategy: ReadStrategy,
    ) -> Self {
        // SAFETY: the caller guarantees `slot` is live and ours. Relaxed suffices: the claim
        // (acquire) synchronised with the previous owner's release, so we read its last word.
        let word = unsafe { slot.as_ref() }.epoch().load(Ordering::Relaxed);
        debug_assert_eq!(word & INSIDE, 0, "a freshly claimed slot must be idle");
        Self {
            slot,
            depth: Cell::new(0),
            base: Cell::new(word & !(KNOWN | SECOND)),
            tag_bit: 1 << tag_shift,
            tag_known,
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

    /// Enters a read section, or nests one more level into the current one; returns whether this
    /// began a new section, which the caller then announces ([`Reader::announce`]) before loading
    /// the readers' pointer and describes ([`Reader::loaded`]) after.
    ///
    /// Any readers' pointer loaded inside a section stays valid until the section ends (see
    /// `docs/left-right.md`, "A loaded pointer stays valid until its section ends").
    #[inline(always)]
    pub(crate) fn begin(&self) -> bool {
        let depth = self.depth.get();
        self.depth.set(depth + 1);
        depth == 0
    }

    /// Announces the section that [`Reader::begin`] began (`begin` returned `true`), before the
    /// caller loads the readers' pointer; returns the section word, for [`Reader::loaded`].
    #[inline(always)]
    pub(crate) fn announce(&self) -> usize {
        let word = self.base.get() | INSIDE;
        self.strategy.announce(self.slot().epoch(), word);
        word
    }

    /// Records which copy the section that just began loaded, so that a writer that finds this
    /// section still open after it has swapped the copies knows whether it needs to wait for it.
    /// Only the outermost `enter` of a section calls this: the section is identified by the first
    /// copy it loaded (see `docs/left-right.md`, "Which copy a section uses").
    #[inline(always)]
    pub(crate) fn loaded(&self, word: usize, copy: usize) {
        // `copy_tag`, with the bit as a mask and no shift: a test and a select on the read path.
        let second = if copy & self.tag_bit != 0 { SECOND } else { 0 };
        // Release, like every store to the word: a writer that reads any later value of it must
        // also see this section's earlier stores, and our previous section as finished.
        self.slot()
            .epoch()
            .store(word | self.tag_known | second, Ordering::Release);
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
        let word = self.base.get().wrapping_add(SECTION);
        self.base.set(word);
        let slot = self.slot();
        // Release: everything we read from the copy happens-before a writer that sees this value.
        slot.epoch().store(word, Ordering::Release);
        let state = slot.wake_line.state.load(Ordering::Relaxed);
        if state != IDLE {
            wake_writer(slot, state);
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
    #[cfg(all(test, not(loom)))]
    pub(crate) fn writer_sleeps_on_me(&self) -> bool {
        self.slot().wake_line.state.load(Ordering::SeqCst) == crate::wait::PARKED
    }

    /// Guards currently alive on this handle.
    pub(crate) fn depth(&self) -> usize {
        self.depth.get()
    }
}
