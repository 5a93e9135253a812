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

fn main() {
    let mut args = std::env::args().skip(1);
    let map = args.next().unwrap_or_else(|| "evmap".into());
    let n: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let mut found = 0u64;
    match map.as_str() {
        "hashmap" => {
            let mut m: HashMap<u64, u64, RandomState> = HashMap::default();
            m.extend((0..SPAN).map(|k| (k, k)));
            for k in keys(n) {
                found += black_box(m.get(&black_box(k)).copied()).is_some() as u64;
            }
        }
        "evmap" => {
            let (r, mut w) = evmap::new::<u64, u64>();
            w.extend((0..SPAN).map(|k| (k, k)));
            w.publish();
            for k in keys(n) {
                found += black_box(r.get_one(&black_box(k)).map(|v| *v)).is_some() as u64;
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
            eprintln!("unknown map `{other}` (hashmap, evmap, left-right)");
            std::process::exit(2);
        }
    }
    assert_eq!(found, n as u64);
}
