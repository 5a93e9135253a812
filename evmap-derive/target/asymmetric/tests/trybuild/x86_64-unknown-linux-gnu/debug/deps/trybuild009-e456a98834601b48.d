/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild009-e456a98834601b48.d: /work/main/evmap-derive/tests/fail/nested_not_a_path.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild009-e456a98834601b48: /work/main/evmap-derive/tests/fail/nested_not_a_path.rs

/work/main/evmap-derive/tests/fail/nested_not_a_path.rs:
