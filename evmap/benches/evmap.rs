//! Micro-benchmarks of the map's hot paths, so that regressions show up in one command:
//! `cargo bench -p evmap`. The cross-map comparison lives in the `benchmark` binary.

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::hint::black_box;

const KEYS: u64 = 10_000;

type Map<S> = (
    evmap::ReadHandle<u64, u64, (), S>,
    evmap::WriteHandle<u64, u64, (), S>,
);

fn map<S: BuildHasher + Clone>(strategy: evmap::ReadStrategy, hasher: S) -> Map<S> {
    let (r, mut w) = evmap::Options::default()
        .with_capacity(KEYS as usize)
        .with_hasher(hasher)
        .read_strategy(strategy)
        .construct();
    w.extend((0..KEYS).map(|k| (k, k)));
    w.publish();
    (r, w)
}

/// Lookups with `hasher`, through both strategies and through an unsynchronised `HashMap`.
fn lookups<S: BuildHasher + Clone>(c: &mut Criterion, group: &str, hasher: S) {
    let mut group = c.benchmark_group(group);
    for strategy in [evmap::ReadStrategy::Fenced, evmap::ReadStrategy::Asymmetric] {
        let (r, w) = map(strategy, hasher.clone());
        let name = format!("{:?}", w.read_strategy());
        let mut k = 0u64;
        group.bench_function(format!("get_one, {name}"), |b| {
            b.iter(|| {
                k = (k + 7919) % KEYS;
                black_box(r.get_one(&black_box(k)).map(|v| *v))
            });
        });
        group.bench_function(format!("get + len, {name}"), |b| {
            b.iter(|| {
                k = (k + 7919) % KEYS;
                black_box(r.get(&black_box(k)).map(|v| v.len()))
            });
        });
    }
    let mut plain = HashMap::with_hasher(hasher);
    plain.extend((0..KEYS).map(|k| (k, k)));
    let mut k = 0u64;
    group.bench_function("HashMap::get (unsynchronised baseline)", |b| {
        b.iter(|| {
            k = (k + 7919) % KEYS;
            black_box(plain.get(&black_box(k)).copied())
        });
    });
    group.finish();
}

fn get(c: &mut Criterion) {
    lookups(c, "get", RandomState::new());
}

/// A multiply-shift hasher for `u64` keys: a few cycles instead of SipHash's few dozen. With it,
/// what the read protocol itself costs is no longer hidden behind the hashing.
#[derive(Clone, Default)]
struct MultiplyShift(u64);

impl Hasher for MultiplyShift {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

fn get_fast_hasher(c: &mut Criterion) {
    lookups(
        c,
        "get, multiply-shift hasher",
        BuildHasherDefault::<MultiplyShift>::default(),
    );
}

fn write(c: &mut Criterion) {
    let mut group = c.benchmark_group("write");
    let (_r, mut w) = map(evmap::ReadStrategy::Fenced, RandomState::new());
    let mut k = 0u64;
    group.bench_function("update + publish", |b| {
        b.iter(|| {
            k = (k + 7919) % KEYS;
            w.update(black_box(k), k).publish();
        });
    });
    group.bench_function("1024 updates + publish (batched writes)", |b| {
        b.iter(|| {
            for _ in 0..1024 {
                k = (k + 7919) % KEYS;
                w.update(black_box(k), k);
            }
            w.publish();
        });
    });
    let mut plain: HashMap<u64, u64> = (0..KEYS).map(|k| (k, k)).collect();
    group.bench_function("1024 HashMap::insert (baseline)", |b| {
        b.iter(|| {
            for _ in 0..1024 {
                k = (k + 7919) % KEYS;
                plain.insert(black_box(k), k);
            }
        });
    });
    group.finish();
}

fn publish(c: &mut Criterion) {
    let mut group = c.benchmark_group("publish");
    for strategy in [evmap::ReadStrategy::Fenced, evmap::ReadStrategy::Asymmetric] {
        for idle in [0usize, 1, 1000] {
            let (r, mut w) = map(strategy, RandomState::new());
            let handles: Vec<_> = (0..idle).map(|_| r.clone()).collect();
            group.bench_function(
                format!("publish, {:?}, {idle} idle read handles", w.read_strategy()),
                |b| {
                    b.iter(|| {
                        w.publish();
                    });
                },
            );
            drop(handles);
        }
    }
    group.finish();
}

criterion_group!(benches, get, get_fast_hasher, write, publish);
criterion_main!(benches);
