/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-e95fb33efdbbaeeb.d: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-e95fb33efdbbaeeb: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/tests/pass/tuple.rs:
