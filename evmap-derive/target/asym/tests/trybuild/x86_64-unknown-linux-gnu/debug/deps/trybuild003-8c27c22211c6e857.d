/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-8c27c22211c6e857.d: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-8c27c22211c6e857: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/tests/pass/named.rs:
