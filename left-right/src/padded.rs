//! Keeps a value on cache lines of its own.

use std::ops::Deref;

/// Aligns and pads `T` so that no other frequently written data shares its cache lines.
///
/// 128 bytes rather than 64: on x86-64 the spatial prefetcher pulls cache lines in pairs, so two
/// values 64 bytes apart still interfere (crossbeam and the Linux kernel pad the same way).
#[derive(Debug, Default)]
#[repr(align(128))]
pub(crate) struct CachePadded<T>(T);

impl<T> CachePadded<T> {
    pub(crate) const fn new(value: T) -> Self {
        Self(value)
    }
}

impl<T> Deref for CachePadded<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}
