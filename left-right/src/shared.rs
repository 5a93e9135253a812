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
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared")
            .field("readers_copy", &self.readers_copy.load(Ordering::Relaxed))
            .field("registry", &self.registry)
            .field("strategy", &self.strategy)
            .finish()
    }
}

impl<T> Shared<T> {
    pub(crate) fn new(readers_copy: *mut T, strategy: Strategy) -> Self {
        Self {
            readers_copy: CachePadded::new(AtomicPtr::new(readers_copy)),
            registry: Registry::new(),
            strategy,
        }
    }

    /// The reader's load, made after announcing its odd epoch (and the strategy's fence, which
    /// orders the two). Acquire: the copy's contents, written before the swap, are visible.
    #[inline(always)]
    pub(crate) fn load_for_reader(&self) -> *mut T {
        self.readers_copy.load(Ordering::Acquire)
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
