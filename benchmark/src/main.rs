//! Throughput of evmap against other concurrent maps: dedicated reader and writer threads, each
//! doing one operation on a random key per iteration, for a fixed time; plus the single-thread
//! cost of a lookup relative to an unsynchronised `HashMap`.
//!
//! `cargo run --release -p benchmark` runs the default (quick) preset and writes a table to
//! stdout and CSV files and SVG plots to `benchmark-results/`. `--preset sweep` is the full set
//! behind docs/benchmarks.md; `--help` lists every knob.

mod maps;
mod overhead;
mod plot;
mod publish;
mod report;
mod workload;

use clap::Parser;
use maps::{MapKind, with_subject};
use report::Measured;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use workload::{Config, Distribution, Throughput};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Preset {
    /// About half a minute: 1-2 readers (also with no writer) and 1-2 writers, uniform keys,
    /// publish every 1/32/1024.
    Quick,
    /// The full set behind the plots in docs/benchmarks.md (about 12 minutes on 2 cores).
    Sweep,
    /// A few seconds; for CI, to keep the harness from rotting.
    Smoke,
}

/// Benchmark evmap against other concurrent maps.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Starting point for every setting below; explicit flags override it.
    #[arg(long, value_enum, default_value = "quick")]
    preset: Preset,
    /// Reader thread counts to measure (comma-separated).
    #[arg(long, value_delimiter = ',')]
    readers: Option<Vec<usize>>,
    /// Writer thread counts to measure (comma-separated).
    #[arg(long, value_delimiter = ',')]
    writers: Option<Vec<usize>>,
    /// Key distributions: `uniform`, `skewed` (Zipf, exponent 1.03).
    #[arg(long, value_delimiter = ',')]
    distribution: Option<Vec<String>>,
    /// Keys are drawn from 0..span.
    #[arg(long, default_value_t = 10_000)]
    span: u64,
    /// Publish after every N writes, for each N given (left-right maps only).
    #[arg(long, value_delimiter = ',')]
    publish_every: Option<Vec<usize>>,
    /// How long each run lasts, in milliseconds.
    #[arg(long)]
    duration_ms: Option<u64>,
    /// How many times each configuration runs (medians and ranges are over these).
    #[arg(long)]
    repeats: Option<usize>,
    /// Maps to measure (default: all): evmap, evmap-asymmetric, evmap11, flashmap, dashmap,
    /// papaya, std-rwlock, parking-lot-rwlock, and `unsynchronised` (a plain `HashMap`, the
    /// physical limit, run only without writers).
    #[arg(long, value_delimiter = ',')]
    maps: Option<Vec<String>>,
    /// Rounds of the single-thread overhead measurement (0 skips it).
    #[arg(long)]
    overhead_rounds: Option<usize>,
    /// Skip the throughput runs (only the single-thread overhead).
    #[arg(long)]
    only_overhead: bool,
    /// Skip the read-only runs (every reader count with no writer, against an unsynchronised
    /// `HashMap`, the physical limit).
    #[arg(long)]
    no_read_only: bool,
    /// Redraw the throughput plots and reprint the table of an earlier run from the `runs.csv`
    /// in this folder (the plots are written next to it); measures nothing.
    #[arg(long, value_name = "FOLDER")]
    replot: Option<PathBuf>,
    /// Where the CSV files and plots go.
    #[arg(long, default_value = "benchmark-results")]
    out: PathBuf,
}

struct Plan {
    readers: Vec<usize>,
    writers: Vec<usize>,
    distributions: Vec<Distribution>,
    publish_every: Vec<usize>,
    duration: Duration,
    repeats: usize,
    maps: Vec<MapKind>,
    overhead_rounds: usize,
    read_only: bool,
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

impl Plan {
    fn from_args(args: &Args) -> Result<Plan, String> {
        let cores = cores();
        let mut plan = match args.preset {
            Preset::Quick => Plan {
                readers: vec![1, 2],
                writers: vec![1, 2],
                distributions: vec![Distribution::Uniform],
                publish_every: vec![1, 32, 1024],
                duration: Duration::from_millis(200),
                repeats: 3,
                maps: MapKind::EVERYTHING.to_vec(),
                overhead_rounds: 7,
                read_only: true,
            },
            Preset::Sweep => Plan {
                readers: (1..=2 * cores).collect(),
                writers: (1..=cores).collect(),
                distributions: vec![Distribution::Uniform, Distribution::Skewed],
                publish_every: (0..=10).map(|i| 1 << i).collect(),
                duration: Duration::from_millis(600),
                repeats: 5,
                maps: MapKind::EVERYTHING.to_vec(),
                overhead_rounds: 15,
                read_only: true,
            },
            Preset::Smoke => Plan {
                readers: vec![1, 2],
                writers: vec![1],
                distributions: vec![Distribution::Uniform, Distribution::Skewed],
                publish_every: vec![1, 64],
                duration: Duration::from_millis(25),
                repeats: 1,
                maps: MapKind::EVERYTHING.to_vec(),
                overhead_rounds: 1,
                read_only: true,
            },
        };
        if let Some(r) = &args.readers {
            plan.readers = r.clone();
        }
        if let Some(w) = &args.writers {
            plan.writers = w.clone();
        }
        if let Some(d) = &args.distribution {
            plan.distributions = d
                .iter()
                .map(|name| {
                    Distribution::parse(name).ok_or_else(|| {
                        format!("unknown distribution `{name}` (expected uniform or skewed)")
                    })
                })
                .collect::<Result<_, _>>()?;
        }
        if let Some(p) = &args.publish_every {
            plan.publish_every = p.clone();
        }
        if let Some(ms) = args.duration_ms {
            plan.duration = Duration::from_millis(ms);
        }
        if let Some(n) = args.repeats {
            plan.repeats = n;
        }
        if let Some(rounds) = args.overhead_rounds {
            plan.overhead_rounds = rounds;
        }
        if args.no_read_only {
            plan.read_only = false;
        }
        if let Some(names) = &args.maps {
            plan.maps = names
                .iter()
                .map(|name| {
                    MapKind::parse(name).ok_or_else(|| {
                        let known: Vec<_> =
                            MapKind::EVERYTHING.iter().map(|m| m.cli_name()).collect();
                        format!("unknown map `{name}` (known: {})", known.join(", "))
                    })
                })
                .collect::<Result<_, _>>()?;
        }
        if args.span == 0 {
            return Err("--span must be at least 1".into());
        }
        for (what, list) in [
            ("--readers", &plan.readers),
            ("--writers", &plan.writers),
            ("--publish-every", &plan.publish_every),
        ] {
            if list.is_empty() {
                return Err(format!("{what} needs at least one value"));
            }
        }
        if plan.publish_every.contains(&0) {
            return Err("--publish-every must be at least 1".into());
        }
        if plan.readers.iter().chain(&plan.writers).all(|&n| n == 0) {
            return Err("at least one reader or writer thread is needed".into());
        }
        if plan.repeats == 0 {
            return Err("--repeats must be at least 1".into());
        }
        if plan.distributions.is_empty() {
            return Err("--distribution needs at least one value".into());
        }
        plan.maps.dedup();
        Ok(plan)
    }

    fn baselines(&self) -> plot::Baselines {
        plot::Baselines::from_counts(&self.readers, &self.writers, &self.publish_every)
    }

    /// The configurations behind the plots: readers varied with no writer (the read-only
    /// series), readers varied (fewest writers, most frequent publishing), writers varied (fewest
    /// readers), and the publish interval varied.
    fn configs(&self) -> Vec<Config> {
        let base = self.baselines();
        let mut configs = Vec::new();
        for &distribution in &self.distributions {
            let config = |readers, writers, publish_every| Config {
                readers,
                writers,
                distribution,
                publish_every,
            };
            if self.read_only {
                configs.extend(
                    self.readers
                        .iter()
                        .filter(|&&r| r > 0)
                        .map(|&r| config(r, 0, base.publish_every)),
                );
            }
            configs.extend(
                self.readers
                    .iter()
                    .map(|&r| config(r, base.writers, base.publish_every)),
            );
            configs.extend(
                self.writers
                    .iter()
                    .map(|&w| config(base.readers, w, base.publish_every)),
            );
            configs.extend(
                self.publish_every
                    .iter()
                    .map(|&p| config(base.readers, base.writers, p)),
            );
        }
        configs.retain(|c| c.readers + c.writers > 0);
        configs.sort();
        configs.dedup();
        configs
    }

    /// Whether `map` is run in `config`: maps that do not publish are the same at every
    /// publish interval, so they run only at the smallest one.
    fn runs(&self, map: MapKind, config: &Config) -> bool {
        if map.is_baseline() {
            return config.writers == 0 && config.publish_every == self.baselines().publish_every;
        }
        map.publishes() || config.publish_every == self.baselines().publish_every
    }
}

/// Progress on stderr: what runs, and roughly how long is left.
struct Progress {
    total: usize,
    done: usize,
    started: Instant,
    tty: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Self {
            total,
            done: 0,
            started: Instant::now(),
            tty: std::io::stderr().is_terminal(),
        }
    }

    fn step(&mut self, what: &str) {
        let left = if self.done == 0 {
            String::from("estimating")
        } else {
            let per = self.started.elapsed().as_secs_f64() / self.done as f64;
            format!("~{:.0} s left", per * (self.total - self.done) as f64)
        };
        let line = format!("[{:>4}/{}] {what} ({left})", self.done + 1, self.total);
        let mut err = std::io::stderr().lock();
        if self.tty {
            let _ = write!(err, "\r\x1b[2K{line}");
        } else {
            let _ = writeln!(err, "{line}");
        }
        let _ = err.flush();
        self.done += 1;
    }

    fn finish(&self) {
        if self.tty {
            eprintln!();
        }
        eprintln!(
            "done: {} runs in {:.1} s",
            self.total,
            self.started.elapsed().as_secs_f64()
        );
    }
}

fn main() {
    let args = Args::parse();
    if let Some(dir) = &args.replot {
        replot(dir);
        return;
    }
    let plan = match Plan::from_args(&args) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("error: cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    }

    let mut plan = plan;
    if plan.maps.contains(&MapKind::EvmapAsymmetric) && !maps::asymmetric_available() {
        eprintln!(
            "note: this system has no usable membarrier, so the asymmetric strategy would fall \
             back to the fenced one; leaving it out"
        );
        plan.maps.retain(|&m| m != MapKind::EvmapAsymmetric);
    }
    let strategies: Vec<left_right::ReadStrategy> = [
        (MapKind::Evmap, left_right::ReadStrategy::Fenced),
        (
            MapKind::EvmapAsymmetric,
            left_right::ReadStrategy::Asymmetric,
        ),
    ]
    .into_iter()
    .filter(|(m, _)| plan.maps.contains(m))
    .map(|(_, s)| s)
    .collect();

    let configs = if args.only_overhead {
        Vec::new()
    } else {
        plan.configs()
    };
    let jobs: Vec<(Config, MapKind)> = configs
        .iter()
        .flat_map(|c| {
            plan.maps
                .iter()
                .filter(|&&m| plan.runs(m, c))
                .map(move |&m| (*c, m))
        })
        .collect();
    if jobs.is_empty() && !args.only_overhead {
        eprintln!(
            "error: nothing to run with these settings (the unsynchronised map runs only in the \
             read-only series, which --no-read-only turns off)"
        );
        std::process::exit(2);
    }
    let overhead_steps = if plan.overhead_rounds > 0 {
        plan.overhead_rounds + 2 * strategies.len() * publish::HANDLES.len()
    } else {
        0
    };
    let mut progress = Progress::new(jobs.len() * plan.repeats + overhead_steps);
    println!(
        "{} cores; keys 0..{}; {} ms per run, {} repeat(s); hasher: std RandomState for every map",
        cores(),
        args.span,
        plan.duration.as_millis(),
        plan.repeats
    );

    // Every repeat visits every job, so all maps are measured side by side under the same
    // machine conditions rather than one map at a time.
    let mut results: BTreeMap<(Config, MapKind), Vec<Throughput>> = BTreeMap::new();
    for repeat in 0..plan.repeats {
        for &(config, map) in &jobs {
            progress.step(&format!(
                "{} r={} w={} {} every={} (repeat {}/{})",
                map.label(),
                config.readers,
                config.writers,
                config.distribution.name(),
                config.publish_every,
                repeat + 1,
                plan.repeats
            ));
            let seed = 0x9e37_79b9 ^ (repeat as u64) << 32;
            let t =
                with_subject!(map, S => workload::run::<S>(config, args.span, plan.duration, seed));
            results.entry((config, map)).or_default().push(t);
        }
    }

    let overhead = (plan.overhead_rounds > 0).then(|| {
        let mut round = 0;
        overhead::measure(&plan.maps, args.span, plan.overhead_rounds, |_| {
            round += 1;
            progress.step(&format!(
                "single-thread overhead, round {round}/{}",
                plan.overhead_rounds
            ));
        })
    });
    let publish_costs = (plan.overhead_rounds > 0 && !strategies.is_empty()).then(|| {
        publish::measure(&strategies, plan.overhead_rounds, || {
            progress.step("publish cost per strategy and read handles");
        })
    });
    progress.finish();

    let measured: Vec<Measured> = results
        .into_iter()
        .map(|((config, map), runs)| Measured::new(map, config, runs))
        .collect();
    if !measured.is_empty() {
        println!("\n{}", report::table(&measured));
    }
    if let Some((baseline, rows)) = &overhead {
        println!("{}", report::overhead_table(baseline, rows));
    }
    if let Some(rows) = &publish_costs {
        println!("{}", report::publish_cost_table(rows));
    }
    let crossover = report::crossover(&measured);
    if !crossover.is_empty() {
        println!("{crossover}");
    }

    if let Some(rows) = &publish_costs {
        if let Err(e) = report::write_publish_csv(&args.out, rows) {
            eprintln!("error: writing CSV to {}: {e}", args.out.display());
            std::process::exit(1);
        }
    }
    if let Err(e) = report::write_csv(&args.out, &measured, overhead.as_ref()) {
        eprintln!("error: writing CSV to {}: {e}", args.out.display());
        std::process::exit(1);
    }
    println!("CSV and plots in {}:", args.out.display());
    draw_plots(
        &args.out,
        &measured,
        overhead.as_ref().map(|(_, rows)| rows.as_slice()),
    );
}

/// Draws the plots into `dir` and lists them, or exits saying why it could not.
fn draw_plots(dir: &Path, measured: &[Measured], overhead: Option<&[overhead::Overhead]>) {
    match plot::draw_all(dir, measured, overhead) {
        Ok(files) => {
            for f in files {
                println!("  {}", f.display());
            }
        }
        Err(e) => {
            eprintln!("error: drawing plots in {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
}

/// `--replot`: the table and throughput plots of an earlier run, from its `runs.csv`.
fn replot(dir: &Path) {
    let measured = report::read_runs_csv(&dir.join("runs.csv")).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1);
    });
    println!("{}", report::table(&measured));
    println!("plots redrawn in {}:", dir.display());
    draw_plots(dir, &measured, None);
}
