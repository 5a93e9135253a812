//! `left_right::aliasing`: an alias reads its value, exactly one alias drops it, and a left-right
//! structure built on aliases (the `aliased_strings` example's map, and a port of left-right
//! 0.11's deque test) drops every value exactly once, on both read strategies, with readers on
//! other threads. Run under Miri (Stacked and Tree Borrows, strict provenance) by `scripts/miri`.

// The cloning twin of the map is for the memory test.
#[path = "../examples/aliased_strings/map.rs"]
#[allow(dead_code)]
mod map;

use left_right::aliasing::{Aliased, DropBehavior};
use left_right::{Absorb, Options, ReadHandle, ReadStrategy};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

struct NoDrop;

impl DropBehavior for NoDrop {
    const DO_DROP: bool = false;
}

struct DoDrop;

impl DropBehavior for DoDrop {
    const DO_DROP: bool = true;
}

/// How often each value was dropped, by value id.
struct Census {
    drops: Vec<AtomicUsize>,
    made: AtomicUsize,
}

impl Census {
    fn new(capacity: usize) -> Self {
        Self {
            drops: (0..capacity).map(|_| AtomicUsize::new(0)).collect(),
            made: AtomicUsize::new(0),
        }
    }

    /// A new value with the next id.
    fn value(&self) -> Tracked<'_> {
        let id = self.made.fetch_add(1, Ordering::SeqCst);
        assert!(id < self.drops.len(), "census too small");
        Tracked { id, census: self }
    }

    fn drops(&self, id: usize) -> usize {
        self.drops[id].load(Ordering::SeqCst)
    }

    /// Ids of the values made so far that are still alive.
    fn alive(&self) -> Vec<usize> {
        (0..self.made.load(Ordering::SeqCst))
            .filter(|&id| self.drops(id) == 0)
            .collect()
    }

    /// Panics unless every value made so far was dropped exactly once.
    fn assert_each_dropped_once(&self) {
        let made = self.made.load(Ordering::SeqCst);
        assert!(made > 0, "the test made no values");
        for id in 0..made {
            assert_eq!(
                self.drops(id),
                1,
                "value {id} dropped {} times",
                self.drops(id)
            );
        }
    }
}

/// A value that counts its drops in a census. No heap, so a leaked one is not a Miri error: the
/// tests that leak on purpose count what they leak.
struct Tracked<'c> {
    id: usize,
    census: &'c Census,
}

impl std::fmt::Debug for Tracked<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tracked({})", self.id)
    }
}

impl Drop for Tracked<'_> {
    fn drop(&mut self) {
        self.census.drops[self.id].fetch_add(1, Ordering::SeqCst);
    }
}

fn both_strategies() -> [Options; 2] {
    [
        Options::default().read_strategy(ReadStrategy::Fenced),
        Options::default().read_strategy(ReadStrategy::Asymmetric),
    ]
}

/// A small deterministic generator (xorshift64*), so that runs are repeatable.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) % n
    }
}

#[test]
fn an_aliased_value_is_dropped_only_with_a_dropping_behavior() {
    let census = Census::new(2);
    drop(Aliased::<_, DoDrop>::from(census.value()));
    drop(Aliased::<_, NoDrop>::from(census.value()));
    assert_eq!((census.drops(0), census.drops(1)), (1, 0));
}

#[test]
fn an_alias_reads_the_value_and_only_the_dropping_alias_frees_it() {
    let census = Census::new(1);
    let owner = Aliased::<_, NoDrop>::from(census.value());
    // SAFETY: both aliases are `NoDrop` until `last` is turned into the only dropping one, after
    // `owner` is gone.
    let last = unsafe { owner.alias() };
    assert_eq!((owner.id, last.id), (0, 0));
    assert!(std::ptr::eq(owner.census, last.census));
    drop(owner);
    assert_eq!(census.drops(0), 0, "a NoDrop alias leaves the value alone");
    assert_eq!(last.id, 0, "the other alias still reads it");
    // SAFETY: `owner` is gone, so `last` is the only alias.
    drop(unsafe { last.change_drop::<DoDrop>() });
    assert_eq!(census.drops(0), 1);
}

/// The aliases of a `String` or a `Box` share its heap block; reading through one after another
/// was dropped (as `NoDrop`) and freeing through the last is what Miri checks here, under both
/// borrow models.
#[test]
fn aliases_of_heap_values_share_one_allocation() {
    let owner = Aliased::<String, NoDrop>::from("x".repeat(100));
    // SAFETY: `owner` never drops; `last` becomes the only dropping alias after `owner` is gone.
    let last = unsafe { owner.alias() };
    assert_eq!(owner.as_ptr(), last.as_ptr(), "one heap block, two aliases");
    drop(owner);
    assert_eq!(last.len(), 100);
    // SAFETY: as above.
    drop(unsafe { last.change_drop::<DoDrop>() });

    let boxed = Aliased::<Box<[u64; 4]>, DoDrop>::from(Box::new([7; 4]));
    // SAFETY: the second alias is turned into a non-dropping one at once, and dropped before
    // `boxed`, the only dropping alias.
    let second = unsafe { boxed.alias() };
    // SAFETY: towards `NoDrop`, which frees nothing.
    let reader = unsafe { second.change_drop::<NoDrop>() };
    assert!(std::ptr::eq(&**boxed, &**reader));
    assert_eq!(reader[3], 7);
    drop(reader);
    assert_eq!(boxed.iter().sum::<u64>(), 28);
}

/// Regression test for left-right 0.11's `change_drop`, which dropped `self` after copying its
/// value out: changing a dropping alias into a non-dropping one freed the value.
#[test]
fn changing_a_dropping_alias_into_a_non_dropping_one_keeps_the_value() {
    let census = Census::new(1);
    let owner = Aliased::<_, DoDrop>::from(census.value());
    // SAFETY: towards `NoDrop`, which frees nothing.
    let kept = unsafe { owner.change_drop::<NoDrop>() };
    assert_eq!(census.drops(0), 0);
    assert_eq!(kept.id, 0);
    // SAFETY: `kept` is the only alias.
    drop(unsafe { kept.change_drop::<DoDrop>() });
    assert_eq!(census.drops(0), 1);
}

#[test]
fn aliased_compares_hashes_borrows_and_formats_like_its_value() {
    let set: HashSet<Aliased<String, DoDrop>> = ["b", "a"]
        .into_iter()
        .map(|s| Aliased::from(s.to_owned()))
        .collect();
    assert!(
        set.contains("a"),
        "Borrow<str> hashes and compares like the String"
    );
    assert!(!set.contains("c"));
    let mut sorted: Vec<&Aliased<String, DoDrop>> = set.iter().collect();
    sorted.sort();
    assert_eq!(
        sorted.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(format!("{:?}", sorted[0]), "\"a\"");
    let bytes = Aliased::<Vec<u8>, DoDrop>::from(vec![1, 2]);
    let slice: &[u8] = std::borrow::Borrow::borrow(&bytes);
    assert_eq!(slice, [1, 2]);
}

/// One run of the example map against a model: random inserts, replacements and removals, a
/// publish now and then, the reader checked against the model after each step; then the writer
/// goes at whatever point the script ended. `wrap` turns a tracked value into the map's value
/// type (boxed or not), `id` reads the id back.
fn run_example_map<'c, V>(
    census: &'c Census,
    options: Options,
    seed: u64,
    wrap: impl Fn(Tracked<'c>) -> V,
    id: impl Fn(&V) -> usize,
) {
    let (mut w, r) = map::new::<V>(options);
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut written: BTreeMap<u64, usize> = BTreeMap::new();
    let mut published = written.clone();
    // Ends anywhere in the second half of the census's capacity: the writer goes with operations
    // pending or not, a publish ago or several.
    let capacity = census.drops.len() as u64;
    let end = (capacity / 2 + rng.below(capacity / 2)) as usize;
    for _ in 0..end {
        let key = rng.below(8);
        match rng.below(8) {
            0..=3 => {
                let value = census.value();
                written.insert(key, value.id);
                w.insert(key, wrap(value));
            }
            4 | 5 => {
                written.remove(&key);
                w.remove(key);
            }
            _ => {
                w.publish();
                published.clone_from(&written);
            }
        }
        assert_eq!(r.len(), published.len());
        for key in 0..8 {
            let seen = r.get(key).map(|value| id(&value));
            assert_eq!(seen, published.get(&key).copied(), "key {key}");
        }
    }
    drop(w);
    assert_eq!(r.len(), 0, "the data went with the writer");
}

fn steps() -> usize {
    if cfg!(miri) { 40 } else { 400 }
}

#[test]
fn the_example_map_drops_every_value_once() {
    for options in both_strategies() {
        for seed in 0..if cfg!(miri) { 3 } else { 24 } {
            let census = Census::new(steps());
            run_example_map(&census, options, seed, |value| value, |value| value.id);
            census.assert_each_dropped_once();
        }
    }
}

#[test]
fn the_example_map_drops_every_boxed_value_once() {
    for options in both_strategies() {
        for seed in 0..if cfg!(miri) { 2 } else { 8 } {
            let census = Census::new(steps());
            run_example_map(&census, options, seed, Box::new, |value| value.id);
            census.assert_each_dropped_once();
        }
    }
}

/// Sets a flag when dropped, so that reader threads stop even if the writer's side panics.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Readers on other threads read values (an access Miri would report if the value had been
/// freed) while the writer replaces and removes them and publishes; every value is then dropped
/// exactly once.
#[test]
fn the_example_map_with_readers_on_other_threads() {
    const KEYS: u64 = 4;
    let rounds = if cfg!(miri) { 12 } else { 400 };
    for options in both_strategies() {
        let census = Census::new(rounds + 2);
        let stop = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let stop_readers = StopOnDrop(&stop);
            // Each value carries the key it was inserted under, for the readers to check.
            let (mut w, r) = map::new::<(u64, Tracked<'_>)>(options);
            for _ in 0..2 {
                let reader = r.clone();
                let stop = &stop;
                scope.spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        for key in 0..KEYS {
                            if let Some(value) = reader.get(key) {
                                assert_eq!(
                                    value.0, key,
                                    "value {} under the wrong key",
                                    value.1.id
                                );
                            }
                        }
                        std::thread::yield_now();
                    }
                });
            }
            for round in 0..rounds {
                let key = round as u64 % KEYS;
                w.insert(key, (key, census.value()));
                if round % 3 == 2 {
                    w.remove((key + 1) % KEYS);
                }
                w.publish();
            }
            // End with a publish that replaced a value, and a write never published: both leak
            // unless the writer brings the copies level before it goes.
            w.insert(0, (0, census.value())).publish();
            w.insert(1, (1, census.value()));
            drop(w);
            drop(stop_readers);
        });
        census.assert_each_dropped_once();
    }
}

/// A port of left-right 0.11's `deque` test (a `VecDeque` of aliased values), in this file's
/// words. Two changes: `absorb_second` and `drop_second` convert values one at a time instead of
/// casting the whole `VecDeque` (see the module docs, "Convert values, not containers"), and the
/// writer publishes twice before it goes, which 0.11's writer did itself.
mod deque {
    use super::{Census, DoDrop, NoDrop, Tracked};
    use left_right::Absorb;
    use left_right::aliasing::Aliased;
    use std::collections::VecDeque;

    #[derive(Default)]
    pub(super) struct Deque<'c>(pub(super) VecDeque<Aliased<Tracked<'c>, NoDrop>>);

    pub(super) enum Op<'c> {
        PushBack(Aliased<Tracked<'c>, NoDrop>),
        PopFront,
    }

    /// Drops the last alias of a value.
    fn free(value: Aliased<Tracked<'_>, NoDrop>) {
        // SAFETY: called only on values the other copy no longer holds (it popped them at
        // `absorb_first`, or the writer is gone), with no reader inside this copy.
        drop(unsafe { value.change_drop::<DoDrop>() });
    }

    impl<'c> Absorb<Op<'c>> for Deque<'c> {
        fn absorb_first(&mut self, op: &mut Op<'c>, _: &Self) {
            match op {
                // SAFETY: both aliases are `NoDrop`; the one popped last is freed, by
                // `absorb_second` or `drop_second`.
                Op::PushBack(value) => self.0.push_back(unsafe { value.alias() }),
                Op::PopFront => drop(self.0.pop_front()),
            }
        }

        fn absorb_second(&mut self, op: Op<'c>, _: &Self) {
            match op {
                Op::PushBack(value) => self.0.push_back(value),
                Op::PopFront => {
                    if let Some(value) = self.0.pop_front() {
                        free(value);
                    }
                }
            }
        }

        fn sync_with(&mut self, first: &Self) {
            assert!(self.0.is_empty());
            // SAFETY: as in `absorb_first`.
            self.0
                .extend(first.0.iter().map(|value| unsafe { value.alias() }));
        }

        fn drop_second(self: Box<Self>) {
            self.0.into_iter().for_each(free);
        }
    }

    pub(super) fn push<'c>(census: &'c Census) -> Op<'c> {
        Op::PushBack(Aliased::from(census.value()))
    }
}

fn deque_ids(r: &ReadHandle<deque::Deque<'_>>) -> Vec<usize> {
    r.enter().unwrap().0.iter().map(|value| value.id).collect()
}

/// Runs the port's script up to the writer's end; returns the writer and reader.
fn deque_script<'c>(
    census: &'c Census,
    options: Options,
) -> (
    left_right::WriteHandle<deque::Deque<'c>, deque::Op<'c>>,
    ReadHandle<deque::Deque<'c>>,
) {
    let (mut w, r) = options.construct::<deque::Deque<'c>, deque::Op<'c>>();
    w.append(deque::push(census));
    w.append(deque::push(census));
    w.append(deque::push(census));
    w.publish();
    assert_eq!(census.alive(), [0, 1, 2]);
    assert_eq!(deque_ids(&r), [0, 1, 2]);

    w.append(deque::push(census));
    assert!(w.try_publish());
    assert_eq!(census.alive(), [0, 1, 2, 3]);
    assert_eq!(deque_ids(&r), [0, 1, 2, 3]);

    w.append(deque::Op::PopFront);
    w.append(deque::Op::PopFront);
    w.publish();
    // Popped from the readers' copy only: the other copy still holds them.
    assert_eq!(census.alive(), [0, 1, 2, 3]);
    assert_eq!(deque_ids(&r), [2, 3]);

    w.append(deque::Op::PopFront);
    w.publish();
    // The other copy popped them too, freeing them.
    assert_eq!(census.alive(), [2, 3]);
    assert_eq!(deque_ids(&r), [3]);
    (w, r)
}

#[test]
fn left_right_0_11_deque_port_drops_every_value_once() {
    for options in both_strategies() {
        let census = Census::new(4);
        let (mut w, r) = deque_script(&census, options);
        drop(r);
        // What 0.11's writer did when dropped: bring both copies level.
        w.publish().publish();
        drop(w);
        census.assert_each_dropped_once();
    }
}

#[test]
fn the_deque_taken_back_after_two_publishes_drops_every_value_once() {
    for options in both_strategies() {
        let census = Census::new(4);
        let (mut w, r) = deque_script(&census, options);
        w.publish().publish();
        let taken = w.take();
        assert!(r.enter().is_none());
        assert_eq!(
            taken.0.iter().map(|value| value.id).collect::<Vec<_>>(),
            [3]
        );
        drop(taken);
        census.assert_each_dropped_once();
    }
}

/// What happens when the writer is dropped as it is, without the two publishes: the writer's copy
/// still holds the value the last publish popped, and frees nothing, so that value leaks. Never
/// a double drop. (If left-right's writer starts bringing the copies level when dropped, this
/// leak disappears, and this test and the `aliasing` docs should say so.)
#[test]
fn without_the_two_publishes_the_last_publishs_removals_leak_but_nothing_is_dropped_twice() {
    for options in both_strategies() {
        let census = Census::new(4);
        let (w, r) = deque_script(&census, options);
        drop(w);
        drop(r);
        assert_eq!(
            census.alive(),
            [2],
            "popped by the last publish, still in the writer's copy"
        );
        assert!((0..4).all(|id| census.drops(id) <= 1));
    }
}

/// The memory of the recipe's structures is also freed on a poisoned writer's drop, minus what
/// only the half-updated copy held: a panic in `absorb_first` must not lead to a double drop.
#[test]
fn a_panic_in_absorb_first_leaks_at_worst() {
    #[derive(Default)]
    struct Boom<'c>(VecDeque<Aliased<Tracked<'c>, NoDrop>>);

    enum BoomOp<'c> {
        Push(Aliased<Tracked<'c>, NoDrop>),
        Pop,
        Panic,
    }

    impl<'c> Absorb<BoomOp<'c>> for Boom<'c> {
        fn absorb_first(&mut self, op: &mut BoomOp<'c>, _: &Self) {
            match op {
                // SAFETY: as in the deque port.
                BoomOp::Push(value) => self.0.push_back(unsafe { value.alias() }),
                BoomOp::Pop => drop(self.0.pop_front()),
                BoomOp::Panic => panic!("absorb_first fails on purpose"),
            }
        }

        fn absorb_second(&mut self, op: BoomOp<'c>, _: &Self) {
            match op {
                BoomOp::Push(value) => self.0.push_back(value),
                BoomOp::Pop => {
                    if let Some(value) = self.0.pop_front() {
                        // SAFETY: the other copy popped it at `absorb_first`.
                        drop(unsafe { value.change_drop::<DoDrop>() });
                    }
                }
                BoomOp::Panic => {}
            }
        }

        fn sync_with(&mut self, first: &Self) {
            // SAFETY: as in the deque port.
            self.0
                .extend(first.0.iter().map(|value| unsafe { value.alias() }));
        }

        fn drop_second(self: Box<Self>) {
            for value in self.0 {
                // SAFETY: the writer is gone; `drop_first` dropped the other copy as `NoDrop`.
                drop(unsafe { value.change_drop::<DoDrop>() });
            }
        }
    }

    let census = Census::new(3);
    let (mut w, r) = left_right::new::<Boom<'_>, BoomOp<'_>>();
    w.append(BoomOp::Push(Aliased::from(census.value())));
    w.append(BoomOp::Push(Aliased::from(census.value())));
    w.publish().publish();
    // The pop is absorbed first into the writer's copy, then the panic stops the publish: the
    // readers' copy still holds value 0.
    w.append(BoomOp::Pop).append(BoomOp::Panic);
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        w.publish();
    }));
    assert!(panicked.is_err() && w.is_poisoned());
    assert_eq!(r.enter().unwrap().0.len(), 2);
    drop(w);
    drop(r);
    // The readers' copy, the last published, freed both values; nothing was freed twice.
    assert_eq!(census.alive(), Vec::<usize>::new());
    assert!((0..2).all(|id| census.drops(id) == 1));
}
