//! `#[derive(Absorb)]`: a plain struct becomes a [left-right] data structure, or an [evmap] meta
//! value, without a hand-written operation type or `Absorb` implementation.
//!
//! Use it through `left_right` or `evmap` with their `derive` feature (one dependency, as with
//! serde). For
//!
//! ```
//! use left_right::Absorb;
//! use std::collections::HashMap;
//!
//! #[derive(Absorb, Clone, Debug, Default, PartialEq)]
//! pub struct Config {
//!     generation: u64,
//!     name: String,
//!     #[absorb(collection)]
//!     routes: Vec<String>,
//!     #[absorb(collection)]
//!     limits: HashMap<String, u32>,
//!     #[absorb(nested)]
//!     flags: Flags,
//! }
//!
//! #[derive(Absorb, Clone, Debug, Default, PartialEq)]
//! pub struct Flags {
//!     dark_mode: bool,
//! }
//!
//! // The derive generated `ConfigOp`, `impl Absorb<ConfigOp> for Config` and the writer methods
//! // of `ConfigWriteExt` (and the same for `Flags`), next to the structs: in scope here.
//! let (mut w, r) = left_right::new_from_empty::<Config, ConfigOp>(Config::default());
//! w.set_generation(7)
//!     .set_name("edge".to_owned())
//!     .push_routes("/api".to_owned())
//!     .insert_limits("/api".to_owned(), 100);
//! w.edit_flags().set_dark_mode(true);
//! assert_eq!(r.enter().unwrap().generation, 0); // not published yet
//! w.publish();
//!
//! let config = r.enter().unwrap();
//! assert_eq!(config.generation, 7);
//! assert_eq!(config.routes, ["/api"]);
//! assert_eq!(config.limits["/api"], 100);
//! assert!(config.flags.dark_mode);
//! ```
//!
//! the derive generates:
//!
//! * **`ConfigOp`**, an enum with one variant per change: `SetGeneration(u64)` (every field can
//!   be replaced whole), and for collection fields element-wise variants: `PushRoutes(String)`,
//!   `PopRoutes`, `InsertRoutes(usize, String)`, `RemoveRoutes(usize)`, `ClearRoutes`;
//!   `InsertLimits(String, u32)`, `RemoveLimits(String)`, `ClearLimits`. A nested field gets
//!   `EditFlags(FlagsOp)`.
//! * **`impl Absorb<ConfigOp> for Config`**: the first copy clones what it needs out of the
//!   operation, the second consumes it, so a change to one element of a large collection is
//!   replayed as that change, not as a copy of the collection. `sync_with` clones the first copy
//!   (nested fields sync themselves).
//! * **`ConfigWriteExt`**, a trait with a method per operation (`set_generation`,
//!   `push_routes`, `insert_limits`, `edit_flags`, ...), each returning `&mut Self` so calls
//!   chain. It is implemented for every `left_right::AppendOp<ConfigOp>`: a
//!   `left_right::WriteHandle<Config, ConfigOp>`, an `evmap::WriteHandle` whose meta value is a
//!   `Config` (the changes become visible atomically with the map at the next refresh), and the
//!   writer `edit_<field>()` returns for a nested field.
//!
//! # Attributes
//!
//! | attribute | on | effect |
//! |---|---|---|
//! | `#[absorb(collection)]` | a `Vec`, `VecDeque`, `HashMap`, `BTreeMap`, `HashSet` or `BTreeSet` field | element-wise operations |
//! | `#[absorb(nested)]` | a field whose type derives `Absorb` | `Edit<Field>(<Type>Op)` and `edit_<field>()` |
//! | `#[absorb(nested = "Path")]` | the same, when that type's operation enum is not `<Type>Op` | names the operation type |
//! | `#[absorb(op = "Name")]` | the struct | renames the operation enum |
//! | `#[absorb(ext = "Name")]` | the struct | renames the writer trait |
//! | `#[absorb(crate = "path")]` | the struct | where to find `left_right` (default `::left_right`; `::evmap::left_right` through evmap's re-export) |
//!
//! Tuple structs name operations by index (`Set0`, `set_0`); unit structs get an operation enum
//! with no variants. Generic structs and `where` clauses work; every field type must be `Clone`
//! (the first copy clones values out of each operation), map keys and set elements must be
//! `Hash + Eq` (or `Ord` for the B-tree collections). Enums and unions are rejected with an error
//! pointing at them.
//!
//! # Notes
//!
//! * Operations apply at the next publish, when no error can reach the caller, so index-based
//!   operations clamp: `insert_<field>(index, ..)` past the end appends, `remove_<field>(index)`
//!   past the end removes nothing.
//! * Both copies must start equal: create the pair with `left_right::new_from_empty(value)`, which
//!   clones `value`. With `left_right::new` and a `HashMap` field, the two `Default` maps get
//!   different hashers, so the copies iterate in different orders.
//!
//! [left-right]: https://docs.rs/left-right
//! [evmap]: https://docs.rs/evmap
#![doc(test(attr(deny(warnings))))]

mod expand;
mod parse;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `left_right::Absorb` for a struct, with an operation enum and writer methods. See the
/// [crate documentation](crate).
#[proc_macro_derive(Absorb, attributes(absorb))]
pub fn derive_absorb(input: TokenStream) -> TokenStream {
    derive(parse_macro_input!(input as DeriveInput), "::left_right")
}

/// The same derive, for use through `evmap`'s re-export: generated code names
/// `::evmap::left_right` unless `#[absorb(crate = "..")]` says otherwise.
#[doc(hidden)]
#[proc_macro_derive(EvmapAbsorb, attributes(absorb))]
pub fn derive_evmap_absorb(input: TokenStream) -> TokenStream {
    derive(
        parse_macro_input!(input as DeriveInput),
        "::evmap::left_right",
    )
}

fn derive(input: DeriveInput, default_crate: &str) -> TokenStream {
    parse::parse(input, default_crate)
        .and_then(expand::expand)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
