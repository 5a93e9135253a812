/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild014-688eef09fba64970.d: /work/main/evmap-derive/tests/fail/unknown_container_attribute.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild014-688eef09fba64970: /work/main/evmap-derive/tests/fail/unknown_container_attribute.rs

/work/main/evmap-derive/tests/fail/unknown_container_attribute.rs:
