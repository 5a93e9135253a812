/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild007-dd23fc00967003bc.d: /work/main/evmap-derive/tests/fail/colliding_operations.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild007-dd23fc00967003bc: /work/main/evmap-derive/tests/fail/colliding_operations.rs

/work/main/evmap-derive/tests/fail/colliding_operations.rs:
