//! A left-right map holding large strings, each stored once for both copies through
//! `left_right::aliasing::Aliased`, against the same map cloning every string into both copies.
//!
//! `cargo run --example aliased_strings -p left-right` prints the heap bytes each takes for 1,000
//! strings of 1 KiB, the figures quoted in the `aliasing` module's documentation.

mod counting;
mod map;

use counting::{Counting, held_by};

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

const VALUES: usize = 1_000;
const VALUE_BYTES: usize = 1024;

fn value(i: usize) -> String {
    // Exactly `VALUE_BYTES` of heap: `repeat` allocates the final length once.
    char::from(b'a' + (i % 26) as u8)
        .to_string()
        .repeat(VALUE_BYTES)
}

fn main() {
    let options = left_right::Options::default();

    // The first instance allocates a few things once for the process (left-right's strategy
    // probe, the test of the allocator itself); build and drop one of each before measuring.
    for _ in 0..2 {
        let (mut w, r) = map::new::<String>(options);
        w.insert(0, value(0)).publish();
        let (mut cw, cr) = map::cloned::new::<String>(options);
        cw.append(map::cloned::Op::Insert(0, value(0))).publish();
        drop((w, r, cw, cr));
    }

    let cloned = held_by(&ALLOCATOR, || {
        let (mut w, r) = map::cloned::new::<String>(options);
        for i in 0..VALUES {
            w.append(map::cloned::Op::Insert(i as u64, value(i)));
        }
        // Twice: the second publish gives the other copy its clone too.
        w.publish().publish();
        assert_eq!(map::cloned::len(&r), VALUES);
        (w, r)
    });

    let aliased = held_by(&ALLOCATOR, || {
        let (mut w, r) = map::new::<String>(options);
        for i in 0..VALUES {
            w.insert(i as u64, value(i));
        }
        w.publish().publish();
        assert_eq!(r.len(), VALUES);
        assert_eq!(r.get(7).as_deref().map(String::len), Some(VALUE_BYTES));
        (w, r)
    });

    // Removals free a value once both copies have dropped it.
    let (mut w, r) = map::new::<String>(options);
    w.insert(1, value(1)).insert(2, value(2)).publish();
    w.remove(1).publish();
    assert!(r.get(1).is_none() && r.get(2).is_some());
    let (mut cw, cr) = map::cloned::new::<String>(options);
    cw.append(map::cloned::Op::Insert(1, value(1)))
        .append(map::cloned::Op::Remove(1))
        .publish();
    assert_eq!(map::cloned::len(&cr), 0);

    println!("{VALUES} values of {VALUE_BYTES} bytes, after two publishes:");
    println!(
        "  cloned into both copies: {cloned:>9} heap bytes ({} per value)",
        cloned / VALUES
    );
    println!(
        "  aliased:                 {aliased:>9} heap bytes ({} per value)",
        aliased / VALUES
    );
    println!(
        "  saved:                   {:>9} bytes",
        cloned.saturating_sub(aliased)
    );
}
