/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild012-7d9b492054b3cc74.d: /work/main/evmap-derive/tests/fail/unknown_attribute.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild012-7d9b492054b3cc74: /work/main/evmap-derive/tests/fail/unknown_attribute.rs

/work/main/evmap-derive/tests/fail/unknown_attribute.rs:
