//! The data structure, taken back from a retired writer.

use crate::Absorb;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

/// The final copy of the data, returned by [`WriteHandle::take`](crate::WriteHandle::take).
///
/// Dereferences to `T`. Dropping it drops `T` through [`Absorb::drop_second`].
pub struct Taken<T: Absorb<O>, O> {
    inner: Option<Box<T>>,
    _operations: PhantomData<fn(O)>,
}

impl<T: Absorb<O>, O> Taken<T, O> {
    pub(crate) fn new(inner: Box<T>) -> Self {
        Self {
            inner: Some(inner),
            _operations: PhantomData,
        }
    }

    /// Unwraps the data without calling [`Absorb::drop_second`] on it.
    ///
    /// # Safety
    ///
    /// If `T` overrides [`Absorb::drop_second`] because plain dropping is not correct for it, the
    /// caller must make sure the box is disposed of the way `drop_second` would. With the default
    /// `drop_second` this is always safe.
    pub unsafe fn into_box(mut self) -> Box<T> {
        self.inner
            .take()
            .expect("Taken holds its data until into_box or drop")
    }
}

impl<T: Absorb<O>, O> Deref for Taken<T, O> {
    type Target = T;

    fn deref(&self) -> &T {
        self.inner
            .as_deref()
            .expect("Taken holds its data until into_box or drop")
    }
}

impl<T: Absorb<O>, O> DerefMut for Taken<T, O> {
    fn deref_mut(&mut self) -> &mut T {
        self.inner
            .as_deref_mut()
            .expect("Taken holds its data until into_box or drop")
    }
}

impl<T: Absorb<O>, O> Drop for Taken<T, O> {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take() {
            T::drop_second(inner);
        }
    }
}

impl<T: Absorb<O> + fmt::Debug, O> fmt::Debug for Taken<T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Taken").field(&**self).finish()
    }
}
