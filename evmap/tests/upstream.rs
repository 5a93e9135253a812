//! evmap 9.0.0's and evmap 11.0.0's tests and documentation examples, ported to this crate:
//! the claim that code written for them "ports mechanically", checked.
//!
//! Rewritten in this file's words; what the ported code calls is unchanged except where a line is
//! marked `// port:`, which says what `docs/migration.md` documents for it. For evmap 11, the
//! only change most tests need is the order of the handles: `let (mut w, r) = evmap::new()`
//! becomes `let (r, mut w) = evmap::new()`. Left out: the tests of `catch_unwind` around a read
//! handle (`UnwindSafe` is outside this change), and the concurrency and `ShallowCopy`-specific
//! tests, whose subject this crate covers in `threads.rs`, `soak.rs` and `drops.rs`.

/// Passes if `$value` matches `$pattern`; otherwise panics, printing both.
macro_rules! assert_matches {
    ($value:expr, $pattern:pat) => {
        match $value {
            $pattern => {}
            ref other => panic!(
                "`{}` is {:?}, which does not match `{}`",
                stringify!($value),
                other,
                stringify!($pattern)
            ),
        }
    };
}

/// evmap 9.0.0's `tests/lib.rs` and documentation.
mod evmap9 {
    use std::iter::FromIterator;

    #[test]
    fn it_works() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new();

        // Nothing is readable before the first refresh.
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        w.refresh();
        // Readable now, and empty.
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        assert_matches!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.is_some(), m)),
            Some((false, ()))
        );

        w.insert(x.0, x);
        // Not visible until the next refresh.
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        assert_matches!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.is_some(), m)),
            Some((false, ()))
        );
        w.refresh();

        assert_matches!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        assert_matches!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((Some(1), ()))
        );
        assert_matches!(
            r.get(&x.0)
                .map(|rs| rs.iter().any(|v| v.0 == x.0 && v.1 == x.1)),
            Some(true)
        );
        assert_matches!(r.get(&'y').map(|rs| rs.len()), None);

        // A purge is invisible until refreshed.
        w.purge();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        w.refresh();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
    }

    /// The test evmap 9's meta semantics failed on here before: a view taken before the first
    /// refresh carries the initial meta value.
    #[test]
    fn mapref() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new();
        {
            let map = r.read();
            // port: `map.is_destroyed()` is gone; `r.was_dropped()` says the same.
            assert!(!r.was_dropped());
            assert!(map.is_empty());
            assert!(!map.contains_key(&x.0));
            assert!(map.get(&x.0).is_none());
            assert_eq!(map.meta().unwrap(), &());
        }
        w.refresh();
        {
            let map = r.read();
            assert!(map.is_empty());
            assert!(!map.contains_key(&x.0));
            assert!(map.get(&x.0).is_none());
            assert_eq!(map.meta().unwrap(), &());
        }
        w.insert(x.0, x);
        {
            let map = r.read();
            assert!(map.is_empty());
            assert!(map.meta().is_some());
        }
        w.refresh();
        {
            let map = r.read();
            assert!(!map.is_empty());
            assert!(map.contains_key(&x.0));
            assert_eq!(map.get(&x.0).unwrap().len(), 1);
            assert_eq!(map[&x.0].len(), 1);
            assert!(
                map.get(&x.0)
                    .unwrap()
                    .iter()
                    .any(|v| v.0 == x.0 && v.1 == x.1)
            );
            assert!(map.get(&'y').is_none());
            // The view does not change while it lives.
            w.purge();
            assert!(map.get(&x.0).unwrap().iter().any(|v| v.0 == x.0));
        }
        w.refresh();
        {
            let map = r.read();
            assert!(map.is_empty());
            assert!(map.meta().is_some());
        }
        drop(w);
        {
            let map = r.read();
            assert!(r.was_dropped()); // port: was `map.is_destroyed()`
            assert!(map.is_empty());
            assert!(!map.contains_key(&x.0));
            assert!(map.get(&x.0).is_none());
            assert!(map.meta().is_none());
        }
    }

    #[test]
    fn flush_noblock() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new();
        w.insert(x.0, x);
        w.refresh();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        // A view pins the copy; a refresh after the next would wait for it, a flush with nothing
        // pending does not refresh at all.
        let _map = r.read();
        assert!(!w.has_pending()); // port: was `w.pending().is_empty()`
        w.flush();
    }

    #[test]
    fn read_after_drop() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new();
        w.insert(x.0, x);
        w.refresh();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        drop(w);
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), None);
        assert_eq!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            None
        );
    }

    #[test]
    fn clone_types() {
        // port: evmap 9 wrapped `Copy` values in `shallow_copy::CopyValue` and wrote `&*x` for the
        // wrapped reference; values are `Clone` now, so the value is used as it is.
        let x: &[u8; 3] = b"xyz";
        let (r, mut w) = evmap::new();
        w.insert(x, x);
        w.refresh();
        assert_eq!(r.get(x).map(|rs| rs.len()), Some(1));
        assert_eq!(
            r.meta_get(x).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((Some(1), ()))
        );
        assert_eq!(r.get(x).map(|rs| rs.iter().any(|v| *v == x)), Some(true));
    }

    #[test]
    fn minimal_query_and_non_copy_values() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a".to_string());
        w.refresh();
        w.insert(1, "b".to_string());
        assert_eq!(r.get(&1).map(|rs| rs.len()), Some(1));
        assert!(r.get(&1).map(|rs| rs.iter().any(|r| r == "a")).unwrap());
    }

    #[test]
    fn clear_vs_empty() {
        let (r, mut w) = evmap::new::<_, ()>();
        w.refresh();
        assert_eq!(r.get(&1).map(|rs| rs.len()), None);
        // Twice, so that both copies apply each operation first once.
        for _ in 0..2 {
            w.clear(1);
            w.refresh();
            assert_eq!(r.get(&1).map(|rs| rs.len()), Some(0));
            w.empty(1);
            w.refresh();
            assert_eq!(r.get(&1).map(|rs| rs.len()), None);
        }
    }

    #[test]
    fn absorb_negative_and_multi() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.remove(1, "a");
        w.refresh();
        assert_eq!(r.get(&1).map(|rs| rs.len()), Some(1));
        w.extend(vec![(2, "a"), (2, "b")]);
        w.refresh();
        w.remove(2, "a");
        w.insert(2, "c");
        w.remove(2, "c");
        w.refresh();
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(1));
        assert!(r.get(&2).map(|rs| rs.iter().any(|r| r == &"b")).unwrap());
    }

    #[test]
    fn empty() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.empty(1);
        w.refresh();
        assert_eq!(r.get(&1).map(|rs| rs.len()), None);
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(1));
    }

    /// evmap 9's `empty_random`, which tested `empty_at_index`.
    #[test]
    #[cfg(feature = "indexed")]
    fn empty_random() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.empty_at_index(0);
        w.refresh();
        assert_eq!(r.len(), 1);
        assert!(
            (!r.contains_key(&1) && r.contains_key(&2))
                || (r.contains_key(&1) && !r.contains_key(&2))
        );
    }

    #[test]
    fn replace() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.update(1, "x");
        w.refresh();
        assert_eq!(r.get(&1).map(|rs| rs.len()), Some(1));
        assert!(r.get(&1).map(|rs| rs.iter().any(|r| r == &"x")).unwrap());
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(1));
    }

    #[test]
    fn with_meta() {
        let (r, mut w) = evmap::with_meta::<usize, usize, _>(42);
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            None
        );
        w.refresh();
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 42))
        );
        // port: evmap 9's `set_meta` returned the previous value; used as a statement, unchanged.
        w.set_meta(43);
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 42))
        );
        w.refresh();
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 43))
        );
    }

    #[test]
    fn map_into() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.refresh();
        w.insert(1, "x");
        use std::collections::HashMap;
        let copy: HashMap<_, Vec<_>> = r.map_into(|&k, vs| (k, Vec::from_iter(vs.iter().cloned())));
        assert_eq!(copy.len(), 2);
        assert_eq!(copy[&1].len(), 2);
        assert_eq!(copy[&2].len(), 1);
        assert!(copy[&1].contains(&"a") && copy[&1].contains(&"b"));
    }

    #[test]
    fn foreach() {
        let (r, mut w) = evmap::new();
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.refresh();
        w.insert(1, "x");
        let r = r.read();
        for (k, vs) in &r {
            match k {
                1 => {
                    assert_eq!(vs.len(), 2);
                    assert!(vs.contains(&"a") && vs.contains(&"b"));
                    // Values' iterator knows its length, as evmap 9's did.
                    assert_eq!(vs.iter().len(), 2);
                }
                2 => assert_eq!(vs.len(), 1),
                _ => unreachable!(),
            }
        }
    }

    #[test]
    fn retain() {
        let mut v = Vec::new();
        let (r, mut w) = evmap::new();
        for i in 0..50 {
            w.insert(0, i);
            v.push(i);
        }
        fn is_even(num: &i32, _: bool) -> bool {
            num % 2 == 0
        }
        // port: `retain` is safe and its predicate takes only the value (it runs once per value).
        w.retain(0, |num| is_even(num, false)).refresh();
        v.retain(|i| is_even(i, false));
        let mut vs = r
            .get(&0)
            .map(|nums| Vec::from_iter(nums.iter().cloned()))
            .unwrap();
        vs.sort();
        assert_eq!(v, &*vs);
    }

    /// evmap 9's `Values` tests: a default bag is empty, and `&Values` iterates.
    #[test]
    fn values_default_and_iteration() {
        let v: evmap::Values<i32> = evmap::Values::default();
        assert_eq!(v.len(), 0);
        assert!(v.is_empty());
        assert_eq!(v.iter().count(), 0);
        assert_eq!(v.iter().len(), 0);
        assert_eq!((&v).into_iter().count(), 0);
    }

    /// evmap 9's `WriteHandle` documentation example.
    #[test]
    fn write_handle_doc_example() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), None);
        w.refresh();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), None);
        w.insert(x.0, x);
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), None);
        w.refresh();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        assert_eq!(
            r.get(&x.0)
                .map(|rs| rs.iter().any(|v| v.0 == x.0 && v.1 == x.1)),
            Some(true)
        );
    }
}

/// evmap 11.0.0's `tests/lib.rs`, its `Values` tests and its documentation.
mod evmap11 {
    use evmap::handles::{ReadHandle, WriteHandle};
    use evmap::refs::{MapReadRef, Values};
    use std::iter::FromIterator;

    #[test]
    fn it_works() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        w.publish();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        assert_matches!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.is_some(), m)),
            Some((false, ()))
        );
        w.insert(x.0, x);
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
        w.publish();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        assert_matches!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((Some(1), ()))
        );
        w.purge();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        w.publish();
        assert_matches!(r.get(&x.0).map(|rs| rs.len()), None);
    }

    #[test]
    fn mapref() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        assert!(r.enter().is_none());
        w.publish();
        {
            let map = r.enter().unwrap();
            assert!(map.is_empty());
            assert!(!map.contains_key(&x.0));
            assert!(map.get(&x.0).is_none());
            assert_eq!(map.meta(), Some(&())); // port: `meta()` returns `Option<&M>`
        }
        w.insert(x.0, x);
        {
            let map = r.enter().unwrap();
            assert!(map.is_empty());
        }
        w.publish();
        {
            let map = r.enter().unwrap();
            assert!(!map.is_empty());
            assert!(map.contains_key(&x.0));
            assert_eq!(map.get(&x.0).unwrap().len(), 1);
            assert_eq!(map[&x.0].len(), 1);
            assert_eq!(map.meta(), Some(&())); // port: as above
            w.purge();
            assert!(
                map.get(&x.0)
                    .unwrap()
                    .iter()
                    .any(|v| v.0 == x.0 && v.1 == x.1)
            );
        }
        w.publish();
        assert!(r.enter().unwrap().is_empty());
        drop(w);
        assert!(r.enter().is_none(), "the map should have been destroyed");
    }

    #[test]
    fn read_after_drop() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(x.0, x);
        w.publish();
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), Some(1));
        drop(w);
        assert_eq!(r.get(&x.0).map(|rs| rs.len()), None);
        assert_eq!(
            r.meta_get(&x.0).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            None
        );
    }

    #[test]
    fn with_meta() {
        // port: `(mut w, r)` in evmap 11
        let (r, mut w) = evmap::Options::default()
            .with_meta(42)
            .construct::<usize, usize>();
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            None
        );
        w.publish();
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 42))
        );
        w.set_meta(43);
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 42))
        );
        w.publish();
        assert_eq!(
            r.meta_get(&1).map(|(rs, m)| (rs.map(|rs| rs.len()), m)),
            Some((None, 43))
        );
    }

    #[test]
    fn clear() {
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.clear(1);
        w.publish();
        assert_eq!(r.get(&1).map(|rs| rs.len()), Some(0));
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(1));
        w.clear(2);
        w.publish();
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(0));
        w.remove_entry(1);
        w.publish();
        assert_eq!(r.get(&1).map(|rs| rs.len()), None);
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(0));
    }

    #[test]
    fn replace_post_refresh() {
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.publish();
        w.update(1, "x");
        w.publish();
        assert_eq!(r.get(&1).map(|rs| rs.len()), Some(1));
        assert!(r.get(&1).map(|rs| rs.iter().any(|r| r == &"x")).unwrap());
    }

    #[test]
    fn empty_post_refresh() {
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.publish();
        w.remove_entry(1);
        w.publish();
        assert_eq!(r.get(&1).map(|rs| rs.len()), None);
        assert_eq!(r.get(&2).map(|rs| rs.len()), Some(1));
    }

    #[test]
    #[cfg(feature = "eviction")]
    fn empty_random() {
        use rand::SeedableRng;
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        // port: evmap 11 used `rand::rng()`; any `rand` 0.10 generator works.
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        // port: `empty_random` returns an owned `Vec<(K, Values)>`, not an iterator of references.
        let removed: Vec<_> = w
            .empty_random(&mut rng, 1)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        w.publish();
        assert_eq!(removed.len(), 1);
        let kept = 3 - removed[0];
        assert_eq!(r.len(), 1);
        assert!(!r.contains_key(&removed[0]));
        assert!(r.contains_key(&kept));
        let removed: Vec<_> = w
            .empty_random(&mut rng, 100)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        w.publish();
        assert_eq!(removed, [kept]);
        assert!(r.is_empty());
    }

    #[test]
    #[cfg(feature = "eviction")]
    fn empty_random_multiple() {
        use rand::SeedableRng;
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        let mut rng = rand::rngs::StdRng::seed_from_u64(12); // port: as above
        let removed1: Vec<_> = w
            .empty_random(&mut rng, 1)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let removed2: Vec<_> = w
            .empty_random(&mut rng, 1)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        w.publish();
        assert_eq!(removed1.len(), 1);
        assert_eq!(removed2.len(), 1);
        assert_ne!(removed1[0], removed2[0]);
        assert!(r.is_empty());
    }

    #[test]
    fn keys_and_values() {
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(1, "a");
        w.insert(1, "b");
        w.insert(2, "c");
        w.publish();
        w.insert(1, "x");
        let mut keys = r.enter().unwrap().keys().copied().collect::<Vec<_>>();
        keys.sort();
        assert_eq!(keys, vec![1, 2]);
        let mut values = r
            .enter()
            .unwrap()
            .values()
            .map(|bag| {
                let mut items = bag.iter().copied().collect::<Vec<_>>();
                items.sort();
                items
            })
            .collect::<Vec<Vec<_>>>();
        values.sort_by_key(|items| items.len());
        assert_eq!(values, vec![vec!["c"], vec!["a", "b"]]);
    }

    #[test]
    fn retain() {
        let mut v = Vec::new();
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        for i in 0..50 {
            w.insert(0, i);
            v.push(i);
        }
        fn is_even(num: &i32, _: bool) -> bool {
            num % 2 == 0
        }
        // port: evmap 11 wrote `unsafe { w.retain(0, is_even) }`; safe here, predicate on the
        // value alone.
        w.retain(0, |num| is_even(num, false)).publish();
        v.retain(|i| is_even(i, false));
        let mut vs = r
            .get(&0)
            .map(|nums| Vec::from_iter(nums.iter().cloned()))
            .unwrap();
        vs.sort();
        assert_eq!(v, &*vs);
    }

    #[test]
    fn get_one() {
        let x = ('x', 42);
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(x.0, x);
        w.insert(x.0, x);
        assert_matches!(r.get_one(&x.0).as_deref(), None);
        w.publish();
        assert_matches!(r.get_one(&x.0).as_deref(), Some(('x', 42)));
    }

    #[test]
    fn insert_remove_value() {
        let x = 'x';
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(x, x);
        w.remove_value(x, x);
        w.publish();
        // The key stays, with an empty bag.
        assert!(r.get(&x).is_some());
        assert_matches!(r.get(&x).as_deref().unwrap().len(), 0);
        assert!(!r.is_empty());
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn insert_remove_entry() {
        let x = 'x';
        let (r, mut w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        w.insert(x, x);
        w.remove_entry(x);
        w.publish();
        assert!(r.is_empty());
        assert!(r.get(&x).is_none());
    }

    /// evmap 11's `values.rs` test `sensible_default`.
    #[test]
    fn sensible_default() {
        let v: Values<i32> = Values::default();
        // port: evmap 11 also asserted `capacity() == 1` (its small bags were an inline
        // `SmallVec`); an empty bag here allocates nothing and reports 0.
        assert_eq!(v.capacity(), 0);
        assert_eq!(v.len(), 0);
        assert!(v.is_empty());
        assert_eq!(v.iter().count(), 0);
        assert_eq!(v.iter().len(), 0);
        assert_eq!((&v).into_iter().count(), 0);
        assert_eq!(v.get_one(), None);
    }

    /// Code naming the handles through evmap 11's modules, as a library would in its signatures.
    #[test]
    fn module_paths_in_signatures() {
        fn writer_side(w: &mut WriteHandle<u32, &'static str>) {
            w.insert(1, "one").publish();
        }
        fn reader_side(view: &MapReadRef<'_, u32, &'static str>) -> usize {
            view.iter().map(|(_, bag)| bag.iter().len()).sum()
        }
        let (r, mut w): (ReadHandle<u32, &str>, WriteHandle<u32, &str>) = evmap::new();
        writer_side(&mut w);
        assert_eq!(reader_side(&r.enter().unwrap()), 1);
    }

    /// evmap 11's crate documentation: the single-reader, single-writer example.
    #[test]
    fn crate_doc_example() {
        let (book_reviews_r, mut book_reviews_w) = evmap::new(); // port: `(mut w, r)` in evmap 11
        book_reviews_w.insert("Adventures of Huckleberry Finn", "My favorite book.");
        book_reviews_w.insert("Grimms' Fairy Tales", "Masterpiece.");
        book_reviews_w.insert("Pride and Prejudice", "Very enjoyable.");
        book_reviews_w.insert("The Adventures of Sherlock Holmes", "Eye lyked it alot.");
        assert_eq!(book_reviews_r.len(), 0);
        book_reviews_w.publish();
        assert_eq!(book_reviews_r.len(), 4);
        assert_eq!(
            book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()),
            Some(1)
        );
        book_reviews_w.insert("Grimms' Fairy Tales", "Eh, the title seemed weird.");
        book_reviews_w.insert("Pride and Prejudice", "Too many words.");
        assert_eq!(
            book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()),
            Some(1)
        );
        book_reviews_w.publish();
        assert_eq!(
            book_reviews_r.get("Grimms' Fairy Tales").map(|rs| rs.len()),
            Some(2)
        );
        book_reviews_w.remove_entry("The Adventures of Sherlock Holmes");
        assert_eq!(
            book_reviews_r
                .get("The Adventures of Sherlock Holmes")
                .map(|rs| rs.len()),
            Some(1)
        );
        book_reviews_w.publish();
        assert_eq!(
            book_reviews_r
                .get("The Adventures of Sherlock Holmes")
                .map(|rs| rs.len()),
            None
        );
        let mut reviews = 0;
        for (_book, bag) in &book_reviews_r.enter().unwrap() {
            reviews += bag.iter().len();
        }
        assert_eq!(reviews, 5);
    }
}
