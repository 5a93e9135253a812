/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-0940afa93c34fdaf.d: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/target/asym/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild005-0940afa93c34fdaf: /work/main/evmap-derive/tests/pass/tuple.rs

/work/main/evmap-derive/tests/pass/tuple.rs:
