//! Readers on other threads see each refresh whole, keep working while the writer refreshes
//! continuously, and can clone their handles while the writer publishes.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Keys in the map; Miri interprets every read of the whole map, so it gets fewer.
const KEYS: u64 = if cfg!(miri) { 16 } else { 64 };

/// The least number of rounds each test runs, whatever the duration (fewer under Miri).
const fn at_least(native: u64) -> u64 {
    if cfg!(miri) { native / 4 } else { native }
}

fn duration() -> Duration {
    let default = if cfg!(miri) { 0 } else { 300 };
    Duration::from_millis(common::knob("EVMAP_STRESS_MS", "milliseconds", default))
}

/// Every refresh moves every key to the next generation (replacing its bag) and sets the meta to
/// that generation, so a reader that could see a half-applied refresh would find keys, or the
/// meta, from different generations in one view.
#[test]
fn readers_see_each_refresh_whole() {
    let (r, mut w) = evmap::with_meta::<u64, u64, u64>(0);
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|id| {
            let r = r.clone();
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut last = 0;
                let mut views = 0u64;
                while !stop.load(Ordering::Relaxed) || views == 0 {
                    if let Some(view) = r.enter() {
                        let generation = *view.meta().unwrap();
                        assert!(generation >= last, "reader {id}: went back in time");
                        last = generation;
                        assert_eq!(view.len() as u64, KEYS, "reader {id}: partial refresh");
                        for (key, values) in &view {
                            assert_eq!(values.len(), 1, "reader {id}: key {key} torn");
                            assert_eq!(values.get_one(), Some(&generation), "reader {id}: torn");
                        }
                        views += 1;
                    }
                    // Point reads, too, only ever move forward.
                    if let Some(v) = r.get_one(&(views % KEYS)) {
                        assert!(*v >= last, "reader {id}: a point read went back in time");
                        last = *v;
                    }
                }
                views
            })
        })
        .collect();

    let deadline = Instant::now() + duration();
    let mut generation = 0;
    while Instant::now() < deadline || generation < at_least(20) {
        generation += 1;
        for key in 0..KEYS {
            w.update(key, generation);
        }
        w.set_meta(generation);
        w.refresh();
    }
    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        assert!(reader.join().unwrap() > 0);
    }
}

/// Checks that `view` is exactly what the writer below had published after some number of its
/// inserts (the `i`-th insert puts `i` into the bag of key `i % 16`), and returns that number.
fn whole_insert_prefix(view: &evmap::MapReadRef<'_, u64, u64>) -> u64 {
    let total: u64 = view.values().map(|bag| bag.len() as u64).sum();
    assert_eq!(view.len() as u64, total.min(16));
    for (&key, bag) in view.iter() {
        assert_eq!(bag.len() as u64, total / 16 + u64::from(key < total % 16));
        let mut values: Vec<u64> = bag.iter().copied().collect();
        values.sort_unstable();
        assert!(values.iter().zip(0..).all(|(&v, j)| v == key + 16 * j));
    }
    total
}

#[test]
fn handles_are_cloned_and_made_while_the_writer_publishes() {
    let (r, mut w) = evmap::new::<u64, u64>();
    let factory = r.factory();
    let stop = Arc::new(AtomicBool::new(false));
    let churners: Vec<_> = (0..2)
        .map(|_| {
            let factory = factory.clone();
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut made = 0u64;
                let mut last_seen = 0;
                while !stop.load(Ordering::Relaxed) || made < 10 {
                    let h = factory.handle();
                    let view = h.read();
                    let seen = whole_insert_prefix(&view);
                    let again = h.clone();
                    // Made after `view` was taken, so it reads that publish or a later one.
                    let seen_again = whole_insert_prefix(&again.read());
                    assert!(last_seen <= seen && seen <= seen_again);
                    if seen_again > 0 {
                        assert!(again.get_one(&0).is_some());
                    }
                    last_seen = seen_again;
                    drop(view);
                    made += 1;
                }
                made
            })
        })
        .collect();
    let deadline = Instant::now() + duration();
    let mut i = 0;
    while Instant::now() < deadline || i < at_least(100) {
        w.insert(i % 16, i).refresh();
        i += 1;
    }
    stop.store(true, Ordering::Relaxed);
    for c in churners {
        assert!(c.join().unwrap() >= 10);
    }
    assert_eq!(r.len(), 16);
}

#[test]
fn the_writer_moves_between_threads_under_a_mutex() {
    let (r, w) = evmap::new::<u64, u64>();
    let w = Arc::new(std::sync::Mutex::new(w));
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let w = Arc::clone(&w);
            thread::spawn(move || {
                for i in 0..at_least(50) {
                    w.lock().unwrap().insert(t, i).refresh();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(r.len(), 4);
    assert!(
        r.read()
            .values()
            .all(|bag| bag.len() as u64 == at_least(50))
    );
}
