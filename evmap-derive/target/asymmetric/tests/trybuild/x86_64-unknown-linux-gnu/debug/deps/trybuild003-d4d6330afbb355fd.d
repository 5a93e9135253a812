/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-d4d6330afbb355fd.d: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-d4d6330afbb355fd: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/tests/pass/named.rs:
