//! Compile-time tests of the handles' `Send`/`Sync` rules, each `compile_fail` test with a twin
//! that must compile (compiled only for doctests).
//!
//! A `ReadHandle` can move to another thread but not be shared:
//!
//! ```compile_fail,E0277
//! fn assert_sync<S: Sync>(_: &S) {}
//! let (r, _w) = evmap::new::<u32, u32>();
//! assert_sync(&r);
//! ```
//!
//! ```
//! fn assert_send<S: Send>(_: S) {}
//! let (r, _w) = evmap::new::<u32, u32>();
//! assert_send(r);
//! ```
//!
//! Neither handle can cross threads when the data cannot be shared between threads:
//!
//! ```compile_fail,E0277
//! fn assert_send<S: Send>(_: S) {}
//! let (_r, w) = evmap::new::<u32, std::rc::Rc<u32>>();
//! assert_send(w);
//! ```
//!
//! ```compile_fail,E0277
//! fn assert_send<S: Send>(_: S) {}
//! let (r, _w) = evmap::new::<u32, std::rc::Rc<u32>>();
//! assert_send(r);
//! ```
//!
//! ```
//! fn assert_send<S: Send>(_: S) {}
//! let (r, w) = evmap::new::<u32, std::sync::Arc<u32>>();
//! assert_send(w);
//! assert_send(r);
//! ```
//!
//! The factory is the handle to share:
//!
//! ```
//! fn assert_send_sync<S: Send + Sync>(_: S) {}
//! let (r, _w) = evmap::new::<u32, u32>();
//! assert_send_sync(r.factory());
//! ```
//!
//! Guards stay on their thread:
//!
//! ```compile_fail,E0277
//! fn assert_send<S: Send>(_: S) {}
//! let (r, _w) = evmap::new::<u32, u32>();
//! assert_send(r.get(&1));
//! ```
//!
//! ```
//! fn assert_send<S: Send>(_: S) {}
//! let (r, _w) = evmap::new::<u32, u32>();
//! assert_send(r.get(&1).map(|values| values.len()));
//! ```
