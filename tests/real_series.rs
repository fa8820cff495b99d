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
