//! The cost of one publish, per reader-synchronisation strategy and number of read handles.
//!
//! Measured on the `left-right` primitive itself (a counter, so that absorbing costs nothing):
//! the time of `publish()` with no pending operations, which is the protocol's own cost (scan the
//! reader slots, swap, and the strategy's barrier). Measured with the handles idle, and with one
//! reader thread entering read sections in a loop, since `membarrier` interrupts every running
//! thread of the process and costs more when there are some.

use crate::report::Spread;
use left_right::{Absorb, Options, ReadStrategy};
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

#[derive(Clone, Default)]
struct Counter(u64);

impl Absorb<u64> for Counter {
    fn absorb_first(&mut self, op: &mut u64, _: &Self) {
        self.0 += *op;
    }

    fn sync_with(&mut self, first: &Self) {
        self.0 = first.0;
    }
}

/// One measured combination.
#[derive(Clone, Debug)]
pub(crate) struct PublishCost {
    pub(crate) strategy: ReadStrategy,
    pub(crate) handles: usize,
    pub(crate) busy_reader: bool,
    /// Nanoseconds per publish, over rounds.
    pub(crate) ns: Spread,
}

pub(crate) const HANDLES: [usize; 3] = [1, 2, 64];

fn one(strategy: ReadStrategy, handles: usize, busy_reader: bool, rounds: usize) -> PublishCost {
    let (mut w, r) = Options::default()
        .read_strategy(strategy)
        .construct::<Counter, u64>();
    // `handles` read handles in all: `r` plus idle clones (the writer's own is not counted).
    let idle: Vec<_> = (1..handles).map(|_| r.clone()).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let reader = busy_reader.then(|| {
        let r = r.clone();
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                black_box(r.enter().map(|c| c.0));
            }
        })
    });
    const PUBLISHES: u32 = 2_000;
    for _ in 0..200 {
        w.publish();
    }
    let samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let began = Instant::now();
            for _ in 0..PUBLISHES {
                w.publish();
            }
            began.elapsed().as_nanos() as f64 / f64::from(PUBLISHES)
        })
        .collect();
    stop.store(true, Ordering::Relaxed);
    if let Some(reader) = reader {
        reader.join().expect("reader");
    }
    drop(idle);
    PublishCost {
        strategy,
        handles,
        busy_reader,
        ns: Spread::of(&samples),
    }
}

/// Every strategy x handle count x (idle, busy reader) combination.
pub(crate) fn measure(
    strategies: &[ReadStrategy],
    rounds: usize,
    mut progress: impl FnMut(),
) -> Vec<PublishCost> {
    let mut out = Vec::new();
    for &busy in &[false, true] {
        for &strategy in strategies {
            for &handles in &HANDLES {
                out.push(one(strategy, handles, busy, rounds));
                progress();
            }
        }
    }
    out
}
