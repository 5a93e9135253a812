//! Tests that need to look inside: slot layout, which readers the writer records, and whether the
//! writer is really asleep on a reader.

use crate::{Absorb, ReadHandle};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

#[derive(Clone, Default)]
struct Counter(i64);

impl Absorb<i64> for Counter {
    fn absorb_first(&mut self, op: &mut i64, _: &Self) {
        self.0 += *op;
    }

    fn sync_with(&mut self, first: &Self) {
        self.0 = first.0;
    }
}

fn slot_address(r: &ReadHandle<Counter>) -> usize {
    r.reader().slot_ptr().as_ptr() as usize
}

#[test]
fn every_handle_writes_only_its_own_cache_lines() {
    let (w, r) = crate::new::<Counter, i64>();
    let handles: Vec<_> = (0..40).map(|_| r.clone()).collect();
    let mut addresses: Vec<_> = handles.iter().chain([&r, &*w]).map(slot_address).collect();
    assert!(
        addresses.iter().all(|a| a % 128 == 0),
        "slots are 128-byte aligned"
    );
    addresses.sort_unstable();
    for pair in addresses.windows(2) {
        assert!(pair[1] - pair[0] >= 128, "two slots share a 128-byte block");
    }
    assert!(std::mem::align_of::<crate::padded::CachePadded<u8>>() >= 128);
}

#[test]
fn only_readers_in_the_writers_copy_are_waited_for() {
    let (mut w, r) = crate::new::<Counter, i64>();
    w.append(1).publish();
    let busy = r.clone();
    let idle = r.clone();
    let guard = busy.enter().unwrap();
    w.append(1).publish(); // `busy` is now inside the writer's copy
    let late = idle.enter().unwrap(); // entered after the swap: inside the readers' copy
    assert!(!w.try_publish());
    assert_eq!(
        w.lingering(),
        1,
        "only `busy`; `late` uses the readers' copy"
    );
    drop(guard);
    assert!(w.try_publish(), "`late` is not waited for");
    // That publish swapped again: `late` is now inside the writer's copy.
    assert!(!w.try_publish());
    assert_eq!(w.lingering(), 1);
    drop(late);
    assert!(w.try_publish());
    assert_eq!(w.lingering(), 0);
    assert_eq!(r.enter().unwrap().0, 2);
}

/// The strong form of the left-right PR #159 regression test: the writer is provably asleep on
/// this very reader's slot when the reader registers new handles.
#[test]
fn registering_handles_while_the_writer_sleeps_on_this_reader() {
    let (mut w, r) = crate::new::<Counter, i64>();
    w.append(1).publish();
    let guard = r.enter().unwrap();
    w.append(1).publish();
    let (done_tx, done_rx) = mpsc::channel();
    let writer = thread::spawn(move || {
        w.append(1).publish();
        done_tx.send(w.stats()).unwrap();
        w
    });
    while !r.reader().writer_sleeps_on_me() {
        thread::sleep(Duration::from_millis(1));
    }
    let clone = r.clone();
    let factory = r.factory();
    let from_thread = thread::spawn(move || factory.handle().enter().map(|g| g.0))
        .join()
        .unwrap();
    assert_eq!((clone.enter().unwrap().0, from_thread), (2, Some(2)));
    drop(clone);
    assert!(
        done_rx.try_recv().is_err(),
        "the writer cannot finish while we hold the guard"
    );
    drop(guard);
    let stats = done_rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the writer wakes up once the guard is gone");
    assert!(stats.parks >= 1);
    let w = writer.join().unwrap();
    assert_eq!(r.enter().unwrap().0, 3);
    drop(w);
}
