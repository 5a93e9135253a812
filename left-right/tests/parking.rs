//! Guarantee 4: the writer waits for a lingering reader without burning a core — it spins briefly,
//! then sleeps, and the departing reader wakes it.

mod common;

use common::{Add, Counter, NO_DEADLOCK, within};
use std::thread;
use std::time::Duration;

/// CPU time consumed by the calling thread.
fn thread_cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: `getrusage` fills the struct it is given; RUSAGE_THREAD is valid on Linux.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_THREAD, usage.as_mut_ptr()) };
    assert_eq!(rc, 0);
    // SAFETY: initialised by the successful call above.
    let usage = unsafe { usage.assume_init() };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}

#[test]
#[cfg_attr(miri, ignore = "reads the thread's CPU time through FFI")]
fn a_waiting_writer_sleeps_and_the_reader_wakes_it() {
    const HOLD: Duration = Duration::from_millis(400);
    within(NO_DEADLOCK, || {
        let (mut w, r) = left_right::new::<Counter, Add>();
        w.append(Add(1)).publish();
        let guard = r.enter().unwrap();
        w.append(Add(1)).publish();
        let writer = thread::spawn(move || {
            let before = thread_cpu_time();
            w.append(Add(1)).publish(); // waits for `guard`, ~HOLD
            let spent = thread_cpu_time() - before;
            (w, spent)
        });
        thread::sleep(HOLD);
        drop(guard);
        let (w, cpu) = writer.join().unwrap();
        let stats = w.stats();
        assert_eq!(stats.waits, 1);
        assert!(stats.wait_time >= HOLD / 2, "{stats:?}");
        assert!(stats.parks >= 1, "the writer never slept: {stats:?}");
        assert_eq!(
            stats.reader_wakeups, 1,
            "the reader did not wake the writer: {stats:?}"
        );
        // A spinning writer would burn ~HOLD of CPU; a sleeping one a few wake-ups' worth.
        assert!(
            cpu < HOLD / 4,
            "the writer burned {cpu:?} of CPU while waiting {HOLD:?}"
        );
        assert_eq!(r.enter().unwrap().0, 3);
        drop(w);
    });
}

#[test]
fn short_read_sections_are_waited_out_without_sleeping() {
    // A reader that leaves quickly is waited for by spinning, not by a sleep and a wake-up.
    let (mut w, r) = left_right::new::<Counter, Add>();
    for _ in 0..common::scaled(1000) {
        let guard = r.enter().unwrap();
        w.append(Add(1)).publish();
        drop(guard);
        w.publish();
    }
    let stats = w.stats();
    assert_eq!(stats.parks, 0, "{stats:?}");
    assert_eq!(
        stats.waits, 0,
        "the guard was gone before each wait: {stats:?}"
    );
}
