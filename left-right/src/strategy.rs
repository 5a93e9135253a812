//! How a reader announces itself to the writer: the one seam between the read path and the
//! reader-synchronisation protocol.
//!
//! Entering a read section is "store my section word, then load the readers' pointer"; the writer's
//! side is "swap the pointer, then (later) load every section word". Each side must not let its
//! load overtake its store (a store-load ordering, the one reordering x86-64 allows), or a reader
//! could use the old copy while the writer believes it is elsewhere. Both sides order it with a
//! sequentially consistent fence; then either the writer's fence comes first in the fences' total
//! order (and the reader's load sees the new pointer) or the reader's does (and the writer's load
//! sees the section). A strategy decides who pays for that ordering.
//!
//! Why fences rather than a `SeqCst` store and `SeqCst` loads, which would also be correct: on
//! x86-64 both cost one locked instruction (LLVM emits `fence(SeqCst)` as `lock or` on a stack
//! slot, the `SeqCst` store as `xchg`, measured slower here), and loom models `fence(SeqCst)`
//! exactly but treats `SeqCst` accesses as acquire/release, so only the fenced form can be
//! model-checked as written.

use crate::membarrier;
use crate::sync::{AtomicUsize, Ordering, fence};

/// How readers and the writer order a reader's announcement against the writer's pointer swap.
///
/// Chosen when a left-right instance is created ([`Options::read_strategy`]); every handle of the
/// instance uses it. Both strategies give exactly the same guarantees; they differ in who pays.
///
/// [`Options::read_strategy`]: crate::Options::read_strategy
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadStrategy {
    /// Each read section pays one full fence (one locked instruction on x86-64, a few
    /// nanoseconds); publishing costs the writer nothing extra. The default.
    #[default]
    Fenced,
    /// Read sections pay no fence at all: the reader's announcement is a plain store. The writer
    /// pays instead, with one process-wide barrier per publish (Linux `membarrier`, several
    /// microseconds, more with more threads running), so reads get cheaper and publishing much
    /// dearer. Worth it when reads vastly outnumber publishes, e.g. when the writer publishes in
    /// batches rather than after every write.
    ///
    /// Needs Linux 4.14 or later and a process allowed to call `membarrier` (seccomp filters may
    /// forbid it); elsewhere, or with `LEFT_RIGHT_NO_MEMBARRIER` set in the environment, asking for
    /// it gives [`ReadStrategy::Fenced`] ([`WriteHandle::read_strategy`] says which one is active).
    ///
    /// [`WriteHandle::read_strategy`]: crate::WriteHandle::read_strategy
    Asymmetric,
}

impl ReadStrategy {
    /// The strategy an instance asking for `self` gets on this system.
    pub(crate) fn resolve(self) -> ReadStrategy {
        match self {
            ReadStrategy::Asymmetric if membarrier::available() => ReadStrategy::Asymmetric,
            _ => ReadStrategy::Fenced,
        }
    }

    /// Publishes a reader's section word before it loads the readers' pointer.
    #[inline(always)]
    pub(crate) fn announce(self, epoch: &AtomicUsize, value: usize) {
        // Release, although the fence (or the writer's barrier) orders the store for the
        // writer's scan: a writer that later sees this value (rather than our exit's) must also
        // see our previous read section as finished, and a relaxed store would not carry that
        // happens-before edge (C++20 release sequences no longer include later plain stores).
        // Free on x86-64: a release store is a plain `mov`.
        epoch.store(value, Ordering::Release);
        match self {
            ReadStrategy::Fenced => fence(Ordering::SeqCst),
            ReadStrategy::Asymmetric => light_barrier(),
        }
    }

    /// Runs on the writer after it swaps the pointer and before it next reads section words.
    #[inline]
    pub(crate) fn writer_barrier(self) {
        match self {
            ReadStrategy::Fenced => fence(Ordering::SeqCst),
            ReadStrategy::Asymmetric => membarrier::barrier(),
        }
    }
}

/// The reader's half of an asymmetric fence: it only stops the compiler from reordering; the
/// writer's `membarrier` makes the processor's reordering impossible to observe. loom and Miri
/// cannot model `membarrier`, so there both halves are modelled as `SeqCst` fences, which is the
/// guarantee the pair provides.
#[inline(always)]
fn light_barrier() {
    #[cfg(any(loom, miri))]
    fence(Ordering::SeqCst);
    #[cfg(not(any(loom, miri)))]
    crate::sync::compiler_fence(Ordering::SeqCst);
}
