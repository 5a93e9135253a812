/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-7dec0bbab3c013e1.d: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-7dec0bbab3c013e1: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/tests/pass/nested.rs:
