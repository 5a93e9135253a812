//! The trait through which a data structure takes in the writer's operations.

/// A data structure that can apply operations of type `O`, so that left-right can keep its two
/// copies equal.
///
/// Every operation appended to a [`WriteHandle`](crate::WriteHandle) is applied to each copy
/// once: first to the copy that is about to be published ([`absorb_first`](Self::absorb_first),
/// by reference, because the operation is kept in the log), then, one publish later, to the other
/// copy ([`absorb_second`](Self::absorb_second), by value, the last use of the operation).
///
/// # When each method is called
///
/// All methods run on the writer's thread, inside [`WriteHandle`](crate::WriteHandle) methods,
/// and only ever on a copy that no reader can see at that moment:
///
/// | method | called by | on | `other` / `first` is |
/// |---|---|---|---|
/// | `absorb_second` | `append`/`extend` before the first publish | the writer's copy | the readers' (initial) copy |
/// | `absorb_second` | `publish`, for operations published by the previous publish | the writer's copy | the readers' copy, which has already absorbed them |
/// | `absorb_first` | `publish`, for operations appended since the previous publish | the writer's copy | the readers' copy, which has not seen them |
/// | `sync_with` | the second `publish` (instead of replaying the log) | the writer's copy (the initial one) | the copy published first |
/// | `drop_first` | dropping or [`take`](crate::WriteHandle::take)-ing the writer | the writer's copy | — |
/// | `drop_second` | dropping the writer, or the [`Taken`](crate::Taken) | the last published copy | — |
///
/// Before the first publish no reader has ever seen the writer's copy, so operations are applied
/// to it straight away, and the other copy is brought up to date once, by `sync_with`, instead of
/// by replaying every operation.
///
/// # What implementations must guarantee
///
/// * **Determinism.** Two equal copies that absorb the same operation must stay equal: the second
///   copy must end up exactly as the first did. Watch out for hidden state: a `HashMap`'s random
///   hasher (clone it rather than creating a new one), `Hash`/`Eq` implementations that are not
///   deterministic, or anything read from the environment. If an operation makes a choice (which
///   element to evict, what a predicate answered), make it in `absorb_first` and record it in the
///   operation, which `absorb_first` can modify, so that `absorb_second` replays it.
/// * **`sync_with`** must leave `self` exactly equal to `first`.
/// * A violation cannot cause memory unsafety in this crate, only copies that drift apart, so
///   readers would see different data after alternate publishes.
///
/// # Panics
///
/// If any of these methods panics, the panic propagates out of the `WriteHandle` method that
/// called it, no publish happens (readers keep the last published copy), and the writer is
/// *poisoned*: later calls to `append`, `publish` and `take` panic, saying so. Dropping a
/// poisoned writer is fine and frees both copies (with `drop_first`/`drop_second`), so each
/// copy must remain safe to drop even if an absorb panicked halfway, which safe code always is.
///
/// # Example
///
/// ```
/// use left_right::Absorb;
///
/// /// A read-mostly set of feature flags.
/// #[derive(Clone, Default)]
/// struct Flags(std::collections::BTreeSet<String>);
///
/// enum FlagOp {
///     Enable(String),
///     Disable(String),
/// }
///
/// impl Absorb<FlagOp> for Flags {
///     fn absorb_first(&mut self, op: &mut FlagOp, _: &Self) {
///         match op {
///             FlagOp::Enable(name) => self.0.insert(name.clone()),
///             FlagOp::Disable(name) => self.0.remove(name),
///         };
///     }
///
///     // The second application may consume the operation and save the clone.
///     fn absorb_second(&mut self, op: FlagOp, _: &Self) {
///         match op {
///             FlagOp::Enable(name) => self.0.insert(name),
///             FlagOp::Disable(name) => self.0.remove(&name),
///         };
///     }
///
///     fn sync_with(&mut self, first: &Self) {
///         self.0.clone_from(&first.0);
///     }
/// }
///
/// let (mut w, r) = left_right::new::<Flags, FlagOp>();
/// w.append(FlagOp::Enable("dark-mode".into()));
/// assert!(r.enter().unwrap().0.is_empty());
/// w.publish();
/// assert!(r.enter().unwrap().0.contains("dark-mode"));
/// w.append(FlagOp::Disable("dark-mode".into())).publish();
/// assert!(r.enter().unwrap().0.is_empty());
/// ```
pub trait Absorb<O> {
    /// Applies `operation` to the copy that is about to be published.
    ///
    /// `other` is the copy readers see right now, which has not yet absorbed `operation` (it is
    /// one publish behind). The operation stays in the log afterwards, so record here anything
    /// `absorb_second` needs to reproduce the same result.
    fn absorb_first(&mut self, operation: &mut O, other: &Self);

    /// Applies `operation` to the second copy: the last use of the operation.
    ///
    /// `other` is the copy readers see right now, which absorbed `operation` at the previous
    /// publish (it is one publish ahead). `self` must end up changed exactly as `other` was.
    ///
    /// Defaults to calling [`absorb_first`](Self::absorb_first).
    fn absorb_second(&mut self, mut operation: O, other: &Self) {
        Self::absorb_first(self, &mut operation, other)
    }

    /// Drops the writer's copy when the writer is dropped or taken. Defaults to a plain drop.
    ///
    /// The two copies are not necessarily equal at that point: operations appended but never
    /// published are dropped without being absorbed.
    #[allow(clippy::boxed_local)]
    fn drop_first(self: Box<Self>) {}

    /// Drops the last published copy when the writer is dropped, or when the [`Taken`] returned
    /// by [`take`](crate::WriteHandle::take) is dropped. Defaults to a plain drop.
    ///
    /// [`Taken`]: crate::Taken
    #[allow(clippy::boxed_local)]
    fn drop_second(self: Box<Self>) {}

    /// Makes `self` (the initial copy) exactly equal to `first` (the copy published first).
    ///
    /// Called once, at the second publish, instead of replaying the operations that were
    /// applied before the first publish.
    fn sync_with(&mut self, first: &Self);
}
