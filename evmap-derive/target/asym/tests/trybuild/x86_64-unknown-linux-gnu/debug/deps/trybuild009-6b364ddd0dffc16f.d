/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild009-6b364ddd0dffc16f.d: /work/main/evmap-derive/tests/fail/nested_not_a_path.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild009-6b364ddd0dffc16f: /work/main/evmap-derive/tests/fail/nested_not_a_path.rs

/work/main/evmap-derive/tests/fail/nested_not_a_path.rs:
