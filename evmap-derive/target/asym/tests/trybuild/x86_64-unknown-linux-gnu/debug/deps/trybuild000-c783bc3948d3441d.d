/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-c783bc3948d3441d.d: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-c783bc3948d3441d: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/tests/pass/collections.rs:
