//! Native benchmark of the core on a generated (illustrative) snapshot:
//! parse + validate against a plain `serde_json::Value` parse of the same bytes, and filter +
//! aggregate for a set of typical filter changes (p50 / p95 over repeated runs).
//!
//!     cargo bench --bench core            # 100k tasks
//!     cargo bench --bench core -- 10000   # another size
//!
//! Timings are printed, never asserted: they depend on the machine.

use std::time::{Duration, Instant};

use task_dashboard::chart::{self, UnitSort};
use task_dashboard::format::Lang;
use task_dashboard::generate::{illustrative_snapshot, Options};
use task_dashboard::snapshot::{parse_snapshot, UnitKind};
use task_dashboard::tasks::{
    DuePeriod, IndexedSnapshot, SortColumn, Status, StatusSet, TaskFilter,
};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let tasks: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let json = serde_json::to_vec(&illustrative_snapshot(&Options {
        tasks,
        seed: tasks as u64,
    }))
    .expect("serialisable");
    println!(
        "core benchmark: {tasks} tasks, {} bytes of JSON",
        json.len()
    );

    let (value_p50, _) = time(5, || {
        serde_json::from_slice::<serde_json::Value>(&json).map(|_| ())
    });
    let (parse_p50, _) = time(5, || {
        parse_snapshot("bench.json", &json)
            .map(IndexedSnapshot::new)
            .map(|_| ())
    });
    println!("  serde_json::Value parse      p50 {}", ms(value_p50));
    println!(
        "  parse + validate + index     p50 {}  ({:.2}x the Value parse)",
        ms(parse_p50),
        parse_p50.as_secs_f64() / value_p50.as_secs_f64()
    );

    let Ok(snap) = parse_snapshot("bench.json", &json).map(IndexedSnapshot::new) else {
        panic!("generated snapshot is valid")
    };
    let locality = TaskFilter {
        unit_kind: Some(UnitKind::Locality),
        ..Default::default()
    };
    let cases = [
        ("no filter", TaskFilter::default()),
        (
            "status = overdue",
            TaskFilter {
                statuses: StatusSet::only(Status::Overdue),
                ..Default::default()
            },
        ),
        ("localities", locality.clone()),
        (
            "overdue localities",
            TaskFilter {
                statuses: StatusSet::only(Status::Overdue),
                ..locality.clone()
            },
        ),
        (
            "one unit",
            TaskFilter {
                units: vec![3],
                ..Default::default()
            },
        ),
        (
            "due 2021-Q2",
            TaskFilter {
                due: DuePeriod::parse("2021-Q2"),
                ..Default::default()
            },
        ),
        (
            "text \"cao toc\"",
            TaskFilter {
                text: "cao toc".into(),
                ..Default::default()
            },
        ),
        (
            "text + overdue + localities",
            TaskFilter {
                text: "du lich".into(),
                statuses: StatusSet::only(Status::Overdue),
                ..locality
            },
        ),
    ];
    println!(
        "  filter + aggregate (table sorted by due date; sort orders cached after first use):"
    );
    for (name, filter) in &cases {
        let (p50, p95) = time(50, || filter.select(&snap, SortColumn::Due, false));
        let matched = filter
            .select(&snap, SortColumn::Due, false)
            .matched
            .unwrap_or(0);
        println!(
            "    {name:<30} p50 {:>9}  p95 {:>9}  ({matched} tasks)",
            ms(p50),
            ms(p95)
        );
    }
    // A new query each time (no cache): the titles holding its letter pairs, then a check of each.
    let queries = ["cao toc", "du lich", "ha long"];
    let mut i = 0;
    let (p50, p95) = time(60, || {
        i += 1;
        let filter = TaskFilter {
            text: queries[i % queries.len()].into(),
            ..Default::default()
        };
        filter.select(&snap, SortColumn::Due, false)
    });
    println!(
        "    {:<30} p50 {:>9}  p95 {:>9}",
        "text, a new query each time",
        ms(p50),
        ms(p95)
    );
    // A reader typing "ha long", one key at a time.
    let typing: Vec<String> = (1..="ha long".len())
        .map(|n| "ha long"[..n].to_owned())
        .collect();
    let mut per_key = Vec::new();
    for _ in 0..10 {
        for text in std::iter::once("").chain(typing.iter().map(String::as_str)) {
            let filter = TaskFilter {
                text: text.into(),
                ..Default::default()
            };
            per_key.push(time(1, || filter.select(&snap, SortColumn::Due, false)).0);
        }
    }
    per_key.sort();
    println!(
        "    {:<30} p50 {:>9}  p95 {:>9}  (per key, cleared between runs)",
        "typing \"ha long\"",
        ms(percentile(&per_key, 0.5)),
        ms(percentile(&per_key, 0.95))
    );
    // What the view builds from a selection on each change (before any drawing).
    let filter = TaskFilter::default();
    let sel = filter.select(&snap, SortColumn::Due, false);
    let units = &snap.snapshot().units;
    let (p50, _) = time(50, || {
        chart::unit_chart(
            units,
            &sel,
            &filter,
            UnitSort::OverdueShare,
            false,
            Lang::Vi,
        )
    });
    println!(
        "  unit chart from a selection ({} units)  p50 {}",
        units.len(),
        ms(p50)
    );
    let (p50, _) = time(50, || {
        task_dashboard::task_table::tasks_table(&snap, &sel.rows.page(&snap, 0, 20), Lang::Vi)
    });
    println!("  table page from a selection (20 rows)  p50 {}", ms(p50));
    let (first_sort, _) = time(1, || {
        let fresh = parse_snapshot("bench.json", &json)
            .map(IndexedSnapshot::new)
            .map(|s| {
                TaskFilter::default().select(&s, SortColumn::Title, false);
            });
        fresh.map(|_| ())
    });
    println!("  first sort by title (parse included) {}", ms(first_sort));
    let (first_search, _) = time(1, || {
        let fresh = parse_snapshot("bench.json", &json)
            .map(IndexedSnapshot::new)
            .map(|s| {
                TaskFilter {
                    text: "ha long".into(),
                    ..Default::default()
                }
                .select(&s, SortColumn::Due, false);
            });
        fresh.map(|_| ())
    });
    println!(
        "  first search, builds the letter-pair index (parse included) {}",
        ms(first_search)
    );
}
