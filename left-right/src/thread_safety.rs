//! Compile-time tests of every `Send`/`Sync` rule. Each `compile_fail` test has a twin that differs
//! only in the property under test and must compile, so neither can pass for the wrong reason.
//! (Compiled only for doctests.)
//!
//! `ReadHandle<T>` is `Send` only when `T: Sync` (it hands out `&T` on whatever thread it is on):
//!
//! ```compile_fail,E0277
//! #[derive(Default)] struct NotSync(std::marker::PhantomData<std::cell::Cell<u8>>);
//! impl left_right::Absorb<()> for NotSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send<S: Send>(_: S) {}
//! let (_w, r) = left_right::new::<NotSync, ()>();
//! assert_send(r);
//! ```
//!
//! ```
//! #[derive(Default)] struct IsSync(std::marker::PhantomData<std::sync::atomic::AtomicU8>);
//! impl left_right::Absorb<()> for IsSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send<S: Send>(_: S) {}
//! let (_w, r) = left_right::new::<IsSync, ()>();
//! assert_send(r);
//! ```
//!
//! `ReadHandle<T>` is never `Sync`, even for `T: Sync` (see its docs for the pair), and neither is
//! the writer, which dereferences to one:
//!
//! ```compile_fail,E0277
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_sync<S: Sync>(_: &S) {}
//! let (w, _r) = left_right::new::<Data, ()>();
//! assert_sync(&w);
//! ```
//!
//! ```
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_sync<S: Sync>(_: &S) {}
//! let (w, _r) = left_right::new::<Data, ()>();
//! assert_sync(&std::sync::Mutex::new(w));
//! ```
//!
//! `WriteHandle<T, O>` needs `T: Sync` to be `Send` (readers share `T` with it):
//!
//! ```compile_fail,E0277
//! #[derive(Default)] struct NotSync(std::marker::PhantomData<std::cell::Cell<u8>>);
//! impl left_right::Absorb<()> for NotSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send<S: Send>(_: S) {}
//! let (w, _r) = left_right::new::<NotSync, ()>();
//! assert_send(w);
//! ```
//!
//! and `T: Send` (it drops `T` on its own thread):
//!
//! ```compile_fail,E0277
//! #[derive(Default)] struct NotSend(std::marker::PhantomData<std::sync::MutexGuard<'static, ()>>);
//! impl left_right::Absorb<()> for NotSend {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send<S: Send>(_: S) {}
//! let (w, _r) = left_right::new::<NotSend, ()>();
//! assert_send(w);
//! ```
//!
//! ```
//! #[derive(Default)] struct SendAndSync(std::marker::PhantomData<std::sync::Mutex<()>>);
//! impl left_right::Absorb<()> for SendAndSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send<S: Send>(_: S) {}
//! let (w, _r) = left_right::new::<SendAndSync, ()>();
//! assert_send(w);
//! ```
//!
//! (`O: Send` is tested on [`WriteHandle`](crate::WriteHandle) itself.)
//!
//! A `ReadHandleFactory<T>` is `Send` and `Sync` exactly when `T: Sync`:
//!
//! ```compile_fail,E0277
//! #[derive(Default)] struct NotSync(std::marker::PhantomData<std::cell::Cell<u8>>);
//! impl left_right::Absorb<()> for NotSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send_sync<S: Send + Sync>(_: S) {}
//! let (_w, r) = left_right::new::<NotSync, ()>();
//! assert_send_sync(r.factory());
//! ```
//!
//! ```
//! #[derive(Default)] struct IsSync(std::marker::PhantomData<std::sync::atomic::AtomicU8>);
//! impl left_right::Absorb<()> for IsSync {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! fn assert_send_sync<S: Send + Sync>(_: S) {}
//! let (_w, r) = left_right::new::<IsSync, ()>();
//! assert_send_sync(r.factory());
//! ```
//!
//! A guard borrows its handle and cannot outlive it:
//!
//! ```compile_fail,E0505
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! let (_w, r) = left_right::new::<Data, ()>();
//! let guard = r.enter();
//! drop(r);
//! drop(guard);
//! ```
//!
//! ```
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! let (_w, r) = left_right::new::<Data, ()>();
//! let guard = r.enter();
//! drop(guard);
//! drop(r);
//! ```
//!
//! and the writer cannot publish (or be dropped) while a guard taken through it is alive:
//!
//! ```compile_fail,E0502
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! let (mut w, _r) = left_right::new::<Data, ()>();
//! let guard = w.enter();
//! w.publish();
//! drop(guard);
//! ```
//!
//! ```
//! #[derive(Default)] struct Data;
//! impl left_right::Absorb<()> for Data {
//!     fn absorb_first(&mut self, _: &mut (), _: &Self) {}
//!     fn sync_with(&mut self, _: &Self) {}
//! }
//! let (mut w, _r) = left_right::new::<Data, ()>();
//! let guard = w.enter();
//! drop(guard);
//! w.publish();
//! ```
