/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-b2d2298e717c5f6f.d: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-b2d2298e717c5f6f: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/tests/pass/named.rs:
