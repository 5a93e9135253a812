/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild013-58ecbaed0d2f4346.d: /work/main/evmap-derive/tests/fail/unknown_collection.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild013-58ecbaed0d2f4346: /work/main/evmap-derive/tests/fail/unknown_collection.rs

/work/main/evmap-derive/tests/fail/unknown_collection.rs:
