/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild010-baaed13b80ab9e77.d: /work/main/evmap-derive/tests/fail/not_clone.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild010-baaed13b80ab9e77: /work/main/evmap-derive/tests/fail/not_clone.rs

/work/main/evmap-derive/tests/fail/not_clone.rs:
