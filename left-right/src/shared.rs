//! The state shared by the writer and every reader of one left-right instance.

use crate::padded::CachePadded;
use crate::registry::{KNOWN, Registry, SECOND};
use crate::strategy::ReadStrategy;
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
    pub(crate) strategy: ReadStrategy,
    /// Which address bit tells the two copies apart (see [`Shared::copy_tag`]).
    tag_shift: u32,
    /// `KNOWN`, or 0 when the copies cannot be told apart by address (zero-sized `T`, where both
    /// boxes share one dangling address): then sections never say which copy they use.
    tag_known: usize,
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared")
            .field("readers_copy", &self.readers_copy.load(Ordering::Relaxed))
            .field("registry", &self.registry)
            .field("strategy", &self.strategy)
            .field("tag_shift", &self.tag_shift)
            .field("tag_known", &self.tag_known)
            .finish()
    }
}

impl<T> Shared<T> {
    /// `readers_copy` is published first; `other_copy` is the writer's. Both stay at the same
    /// addresses until the writer retires. `strategy` is what was asked for; the instance gets
    /// what this system supports (see `ReadStrategy::resolve`).
    pub(crate) fn new(readers_copy: *mut T, other_copy: *mut T, strategy: ReadStrategy) -> Self {
        let differing = readers_copy as usize ^ other_copy as usize;
        let (tag_shift, tag_known) = if differing == 0 {
            (0, 0)
        } else {
            (differing.trailing_zeros(), KNOWN)
        };
        Self {
            readers_copy: CachePadded::new(AtomicPtr::new(readers_copy)),
            registry: Registry::new(),
            strategy: strategy.resolve(),
            tag_shift,
            tag_known,
        }
    }

    /// The bits a section word carries to say it loaded the copy at `copy`: `KNOWN` plus the
    /// lowest address bit in which the two copies differ (as `SECOND`), computed without a branch
    /// on the read path. Zero when copies cannot be told apart, which leaves `KNOWN` unset.
    #[inline(always)]
    pub(crate) fn copy_tag(&self, copy: usize) -> usize {
        copy_tag(copy, self.tag_shift, self.tag_known)
    }

    /// What a reader needs to compute [`Shared::copy_tag`] without touching shared state: the
    /// bit's position, and `KNOWN` or 0.
    pub(crate) fn tag_parameters(&self) -> (u32, usize) {
        (self.tag_shift, self.tag_known)
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

/// See [`Shared::copy_tag`]. `SECOND` is bit 2, so the address bit is moved there.
#[inline(always)]
pub(crate) fn copy_tag(copy: usize, shift: u32, known: usize) -> usize {
    const _: () = assert!(SECOND == 1 << 2);
    known | ((copy >> shift) & 1) << 2
}
