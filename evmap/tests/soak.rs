//! The soak test: readers and a writer for a bounded time, with invariant checks all along and a
//! final comparison against a sequential model. A short run is part of the test suite; a long one
//! is the pre-release check:
//!
//! ```text
//! EVMAP_SOAK_SECS=600 cargo test --release -p evmap --test soak -- --nocapture
//! ```
//!
//! The writer applies random operations to the map and to a `HashMap<u64, Vec<u64>>` model and
//! refreshes at random intervals, each time publishing, as the meta value, the refresh count and a
//! digest of the model. Readers repeatedly take a view and check that the view's own digest equals
//! the digest published with it (a torn or half-applied refresh would not match), that refresh
//! counts never go back, and that point lookups agree with what the view says.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One entry's share of an order-independent digest of a multi-map: the key counts, and each
/// value under it. A map's digest is the wrapping sum over its entries.
fn entry_digest(k: u64, values: impl Iterator<Item = u64>) -> u64 {
    let bag = values.fold(0u64, |acc, v| acc.wrapping_add(mix(k.wrapping_mul(31) ^ v)));
    mix(k).wrapping_add(bag)
}

fn model_digest(model: &HashMap<u64, Vec<u64>>) -> u64 {
    model.iter().fold(0u64, |acc, (k, vs)| {
        acc.wrapping_add(entry_digest(*k, vs.iter().copied()))
    })
}

type Meta = (u64, u64);

fn duration() -> Duration {
    let default = if cfg!(miri) { 0.0 } else { 0.5 };
    Duration::from_secs_f64(common::knob("EVMAP_SOAK_SECS", "seconds", default))
}

#[test]
fn soak_readers_and_a_writer_against_a_model() {
    let (r, mut w) = evmap::with_meta::<u64, u64, Meta>((0, 0));
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..2)
        .map(|id| {
            let r = r.clone();
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut last = 0;
                let mut views = 0u64;
                while !stop.load(Ordering::Relaxed) || views == 0 {
                    let Some(view) = r.enter() else {
                        continue;
                    };
                    let &(refreshes, published) = view.meta().expect("a published view");
                    assert!(refreshes >= last, "reader {id}: went back in time");
                    last = refreshes;
                    let seen = view.iter().fold(0u64, |acc, (k, vs)| {
                        acc.wrapping_add(entry_digest(*k, vs.iter().copied()))
                    });
                    assert_eq!(
                        seen, published,
                        "reader {id}: a torn view at refresh {refreshes}"
                    );
                    if let Some((k, vs)) = view.iter().next() {
                        assert_eq!(view.get(k).map(|b| b.len()), Some(vs.len()));
                    }
                    views += 1;
                }
                views
            })
        })
        .collect();

    let mut model: HashMap<u64, Vec<u64>> = HashMap::new();
    let mut rng = 0x1234_5678u64;
    let mut next = || {
        rng = mix(rng);
        rng
    };
    let deadline = Instant::now() + duration();
    let mut refreshes = 0u64;
    let mut operations = 0u64;
    let minimum = if cfg!(miri) { 10 } else { 200 };
    // Miri interprets every reader's digest of the whole map, so it gets a smaller one.
    let (key_space, max_batch) = if cfg!(miri) { (64, 16) } else { (512, 64) };
    while Instant::now() < deadline || refreshes < minimum {
        let batch = 1 + next() % max_batch;
        for _ in 0..batch {
            let k = next() % key_space;
            let v = next() % 64;
            match next() % 100 {
                0..=49 => {
                    w.insert(k, v);
                    model.entry(k).or_default().push(v);
                }
                50..=59 => {
                    w.update(k, v);
                    model.insert(k, vec![v]);
                }
                60..=79 => {
                    w.remove_value(k, v);
                    if let Some(vs) = model.get_mut(&k) {
                        if let Some(i) = vs.iter().position(|&x| x == v) {
                            vs.swap_remove(i);
                        }
                    }
                }
                80..=86 => {
                    w.empty(k);
                    model.remove(&k);
                }
                87..=92 => {
                    w.clear(k);
                    model.entry(k).or_default().clear();
                }
                93..=98 => {
                    let t = v;
                    w.retain(k, move |&x| x < t);
                    if let Some(vs) = model.get_mut(&k) {
                        vs.retain(|&x| x < t);
                    }
                }
                _ => {
                    if next() % 8 == 0 {
                        w.purge();
                        model.clear();
                    } else {
                        w.fit_all();
                    }
                }
            }
            operations += 1;
        }
        refreshes += 1;
        w.set_meta((refreshes, model_digest(&model)));
        w.refresh();
    }
    stop.store(true, Ordering::Relaxed);
    let views: u64 = readers.into_iter().map(|t| t.join().unwrap()).sum();

    // The final state equals the model exactly, in both copies.
    for _ in 0..2 {
        let mut seen: Vec<(u64, Vec<u64>)> = r.map_into(|k, vs| {
            let mut vs: Vec<u64> = vs.iter().copied().collect();
            vs.sort_unstable();
            (*k, vs)
        });
        seen.sort_unstable();
        let mut expected: Vec<(u64, Vec<u64>)> = model
            .iter()
            .map(|(k, vs)| {
                let mut vs = vs.clone();
                vs.sort_unstable();
                (*k, vs)
            })
            .collect();
        expected.sort_unstable();
        assert_eq!(seen, expected);
        w.refresh();
    }
    eprintln!(
        "soak: {:.1} s, {operations} operations, {refreshes} refreshes, {views} checked views, {:?}",
        duration().as_secs_f64(),
        w.publish_stats()
    );
}
