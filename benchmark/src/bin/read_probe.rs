//! Does N lookups on one map, single-threaded, for instruction counting:
//!
//! ```text
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null cargo run ... -- evmap 1000000
//! ```
//!
//! Run it twice with different N and divide the difference in instructions by the difference in
//! N to get instructions per lookup, without the set-up. `docs/benchmarks.md` has the numbers.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hint::black_box;

const SPAN: u64 = 10_000;

fn keys(n: usize) -> impl Iterator<Item = u64> {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    (0..n).map(move |_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % SPAN
    })
}

/// One lookup, not inlined, so that its code can be read with `objdump -d`.
#[inline(never)]
fn evmap_get_one(r: &evmap::ReadHandle<u64, u64>, key: u64) -> Option<u64> {
    r.get_one(&key).map(|v| *v)
}

/// flashmap's lookup, for comparison.
#[inline(never)]
fn flashmap_get(r: &flashmap::ReadHandle<u64, u64>, key: u64) -> Option<u64> {
    r.guard().get(&key).copied()
}

/// The baseline lookup, not inlined either.
#[inline(never)]
fn hashmap_get(m: &HashMap<u64, u64, RandomState>, key: u64) -> Option<u64> {
    m.get(&key).copied()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let map = args.next().unwrap_or_else(|| "evmap".into());
    let n: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let mut found = 0u64;
    // Wall time, when asked for (`READ_PROBE_TIME=1`); includes building the map, so use a large N.
    let started = std::env::var_os("READ_PROBE_TIME").map(|_| std::time::Instant::now());
    match map.as_str() {
        "hashmap" => {
            let mut m: HashMap<u64, u64, RandomState> = HashMap::default();
            m.extend((0..SPAN).map(|k| (k, k)));
            for k in keys(n) {
                found += black_box(hashmap_get(&m, black_box(k))).is_some() as u64;
            }
        }
        "evmap" | "evmap-asymmetric" => {
            let strategy = if map == "evmap" {
                evmap::ReadStrategy::Fenced
            } else {
                evmap::ReadStrategy::Asymmetric
            };
            let (r, mut w) = evmap::Options::default()
                .read_strategy(strategy)
                .construct::<u64, u64>();
            assert_eq!(w.read_strategy(), strategy);
            w.extend((0..SPAN).map(|k| (k, k)));
            w.publish();
            for k in keys(n) {
                found += black_box(evmap_get_one(&r, black_box(k))).is_some() as u64;
            }
        }
        "flashmap" => {
            let (mut w, r) = flashmap::new::<u64, u64>();
            {
                let mut guard = w.guard();
                for k in 0..SPAN {
                    let _evicted = guard.insert(k, k);
                }
            }
            for k in keys(n) {
                found += black_box(flashmap_get(&r, black_box(k))).is_some() as u64;
            }
        }
        "left-right" => {
            let (r, mut w) = evmap::new::<u64, u64>();
            w.publish();
            for _ in keys(n) {
                found += black_box(r.enter().map(|view| view.len())).is_some() as u64;
            }
        }
        other => {
            eprintln!(
                "unknown map `{other}` (hashmap, evmap, evmap-asymmetric, flashmap, left-right)"
            );
            std::process::exit(2);
        }
    }
    assert_eq!(found, n as u64);
    if let Some(started) = started {
        eprintln!(
            "{map}: {:.2} ns per lookup",
            started.elapsed().as_nanos() as f64 / n as f64
        );
    }
}
