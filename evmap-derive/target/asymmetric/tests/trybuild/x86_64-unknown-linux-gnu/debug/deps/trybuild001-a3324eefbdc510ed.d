/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-a3324eefbdc510ed.d: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/target/asymmetric/tests/trybuild/x86_64-unknown-linux-gnu/debug/deps/trybuild001-a3324eefbdc510ed: /work/main/evmap-derive/tests/pass/evmap_meta.rs

/work/main/evmap-derive/tests/pass/evmap_meta.rs:
