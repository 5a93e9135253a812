/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/left_right-a2c30172cc56f942.d: /work/main/left-right/src/lib.rs /work/main/left-right/src/absorb.rs /work/main/left-right/src/append.rs /work/main/left-right/src/membarrier.rs /work/main/left-right/src/options.rs /work/main/left-right/src/padded.rs /work/main/left-right/src/read.rs /work/main/left-right/src/read/factory.rs /work/main/left-right/src/read/guard.rs /work/main/left-right/src/reader.rs /work/main/left-right/src/registry.rs /work/main/left-right/src/shared.rs /work/main/left-right/src/stats.rs /work/main/left-right/src/strategy.rs /work/main/left-right/src/sync.rs /work/main/left-right/src/wait.rs /work/main/left-right/src/write.rs /work/main/left-right/src/write/taken.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libleft_right-a2c30172cc56f942.rlib: /work/main/left-right/src/lib.rs /work/main/left-right/src/absorb.rs /work/main/left-right/src/append.rs /work/main/left-right/src/membarrier.rs /work/main/left-right/src/options.rs /work/main/left-right/src/padded.rs /work/main/left-right/src/read.rs /work/main/left-right/src/read/factory.rs /work/main/left-right/src/read/guard.rs /work/main/left-right/src/reader.rs /work/main/left-right/src/registry.rs /work/main/left-right/src/shared.rs /work/main/left-right/src/stats.rs /work/main/left-right/src/strategy.rs /work/main/left-right/src/sync.rs /work/main/left-right/src/wait.rs /work/main/left-right/src/write.rs /work/main/left-right/src/write/taken.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/libleft_right-a2c30172cc56f942.rmeta: /work/main/left-right/src/lib.rs /work/main/left-right/src/absorb.rs /work/main/left-right/src/append.rs /work/main/left-right/src/membarrier.rs /work/main/left-right/src/options.rs /work/main/left-right/src/padded.rs /work/main/left-right/src/read.rs /work/main/left-right/src/read/factory.rs /work/main/left-right/src/read/guard.rs /work/main/left-right/src/reader.rs /work/main/left-right/src/registry.rs /work/main/left-right/src/shared.rs /work/main/left-right/src/stats.rs /work/main/left-right/src/strategy.rs /work/main/left-right/src/sync.rs /work/main/left-right/src/wait.rs /work/main/left-right/src/write.rs /work/main/left-right/src/write/taken.rs

/work/main/left-right/src/lib.rs:
/work/main/left-right/src/absorb.rs:
/work/main/left-right/src/append.rs:
/work/main/left-right/src/membarrier.rs:
/work/main/left-right/src/options.rs:
/work/main/left-right/src/padded.rs:
/work/main/left-right/src/read.rs:
/work/main/left-right/src/read/factory.rs:
/work/main/left-right/src/read/guard.rs:
/work/main/left-right/src/reader.rs:
/work/main/left-right/src/registry.rs:
/work/main/left-right/src/shared.rs:
/work/main/left-right/src/stats.rs:
/work/main/left-right/src/strategy.rs:
/work/main/left-right/src/sync.rs:
/work/main/left-right/src/wait.rs:
/work/main/left-right/src/write.rs:
/work/main/left-right/src/write/taken.rs:
