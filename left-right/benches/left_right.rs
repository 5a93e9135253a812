//! Micro-benchmarks of the two halves of the protocol: a read section, and a publish.
//!
//! `cargo bench -p left-right` runs them all; see docs/benchmarks.md for recorded numbers.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use left_right::{Absorb, Options, ReadStrategy};
use std::hint::black_box;

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

fn read_section(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    for strategy in [ReadStrategy::Fenced, ReadStrategy::Asymmetric] {
        let (mut w, r) = Options::default()
            .read_strategy(strategy)
            .construct::<Counter, u64>();
        w.append(1).publish();
        // The strategy this system gave (asymmetric falls back to fenced without membarrier).
        let name = format!("{:?}", w.read_strategy());
        group.bench_function(format!("enter+deref+drop, {name}"), |b| {
            b.iter(|| black_box(r.enter().map(|g| g.0)));
        });
        let outer = r.enter().unwrap();
        group.bench_function(format!("nested enter+deref+drop, {name}"), |b| {
            b.iter(|| black_box(r.enter().map(|g| g.0)));
        });
        drop(outer);
    }
    group.finish();
}

fn publish(c: &mut Criterion) {
    let mut group = c.benchmark_group("publish");
    for idle in [0usize, 1, 1000] {
        let (mut w, r) = left_right::new::<Counter, u64>();
        let handles: Vec<_> = (0..idle).map(|_| r.clone()).collect();
        w.publish();
        group.bench_function(format!("append+publish, {idle} idle read handles"), |b| {
            b.iter(|| {
                w.append(black_box(1)).publish();
            });
        });
        group.bench_function(format!("publish only, {idle} idle read handles"), |b| {
            b.iter(|| {
                w.publish();
            });
        });
        drop(handles);
    }
    group.bench_function("create writer and reader", |b| {
        b.iter_batched(
            || (),
            |()| left_right::new::<Counter, u64>(),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, read_section, publish);
criterion_main!(benches);
