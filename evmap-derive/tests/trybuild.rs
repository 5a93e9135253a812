//! Compile tests: every supported shape compiles (`pass/`), every rejected one fails with the
//! error in its `.stderr` snapshot (`fail/`). Skipped under Miri, which cannot run rustc.

#[test]
#[cfg_attr(miri, ignore = "trybuild runs the compiler")]
fn derive_compiles_or_explains() {
    let t = trybuild::TestCases::new();
    t.pass("tests/pass/*.rs");
    t.compile_fail("tests/fail/*.rs");
}
