//! The real task series the deployment ships (issue #20), checked figure by figure against the
//! published figures they come from: the table "Tasks in the four statuses elsewhere" of
//! `docs/sources/REAL-SERIES.md` (a copy of the project's seed, with each figure's source).
//! A figure typed wrong in a snapshot, or a row of the table left unshipped, fails here.

use task_dashboard::snapshot::{parse_manifest, parse_snapshot, DataStatus, Date, StatusCounts};

fn read(path: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// "21.914" → 21914; "495 completed (not split)" → 495; "223 (1,38%)" → 223; "–" → None.
fn count(cell: &str) -> Option<u32> {
    let first = cell.split_whitespace().next()?;
    let digits: String = first.chars().filter(|c| *c != '.').collect();
    digits.parse().ok()
}

/// Which snapshot ships each row, and the reporting period the row's first column names.
const ROWS: [(&str, &str, &str, &str); 4] = [
    (
        "Government and Prime Minister's tasks, 01/01–25/12/2017",
        "chinh-phu-2017",
        "2017-01-01",
        "2017-12-25",
    ),
    (
        "same, first 4 months 2021",
        "chinh-phu-2021-4t",
        "2021-01-01",
        "2021-04-30",
    ),
    (
        "same, first 8 months 2021",
        "chinh-phu-2021-8t",
        "2021-01-01",
        "2021-08-31",
    ),
    (
        "Quảng Nam provincial committee, 01/01–06/07/2020",
        "quang-nam-2020-7t",
        "2020-01-01",
        "2020-07-06",
    ),
];

#[test]
fn every_published_task_figure_is_shipped_as_published() {
    let text = read("docs/sources/REAL-SERIES.md");
    let table = text
        .split("## Tasks in the four statuses elsewhere")
        .nth(1)
        .expect("the table of tasks elsewhere");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| who") && !l.starts_with("|---"))
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    assert_eq!(rows.len(), ROWS.len(), "every row of the table is shipped");
    let manifest = parse_manifest("data/manifest.json", read("data/manifest.json").as_str())
        .expect("the manifest reads");
    for (row, (who, id, start, end)) in rows.iter().zip(ROWS) {
        assert_eq!(row[0], who);
        let entry = (manifest.snapshots.iter())
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id} is in the manifest"));
        let file = format!("data/{}", entry.path);
        let snap = parse_snapshot(&file, read(&file).as_str()).expect("valid");
        let s = snap.snapshot();
        assert_eq!(s.data_status, DataStatus::Official, "{id}");
        assert_eq!(s.as_of, Date::parse(end).unwrap(), "{id}: the period's end");
        let tasks = s.tasks.as_ref().expect("task figures");
        assert_eq!(
            tasks.period_start,
            Date::parse(start),
            "{id}: the period's start"
        );
        let t: StatusCounts = tasks.totals.expect("totals");
        // total | on time | late | within deadline | overdue | source
        assert_eq!(t.total, count(row[1]), "{id}: total");
        if row[2].contains("completed (not split)") {
            assert_eq!(t.completed, count(row[2]), "{id}: completed, as a sum");
            assert_eq!((t.on_time, t.late), (None, None), "{id}: no invented split");
        } else {
            assert_eq!(t.on_time, count(row[2]), "{id}: on time");
            assert_eq!(t.late, count(row[3]), "{id}: late");
        }
        assert_eq!(t.within_deadline, count(row[4]), "{id}: within deadline");
        assert_eq!(t.overdue, count(row[5]), "{id}: overdue");
        // The source is named: its publisher, or the report's number.
        let source = &s.source;
        let named = format!("{} {}", source.name, source.title.as_deref().unwrap_or(""));
        let publisher = row[6].split(',').next().unwrap().trim();
        assert!(
            named.contains(publisher)
                || publisher.contains("Report") && named.contains("1270/BC-TCTTTg"),
            "{id}: source {named:?} for {publisher:?}"
        );
    }
}

/// The status chart of a shipped snapshot, all its tasks.
fn status_chart_of(
    id: &str,
    lang: task_dashboard::format::Lang,
) -> task_dashboard::chart::BarChart {
    use task_dashboard::chart::{status_chart, Reported};
    let file = format!("data/snapshots/{id}.json");
    let snap = parse_snapshot(&file, read(&file).as_str()).unwrap();
    let s = snap.snapshot();
    let tasks = s.tasks.as_ref().unwrap();
    let reported = Reported {
        start: tasks.period_start,
        end: s.as_of,
        shares: &tasks.published_shares,
    };
    let tally = snap.tasks().unwrap().totals;
    status_chart(
        &tally,
        task_dashboard::tasks::StatusSet::EMPTY,
        reported,
        lang,
    )
}

#[test]
fn counts_a_report_gives_only_as_a_sum_say_so_in_the_status_summary() {
    use task_dashboard::format::Lang;
    let c = status_chart_of("chinh-phu-2021-4t", Lang::Vi);
    assert_eq!(c.subtitle, "Số liệu từ 01/01/2021 đến 30/04/2021");
    assert!(
        c.summary.starts_with(
            "Từ 01/01/2021 đến 30/04/2021, 495 trong 1.589 nhiệm vụ đã hoàn thành \
             (báo cáo không tách đúng hạn, quá hạn) (31,2%); 35 chưa hoàn thành, quá hạn (2,2%)"
        ),
        "{}",
        c.summary
    );
    // The published 2,2% is the computed one: nothing to reconcile.
    assert!(!c.summary.contains("Báo cáo ghi"), "{}", c.summary);
    assert!(c.rows.iter().all(|r| !r.value_text.contains("báo cáo")));
    let c = status_chart_of("chinh-phu-2021-4t", Lang::En);
    assert_eq!(c.subtitle, "Figures from 1 Jan 2021 to 30 Apr 2021");
}

#[test]
fn a_published_share_that_differs_from_the_counts_is_shown_beside_them() {
    use task_dashboard::format::Lang;
    // 2017: 223 of 21.914 is 1,0%; the report says 1,38%.
    let c = status_chart_of("chinh-phu-2017", Lang::Vi);
    let overdue = c
        .rows
        .iter()
        .find(|r| r.key == "od")
        .expect("the overdue row");
    assert_eq!(overdue.value_text, "223 · 1,0% (báo cáo: 1,38%)");
    assert!(
        c.summary.ends_with(
            "Báo cáo ghi tỷ lệ chưa hoàn thành, quá hạn là 1,38%; tính từ các số trên, \
             trên 21.914 nhiệm vụ, là 1,0%."
        ),
        "{}",
        c.summary
    );
    // 8 months of 2021: 96 of 4.210 is 2,3%; the article says 2,2%.
    let c = status_chart_of("chinh-phu-2021-8t", Lang::En);
    let overdue = c
        .rows
        .iter()
        .find(|r| r.key == "od")
        .expect("the overdue row");
    assert_eq!(overdue.value_text, "96 · 2.3% (reported: 2.2%)");
}

/// The period a row of REAL-SERIES.md's growth tables names: "2019", "6 months 2020" →
/// "2020-H1", "quarter I/2021" → "2021-Q1", "last 6 months 2021" → "2021-H2".
fn period_of(row: &str) -> String {
    let year: String = row
        .chars()
        .filter(char::is_ascii_digit)
        .rev()
        .take(4)
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let quarter = ["quarter I/", "quarter II/", "quarter III/", "quarter IV/"]
        .iter()
        .rposition(|q| row.starts_with(q));
    match () {
        _ if row.starts_with("last 6 months") => format!("{year}-H2"),
        _ if row.starts_with("6 months") => format!("{year}-H1"),
        _ if row.starts_with("9 months") => format!("{year}-9M"),
        _ if quarter.is_some() => format!("{year}-Q{}", quarter.unwrap_or(0) + 1),
        _ => year,
    }
}

/// Every percentage in a cell: "7,75% (kinhtedothi.vn) · later quoted as 8,02%" → [7.75, 8.02].
fn percents(cell: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for (i, _) in cell.match_indices('%') {
        let number: String = cell[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(x) = number.replace(',', ".").parse() {
            out.push(x);
        }
    }
    out
}

#[test]
fn every_published_growth_figure_is_shipped_with_its_period() {
    let text = read("docs/sources/REAL-SERIES.md");
    let file = "data/snapshots/quang-ninh-grdp-2019-2025.json";
    let snap = parse_snapshot(file, read(file).as_str()).expect("valid");
    let growth = snap.snapshot().growth.as_ref().expect("growth");
    let values_of = |period: &str| -> Vec<f64> {
        (growth.points.iter())
            .filter(|p| p.period.to_string() == period)
            .flat_map(|p| p.values.iter().map(|v| v.value))
            .collect()
    };
    let mut checked = 0;
    for section in [
        "## Quảng Ninh GRDP growth, whole years",
        "## Quảng Ninh GRDP growth, parts of a year",
    ] {
        let table = text
            .split(section)
            .nth(1)
            .expect(section)
            .split("\n## ")
            .next()
            .unwrap();
        for line in table.lines().filter(|l| {
            l.starts_with("| ") && !l.starts_with("| year") && !l.starts_with("| period")
        }) {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if cells[0] == "2019 scenario by quarter" {
                // "Q1 10,1 · Q2 12,4 · Q3 11,7 · Q4 12,1%": one target a quarter.
                let figures: Vec<f64> = cells[1]
                    .split(" · ")
                    .map(|q| {
                        q.trim_end_matches('%')
                            .split(' ')
                            .nth(1)
                            .unwrap()
                            .replace(',', ".")
                            .parse()
                            .unwrap()
                    })
                    .collect();
                for (q, x) in figures.iter().enumerate() {
                    assert_eq!(
                        values_of(&format!("2019-Q{}", q + 1)),
                        [*x],
                        "2019-Q{}",
                        q + 1
                    );
                    checked += 1;
                }
                continue;
            }
            let period = period_of(cells[0]);
            let shipped = values_of(&period);
            assert!(!shipped.is_empty(), "{period} ({}) is shipped", cells[0]);
            for x in cells.iter().skip(1).flat_map(|c| percents(c)) {
                assert!(
                    shipped.contains(&x),
                    "{period}: {x}% of {line:?} is shipped ({shipped:?})"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 39, "every percentage of both tables");
}
