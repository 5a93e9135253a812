/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-4b2cd61066fb69d2.d: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-4b2cd61066fb69d2: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/tests/pass/nested.rs:
