/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/evmap_derive_tests-322705ad38b63850.d: main.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/evmap_derive_tests-322705ad38b63850: main.rs

main.rs:
