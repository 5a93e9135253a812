/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-1c7db4333236913d.d: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-1c7db4333236913d: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/tests/pass/generic.rs:
