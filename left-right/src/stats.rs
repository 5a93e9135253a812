//! Counters the writer keeps about its own publishes.

use std::time::Duration;

/// What the writer has spent on publishing, as counted by [`WriteHandle::stats`].
///
/// The counters are kept by the writer alone (plain integers, no atomics), so keeping them costs
/// the read path nothing.
///
/// [`WriteHandle::stats`]: crate::WriteHandle::stats
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PublishStats {
    /// Completed publishes (swaps of the readers' pointer).
    pub publishes: u64,
    /// Publishes that found a reader still inside the stale copy and had to wait for it.
    pub waits: u64,
    /// Of those waits, how many ended at the second look after the writer's quiet pause, without
    /// arming any reader's wake line.
    pub quiet_waits: u64,
    /// Times the writer went to sleep waiting for a reader (after spinning and yielding).
    pub parks: u64,
    /// Of those sleeps, how many ended because the departing reader woke the writer up.
    pub reader_wakeups: u64,
    /// Calls to [`WriteHandle::try_publish`](crate::WriteHandle::try_publish) that returned
    /// `false` because a reader was still inside the stale copy.
    pub busy: u64,
    /// Total time spent waiting for readers to leave the stale copy.
    pub wait_time: Duration,
}
