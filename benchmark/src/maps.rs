//! The maps under test, behind one interface. Every map uses the standard library's
//! `RandomState`, so hashing costs the same everywhere and ratios compare the maps, not hashers.
//!
//! Left-right-style maps (ours, evmap 11, flashmap) have one writer: writer threads share it
//! through a `parking_lot::Mutex` and publish after every `publish_every` writes, made under one
//! lock acquisition. The concurrent maps write directly; for them `publish_every` means nothing.

use parking_lot::{Mutex, RwLock};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::sync::Arc;

/// A map under test: built once per run, then split into per-thread handles.
pub(crate) trait Subject: 'static {
    type Reader: Send + 'static;
    type Writer: Send + 'static;

    /// A map holding every key in `0..span` (value = key), with everything published.
    fn build(span: u64) -> Self;
    fn reader(&self) -> Self::Reader;
    fn writer(&self) -> Self::Writer;
    /// Looks `key` up and copies its value out.
    ///
    /// Every implementation is `#[inline(never)]`: each map's lookup is compiled on its own, as
    /// a user's non-inlined call would be, rather than merged into the benchmark loop, where
    /// the compiler's inlining choices (for example whether SipHash gets inlined) differed from
    /// map to map and from build to build and moved the results by up to 30%.
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64>;
    /// Writes every key of `keys` (replacing its value), then publishes if the map needs that.
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64);
}

/// Every map the benchmark knows, by its command-line name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MapKind {
    Evmap,
    EvmapAsymmetric,
    Evmap11,
    Flashmap,
    Dashmap,
    Papaya,
    StdRwLock,
    ParkingLotRwLock,
    /// A plain `HashMap` shared immutably: the physical limit, for read-only runs.
    Unsynchronised,
}

impl MapKind {
    /// Every map, and the unsynchronised baseline (only for runs without writers).
    pub(crate) const EVERYTHING: [MapKind; 9] = [
        MapKind::Evmap,
        MapKind::EvmapAsymmetric,
        MapKind::Evmap11,
        MapKind::Flashmap,
        MapKind::Dashmap,
        MapKind::Papaya,
        MapKind::StdRwLock,
        MapKind::ParkingLotRwLock,
        MapKind::Unsynchronised,
    ];

    pub(crate) fn cli_name(self) -> &'static str {
        match self {
            MapKind::Evmap => "evmap",
            MapKind::EvmapAsymmetric => "evmap-asymmetric",
            MapKind::Evmap11 => "evmap11",
            MapKind::Flashmap => "flashmap",
            MapKind::Dashmap => "dashmap",
            MapKind::Papaya => "papaya",
            MapKind::StdRwLock => "std-rwlock",
            MapKind::ParkingLotRwLock => "parking-lot-rwlock",
            MapKind::Unsynchronised => "unsynchronised",
        }
    }

    /// The name in tables and plots.
    pub(crate) fn label(self) -> &'static str {
        match self {
            MapKind::Evmap => "evmap (this project)",
            MapKind::EvmapAsymmetric => "evmap asymmetric (this project)",
            MapKind::Evmap11 => "evmap 11.0.0",
            MapKind::Flashmap => "flashmap 0.2",
            MapKind::Dashmap => "dashmap 6",
            MapKind::Papaya => "papaya 0.2",
            MapKind::StdRwLock => "std RwLock<HashMap>",
            MapKind::ParkingLotRwLock => "parking_lot RwLock<HashMap>",
            MapKind::Unsynchronised => "HashMap, unsynchronised (limit)",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<MapKind> {
        MapKind::EVERYTHING
            .into_iter()
            .find(|m| m.cli_name() == name)
    }

    /// Whether this is a real concurrent map (and not the read-only physical limit).
    pub(crate) fn is_baseline(self) -> bool {
        matches!(self, MapKind::Unsynchronised)
    }

    /// One of this project's own configurations (as opposed to a peer).
    pub(crate) fn is_ours(self) -> bool {
        matches!(self, MapKind::Evmap | MapKind::EvmapAsymmetric)
    }

    /// Whether writes become visible only when published (so `publish_every` matters).
    pub(crate) fn publishes(self) -> bool {
        matches!(
            self,
            MapKind::Evmap | MapKind::EvmapAsymmetric | MapKind::Evmap11 | MapKind::Flashmap
        )
    }
}

/// This project's evmap, with the reader-synchronisation strategy `STRATEGY` (0: fenced, the
/// default; 1: asymmetric).
pub(crate) struct Evmap<const STRATEGY: u8> {
    reader: evmap::ReadHandle<u64, u64>,
    writer: Arc<Mutex<evmap::WriteHandle<u64, u64>>>,
}

impl<const STRATEGY: u8> Subject for Evmap<STRATEGY> {
    type Reader = evmap::ReadHandle<u64, u64>;
    type Writer = Arc<Mutex<evmap::WriteHandle<u64, u64>>>;

    fn build(span: u64) -> Self {
        let strategy = if STRATEGY == 1 {
            evmap::ReadStrategy::Asymmetric
        } else {
            evmap::ReadStrategy::Fenced
        };
        let (reader, mut writer) = evmap::Options::default()
            .with_capacity(span as usize)
            .read_strategy(strategy)
            .construct();
        assert_eq!(
            writer.read_strategy(),
            strategy,
            "this system cannot provide the {strategy:?} strategy (main checks this first)"
        );
        for k in 0..span {
            writer.update(k, k);
        }
        writer.publish();
        Self {
            reader,
            writer: Arc::new(Mutex::new(writer)),
        }
    }

    fn reader(&self) -> Self::Reader {
        self.reader.clone()
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.writer)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.get_one(&key).map(|v| *v)
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        let mut w = writer.lock();
        for &k in keys {
            w.update(k, value);
        }
        w.publish();
    }
}

/// evmap 11.0.0 from crates.io, the predecessor.
pub(crate) struct Evmap11 {
    reader: evmap11::handles::ReadHandle<u64, u64>,
    writer: Arc<Mutex<evmap11::handles::WriteHandle<u64, u64>>>,
}

impl Subject for Evmap11 {
    type Reader = evmap11::handles::ReadHandle<u64, u64>;
    type Writer = Arc<Mutex<evmap11::handles::WriteHandle<u64, u64>>>;

    fn build(span: u64) -> Self {
        let (mut writer, reader) = evmap11::Options::default()
            .with_capacity(span as usize)
            .construct();
        for k in 0..span {
            writer.update(k, k);
        }
        writer.publish();
        Self {
            reader,
            writer: Arc::new(Mutex::new(writer)),
        }
    }

    fn reader(&self) -> Self::Reader {
        self.reader.clone()
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.writer)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.get_one(&key).map(|v| *v)
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        let mut w = writer.lock();
        for &k in keys {
            w.update(k, value);
        }
        w.publish();
    }
}

/// flashmap 0.2: one writer, readers through per-thread handles.
pub(crate) struct Flashmap {
    reader: flashmap::ReadHandle<u64, u64>,
    writer: Arc<Mutex<flashmap::WriteHandle<u64, u64>>>,
}

impl Subject for Flashmap {
    type Reader = flashmap::ReadHandle<u64, u64>;
    type Writer = Arc<Mutex<flashmap::WriteHandle<u64, u64>>>;

    fn build(span: u64) -> Self {
        let (mut writer, reader) = flashmap::with_capacity(span as usize);
        {
            let mut guard = writer.guard();
            for k in 0..span {
                let _evicted = guard.insert(k, k);
            }
            guard.publish();
        }
        Self {
            reader,
            writer: Arc::new(Mutex::new(writer)),
        }
    }

    fn reader(&self) -> Self::Reader {
        self.reader.clone()
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.writer)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.guard().get(&key).copied()
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        let mut w = writer.lock();
        let mut guard = w.guard();
        for &k in keys {
            let _evicted = guard.insert(k, value);
        }
        // Dropping the guard publishes.
        guard.publish();
    }
}

/// dashmap 6: sharded locks.
pub(crate) struct Dashmap(Arc<dashmap::DashMap<u64, u64, RandomState>>);

impl Subject for Dashmap {
    type Reader = Arc<dashmap::DashMap<u64, u64, RandomState>>;
    type Writer = Arc<dashmap::DashMap<u64, u64, RandomState>>;

    fn build(span: u64) -> Self {
        let map = dashmap::DashMap::with_capacity_and_hasher(span as usize, RandomState::new());
        for k in 0..span {
            map.insert(k, k);
        }
        Self(Arc::new(map))
    }

    fn reader(&self) -> Self::Reader {
        Arc::clone(&self.0)
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.0)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.get(&key).map(|v| *v)
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        for &k in keys {
            writer.insert(k, value);
        }
    }
}

/// papaya 0.2: lock-free, epoch-based reclamation.
pub(crate) struct Papaya(Arc<papaya::HashMap<u64, u64, RandomState>>);

impl Subject for Papaya {
    type Reader = Arc<papaya::HashMap<u64, u64, RandomState>>;
    type Writer = Arc<papaya::HashMap<u64, u64, RandomState>>;

    fn build(span: u64) -> Self {
        let map = papaya::HashMap::builder()
            .capacity(span as usize)
            .hasher(RandomState::new())
            .build();
        {
            let pinned = map.pin();
            for k in 0..span {
                pinned.insert(k, k);
            }
        }
        Self(Arc::new(map))
    }

    fn reader(&self) -> Self::Reader {
        Arc::clone(&self.0)
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.0)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.pin().get(&key).copied()
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        for &k in keys {
            writer.pin().insert(k, value);
        }
    }
}

fn prefilled(span: u64) -> HashMap<u64, u64, RandomState> {
    let mut map = HashMap::with_capacity_and_hasher(span as usize, RandomState::new());
    map.extend((0..span).map(|k| (k, k)));
    map
}

/// The standard library's `RwLock` around a `HashMap`.
pub(crate) struct StdRwLock(Arc<std::sync::RwLock<HashMap<u64, u64, RandomState>>>);

impl Subject for StdRwLock {
    type Reader = Arc<std::sync::RwLock<HashMap<u64, u64, RandomState>>>;
    type Writer = Arc<std::sync::RwLock<HashMap<u64, u64, RandomState>>>;

    fn build(span: u64) -> Self {
        Self(Arc::new(std::sync::RwLock::new(prefilled(span))))
    }

    fn reader(&self) -> Self::Reader {
        Arc::clone(&self.0)
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.0)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.read().unwrap().get(&key).copied()
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        for &k in keys {
            writer.write().unwrap().insert(k, value);
        }
    }
}

/// parking_lot's `RwLock` around a `HashMap`.
pub(crate) struct ParkingLotRwLock(Arc<RwLock<HashMap<u64, u64, RandomState>>>);

impl Subject for ParkingLotRwLock {
    type Reader = Arc<RwLock<HashMap<u64, u64, RandomState>>>;
    type Writer = Arc<RwLock<HashMap<u64, u64, RandomState>>>;

    fn build(span: u64) -> Self {
        Self(Arc::new(RwLock::new(prefilled(span))))
    }

    fn reader(&self) -> Self::Reader {
        Arc::clone(&self.0)
    }

    fn writer(&self) -> Self::Writer {
        Arc::clone(&self.0)
    }

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.read().get(&key).copied()
    }

    #[inline]
    fn write_batch(writer: &mut Self::Writer, keys: &[u64], value: u64) {
        for &k in keys {
            writer.write().insert(k, value);
        }
    }
}

/// Whether this system provides the asymmetric strategy (it needs Linux's `membarrier`).
pub(crate) fn asymmetric_available() -> bool {
    let (_r, w) = evmap::Options::default()
        .read_strategy(evmap::ReadStrategy::Asymmetric)
        .construct::<u64, u64>();
    w.read_strategy() == evmap::ReadStrategy::Asymmetric
}

/// The physical limit for reads: an unsynchronised `HashMap` with the same hasher and keys.
pub(crate) fn unsynchronised(span: u64) -> HashMap<u64, u64, RandomState> {
    prefilled(span)
}

/// The physical limit as a subject: readers share an immutable `HashMap`. It cannot be written
/// to, so runs with writers leave it out.
pub(crate) struct Unsynchronised(Arc<HashMap<u64, u64, RandomState>>);

impl Subject for Unsynchronised {
    type Reader = Arc<HashMap<u64, u64, RandomState>>;
    type Writer = ();

    fn build(span: u64) -> Self {
        Self(Arc::new(prefilled(span)))
    }

    fn reader(&self) -> Self::Reader {
        Arc::clone(&self.0)
    }

    fn writer(&self) -> Self::Writer {}

    #[inline(never)]
    fn get(reader: &mut Self::Reader, key: u64) -> Option<u64> {
        reader.get(&key).copied()
    }

    fn write_batch(_: &mut Self::Writer, _: &[u64], _: u64) {
        unreachable!("the unsynchronised baseline only runs without writers")
    }
}

/// Calls `$body` with `$subject` bound to the `Subject` type of `$kind`.
macro_rules! with_subject {
    ($kind:expr, $subject:ident => $body:expr) => {
        match $kind {
            $crate::maps::MapKind::Evmap => {
                type $subject = $crate::maps::Evmap<0>;
                $body
            }
            $crate::maps::MapKind::EvmapAsymmetric => {
                type $subject = $crate::maps::Evmap<1>;
                $body
            }
            $crate::maps::MapKind::Evmap11 => {
                type $subject = $crate::maps::Evmap11;
                $body
            }
            $crate::maps::MapKind::Flashmap => {
                type $subject = $crate::maps::Flashmap;
                $body
            }
            $crate::maps::MapKind::Dashmap => {
                type $subject = $crate::maps::Dashmap;
                $body
            }
            $crate::maps::MapKind::Papaya => {
                type $subject = $crate::maps::Papaya;
                $body
            }
            $crate::maps::MapKind::StdRwLock => {
                type $subject = $crate::maps::StdRwLock;
                $body
            }
            $crate::maps::MapKind::ParkingLotRwLock => {
                type $subject = $crate::maps::ParkingLotRwLock;
                $body
            }
            $crate::maps::MapKind::Unsynchronised => {
                type $subject = $crate::maps::Unsynchronised;
                $body
            }
        }
    };
}

pub(crate) use with_subject;
