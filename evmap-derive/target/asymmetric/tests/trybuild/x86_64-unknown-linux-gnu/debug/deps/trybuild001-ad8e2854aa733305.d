/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-ad8e2854aa733305.d: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-ad8e2854aa733305: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/tests/pass/evmap_meta.rs:
