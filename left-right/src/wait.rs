//! The writer waiting for readers to leave the stale copy, and the handshake by which a departing
//! reader wakes a sleeping writer.
//!
//! Before the writer touches the copy it swapped out at its previous publish, it scans every
//! reader's section word: a reader outside any section, or inside one that loaded the copy readers
//! see now, cannot be using the writer's copy. The others ("lingering": inside a section that
//! loaded the writer's copy, or that has not said yet which copy it loaded) are waited for until
//! their section ends. Scanning late, rather than right after the swap, means the readers that
//! entered since the swap (almost all of them, by then) are never waited for, and the writer reads
//! each reader's cache line once per publish.
//!
//! A writer that finds lingering readers first pauses briefly without touching their cache lines
//! and looks once more: most of them were about to leave, and leave undisturbed.
//!
//! The writer must not poll the reader's epoch in a tight loop: every poll takes the cache line the
//! reader writes on each read section, so the reader would pay a cache miss per section for as long
//! as the writer waits (measured: readers run 4x slower under a polling writer). Instead the writer
//! *arms* the slot's second cache line, which the reader only reads, and spins on that line; the
//! reader, on leaving its section, sees the arm and answers on the same line. After a short spin
//! the writer sleeps, leaving its thread handle in the slot for the reader to unpark.
//!
//! The reader's exit is a plain release store followed by a plain load, which can be reordered with
//! the writer arming the slot (a store-load race that no fence on the writer's side can close), so
//! the reader may leave without seeing the arm. The writer therefore re-reads the reader's epoch
//! now and then while it spins, and sleeps with a timeout: a signal lost to that race costs at most
//! one re-check interval. See `docs/left-right.md`, "Waiting without burning a core".

use crate::registry::WakeLine;
use crate::registry::{INSIDE, KNOWN, Registry, SECOND, Slot};
use crate::stats::PublishStats;
use crate::sync::{Ordering, current_thread, park_timeout, spin_hint, yield_now};
use std::ptr::NonNull;
use std::time::{Duration, Instant};

/// `WakeLine::state`: nobody is waiting on this reader.
pub(crate) const IDLE: usize = 0;
/// The writer waits for this reader, spinning on the wake line: a departing reader says so by
/// storing `DEPARTED`.
const SPINNING: usize = 1;
/// The writer sleeps: a departing reader takes the handshake (`WAKING`), unparks the writer and
/// stores `IDLE`.
pub(crate) const PARKED: usize = 2;
/// A departing reader is unparking the writer.
const WAKING: usize = 3;
/// The reader has left the section the writer was waiting for.
const DEPARTED: usize = 4;

/// How long a writer that found lingering readers waits, touching none of their cache lines,
/// before it looks again and arms a wake line for those still inside.
///
/// Almost every section the writer finds lingering is a reader that announced its section just
/// before the writer's scan and is about to load the readers' pointer (a cache miss right after a
/// swap) and leave. Arming its wake line at once costs that reader more cache misses (it must
/// answer on the line, and the writer disarms it), so the writer first lets it finish undisturbed.
/// With one reader doing `get_one` and a writer publishing after every write, 98-99.7% of waits
/// end at the second look (`publish_probe`), and the reader reads 21-48% more for a writer 9-21%
/// slower; of the pauses tried (0, 150, 400 ns), 400 ns gave the reader the most. The runs are in
/// `docs/benchmarks.md`, "Floors". Longer sections pay the pause once and are then waited for as
/// before.
const QUIET_FOR: Duration = Duration::from_nanos(400);

/// Spin iterations between two re-reads of the reader's epoch while spinning.
const SPINS_PER_CHECK: u32 = if cfg!(loom) { 1 } else { 64 };
/// How long the writer spins before it sleeps.
const SPIN_FOR: Duration = Duration::from_micros(5);
/// Re-checks while spinning under loom (which has no clock worth consulting).
const LOOM_SPIN_CHECKS: u32 = 1;
/// First sleep; also the worst-case delay when a signal is lost to the exit race while sleeping.
const FIRST_TIMEOUT: Duration = Duration::from_micros(50);
/// Longest sleep between two looks at a reader that holds its guard for a long time.
const MAX_TIMEOUT: Duration = Duration::from_millis(20);

/// Readers that may still be inside the copy the writer owns, with the section word each had when
/// the writer looked.
///
/// Owned by a `WriteHandle` and only ever filled from that handle's registry, which the handle
/// keeps alive; that is what makes the slot pointers valid.
#[derive(Debug)]
pub(crate) struct Lingering {
    readers: Vec<(NonNull<Slot>, usize)>,
    /// The scan that found them.
    scan: Scan,
}

impl Default for Lingering {
    fn default() -> Self {
        Self {
            readers: Vec::new(),
            scan: Scan::Everyone,
        }
    }
}

/// Which readers a scan must wait for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scan {
    /// Readers that may be in the writer's copy: all readers inside a section, except those whose
    /// section says it loaded the readers' copy, whose tag (`Shared::copy_tag`) is `readers_tag`.
    WritersCopy { readers_tag: usize },
    /// Every reader inside a section (both copies are about to be freed).
    Everyone,
}

impl Lingering {
    /// Records the readers that may be inside the copy the writer is about to modify (or free).
    ///
    /// Must run after the swap that made the other copy the readers' copy and the strategy's
    /// writer barrier that followed it: a section this scan finds outside, or on the readers'
    /// copy, cannot be in the writer's copy (docs/left-right.md, "Which copy a section uses").
    pub(crate) fn scan(&mut self, registry: &Registry, scan: Scan) {
        self.readers.clear();
        self.scan = scan;
        registry.for_each_slot(|slot| {
            // Acquire: a finished section's reads happen-before our later writes to its copy.
            let word = slot.epoch().load(Ordering::Acquire);
            if may_use_writers_copy(word, scan) {
                self.readers.push((NonNull::from(slot), word));
            }
        });
    }

    /// Forgets the readers that have left since the swap; returns whether none remain.
    /// Never blocks.
    pub(crate) fn poll(&mut self) -> bool {
        let scan = self.scan;
        self.readers.retain(|&(slot, seen)| {
            // SAFETY: slots come from the owning writer's registry, which outlives `self`.
            let slot = unsafe { slot.as_ref() };
            still_inside(slot, seen, scan)
        });
        self.readers.is_empty()
    }

    /// Blocks until every recorded reader has left.
    ///
    /// First a quiet pause (`QUIET_FOR`) that touches no reader's cache line, and one more look;
    /// only readers still inside after that get their wake line armed, spun on, and finally slept
    /// on until the reader wakes us (or a timeout passes).
    pub(crate) fn wait(&mut self, stats: &mut PublishStats) {
        if self.poll() {
            return;
        }
        stats.waits += 1;
        let start = Instant::now();
        pause_quietly();
        if self.poll() {
            stats.quiet_waits += 1;
        } else {
            let scan = self.scan;
            for (slot, seen) in self.readers.drain(..) {
                // SAFETY: slots come from the owning writer's registry, which outlives `self`.
                let slot = unsafe { slot.as_ref() };
                wait_for(slot, seen, scan, stats);
            }
        }
        stats.wait_time += start.elapsed();
    }

    #[cfg(all(test, not(loom)))]
    pub(crate) fn len(&self) -> usize {
        self.readers.len()
    }
}

/// Waits `QUIET_FOR` without reading any reader's cache line.
///
/// Under loom there is no time to let pass: the pause is one yield, so the checker still explores
/// readers leaving (or not) before the second look.
fn pause_quietly() {
    #[cfg(loom)]
    spin_hint();
    #[cfg(not(loom))]
    {
        let until = Instant::now() + QUIET_FOR;
        while Instant::now() < until {
            spin_hint();
        }
    }
}

/// Whether a section word says the reader may be using the copy the writer wants.
#[inline]
fn may_use_writers_copy(word: usize, scan: Scan) -> bool {
    if word & INSIDE == 0 {
        return false;
    }
    match scan {
        Scan::Everyone => true,
        // A section that has not said which copy it uses (or cannot: `KNOWN` never set) may be
        // in either; one that names the readers' copy is not in the writer's.
        Scan::WritersCopy { readers_tag } => {
            word & KNOWN == 0 || word & (KNOWN | SECOND) != readers_tag
        }
    }
}

/// Whether the reader of `slot` is still in the section it was in when we saw `seen`, and that
/// section may still be using the writer's copy. (A section that had not yet said which copy it
/// loaded may since have said it is on the readers' copy.)
#[inline]
fn still_inside(slot: &Slot, seen: usize, scan: Scan) -> bool {
    // Acquire: pairs with the reader's release store on exit, so everything it read from the
    // stale copy happens-before we modify it.
    let now = slot.epoch().load(Ordering::Acquire);
    let same_section = now & !(KNOWN | SECOND) == seen & !(KNOWN | SECOND);
    same_section && may_use_writers_copy(now, scan)
}

/// Waits for one reader: spin on the armed wake line, then sleep.
///
/// The spin is short (`SPIN_FOR`) and there is no yield phase in between: measured with one writer
/// and two readers on two cores (oversubscribed), a writer that spins or yields for long keeps
/// using its share of the CPU, and when the reader it waits for has been preempted inside its
/// section, the writer then waits a whole scheduler time slice (~4 ms) to be run again after the
/// reader wakes it; sleeping early keeps it a light sleeper the scheduler runs promptly.
fn wait_for(slot: &Slot, seen: usize, scan: Scan, stats: &mut PublishStats) {
    if !still_inside(slot, seen, scan) {
        return;
    }
    let line = &slot.wake_line;
    debug_assert_eq!(line.state.load(Ordering::Relaxed), IDLE);
    line.state.store(SPINNING, Ordering::SeqCst);
    if !spin_until_departed(slot, seen, scan) {
        park_until_departed(slot, seen, scan, stats);
    }
    disarm(line, stats);
}

/// Spins on the wake line (which only the departing reader writes), re-reading the reader's epoch
/// now and then in case its exit raced with the arming. Returns whether the reader left.
fn spin_until_departed(slot: &Slot, seen: usize, scan: Scan) -> bool {
    let line = &slot.wake_line;
    let started = (!cfg!(loom)).then(Instant::now);
    let mut checks = 0;
    loop {
        for _ in 0..SPINS_PER_CHECK {
            // Acquire: pairs with the reader's release exchange to DEPARTED, which follows its
            // exit store.
            if line.state.load(Ordering::Acquire) == DEPARTED {
                return true;
            }
            spin_hint();
        }
        if !still_inside(slot, seen, scan) {
            return true;
        }
        checks += 1;
        let spun_enough = match started {
            Some(started) => started.elapsed() >= SPIN_FOR,
            None => checks >= LOOM_SPIN_CHECKS,
        };
        if spun_enough {
            break;
        }
    }
    false
}

/// Sleeps until the reader leaves: hands the reader our thread handle and moves the line from
/// SPINNING to PARKED, so that a departing reader unparks us.
fn park_until_departed(slot: &Slot, seen: usize, scan: Scan, stats: &mut PublishStats) {
    let line = &slot.wake_line;
    line.waker.with_mut(|waker| {
        // SAFETY: the state is SPINNING or DEPARTED (no reader holds the line); readers read
        // `waker` only after moving PARKED to WAKING, and we set PARKED below, after this write.
        unsafe { *waker = Some(current_thread()) }
    });
    // Release: a reader that takes the handshake sees the waker written above.
    if line
        .state
        .compare_exchange(SPINNING, PARKED, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        // The reader left (DEPARTED) in the meantime.
        return;
    }
    let mut timeout = FIRST_TIMEOUT;
    while still_inside(slot, seen, scan) {
        stats.parks += 1;
        park_timeout(timeout);
        timeout = (timeout * 2).min(MAX_TIMEOUT);
    }
}

/// Returns the wake line to IDLE. If the reader holds the handshake, lets it finish first: after
/// this no reader can be reading `waker`, which keeps the next write to it sound.
fn disarm(line: &WakeLine, stats: &mut PublishStats) {
    loop {
        match line.state.load(Ordering::Acquire) {
            IDLE => {
                // The reader took the handshake, unparked us and finished with it.
                stats.reader_wakeups += 1;
                return;
            }
            DEPARTED => {
                stats.reader_wakeups += 1;
                // A reader never touches a DEPARTED line, so a plain store suffices.
                line.state.store(IDLE, Ordering::Relaxed);
                return;
            }
            WAKING => yield_now(),
            armed => {
                if line
                    .state
                    .compare_exchange(armed, IDLE, Ordering::Acquire, Ordering::Acquire)
                    .is_ok()
                {
                    return;
                }
            }
        }
    }
}

/// The reader's half of the handshake: called after the exit store when the wake line is armed.
#[cold]
#[inline(never)]
pub(crate) fn wake_writer(slot: &Slot, mut state: usize) {
    let line = &slot.wake_line;
    loop {
        let next = match state {
            // Release: our exit store and our reads happen-before the writer's acquire load.
            SPINNING => line.state.compare_exchange(
                SPINNING,
                DEPARTED,
                Ordering::Release,
                Ordering::Relaxed,
            ),
            PARKED => {
                match line.state.compare_exchange(
                    PARKED,
                    WAKING,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        line.waker.with(|waker| {
                            // SAFETY: we hold the handshake (WAKING); the writer wrote `waker`
                            // before its release exchange to PARKED, which we acquired, and
                            // writes it again only after it sees the IDLE we store below.
                            let waker = unsafe { &*waker };
                            if let Some(writer) = waker {
                                writer.unpark();
                            }
                        });
                        line.state.store(IDLE, Ordering::Release);
                        // Hand the processor to the writer we just woke. This path runs only when
                        // the writer gave up spinning on us, which on a machine with more runnable
                        // threads than cores means we were probably preempted inside our section
                        // while it waited; without the yield it may wait a whole time slice more
                        // to be scheduled (measured: 60k publishes/s instead of 500k with two
                        // readers and a writer on two cores).
                        yield_now();
                        return;
                    }
                    Err(now) => Err(now),
                }
            }
            // IDLE, WAKING, DEPARTED: nobody needs us.
            _ => return,
        };
        match next {
            Ok(_) => return,
            Err(now) => state = now,
        }
    }
}
