//! Appending operations through a trait, so that code generated for a data structure (see the
//! `derive` feature) can write through any writer: a `WriteHandle`, a map's writer whose meta value
//! is the structure, or a view of a writer onto one nested field.

use crate::{Absorb, WriteHandle};
use std::fmt;

/// Something that takes operations of type `O` into a writer's log.
pub trait AppendOp<O> {
    /// Appends `op`; it becomes visible to readers at the next publish.
    fn append_op(&mut self, op: O);
}

impl<T: Absorb<O>, O> AppendOp<O> for WriteHandle<T, O> {
    fn append_op(&mut self, op: O) {
        self.append(op);
    }
}

/// A writer for one field of a structure, whose operations (`C`) are wrapped into the parent's
/// (`P`) before they reach the parent's writer `W`.
///
/// `#[derive(Absorb)]` returns one from the `edit_<field>()` method of a `#[absorb(nested)]`
/// field; the nested structure's generated methods work on it.
pub struct NestedWriter<'w, W: ?Sized, C, P> {
    parent: &'w mut W,
    wrap: fn(C) -> P,
}

impl<'w, W: ?Sized, C, P> NestedWriter<'w, W, C, P> {
    /// A writer that appends `wrap(op)` to `parent` for each `op`.
    pub fn new(parent: &'w mut W, wrap: fn(C) -> P) -> Self {
        Self { parent, wrap }
    }
}

impl<W: ?Sized + AppendOp<P>, C, P> AppendOp<C> for NestedWriter<'_, W, C, P> {
    fn append_op(&mut self, op: C) {
        self.parent.append_op((self.wrap)(op));
    }
}

impl<W: ?Sized, C, P> fmt::Debug for NestedWriter<'_, W, C, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NestedWriter").finish_non_exhaustive()
    }
}
