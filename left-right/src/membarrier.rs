//! The writer's heavy barrier for the asymmetric strategy: Linux's `membarrier(2)` with
//! `MEMBARRIER_CMD_PRIVATE_EXPEDITED`, which makes every running thread of the process execute a
//! full memory barrier (by interrupting it) before the call returns.
//!
//! Availability is detected once per process: the kernel must support the command (Linux 4.14+),
//! the process must be allowed to register for it (seccomp filters may forbid the syscall), and
//! `LEFT_RIGHT_NO_MEMBARRIER` must not be set in the environment (a way to force the fallback).
//! Under loom and Miri the barrier is modelled by a `SeqCst` fence instead (see `strategy.rs`), so
//! it counts as available there.

#[cfg(all(target_os = "linux", not(loom), not(miri)))]
mod linux {
    use std::sync::atomic::{AtomicU8, Ordering};

    // Command numbers from <linux/membarrier.h> (kernel ABI, stable).
    const CMD_QUERY: libc::c_int = 0;
    const CMD_PRIVATE_EXPEDITED: libc::c_int = 1 << 3;
    const CMD_REGISTER_PRIVATE_EXPEDITED: libc::c_int = 1 << 4;

    const UNKNOWN: u8 = 0;
    const AVAILABLE: u8 = 1;
    const UNAVAILABLE: u8 = 2;

    static STATE: AtomicU8 = AtomicU8::new(UNKNOWN);

    fn membarrier(cmd: libc::c_int) -> libc::c_long {
        // SAFETY: membarrier(2) takes a command, flags and a CPU id (unused here) by value and
        // touches no memory of ours; an unsupported command fails with an error code.
        unsafe {
            libc::syscall(
                libc::SYS_membarrier,
                cmd,
                0 as libc::c_uint,
                0 as libc::c_int,
            )
        }
    }

    fn detect() -> bool {
        if std::env::var_os("LEFT_RIGHT_NO_MEMBARRIER").is_some() {
            return false;
        }
        let supported = membarrier(CMD_QUERY);
        let needed = (CMD_PRIVATE_EXPEDITED | CMD_REGISTER_PRIVATE_EXPEDITED) as libc::c_long;
        supported >= 0
            && supported & needed == needed
            && membarrier(CMD_REGISTER_PRIVATE_EXPEDITED) == 0
    }

    pub(crate) fn available() -> bool {
        match STATE.load(Ordering::Acquire) {
            AVAILABLE => true,
            UNAVAILABLE => false,
            _ => {
                // Racing first calls may both detect; registering twice is harmless.
                let state = if detect() { AVAILABLE } else { UNAVAILABLE };
                STATE.store(state, Ordering::Release);
                state == AVAILABLE
            }
        }
    }

    pub(crate) fn barrier() {
        if membarrier(CMD_PRIVATE_EXPEDITED) != 0 {
            // The process registered when `available` returned true, so the kernel cannot
            // refuse. If it ever did, readers relying on this barrier would be unprotected:
            // stopping is the only safe answer.
            eprintln!("left-right: membarrier(PRIVATE_EXPEDITED) failed after registration");
            std::process::abort();
        }
    }
}

#[cfg(all(target_os = "linux", not(loom), not(miri)))]
pub(crate) use linux::{available, barrier};

/// Without `membarrier` (other systems), the asymmetric strategy is never available.
#[cfg(all(not(target_os = "linux"), not(loom), not(miri)))]
pub(crate) fn available() -> bool {
    false
}

#[cfg(all(not(target_os = "linux"), not(loom), not(miri)))]
pub(crate) fn barrier() {
    unreachable!("the asymmetric strategy is only selected where membarrier is available")
}

/// Under loom and Miri the heavy barrier is modelled as a `SeqCst` fence (and so is the light one).
#[cfg(any(loom, miri))]
pub(crate) fn available() -> bool {
    true
}

#[cfg(any(loom, miri))]
pub(crate) fn barrier() {
    crate::sync::fence(crate::sync::Ordering::SeqCst);
}
