//! Choosing the reader-synchronisation strategy: the asymmetric one is active where membarrier
//! works, and falls back to the fenced one, reporting it, where it does not.

mod common;

use common::{Add, Counter};
use left_right::{Options, ReadStrategy};

/// Whether this process can use `membarrier(PRIVATE_EXPEDITED)`, asked of the kernel directly.
#[cfg(target_os = "linux")]
fn kernel_supports_membarrier() -> bool {
    const QUERY: libc::c_int = 0;
    const PRIVATE_EXPEDITED: libc::c_long = 1 << 3;
    const REGISTER_PRIVATE_EXPEDITED: libc::c_long = 1 << 4;
    // SAFETY: membarrier(2) with the QUERY command reads and writes no memory of ours.
    let supported = unsafe { libc::syscall(libc::SYS_membarrier, QUERY, 0 as libc::c_uint, 0) };
    let needed = PRIVATE_EXPEDITED | REGISTER_PRIVATE_EXPEDITED;
    supported >= 0 && supported & needed == needed
}

#[cfg(not(target_os = "linux"))]
fn kernel_supports_membarrier() -> bool {
    false
}

#[test]
#[cfg_attr(miri, ignore = "asks the kernel through a syscall")]
fn asymmetric_is_active_exactly_where_membarrier_works() {
    let (mut w, r) = Options::default()
        .read_strategy(ReadStrategy::Asymmetric)
        .construct::<Counter, Add>();
    let expected =
        if kernel_supports_membarrier() && std::env::var_os("LEFT_RIGHT_NO_MEMBARRIER").is_none() {
            ReadStrategy::Asymmetric
        } else {
            ReadStrategy::Fenced
        };
    assert_eq!(w.read_strategy(), expected);
    assert_eq!(r.read_strategy(), expected);
    assert_eq!(r.clone().read_strategy(), expected);
    w.append(Add(3)).publish();
    assert_eq!(r.enter().unwrap().0, 3);
}

#[test]
fn fenced_is_the_default() {
    if cfg!(left_right_default_asymmetric) {
        return; // the suite is being run with every default instance asymmetric
    }
    let (w, _r) = left_right::new::<Counter, Add>();
    assert_eq!(w.read_strategy(), ReadStrategy::Fenced);
    assert_eq!(
        Options::new().requested_read_strategy(),
        ReadStrategy::Fenced
    );
}

/// Runs in a child process with `LEFT_RIGHT_NO_MEMBARRIER` set (see the next test).
#[test]
#[ignore = "run by `without_membarrier_the_asymmetric_strategy_falls_back`"]
fn child_expects_the_fallback() {
    let (mut w, r) = Options::default()
        .read_strategy(ReadStrategy::Asymmetric)
        .construct::<Counter, Add>();
    assert_eq!(w.read_strategy(), ReadStrategy::Fenced);
    w.append(Add(1)).publish();
    assert_eq!(r.enter().unwrap().0, 1);
}

#[test]
#[cfg_attr(miri, ignore = "spawns a process")]
fn without_membarrier_the_asymmetric_strategy_falls_back() {
    // Availability is detected once per process, so the fallback is checked in a fresh one.
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_expects_the_fallback", "--ignored"])
        .env("LEFT_RIGHT_NO_MEMBARRIER", "1")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&child.stdout);
    assert!(
        child.status.success() && report.contains("1 passed"),
        "the child saw another strategy than Fenced:\n{report}{}",
        String::from_utf8_lossy(&child.stderr)
    );
}

#[test]
fn both_strategies_read_and_publish_alike() {
    for strategy in [ReadStrategy::Fenced, ReadStrategy::Asymmetric] {
        let (mut w, r) = Options::default()
            .read_strategy(strategy)
            .construct_from::<Counter, Add>(Counter(10));
        let guard = r.enter().unwrap();
        w.append(Add(1)).publish();
        assert_eq!((guard.0, r.enter().unwrap().0), (10, 11), "{strategy:?}");
        w.append(Add(1));
        assert!(
            !w.try_publish(),
            "{strategy:?}: the guard is in the writer's copy"
        );
        drop(guard);
        assert!(w.try_publish());
        assert_eq!(w.take().0, 12);
    }
}
