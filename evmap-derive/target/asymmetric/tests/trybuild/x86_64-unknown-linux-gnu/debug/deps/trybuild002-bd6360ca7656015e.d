/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-bd6360ca7656015e.d: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild002-bd6360ca7656015e: /work/main/evmap-derive/tests/pass/generic.rs

/work/main/evmap-derive/tests/pass/generic.rs:
