//! The throughput workload: dedicated reader and writer threads, each doing one operation on a
//! random key per iteration, for a fixed time.

use crate::maps::Subject;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

/// How keys are drawn from `0..span`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Distribution {
    Uniform,
    /// Zipf with exponent 1.03: key `i` has weight `1 / (i + 1)^1.03`.
    Skewed,
}

impl Distribution {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Distribution::Uniform => "uniform",
            Distribution::Skewed => "skewed",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<Self> {
        match name {
            "uniform" => Some(Distribution::Uniform),
            "skewed" | "zipf" => Some(Distribution::Skewed),
            _ => None,
        }
    }
}

/// Keys per thread, drawn ahead of time so that drawing costs nothing while measuring (a Zipf
/// draw costs more than a lookup). A power of two, so every batch size that is one divides it.
const KEYS_PER_THREAD: usize = 1 << 16;

/// splitmix64: a small, fast, well-mixed generator; enough for choosing keys.
pub(crate) struct SplitMix(u64);

impl SplitMix {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A sequence of keys for one thread.
pub(crate) fn keys(distribution: Distribution, span: u64, seed: u64) -> Vec<u64> {
    let mut rng = SplitMix::new(seed);
    match distribution {
        Distribution::Uniform => (0..KEYS_PER_THREAD)
            .map(|_| rng.next_u64() % span)
            .collect(),
        Distribution::Skewed => {
            let mut cdf: Vec<f64> = (0..span)
                .scan(0.0, |sum, i| {
                    *sum += 1.0 / ((i + 1) as f64).powf(1.03);
                    Some(*sum)
                })
                .collect();
            let total = *cdf.last().expect("span > 0");
            cdf.iter_mut().for_each(|c| *c /= total);
            (0..KEYS_PER_THREAD)
                .map(|_| {
                    let u = rng.next_f64();
                    cdf.partition_point(|&c| c < u).min(span as usize - 1) as u64
                })
                .collect()
        }
    }
}

/// One measured configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Config {
    pub(crate) readers: usize,
    pub(crate) writers: usize,
    pub(crate) distribution: Distribution,
    pub(crate) publish_every: usize,
}

/// Operations per second, summed over the threads of each kind.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Throughput {
    pub(crate) reads: f64,
    pub(crate) writes: f64,
}

/// Runs one configuration once on a fresh map.
pub(crate) fn run<S: Subject>(cfg: Config, span: u64, duration: Duration, seed: u64) -> Throughput {
    let subject = S::build(span);
    let threads = cfg.readers + cfg.writers;
    let start = Arc::new(Barrier::new(threads + 1));
    let stop = Arc::new(AtomicBool::new(false));

    let readers: Vec<_> = (0..cfg.readers)
        .map(|i| {
            let mut reader = subject.reader();
            let keys = keys(cfg.distribution, span, seed ^ (i as u64 + 1));
            let (start, stop) = (Arc::clone(&start), Arc::clone(&stop));
            thread::spawn(move || {
                start.wait();
                let began = Instant::now();
                let mut ops = 0u64;
                'run: loop {
                    for chunk in keys.chunks(256) {
                        for &k in chunk {
                            black_box(S::get(&mut reader, black_box(k)));
                        }
                        ops += chunk.len() as u64;
                        if stop.load(Ordering::Relaxed) {
                            break 'run;
                        }
                    }
                }
                ops as f64 / began.elapsed().as_secs_f64()
            })
        })
        .collect();

    let writers: Vec<_> = (0..cfg.writers)
        .map(|i| {
            let mut writer = subject.writer();
            let keys = keys(cfg.distribution, span, !seed ^ (i as u64 + 1));
            let batch = cfg.publish_every.max(1);
            let (start, stop) = (Arc::clone(&start), Arc::clone(&stop));
            thread::spawn(move || {
                start.wait();
                let began = Instant::now();
                let mut ops = 0u64;
                'run: loop {
                    for chunk in keys.chunks(batch) {
                        S::write_batch(&mut writer, chunk, ops);
                        ops += chunk.len() as u64;
                        if stop.load(Ordering::Relaxed) {
                            break 'run;
                        }
                    }
                }
                ops as f64 / began.elapsed().as_secs_f64()
            })
        })
        .collect();

    start.wait();
    thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let reads = readers.into_iter().map(|t| t.join().expect("reader")).sum();
    let writes = writers.into_iter().map(|t| t.join().expect("writer")).sum();
    drop(subject);
    Throughput { reads, writes }
}
