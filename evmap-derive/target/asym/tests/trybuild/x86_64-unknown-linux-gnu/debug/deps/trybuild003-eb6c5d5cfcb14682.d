/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-eb6c5d5cfcb14682.d: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild003-eb6c5d5cfcb14682: /work/main/evmap-derive/tests/pass/named.rs

/work/main/evmap-derive/tests/pass/named.rs:
