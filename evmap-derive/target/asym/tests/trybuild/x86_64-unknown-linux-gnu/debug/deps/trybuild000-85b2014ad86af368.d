/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-85b2014ad86af368.d: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-85b2014ad86af368: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/tests/pass/collections.rs:
