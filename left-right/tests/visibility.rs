//! Guarantee 2: once `publish` returns, every later `enter` sees the published copy; a guard taken
//! before it keeps seeing the old copy, unchanged, until it is dropped. Plus the basic API.

mod common;

use common::{Add, Cells, Counter, scaled};
use left_right::ReadGuard;
use std::sync::mpsc;

#[test]
fn writes_are_invisible_until_publish() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    assert_eq!(*r.enter().unwrap(), Counter(0));
    w.append(Add(1));
    assert_eq!(*r.enter().unwrap(), Counter(0));
    assert!(w.has_pending_operations());
    w.publish();
    assert!(!w.has_pending_operations());
    assert_eq!(*r.enter().unwrap(), Counter(1));

    // Every later cycle too, including reads through the writer's own handle.
    for i in 2..10 {
        w.append(Add(1));
        assert_eq!(w.enter().unwrap().0, i - 1);
        w.publish();
        assert_eq!(r.enter().unwrap().0, i);
        assert_eq!(w.enter().unwrap().0, i);
    }
}

#[test]
fn guard_taken_before_publish_sees_old_copy_until_dropped() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(1)).publish();

    let old = r.enter().unwrap();
    assert_eq!(old.0, 1);
    w.append(Add(10)).publish();
    // New sections see the new copy, from this handle or any other...
    assert_eq!(r.clone().enter().unwrap().0, 11);
    assert_eq!(r.enter().unwrap().0, 11);
    // ...while the old guard still sees the old one, unchanged.
    assert_eq!(old.0, 1);

    // The writer cannot reuse the old copy while the guard lives...
    w.append(Add(100));
    assert!(!w.try_publish());
    assert!(!w.try_publish());
    assert_eq!(old.0, 1);
    assert_eq!(w.stats().busy, 2);
    drop(old);
    // ...and can once it is gone.
    assert!(w.try_publish());
    assert_eq!(r.enter().unwrap().0, 111);
}

#[test]
fn nested_enter_on_one_handle() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(1)).publish();

    let outer = r.enter().unwrap();
    let inner = r.enter().unwrap();
    assert_eq!((outer.0, inner.0), (1, 1));
    w.append(Add(1)).publish();
    // A nested enter after a publish may see the new copy; both stay valid.
    let newer = r.enter().unwrap();
    assert_eq!((outer.0, inner.0, newer.0), (1, 1, 2));
    // Dropping the outer guard first must not end the section while others live.
    drop(outer);
    w.append(Add(1));
    assert!(
        !w.try_publish(),
        "the section must stay open while nested guards live"
    );
    assert_eq!((inner.0, newer.0), (1, 2));
    drop(newer);
    assert!(!w.try_publish());
    drop(inner);
    assert!(w.try_publish());
    assert_eq!(r.enter().unwrap().0, 3);
}

#[test]
fn enter_after_publish_returns_sees_it_on_other_threads() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    let (published_tx, published_rx) = mpsc::channel::<i64>();
    let (seen_tx, seen_rx) = mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        for expected in published_rx {
            // Entered strictly after publish returned (the channel orders it): must see it.
            assert_eq!(r.enter().unwrap().0, expected);
            seen_tx.send(()).unwrap();
        }
    });
    for i in 1..=scaled(500) as i64 {
        w.append(Add(1)).publish();
        published_tx.send(i).unwrap();
        seen_rx.recv().unwrap();
    }
    drop(published_tx);
    reader.join().unwrap();
}

#[test]
fn publish_swaps_whole_states() {
    const WIDTH: usize = 8;
    let (mut w, r) = left_right::new::<Cells, _>();
    for g in 1..=20 {
        w.extend(Cells::advance(g, WIDTH));
        assert_eq!(r.enter().unwrap().check(WIDTH), g - 1);
        w.publish();
        assert_eq!(r.enter().unwrap().check(WIDTH), g);
    }
}

#[test]
fn flush_publishes_only_when_something_is_pending() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.flush();
    assert_eq!(w.stats().publishes, 0);
    w.append(Add(1));
    w.flush();
    assert_eq!(w.stats().publishes, 1);
    assert_eq!(r.enter().unwrap().0, 1);
    w.flush();
    assert_eq!(w.stats().publishes, 1);
    w.append(Add(1));
    w.flush();
    assert_eq!(w.stats().publishes, 2);
    assert_eq!(r.enter().unwrap().0, 2);
}

#[test]
fn flush_publishes_operations_appended_before_the_first_publish() {
    // left-right 0.11 applied these straight to the writer's copy and then reported nothing
    // pending, so `flush` never made them visible.
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(5));
    assert!(w.has_pending_operations());
    w.flush();
    assert_eq!(r.enter().unwrap().0, 5);
    assert!(!w.has_pending_operations());
}

#[test]
fn the_second_copy_is_synced_and_replayed_correctly() {
    // Exercise every phase: direct application, first publish, sync_with, log replay.
    let (mut w, r) = left_right::new_from_empty::<Counter, Add>(Counter(100));
    w.append(Add(1)).append(Add(2));
    w.publish(); // readers: 103; writer's copy: initial 100, needs sync_with
    assert_eq!(r.enter().unwrap().0, 103);
    w.append(Add(10));
    w.publish(); // writer's copy synced to 103, then +10
    assert_eq!(r.enter().unwrap().0, 113);
    w.append(Add(100));
    w.publish(); // replays +10 into the other copy, then +100
    assert_eq!(r.enter().unwrap().0, 213);
    w.publish();
    w.publish();
    assert_eq!(r.enter().unwrap().0, 213);
    assert_eq!(w.take().0, 213);
}

#[test]
fn take_returns_the_final_state_in_every_phase() {
    let cases: [(&[&[i64]], i64); 6] = [
        (&[], 2),
        (&[&[1]], 3),
        (&[&[1], &[]], 3),
        (&[&[1], &[1]], 4),
        (&[&[1], &[1], &[2]], 6),
        (&[&[1, 2], &[3], &[4], &[5]], 17),
    ];
    for (batches, expected) in cases {
        let (mut w, r) = left_right::new_from_empty::<Counter, Add>(Counter(2));
        let last = batches.len().saturating_sub(1);
        for (i, batch) in batches.iter().enumerate() {
            w.extend(batch.iter().map(|&n| Add(n)));
            // Leave the last batch unpublished: take must publish it.
            if i != last {
                w.publish();
            }
        }
        let taken = w.take();
        assert_eq!(taken.0, expected, "batches {batches:?}");
        assert!(r.enter().is_none());
        assert!(r.was_dropped());
    }
}

#[test]
fn guards_map_into_parts() {
    let (mut w, r) = left_right::new::<Cells, _>();
    w.extend(Cells::advance(3, 4));
    w.publish();
    let cells = ReadGuard::map(r.enter().unwrap(), |c| &c.cells);
    let third = ReadGuard::map(cells, |cells| &cells[2]);
    assert_eq!(*third, 3);
    assert!(ReadGuard::try_map(r.enter().unwrap(), |c| c.cells.get(10)).is_none());
    let found = ReadGuard::try_map(r.enter().unwrap(), |c| c.cells.get(1)).unwrap();
    assert_eq!(*found.as_ref(), 3);
    drop(third);
    drop(found);
    // A failed try_map dropped its guard: the section is closed again.
    w.publish();
    assert!(w.try_publish());
}

#[test]
fn raw_handles_and_debug_output() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(4)).publish();
    let raw = r.raw_handle().unwrap();
    let guard = r.enter().unwrap();
    // SAFETY: a guard taken after the pointer was loaded keeps the copy alive and unchanged.
    assert_eq!(unsafe { raw.as_ref() }.0, 4);
    assert_eq!(format!("{guard:?}"), "ReadGuard(Counter(4))");
    drop(guard);
    let writer = format!("{w:?}");
    assert!(
        writer.contains("WriteHandle") && writer.contains("publishes: 1"),
        "{writer}"
    );
    assert!(format!("{r:?}").contains("writer_dropped: false"));
    assert!(format!("{:?}", r.factory()).contains("writer_dropped: false"));
    let taken = w.take();
    assert_eq!(format!("{taken:?}"), "Taken(Counter(4))");
    assert!(r.raw_handle().is_none());
    assert!(format!("{r:?}").contains("writer_dropped: true"));
}
