//! The plots, as SVG: read throughput without and with writers, write throughput, write
//! throughput against publish frequency, and single-thread read overhead.

use crate::maps::MapKind;
use crate::overhead::Overhead;
use crate::report::Measured;
use crate::workload::{Config, Distribution};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use std::collections::BTreeSet;
use std::error::Error;
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const PALETTE: [RGBColor; 9] = [
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0x7f, 0x7f, 0x7f),
    RGBColor(0x17, 0xbe, 0xcf),
    RGBColor(0xe3, 0x77, 0xc2),
];

fn color(map: MapKind) -> RGBColor {
    let i = MapKind::EVERYTHING
        .iter()
        .position(|&m| m == map)
        .unwrap_or(0);
    PALETTE[i % PALETTE.len()]
}

fn si(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.0}M", v / 1e6)
    } else if v >= 1e3 {
        format!("{:.0}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

/// One line of a plot: a map's medians (with min-max bars) at each x.
struct Line {
    map: MapKind,
    points: Vec<(f64, f64, f64, f64)>,
}

/// Collects, for each map, the points of the series selected by `select`, keyed by `x`.
fn lines(
    all: &[Measured],
    select: impl Fn(&Config) -> bool,
    x: impl Fn(&Config) -> f64,
    y: impl Fn(&Measured) -> (f64, f64, f64),
    include: impl Fn(MapKind) -> bool,
) -> Vec<Line> {
    let maps: BTreeSet<MapKind> = all.iter().map(|m| m.map).filter(|&m| include(m)).collect();
    maps.into_iter()
        .map(|map| {
            let mut points: Vec<_> = all
                .iter()
                .filter(|m| m.map == map && select(&m.config))
                .map(|m| {
                    let (median, min, max) = y(m);
                    (x(&m.config), median, min, max)
                })
                .collect();
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            Line { map, points }
        })
        .filter(|l| !l.points.is_empty())
        .collect()
}

struct Panel {
    title: String,
    lines: Vec<Line>,
}

/// Draws one SVG with a panel per entry, sharing axis descriptions.
fn draw_panels(
    path: &Path,
    panels: &[Panel],
    x_desc: &str,
    y_desc: &str,
    log_x: bool,
) -> Result<()> {
    let width = 560 * panels.len().max(1) as u32;
    let root = SVGBackend::new(path, (width, 480)).into_drawing_area();
    root.fill(&WHITE)?;
    let areas = root.split_evenly((1, panels.len().max(1)));
    for (area, panel) in areas.iter().zip(panels) {
        let xs = panel
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.0));
        let (x_min, x_max) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let y_max = panel
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.3))
            .fold(0.0, f64::max)
            // Headroom for the legend, so that it covers no line.
            * 1.6;
        let (x_min, x_max) = if x_min >= x_max {
            (x_min - 1.0, x_max + 1.0)
        } else {
            (x_min, x_max)
        };
        let mut builder = ChartBuilder::on(area);
        builder
            .caption(&panel.title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(64);
        // On a linear axis (thread counts), one label per whole number and none between.
        let x_labels = if log_x {
            10
        } else {
            ((x_max - x_min).round() as usize + 1).min(16)
        };
        macro_rules! finish {
            ($chart:expr) => {{
                let mut chart = $chart;
                chart
                    .configure_mesh()
                    .x_desc(x_desc)
                    .y_desc(y_desc)
                    .x_labels(x_labels)
                    .y_label_formatter(&|v| si(*v))
                    .x_label_formatter(&|v| {
                        if (v - v.round()).abs() < 1e-6 {
                            format!("{v:.0}")
                        } else {
                            String::new()
                        }
                    })
                    .draw()?;
                for line in &panel.lines {
                    let c = color(line.map);
                    chart
                        .draw_series(LineSeries::new(
                            line.points.iter().map(|p| (p.0, p.1)),
                            c.stroke_width(2),
                        ))?
                        .label(line.map.label())
                        .legend(move |(x, y)| {
                            PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2))
                        });
                    chart.draw_series(
                        line.points
                            .iter()
                            .map(|p| ErrorBar::new_vertical(p.0, p.2, p.1, p.3, c.filled(), 6)),
                    )?;
                }
                chart
                    .configure_series_labels()
                    .position(SeriesLabelPosition::UpperRight)
                    .background_style(WHITE.mix(0.85))
                    .border_style(BLACK)
                    .label_font(("sans-serif", 12))
                    .draw()?;
            }};
        }
        if log_x {
            finish!(builder.build_cartesian_2d((x_min..x_max).log_scale(), 0.0..y_max)?);
        } else {
            finish!(builder.build_cartesian_2d(x_min..x_max, 0.0..y_max)?);
        }
    }
    root.present()?;
    Ok(())
}

/// The series the plots need, chosen from what was measured: the smallest writer count and
/// publish interval for the read plot, and so on.
pub(crate) struct Baselines {
    pub(crate) readers: usize,
    pub(crate) writers: usize,
    pub(crate) publish_every: usize,
}

impl Baselines {
    /// The series the plots hold the other settings at: the fewest readers, the fewest writers
    /// (a 0 among the writer counts is the read-only series, which has a plot of its own) and
    /// the most frequent publishing.
    pub(crate) fn from_counts(
        readers: &[usize],
        writers: &[usize],
        publish_every: &[usize],
    ) -> Baselines {
        Baselines {
            readers: readers.iter().copied().min().unwrap_or(0),
            writers: writers
                .iter()
                .copied()
                .filter(|&w| w > 0)
                .min()
                .unwrap_or(0),
            publish_every: publish_every.iter().copied().min().unwrap_or(1),
        }
    }

    /// The same, from the configurations that were measured.
    fn of(configs: &[Config]) -> Baselines {
        let counts = |f: fn(&Config) -> usize| configs.iter().map(f).collect::<Vec<_>>();
        Baselines::from_counts(
            &counts(|c| c.readers),
            &counts(|c| c.writers),
            &counts(|c| c.publish_every),
        )
    }
}

/// Draws `panels` into `dir/name` if any line has more than one point; records the file.
fn save(
    written: &mut Vec<PathBuf>,
    dir: &Path,
    name: &str,
    panels: Vec<Panel>,
    x_desc: &str,
    y_desc: &str,
    log_x: bool,
) -> Result<()> {
    let panels: Vec<Panel> = panels
        .into_iter()
        .filter(|p| p.lines.iter().any(|l| l.points.len() > 1))
        .collect();
    if !panels.is_empty() {
        let path = dir.join(name);
        draw_panels(&path, &panels, x_desc, y_desc, log_x)?;
        written.push(path);
    }
    Ok(())
}

/// Draws every plot the measurements support; returns the files written.
pub(crate) fn draw_all(
    dir: &Path,
    all: &[Measured],
    overhead: Option<&[Overhead]>,
) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let base = Baselines::of(&all.iter().map(|m| m.config).collect::<Vec<_>>());
    let dists: BTreeSet<Distribution> = all.iter().map(|m| m.config.distribution).collect();

    let reads = |m: &Measured| (m.reads.median, m.reads.min, m.reads.max);
    let writes = |m: &Measured| (m.writes.median, m.writes.min, m.writes.max);

    let panels: Vec<Panel> = dists
        .iter()
        .map(|&d| Panel {
            title: format!("reads, no writer, {} keys", d.name()),
            lines: lines(
                all,
                |c| c.distribution == d && c.writers == 0 && c.publish_every == base.publish_every,
                |c| c.readers as f64,
                reads,
                |_| true,
            ),
        })
        .collect();
    save(
        &mut written,
        dir,
        "read-only-throughput.svg",
        panels,
        "reader threads",
        "reads/s (median, min-max bars)",
        false,
    )?;

    let panels: Vec<Panel> = dists
        .iter()
        .filter(|_| base.writers > 0)
        .map(|&d| Panel {
            title: format!("reads, {} writer(s), {} keys", base.writers, d.name()),
            lines: lines(
                all,
                |c| {
                    c.distribution == d
                        && c.writers == base.writers
                        && c.publish_every == base.publish_every
                },
                |c| c.readers as f64,
                reads,
                |_| true,
            ),
        })
        .collect();
    save(
        &mut written,
        dir,
        "read-throughput.svg",
        panels,
        "reader threads",
        "reads/s (median, min-max bars)",
        false,
    )?;

    let panels: Vec<Panel> = dists
        .iter()
        .map(|&d| Panel {
            title: format!("writes, {} reader(s), {} keys", base.readers, d.name()),
            lines: lines(
                all,
                |c| {
                    c.distribution == d
                        && c.readers == base.readers
                        && c.writers > 0
                        && c.publish_every == base.publish_every
                },
                |c| c.writers as f64,
                writes,
                |_| true,
            ),
        })
        .collect();
    save(
        &mut written,
        dir,
        "write-throughput.svg",
        panels,
        "writer threads",
        "writes/s (median, min-max bars)",
        false,
    )?;

    let panels: Vec<Panel> = dists
        .iter()
        .map(|&d| Panel {
            title: format!(
                "writes vs. publish interval, {}r/{}w, {} keys",
                base.readers,
                base.writers,
                d.name()
            ),
            lines: lines(
                all,
                |c| c.distribution == d && c.readers == base.readers && c.writers == base.writers,
                |c| c.publish_every as f64,
                writes,
                MapKind::publishes,
            ),
        })
        .collect();
    save(
        &mut written,
        dir,
        "write-with-refresh.svg",
        panels,
        "writes per publish (log scale)",
        "writes/s (median, min-max bars)",
        true,
    )?;

    if let Some(rows) = overhead.filter(|rows| !rows.is_empty()) {
        let path = dir.join("read-overhead.svg");
        draw_overhead(&path, rows)?;
        written.push(path);
    }
    Ok(written)
}

fn draw_overhead(path: &Path, rows: &[Overhead]) -> Result<()> {
    let root = SVGBackend::new(path, (900, 60 + 44 * rows.len() as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    let x_max = rows.iter().map(|r| r.read_ratio.max).fold(1.0, f64::max) * 1.15;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "single-thread lookup time / unsynchronised HashMap::get (same hasher and keys)",
            ("sans-serif", 16),
        )
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(210)
        .build_cartesian_2d(0.0..x_max, (0..rows.len()).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) if *i < rows.len() => rows[*i].map.label().to_owned(),
            _ => String::new(),
        })
        .x_desc("ratio (1.0 = the physical limit); bars: median, whiskers: min-max over rounds")
        .draw()?;
    chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
        Rectangle::new(
            [
                (0.0, SegmentValue::Exact(i)),
                (r.read_ratio.median, SegmentValue::Exact(i + 1)),
            ],
            color(r.map).mix(0.8).filled(),
        )
    }))?;
    chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
        PathElement::new(
            vec![
                (r.read_ratio.min, SegmentValue::CenterOf(i)),
                (r.read_ratio.max, SegmentValue::CenterOf(i)),
            ],
            BLACK.stroke_width(2),
        )
    }))?;
    chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
        Text::new(
            format!("{:.2}x ({:.1} ns)", r.read_ratio.median, r.read_ns.median),
            (r.read_ratio.max + x_max * 0.01, SegmentValue::CenterOf(i)),
            ("sans-serif", 13),
        )
    }))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![
            (1.0, SegmentValue::Exact(0)),
            (1.0, SegmentValue::Exact(rows.len())),
        ],
        BLACK.stroke_width(1),
    )))?;
    root.present()?;
    Ok(())
}
