//! loom models of every race in the protocol. Run with
//!
//! ```text
//! RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=3 \
//!     cargo test -p left-right --test loom --release
//! ```
//!
//! The data lives in a loom `UnsafeCell`, so loom reports any read of a copy that is not ordered
//! after the writer's last change to it, and any change made while a reader may still read it.
//! Drops are counted with loom atomics, so a double drop or leak fails the model too.
#![cfg(loom)]

use left_right::{Absorb, Options, ReadHandle, ReadStrategy, WriteHandle};
use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;

/// A counter whose every access is checked by loom, and whose drops are counted.
struct Cell {
    value: UnsafeCell<usize>,
    drops: Arc<AtomicUsize>,
}

// SAFETY: the protocol under test is what orders accesses to `value`; loom checks that it does.
unsafe impl Sync for Cell {}

impl Cell {
    fn new(value: usize, drops: &Arc<AtomicUsize>) -> Self {
        Self {
            value: UnsafeCell::new(value),
            drops: Arc::clone(drops),
        }
    }

    fn get(&self) -> usize {
        // SAFETY: a read; loom flags it if it races with a write.
        self.value.with(|v| unsafe { *v })
    }
}

impl Clone for Cell {
    fn clone(&self) -> Self {
        Self::new(self.get(), &self.drops)
    }
}

impl Drop for Cell {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

impl Absorb<usize> for Cell {
    fn absorb_first(&mut self, op: &mut usize, _: &Self) {
        // SAFETY: a write; loom flags it if any reader may still be reading this copy.
        self.value.with_mut(|v| unsafe { *v += *op });
    }

    fn sync_with(&mut self, first: &Self) {
        let value = first.get();
        // SAFETY: as in `absorb_first`.
        self.value.with_mut(|v| unsafe { *v = value });
    }
}

fn pair(
    drops: &Arc<AtomicUsize>,
    strategy: ReadStrategy,
) -> (WriteHandle<Cell, usize>, ReadHandle<Cell>) {
    Options::default()
        .read_strategy(strategy)
        .construct_from(Cell::new(0, drops))
}

/// Reads the current value, or `None` once the writer is gone.
fn read(r: &ReadHandle<Cell>) -> Option<usize> {
    r.enter().map(|g| g.get())
}

fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(3);
    }
    builder.check(f);
}

/// Guarantee 2: a reader racing with publishes only ever sees whole, published values, in order,
/// and the writer never changes a copy a reader is in.
fn reader_vs_publish(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        let reader = thread::spawn(move || {
            let first = read(&r).unwrap();
            let second = read(&r).unwrap();
            assert!(first <= second, "went back in time: {first} then {second}");
            assert!(second <= 3);
        });
        for _ in 0..3 {
            w.append(1).publish();
        }
        reader.join().unwrap();
        assert_eq!(read(&w), Some(3));
        drop(w);
        assert_eq!(
            drops.load(Ordering::SeqCst),
            2,
            "each copy dropped exactly once"
        );
    });
}

/// Guarantee 2, the other half: an `enter` that starts after `publish` returned sees it.
fn enter_after_publish_sees_it(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        let published = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&published);
        let reader = thread::spawn(move || {
            let before = seen.load(Ordering::Acquire);
            let value = read(&r).unwrap();
            assert!(
                value >= before,
                "saw {value} after publish {before} returned"
            );
        });
        w.append(1).publish();
        published.store(1, Ordering::Release);
        w.append(1).publish();
        published.store(2, Ordering::Release);
        reader.join().unwrap();
    });
}

/// Guarantee 5: dropping the writer while a reader enters. The reader gets `None` or a valid
/// copy that stays valid while it reads; each copy is dropped once, after the reader is done.
fn writer_drop_vs_enter(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        w.append(1).publish();
        let reader = thread::spawn(move || {
            if let Some(guard) = r.enter() {
                assert_eq!(guard.get(), 1);
                thread::yield_now();
                assert_eq!(guard.get(), 1);
            }
            r
        });
        drop(w);
        let r = reader.join().unwrap();
        assert_eq!(read(&r), None);
        assert_eq!(drops.load(Ordering::SeqCst), 2);
    });
}

/// Guarantee 5 with `take`: the same race, with the data handed back instead of dropped.
fn take_vs_enter(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        w.append(1).publish();
        w.append(1);
        let reader = thread::spawn(move || {
            if let Some(value) = read(&r) {
                assert!(value == 1 || value == 2);
            }
        });
        let taken = w.take();
        assert_eq!(taken.get(), 2);
        reader.join().unwrap();
        drop(taken);
        assert_eq!(drops.load(Ordering::SeqCst), 2);
    });
}

/// Guarantee 3: a reader registers a new handle (clone) while the writer publishes; the new handle
/// works and nothing deadlocks.
fn registration_during_publish(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        let reader = thread::spawn(move || {
            let guard = r.enter().unwrap();
            let clone = r.clone();
            let v = read(&clone).unwrap();
            drop(clone);
            assert!(guard.get() <= v);
        });
        w.append(1).publish();
        w.append(1).publish();
        reader.join().unwrap();
    });
}

/// A handle made by a factory on another thread, racing with publishes; dropping it releases its
/// slot for reuse.
fn factory_handle_on_another_thread(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        let factory = r.factory();
        let other = thread::spawn(move || {
            let handle = factory.handle();
            let v = read(&handle).unwrap();
            assert!(v <= 2);
        });
        w.append(1).publish();
        let reused = r.factory().handle();
        w.append(1).publish();
        assert_eq!(read(&reused), Some(2));
        other.join().unwrap();
    });
}

/// `try_publish` against a reader pinned in the old copy: it must refuse rather than touch it.
fn try_publish_vs_pinned_reader(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        w.append(1).publish();
        let reader = thread::spawn(move || {
            let guard = r.enter().unwrap();
            let v = guard.get();
            thread::yield_now();
            assert_eq!(guard.get(), v, "the guarded copy changed");
        });
        w.append(1).publish();
        w.append(1);
        let published = w.try_publish();
        reader.join().unwrap();
        if !published {
            assert!(w.try_publish(), "the reader is gone");
        }
        assert_eq!(read(&w), Some(3));
    });
}

/// Nested guards on one handle, dropped out of order, while the writer publishes.
fn nested_enter(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        let reader = thread::spawn(move || {
            let outer = r.enter().unwrap();
            let inner = r.enter().unwrap();
            let v = outer.get();
            drop(outer);
            thread::yield_now();
            assert!(inner.get() >= v, "the inner guard loaded the pointer later");
        });
        w.append(1).publish();
        w.append(1).publish();
        reader.join().unwrap();
    });
}

/// Guarantee 4's handshake: the writer gives up spinning and arms the reader's slot; the reader
/// wakes it on the way out. loom checks the writer's thread handle is never read while written.
fn writer_sleeps_and_reader_wakes_it(strategy: ReadStrategy) {
    model(move || {
        let drops = Arc::new(AtomicUsize::new(0));
        let (mut w, r) = pair(&drops, strategy);
        w.append(1).publish();
        let reader = thread::spawn(move || {
            let guard = r.enter().unwrap();
            thread::yield_now();
            let _ = guard.get();
            drop(guard);
            // A second section, so the handshake can also race with a fresh entry.
            let _ = read(&r);
        });
        w.append(1).publish();
        w.append(1).publish();
        w.append(1).publish();
        reader.join().unwrap();
        assert_eq!(read(&w), Some(4));
    });
}

/// Every model runs once per strategy. Under loom the asymmetric strategy's two barriers are
/// modelled as the `SeqCst` fences they stand for (loom cannot model `membarrier`), so the two
/// runs check the same orderings; they differ in the code paths that select them.
macro_rules! for_each_strategy {
    ($($model:ident),* $(,)?) => {
        mod fenced {
            $(#[test] fn $model() { super::$model(super::ReadStrategy::Fenced) })*
        }
        mod asymmetric {
            $(#[test] fn $model() { super::$model(super::ReadStrategy::Asymmetric) })*
        }
    };
}

for_each_strategy!(
    reader_vs_publish,
    enter_after_publish_sees_it,
    writer_drop_vs_enter,
    take_vs_enter,
    registration_during_publish,
    factory_handle_on_another_thread,
    try_publish_vs_pinned_reader,
    nested_enter,
    writer_sleeps_and_reader_wakes_it,
);
