/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild008-281d6c15a64bcb9b.d: /work/main/evmap-derive/tests/fail/enum.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild008-281d6c15a64bcb9b: /work/main/evmap-derive/tests/fail/enum.rs

/work/main/evmap-derive/tests/fail/enum.rs:
