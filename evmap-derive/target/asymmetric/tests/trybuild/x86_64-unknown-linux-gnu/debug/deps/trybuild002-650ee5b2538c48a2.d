/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-650ee5b2538c48a2.d: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-650ee5b2538c48a2: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/tests/pass/generic.rs:
