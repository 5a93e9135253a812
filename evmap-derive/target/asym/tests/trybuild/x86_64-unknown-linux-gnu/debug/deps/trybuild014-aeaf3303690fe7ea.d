/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild014-aeaf3303690fe7ea.d: /work/main/evmap-derive/tests/fail/unknown_container_attribute.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild014-aeaf3303690fe7ea: /work/main/evmap-derive/tests/fail/unknown_container_attribute.rs

/work/main/evmap-derive/tests/fail/unknown_container_attribute.rs:
