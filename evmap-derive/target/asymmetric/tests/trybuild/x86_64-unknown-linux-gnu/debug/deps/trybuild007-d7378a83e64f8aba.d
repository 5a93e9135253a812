/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild007-d7378a83e64f8aba.d: /work/main/evmap-derive/tests/fail/colliding_operations.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild007-d7378a83e64f8aba: /work/main/evmap-derive/tests/fail/colliding_operations.rs

/work/main/evmap-derive/tests/fail/colliding_operations.rs:
