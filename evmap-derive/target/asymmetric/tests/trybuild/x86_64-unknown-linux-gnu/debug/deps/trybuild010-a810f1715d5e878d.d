/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild010-a810f1715d5e878d.d: /work/main/evmap-derive/tests/fail/not_clone.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild010-a810f1715d5e878d: /work/main/evmap-derive/tests/fail/not_clone.rs

/work/main/evmap-derive/tests/fail/not_clone.rs:
