/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-35a4e9a043dbc29d.d: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-35a4e9a043dbc29d: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/tests/pass/evmap_meta.rs:
