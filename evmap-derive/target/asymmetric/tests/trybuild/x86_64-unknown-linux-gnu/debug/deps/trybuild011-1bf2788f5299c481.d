/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild011-1bf2788f5299c481.d: /work/main/evmap-derive/tests/fail/union.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild011-1bf2788f5299c481: /work/main/evmap-derive/tests/fail/union.rs

/work/main/evmap-derive/tests/fail/union.rs:
