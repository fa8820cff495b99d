//! `snapshot-tool import` on real-looking task-tracker exports (issue #19): a title row above
//! the header, BOM, CRLF, quoted commas, `;` or `,`, Excel date numbers, an empty row; a bad
//! date, an unknown unit, a completion before assignment and a missing title reported by row,
//! with nothing written; the snapshot written reads in the widget with the expected counts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use task_dashboard::snapshot::parse_snapshot;
use task_dashboard::tasks::StatusTally;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn import(file: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import".to_owned(),
        format!("{DIR}/{file}"),
        "--as-of".into(),
        "2021-03-31".into(),
        "--out".into(),
        out.display().to_string(),
        "--jurisdiction".into(),
        "UBND tỉnh Quảng Ninh".into(),
        "--source".into(),
        "Hệ thống theo dõi nhiệm vụ".into(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
        .args(&args)
        .output()
        .expect("snapshot-tool runs")
}

fn out_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("td-import-{}-{name}.json", std::process::id()))
}

#[test]
fn an_export_becomes_a_snapshot_the_widget_reads() {
    let out = out_path("q1");
    let o = import("tasks-q1.csv", &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains(": 4 tasks from ")
            && said.ends_with("tasks-q1.csv (header at row 4), 4 units\n"),
        "{said}"
    );
    let snap =
        parse_snapshot("q1.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let s = snap.snapshot();
    let units: Vec<(&str, &str)> = s
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.kind.name()))
        .collect();
    assert_eq!(
        units,
        [
            ("so-tai-chinh", "department"),
            ("so-xay-dung", "department"),
            ("huyen-van-don", "locality"),
            ("thanh-pho-ha-long", "locality"),
        ]
    );
    let records = &s.tasks.as_ref().expect("tasks").records;
    assert_eq!(
        records[0].title, "Báo cáo thu, chi ngân sách",
        "a quoted comma"
    );
    assert_eq!(records[1].assigned.to_string(), "2021-01-05", "d/m/yyyy");
    assert_eq!(
        records[2].assigned.to_string(),
        "2021-02-01",
        "an Excel date number"
    );
    assert_eq!(records[2].due.to_string(), "2021-03-30", "yyyy-mm-dd");
    assert_eq!(records[3].document.as_deref(), Some("215/KH-UBND"));
    // On time, late, overdue, within the deadline: one each, as the dates say.
    assert_eq!(
        snap.tasks().expect("tasks").totals,
        StatusTally::from_counts([1, 1, 1, 1])
    );
    let _ = std::fs::remove_file(&out);
}

#[test]
fn every_bad_row_is_reported_and_nothing_is_written() {
    let out = out_path("bad");
    let units = format!("{DIR}/units.csv");
    let o = import("tasks-bad.csv", &out, &["--units", &units]);
    assert_eq!(o.status.code(), Some(1));
    let file = format!("{DIR}/tasks-bad.csv");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{file}: row 4, \"Ngày giao\": expected a date dd/mm/yyyy (or yyyy-mm-dd, or an Excel date number), found \"31/02/2021\""),
            format!("{file}: row 5, \"Đơn vị thực hiện\": expected the name or id of a unit of the --units list, found \"Sở Không Có\""),
            format!("{file}: row 6, \"Ngày hoàn thành\": completed 2021-02-01 is before assigned 2021-02-10"),
            format!("{file}: row 8, \"Tên nhiệm vụ\": expected the task's title"),
            "4 rows could not be read; nothing was written".to_owned(),
        ]
    );
    assert!(!out.exists(), "nothing written");

    let o = import("tasks-bad.csv", &out, &["--units", &units, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let rows: Vec<u64> = report
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| p["row"].as_u64().unwrap_or_default())
        .collect();
    assert_eq!(rows, [4, 5, 6, 8]);
    assert_eq!(report[0]["column"], "Ngày giao");
    assert_eq!(report[0]["value"], "31/02/2021");
}

#[test]
fn a_file_without_the_known_headers_says_which_it_needs() {
    let out = out_path("none");
    let o = import("units.csv", &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(
        "no header row found in the first 30 rows: expected the columns Tên nhiệm vụ, Đơn vị chủ trì, Ngày giao, Hạn xử lý"
    ));
}
