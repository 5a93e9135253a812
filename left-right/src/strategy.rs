//! How a reader announces itself to the writer: the one seam between the read path and the
//! reader-synchronisation protocol.
//!
//! Entering a read section is "store my odd epoch, then load the readers' pointer"; the writer's
//! side is "swap the pointer, then load every epoch". Each side must not let its load overtake its
//! store (a store-load ordering, the one reordering x86-64 allows), or a reader could use the old
//! copy while the writer believes it is idle. Both sides order it with a sequentially consistent
//! fence; then either the writer's fence comes first in the fences' total order (and the reader's
//! load sees the new pointer) or the reader's does (and the writer's load sees the odd epoch).
//! A strategy decides who pays for that ordering.
//!
//! Why fences rather than a `SeqCst` store and `SeqCst` loads, which would also be correct: on
//! x86-64 both cost one locked instruction (LLVM emits `fence(SeqCst)` as `lock or` on a stack
//! slot, the `SeqCst` store as `xchg`), and loom models `fence(SeqCst)` exactly but treats
//! `SeqCst` accesses as acquire/release, so only the fenced form can be model-checked as written.

use crate::sync::{AtomicUsize, Ordering, fence};

/// The reader-synchronisation strategy of one left-right instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strategy {
    /// Both sides issue a `SeqCst` fence between their store and their load: one locked
    /// instruction per read section on x86-64, nothing extra for the writer.
    Fenced,
}

impl Strategy {
    /// Publishes a reader's odd epoch before it loads the readers' pointer.
    #[inline(always)]
    pub(crate) fn announce(self, epoch: &AtomicUsize, value: usize) {
        match self {
            Strategy::Fenced => {
                // Release, although the fence orders the store for the writer's scan: a writer
                // that later sees this value (rather than our exit's) must also see our previous
                // read section as finished, and a relaxed store would not carry that
                // happens-before edge (C++20 release sequences no longer include later plain
                // stores). Free on x86-64: a release store is a plain `mov`.
                epoch.store(value, Ordering::Release);
                fence(Ordering::SeqCst);
            }
        }
    }

    /// Runs on the writer after it swaps the pointer and before it reads reader epochs.
    #[inline]
    pub(crate) fn writer_barrier(self) {
        match self {
            Strategy::Fenced => fence(Ordering::SeqCst),
        }
    }
}
