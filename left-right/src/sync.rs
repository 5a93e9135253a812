//! The one place the crate gets its synchronisation primitives from.
//!
//! Under `cfg(loom)` every atomic, `Arc`, `UnsafeCell`, fence and thread operation comes from loom,
//! so the model checker sees (and permutes) every step of the protocol. Nothing else in the crate
//! names `std::sync` or `std::thread` directly.

#[cfg(loom)]
pub(crate) use loom::{
    cell::UnsafeCell,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicPtr, AtomicUsize, fence},
    },
    thread::{Thread, current as current_thread},
};

#[cfg(not(loom))]
pub(crate) use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicPtr, AtomicUsize, fence},
    },
    thread::{Thread, current as current_thread},
};

pub(crate) use std::sync::atomic::Ordering;

/// Only the asymmetric strategy's light barrier uses it, and only where `membarrier` is real.
#[cfg(not(any(loom, miri)))]
pub(crate) use std::sync::atomic::compiler_fence;

/// Gives up the processor while busy-waiting.
///
/// Under loom this must be a yield, or the model checker would explore an unbounded spin.
#[inline]
pub(crate) fn spin_hint() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    std::hint::spin_loop();
}

/// Lets other threads of the process run before we look again.
#[inline]
pub(crate) fn yield_now() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    std::thread::yield_now();
}

/// Sleeps until unparked or until `timeout` passes (possibly spuriously earlier).
///
/// loom has no timed park. A timed park is allowed to return at any moment, so a yield is a
/// faithful model of it: loom then explores both "woken by the reader" and "timed out" outcomes.
#[inline]
pub(crate) fn park_timeout(timeout: std::time::Duration) {
    #[cfg(loom)]
    {
        let _ = timeout;
        loom::thread::yield_now();
    }
    #[cfg(not(loom))]
    std::thread::park_timeout(timeout);
}

/// `UnsafeCell` with loom's closure-based access API, so the same code compiles in both worlds
/// and loom can check that accesses through it never race.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T>(std::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    pub(crate) const fn new(value: T) -> Self {
        Self(std::cell::UnsafeCell::new(value))
    }

    #[inline]
    pub(crate) fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.0.get())
    }

    #[inline]
    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.0.get())
    }
}
