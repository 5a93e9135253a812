/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/evmap_derive_tests-6f87e68e8895eddc.d: main.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/evmap_derive_tests-6f87e68e8895eddc: main.rs

main.rs:
