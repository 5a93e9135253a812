/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-c5f4fe93d3ecac8d.d: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-c5f4fe93d3ecac8d: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/tests/pass/unit.rs:
