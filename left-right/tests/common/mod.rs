//! Data structures and helpers shared by the integration tests.
#![allow(dead_code, unreachable_pub)]

use left_right::Absorb;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The smallest useful `Absorb`: a counter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counter(pub i64);

#[derive(Debug)]
pub struct Add(pub i64);

impl Absorb<Add> for Counter {
    fn absorb_first(&mut self, op: &mut Add, _: &Self) {
        self.0 += op.0;
    }

    fn sync_with(&mut self, first: &Self) {
        self.0 = first.0;
    }
}

/// State whose invariant holds only at publish boundaries: every cell equals `generation`.
///
/// Moving to the next generation takes one operation per cell plus one for the generation, so a
/// reader that could observe a copy while the writer replays into it would see mixed cells.
#[derive(Clone, Debug, Default)]
pub struct Cells {
    pub generation: u64,
    pub cells: Vec<u64>,
}

#[derive(Debug)]
pub enum CellOp {
    Set { index: usize, value: u64 },
    Generation(u64),
}

impl Absorb<CellOp> for Cells {
    fn absorb_first(&mut self, op: &mut CellOp, _: &Self) {
        match *op {
            CellOp::Set { index, value } => {
                if self.cells.len() <= index {
                    self.cells.resize(index + 1, 0);
                }
                self.cells[index] = value;
            }
            CellOp::Generation(g) => self.generation = g,
        }
    }

    fn sync_with(&mut self, first: &Self) {
        self.clone_from(first);
    }
}

impl Cells {
    /// The operations that move the state to generation `g` with `width` cells.
    pub fn advance(g: u64, width: usize) -> impl Iterator<Item = CellOp> {
        (0..width)
            .map(move |index| CellOp::Set { index, value: g })
            .chain(std::iter::once(CellOp::Generation(g)))
    }

    /// Panics unless this is a whole published state.
    pub fn check(&self, width: usize) -> u64 {
        if self.generation == 0 {
            assert!(self.cells.iter().all(|&c| c == 0), "torn initial state");
        } else {
            assert_eq!(self.cells.len(), width, "torn state: {self:?}");
            assert!(
                self.cells.iter().all(|&c| c == self.generation),
                "torn state: {self:?}"
            );
        }
        self.generation
    }
}

/// Counts creations and drops, and remembers which values are alive, so that a double drop is
/// caught at the second drop (and cannot hide behind a leak in the totals).
#[derive(Debug, Default)]
pub struct Census {
    pub created: AtomicUsize,
    pub dropped: AtomicUsize,
    alive: Mutex<HashSet<usize>>,
}

impl Census {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Values created (or cloned) and not yet dropped.
    pub fn live(&self) -> isize {
        let live = self.created.load(Ordering::SeqCst) as isize
            - self.dropped.load(Ordering::SeqCst) as isize;
        assert_eq!(live, self.alive.lock().unwrap().len() as isize);
        live
    }

    fn born(&self) -> usize {
        let id = self.created.fetch_add(1, Ordering::SeqCst);
        self.alive.lock().unwrap().insert(id);
        id
    }

    fn died(&self, id: usize) {
        let was_alive = self.alive.lock().unwrap().remove(&id);
        assert!(was_alive, "value {id} dropped twice");
        self.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// A value that reports its creation and drop to a census.
#[derive(Debug)]
pub struct Tracked {
    pub census: Arc<Census>,
    pub value: i64,
    id: usize,
}

impl Tracked {
    pub fn new(census: &Arc<Census>, value: i64) -> Self {
        Self {
            census: Arc::clone(census),
            value,
            id: census.born(),
        }
    }
}

impl Clone for Tracked {
    fn clone(&self) -> Self {
        Self::new(&self.census, self.value)
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.census.died(self.id);
    }
}

/// A list of tracked values; operations carry tracked values too.
#[derive(Clone, Debug)]
pub struct TrackedList(pub Vec<Tracked>);

#[derive(Debug)]
pub enum ListOp {
    Push(Tracked),
    Pop,
    Clear,
}

impl Absorb<ListOp> for TrackedList {
    fn absorb_first(&mut self, op: &mut ListOp, _: &Self) {
        match op {
            ListOp::Push(t) => self.0.push(t.clone()),
            ListOp::Pop => {
                self.0.pop();
            }
            ListOp::Clear => self.0.clear(),
        }
    }

    fn absorb_second(&mut self, op: ListOp, _: &Self) {
        match op {
            ListOp::Push(t) => self.0.push(t),
            ListOp::Pop => {
                self.0.pop();
            }
            ListOp::Clear => self.0.clear(),
        }
    }

    fn sync_with(&mut self, first: &Self) {
        self.0.clone_from(&first.0);
    }
}

/// Runs `f` on a new thread and returns its result, failing the test if it takes longer than
/// `limit` (a deadlock, in the tests that use it) instead of hanging the test run.
pub fn within<R: Send + 'static>(limit: Duration, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("did not finish within {limit:?}: deadlock"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the thread panicked"),
    }
}

/// Scales an iteration count down under Miri, which is ~1000x slower.
pub fn scaled(n: usize) -> usize {
    if cfg!(miri) { (n / 100).max(2) } else { n }
}

/// A long limit for "this must not deadlock" checks; generous enough for Miri and a loaded CI box.
pub const NO_DEADLOCK: Duration = Duration::from_secs(60);
