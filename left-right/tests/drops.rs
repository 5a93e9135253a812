//! Drop accounting: every copy of `T` and every operation is dropped exactly once, whatever the
//! writer's phase when it goes away, and whichever way it goes (drop, take, `into_box`).
//! (Panics mid-publish are covered in `panics.rs`, writer drops with live readers in
//! `writer_drop.rs`; both check the same census.)

mod common;

use common::{Census, ListOp, Tracked, TrackedList};
use std::sync::Arc;

fn pair(
    census: &Arc<Census>,
) -> (
    left_right::WriteHandle<TrackedList, ListOp>,
    left_right::ReadHandle<TrackedList>,
) {
    left_right::new_from_empty(TrackedList(vec![Tracked::new(census, -1)]))
}

/// Runs `script` (a list of batches; `true` = publish after the batch) and then ends the writer
/// with `end`, checking that nothing leaked and nothing was dropped twice.
fn run(script: &[(usize, usize, bool)], end: fn(left_right::WriteHandle<TrackedList, ListOp>)) {
    let census = Census::new();
    let (mut w, r) = pair(&census);
    let mut next = 0;
    for &(pushes, pops, publish) in script {
        for _ in 0..pushes {
            w.append(ListOp::Push(Tracked::new(&census, next)));
            next += 1;
        }
        for _ in 0..pops {
            w.append(ListOp::Pop);
        }
        if publish {
            w.publish();
        }
    }
    let extra_reader = r.clone();
    end(w);
    drop(extra_reader);
    drop(r);
    assert_eq!(census.live(), 0, "script {script:?}");
}

const SCRIPTS: &[&[(usize, usize, bool)]] = &[
    &[],
    &[(3, 0, false)],
    &[(3, 1, true)],
    &[(3, 1, true), (2, 0, false)],
    &[(3, 1, true), (2, 2, true)],
    &[(3, 1, true), (2, 2, true), (4, 0, false)],
    &[
        (1, 0, true),
        (1, 0, true),
        (1, 0, true),
        (5, 3, true),
        (0, 0, true),
    ],
    &[(10, 10, true), (10, 0, true), (0, 5, false)],
];

#[test]
fn dropping_the_writer_in_every_phase() {
    for script in SCRIPTS {
        run(script, drop);
    }
}

#[test]
fn taking_the_data_in_every_phase() {
    for script in SCRIPTS {
        run(script, |w| drop(w.take()));
    }
}

#[test]
fn into_box_hands_over_the_last_copy() {
    for script in SCRIPTS {
        run(script, |w| {
            // SAFETY: `TrackedList` keeps the default `drop_second`, so a plain drop is correct.
            let boxed = unsafe { w.take().into_box() };
            drop(boxed);
        });
    }
}

#[test]
fn clear_drops_every_value_once() {
    let census = Census::new();
    let (mut w, r) = pair(&census);
    for i in 0..10 {
        w.append(ListOp::Push(Tracked::new(&census, i)));
    }
    w.publish();
    w.append(ListOp::Clear).publish();
    w.publish();
    assert!(r.enter().unwrap().0.is_empty());
    // Both copies are empty and the log is drained: only nothing is left alive.
    assert_eq!(census.live(), 0);
    drop(w);
    assert_eq!(census.live(), 0);
}
