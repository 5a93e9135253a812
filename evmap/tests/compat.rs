//! What makes code written for evmap 9, evmap 11 and left-right 0.11 port: `Values: Default`, the
//! iterators' `ExactSizeIterator + FusedIterator`, evmap 11's module paths, the meta value from
//! construction, `try_publish`, the names (`stats`, `refresh`/`publish`, `evmap::Absorb`), and
//! `empty_at_index`. The upstream tests themselves, ported, are in `upstream.rs`.

use std::any::TypeId;

#[test]
fn values_default_is_an_empty_bag() {
    let bag: evmap::Values<String> = Default::default();
    assert!(bag.is_empty());
    assert_eq!(bag.len(), 0);
    assert_eq!(bag.capacity(), 0, "an empty bag allocates nothing");
    assert_eq!(bag.iter().len(), 0);
    assert!(bag.get_one().is_none());
    assert!(!bag.contains("x"));
    assert_eq!(format!("{bag:?}"), "{}");
}

/// Exhausts `iter`, checking at every step that `len` is what is left, then that it stays done.
fn drain_exactly<I: ExactSizeIterator + std::iter::FusedIterator>(mut iter: I, expected: usize) {
    assert_eq!(iter.len(), expected);
    for left in (0..expected).rev() {
        assert!(iter.next().is_some());
        assert_eq!(iter.len(), left);
        assert_eq!(iter.size_hint(), (left, Some(left)));
    }
    assert!(iter.next().is_none());
    assert!(iter.next().is_none(), "fused: still done");
    assert_eq!(iter.len(), 0);
}

#[test]
fn bag_iterators_know_their_length_in_every_representation() {
    let (r, mut w) = evmap::new::<u32, u32>();
    // One value (stored inline), a few with duplicates (a vector), and 40 with duplicates (a
    // hash bag, where the iterator repeats each value as often as it occurs).
    w.insert(1, 7);
    w.extend([(2, 1), (2, 1), (2, 2)]);
    for v in 0..40 {
        w.insert(3, v % 30);
    }
    w.refresh();
    for (key, expected) in [(1, 1), (2, 3), (3, 40)] {
        let bag = r.get(&key).unwrap();
        assert_eq!(bag.iter().len(), expected, "key {key}");
        assert_eq!((&*bag).into_iter().len(), expected, "key {key}");
        drain_exactly(bag.iter(), expected);
    }
    // A cleared bag.
    w.clear(2).refresh();
    drain_exactly(r.get(&2).unwrap().iter(), 0);
}

#[test]
fn map_iterators_know_their_length() {
    let (r, mut w) = evmap::new::<u32, u32>();
    // Before the first refresh, after it, and after the writer's drop.
    drain_exactly(r.read().iter(), 0);
    w.extend([(1, 1), (2, 2), (2, 3), (3, 3)]);
    w.refresh();
    let view = r.enter().unwrap();
    assert_eq!(view.iter().len(), view.len());
    drain_exactly(view.iter(), 3);
    drain_exactly(view.keys(), 3);
    drain_exactly(view.values(), 3);
    drain_exactly((&view).into_iter(), 3);
    drop(view);
    drop(w);
    drain_exactly(r.read().iter(), 0);
    drain_exactly(r.read().keys(), 0);
}

#[test]
fn evmap_11_module_paths_name_the_crate_root_types() {
    type K = u32;
    type V = String;
    assert_eq!(
        TypeId::of::<evmap::handles::ReadHandle<K, V>>(),
        TypeId::of::<evmap::ReadHandle<K, V>>()
    );
    assert_eq!(
        TypeId::of::<evmap::handles::WriteHandle<K, V>>(),
        TypeId::of::<evmap::WriteHandle<K, V>>()
    );
    assert_eq!(
        TypeId::of::<evmap::handles::ReadHandleFactory<K, V>>(),
        TypeId::of::<evmap::ReadHandleFactory<K, V>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::Values<V>>(),
        TypeId::of::<evmap::Values<V>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::ReadGuard<'static, V>>(),
        TypeId::of::<evmap::ReadGuard<'static, V>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::MapReadRef<'static, K, V>>(),
        TypeId::of::<evmap::MapReadRef<'static, K, V>>()
    );
    type S = std::collections::hash_map::RandomState;
    assert_eq!(
        TypeId::of::<evmap::refs::ReadGuardIter<'static, K, V, S>>(),
        TypeId::of::<evmap::ReadGuardIter<'static, K, V, S>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::BagIter<'static, V, S>>(),
        TypeId::of::<evmap::BagIter<'static, V, S>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::KeysIter<'static, K, V, S>>(),
        TypeId::of::<evmap::KeysIter<'static, K, V, S>>()
    );
    assert_eq!(
        TypeId::of::<evmap::refs::ValuesIter<'static, K, V, S>>(),
        TypeId::of::<evmap::ValuesIter<'static, K, V, S>>()
    );
}

#[test]
fn the_meta_value_is_readable_from_construction_through_every_meta_accessor() {
    let (r, mut w) = evmap::with_meta::<u32, u32, &str>("initial");
    let factory = r.factory();
    w.insert(1, 1).set_meta("next");
    for handle in [r.clone(), factory.handle()] {
        assert_eq!(handle.meta().as_deref(), Some(&"initial"));
        assert_eq!(handle.read().meta(), Some(&"initial"));
    }
    assert_eq!(
        w.meta().as_deref(),
        Some(&"initial"),
        "reading through the writer"
    );
    assert_eq!(w.read().meta(), Some(&"initial"));
    // The view before the first refresh has the meta value but no keys.
    let view = r.read();
    assert!(view.is_empty() && view.get(&1).is_none() && !view.contains_key(&1));
    drop(view);

    w.refresh();
    assert_eq!(r.meta().as_deref(), Some(&"next"));
    assert_eq!(r.read().meta(), Some(&"next"));
    assert_eq!(r.enter().unwrap().meta(), Some(&"next"));
    assert_eq!(r.meta_get(&1).map(|(_, meta)| meta), Some("next"));

    drop(w);
    assert!(r.meta().is_none());
    assert!(
        r.read().meta().is_none(),
        "no meta value once the writer is gone"
    );
}

#[test]
fn lookups_see_the_map_only_from_the_first_refresh() {
    let (r, mut w) = evmap::with_meta::<u32, u32, u8>(7);
    w.insert(1, 1);
    assert!(r.get(&1).is_none());
    assert!(r.meta_get(&1).is_none(), "as in evmap 9 and 11");
    assert!(r.enter().is_none(), "as in evmap 11");
    assert_eq!(r.len(), 0);
    w.refresh();
    assert_eq!(
        r.meta_get(&1)
            .map(|(bag, meta)| (bag.map(|b| b.len()), meta)),
        Some((Some(1), 7))
    );
    assert!(r.enter().is_some());
}

#[test]
fn try_publish_gives_up_while_a_guard_holds_the_copy_it_needs() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).refresh();
    let guard = r.get(&1).unwrap(); // inside the copy published just now
    w.insert(2, 2).refresh(); // swaps that copy out: does not wait
    assert_eq!(r.len(), 2);
    w.insert(3, 3);
    let busy = w.stats().busy;
    // Publishing again means rewriting the copy `guard` is in.
    assert!(!w.try_publish());
    assert!(!w.try_publish());
    assert_eq!(w.stats().busy, busy + 2, "each give-up is counted");
    assert!(w.has_pending(), "the write is still pending");
    assert_eq!(r.len(), 2, "and not visible");
    assert_eq!(*guard.get_one().unwrap(), 1);
    drop(guard);
    let publishes = w.stats().publishes;
    assert!(w.try_publish());
    assert_eq!(w.stats().publishes, publishes + 1);
    assert!(!w.has_pending());
    assert_eq!(r.len(), 3);
}

#[test]
fn try_publish_publishes_when_no_reader_is_in_the_way() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1);
    assert!(w.try_publish(), "the first publish never waits");
    assert!(w.insert(2, 2).try_publish());
    // A guard on the published copy is not in the way of the next publish (only of the one after).
    let guard = r.get(&2);
    assert!(w.insert(3, 3).try_publish());
    drop(guard);
    assert_eq!(r.len(), 3);
}

#[test]
fn stats_and_publish_stats_are_the_same_counters() {
    let (_r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).refresh();
    w.publish();
    let stats = w.stats();
    assert_eq!(stats.publishes, 2, "refresh and publish each publish once");
    assert_eq!(w.publish_stats(), stats);
}

#[test]
fn refresh_and_publish_are_one_method() {
    let (r, mut w) = evmap::new::<u32, u32>();
    w.insert(1, 1).publish();
    assert_eq!(r.len(), 1);
    w.insert(2, 2).refresh();
    assert_eq!(r.len(), 2);
    assert_eq!(w.stats().publishes, 2);
}

/// `evmap::Absorb` is the trait (the derive macro too, with feature `derive`: see `derive_and_trait`).
#[test]
fn evmap_absorb_names_the_trait() {
    #[derive(Clone, Default)]
    struct Hits(u64);
    struct Hit;
    impl evmap::Absorb<Hit> for Hits {
        fn absorb_first(&mut self, _: &mut Hit, _: &Self) {
            self.0 += 1;
        }
        fn sync_with(&mut self, first: &Self) {
            self.0 = first.0;
        }
    }
    fn same_trait<T: left_right::Absorb<O>, O>() {}
    same_trait::<Hits, Hit>();

    let (r, mut w) = evmap::with_meta::<u32, u32, Hits>(Hits(0));
    w.update_meta(Hit).update_meta(Hit).refresh();
    assert_eq!(r.meta().unwrap().0, 2);
}

#[cfg(feature = "derive")]
#[test]
fn derive_and_trait() {
    // One import, both namespaces: the derive macro and the trait.
    use evmap::Absorb;

    #[derive(Absorb, Clone, Default)]
    struct Meta {
        generation: u64,
    }

    fn absorbs<T: Absorb<O>, O>(_: &T) {}
    absorbs::<Meta, MetaOp>(&Meta::default());

    let (r, mut w) = evmap::with_meta::<u32, u32, Meta>(Meta::default());
    w.set_generation(3).refresh();
    assert_eq!(r.meta().unwrap().generation, 3);
}

#[cfg(feature = "indexed")]
mod indexed {
    fn ids<I: Iterator<Item = u32>>(iter: I) -> Vec<u32> {
        let mut v: Vec<u32> = iter.collect();
        v.sort_unstable();
        v
    }

    fn keys(r: &evmap::ReadHandle<&'static str, u32>) -> Vec<&'static str> {
        r.read().keys().copied().collect()
    }

    #[test]
    fn empty_at_index_removes_the_key_at_that_position() {
        let (r, mut w) = evmap::new::<&str, u32>();
        w.extend([("a", 1), ("b", 2), ("b", 3), ("c", 4), ("d", 5)]);
        w.refresh();
        assert_eq!(keys(&r), ["a", "b", "c", "d"]);
        let (key, bag) = w.empty_at_index(1).unwrap();
        assert_eq!(key, "b");
        assert_eq!(
            ids(bag.iter().copied()),
            [2, 3],
            "the removed key's whole bag, cloned"
        );
        assert_eq!(
            keys(&r),
            ["a", "b", "c", "d"],
            "not visible before the refresh"
        );
        w.refresh();
        // Like evmap 9's, a swap-remove: the last key takes the removed key's place.
        assert_eq!(keys(&r), ["a", "d", "c"]);
        assert!(r.get("b").is_none());
    }

    #[test]
    fn empty_at_index_counts_writes_not_yet_refreshed() {
        let (r, mut w) = evmap::new::<&str, u32>();
        w.insert("a", 1).refresh();
        w.insert("b", 2); // pending
        let (key, _) = w.empty_at_index(1).unwrap();
        assert_eq!(key, "b", "index 1 exists only with the pending write");
        w.refresh();
        assert_eq!(keys(&r), ["a"]);
        // Pending removals count too: "a" is the only key, then there is none.
        w.remove_entry("a");
        assert!(w.empty_at_index(0).is_none());
        w.refresh();
        assert!(r.is_empty());
    }

    #[test]
    fn empty_at_index_out_of_range_removes_nothing() {
        let (r, mut w) = evmap::new::<&str, u32>();
        assert!(w.empty_at_index(0).is_none(), "an empty map");
        w.insert("a", 1);
        assert!(w.empty_at_index(1).is_none());
        assert!(w.empty_at_index(usize::MAX).is_none());
        assert!(!w.has_pending());
        w.refresh();
        assert_eq!(keys(&r), ["a"]);
    }
}
