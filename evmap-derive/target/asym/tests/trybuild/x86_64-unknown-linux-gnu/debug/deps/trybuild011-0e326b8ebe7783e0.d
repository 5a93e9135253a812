/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild011-0e326b8ebe7783e0.d: /work/main/evmap-derive/tests/fail/union.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild011-0e326b8ebe7783e0: /work/main/evmap-derive/tests/fail/union.rs

/work/main/evmap-derive/tests/fail/union.rs:
