/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/thin_vec-41b2cfb53eef9b0f.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/thin-vec-0.2.21/src/lib.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libthin_vec-41b2cfb53eef9b0f.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/thin-vec-0.2.21/src/lib.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libthin_vec-41b2cfb53eef9b0f.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/thin-vec-0.2.21/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/thin-vec-0.2.21/src/lib.rs:
