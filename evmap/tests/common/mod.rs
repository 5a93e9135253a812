//! Values that count their own drops, for the drop-accounting and panic tests, and the test
//! knobs read from the environment.
#![allow(dead_code, unreachable_pub)]

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Which values are alive; a second drop of the same value fails at that drop.
#[derive(Debug, Default)]
pub struct Census {
    next: AtomicUsize,
    alive: Mutex<HashSet<usize>>,
    /// When set, cloning a value panics.
    pub panic_on_clone: AtomicBool,
}

impl Census {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn alive(&self) -> usize {
        self.alive.lock().unwrap().len()
    }
}

/// A value identified by `value` (for `Hash`/`Eq`) with a unique identity for the census.
#[derive(Debug)]
pub struct Counted {
    pub value: u32,
    id: usize,
    census: Arc<Census>,
}

impl Counted {
    pub fn new(census: &Arc<Census>, value: u32) -> Self {
        let id = census.next.fetch_add(1, Ordering::SeqCst);
        census.alive.lock().unwrap().insert(id);
        Self {
            value,
            id,
            census: Arc::clone(census),
        }
    }
}

impl Clone for Counted {
    fn clone(&self) -> Self {
        if self.census.panic_on_clone.load(Ordering::SeqCst) {
            panic!("Counted::clone failed on purpose");
        }
        Self::new(&self.census, self.value)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        let was_alive = self.census.alive.lock().unwrap().remove(&self.id);
        assert!(was_alive, "value {} dropped twice", self.id);
    }
}

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for Counted {}

impl Hash for Counted {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

/// A test knob from the environment: the variable `name` as a number of `unit`, or `default`
/// when it is unset. A value that does not parse fails the test and names the variable.
pub fn knob<T: std::str::FromStr>(name: &str, unit: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number of {unit}, not {value:?}")),
        Err(_) => default,
    }
}

/// Runs `f` on its own thread and fails the test if it has not finished within a minute, so that
/// a hang shows up as a failure that names what hung rather than as a stuck CI job. Under Miri,
/// whose clock advances with interpretation rather than with time, `f` just runs.
pub fn within_a_minute(what: &str, f: impl FnOnce() + Send + 'static) {
    use std::sync::mpsc::{RecvTimeoutError, channel};
    if cfg!(miri) {
        f();
        return;
    }
    let (tx, rx) = channel();
    let worker = std::thread::spawn(move || {
        f();
        tx.send(()).ok();
    });
    match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(()) => worker.join().expect("the body finished"),
        // The body panicked: report its panic.
        Err(RecvTimeoutError::Disconnected) => {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Err(RecvTimeoutError::Timeout) => panic!("{what} hung"),
    }
}
