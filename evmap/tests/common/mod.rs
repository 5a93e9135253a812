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
