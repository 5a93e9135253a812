//! The optional features: `indexed` (an `IndexMap` backend) and `eviction`.

#[cfg(feature = "indexed")]
#[test]
fn indexed_iterates_in_insertion_order() {
    let (r, mut w) = evmap::new::<u32, u32>();
    for k in [5, 3, 9, 1, 7] {
        w.insert(k, k);
    }
    w.refresh();
    let keys: Vec<u32> = r.read().keys().copied().collect();
    assert_eq!(keys, [5, 3, 9, 1, 7]);
    // Removal moves the last entry into the gap, in both copies alike.
    w.empty(3).refresh().refresh();
    let keys: Vec<u32> = r.read().keys().copied().collect();
    assert_eq!(keys, [5, 7, 9, 1]);
}

#[cfg(feature = "eviction")]
#[test]
fn empty_random_removes_distinct_keys_and_returns_them() {
    use rand::SeedableRng;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let (r, mut w) = evmap::new::<u32, u32>();
    for k in 0..100 {
        w.insert(k, k).insert(k, k + 1000);
    }
    // Not yet published: empty_random publishes first, so it chooses among all 100.
    let evicted = w.empty_random(&mut rng, 10);
    assert_eq!(evicted.len(), 10);
    let mut keys: Vec<u32> = evicted.iter().map(|(k, _)| *k).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 10, "distinct keys");
    for (k, values) in &evicted {
        let mut v: Vec<u32> = values.iter().copied().collect();
        v.sort_unstable();
        assert_eq!(v, [*k, *k + 1000], "returned with its bag");
    }
    assert_eq!(r.len(), 100, "removals become visible at the next refresh");
    w.refresh();
    assert_eq!(r.len(), 90);
    assert!(keys.iter().all(|k| !r.contains_key(k)));

    // Asking for more than there is empties the map.
    assert_eq!(w.empty_random(&mut rng, 1000).len(), 90);
    w.refresh();
    assert!(r.is_empty());
    assert!(w.empty_random(&mut rng, 3).is_empty());
}

#[cfg(feature = "eviction")]
#[test]
fn empty_random_picks_every_key_eventually() {
    use rand::SeedableRng;
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let mut hits = [0u32; 20];
    for _ in 0..if cfg!(miri) { 20 } else { 400 } {
        let (_r, mut w) = evmap::new::<usize, ()>();
        for k in 0..20 {
            w.insert(k, ());
        }
        for (k, _) in w.empty_random(&mut rng, 1) {
            hits[k] += 1;
        }
    }
    assert!(
        hits.iter().all(|&h| h > 0) || cfg!(miri),
        "some key was never chosen: {hits:?}"
    );
}
