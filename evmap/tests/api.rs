//! Every method, before and after refresh: unpublished writes are never visible.

use evmap::Values;
use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::{Hash, Hasher};

fn sorted<V: Ord + Clone, S>(values: &Values<V, S>) -> Vec<V> {
    let mut v: Vec<V> = values.iter().cloned().collect();
    v.sort();
    v
}

fn bag<M>(r: &evmap::ReadHandle<&'static str, u32, M>, key: &str) -> Option<Vec<u32>> {
    r.get(key).map(|values| sorted(&values))
}

#[test]
fn nothing_is_visible_before_the_first_refresh() {
    let (r, mut w) = evmap::with_meta::<&str, u32, &str>("initial");
    w.insert("a", 1)
        .update("b", 2)
        .clear("c")
        .reserve("d", 4)
        .set_meta("next");
    assert!(w.has_pending());
    assert_eq!(r.len(), 0);
    assert!(r.is_empty());
    assert!(r.get("a").is_none());
    assert!(r.get_one("a").is_none());
    assert!(!r.contains_key("a"));
    assert!(!r.contains_value("a", &1));
    assert!(r.enter().is_none(), "no map has been published");
    assert!(r.read().is_empty());
    assert_eq!(
        r.read().meta(),
        Some(&"initial"),
        "a view carries the initial meta from the start, as `meta()` does"
    );
    assert!(r.meta_get("a").is_none());
    assert_eq!(
        *r.meta().unwrap(),
        "initial",
        "the initial meta is readable from the start"
    );
    w.refresh();
    assert!(!w.has_pending());
    assert_eq!(r.len(), 4);
    assert_eq!(*r.meta().unwrap(), "next");
}

/// Each write, on a published map, leaves what readers see (the bags, their capacity, the meta)
/// unchanged until the next refresh; then readers see exactly its effect.
#[test]
fn no_write_is_visible_until_the_refresh_after_it() {
    fn write(w: &mut evmap::WriteHandle<&'static str, u32, u32>, name: &str) {
        match name {
            "insert" => w.insert("a", 4),
            "update" => w.update("a", 9),
            "remove" => w.remove("a", 2),
            "remove_value" => w.remove_value("a", 1),
            "empty" => w.empty("a"),
            "remove_entry" => w.remove_entry("a"),
            "clear" => w.clear("a"),
            "purge" => w.purge(),
            "retain" => w.retain("a", |&v| v != 2),
            "extend" => {
                w.extend([("a", 5), ("a", 6)]);
                w
            }
            "fit" => w.remove("a", 1).fit("a"),
            "fit_all" => w.remove("a", 1).fit_all(),
            "reserve" => w.reserve("a", 40),
            "set_meta" => w.set_meta(7),
            _ => unreachable!("{name}"),
        };
    }
    // Each write, and the bag of "a" readers see after the refresh that follows it.
    let cases: [(&str, Option<&[u32]>); 14] = [
        ("insert", Some(&[1, 2, 2, 4])),
        ("update", Some(&[9])),
        ("remove", Some(&[1, 2])),
        ("remove_value", Some(&[2, 2])),
        ("empty", None),
        ("remove_entry", None),
        ("clear", Some(&[])),
        ("purge", None),
        ("retain", Some(&[1])),
        ("extend", Some(&[1, 2, 2, 5, 6])),
        ("fit", Some(&[2, 2])),
        ("fit_all", Some(&[2, 2])),
        ("reserve", Some(&[1, 2, 2])),
        ("set_meta", Some(&[1, 2, 2])),
    ];
    for (name, after) in cases {
        let (r, mut w) = evmap::with_meta::<&str, u32, u32>(0);
        w.insert("a", 1)
            .insert("a", 2)
            .insert("a", 2)
            .insert("b", 3);
        w.refresh();
        let capacity = r.get("a").unwrap().capacity();
        write(&mut w, name);
        assert!(w.has_pending(), "{name}: pending");
        assert_eq!(bag(&r, "a"), Some(vec![1, 2, 2]), "{name}: not yet visible");
        assert_eq!(
            r.get("a").unwrap().capacity(),
            capacity,
            "{name}: not yet visible"
        );
        assert_eq!(r.len(), 2, "{name}: not yet visible");
        assert_eq!(*r.meta().unwrap(), 0, "{name}: not yet visible");
        w.refresh();
        assert_eq!(
            bag(&r, "a"),
            after.map(<[u32]>::to_vec),
            "{name}: visible after refresh"
        );
        assert!(!w.has_pending(), "{name}: nothing pending after refresh");
        let capacity_after = r.get("a").map(|values| values.capacity());
        match name {
            "fit" | "fit_all" => assert_eq!(capacity_after, Some(2), "{name}: fitted"),
            "reserve" => assert!(capacity_after >= Some(43), "{name}: {capacity_after:?}"),
            _ => {}
        }
        let meta = if name == "set_meta" { 7 } else { 0 };
        assert_eq!(*r.meta().unwrap(), meta, "{name}: meta after refresh");
    }
}

#[test]
fn insert_update_remove() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("a", 1).insert("a", 2).insert("a", 2).refresh();
    assert_eq!(bag(&r, "a"), Some(vec![1, 2, 2]));

    w.update("a", 7);
    assert_eq!(bag(&r, "a"), Some(vec![1, 2, 2]), "update not yet visible");
    w.refresh();
    assert_eq!(bag(&r, "a"), Some(vec![7]));

    w.insert("a", 8)
        .insert("a", 8)
        .remove_value("a", 8)
        .refresh();
    assert_eq!(
        bag(&r, "a"),
        Some(vec![7, 8]),
        "remove_value removes one occurrence"
    );
    w.remove("a", 7).remove("a", 8).refresh();
    assert_eq!(
        bag(&r, "a"),
        Some(vec![]),
        "removing the last value keeps the key"
    );
    assert!(r.contains_key("a"));
    w.remove_value("a", 99).remove_value("missing", 1).refresh();
    assert_eq!(bag(&r, "a"), Some(vec![]));
    assert!(
        !r.contains_key("missing"),
        "removing from a missing key does not create it"
    );
}

#[test]
fn clear_keeps_the_key_and_empty_removes_it() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("kept", 1)
        .insert("kept", 2)
        .insert("gone", 3)
        .refresh();
    w.clear("kept").empty("gone").clear("new");
    assert_eq!(bag(&r, "kept"), Some(vec![1, 2]));
    assert_eq!(bag(&r, "gone"), Some(vec![3]));
    w.refresh();
    assert_eq!(bag(&r, "kept"), Some(vec![]), "clear: Some(empty bag)");
    assert_eq!(bag(&r, "gone"), None, "empty: None");
    assert_eq!(bag(&r, "new"), Some(vec![]), "clear creates a missing key");
    w.insert("gone", 4).remove_entry("gone").refresh();
    assert_eq!(bag(&r, "gone"), None);
    w.insert("kept", 5).refresh();
    assert_eq!(
        bag(&r, "kept"),
        Some(vec![5]),
        "a cleared bag takes values again"
    );
}

#[test]
fn purge_removes_everything() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("a", 1).insert("b", 2).refresh();
    w.purge();
    assert_eq!(r.len(), 2);
    w.refresh();
    assert_eq!(r.len(), 0);
    assert!(r.get("a").is_none());
    w.insert("c", 3).refresh();
    assert_eq!(r.len(), 1);
}

#[test]
fn retain_keeps_what_the_predicate_accepts_in_both_copies() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.extend((0..10).map(|i| ("even", i)));
    w.refresh();
    w.retain("even", |v| v % 2 == 0);
    assert_eq!(bag(&r, "even").unwrap().len(), 10);
    w.refresh();
    assert_eq!(bag(&r, "even"), Some(vec![0, 2, 4, 6, 8]));
    // The other copy replays the same decisions: visible after the next refresh swaps back.
    w.refresh();
    assert_eq!(bag(&r, "even"), Some(vec![0, 2, 4, 6, 8]));
    w.retain("even", |_| false)
        .retain("missing", |_| true)
        .refresh();
    assert_eq!(bag(&r, "even"), Some(vec![]), "retain keeps the key");
    assert!(!r.contains_key("missing"));
}

#[test]
fn retain_with_a_predicate_that_changes_its_mind_leaves_identical_copies() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.extend((0..40).map(|i| ("k", i)));
    w.refresh();
    let mut calls = 0u32;
    // Answers differently every time it is asked about the same value.
    w.retain("k", move |_| {
        calls += 1;
        calls % 3 == 0
    });
    w.refresh();
    let first = bag(&r, "k").unwrap();
    assert_eq!(
        first.len(),
        13,
        "asked once per value: 40 calls, every third kept"
    );
    w.refresh();
    assert_eq!(
        bag(&r, "k").unwrap(),
        first,
        "the second copy replayed the same decisions"
    );
}

#[test]
fn meta_is_published_with_the_data() {
    let (r, mut w) = evmap::with_meta::<&str, u32, u64>(0);
    w.insert("a", 1).set_meta(1);
    assert_eq!(*r.meta().unwrap(), 0);
    w.refresh();
    let (values, meta) = r.meta_get("a").unwrap();
    assert_eq!((values.map(|v| v.len()), meta), (Some(1), 1));
    let (values, meta) = r.meta_get("nope").unwrap();
    assert!(values.is_none());
    assert_eq!(meta, 1);
    assert_eq!(r.read().meta(), Some(&1));
    assert_eq!(r.enter().unwrap().meta(), Some(&1));
}

#[test]
fn map_read_ref_sees_one_consistent_map() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("a", 1).insert("a", 2).insert("b", 3).refresh();
    let view = r.enter().unwrap();
    w.insert("c", 4).refresh();
    assert_eq!(view.len(), 2, "the view does not change after it was taken");
    assert!(!view.is_empty());
    assert_eq!(sorted(view.get("a").unwrap()), [1, 2]);
    assert_eq!(view.get_one("b"), Some(&3));
    assert!(view.contains_key("a") && !view.contains_key("c"));
    assert!(view.contains_value("a", &2) && !view.contains_value("a", &3));
    assert_eq!(sorted(&view["a"]), [1, 2]);
    let mut keys: Vec<_> = view.keys().copied().collect();
    keys.sort();
    assert_eq!(keys, ["a", "b"]);
    let mut total: Vec<_> = view.values().flat_map(|v| v.iter().copied()).collect();
    total.sort();
    assert_eq!(total, [1, 2, 3]);
    let mut pairs = 0;
    for (k, values) in &view {
        assert!(*k == "a" || *k == "b");
        pairs += values.len();
    }
    assert_eq!(pairs, 3);
    assert_eq!(view.iter().size_hint().0, 2);
    drop(view);
    assert_eq!(r.len(), 3);
    let debug = format!("{:?}", r.read());
    assert!(
        debug.contains("MapReadRef") && debug.contains("\"c\": {4}"),
        "{debug}"
    );
}

#[test]
#[should_panic(expected = "no entry found for key")]
fn indexing_a_missing_key_panics() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("a", 1).refresh();
    let view = r.read();
    let _ = &view["b"];
}

#[test]
fn map_into_collects_the_published_map() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.extend([(1, 10), (2, 20), (2, 21)]);
    let none: Vec<u32> = r.map_into(|k, _| *k);
    assert!(none.is_empty());
    w.refresh();
    let mut sums: Vec<(u32, u32)> = r.map_into(|k, v| (*k, v.iter().sum()));
    sums.sort();
    assert_eq!(sums, [(1, 10), (2, 41)]);
}

#[test]
fn lookups_take_borrowed_forms() {
    let (r, mut w) = evmap::new::<String, String>();
    w.insert("key".to_owned(), "value".to_owned()).refresh();
    assert_eq!(r.get("key").map(|v| v.len()), Some(1));
    assert_eq!(
        r.get_one("key").as_deref().map(String::as_str),
        Some("value")
    );
    assert!(r.contains_value("key", "value"));
    assert!(r.contains_key("key"));
    assert_eq!(r.read().get_one("key").map(String::as_str), Some("value"));
}

#[test]
fn dropping_the_writer_empties_the_map_for_readers() {
    let (r, mut w) = evmap::new::<&str, u32>();
    w.insert("a", 1).refresh();
    let factory = r.factory();
    assert!(!r.was_dropped());
    drop(w);
    assert!(r.was_dropped());
    assert!(r.get("a").is_none());
    assert!(r.get_one("a").is_none());
    assert!(r.meta().is_none());
    assert!(r.enter().is_none());
    assert_eq!(r.read().iter().count(), 0);
    assert!(r.read().meta().is_none());
    assert_eq!(r.len(), 0);
    assert!(factory.handle().get("a").is_none());
    assert!(r.clone().was_dropped());
}

#[test]
fn factories_and_clones_read_the_same_map() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).refresh();
    let factory = r.factory();
    let from_thread = std::thread::spawn(move || factory.handle().get_one(&1).map(|v| *v))
        .join()
        .unwrap();
    assert_eq!(from_thread, Some(1));
    assert_eq!(r.clone().get_one(&1).map(|v| *v), Some(1));
    assert_eq!(
        w.get_one(&1).map(|v| *v),
        Some(1),
        "reads through the writer"
    );
    assert!(format!("{w:?}").contains("WriteHandle"));
    assert!(format!("{r:?}").contains("ReadHandle"));
}

#[test]
fn refresh_flush_and_publish() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.refresh();
    let before = w.publish_stats().publishes;
    w.flush();
    assert_eq!(
        w.publish_stats().publishes,
        before,
        "nothing pending, nothing published"
    );
    w.insert(1, 1).flush();
    assert_eq!(w.publish_stats().publishes, before + 1);
    assert_eq!(r.len(), 1);
    w.insert(2, 2).publish();
    assert_eq!(r.len(), 2);
    assert!(!w.is_poisoned());
}

#[test]
fn values_api() {
    let (r, mut w) = evmap::new::<u32, String>();
    w.insert(1, "x".into())
        .insert(1, "y".into())
        .insert(1, "y".into())
        .refresh();
    let values = r.get(&1).unwrap();
    assert_eq!(values.len(), 3);
    assert!(!values.is_empty());
    assert!(values.contains("y"));
    assert!(!values.contains("z"));
    assert!(values.get_one().is_some());
    assert!(values.capacity() >= 3);
    assert_eq!((&*values).into_iter().filter(|v| *v == "y").count(), 2);
    assert_eq!(values.iter().size_hint(), (3, Some(3)));
    let printed = format!("{:?}", *values);
    assert!(
        printed.starts_with('{') && printed.ends_with('}'),
        "printed as a set: {printed}"
    );
    assert_eq!(printed.matches("\"y\"").count(), 2);
}

#[test]
fn reserve_and_fit() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.reserve(0, 64).refresh();
    assert!(r.get(&0).unwrap().capacity() >= 64);
    assert!(
        r.get(&0).unwrap().is_empty(),
        "reserve creates an empty bag"
    );
    for i in 0..17 {
        w.insert(0, i);
    }
    w.fit_all().refresh();
    let capacity = r.get(&0).unwrap().capacity();
    assert!(
        (17..64).contains(&capacity),
        "capacity after fit: {capacity}"
    );
    w.reserve(1, 2).insert(1, 1).fit(1).refresh();
    assert_eq!(
        r.get(&1).unwrap().capacity(),
        1,
        "a single value goes back inline"
    );
}

/// A value that counts how often it is compared: a deterministic way to tell a hash lookup from
/// a scan.
#[derive(Clone, Debug)]
struct Counted(u32, &'static std::thread::LocalKey<Cell<usize>>);

thread_local! {
    static COMPARISONS: Cell<usize> = const { Cell::new(0) };
}

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        self.1.with(|c| c.set(c.get() + 1));
        self.0 == other.0
    }
}

impl Eq for Counted {}

impl Hash for Counted {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

#[test]
fn large_bags_move_to_a_hash_bag_and_back() {
    let (r, mut w) = evmap::new::<u32, Counted>();
    let value = |i| Counted(i, &COMPARISONS);
    let n = if cfg!(miri) { 64 } else { 10_000 };
    for i in 0..n {
        w.insert(0, value(i));
    }
    w.refresh();
    w.refresh();
    // Removing one value from a large bag is O(1): a handful of comparisons, not a scan.
    let before = COMPARISONS.with(Cell::get);
    w.remove_value(0, value(n / 2)).refresh();
    let compared = COMPARISONS.with(Cell::get) - before;
    assert!(
        compared <= 8,
        "removing one of {n} values compared {compared} times"
    );
    assert_eq!(r.get(&0).unwrap().len(), n as usize - 1);
    assert!(!r.contains_value(&0, &value(n / 2)));

    // Small again, no duplicates: `fit` moves it back to compact storage (31 slots at most).
    w.retain(0, |v| v.0 < 20).fit(0).refresh();
    let values = r.get(&0).unwrap();
    assert_eq!(values.len(), 20);
    // A fitted vector holds exactly its values; a hash bag of 20 would report 28 (the
    // representation itself is checked by the unit tests in `values.rs`).
    assert_eq!(values.capacity(), 20);
    drop(values);

    // With a duplicate it stays a hash bag.
    w.insert(1, value(1));
    for i in 0..40 {
        w.insert(1, value(i));
    }
    w.retain(1, |v| v.0 < 2).fit(1).refresh();
    assert_eq!(r.get(&1).unwrap().len(), 3);
}

#[test]
fn custom_hasher_and_options() {
    let (r, mut w) = evmap::with_hasher::<u32, u32, (), _>((), RandomState::new());
    w.insert(1, 1).refresh();
    assert_eq!(r.len(), 1);
    let (r, mut w) = evmap::Options::default()
        .with_capacity(100)
        .with_meta(5u8)
        .construct::<u32, u32>();
    w.insert(2, 2).refresh();
    assert_eq!(r.get_one(&2).map(|v| *v), Some(2));
    assert_eq!(*r.meta().unwrap(), 5);
    assert!(format!("{:?}", evmap::Options::default()).contains("Options"));
}

#[test]
fn a_guard_leaked_through_the_writer_does_not_block_it() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).refresh();
    std::mem::forget(w.get_one(&1));
    w.insert(2, 2).refresh();
    w.insert(3, 3).refresh(); // would wait for the leaked section forever
    assert_eq!(r.len(), 3);
    std::mem::forget(w.get(&1));
    drop(w); // and so would the drop
    assert!(r.was_dropped());
}

#[test]
fn a_reader_can_release_the_section_of_a_leaked_guard() {
    let (mut r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).refresh();
    std::mem::forget(r.get_one(&1));
    r.release_leaked_guards();
    w.insert(2, 2).refresh();
    w.insert(3, 3).refresh(); // would wait for the leaked section forever
    assert_eq!(r.get_one(&3).map(|v| *v), Some(3));
}
