//! A global allocator that counts the heap bytes in use, to measure what a data structure holds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes currently allocated through it.
pub(crate) struct Counting {
    live: AtomicUsize,
}

impl Counting {
    pub(crate) const fn new() -> Self {
        Self {
            live: AtomicUsize::new(0),
        }
    }

    /// The heap bytes allocated and not yet freed, by every thread.
    pub(crate) fn live(&self) -> usize {
        self.live.load(Ordering::SeqCst)
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments, so `System`'s guarantees
// are ours; the counter is only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            self.live.fetch_add(layout.size(), Ordering::SeqCst);
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from `alloc`/`realloc` above, that is from `System`, with `layout`.
        unsafe { System.dealloc(block, layout) };
        self.live.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; `new_size` is the caller's, under `realloc`'s contract.
        let moved = unsafe { System.realloc(block, layout, new_size) };
        if !moved.is_null() {
            self.live.fetch_add(new_size, Ordering::SeqCst);
            self.live.fetch_sub(layout.size(), Ordering::SeqCst);
        }
        moved
    }
}

/// How many heap bytes the value `build` returns holds (what was allocated while building it and
/// is still allocated), measured before dropping it. Assumes nothing else allocates meanwhile.
pub(crate) fn held_by<R>(counter: &Counting, build: impl FnOnce() -> R) -> usize {
    let before = counter.live();
    let built = build();
    let held = counter.live().saturating_sub(before);
    drop(built);
    held
}
