//! `snapshot-tool import` on real-looking task-tracker exports (issue #19): a title row above
//! the header, BOM, CRLF, quoted commas, `;` or `,`, Excel date numbers, an empty row; a bad
//! date, an unknown unit, a completion before assignment and a missing title reported by row,
//! with nothing written; the snapshot written reads in the widget with the expected counts.
//! The same from an XLSX workbook (written here with rust_xlsxwriter: a title row, real date
//! cells, text dates, an empty row, a bad date), a map of other headers, a table of counts by
//! unit (with its total row checked) and a growth series (real published figures).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use task_dashboard::snapshot::parse_snapshot;
use task_dashboard::tasks::StatusTally;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn import(file: &str, out: &Path, extra: &[&str]) -> Output {
    import_path(&format!("{DIR}/{file}"), out, extra)
}

fn import_path(file: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import".to_owned(),
        file.to_owned(),
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
            && said.ends_with("tasks-q1.csv, read as a task list (header at row 4), 4 units\n"),
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

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn assert_ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A workbook as a tracker exports it: the task list on its first sheet "Nhiệm vụ" (a title
/// row, an empty row, the header at row 3; dates as real date cells, as text and as an Excel
/// date number; an empty row among the tasks), a growth series on a second sheet. With
/// `bad_due`, row 7's due date is the text "31/02/2021".
fn workbook(path: &Path, bad_due: bool) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let date = |y, m, d| ExcelDateTime::from_ymd(y, m, d).expect("a date");
    let shown = Format::new().set_num_format("dd/mm/yyyy");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Nhiệm vụ").expect("name");
    sheet
        .write_string(0, 0, "DANH SÁCH NHIỆM VỤ GIAO, QUÝ I/2021")
        .expect("title");
    let header = [
        "STT",
        "Mã nhiệm vụ",
        "Tên nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Hạn xử lý",
        "Ngày hoàn thành",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).expect("header");
    }
    // Rows 4–8 (Excel's numbers); row 6 is left empty.
    let tasks: [(u32, &str, &str, &str); 4] = [
        (3, "NV-001", "Báo cáo thu, chi ngân sách", "Sở Tài chính"),
        (4, "NV-002", "Rà soát quy hoạch", "Sở Xây dựng"),
        (6, "NV-003", "Giải phóng mặt bằng cao tốc", "Huyện Vân Đồn"),
        (
            7,
            "NV-004",
            "Phòng, chống dịch Covid-19",
            "Thành phố Hạ Long",
        ),
    ];
    for (i, (row, id, title, unit)) in tasks.iter().enumerate() {
        sheet.write_number(*row, 0, (i + 1) as f64).expect("n");
        sheet.write_string(*row, 1, *id).expect("id");
        sheet.write_string(*row, 2, *title).expect("title");
        sheet.write_string(*row, 3, *unit).expect("unit");
    }
    let put_date =
        |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, d: (u16, u8, u8)| {
            sheet
                .write_datetime_with_format(row, col, date(d.0, d.1, d.2), &shown)
                .expect("date");
        };
    // On time: real date cells.
    put_date(sheet, 3, 4, (2021, 1, 5));
    put_date(sheet, 3, 5, (2021, 2, 1));
    put_date(sheet, 3, 6, (2021, 1, 30));
    // Late: text dates.
    sheet.write_string(4, 4, "05/01/2021").expect("text date");
    sheet.write_string(4, 5, "1/2/2021").expect("text date");
    sheet.write_string(4, 6, "15/02/2021").expect("text date");
    // Overdue (row 7 as Excel numbers it): an Excel date number without a date format, and
    // a date cell, or the bad date.
    sheet.write_number(6, 4, 44228.0).expect("serial");
    if bad_due {
        sheet.write_string(6, 5, "31/02/2021").expect("bad date");
    } else {
        put_date(sheet, 6, 5, (2021, 3, 30));
    }
    // Within the deadline.
    put_date(sheet, 7, 4, (2021, 2, 1));
    put_date(sheet, 7, 5, (2021, 3, 31));
    let growth = book.add_worksheet();
    growth.set_name("Tăng trưởng").expect("name");
    for (c, h) in [
        "Kỳ",
        "Giá trị (%)",
        "Loại",
        "So sánh",
        "Nguồn",
        "Ngày công bố",
    ]
    .iter()
    .enumerate()
    {
        growth.write_string(0, c as u16, *h).expect("header");
    }
    growth.write_string(1, 0, "2019").expect("period");
    growth.write_number(1, 1, 12.01).expect("value");
    growth.write_string(1, 2, "thực hiện").expect("kind");
    growth.write_string(1, 4, "danviet.vn").expect("source");
    growth
        .write_datetime_with_format(1, 5, date(2020, 9, 21), &shown)
        .expect("date");
    growth.write_string(2, 0, "2019").expect("period");
    growth.write_string(2, 1, "11,6").expect("value");
    growth.write_string(2, 2, "kịch bản").expect("kind");
    growth.write_string(2, 3, "trên").expect("comparator");
    growth.write_string(2, 4, "baodauthau.vn").expect("source");
    book.save(path).expect("saved");
}

fn xlsx_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("td-import-{}-{name}.xlsx", std::process::id()))
}

#[test]
fn a_workbook_becomes_a_snapshot_that_validates() {
    let book = xlsx_path("tasks");
    workbook(&book, false);
    let out = out_path("xlsx");
    let said = assert_ok(&import_path(&book.display().to_string(), &out, &[]));
    assert_eq!(
        said,
        format!(
            "{}: 4 tasks from {}, sheet \"Nhiệm vụ\", read as a task list (header at row 3), 4 units\n",
            out.display(),
            book.display()
        )
    );
    let validated = Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
        .args(["validate", &out.display().to_string()])
        .output()
        .expect("validate runs");
    assert_eq!(
        validated.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validated.stderr)
    );
    let snap = parse_snapshot("x.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let records = &snap.snapshot().tasks.as_ref().expect("tasks").records;
    let dates: Vec<String> = records
        .iter()
        .map(|r| format!("{} {}", r.assigned, r.due))
        .collect();
    assert_eq!(
        dates,
        [
            "2021-01-05 2021-02-01",
            "2021-01-05 2021-02-01",
            "2021-02-01 2021-03-30",
            "2021-02-01 2021-03-31"
        ]
    );
    assert_eq!(
        snap.tasks().expect("tasks").totals,
        StatusTally::from_counts([1, 1, 1, 1])
    );

    // The growth series on the second sheet, by its name.
    let out2 = out_path("xlsx-growth");
    let said = assert_ok(&import_path(
        &book.display().to_string(),
        &out2,
        &["--sheet", "Tăng trưởng"],
    ));
    assert!(
        said.contains(": 2 growth figures in 1 periods from "),
        "{said}"
    );
    let snap =
        parse_snapshot("g.json", &std::fs::read(&out2).expect("written")[..]).expect("valid");
    let growth = snap.snapshot().growth.as_ref().expect("growth");
    let values: Vec<f64> = growth.points[0].values.iter().map(|v| v.value).collect();
    assert_eq!(values, [12.01, 11.6]);
    let source = growth.points[0].values[0].source.as_ref().expect("source");
    assert_eq!(
        source.published.map(|d| d.to_string()).as_deref(),
        Some("2020-09-21")
    );

    let o = import_path(&book.display().to_string(), &out2, &["--sheet", "Ghi chú"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&o),
        [format!(
            "{}: no sheet \"Ghi chú\"; its sheets: \"Nhiệm vụ\", \"Tăng trưởng\"",
            book.display()
        )]
    );
    for f in [&book, &out, &out2] {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn a_bad_date_in_a_workbook_is_told_by_sheet_and_row() {
    let book = xlsx_path("bad");
    workbook(&book, true);
    let out = out_path("xlsx-bad");
    let o = import_path(&book.display().to_string(), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&o),
        [
            format!("{}, sheet \"Nhiệm vụ\": row 7, \"Hạn xử lý\": expected a date dd/mm/yyyy (or yyyy-mm-dd, or an Excel date number), found \"31/02/2021\"", book.display()),
            "1 rows could not be read; nothing was written".to_owned(),
        ]
    );
    assert!(!out.exists(), "nothing written");
    let o = import_path(&book.display().to_string(), &out, &["--json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report[0]["sheet"], "Nhiệm vụ");
    assert_eq!(report[0]["row"], 7);
    let _ = std::fs::remove_file(&book);
}

#[test]
fn a_map_names_other_headers() {
    let out = out_path("map");
    let map = format!("{DIR}/map.toml");
    let said = assert_ok(&import("tasks-map.csv", &out, &["--map", &map]));
    assert!(
        said.ends_with("tasks-map.csv, read as a task list (header at row 2), 4 units\n"),
        "{said}"
    );
    let snap = parse_snapshot("m.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let records = &snap.snapshot().tasks.as_ref().expect("tasks").records;
    assert_eq!(records[0].title, "Báo cáo thu, chi ngân sách");
    assert_eq!(
        records[0].completed.map(|d| d.to_string()).as_deref(),
        Some("2021-01-30"),
        "dd.mm.yyyy"
    );
    assert_eq!(records[3].due.to_string(), "2021-05-31");
    assert_eq!(
        snap.tasks().expect("tasks").totals,
        StatusTally::from_counts([1, 1, 1, 1])
    );
    let _ = std::fs::remove_file(&out);

    let missing = format!("{DIR}/map-missing.toml");
    let o = import("tasks-map.csv", &out, &["--map", &missing]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&o),
        [format!(
            "{missing}: [columns] due = \"Thời hạn hoàn thành\": no such header in {DIR}/tasks-map.csv; headers found (row 2): \"STT\", \"Nội dung công việc\", \"Cơ quan chủ trì\", \"Ngày giao\", \"Hạn hoàn thành\", \"Ngày hoàn thành\""
        )]
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_table_of_counts_by_unit_gives_totals_and_units() {
    let out = out_path("counts");
    let said = assert_ok(&import("counts-q1.csv", &out, &["--illustrative"]));
    assert_eq!(
        said,
        format!(
            "{}: counts of 3 units from {DIR}/counts-q1.csv, read as a table of counts by unit and status (header at row 3), totals from row 8\n",
            out.display()
        )
    );
    let snap = parse_snapshot("c.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let tasks = snap.snapshot().tasks.as_ref().expect("tasks");
    let totals = tasks.totals.expect("totals");
    assert_eq!(
        (
            totals.total,
            totals.on_time,
            totals.late,
            totals.overdue,
            totals.within_deadline
        ),
        (Some(1738), Some(900), Some(225), Some(43), Some(570)),
        "1.738 is a thousand seven hundred and thirty-eight"
    );
    let units: Vec<(&str, Option<u32>)> = tasks
        .by_unit
        .iter()
        .map(|u| (u.unit.as_str(), u.counts.total))
        .collect();
    assert_eq!(
        units,
        [
            ("so-tai-chinh", Some(1523)),
            ("so-xay-dung", Some(120)),
            ("huyen-van-don", Some(95))
        ]
    );
    let _ = std::fs::remove_file(&out);

    let o = import("counts-bad-total.csv", &out, &["--illustrative"]);
    assert_eq!(o.status.code(), Some(1));
    let file = format!("{DIR}/counts-bad-total.csv");
    assert_eq!(
        stderr_lines(&o),
        [
            format!("{file}: row 8, \"Hoàn thành đúng hạn\": the total row says 901 but the 3 units above add up to 900"),
            format!("{file}: row 8, \"Hoàn thành quá hạn\": the total row says 224 but the 3 units above add up to 225"),
            "1 rows could not be read; nothing was written".to_owned(),
        ]
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_growth_series_reads_decimal_commas_and_vietnamese_kinds() {
    let out = out_path("growth");
    let said = assert_ok(&import("growth-quang-ninh.csv", &out, &[]));
    assert_eq!(
        said,
        format!(
            "{}: 19 growth figures in 13 periods from {DIR}/growth-quang-ninh.csv, read as a growth series (header at row 3)\n",
            out.display()
        )
    );
    let snap = parse_snapshot("g.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let s = snap.snapshot();
    assert!(s.tasks.is_none(), "growth only");
    let growth = s.growth.as_ref().expect("growth");
    let figure = |period: &str| -> Vec<String> {
        growth
            .points
            .iter()
            .find(|p| p.period.to_string() == period)
            .map(|p| {
                p.values
                    .iter()
                    .map(|v| {
                        format!(
                            "{:?} {} {:?} {}",
                            v.kind,
                            v.value,
                            v.comparator,
                            v.source.as_ref().map_or("", |s| s.name.as_str())
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        figure("2019"),
        [
            "Actual 12.01 None danviet.vn",
            "Target 11.6 Some(Above) baodauthau.vn"
        ]
    );
    assert_eq!(figure("2021-Q1"), ["Estimate 9.02 None english.vov.vn"]);
    assert_eq!(
        figure("2021"),
        [
            "Estimate 10.28 None kinhtedothi.vn",
            "Target 10 Some(AtLeast) "
        ]
    );
    assert_eq!(
        figure("2023"),
        [
            "Estimate 11.03 None vietnamnet.vn",
            "Target 11 Some(Above) thoibaotaichinhvietnam.vn"
        ],
        "11.03 and 11,03 alike"
    );
    assert_eq!(figure("2024-9M"), ["Actual 8.02 None vietnam.vn"]);
    assert_eq!(figure("2020-H1"), ["Estimate 5.7 None congthuong.vn"]);
    let _ = std::fs::remove_file(&out);

    let o = import("growth-bad.csv", &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    let file = format!("{DIR}/growth-bad.csv");
    assert_eq!(
        stderr_lines(&o),
        [
            format!("{file}: row 10, \"Giá trị (%)\": expected a percentage like 8,02 or 8.02, found \"9,0,2\""),
            format!("{file}: row 17, \"Loại\": expected actual, estimate or target (thực hiện, ước, kế hoạch or mục tiêu), found \"dự báo\""),
            format!("{file}: row 20, \"Giá trị (%)\": expected a percentage like 8,02 or 8.02, found \"1.523\""),
            "3 rows could not be read; nothing was written".to_owned(),
        ]
    );
    assert!(!out.exists(), "nothing written");
}

// Guards: the reporting period a report names ("01/01–31/03/2021") is kept, and a start after
// --as-of is refused before anything is read.
#[test]
fn the_reporting_period_is_kept_and_checked() {
    let out = out_path("period");
    assert_ok(&import(
        "counts-q1.csv",
        &out,
        &["--illustrative", "--period-start", "01/01/2021"],
    ));
    let snap = parse_snapshot("p.json", &std::fs::read(&out).expect("written")[..]).expect("valid");
    let start = snap.snapshot().tasks.as_ref().and_then(|t| t.period_start);
    assert_eq!(start.map(|d| d.to_string()).as_deref(), Some("2021-01-01"));

    let late = out_path("period-late");
    let o = import(
        "counts-q1.csv",
        &late,
        &["--illustrative", "--period-start", "2021-04-01"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&o),
        ["import: --period-start (2021-04-01) is after --as-of (2021-03-31): the period the counts cover ends at --as-of"]
    );
    assert!(!late.exists(), "nothing written");
}
