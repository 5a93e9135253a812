//! The model test: random sequences of writes and refreshes against a sequential
//! `HashMap<K, Vec<V>>`. After every step the reader must equal the model as of the last refresh;
//! after a final refresh, the model exactly.
//!
//! `EVMAP_QUICKCHECK_TESTS` sets the number of cases (default 10,000, as in CI; the
//! pre-release deep run uses 1,000,000). The test prints how many cases passed.

mod common;

use quickcheck::{Arbitrary, Gen, QuickCheck};
use std::collections::HashMap;

type Model = HashMap<u8, Vec<u8>>;

#[derive(Clone, Debug)]
enum Op {
    Insert(u8, u8),
    Update(u8, u8),
    Remove(u8, u8),
    Empty(u8),
    Clear(u8),
    Purge,
    /// Keep the values below the threshold.
    Retain(u8, u8),
    Fit(u8),
    FitAll,
    Reserve(u8, u8),
    Refresh,
}

impl Arbitrary for Op {
    fn arbitrary(g: &mut Gen) -> Self {
        // Few keys and values, so keys collide, bags grow past 32 values and shrink again.
        let key = |g: &mut Gen| u8::arbitrary(g) % 6;
        let value = |g: &mut Gen| u8::arbitrary(g) % 40;
        match u8::arbitrary(g) % 100 {
            0..=44 => Op::Insert(key(g), value(g)),
            45..=49 => Op::Update(key(g), value(g)),
            50..=64 => Op::Remove(key(g), value(g)),
            65..=67 => Op::Empty(key(g)),
            68..=70 => Op::Clear(key(g)),
            71 => Op::Purge,
            72..=75 => Op::Retain(key(g), value(g)),
            76..=77 => Op::Fit(key(g)),
            78 => Op::FitAll,
            79..=80 => Op::Reserve(key(g), u8::arbitrary(g) % 64),
            _ => Op::Refresh,
        }
    }
}

fn apply(model: &mut Model, op: &Op) {
    match *op {
        Op::Insert(k, v) => model.entry(k).or_default().push(v),
        Op::Update(k, v) => {
            model.insert(k, vec![v]);
        }
        Op::Remove(k, v) => {
            if let Some(values) = model.get_mut(&k) {
                if let Some(i) = values.iter().position(|&x| x == v) {
                    values.swap_remove(i);
                }
            }
        }
        Op::Empty(k) => {
            model.remove(&k);
        }
        Op::Clear(k) => model.entry(k).or_default().clear(),
        Op::Purge => model.clear(),
        Op::Retain(k, t) => {
            if let Some(values) = model.get_mut(&k) {
                values.retain(|&v| v < t);
            }
        }
        Op::Reserve(k, _) => {
            model.entry(k).or_default();
        }
        Op::Fit(_) | Op::FitAll | Op::Refresh => {}
    }
}

fn sorted(model: &Model) -> Vec<(u8, Vec<u8>)> {
    let mut entries: Vec<_> = model
        .iter()
        .map(|(k, v)| {
            let mut v = v.clone();
            v.sort_unstable();
            (*k, v)
        })
        .collect();
    entries.sort_unstable();
    entries
}

fn read(r: &evmap::ReadHandle<u8, u8>) -> Vec<(u8, Vec<u8>)> {
    let mut entries: Vec<_> = r.map_into(|k, values| {
        let mut v: Vec<u8> = values.iter().copied().collect();
        v.sort_unstable();
        (*k, v)
    });
    entries.sort_unstable();
    entries
}

fn matches_model(ops: Vec<Op>) -> bool {
    let (r, mut w) = evmap::new::<u8, u8>();
    let mut model = Model::new();
    let mut published = Model::new();
    for op in &ops {
        match *op {
            Op::Insert(k, v) => w.insert(k, v),
            Op::Update(k, v) => w.update(k, v),
            Op::Remove(k, v) => w.remove_value(k, v),
            Op::Empty(k) => w.empty(k),
            Op::Clear(k) => w.clear(k),
            Op::Purge => w.purge(),
            Op::Retain(k, t) => w.retain(k, move |&v| v < t),
            Op::Fit(k) => w.fit(k),
            Op::FitAll => w.fit_all(),
            Op::Reserve(k, n) => w.reserve(k, n as usize),
            Op::Refresh => w.refresh(),
        };
        apply(&mut model, op);
        if let Op::Refresh = op {
            published = model.clone();
        }
        if read(&r) != sorted(&published) {
            return false;
        }
    }
    w.refresh();
    if read(&r) != sorted(&model) {
        return false;
    }
    // Both copies must agree: one more refresh swaps the other copy in.
    w.refresh();
    read(&r) == sorted(&model)
}

#[test]
fn reader_matches_a_sequential_model() {
    let default = if cfg!(miri) { 10 } else { 10_000 };
    let tests: u64 = common::knob("EVMAP_QUICKCHECK_TESTS", "cases", default);
    // The property never discards a case; `min_tests_passed` makes sure of it.
    QuickCheck::new()
        .tests(tests)
        .max_tests(tests * 2)
        .min_tests_passed(tests)
        .rng(Gen::new(if cfg!(miri) { 40 } else { 200 }))
        .quickcheck(matches_model as fn(Vec<Op>) -> bool);
    eprintln!("model test: {tests} cases passed");
}

#[test]
fn regression_bag_past_the_threshold_then_retained_and_fit() {
    let mut ops: Vec<Op> = (0..40).map(|v| Op::Insert(1, v)).collect();
    ops.extend([
        Op::Refresh,
        Op::Retain(1, 10),
        Op::Fit(1),
        Op::Refresh,
        Op::Insert(1, 3),
    ]);
    assert!(matches_model(ops));
}
