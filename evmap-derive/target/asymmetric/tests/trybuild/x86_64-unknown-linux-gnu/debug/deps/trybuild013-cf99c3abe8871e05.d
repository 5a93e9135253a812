/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild013-cf99c3abe8871e05.d: /work/main/evmap-derive/tests/fail/unknown_collection.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild013-cf99c3abe8871e05: /work/main/evmap-derive/tests/fail/unknown_collection.rs

/work/main/evmap-derive/tests/fail/unknown_collection.rs:
