//! The guard that keeps a read section open.

use crate::reader::Reader;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

/// A reference into the readers' copy, valid while the guard lives.
///
/// While any guard of a [`ReadHandle`](crate::ReadHandle) is alive, that handle stays inside its
/// read section: the writer will not modify or free the copy the guard points into, so a
/// [`WriteHandle::publish`](crate::WriteHandle::publish) that needs that copy waits until the guard
/// is dropped. Keep guards short-lived.
///
/// Like [`std::cell::Ref`], a guard can be narrowed to a part of the data with [`ReadGuard::map`]
/// and [`ReadGuard::try_map`].
///
/// A guard cannot leave the thread of its read handle:
///
/// ```compile_fail,E0277
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<()> for Data {
/// #     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_send<S: Send>(_: S) {}
/// let (_w, r) = left_right::new::<Data, ()>();
/// assert_send(r.enter().unwrap());
/// ```
///
/// while the value it guards can be copied out and sent:
///
/// ```
/// # #[derive(Default)] struct Data;
/// # impl left_right::Absorb<()> for Data {
/// #     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
/// #     fn sync_with(&mut self, _: &Self) {}
/// # }
/// fn assert_send<S: Send>(_: S) {}
/// let (_w, r) = left_right::new::<Data, ()>();
/// assert_send(r.enter().is_some());
/// ```
pub struct ReadGuard<'rh, T: ?Sized> {
    value: NonNull<T>,
    reader: &'rh Reader,
    _value: PhantomData<&'rh T>,
}

impl<'rh, T: ?Sized> ReadGuard<'rh, T> {
    /// # Safety
    ///
    /// The caller must have called `reader.begin()` (handing its matching `end` to this guard) and
    /// loaded `value`'s copy after that, so the copy stays valid until the read section ends.
    #[inline(always)]
    pub(crate) unsafe fn new(value: NonNull<T>, reader: &'rh Reader) -> Self {
        Self {
            value,
            reader,
            _value: PhantomData,
        }
    }

    /// Narrows the guard to a part of the guarded data.
    ///
    /// ```
    /// # use left_right::{Absorb, ReadGuard};
    /// # #[derive(Clone, Default)] struct User { id: u32, name: String }
    /// # impl Absorb<()> for User { fn absorb_first(&mut self, _: &mut (), _: &Self) {} fn sync_with(&mut self, first: &Self) { *self = first.clone() } }
    /// let (_w, r) = left_right::new::<User, ()>();
    /// let name: ReadGuard<'_, String> = ReadGuard::map(r.enter().unwrap(), |user| &user.name);
    /// assert!(name.is_empty());
    /// assert_eq!(r.enter().unwrap().id, 0);
    /// ```
    #[inline]
    pub fn map<F, U: ?Sized>(orig: Self, f: F) -> ReadGuard<'rh, U>
    where
        F: for<'a> FnOnce(&'a T) -> &'a U,
    {
        // Call `f` while `orig` still owns the section: if `f` panics, `orig` is dropped during
        // unwinding and the section ends.
        let value = NonNull::from(f(&*orig));
        let orig = std::mem::ManuallyDrop::new(orig);
        ReadGuard {
            value,
            reader: orig.reader,
            _value: PhantomData,
        }
    }

    /// Narrows the guard to a part of the guarded data that may not exist.
    ///
    /// If `f` returns `None`, the guard is dropped (and the read section left, if it was the last).
    #[inline]
    pub fn try_map<F, U: ?Sized>(orig: Self, f: F) -> Option<ReadGuard<'rh, U>>
    where
        F: for<'a> FnOnce(&'a T) -> Option<&'a U>,
    {
        let value = NonNull::from(f(&*orig)?);
        let orig = std::mem::ManuallyDrop::new(orig);
        Some(ReadGuard {
            value,
            reader: orig.reader,
            _value: PhantomData,
        })
    }
}

impl<T: ?Sized> Deref for ReadGuard<'_, T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: `ReadGuard::new`'s contract: the pointer was loaded inside the read section this
        // guard keeps open, and the writer neither modifies nor frees that copy until the section
        // ends, which happens at the earliest when this guard is dropped.
        unsafe { self.value.as_ref() }
    }
}

impl<T: ?Sized> AsRef<T> for ReadGuard<'_, T> {
    #[inline]
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: ?Sized> Drop for ReadGuard<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        self.reader.end();
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for ReadGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ReadGuard").field(&&**self).finish()
    }
}
