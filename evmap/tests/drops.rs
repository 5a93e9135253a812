//! Drop accounting: every key, value and meta value is dropped exactly once, whatever removed
//! it (purge, clear, retain, update, removal, fit) and however the map ends.

mod common;

use common::{Census, Counted};

type Map = (
    evmap::ReadHandle<Counted, Counted, Counted>,
    evmap::WriteHandle<Counted, Counted, Counted>,
);

fn map(census: &std::sync::Arc<Census>) -> Map {
    evmap::with_meta(Counted::new(census, 0))
}

/// Runs `script` on a fresh map and checks that, once everything is dropped, nothing is alive.
fn check(
    script: impl FnOnce(&std::sync::Arc<Census>, &mut evmap::WriteHandle<Counted, Counted, Counted>),
) {
    let census = Census::new();
    let (r, mut w) = map(&census);
    script(&census, &mut w);
    let other = r.clone();
    drop(w);
    assert!(other.get(&Counted::new(&census, 0)).is_none());
    drop((r, other));
    assert_eq!(census.alive(), 0, "values leaked");
}

fn fill(census: &std::sync::Arc<Census>, w: &mut evmap::WriteHandle<Counted, Counted, Counted>) {
    for k in 0..5 {
        for v in 0..(k * 10) {
            w.insert(Counted::new(census, k), Counted::new(census, v % 37));
        }
    }
}

#[test]
fn writer_dropped_with_writes_pending() {
    check(fill);
    check(|c, w| {
        fill(c, w);
        w.refresh();
        fill(c, w);
    });
}

#[test]
fn after_purge_clear_retain_update_and_removals() {
    check(|c, w| {
        fill(c, w);
        w.refresh();
        w.purge().refresh().refresh();
        fill(c, w);
        w.clear(Counted::new(c, 1))
            .retain(Counted::new(c, 4), |v| v.value % 2 == 0)
            .update(Counted::new(c, 3), Counted::new(c, 99))
            .remove_value(Counted::new(c, 2), Counted::new(c, 5))
            .remove_entry(Counted::new(c, 2))
            .set_meta(Counted::new(c, 1))
            .fit_all()
            .refresh()
            .refresh();
    });
}

#[test]
fn purge_and_two_refreshes_leave_only_the_meta_values_alive() {
    let census = Census::new();
    let (r, mut w) = map(&census);
    fill(&census, &mut w);
    w.refresh();
    w.purge().refresh().refresh();
    assert_eq!(r.len(), 0);
    // One meta value per copy; no keys, values or logged operations.
    assert_eq!(census.alive(), 2);
    drop((r, w));
    assert_eq!(census.alive(), 0);
}

#[test]
fn writer_dropped_while_a_reader_holds_a_view() {
    let census = Census::new();
    let (r, mut w) = map(&census);
    fill(&census, &mut w);
    w.refresh();
    let view = r.enter().unwrap();
    let dropper = std::thread::spawn(move || drop(w));
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(view.len(), 4, "the view stays valid while the writer drops");
    drop(view);
    dropper.join().unwrap();
    drop(r);
    assert_eq!(census.alive(), 0);
}
