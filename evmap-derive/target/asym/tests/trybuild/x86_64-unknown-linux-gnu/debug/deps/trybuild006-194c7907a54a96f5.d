/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-194c7907a54a96f5.d: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-194c7907a54a96f5: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/tests/pass/unit.rs:
