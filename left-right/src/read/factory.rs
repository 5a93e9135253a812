//! Making read handles on any thread.

use crate::ReadHandle;
use crate::shared::Shared;
use crate::sync::Arc;
use std::fmt;
use std::marker::PhantomData;

/// Makes new [`ReadHandle`]s, and unlike a `ReadHandle` it can be shared between threads.
///
/// A `ReadHandle` is `!Sync` (its read path keeps per-handle state in plain cells), so it cannot be
/// put in an `Arc` for every thread to clone. Share a factory instead and call
/// [`handle`](Self::handle) on each thread. Registering a handle never blocks, even while the
/// writer is waiting for readers.
pub struct ReadHandleFactory<T> {
    shared: Arc<Shared<T>>,
    _not_send_unless_sync: PhantomData<*const T>,
}

// SAFETY: a factory only creates handles, which give out `&T`; sharing or sending it lets other
// threads read `T`, which `T: Sync` allows. The shared state itself is thread-safe.
unsafe impl<T: Sync> Send for ReadHandleFactory<T> {}
// SAFETY: as above; `handle` takes `&self` and only touches thread-safe shared state.
unsafe impl<T: Sync> Sync for ReadHandleFactory<T> {}

impl<T> ReadHandleFactory<T> {
    pub(crate) fn new(shared: Arc<Shared<T>>) -> Self {
        Self {
            shared,
            _not_send_unless_sync: PhantomData,
        }
    }

    /// A new read handle for the same data. Never blocks.
    pub fn handle(&self) -> ReadHandle<T> {
        ReadHandle::register(Arc::clone(&self.shared))
    }
}

impl<T> Clone for ReadHandleFactory<T> {
    fn clone(&self) -> Self {
        Self::new(Arc::clone(&self.shared))
    }
}

impl<T> fmt::Debug for ReadHandleFactory<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadHandleFactory")
            .field("writer_dropped", &self.shared.peek().is_null())
            .finish()
    }
}
