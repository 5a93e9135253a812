/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild008-884eb60722a8648e.d: /work/main/evmap-derive/tests/fail/enum.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild008-884eb60722a8648e: /work/main/evmap-derive/tests/fail/enum.rs

/work/main/evmap-derive/tests/fail/enum.rs:
