//! The state shared by the writer and every reader of one left-right instance.

use crate::padded::CachePadded;
use crate::registry::Registry;
use crate::strategy::Strategy;
use crate::sync::{AtomicPtr, Ordering};
use std::fmt;

/// The readers' pointer, the reader registry and the synchronisation strategy.
///
/// `Shared` never owns the copies of `T`: the writer allocates both, swaps them through
/// `readers_copy` and frees them when it is dropped. Once the writer is gone the pointer is null.
pub(crate) struct Shared<T> {
    /// The copy readers use. Readers only load it; the writer swaps it. On its own cache lines so
    /// that reader slots and registry traffic never invalidate it.
    readers_copy: CachePadded<AtomicPtr<T>>,
    pub(crate) registry: Registry,
    pub(crate) strategy: Strategy,
    /// The address of the copy readers see first, which readers compare against to say which copy
    /// they use; 0 when both copies have the same address (zero-sized `T`).
    pub(crate) first_copy: usize,
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared")
            .field("readers_copy", &self.readers_copy.load(Ordering::Relaxed))
            .field("registry", &self.registry)
            .field("strategy", &self.strategy)
            .field("first_copy", &self.first_copy)
            .finish()
    }
}

impl<T> Shared<T> {
    /// `readers_copy` is published first; `other_copy` is the writer's. Both stay at the same
    /// addresses until the writer retires.
    pub(crate) fn new(readers_copy: *mut T, other_copy: *mut T, strategy: Strategy) -> Self {
        let first_copy = if readers_copy == other_copy {
            0
        } else {
            readers_copy as usize
        };
        Self {
            readers_copy: CachePadded::new(AtomicPtr::new(readers_copy)),
            registry: Registry::new(),
            strategy,
            first_copy,
        }
    }

    /// The pointer readers load, made after announcing their section (and the strategy's fence,
    /// which orders the two), with an acquire load: the copy's contents, written before the swap,
    /// are visible. Readers take the reference before they announce, so that only the load itself
    /// waits behind the fence.
    #[inline(always)]
    pub(crate) fn readers_pointer(&self) -> &AtomicPtr<T> {
        &self.readers_copy
    }

    /// A load outside any read section: only for checking whether the writer is gone, or by the
    /// writer itself (the only thread that ever changes the pointer).
    #[inline]
    pub(crate) fn peek(&self) -> *mut T {
        self.readers_copy.load(Ordering::Acquire)
    }

    /// The writer's swap, to be followed by the strategy's writer barrier before it reads any
    /// reader epoch. Release: readers that see `next` see its contents; acquire: we take back the
    /// old copy.
    pub(crate) fn swap(&self, next: *mut T) -> *mut T {
        self.readers_copy.swap(next, Ordering::AcqRel)
    }
}
