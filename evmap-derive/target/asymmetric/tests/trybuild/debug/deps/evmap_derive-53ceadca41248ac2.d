/work/main/evmap-derive/target/asymmetric/tests/trybuild/debug/deps/evmap_derive-53ceadca41248ac2.d: /work/main/evmap-derive/src/lib.rs /work/main/evmap-derive/src/expand.rs /work/main/evmap-derive/src/parse.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/debug/deps/libevmap_derive-53ceadca41248ac2.so: /work/main/evmap-derive/src/lib.rs /work/main/evmap-derive/src/expand.rs /work/main/evmap-derive/src/parse.rs

/work/main/evmap-derive/src/lib.rs:
/work/main/evmap-derive/src/expand.rs:
/work/main/evmap-derive/src/parse.rs:
