//! Guarantee 5: dropping the writer (on any thread, while readers are active) makes later `enter`
//! calls return `None`, leaves guards that are still held valid until dropped, and drops each copy
//! of `T` exactly once.

mod common;

use common::{Census, ListOp, NO_DEADLOCK, Tracked, TrackedList, scaled, within};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

fn tracked_pair(
    census: &Arc<Census>,
) -> (
    left_right::WriteHandle<TrackedList, ListOp>,
    left_right::ReadHandle<TrackedList>,
) {
    left_right::new_from_empty(TrackedList(vec![Tracked::new(census, 0)]))
}

#[test]
fn enter_returns_none_once_the_writer_is_gone() {
    let census = Census::new();
    let (mut w, r) = tracked_pair(&census);
    w.append(ListOp::Push(Tracked::new(&census, 1))).publish();
    let other = r.clone();
    assert!(!r.was_dropped());
    drop(w);
    assert!(r.was_dropped());
    assert!(r.enter().is_none());
    assert!(other.enter().is_none());
    assert!(r.factory().handle().enter().is_none());
    assert!(r.raw_handle().is_none());
    assert_eq!(
        census.live(),
        0,
        "both copies and all operations were dropped"
    );
}

#[test]
fn a_held_guard_stays_valid_while_the_writer_drops_on_another_thread() {
    within(NO_DEADLOCK, || {
        let census = Census::new();
        let (mut w, r) = tracked_pair(&census);
        w.append(ListOp::Push(Tracked::new(&census, 1))).publish();
        let guard = r.enter().unwrap();

        let (dropped_tx, dropped_rx) = mpsc::channel();
        let dropper = thread::spawn(move || {
            drop(w);
            dropped_tx.send(()).unwrap();
        });
        // The drop cannot finish while our guard is alive...
        assert!(dropped_rx.recv_timeout(Duration::from_millis(50)).is_err());
        // ...and the guarded copy is intact (Miri/TSan would flag a free or a write here).
        assert_eq!(guard.0.iter().map(|t| t.value).collect::<Vec<_>>(), [0, 1]);
        assert!(census.live() > 0);
        drop(guard);
        dropped_rx.recv().unwrap();
        dropper.join().unwrap();
        assert!(r.enter().is_none());
        assert_eq!(census.live(), 0);
    });
}

#[test]
fn writer_dropped_while_readers_hammer_enter() {
    for _ in 0..scaled(50) {
        within(NO_DEADLOCK, || {
            let census = Census::new();
            let (mut w, r) = tracked_pair(&census);
            w.append(ListOp::Push(Tracked::new(&census, 1))).publish();
            let stop = Arc::new(AtomicBool::new(false));
            let readers: Vec<_> = (0..3)
                .map(|_| {
                    let r = r.clone();
                    let stop = Arc::clone(&stop);
                    thread::spawn(move || {
                        let mut reads = 0u64;
                        loop {
                            match r.enter() {
                                Some(g) => {
                                    // Touch the data: a use-after-free would show under Miri/TSan.
                                    assert_eq!(g.0[0].value, 0);
                                    reads += 1;
                                }
                                None => return reads,
                            }
                            if stop.load(Ordering::Relaxed) {
                                return reads;
                            }
                        }
                    })
                })
                .collect();
            let census_for_writer = Arc::clone(&census);
            let dropper = thread::spawn(move || {
                for i in 2..10 {
                    w.append(ListOp::Push(Tracked::new(&census_for_writer, i)));
                    w.publish();
                }
                drop(w);
            });
            dropper.join().unwrap();
            stop.store(true, Ordering::Relaxed);
            for reader in readers {
                reader.join().unwrap();
            }
            assert!(r.enter().is_none());
            drop(r);
            assert_eq!(census.live(), 0);
        });
    }
}

#[test]
fn take_waits_for_readers_and_returns_the_last_state() {
    within(NO_DEADLOCK, || {
        let census = Census::new();
        let (mut w, r) = tracked_pair(&census);
        w.append(ListOp::Push(Tracked::new(&census, 1))).publish();
        w.append(ListOp::Push(Tracked::new(&census, 2)));
        let guard = r.enter().unwrap();
        let (tx, rx) = mpsc::channel();
        let taker = thread::spawn(move || {
            let taken = w.take();
            tx.send(()).unwrap();
            taken.0.iter().map(|t| t.value).collect::<Vec<_>>()
        });
        assert!(rx.recv_timeout(Duration::from_millis(50)).is_err());
        assert_eq!(guard.0.len(), 2);
        drop(guard);
        assert_eq!(taker.join().unwrap(), [0, 1, 2]);
        assert!(r.enter().is_none());
        assert_eq!(
            census.live(),
            0,
            "the Taken dropped its copy through drop_second"
        );
    });
}

#[test]
fn writer_can_be_dropped_on_a_thread_other_than_the_one_that_created_it() {
    let census = Census::new();
    let (mut w, r) = tracked_pair(&census);
    w.append(ListOp::Push(Tracked::new(&census, 1))).publish();
    let moved = thread::spawn(move || {
        w.append(ListOp::Pop).publish();
        w
    })
    .join()
    .unwrap();
    assert_eq!(r.enter().unwrap().0.len(), 1);
    thread::spawn(move || drop(moved)).join().unwrap();
    assert!(r.enter().is_none());
    assert_eq!(census.live(), 0);
}
