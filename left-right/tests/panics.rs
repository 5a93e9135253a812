//! Guarantee 7: a reader that panics while holding a guard does not block the writer; a panic in
//! the user's `Absorb` causes no UB and no deadlock, poisons the writer (which then says so), and
//! readers keep reading the last published copy. Every value is still dropped exactly once.

mod common;

use common::{Census, NO_DEADLOCK, Tracked, within};
use left_right::Absorb;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

/// A list whose operations can be told to panic in either absorb, or in `sync_with`.
#[derive(Clone, Debug)]
struct Fragile {
    items: Vec<Tracked>,
    panic_in_sync: bool,
}

#[derive(Debug)]
enum FragileOp {
    Push(Tracked),
    /// Pushes, then panics in `absorb_first` (leaving the copy half-updated).
    PanicFirst(Tracked),
    /// Panics in `absorb_second` only.
    PanicSecond(Tracked),
    ArmSyncPanic,
}

impl Absorb<FragileOp> for Fragile {
    fn absorb_first(&mut self, op: &mut FragileOp, _: &Self) {
        match op {
            FragileOp::Push(t) | FragileOp::PanicSecond(t) => self.items.push(t.clone()),
            FragileOp::PanicFirst(t) => {
                self.items.push(t.clone());
                panic!("absorb_first failed");
            }
            FragileOp::ArmSyncPanic => self.panic_in_sync = true,
        }
    }

    fn absorb_second(&mut self, op: FragileOp, _: &Self) {
        match op {
            FragileOp::Push(t) => self.items.push(t),
            FragileOp::PanicFirst(t) => {
                self.items.push(t);
                panic!("absorb_first failed");
            }
            FragileOp::PanicSecond(_) => panic!("absorb_second failed"),
            FragileOp::ArmSyncPanic => self.panic_in_sync = true,
        }
    }

    fn sync_with(&mut self, first: &Self) {
        if first.panic_in_sync {
            panic!("sync_with failed");
        }
        self.items.clone_from(&first.items);
    }
}

type Pair = (
    left_right::WriteHandle<Fragile, FragileOp>,
    left_right::ReadHandle<Fragile>,
);

fn fragile() -> Pair {
    left_right::new_from_empty(Fragile {
        items: Vec::new(),
        panic_in_sync: false,
    })
}

fn values(r: &left_right::ReadHandle<Fragile>) -> Vec<i64> {
    r.enter().unwrap().items.iter().map(|t| t.value).collect()
}

/// After a panic in `Absorb`: readers see the last published copy, the writer refuses to go on
/// and says why, and dropping it frees everything exactly once.
fn assert_poisoned(
    mut w: left_right::WriteHandle<Fragile, FragileOp>,
    r: left_right::ReadHandle<Fragile>,
    published: &[i64],
    census: &Arc<Census>,
) {
    assert!(w.is_poisoned());
    assert_eq!(values(&r), published);
    let err = catch_unwind(AssertUnwindSafe(|| {
        w.publish();
    }))
    .unwrap_err();
    let message = err
        .downcast_ref::<String>()
        .expect("a formatted panic message");
    assert!(
        message.contains("poisoned") && message.contains("publish"),
        "unexpected message: {message}"
    );
    assert!(
        catch_unwind(AssertUnwindSafe(|| w
            .append(FragileOp::Push(Tracked::new(census, 9)))
            .is_poisoned()))
        .is_err()
    );
    assert!(catch_unwind(AssertUnwindSafe(|| w.try_publish())).is_err());
    // Readers are unaffected, on any handle.
    assert_eq!(values(&r.clone()), published);
    within(NO_DEADLOCK, move || drop(w));
    assert!(r.enter().is_none());
    drop(r);
    assert_eq!(
        census.live(),
        0,
        "every value and operation dropped exactly once"
    );
}

#[test]
fn panic_in_absorb_first_during_publish() {
    let census = Census::new();
    let (mut w, r) = fragile();
    w.append(FragileOp::Push(Tracked::new(&census, 1)))
        .publish();
    w.append(FragileOp::Push(Tracked::new(&census, 2)))
        .publish();
    w.append(FragileOp::PanicFirst(Tracked::new(&census, 3)));
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.publish();
        }))
        .is_err()
    );
    assert_poisoned(w, r, &[1, 2], &census);
}

#[test]
fn panic_in_absorb_second_during_publish() {
    let census = Census::new();
    let (mut w, r) = fragile();
    w.append(FragileOp::Push(Tracked::new(&census, 1)))
        .publish();
    w.append(FragileOp::PanicSecond(Tracked::new(&census, 2)))
        .publish();
    assert_eq!(values(&r), [1, 2]);
    // The next publish replays PanicSecond into the other copy.
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.publish();
        }))
        .is_err()
    );
    assert_poisoned(w, r, &[1, 2], &census);
}

#[test]
fn panic_in_sync_with_during_the_second_publish() {
    let census = Census::new();
    let (mut w, r) = fragile();
    w.append(FragileOp::ArmSyncPanic).publish();
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.publish();
        }))
        .is_err()
    );
    assert_poisoned(w, r, &[], &census);
}

#[test]
fn panic_while_appending_before_the_first_publish() {
    // Before the first publish, operations are absorbed as they are appended.
    let census = Census::new();
    let (mut w, r) = fragile();
    w.append(FragileOp::Push(Tracked::new(&census, 1)));
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.append(FragileOp::PanicFirst(Tracked::new(&census, 2)));
        }))
        .is_err()
    );
    assert_poisoned(w, r, &[], &census);
}

#[test]
fn take_on_a_poisoned_writer_panics_and_still_frees_everything() {
    let census = Census::new();
    let (mut w, r) = fragile();
    w.append(FragileOp::Push(Tracked::new(&census, 1)))
        .publish();
    w.append(FragileOp::PanicFirst(Tracked::new(&census, 2)));
    assert!(
        catch_unwind(AssertUnwindSafe(|| {
            w.publish();
        }))
        .is_err()
    );
    let err = catch_unwind(AssertUnwindSafe(|| w.take())).unwrap_err();
    assert!(err.downcast_ref::<String>().unwrap().contains("take"));
    assert!(r.enter().is_none(), "the unwinding take dropped the writer");
    drop(r);
    assert_eq!(census.live(), 0);
}

#[test]
fn a_reader_that_panics_while_holding_a_guard_does_not_block_the_writer() {
    within(NO_DEADLOCK, || {
        let census = Census::new();
        let (mut w, r) = fragile();
        w.append(FragileOp::Push(Tracked::new(&census, 1)))
            .publish();
        let reader = r.clone();
        let outcome = std::thread::spawn(move || {
            let guard = reader.enter().unwrap();
            assert_eq!(guard.items.len(), 1);
            panic!("reader failed while holding a guard");
        })
        .join();
        assert!(outcome.is_err());
        // Two publishes: the second would need the copy the panicking reader was in.
        w.append(FragileOp::Push(Tracked::new(&census, 2)))
            .publish();
        w.append(FragileOp::Push(Tracked::new(&census, 3)))
            .publish();
        assert_eq!(values(&r), [1, 2, 3]);
        drop(w);
        drop(r);
        assert_eq!(census.live(), 0);
    });
}

#[test]
fn a_panic_on_the_same_thread_while_a_guard_is_held_releases_it() {
    let (mut w, r) = fragile();
    w.publish();
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _guard = r.enter().unwrap();
        panic!("user code failed inside a read section");
    }));
    assert!(caught.is_err());
    w.publish();
    assert!(w.try_publish(), "the unwound guard closed its read section");
}
