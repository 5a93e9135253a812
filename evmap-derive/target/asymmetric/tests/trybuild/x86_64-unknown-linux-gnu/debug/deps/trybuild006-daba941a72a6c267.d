/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-daba941a72a6c267.d: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild006-daba941a72a6c267: /work/main/evmap-derive/tests/pass/unit.rs

/work/main/evmap-derive/tests/pass/unit.rs:
