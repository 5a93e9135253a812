//! Creating an instance with non-default settings.

use crate::strategy::ReadStrategy;
use crate::{Absorb, ReadHandle, WriteHandle};

/// Settings for a new left-right instance; [`new`](crate::new) and
/// [`new_from_empty`](crate::new_from_empty) use the defaults.
///
/// ```
/// # #[derive(Clone, Default)] struct Counter(u64);
/// # impl left_right::Absorb<u64> for Counter {
/// #     fn absorb_first(&mut self, op: &mut u64, _: &Self) { self.0 += *op }
/// #     fn sync_with(&mut self, first: &Self) { self.0 = first.0 }
/// # }
/// use left_right::{Options, ReadStrategy};
///
/// let (mut w, r) = Options::default()
///     .read_strategy(ReadStrategy::Asymmetric)
///     .construct::<Counter, u64>();
/// // Asymmetric where the system supports it, Fenced otherwise.
/// println!("reads use {:?}", w.read_strategy());
/// w.append(2).publish();
/// assert_eq!(r.enter().map(|c| c.0), Some(2));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    read_strategy: ReadStrategy,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            read_strategy: default_strategy(),
        }
    }
}

/// `ReadStrategy::Fenced`; the test suite can be run with every default instance asymmetric by
/// building with `--cfg left_right_default_asymmetric`.
const fn default_strategy() -> ReadStrategy {
    if cfg!(left_right_default_asymmetric) {
        ReadStrategy::Asymmetric
    } else {
        ReadStrategy::Fenced
    }
}

impl Options {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Chooses how readers synchronise with the writer (see [`ReadStrategy`]). If the system
    /// cannot provide the strategy asked for, the instance falls back to
    /// [`ReadStrategy::Fenced`]; [`WriteHandle::read_strategy`] reports which one it got.
    pub fn read_strategy(self, read_strategy: ReadStrategy) -> Self {
        Self { read_strategy }
    }

    /// The strategy asked for (not necessarily the one an instance will get).
    pub fn requested_read_strategy(&self) -> ReadStrategy {
        self.read_strategy
    }

    /// Creates a writer and a reader for two copies of `T::default()` (see [`crate::new`]).
    pub fn construct<T, O>(self) -> (WriteHandle<T, O>, ReadHandle<T>)
    where
        T: Absorb<O> + Default,
    {
        WriteHandle::new(T::default(), T::default(), self.read_strategy)
    }

    /// Creates a writer and a reader for two copies of `t` (see [`crate::new_from_empty`]).
    pub fn construct_from<T, O>(self, t: T) -> (WriteHandle<T, O>, ReadHandle<T>)
    where
        T: Absorb<O> + Clone,
    {
        let readers_copy = t.clone();
        WriteHandle::new(t, readers_copy, self.read_strategy)
    }
}
