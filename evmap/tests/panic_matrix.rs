//! The panic-injection matrix: user code that panics — `Hash`, `Eq` or `Clone` of a key or a
//! value, `Clone` of the meta value, a `retain` predicate — while the writer applies operations,
//! both during a refresh and during a plain write before the first refresh (when writes are
//! applied as they are made). For every cell: no deadlock, every value dropped exactly once, and
//! the documented state afterwards: readers see the last published map, and the writer is
//! poisoned (except when the panic happens while the write computes its key's hash, before
//! anything is logged).
//!
//! (The reader side — a reader panicking while it holds a guard — and a user `Absorb` that
//! panics are in left-right's `tests/panics.rs`.)

mod common;

use common::within_a_minute;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Where a value is used: each role has its own switches.
#[derive(Clone, Copy, Debug)]
enum Role {
    Key = 0,
    Value = 1,
    Meta = 2,
}

/// What may panic, and the census of live values.
#[derive(Default, Debug)]
struct Switches {
    /// `Hash` panics for values of the role whose `n` is below this (0: never).
    hash_below: [AtomicU32; 3],
    eq: [AtomicBool; 3],
    clone: [AtomicBool; 3],
    next: AtomicUsize,
    alive: Mutex<HashSet<usize>>,
}

impl Switches {
    fn disarm(&self) {
        for role in 0..3 {
            self.hash_below[role].store(0, Ordering::SeqCst);
            self.eq[role].store(false, Ordering::SeqCst);
            self.clone[role].store(false, Ordering::SeqCst);
        }
    }
}

/// A key, value or meta value whose `Hash`, `Eq` and `Clone` panic on demand.
#[derive(Debug)]
struct Evil {
    n: u32,
    role: Role,
    id: usize,
    switches: Arc<Switches>,
}

impl Evil {
    fn new(switches: &Arc<Switches>, role: Role, n: u32) -> Self {
        let id = switches.next.fetch_add(1, Ordering::SeqCst);
        switches.alive.lock().unwrap().insert(id);
        Self {
            n,
            role,
            id,
            switches: Arc::clone(switches),
        }
    }
}

fn key(s: &Arc<Switches>, n: u32) -> Evil {
    Evil::new(s, Role::Key, n)
}

fn value(s: &Arc<Switches>, n: u32) -> Evil {
    Evil::new(s, Role::Value, n)
}

impl Drop for Evil {
    fn drop(&mut self) {
        let was_alive = self.switches.alive.lock().unwrap().remove(&self.id);
        assert!(was_alive, "value {} dropped twice", self.id);
    }
}

impl Clone for Evil {
    fn clone(&self) -> Self {
        if self.switches.clone[self.role as usize].load(Ordering::SeqCst) {
            panic!("Clone failed on purpose");
        }
        Self::new(&self.switches, self.role, self.n)
    }
}

impl PartialEq for Evil {
    fn eq(&self, other: &Self) -> bool {
        if self.switches.eq[self.role as usize].load(Ordering::SeqCst) {
            panic!("Eq failed on purpose");
        }
        self.n == other.n
    }
}

impl Eq for Evil {}

impl Hash for Evil {
    fn hash<H: Hasher>(&self, state: &mut H) {
        if self.n < self.switches.hash_below[self.role as usize].load(Ordering::SeqCst) {
            panic!("Hash failed on purpose");
        }
        self.n.hash(state);
    }
}

type Map = (
    evmap::ReadHandle<Evil, Evil, Evil>,
    evmap::WriteHandle<Evil, Evil, Evil>,
);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The map was published before; the operation panics inside `refresh`.
    DuringRefresh,
    /// Nothing was ever published: writes are applied as they are made, and panic there.
    DuringWrite,
}

#[derive(Clone, Copy, Debug)]
enum Site {
    KeyHash,
    KeyEq,
    KeyClone,
    ValueHash,
    ValueEq,
    ValueClone,
    MetaClone,
    RetainPredicate,
}

/// Keys 0..4 with one value each (0..4); key 5 with 40 values (a large bag).
fn populate(s: &Arc<Switches>, w: &mut evmap::WriteHandle<Evil, Evil, Evil>) {
    for n in 0..4 {
        w.insert(key(s, n), value(s, n));
    }
    for v in 0..40 {
        w.insert(key(s, 5), value(s, v));
    }
}

/// Arms the switch for `site` and performs an operation that reaches it when it is applied
/// (at the next refresh, or right away before the first one), but not when it is made.
fn provoke(site: Site, s: &Arc<Switches>, w: &mut evmap::WriteHandle<Evil, Evil, Evil>) {
    let arm = |switch: &AtomicBool| switch.store(true, Ordering::SeqCst);
    match site {
        Site::KeyHash => {
            // The existing keys' `Hash` fails; new keys (n >= 1000) hash fine, so the writes are
            // made, and the table's growth, rehashing the old keys, fails.
            s.hash_below[Role::Key as usize].store(100, Ordering::SeqCst);
            for n in 1000..1000 + if cfg!(miri) { 60 } else { 300 } {
                w.insert(key(s, n), value(s, n));
            }
        }
        Site::KeyEq => {
            arm(&s.eq[Role::Key as usize]);
            w.insert(key(s, 1), value(s, 9)); // finding key 1 compares keys
        }
        Site::KeyClone => {
            arm(&s.clone[Role::Key as usize]);
            w.insert(key(s, 77), value(s, 77)); // a new key is cloned into the first copy
        }
        Site::ValueHash => {
            s.hash_below[Role::Value as usize].store(u32::MAX, Ordering::SeqCst);
            w.insert(key(s, 5), value(s, 1000)); // the large bag hashes its values
        }
        Site::ValueEq => {
            arm(&s.eq[Role::Value as usize]);
            w.remove_value(key(s, 2), value(s, 2)); // the small bag compares values
        }
        Site::ValueClone => {
            arm(&s.clone[Role::Value as usize]);
            w.insert(key(s, 3), value(s, 33));
        }
        Site::MetaClone => {
            arm(&s.clone[Role::Meta as usize]);
            w.set_meta(Evil::new(s, Role::Meta, 500));
        }
        Site::RetainPredicate => {
            w.retain(key(s, 5), |v| {
                if v.n == 20 {
                    panic!("predicate failed on purpose");
                }
                true
            });
        }
    }
}

/// Whether the cell exists: before the first refresh, operations are applied once, by value,
/// so nothing is cloned. (A key's hash for a new write, computed at the call, is the separate
/// test below.)
fn applicable(site: Site, phase: Phase) -> bool {
    !matches!(
        (site, phase),
        (
            Site::KeyClone | Site::ValueClone | Site::MetaClone,
            Phase::DuringWrite
        )
    )
}

fn run_cell(site: Site, phase: Phase) {
    let s = Arc::new(Switches::default());
    let (r, mut w): Map = evmap::with_meta(Evil::new(&s, Role::Meta, 0));
    populate(&s, &mut w);
    if phase == Phase::DuringRefresh {
        w.refresh();
        w.refresh();
    }
    let published: Vec<u32> = {
        let mut keys: Vec<u32> = r.read().keys().map(|k| k.n).collect();
        keys.sort_unstable();
        keys
    };

    let outcome = catch_unwind(AssertUnwindSafe(|| {
        provoke(site, &s, &mut w);
        if phase == Phase::DuringRefresh {
            w.refresh();
        }
    }));
    s.disarm();

    assert!(
        outcome.is_err(),
        "{site:?}/{phase:?}: the injected panic did not happen"
    );
    assert!(
        w.is_poisoned(),
        "{site:?}/{phase:?}: a panic while applying operations poisons"
    );
    let mut keys: Vec<u32> = r.read().keys().map(|k| k.n).collect();
    keys.sort_unstable();
    assert_eq!(
        keys, published,
        "{site:?}/{phase:?}: readers keep the last published map"
    );
    let refused = catch_unwind(AssertUnwindSafe(|| {
        w.refresh();
    }))
    .unwrap_err();
    assert!(
        refused
            .downcast_ref::<String>()
            .is_some_and(|m| m.contains("poisoned")),
        "{site:?}/{phase:?}: the poisoned writer says so"
    );

    // Dropping must neither hang nor double-drop.
    within_a_minute(
        &format!("{site:?}/{phase:?}: dropping the writer"),
        move || drop(w),
    );
    assert!(r.read().is_empty());
    drop(r);
    assert!(
        s.alive.lock().unwrap().is_empty(),
        "{site:?}/{phase:?}: values leaked"
    );
}

#[test]
fn every_cell_of_the_panic_matrix() {
    let sites = [
        Site::KeyHash,
        Site::KeyEq,
        Site::KeyClone,
        Site::ValueHash,
        Site::ValueEq,
        Site::ValueClone,
        Site::MetaClone,
        Site::RetainPredicate,
    ];
    let mut cells = 0;
    for site in sites {
        for phase in [Phase::DuringRefresh, Phase::DuringWrite] {
            if applicable(site, phase)
                && !(cfg!(feature = "indexed") && matches!(site, Site::KeyHash))
            {
                run_cell(site, phase);
                cells += 1;
            }
        }
    }
    // 8 sites x 2 phases, less the 3 clones that never happen before the first refresh (and, with
    // the `indexed` backend, the 2 rehash cells: an IndexMap never rehashes).
    let expected = if cfg!(feature = "indexed") { 11 } else { 13 };
    assert_eq!(cells, expected);
}

#[test]
fn a_panic_while_hashing_a_new_write_poisons_nothing() {
    let s = Arc::new(Switches::default());
    let (r, mut w): Map = evmap::with_meta(Evil::new(&s, Role::Meta, 0));
    populate(&s, &mut w);
    w.refresh();
    let (k, v) = (key(&s, 42), value(&s, 42));
    s.hash_below[Role::Key as usize].store(u32::MAX, Ordering::SeqCst);
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.insert(k, v);
        }))
        .is_err()
    );
    s.disarm();
    assert!(!w.is_poisoned());
    w.insert(key(&s, 43), value(&s, 43)).refresh();
    assert_eq!(r.len(), 6);
    drop((r, w));
    assert!(s.alive.lock().unwrap().is_empty());
}
