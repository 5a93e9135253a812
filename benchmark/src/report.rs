//! Medians and spreads, the results table, and the CSV files.

use crate::maps::MapKind;
use crate::overhead::{Baseline, Overhead, WRITE_BATCH};
use crate::publish::PublishCost;
use crate::workload::{Config, Distribution, Throughput};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// The median and range of repeated measurements.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Spread {
    pub(crate) median: f64,
    pub(crate) min: f64,
    pub(crate) max: f64,
}

impl Spread {
    pub(crate) fn of(samples: &[f64]) -> Spread {
        if samples.is_empty() {
            return Spread::default();
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        Spread {
            median,
            min: sorted[0],
            max: sorted[n - 1],
        }
    }

    /// The range as a fraction of the median.
    pub(crate) fn relative_range(&self) -> f64 {
        if self.median == 0.0 {
            0.0
        } else {
            (self.max - self.min) / self.median
        }
    }
}

/// Every repeat of one map in one configuration, and their summary.
#[derive(Clone, Debug)]
pub(crate) struct Measured {
    pub(crate) map: MapKind,
    pub(crate) config: Config,
    pub(crate) runs: Vec<Throughput>,
    pub(crate) reads: Spread,
    pub(crate) writes: Spread,
}

impl Measured {
    pub(crate) fn new(map: MapKind, config: Config, runs: Vec<Throughput>) -> Self {
        let reads = Spread::of(&runs.iter().map(|t| t.reads).collect::<Vec<_>>());
        let writes = Spread::of(&runs.iter().map(|t| t.writes).collect::<Vec<_>>());
        Self {
            map,
            config,
            runs,
            reads,
            writes,
        }
    }
}

fn si(x: f64) -> String {
    if x >= 1e9 {
        format!("{:.2} G", x / 1e9)
    } else if x >= 1e6 {
        format!("{:.2} M", x / 1e6)
    } else if x >= 1e3 {
        format!("{:.1} k", x / 1e3)
    } else {
        format!("{x:.0}")
    }
}

/// The best median among the peers (maps that are not this project's) in the same configuration.
fn best_peer(all: &[Measured], config: Config, pick: impl Fn(&Measured) -> f64) -> Option<f64> {
    all.iter()
        .filter(|m| m.config == config && !m.map.is_ours() && !m.map.is_baseline())
        .map(pick)
        .filter(|&v| v > 0.0)
        .max_by(f64::total_cmp)
}

fn ratio(value: f64, best: Option<f64>) -> String {
    match best {
        Some(best) if value > 0.0 => format!("{:.2}x", value / best),
        _ => "-".to_owned(),
    }
}

/// The throughput table: one row per map and configuration, medians with their spread.
pub(crate) fn table(all: &[Measured]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:>3} {:>3} {:<8} {:>7} {:>11} {:>7} {:>11} {:>7} {:>9} {:>9} {:>8}",
        "map",
        "r",
        "w",
        "keys",
        "publish",
        "reads/s",
        "±",
        "writes/s",
        "±",
        "reads vs",
        "writes vs",
        "reads vs"
    );
    let _ = writeln!(
        out,
        "{:<32} {:>3} {:>3} {:<8} {:>7} {:>11} {:>7} {:>11} {:>7} {:>9} {:>9} {:>8}",
        "",
        "",
        "",
        "",
        "every",
        "(median)",
        "range",
        "(median)",
        "range",
        "best peer",
        "best peer",
        "limit"
    );
    let mut previous = None;
    for m in all {
        if previous.is_some_and(|p| p != m.config) {
            out.push('\n');
        }
        previous = Some(m.config);
        let best_reads = best_peer(all, m.config, |x| x.reads.median);
        let best_writes = best_peer(all, m.config, |x| x.writes.median);
        let publish = if m.map.publishes() && m.config.writers > 0 {
            m.config.publish_every.to_string()
        } else {
            "-".to_owned()
        };
        // Read-only runs also compare with the unsynchronised map, the physical limit.
        let limit = all
            .iter()
            .find(|x| x.config == m.config && x.map.is_baseline())
            .map(|x| x.reads.median);
        let column = |threads: usize, spread: &Spread| {
            if threads == 0 {
                ("-".to_owned(), "-".to_owned())
            } else {
                (
                    si(spread.median),
                    format!("{:.0}%", spread.relative_range() * 100.0),
                )
            }
        };
        let (reads, reads_range) = column(m.config.readers, &m.reads);
        let (writes, writes_range) = column(m.config.writers, &m.writes);
        let _ = writeln!(
            out,
            "{:<32} {:>3} {:>3} {:<8} {:>7} {:>11} {:>7} {:>11} {:>7} {:>9} {:>9} {:>8}",
            m.map.label(),
            m.config.readers,
            m.config.writers,
            m.config.distribution.name(),
            publish,
            reads,
            reads_range,
            writes,
            writes_range,
            ratio(m.reads.median, best_reads),
            ratio(m.writes.median, best_writes),
            ratio(m.reads.median, limit),
        );
    }
    out
}

/// The single-thread cost table.
pub(crate) fn overhead_table(baseline: &Baseline, rows: &[Overhead]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "single thread, {} ns per unsynchronised HashMap::get, {} ns per HashMap::insert",
        fmt2(baseline.read_ns.median),
        fmt2(baseline.write_ns.median)
    );
    let _ = writeln!(
        out,
        "{:<32} {:>10} {:>16} {:>10} {:>16}",
        "map", "ns/get", "x HashMap::get", "ns/write", "x insert"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<32} {:>10} {:>7.2} [{:.2}-{:.2}] {:>10} {:>7.2} [{:.2}-{:.2}]",
            r.map.label(),
            fmt2(r.read_ns.median),
            r.read_ratio.median,
            r.read_ratio.min,
            r.read_ratio.max,
            fmt2(r.write_ns.median),
            r.write_ratio.median,
            r.write_ratio.min,
            r.write_ratio.max,
        );
    }
    let _ = writeln!(
        out,
        "(writes: left-right maps publish every {WRITE_BATCH} writes; ranges are min-max over rounds)"
    );
    out
}

fn fmt2(x: f64) -> String {
    format!("{x:.2}")
}

/// Reads back the `runs.csv` that [`write_csv`] wrote: every repeat of every configuration, so
/// that the table and plots of an earlier run can be redrawn.
pub(crate) fn read_runs_csv(path: &Path) -> Result<Vec<Measured>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut runs: BTreeMap<(Config, MapKind), Vec<Throughput>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let bad = || format!("{}:{}: not a runs.csv row: {line:?}", path.display(), i + 1);
        let fields: Vec<&str> = line.split(',').collect();
        let [
            map,
            readers,
            writers,
            distribution,
            publish_every,
            _repeat,
            reads,
            writes,
        ] = fields[..]
        else {
            return Err(bad());
        };
        let number = |field: &str| field.parse::<usize>().map_err(|_| bad());
        let rate = |field: &str| field.parse::<f64>().map_err(|_| bad());
        let config = Config {
            readers: number(readers)?,
            writers: number(writers)?,
            distribution: Distribution::parse(distribution).ok_or_else(bad)?,
            publish_every: number(publish_every)?,
        };
        let map = MapKind::parse(map).ok_or_else(bad)?;
        runs.entry((config, map)).or_default().push(Throughput {
            reads: rate(reads)?,
            writes: rate(writes)?,
        });
    }
    Ok(runs
        .into_iter()
        .map(|((config, map), runs)| Measured::new(map, config, runs))
        .collect())
}

/// Writes `runs.csv` (every repeat), `summary.csv` (medians and ranges) and `overhead.csv`.
pub(crate) fn write_csv(
    dir: &Path,
    all: &[Measured],
    overhead: Option<&(Baseline, Vec<Overhead>)>,
) -> io::Result<()> {
    let mut runs = String::from(
        "map,readers,writers,distribution,publish_every,repeat,reads_per_sec,writes_per_sec\n",
    );
    let mut summary = String::from(
        "map,readers,writers,distribution,publish_every,repeats,reads_median,reads_min,reads_max,writes_median,writes_min,writes_max\n",
    );
    for m in all {
        let c = m.config;
        let key = format!(
            "{},{},{},{},{}",
            m.map.cli_name(),
            c.readers,
            c.writers,
            c.distribution.name(),
            c.publish_every
        );
        for (i, t) in m.runs.iter().enumerate() {
            let _ = writeln!(runs, "{key},{i},{:.0},{:.0}", t.reads, t.writes);
        }
        let _ = writeln!(
            summary,
            "{key},{},{:.0},{:.0},{:.0},{:.0},{:.0},{:.0}",
            m.runs.len(),
            m.reads.median,
            m.reads.min,
            m.reads.max,
            m.writes.median,
            m.writes.min,
            m.writes.max
        );
    }
    std::fs::write(dir.join("runs.csv"), runs)?;
    std::fs::write(dir.join("summary.csv"), summary)?;
    if let Some((baseline, rows)) = overhead {
        let mut csv = String::from(
            "map,read_ns_median,read_ratio_median,read_ratio_min,read_ratio_max,write_ns_median,write_ratio_median,write_ratio_min,write_ratio_max\n",
        );
        let _ = writeln!(
            csv,
            "unsynchronised-hashmap,{:.3},1,1,1,{:.3},1,1,1",
            baseline.read_ns.median, baseline.write_ns.median
        );
        for r in rows {
            let _ = writeln!(
                csv,
                "{},{:.3},{:.4},{:.4},{:.4},{:.3},{:.4},{:.4},{:.4}",
                r.map.cli_name(),
                r.read_ns.median,
                r.read_ratio.median,
                r.read_ratio.min,
                r.read_ratio.max,
                r.write_ns.median,
                r.write_ratio.median,
                r.write_ratio.min,
                r.write_ratio.max
            );
        }
        std::fs::write(dir.join("overhead.csv"), csv)?;
    }
    Ok(())
}

/// The publish-cost table: nanoseconds per publish by strategy and read handles.
pub(crate) fn publish_cost_table(rows: &[PublishCost]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "publish cost (left-right, nothing to absorb): ns per publish, median [min-max] over rounds"
    );
    let _ = writeln!(
        out,
        "{:<12} {:>8} {:>28} {:>28}",
        "strategy", "handles", "idle readers", "one reader thread busy"
    );
    for idle in rows.iter().filter(|r| !r.busy_reader) {
        let busy = rows
            .iter()
            .find(|r| r.busy_reader && r.strategy == idle.strategy && r.handles == idle.handles);
        let cell = |s: &Spread| format!("{:.0} [{:.0}-{:.0}]", s.median, s.min, s.max);
        let _ = writeln!(
            out,
            "{:<12} {:>8} {:>28} {:>28}",
            format!("{:?}", idle.strategy),
            idle.handles,
            cell(&idle.ns),
            busy.map_or_else(|| "-".to_owned(), |b| cell(&b.ns)),
        );
    }
    out
}

/// Where the asymmetric strategy overtakes the fenced one as publishes get rarer: the smallest
/// publish interval measured at which it does at least as well, for each configuration measured
/// at several intervals.
pub(crate) fn crossover(all: &[Measured]) -> String {
    let mut out = String::new();
    let mut series: Vec<Config> = all
        .iter()
        .filter(|m| m.map == MapKind::EvmapAsymmetric)
        .map(|m| Config {
            publish_every: 0,
            ..m.config
        })
        .collect();
    series.sort();
    series.dedup();
    for base in series {
        let points = |map| {
            let mut v: Vec<&Measured> = all
                .iter()
                .filter(|m| {
                    m.map == map
                        && Config {
                            publish_every: 0,
                            ..m.config
                        } == base
                })
                .collect();
            v.sort_by_key(|m| m.config.publish_every);
            v
        };
        let (fenced, asym) = (points(MapKind::Evmap), points(MapKind::EvmapAsymmetric));
        if fenced.len() < 2 || fenced.len() != asym.len() {
            continue;
        }
        let first = |better: &dyn Fn(&Measured, &Measured) -> bool| {
            fenced
                .iter()
                .zip(&asym)
                .find(|(f, a)| better(f, a))
                .map_or_else(
                    || "not within the intervals measured".to_owned(),
                    |(f, _)| format!("every {} writes", f.config.publish_every),
                )
        };
        let _ = writeln!(
            out,
            "asymmetric vs fenced, {}r/{}w {}: writes/s catch up at {}; reads+writes/s at {}",
            base.readers,
            base.writers,
            base.distribution.name(),
            first(&|f, a| a.writes.median >= f.writes.median),
            first(&|f, a| a.reads.median + a.writes.median >= f.reads.median + f.writes.median),
        );
    }
    out
}

/// Writes `publish-cost.csv`.
pub(crate) fn write_publish_csv(dir: &Path, rows: &[PublishCost]) -> io::Result<()> {
    let mut csv = String::from("strategy,handles,busy_reader,ns_median,ns_min,ns_max\n");
    for r in rows {
        let _ = writeln!(
            csv,
            "{:?},{},{},{:.1},{:.1},{:.1}",
            r.strategy, r.handles, r.busy_reader, r.ns.median, r.ns.min, r.ns.max
        );
    }
    std::fs::write(dir.join("publish-cost.csv"), csv)
}
