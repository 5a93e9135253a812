//! User code that misbehaves: keys whose `Hash`/`Eq` are not deterministic (left-right#78 is a
//! double free in evmap 11 for this case), and panics in `Clone`, `Hash`, `Eq` or a `retain`
//! predicate while the writer applies operations. No UB (run under Miri), no panic inside the
//! library, no hang, no double drop; the documented state afterwards.

mod common;

use common::{Census, Counted, within_a_minute};
use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A key whose `eq` answers differently over time (a counter inside `eq`), and whose hash
/// sometimes changes too.
#[derive(Clone, Debug)]
struct Fickle {
    id: u8,
    calls: Arc<AtomicUsize>,
    fickle_hash: bool,
}

impl PartialEq for Fickle {
    fn eq(&self, other: &Self) -> bool {
        let n = self.calls.fetch_add(1, Ordering::Relaxed);
        // Mostly honest, sometimes wrong in either direction.
        match n % 7 {
            0 => true,
            3 => false,
            _ => self.id == other.id,
        }
    }
}

impl Eq for Fickle {}

impl Hash for Fickle {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id.hash(state);
        if self.fickle_hash {
            (self.calls.fetch_add(1, Ordering::Relaxed) % 3).hash(state);
        }
    }
}

fn run_fickle(fickle_hash: bool) {
    within_a_minute("a map with fickle keys", move || fickle_rounds(fickle_hash));
}

fn fickle_rounds(fickle_hash: bool) {
    let census = Census::new();
    let calls = Arc::new(AtomicUsize::new(0));
    let key = |id: u8| Fickle {
        id,
        calls: Arc::clone(&calls),
        fickle_hash,
    };
    let (r, mut w) = evmap::new::<Fickle, Counted>();
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let r = r.clone();
        let stop = Arc::clone(&stop);
        let probe = key(1);
        std::thread::spawn(move || {
            let mut seen = 0usize;
            while !stop.load(Ordering::Relaxed) {
                seen += r.read().iter().map(|(_, v)| v.len()).sum::<usize>();
                seen += r.get(&probe).map_or(0, |v| v.len());
            }
            seen
        })
    };
    let rounds = if cfg!(miri) { 20 } else { 2_000 };
    for i in 0..rounds {
        let id = (i % 9) as u8;
        match i % 6 {
            0 | 1 => w.insert(key(id), Counted::new(&census, i)),
            2 => w.update(key(id), Counted::new(&census, i)),
            3 => w.remove_value(key(id), Counted::new(&census, i - 3)),
            4 => w.retain(key(id), |v| v.value % 2 == 0),
            _ => w.empty(key(id)),
        };
        if i % 3 == 0 {
            w.refresh();
        }
        if i % 500 == 499 {
            w.purge();
        }
    }
    w.fit_all().refresh().refresh();
    stop.store(true, Ordering::Relaxed);
    reader.join().expect("readers never panic");
    // Whatever readers saw, the map is still usable: a purge empties both copies whatever the
    // keys say, freeing every value (before the handles are dropped), each exactly once.
    w.purge().refresh().refresh();
    assert_eq!(r.len(), 0);
    assert_eq!(census.alive(), 0, "purge freed every value in both copies");
    drop((r, w));
}

#[test]
fn keys_with_non_deterministic_eq() {
    run_fickle(false);
}

#[test]
fn keys_with_non_deterministic_hash_and_eq() {
    run_fickle(true);
}

/// A key that is honest while the map is filled and then claims to equal every other key, with a
/// constant hash. Regression test: `empty_random` once told the entries it had picked apart with
/// `K: Eq`, so against such keys it never found a second distinct one and looped forever.
#[cfg(feature = "eviction")]
#[test]
fn empty_random_with_keys_that_all_claim_to_be_equal() {
    use rand::SeedableRng;

    #[derive(Clone, Debug)]
    struct Liar {
        id: u32,
        lying: Arc<AtomicBool>,
    }
    impl PartialEq for Liar {
        fn eq(&self, other: &Self) -> bool {
            self.lying.load(Ordering::Relaxed) || self.id == other.id
        }
    }
    impl Eq for Liar {}
    impl Hash for Liar {
        fn hash<H: Hasher>(&self, state: &mut H) {
            0u8.hash(state);
        }
    }

    within_a_minute("empty_random on lying keys", || {
        let census = Census::new();
        let lying = Arc::new(AtomicBool::new(false));
        let (r, mut w) = evmap::new::<Liar, Counted>();
        for id in 0..10 {
            let key = Liar {
                id,
                lying: Arc::clone(&lying),
            };
            w.insert(key, Counted::new(&census, id));
        }
        w.refresh();
        assert_eq!(r.len(), 10);
        lying.store(true, Ordering::Relaxed);
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let evicted = w.empty_random(&mut rng, 5);
        let mut ids: Vec<u32> = evicted.iter().map(|(k, _)| k.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 5, "five distinct entries were chosen");
        // Which entries the removals hit is up to the lying `eq`, but each removes one.
        w.refresh();
        assert_eq!(r.len(), 5);
        w.refresh();
        assert_eq!(
            r.len(),
            5,
            "the other copy replayed the same number of removals"
        );
        drop(evicted);
        drop((r, w));
        assert_eq!(census.alive(), 0, "every value dropped exactly once");
    });
}

/// A key whose `Hash` or `Eq` panics on demand.
#[derive(Clone, Debug)]
struct Touchy {
    id: u32,
    panic_in_hash: Arc<AtomicBool>,
    panic_in_eq: Arc<AtomicBool>,
}

impl PartialEq for Touchy {
    fn eq(&self, other: &Self) -> bool {
        if self.panic_in_eq.load(Ordering::SeqCst) {
            panic!("Touchy::eq failed on purpose");
        }
        self.id == other.id
    }
}

impl Eq for Touchy {}

impl Hash for Touchy {
    fn hash<H: Hasher>(&self, state: &mut H) {
        if self.panic_in_hash.load(Ordering::SeqCst) {
            panic!("Touchy::hash failed on purpose");
        }
        self.id.hash(state);
    }
}

struct Fixture {
    census: Arc<Census>,
    panic_in_hash: Arc<AtomicBool>,
    panic_in_eq: Arc<AtomicBool>,
    r: evmap::ReadHandle<Touchy, Counted>,
    w: evmap::WriteHandle<Touchy, Counted>,
}

impl Fixture {
    /// A map with keys 0..3 published.
    fn new() -> Self {
        let census = Census::new();
        let panic_in_hash = Arc::new(AtomicBool::new(false));
        let panic_in_eq = Arc::new(AtomicBool::new(false));
        let (r, w) = evmap::new();
        let mut f = Fixture {
            census,
            panic_in_hash,
            panic_in_eq,
            r,
            w,
        };
        for id in 0..3 {
            let (k, v) = (f.key(id), Counted::new(&f.census, id));
            f.w.insert(k, v);
        }
        f.w.refresh();
        f
    }

    fn key(&self, id: u32) -> Touchy {
        Touchy {
            id,
            panic_in_hash: Arc::clone(&self.panic_in_hash),
            panic_in_eq: Arc::clone(&self.panic_in_eq),
        }
    }

    fn published_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self.r.read().keys().map(|k| k.id).collect();
        ids.sort_unstable();
        ids
    }

    /// The documented state after a panic while applying operations: readers see the last
    /// published map; the writer is poisoned and says so; dropping it frees everything once.
    fn assert_poisoned_then_drop(self) {
        self.panic_in_hash.store(false, Ordering::SeqCst);
        self.panic_in_eq.store(false, Ordering::SeqCst);
        self.census.panic_on_clone.store(false, Ordering::SeqCst);
        let Fixture {
            census, r, mut w, ..
        } = self;
        assert!(w.is_poisoned());
        let mut ids: Vec<u32> = r.read().keys().map(|k| k.id).collect();
        ids.sort_unstable();
        assert_eq!(ids, [0, 1, 2], "readers keep the last published map");
        let message = catch_unwind(AssertUnwindSafe(|| {
            w.refresh();
        }))
        .unwrap_err();
        let message = message.downcast_ref::<String>().unwrap();
        assert!(message.contains("poisoned"), "{message}");
        within_a_minute("dropping a poisoned writer", move || drop(w));
        assert!(
            r.get_one(&Touchy {
                id: 0,
                panic_in_hash: Arc::default(),
                panic_in_eq: Arc::default(),
            })
            .is_none()
        );
        drop(r);
        assert_eq!(census.alive(), 0, "every value dropped exactly once");
    }
}

#[test]
fn panic_in_value_clone_during_refresh() {
    let mut f = Fixture::new();
    let (k, v) = (f.key(3), Counted::new(&f.census, 3));
    f.w.insert(k, v);
    f.census.panic_on_clone.store(true, Ordering::SeqCst);
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            f.w.refresh();
        }))
        .is_err()
    );
    f.assert_poisoned_then_drop();
}

#[test]
fn panic_in_key_eq_during_refresh() {
    let mut f = Fixture::new();
    let (k, v) = (f.key(1), Counted::new(&f.census, 9));
    f.w.insert(k, v);
    f.panic_in_eq.store(true, Ordering::SeqCst);
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            f.w.refresh();
        }))
        .is_err()
    );
    f.assert_poisoned_then_drop();
}

#[test]
fn panic_in_key_hash_while_a_table_grows_during_refresh() {
    let mut f = Fixture::new();
    // Compute the hashes while `Hash` still works; the table's growth at refresh rehashes keys.
    let keys: Vec<_> = (10..200)
        .map(|id| (f.key(id), Counted::new(&f.census, id)))
        .collect();
    for (k, v) in keys {
        f.w.insert(k, v);
    }
    f.panic_in_hash.store(true, Ordering::SeqCst);
    let refreshed = catch_unwind(AssertUnwindSafe(|| {
        f.w.refresh();
    }));
    if cfg!(feature = "indexed") {
        // An IndexMap keeps every entry's hash and never asks `Hash` again.
        assert!(refreshed.is_ok());
        f.panic_in_hash.store(false, Ordering::SeqCst);
        assert_eq!(f.published_ids().len(), 193);
        let Fixture { census, r, w, .. } = f;
        drop((r, w));
        assert_eq!(census.alive(), 0);
    } else {
        assert!(refreshed.is_err());
        f.assert_poisoned_then_drop();
    }
}

#[test]
fn panic_in_key_hash_when_writing_poisons_nothing() {
    let mut f = Fixture::new();
    f.panic_in_hash.store(true, Ordering::SeqCst);
    let (k, v) = (f.key(7), Counted::new(&f.census, 7));
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            f.w.insert(k, v);
        }))
        .is_err()
    );
    f.panic_in_hash.store(false, Ordering::SeqCst);
    assert!(
        !f.w.is_poisoned(),
        "nothing was logged, so nothing is half-applied"
    );
    let (k, v) = (f.key(3), Counted::new(&f.census, 3));
    f.w.insert(k, v).refresh();
    assert_eq!(f.published_ids(), [0, 1, 2, 3]);
    let Fixture { census, r, w, .. } = f;
    drop((r, w));
    assert_eq!(census.alive(), 0);
}

#[test]
fn panic_in_retain_predicate_during_refresh() {
    let mut f = Fixture::new();
    let k = f.key(0);
    f.w.retain(k, |_| panic!("predicate failed on purpose"));
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            f.w.refresh();
        }))
        .is_err()
    );
    f.assert_poisoned_then_drop();
}

#[test]
fn panic_while_writing_before_the_first_refresh() {
    // Before the first refresh, writes are applied as they are made.
    let census = Census::new();
    let (r, mut w) = evmap::new::<u32, Counted>();
    w.insert(0, Counted::new(&census, 0));
    // The predicate runs inside `retain` itself.
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.retain(0, |_| panic!("predicate failed on purpose"));
        }))
        .is_err()
    );
    assert!(w.is_poisoned());
    assert_eq!(r.len(), 0, "nothing was ever published");
    drop((r, w));
    assert_eq!(census.alive(), 0);
}
