//! The writer waiting for readers to leave the stale copy, and the handshake by which a departing
//! reader wakes a sleeping writer.
//!
//! Right after each swap the writer records every reader whose epoch is odd ("lingering"): only
//! those can still be using the copy the writer now owns. Before the writer touches that copy
//! again, it waits until each recorded epoch has changed. A reader that enters after the swap sees
//! the new pointer and is never waited for.
//!
//! Waiting first spins (most read sections last nanoseconds), then yields (on an oversubscribed
//! machine the reader may need our core to finish), then sleeps. To sleep, the writer leaves its
//! thread handle in the reader's slot and *arms* the slot; the reader checks the arm flag right
//! after its exit store and, if armed, unparks the writer. The reader's exit is a plain release
//! store followed by a plain load, which can be reordered with the writer arming the slot (a
//! store-load race no fence on the writer's side can close), so the writer sleeps with a timeout as
//! a backstop: a wake-up lost to that race costs at most the first timeout. See
//! `docs/left-right.md`, "Waiting without burning a core".

use crate::registry::{Registry, Slot};
use crate::stats::PublishStats;
use crate::sync::{Ordering, current_thread, park_timeout, spin_hint, yield_now};
use std::ptr::NonNull;
use std::time::{Duration, Instant};

/// `Slot::wake`: nobody is waiting on this reader.
pub(crate) const IDLE: usize = 0;
/// `Slot::wake`: the writer is (about to be) asleep waiting for this reader to leave.
const ARMED: usize = 1;
/// `Slot::wake`: the reader took the handshake and is unparking the writer.
const WAKING: usize = 2;

/// Busy-wait rounds before yielding; round `i` spins `2^min(i, 6)` times.
const SPIN_ROUNDS: u32 = if cfg!(loom) { 1 } else { 12 };
/// Yields before going to sleep.
const YIELDS: u32 = if cfg!(loom) { 0 } else { 8 };
/// First sleep; also the worst-case delay when a wake-up is lost to the exit race.
const FIRST_TIMEOUT: Duration = Duration::from_micros(50);
/// Longest sleep between two looks at a reader that holds its guard for a long time.
const MAX_TIMEOUT: Duration = Duration::from_millis(20);

/// Readers that may still be inside the copy the writer owns, with the epoch each had at the swap.
///
/// Owned by a `WriteHandle` and only ever filled from that handle's registry, which the handle
/// keeps alive; that is what makes the slot pointers valid.
#[derive(Debug, Default)]
pub(crate) struct Lingering {
    readers: Vec<(NonNull<Slot>, usize)>,
}

impl Lingering {
    /// Records the readers inside a read section. Call right after the swap and the strategy's
    /// writer barrier: a reader whose epoch is even here can only see the new pointer.
    pub(crate) fn snapshot(&mut self, registry: &Registry) {
        self.readers.clear();
        registry.for_each_slot(|slot| {
            // Ordered after the swap by the strategy's writer barrier, which pairs with the
            // reader's announcement fence. Acquire: a finished reader's reads of the old copy
            // happen-before our later writes to it.
            let epoch = slot.epoch.load(Ordering::Acquire);
            if epoch % 2 == 1 {
                self.readers.push((NonNull::from(slot), epoch));
            }
        });
    }

    /// Forgets the readers that have left since the swap; returns whether none remain.
    /// Never blocks.
    pub(crate) fn poll(&mut self) -> bool {
        self.readers.retain(|&(slot, seen)| {
            // SAFETY: slots come from the owning writer's registry, which outlives `self`.
            let slot = unsafe { slot.as_ref() };
            still_inside(slot, seen)
        });
        self.readers.is_empty()
    }

    /// Blocks until every recorded reader has left: spins, yields, then sleeps until the reader
    /// wakes us (or a timeout passes).
    pub(crate) fn wait(&mut self, stats: &mut PublishStats) {
        if self.poll() {
            return;
        }
        stats.waits += 1;
        let start = Instant::now();
        for (slot, seen) in self.readers.drain(..) {
            // SAFETY: slots come from the owning writer's registry, which outlives `self`.
            let slot = unsafe { slot.as_ref() };
            wait_for(slot, seen, stats);
        }
        stats.wait_time += start.elapsed();
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.readers.len()
    }
}

/// Whether the reader of `slot` is still in the read section it was in when we saw `seen`.
#[inline]
fn still_inside(slot: &Slot, seen: usize) -> bool {
    // Acquire: pairs with the reader's release store on exit, so everything it read from the
    // stale copy happens-before we modify it.
    slot.epoch.load(Ordering::Acquire) == seen
}

fn wait_for(slot: &Slot, seen: usize, stats: &mut PublishStats) {
    for round in 0..SPIN_ROUNDS {
        if !still_inside(slot, seen) {
            return;
        }
        for _ in 0..1u32 << round.min(6) {
            spin_hint();
        }
    }
    for _ in 0..YIELDS {
        if !still_inside(slot, seen) {
            return;
        }
        yield_now();
    }
    park_until_departed(slot, seen, stats);
}

fn park_until_departed(slot: &Slot, seen: usize, stats: &mut PublishStats) {
    debug_assert_eq!(slot.wake.load(Ordering::Relaxed), IDLE);
    // SAFETY: `wake` is IDLE: only this writer arms it, and it never leaves a wait with the slot
    // armed or with a reader mid-handshake (see the disarm loop below). A reader only reads
    // `waker` after moving `wake` from ARMED to WAKING, so nobody reads `waker` now.
    slot.waker
        .with_mut(|waker| unsafe { *waker = Some(current_thread()) });
    // Release (as part of SeqCst): a reader that takes the handshake sees the waker we just wrote.
    slot.wake.store(ARMED, Ordering::SeqCst);

    let mut timeout = FIRST_TIMEOUT;
    while slot.epoch.load(Ordering::SeqCst) == seen {
        stats.parks += 1;
        park_timeout(timeout);
        timeout = (timeout * 2).min(MAX_TIMEOUT);
    }

    // Disarm. If the reader holds the handshake, let it finish before we return: after this loop
    // no reader can be reading `waker`, which keeps the next `with_mut` above sound.
    loop {
        match slot
            .wake
            .compare_exchange(ARMED, IDLE, Ordering::Acquire, Ordering::Acquire)
        {
            Ok(_) => break,
            Err(IDLE) => {
                stats.reader_wakeups += 1;
                break;
            }
            Err(_) => yield_now(),
        }
    }
}

/// The reader's half of the handshake: called after the exit store when the slot looks armed.
#[cold]
#[inline(never)]
pub(crate) fn wake_writer(slot: &Slot) {
    if slot
        .wake
        .compare_exchange(ARMED, WAKING, Ordering::Acquire, Ordering::Relaxed)
        .is_ok()
    {
        slot.waker.with(|waker| {
            // SAFETY: we hold the handshake (WAKING): the writer wrote `waker` before arming,
            // which our acquire exchange synchronised with, and it does not write `waker` again
            // until it has seen the IDLE we store below.
            let waker = unsafe { &*waker };
            if let Some(writer) = waker {
                writer.unpark();
            }
        });
        slot.wake.store(IDLE, Ordering::Release);
    }
}
