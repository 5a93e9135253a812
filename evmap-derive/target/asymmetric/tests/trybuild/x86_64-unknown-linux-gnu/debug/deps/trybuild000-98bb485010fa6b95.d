/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-98bb485010fa6b95.d: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-98bb485010fa6b95: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/tests/pass/collections.rs:
