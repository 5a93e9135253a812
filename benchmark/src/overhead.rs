//! Single-thread cost of a lookup (and of a write) relative to an unsynchronised `HashMap` with
//! the same hasher and keys: the physical limit a concurrent map can approach.
//!
//! All maps are built first; then each round times every map and the baseline back to back, so
//! the ratios of one round share the machine's state at that moment. The reported ratio is the
//! median over rounds of (map time / baseline time in the same round).

use crate::maps::{MapKind, Subject, unsynchronised, with_subject};
use crate::report::Spread;
use crate::workload::{Distribution, keys};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hint::black_box;
use std::time::Instant;

/// Writes per publish in the write measurement (the batched-writer case).
pub(crate) const WRITE_BATCH: usize = 1024;

/// One map's single-thread costs.
#[derive(Clone, Debug)]
pub(crate) struct Overhead {
    pub(crate) map: MapKind,
    /// Nanoseconds per lookup.
    pub(crate) read_ns: Spread,
    /// Lookup time over the unsynchronised `HashMap::get` time, per round.
    pub(crate) read_ratio: Spread,
    /// Nanoseconds per write (left-right maps publish every `WRITE_BATCH` writes).
    pub(crate) write_ns: Spread,
    /// Write time over the unsynchronised `HashMap::insert` time, per round.
    pub(crate) write_ratio: Spread,
}

/// The baseline's costs, for the report.
#[derive(Clone, Debug)]
pub(crate) struct Baseline {
    pub(crate) read_ns: Spread,
    pub(crate) write_ns: Spread,
}

trait Probe {
    fn read_pass(&mut self, keys: &[u64]) -> f64;
    fn write_pass(&mut self, keys: &[u64]) -> f64;
}

struct Handles<S: Subject> {
    _subject: S,
    reader: S::Reader,
    writer: S::Writer,
}

impl<S: Subject> Probe for Handles<S> {
    fn read_pass(&mut self, keys: &[u64]) -> f64 {
        let began = Instant::now();
        for &k in keys {
            black_box(S::get(&mut self.reader, black_box(k)));
        }
        began.elapsed().as_nanos() as f64 / keys.len() as f64
    }

    fn write_pass(&mut self, keys: &[u64]) -> f64 {
        let began = Instant::now();
        for (i, chunk) in keys.chunks(WRITE_BATCH).enumerate() {
            S::write_batch(&mut self.writer, chunk, i as u64);
        }
        began.elapsed().as_nanos() as f64 / keys.len() as f64
    }
}

fn probe<S: Subject>(span: u64) -> Box<dyn Probe> {
    let subject = S::build(span);
    let reader = subject.reader();
    let writer = subject.writer();
    Box::new(Handles::<S> {
        _subject: subject,
        reader,
        writer,
    })
}

/// The baseline's lookup, compiled on its own like every map's (see `Subject::get`).
#[inline(never)]
fn baseline_get(map: &HashMap<u64, u64, RandomState>, key: u64) -> Option<u64> {
    map.get(&key).copied()
}

fn baseline_read(map: &HashMap<u64, u64, RandomState>, keys: &[u64]) -> f64 {
    let began = Instant::now();
    for &k in keys {
        black_box(baseline_get(map, black_box(k)));
    }
    began.elapsed().as_nanos() as f64 / keys.len() as f64
}

fn baseline_write(map: &mut HashMap<u64, u64, RandomState>, keys: &[u64]) -> f64 {
    let began = Instant::now();
    for (i, &k) in keys.iter().enumerate() {
        map.insert(black_box(k), i as u64);
    }
    began.elapsed().as_nanos() as f64 / keys.len() as f64
}

/// Measures every map in `maps` over `rounds` rounds; `progress` is called after each round.
pub(crate) fn measure(
    maps: &[MapKind],
    span: u64,
    rounds: usize,
    mut progress: impl FnMut(usize),
) -> (Baseline, Vec<Overhead>) {
    let keys = keys(Distribution::Uniform, span, 0x5eed);
    let mut probes: Vec<(MapKind, Box<dyn Probe>)> = maps
        .iter()
        .filter(|m| !m.is_baseline())
        .map(|&m| (m, with_subject!(m, S => probe::<S>(span))))
        .collect();
    let mut baseline = unsynchronised(span);
    let mut base_reads = Vec::new();
    let mut base_writes = Vec::new();
    let mut samples: Vec<[Vec<f64>; 4]> = probes.iter().map(|_| Default::default()).collect();
    for round in 0..rounds {
        // Each structure gets one untimed pass to bring its table into cache.
        baseline_read(&baseline, &keys);
        let base_read = baseline_read(&baseline, &keys);
        let base_write = baseline_write(&mut baseline, &keys);
        base_reads.push(base_read);
        base_writes.push(base_write);
        for (i, (_, p)) in probes.iter_mut().enumerate() {
            p.read_pass(&keys);
            let read = p.read_pass(&keys);
            let write = p.write_pass(&keys);
            samples[i][0].push(read);
            samples[i][1].push(read / base_read);
            samples[i][2].push(write);
            samples[i][3].push(write / base_write);
        }
        progress(round + 1);
    }
    let rows = probes
        .iter()
        .zip(samples)
        .map(
            |((map, _), [read_ns, read_ratio, write_ns, write_ratio])| Overhead {
                map: *map,
                read_ns: Spread::of(&read_ns),
                read_ratio: Spread::of(&read_ratio),
                write_ns: Spread::of(&write_ns),
                write_ratio: Spread::of(&write_ratio),
            },
        )
        .collect();
    (
        Baseline {
            read_ns: Spread::of(&base_reads),
            write_ns: Spread::of(&base_writes),
        },
        rows,
    )
}
