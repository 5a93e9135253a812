/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-0b903aa1bd7f2eea.d: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-0b903aa1bd7f2eea: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/tests/pass/tuple.rs:
