/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/hashbag-cd4bca1f1e5b52a8.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/hashbag-0.1.13/src/lib.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libhashbag-cd4bca1f1e5b52a8.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/hashbag-0.1.13/src/lib.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libhashbag-cd4bca1f1e5b52a8.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/hashbag-0.1.13/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/hashbag-0.1.13/src/lib.rs:
