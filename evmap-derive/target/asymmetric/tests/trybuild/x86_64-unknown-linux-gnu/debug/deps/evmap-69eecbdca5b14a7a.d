/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/evmap-69eecbdca5b14a7a.d: /work/main/evmap/src/lib.rs /work/main/evmap/src/inner.rs /work/main/evmap/src/operation.rs /work/main/evmap/src/options.rs /work/main/evmap/src/read.rs /work/main/evmap/src/read/factory.rs /work/main/evmap/src/read/read_ref.rs /work/main/evmap/src/table.rs /work/main/evmap/src/values.rs /work/main/evmap/src/write.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libevmap-69eecbdca5b14a7a.rlib: /work/main/evmap/src/lib.rs /work/main/evmap/src/inner.rs /work/main/evmap/src/operation.rs /work/main/evmap/src/options.rs /work/main/evmap/src/read.rs /work/main/evmap/src/read/factory.rs /work/main/evmap/src/read/read_ref.rs /work/main/evmap/src/table.rs /work/main/evmap/src/values.rs /work/main/evmap/src/write.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libevmap-69eecbdca5b14a7a.rmeta: /work/main/evmap/src/lib.rs /work/main/evmap/src/inner.rs /work/main/evmap/src/operation.rs /work/main/evmap/src/options.rs /work/main/evmap/src/read.rs /work/main/evmap/src/read/factory.rs /work/main/evmap/src/read/read_ref.rs /work/main/evmap/src/table.rs /work/main/evmap/src/values.rs /work/main/evmap/src/write.rs

/work/main/evmap/src/lib.rs:
/work/main/evmap/src/inner.rs:
/work/main/evmap/src/operation.rs:
/work/main/evmap/src/options.rs:
/work/main/evmap/src/read.rs:
/work/main/evmap/src/read/factory.rs:
/work/main/evmap/src/read/read_ref.rs:
/work/main/evmap/src/table.rs:
/work/main/evmap/src/values.rs:
/work/main/evmap/src/write.rs:
