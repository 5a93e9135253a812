//! Guarantee 1: the read path never allocates, and re-entrant `enter` on one handle works.
//! (That it never blocks is in `handles.rs`; that it writes only the handle's own cache-padded
//! slot is checked against the slot layout in the crate's unit tests.)

mod common;

use common::{Add, Counter};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts allocations made by the current thread.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: defers to the system allocator; the counter is a const-initialised thread-local `Cell`,
// whose access never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn reading_never_allocates() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(1)).publish();
    let mut sum = 0;
    let before = allocations();
    for _ in 0..1000 {
        let outer = r.enter().unwrap();
        let inner = r.enter().unwrap();
        sum += outer.0 + inner.0;
        let mapped = left_right::ReadGuard::map(inner, |c| &c.0);
        sum += *mapped;
        drop(outer);
        drop(mapped);
        assert!(!r.was_dropped());
    }
    assert_eq!(allocations(), before, "the read path allocated");
    assert_eq!(sum, 3000);
}

#[test]
fn deeply_nested_enter_on_one_handle() {
    let (mut w, r) = left_right::new::<Counter, Add>();
    w.append(Add(1)).publish();
    let guards: Vec<_> = (0..100).map(|_| r.enter().unwrap()).collect();
    w.append(Add(1)).publish();
    assert!(!w.try_publish());
    assert!(guards.iter().all(|g| g.0 == 1));
    drop(guards);
    assert!(w.try_publish());
    assert_eq!(r.enter().unwrap().0, 2);
}
