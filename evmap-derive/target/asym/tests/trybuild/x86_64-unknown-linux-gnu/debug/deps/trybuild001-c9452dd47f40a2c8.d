/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-c9452dd47f40a2c8.d: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-c9452dd47f40a2c8: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/tests/pass/evmap_meta.rs:
