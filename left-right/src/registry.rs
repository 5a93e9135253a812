//! The registry of reader slots.
//!
//! Every live read handle owns one [`Slot`]: a cache-padded word that only that handle writes on
//! its read path, so readers never contend with each other or with the writer's bookkeeping. The
//! writer scans all slots before it reuses the copy it swapped out.
//!
//! Slots live in fixed-size chunks on an append-only, lock-free linked list. A handle claims a free
//! slot with a compare-and-swap (or appends a chunk if every slot is taken) and frees it again when
//! it is dropped. Chunks are only deallocated when the registry itself is dropped, so a pointer to a
//! slot stays valid for as long as the registry lives. Registering and deregistering therefore
//! never take a lock and can never wait for the writer, whatever the writer is doing.

use crate::padded::CachePadded;
use crate::sync::{AtomicBool, AtomicPtr, AtomicUsize, Ordering, Thread, UnsafeCell};
use std::ptr::{self, NonNull};

/// Slots per chunk. Small under loom so that models exercise appending chunks.
const SLOTS_PER_CHUNK: usize = if cfg!(loom) { 2 } else { 16 };

/// The state one read handle shares with the writer, on two cache-line pairs: the epoch, which the
/// reader writes on every read section, and the wake handshake, which the reader only reads (on
/// leaving a section) until the writer asks to be told. A writer waiting for a reader spins on the
/// second line, so its waiting never steals the line the reader writes.
#[derive(Debug)]
#[repr(C)]
pub(crate) struct Slot {
    reader_line: ReaderLine,
    pub(crate) wake_line: WakeLine,
}

/// `epoch` bit: the reader is inside a read section.
pub(crate) const INSIDE: usize = 1;
/// `epoch` bit: the copy this section loaded is known (set by the outermost `enter` once it has
/// loaded the readers' pointer).
pub(crate) const KNOWN: usize = 2;
/// `epoch` bit, meaningful with `KNOWN`: which copy the section loaded (the value of the lowest
/// address bit in which the two copies differ, see `Shared::copy_tag`).
pub(crate) const SECOND: usize = 4;
/// `epoch` increment per read section (the bits above the flags count sections).
pub(crate) const SECTION: usize = 8;

/// 128-byte aligned, like `CachePadded`: the x86-64 spatial prefetcher fetches 64-byte lines in
/// pairs, so the two halves of the slot get a pair each.
#[derive(Debug)]
#[repr(C, align(128))]
struct ReaderLine {
    /// The reader's section word: a count of read sections (in units of `SECTION`), `INSIDE`
    /// while in one, and `KNOWN`/`SECOND` saying which copy the section uses. Only the owning
    /// handle writes it; the count only grows (wrapping after 2^61 sections on 64-bit targets,
    /// 2^29 on 32-bit ones, which could only make the writer wait longer, never less).
    epoch: AtomicUsize,
    /// Whether a read handle currently owns this slot.
    claimed: AtomicBool,
}

/// The writer/reader wake handshake (see `wait.rs`).
#[derive(Debug)]
#[repr(C, align(128))]
pub(crate) struct WakeLine {
    /// The handshake state.
    pub(crate) state: AtomicUsize,
    /// The thread to unpark; written by the writer only while no reader may read it, read by the
    /// reader only while it holds the handshake (see `wait.rs`).
    pub(crate) waker: UnsafeCell<Option<Thread>>,
}

impl Slot {
    fn new() -> Self {
        Self {
            reader_line: ReaderLine {
                epoch: AtomicUsize::new(0),
                claimed: AtomicBool::new(false),
            },
            wake_line: WakeLine {
                state: AtomicUsize::new(0),
                waker: UnsafeCell::new(None),
            },
        }
    }

    /// The reader's epoch (see `ReaderLine::epoch`).
    #[inline(always)]
    pub(crate) fn epoch(&self) -> &AtomicUsize {
        &self.reader_line.epoch
    }

    fn claimed(&self) -> &AtomicBool {
        &self.reader_line.claimed
    }
}

struct Chunk {
    slots: [CachePadded<Slot>; SLOTS_PER_CHUNK],
    next: AtomicPtr<Chunk>,
}

impl Chunk {
    fn new() -> Self {
        Self {
            slots: std::array::from_fn(|_| CachePadded::new(Slot::new())),
            next: AtomicPtr::new(ptr::null_mut()),
        }
    }
}

/// An append-only list of reader slots.
pub(crate) struct Registry {
    head: AtomicPtr<Chunk>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut claimed = 0;
        let mut total = 0;
        self.for_each_chunk(|chunk| {
            total += SLOTS_PER_CHUNK;
            claimed += chunk
                .slots
                .iter()
                .filter(|s| s.claimed().load(Ordering::Relaxed))
                .count();
        });
        f.debug_struct("Registry")
            .field("claimed", &claimed)
            .field("slots", &total)
            .finish()
    }
}

impl Registry {
    pub(crate) fn new() -> Self {
        Self {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }

    /// Claims a free slot, appending a chunk if every slot is taken. Never blocks.
    ///
    /// The returned pointer is valid until the registry is dropped. The slot is not inside a read
    /// section.
    pub(crate) fn claim(&self) -> NonNull<Slot> {
        let mut link = &self.head;
        loop {
            // Acquire: see the chunk's initialised slots. A writer scan that misses a chunk we
            // append is harmless: the append is sequenced before our first read section's fence,
            // so if the writer's scan (after its own fence) missed it, our fence came later in the
            // fences' total order and our first load sees the writer's new pointer
            // (docs/left-right.md, "Registration").
            let mut chunk = link.load(Ordering::Acquire);
            if chunk.is_null() {
                let fresh = Box::new(Chunk::new());
                // Nobody else can see `fresh` yet, so claiming its first slot cannot race.
                fresh.slots[0].claimed().store(true, Ordering::Relaxed);
                let fresh = Box::into_raw(fresh);
                match link.compare_exchange(
                    ptr::null_mut(),
                    fresh,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                ) {
                    Ok(_) => {
                        // SAFETY: `fresh` came from `Box::into_raw` and is now owned by the list,
                        // which frees chunks only in `Drop for Registry`.
                        let slot: &Slot = unsafe { &(*fresh).slots[0] };
                        return NonNull::from(slot);
                    }
                    Err(existing) => {
                        // SAFETY: the exchange failed, so `fresh` was never shared; we still own it.
                        drop(unsafe { Box::from_raw(fresh) });
                        chunk = existing;
                    }
                }
            }
            // SAFETY: non-null links point to chunks that stay allocated until the registry drops,
            // and `&self` keeps the registry alive.
            let chunk = unsafe { &*chunk };
            for slot in &chunk.slots {
                if !slot.claimed().load(Ordering::Relaxed)
                    && slot
                        .claimed()
                        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                        .is_ok()
                {
                    return NonNull::from(&**slot);
                }
            }
            link = &chunk.next;
        }
    }

    /// Returns a slot to the pool.
    ///
    /// # Safety
    ///
    /// `slot` must have been returned by [`Registry::claim`] on this registry, must not have been
    /// released since, must not be inside a read section, and the caller must not use it
    /// afterwards.
    pub(crate) unsafe fn release(&self, slot: NonNull<Slot>) {
        // SAFETY: the caller guarantees `slot` came from this registry, whose chunks are alive.
        let slot = unsafe { slot.as_ref() };
        debug_assert_eq!(slot.epoch().load(Ordering::Relaxed) & INSIDE, 0);
        // Release: the next owner's claim (Acquire) sees our final epoch value.
        slot.claimed().store(false, Ordering::Release);
    }

    /// Calls `f` on every slot, claimed or not, including slots claimed while the scan runs
    /// (those in chunks appended before the scan reaches the end of the list).
    ///
    /// Unclaimed slots are never inside a read section, so the writer does not need to tell them
    /// apart.
    pub(crate) fn for_each_slot(&self, mut f: impl FnMut(&Slot)) {
        self.for_each_chunk(|chunk| chunk.slots.iter().for_each(|slot| f(slot)));
    }

    fn for_each_chunk(&self, mut f: impl FnMut(&Chunk)) {
        // Acquire: pairs with the append in `claim` (see there for why a missed chunk is fine).
        let mut chunk = self.head.load(Ordering::Acquire);
        while !chunk.is_null() {
            // SAFETY: chunks stay allocated until the registry drops; `&self` keeps it alive.
            let current = unsafe { &*chunk };
            f(current);
            chunk = current.next.load(Ordering::Acquire);
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let mut chunk = self.head.load(Ordering::Acquire);
        while !chunk.is_null() {
            // SAFETY: `&mut self` means no handle can still use the registry, every non-null link
            // came from `Box::into_raw` in `claim`, and each chunk is linked exactly once.
            let owned = unsafe { Box::from_raw(chunk) };
            chunk = owned.next.load(Ordering::Acquire);
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn claims_are_distinct_and_reused_after_release() {
        let registry = Registry::new();
        let slots: Vec<_> = (0..SLOTS_PER_CHUNK * 2 + 1)
            .map(|_| registry.claim())
            .collect();
        let mut addresses: Vec<_> = slots.iter().map(|s| s.as_ptr() as usize).collect();
        addresses.sort_unstable();
        addresses.dedup();
        assert_eq!(addresses.len(), slots.len(), "a slot was handed out twice");

        // SAFETY: each slot came from `claim`, is released once and not used again.
        unsafe { registry.release(slots[3]) };
        assert_eq!(
            registry.claim(),
            slots[3],
            "a released slot is reused first"
        );

        let mut seen = 0;
        registry.for_each_slot(|_| seen += 1);
        assert_eq!(seen, SLOTS_PER_CHUNK * 3);
    }

    #[test]
    fn concurrent_claims_never_share_a_slot() {
        let registry = std::sync::Arc::new(Registry::new());
        let threads = if cfg!(miri) { 3 } else { 8 };
        let per_thread = if cfg!(miri) { 10 } else { 200 };
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let registry = std::sync::Arc::clone(&registry);
                std::thread::spawn(move || {
                    (0..per_thread)
                        .map(|_| registry.claim().as_ptr() as usize)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        let claimed = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), claimed);
    }
}
