/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-bfb0502c71fd03bc.d: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild000-bfb0502c71fd03bc: /work/main/evmap-derive/tests/pass/collections.rs

/work/main/evmap-derive/tests/pass/collections.rs:
