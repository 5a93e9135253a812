/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-c27056de0c278386.d: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild004-c27056de0c278386: /work/main/evmap-derive/tests/pass/nested.rs

/work/main/evmap-derive/tests/pass/nested.rs:
