//! One reader doing `get_one` and one writer doing `update` and publishing every N writes, with
//! the writer's own account of what publishing cost it (`WriteHandle::publish_stats`):
//!
//! ```text
//! cargo run --release -p benchmark --bin publish_probe -- [every=1] [ms=1000] [runs=1] [fenced|asymmetric]
//! ```
//!
//! Prints one line per run: reads/s, writes/s, publishes/s, the share of publishes that waited
//! for the reader (a publish whose scan finds it outside the stale copy does not wait), and how
//! those waits ended: at the second look after the quiet pause (`quiet%`), with the reader
//! answering on its wake line (`woken%`), or otherwise (`other%`: the writer saw the reader gone
//! while arming, spinning or after a timed sleep). `parks` counts the writer's sleeps. This is
//! what tells why the one-reader, publish-every-write case runs as it does; `docs/benchmarks.md`
//! quotes it.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const SPAN: u64 = 10_000;
const USAGE: &str = "usage: publish_probe [every=1] [ms=1000] [runs=1] [fenced|asymmetric]";

/// xorshift64: enough to spread lookups over the keys.
fn next(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x % SPAN
}

fn arg(args: &[String], i: usize, default: u64) -> u64 {
    match args.get(i) {
        None => default,
        Some(a) => a.parse().unwrap_or_else(|_| {
            eprintln!("{USAGE} (got {a:?})");
            std::process::exit(2)
        }),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let every = arg(&args, 0, 1).max(1);
    let duration = Duration::from_millis(arg(&args, 1, 1000).max(1));
    let runs = arg(&args, 2, 1).max(1);
    let strategy = match args.get(3).map(String::as_str) {
        None | Some("fenced") => evmap::ReadStrategy::Fenced,
        Some("asymmetric") => evmap::ReadStrategy::Asymmetric,
        Some(other) => {
            eprintln!("{USAGE} (got {other:?})");
            std::process::exit(2)
        }
    };
    println!(
        "{:>10} {:>10} {:>10} {:>8} {:>7} {:>7} {:>7} {:>7} {:>9}",
        "reads/s", "writes/s", "publ/s", "waits%", "quiet%", "woken%", "other%", "parks", "wait ms"
    );
    for _ in 0..runs {
        run(every, duration, strategy);
    }
}

fn run(every: u64, duration: Duration, strategy: evmap::ReadStrategy) {
    let (reader, mut writer) = evmap::Options::default()
        .read_strategy(strategy)
        .construct::<u64, u64>();
    for k in 0..SPAN {
        writer.update(k, k);
    }
    writer.refresh();
    let stop = Arc::new(AtomicBool::new(false));
    let reading = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let mut x = 0x2545_f491_4f6c_dd1d;
            let mut reads = 0u64;
            let began = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                for _ in 0..256 {
                    black_box(reader.get_one(&next(&mut x)).map(|v| *v));
                }
                reads += 256;
            }
            reads as f64 / began.elapsed().as_secs_f64()
        })
    };
    let before = writer.publish_stats();
    let began = Instant::now();
    let mut x = 0x9e37_79b9_7f4a_7c15;
    let mut writes = 0u64;
    while began.elapsed() < duration {
        for _ in 0..every {
            let k = next(&mut x);
            writer.update(k, writes);
            writes += 1;
        }
        writer.refresh();
    }
    let elapsed = began.elapsed().as_secs_f64();
    let after = writer.publish_stats();
    stop.store(true, Ordering::Relaxed);
    let reads = reading.join().expect("reader thread");

    let publishes = (after.publishes - before.publishes) as f64;
    let waits = (after.waits - before.waits) as f64;
    let pct = |n: u64| 100.0 * n as f64 / waits.max(1.0);
    let quiet = after.quiet_waits - before.quiet_waits;
    let woken = after.reader_wakeups - before.reader_wakeups;
    let other = (after.waits - before.waits).saturating_sub(quiet + woken);
    println!(
        "{:>10.0} {:>10.0} {:>10.0} {:>8.1} {:>7.1} {:>7.1} {:>7.1} {:>7} {:>9.1}",
        reads,
        writes as f64 / elapsed,
        publishes / elapsed,
        100.0 * waits / publishes.max(1.0),
        pct(quiet),
        pct(woken),
        pct(other),
        after.parks - before.parks,
        (after.wait_time - before.wait_time).as_secs_f64() * 1e3,
    );
}
