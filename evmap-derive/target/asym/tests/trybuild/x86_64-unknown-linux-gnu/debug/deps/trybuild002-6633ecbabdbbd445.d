/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-6633ecbabdbbd445.d: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-6633ecbabdbbd445: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/tests/pass/generic.rs:
