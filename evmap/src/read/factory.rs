//! Making read handles on any thread.

use crate::inner::Inner;
use crate::read::ReadHandle;
use std::collections::hash_map::RandomState;
use std::fmt;

/// Makes [`ReadHandle`]s, and unlike them can be shared between threads (it is `Send` and `Sync`
/// when the map's contents are `Sync`). Making a handle never blocks.
pub struct ReadHandleFactory<K, V, M = (), S = RandomState> {
    factory: left_right::ReadHandleFactory<Inner<K, V, M, S>>,
    hasher: S,
}

impl<K, V, M, S: Clone> ReadHandleFactory<K, V, M, S> {
    pub(crate) fn new(
        factory: left_right::ReadHandleFactory<Inner<K, V, M, S>>,
        hasher: S,
    ) -> Self {
        Self { factory, hasher }
    }

    /// A new read handle to the map.
    pub fn handle(&self) -> ReadHandle<K, V, M, S> {
        ReadHandle::new(self.factory.handle(), self.hasher.clone())
    }
}

impl<K, V, M, S: Clone> Clone for ReadHandleFactory<K, V, M, S> {
    fn clone(&self) -> Self {
        Self::new(self.factory.clone(), self.hasher.clone())
    }
}

impl<K, V, M, S> fmt::Debug for ReadHandleFactory<K, V, M, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadHandleFactory")
            .field("factory", &self.factory)
            .finish()
    }
}
