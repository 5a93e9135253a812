//! What `left_right::aliasing` saves: the `aliased_strings` example's map holding 1 KiB strings
//! takes one string's worth of heap per value less than the same map cloning each string into both
//! copies. The only test in this binary, since the counting allocator sees every thread's
//! allocations.

#[path = "../examples/aliased_strings/counting.rs"]
mod counting;
// Only the inserting half of the maps' API is needed here.
#[path = "../examples/aliased_strings/map.rs"]
#[allow(dead_code)]
mod map;

use counting::{Counting, held_by};
use left_right::{Options, ReadStrategy};

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

const VALUE_BYTES: usize = 1024;

fn value(i: usize) -> String {
    char::from(b'a' + (i % 26) as u8)
        .to_string()
        .repeat(VALUE_BYTES)
}

/// Heap bytes held by each map with `values` strings, after two publishes (both copies full).
fn footprints(options: Options, values: usize) -> (usize, usize) {
    let cloned = held_by(&ALLOCATOR, || {
        let (mut w, r) = map::cloned::new::<String>(options);
        for i in 0..values {
            w.append(map::cloned::Op::Insert(i as u64, value(i)));
        }
        w.publish().publish();
        assert_eq!(map::cloned::len(&r), values);
        (w, r)
    });
    let aliased = held_by(&ALLOCATOR, || {
        let (mut w, r) = map::new::<String>(options);
        for i in 0..values {
            w.insert(i as u64, value(i));
        }
        w.publish().publish();
        assert_eq!(r.len(), values);
        (w, r)
    });
    (cloned, aliased)
}

#[test]
fn aliasing_stores_each_large_value_once() {
    let values = if cfg!(miri) { 40 } else { 1_000 };
    for strategy in [ReadStrategy::Fenced, ReadStrategy::Asymmetric] {
        let options = Options::default().read_strategy(strategy);
        // What an instance allocates once per process (the strategy probe, say) is not the map's.
        footprints(options, 1);
        let (cloned, aliased) = footprints(options, values);
        let saved = cloned - aliased;
        let one_string_each = values * VALUE_BYTES;
        // Exactly one string per value, give or take a little for allocations outside the maps.
        assert!(
            saved.abs_diff(one_string_each) <= one_string_each / 100,
            "{strategy:?}: cloned {cloned} bytes, aliased {aliased} bytes, saved {saved}, \
             expected {one_string_each}"
        );
        // With 1,000 values the maps' fixed cost (registry, handles) is small beside the strings,
        // so the aliased map takes little more than half; with Miri's 40 it is not.
        if values >= 1_000 {
            assert!(
                aliased * 100 < cloned * 55,
                "{strategy:?}: the aliased map should take little more than half \
                 ({aliased} of {cloned} bytes)"
            );
        }
    }
}
