/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild012-4d2c7399bc6ebbbf.d: /work/main/evmap-derive/tests/fail/unknown_attribute.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild012-4d2c7399bc6ebbbf: /work/main/evmap-derive/tests/fail/unknown_attribute.rs

/work/main/evmap-derive/tests/fail/unknown_attribute.rs:
