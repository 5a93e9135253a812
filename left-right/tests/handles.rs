//! Guarantee 3: registering and dropping read handles never deadlocks with a publish in progress,
//! and guarantee 1's "never blocks": readers keep reading while the writer waits.

mod common;

use common::{Add, Counter, NO_DEADLOCK, scaled, within};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// left-right 0.11 held its reader-list lock while waiting for readers, so a reader that
/// cloned its handle while holding the very guard the writer waited for deadlocked (PR #159).
#[test]
fn clone_while_the_writer_waits_for_this_readers_guard() {
    within(NO_DEADLOCK, || {
        let (mut w, r) = left_right::new::<Counter, Add>();
        w.append(Add(1)).publish();
        let guard = r.enter().unwrap();
        w.append(Add(1)).publish(); // records `r` as lingering in the old copy

        let (done_tx, done_rx) = mpsc::channel();
        let writer = thread::spawn(move || {
            w.append(Add(1)).publish(); // must wait for `guard`
            done_tx.send(()).unwrap();
            w
        });
        // Give the writer time to reach its wait; it cannot finish while we hold the guard.
        assert!(done_rx.recv_timeout(Duration::from_millis(50)).is_err());

        // Everything a reader may do while the writer waits on it.
        let clone = r.clone();
        let factory = r.factory();
        let from_factory = factory.handle();
        assert_eq!(clone.enter().unwrap().0, 2);
        assert_eq!(from_factory.enter().unwrap().0, 2);
        let on_thread = thread::spawn(move || factory.handle().enter().map(|g| g.0))
            .join()
            .unwrap();
        assert_eq!(on_thread, Some(2));
        drop(clone);
        drop(from_factory);
        assert_eq!(guard.0, 1);

        drop(guard);
        done_rx.recv().unwrap();
        let w = writer.join().unwrap();
        assert_eq!(r.enter().unwrap().0, 3);
        drop(w);
    });
}

#[test]
fn readers_keep_reading_while_the_writer_waits() {
    within(NO_DEADLOCK, || {
        let (mut w, r) = left_right::new::<Counter, Add>();
        w.append(Add(1)).publish();
        let blocker = r.clone();
        let guard = blocker.enter().unwrap();
        w.append(Add(1)).publish();
        let writer = thread::spawn(move || {
            w.append(Add(1)).publish();
            w
        });
        // The writer is stuck on `guard`; other readers are not.
        for _ in 0..scaled(1000) {
            assert_eq!(r.enter().unwrap().0, 2);
        }
        drop(guard);
        let w = writer.join().unwrap();
        assert_eq!(r.enter().unwrap().0, 3);
        drop(w);
    });
}

#[test]
fn handles_come_and_go_while_the_writer_publishes() {
    within(NO_DEADLOCK, || {
        let (mut w, r) = left_right::new::<Counter, Add>();
        let factory = r.factory();
        let churners: Vec<_> = (0..3)
            .map(|_| {
                let factory = factory.clone();
                thread::spawn(move || {
                    let mut last = 0;
                    for i in 0..scaled(2000) {
                        let h = factory.handle();
                        let copy = h.clone();
                        let now = h.enter().map_or(last, |g| g.0);
                        assert!(now >= last, "went back in time: {now} < {last}");
                        last = now;
                        if i % 3 == 0 {
                            // Hold a guard on one handle while registering another.
                            let _g = copy.enter();
                            let _more = factory.handle();
                        }
                    }
                })
            })
            .collect();
        for _ in 0..scaled(2000) {
            w.append(Add(1)).publish();
        }
        for c in churners {
            c.join().unwrap();
        }
        drop(r);
        drop(w);
    });
}

#[test]
fn factory_is_send_and_sync_and_makes_working_handles() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(7)).publish();
    let factory = std::sync::Arc::new(r.factory());
    let seen: Vec<_> = (0..4)
        .map(|_| {
            let factory = std::sync::Arc::clone(&factory);
            thread::spawn(move || factory.handle().enter().unwrap().0)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    assert_eq!(seen, [7, 7, 7, 7]);
}

#[test]
fn leaked_guard_is_released_when_its_handle_drops() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    let leaky = r.clone();
    std::mem::forget(leaky.enter().unwrap());
    w.append(Add(1)).publish();
    assert!(!w.try_publish(), "a leaked guard keeps its section open");
    drop(leaky);
    assert!(w.try_publish(), "dropping the handle closes the section");
}

#[test]
fn a_guard_leaked_through_the_writer_does_not_block_it() {
    within(NO_DEADLOCK, || {
        let (mut w, r) = left_right::new::<Counter, Add>();
        w.append(Add(1)).publish();
        std::mem::forget(w.enter().unwrap());
        w.append(Add(1)).publish();
        w.append(Add(1)).publish(); // would wait for the leaked section forever
        assert!(w.try_publish());
        assert_eq!(r.enter().unwrap().0, 3);
        std::mem::forget(w.enter().unwrap());
        drop(w); // and so would the drop
        assert!(r.enter().is_none());
    });
}

#[test]
fn a_panic_inside_read_guard_map_ends_the_section() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(1)).publish();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = left_right::ReadGuard::map(r.enter().unwrap(), |_: &Counter| -> &i64 {
            panic!("the mapping closure failed")
        });
    }));
    assert!(caught.is_err());
    w.publish();
    assert!(
        w.try_publish(),
        "the guard's section ended during unwinding"
    );
}
