/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-63bf3f4c7a3809a2.d: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-63bf3f4c7a3809a2: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/tests/pass/tuple.rs:
