/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-f66246955d322588.d: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-f66246955d322588: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/tests/pass/unit.rs:
