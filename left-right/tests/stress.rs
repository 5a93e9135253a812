//! Several readers and a writer for a bounded time. Readers check an invariant that only holds if
//! every read sees one whole published state, and that what they see never goes back in time.
//!
//! `LEFT_RIGHT_STRESS_MS` sets the duration (default 300 ms; the ThreadSanitizer script and the
//! soak runs set more).

mod common;

use common::{CellOp, Cells, scaled};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const WIDTH: usize = 16;

fn duration() -> Duration {
    let ms = std::env::var("LEFT_RIGHT_STRESS_MS")
        .ok()
        .map(|v| {
            v.parse().unwrap_or_else(|_| {
                panic!("LEFT_RIGHT_STRESS_MS must be a number of milliseconds, not {v:?}")
            })
        })
        .unwrap_or(if cfg!(miri) { 0 } else { 300 });
    Duration::from_millis(ms)
}

#[test]
fn readers_only_ever_see_whole_published_states() {
    let (mut w, r) = left_right::new::<Cells, CellOp>();
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|i| {
            let r = r.clone();
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut last = 0;
                let mut reads = 0u64;
                while !stop.load(Ordering::Relaxed) || reads < 10 {
                    let guard = r.enter().expect("the writer outlives the readers");
                    let g = guard.check(WIDTH);
                    assert!(g >= last, "reader {i} went back from {last} to {g}");
                    last = g;
                    // Sometimes linger, so the writer has to wait (and sometimes park).
                    if reads % 1024 == 0 {
                        thread::sleep(Duration::from_micros(200));
                        assert_eq!(guard.check(WIDTH), g, "a guarded copy changed");
                    }
                    drop(guard);
                    reads += 1;
                }
                reads
            })
        })
        .collect();

    let deadline = Instant::now() + duration();
    let mut generation = 0;
    let mut batch = 0u64;
    while Instant::now() < deadline || generation < scaled(200) as u64 {
        generation += 1;
        w.extend(Cells::advance(generation, WIDTH));
        batch += 1;
        // Vary the publish rhythm: after every generation, or every few.
        if batch % (1 + generation % 3) == 0 {
            w.publish();
        }
    }
    w.publish();
    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        assert!(reader.join().unwrap() >= 10);
    }
    assert_eq!(r.enter().unwrap().check(WIDTH), generation);
    let stats = w.stats();
    eprintln!("{generation} generations, {stats:?}");
}
