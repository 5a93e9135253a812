/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-a94dff7dcd9fe3ff.d: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-a94dff7dcd9fe3ff: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/tests/pass/nested.rs:
