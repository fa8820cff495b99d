//! `snapshot-tool import TASKS.csv --as-of DATE --out SNAPSHOT.json …`: a task tracker's export
//! (one row a task, Vietnamese headers, title rows above the header, dd/mm/yyyy dates) as a
//! snapshot the widget reads. A row that cannot be read is never dropped or guessed: every bad
//! row is reported (file, row as the spreadsheet numbers it, column header, value, what was
//! expected), the exit status is non-zero and nothing is written. CSV for now (issue #19:
//! XLSX next).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::json;
use task_dashboard::snapshot::{
    parse_snapshot, AssigningDocument, DataStatus, Date, Snapshot, Source, TaskRecord, Tasks, Text,
    Unit, UnitKind, SNAPSHOT_FORMAT,
};
use task_dashboard::text::fold;

use super::{fnv, read};

/// What a column holds, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Number,
    Id,
    Title,
    Unit,
    Document,
    Assigned,
    Due,
    Completed,
}

/// Headers recognised without a map, folded (lower case, no accents, single spaces).
const HEADERS: &[(&str, Field)] = &[
    ("stt", Field::Number),
    ("ma nhiem vu", Field::Id),
    ("ten nhiem vu", Field::Title),
    ("noi dung nhiem vu", Field::Title),
    ("don vi chu tri", Field::Unit),
    ("don vi thuc hien", Field::Unit),
    ("van ban giao", Field::Document),
    ("so, ky hieu van ban", Field::Document),
    ("so ky hieu van ban", Field::Document),
    ("ngay giao", Field::Assigned),
    ("han xu ly", Field::Due),
    ("thoi han", Field::Due),
    ("ngay hoan thanh", Field::Completed),
];

const REQUIRED: [(Field, &str); 4] = [
    (Field::Title, "Tên nhiệm vụ"),
    (Field::Unit, "Đơn vị chủ trì"),
    (Field::Assigned, "Ngày giao"),
    (Field::Due, "Hạn xử lý"),
];

/// Rows searched for the header, below the export's title rows.
const HEADER_WITHIN: usize = 30;

/// One row that could not be read.
struct Problem {
    row: usize,
    column: String,
    value: String,
    /// "expected …" (what a cell should hold), or validation's own words.
    message: String,
}

struct Options {
    file: PathBuf,
    out: PathBuf,
    as_of: Date,
    units: Option<PathBuf>,
    id: Option<String>,
    title: Option<String>,
    jurisdiction: String,
    source: String,
    illustrative: bool,
    json: bool,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    let file = o.file.display().to_string();
    let bytes = read(&o.file)?;
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
        .map_err(|e| format!("{file}: expected UTF-8 text (save the CSV as UTF-8): {e}"))?;
    // The first rows, to find the header in; the rest are read one at a time (a 100k-row
    // export is never held twice).
    let mut reader = csv_reader(text);
    let mut rest = reader.records().map(|r| {
        r.map(|r| r.iter().map(str::to_owned).collect())
            .unwrap_or_default()
    });
    let head: Vec<Vec<String>> = rest.by_ref().take(HEADER_WITHIN).collect();
    let Some((header_at, columns)) = find_header(&head) else {
        return Err(format!(
            "{file}: no header row found in the first {HEADER_WITHIN} rows: expected the \
             columns {} (and optionally Mã nhiệm vụ, Văn bản giao, Ngày hoàn thành)",
            REQUIRED.map(|(_, name)| name).join(", ")
        ));
    };
    let known_units = match &o.units {
        Some(path) => Some(read_units(path)?),
        None => None,
    };

    let mut problems = Vec::new();
    let mut records = Vec::new();
    let mut row_of_record = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut documents: Vec<AssigningDocument> = Vec::new();
    let header_row = head[header_at].clone();
    let header_row = &header_row;
    let rows = head.into_iter().chain(rest);
    for (index, row) in rows.enumerate().skip(header_at + 1) {
        let number = index + 1; // as the spreadsheet numbers its rows
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |field: Field| -> Option<(&str, String)> {
            let col = columns.iter().position(|c| *c == Some(field))?;
            let header = header_row.get(col).map_or("", |h| h.trim()).to_owned();
            Some((row.get(col).map_or("", |v| v.trim()), header))
        };
        let problems_before = problems.len();
        let mut bad = |column: String, value: &str, expected: &str| {
            problems.push(Problem {
                row: number,
                column,
                value: value.to_owned(),
                message: format!("expected {expected}"),
            })
        };
        let date_of = |field: Field, bad: &mut dyn FnMut(String, &str, &str)| match cell(field) {
            Some((v, h)) if !v.is_empty() => {
                let d = read_date(v);
                if d.is_none() {
                    bad(
                        h,
                        v,
                        "a date dd/mm/yyyy (or yyyy-mm-dd, or an Excel date number)",
                    );
                }
                d
            }
            _ => None,
        };
        let title = cell(Field::Title)
            .map(|(v, _)| v.to_owned())
            .unwrap_or_default();
        if title.is_empty() {
            let header = cell(Field::Title).map(|(_, h)| h).unwrap_or_default();
            bad(header, "", "the task's title");
        }
        let unit = match cell(Field::Unit) {
            Some((v, h)) if !v.is_empty() => match unit_id(v, known_units.as_deref(), &mut units) {
                Ok(id) => Some(id),
                Err(expected) => {
                    bad(h, v, &expected);
                    None
                }
            },
            Some((_, h)) => {
                bad(h, "", "the unit in charge");
                None
            }
            None => None,
        };
        let assigned = date_of(Field::Assigned, &mut bad);
        let due = date_of(Field::Due, &mut bad);
        let completed = date_of(Field::Completed, &mut bad);
        for (field, missing) in [
            (Field::Assigned, assigned.is_none()),
            (Field::Due, due.is_none()),
        ] {
            if let Some((v, h)) = cell(field) {
                if v.is_empty() && missing {
                    bad(h, "", "a date dd/mm/yyyy");
                }
            }
        }
        let document = cell(Field::Document)
            .map(|(v, _)| v.to_owned())
            .filter(|v| !v.is_empty());
        if let Some(doc) = &document {
            if !documents.iter().any(|d| &d.id == doc) {
                documents.push(AssigningDocument {
                    id: doc.clone(),
                    date: None,
                    title: None,
                });
            }
        }
        let (Some(unit), Some(assigned), Some(due)) = (unit, assigned, due) else {
            continue;
        };
        if problems.len() > problems_before {
            continue; // told once, by the cell that could not be read
        }
        let id = match cell(Field::Id) {
            Some((v, _)) if !v.is_empty() => v.to_owned(),
            // Stable across exports of the same task (a quarter later), unlike a row number.
            // 64 bits: 32 would likely collide somewhere in 100k tasks.
            _ => format!("nv-{:016x}", fnv(&format!("{unit}|{assigned}|{title}"))),
        };
        records.push(TaskRecord {
            id,
            title,
            unit,
            document,
            assigned,
            due,
            completed,
        });
        row_of_record.push(number);
    }

    let snapshot = Snapshot {
        format: SNAPSHOT_FORMAT.to_owned(),
        version: 1,
        id: o.id.clone().unwrap_or_else(|| id_from_file(&o.file)),
        as_of: o.as_of,
        title: Text {
            vi: o
                .title
                .clone()
                .unwrap_or_else(|| format!("Nhiệm vụ đến {}", vi_date(o.as_of))),
            en: None,
        },
        jurisdiction: Text {
            vi: o.jurisdiction.clone(),
            en: None,
        },
        data_status: if o.illustrative {
            DataStatus::Illustrative
        } else {
            DataStatus::Official
        },
        notice: None,
        source: Source::named(&o.source),
        units,
        tasks: Some(Tasks {
            assigning_documents: documents,
            records,
            ..Tasks::default()
        }),
        documents: None,
        schemes: Vec::new(),
        growth: None,
    };
    let out_file = o.out.display().to_string();
    let text = serde_json::to_string(&snapshot).map_err(|e| e.to_string())? + "\n";
    let (n, unit_count) = (row_of_record.len(), snapshot.units.len());
    // Validation reads the text: one copy of the tasks at a time.
    drop(snapshot);
    // The widget's own validation of the rows that were read, its problems told by row (a
    // completion before the assignment, a duplicate id…), with the others, in row order.
    if let Err(e) = parse_snapshot(&out_file, text.as_str()) {
        for issue in &e.issues {
            let (row, column) = row_and_field(&issue.path, &row_of_record, header_row, &columns);
            problems.push(Problem {
                row,
                column,
                value: String::new(),
                message: issue.message.clone(),
            });
        }
    }
    problems.sort_by_key(|p| p.row);
    if !problems.is_empty() {
        return Err(report(&file, &problems, o.json));
    }
    std::fs::write(&o.out, text).map_err(|e| format!("{out_file}: {e}"))?;
    println!(
        "{out_file}: {n} tasks from {file} (header at row {}), {unit_count} units",
        header_at + 1
    );
    Ok(())
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut values: HashMap<&str, String> = HashMap::new();
    let (mut illustrative, mut json) = (false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--illustrative" => illustrative = true,
            "--json" => json = true,
            flag @ ("--as-of" | "--out" | "--units" | "--id" | "--title" | "--jurisdiction"
            | "--source") => {
                let value = it
                    .next()
                    .ok_or_else(|| format!("import: {flag} needs a value"))?;
                values.insert(flag, value.clone());
            }
            flag if flag.starts_with('-') => return Err(format!("import: unknown option {flag}")),
            path if file.is_none() => file = Some(PathBuf::from(path)),
            extra => return Err(format!("import: one file at a time, found also {extra}")),
        }
    }
    let mut need = |flag: &str| {
        values
            .remove(flag)
            .ok_or_else(|| format!("import: {flag} is required (snapshot-tool import --help)"))
    };
    let as_of_text = need("--as-of")?;
    let as_of = read_date(&as_of_text)
        .ok_or_else(|| format!("import: --as-of: expected a date, found {as_of_text:?}"))?;
    Ok(Options {
        file: file.ok_or("import: which file? snapshot-tool import TASKS.csv …")?,
        out: PathBuf::from(need("--out")?),
        as_of,
        jurisdiction: need("--jurisdiction")?,
        source: need("--source")?,
        units: values.remove("--units").map(PathBuf::from),
        id: values.remove("--id"),
        title: values.remove("--title"),
        illustrative,
        json,
    })
}

/// A reader of a CSV export: `,` or `;` (whichever the first rows use more), quoted fields,
/// CRLF, rows of any length.
fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let head: String = text.lines().take(HEADER_WITHIN).collect();
    let delimiter = if head.matches(';').count() > head.matches(',').count() {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Every row of a (small) CSV file.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv_reader(text)
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn folded(header: &str) -> String {
    fold(header.trim())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header row (below any title rows) and what each of its columns holds.
fn find_header(rows: &[Vec<String>]) -> Option<(usize, Vec<Option<Field>>)> {
    rows.iter()
        .take(HEADER_WITHIN)
        .enumerate()
        .find_map(|(i, row)| {
            let columns: Vec<Option<Field>> = row
                .iter()
                .map(|h| {
                    let h = folded(h);
                    HEADERS.iter().find(|(name, _)| *name == h).map(|(_, f)| *f)
                })
                .collect();
            REQUIRED
                .iter()
                .all(|(f, _)| columns.contains(&Some(*f)))
                .then_some((i, columns))
        })
}

/// `dd/mm/yyyy`, `d/m/yyyy`, `yyyy-mm-dd`, or an Excel date number (days since 1899-12-30).
fn read_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = Date::parse(t) {
        return Some(d);
    }
    if let [d, m, y] = t.split('/').collect::<Vec<_>>()[..] {
        let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        return Date::from_ymd(y, m, d);
    }
    let serial: u32 = t.parse().ok()?;
    // 1900-01-01 is 1 in Excel; above 60 (its made-up 29/02/1900), days count from 1899-12-30.
    (61..=2_958_465).contains(&serial).then(|| {
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
        let day = epoch.checked_add_days(chrono::Days::new(u64::from(serial)))?;
        Date::parse(&day.format("%Y-%m-%d").to_string())
    })?
}

fn vi_date(d: Date) -> String {
    task_dashboard::format::date(d, task_dashboard::format::Lang::Vi)
}

/// A unit's id: from the unit list when given (by id or name, accents and case aside), else
/// made from its name, its kind from how Vietnamese names begin.
fn unit_id(name: &str, known: Option<&[Unit]>, units: &mut Vec<Unit>) -> Result<String, String> {
    let key = folded(name);
    if let Some(unit) = units
        .iter()
        .find(|u| folded(&u.name.vi) == key || u.id == name)
    {
        return Ok(unit.id.clone());
    }
    let unit = match known {
        Some(list) => list
            .iter()
            .find(|u| folded(&u.name.vi) == key || u.id == name)
            .cloned()
            .ok_or_else(|| "the name or id of a unit of the --units list".to_owned())?,
        None => {
            let kind = unit_kind(&key).ok_or_else(|| {
                "a unit whose kind its name tells (Sở…, Ban…, Huyện…, Thành phố…), or give \
                 --units UNITS.csv (id,name,kind)"
                    .to_owned()
            })?;
            Unit {
                id: id_of(&key),
                name: Text {
                    vi: name.to_owned(),
                    en: None,
                },
                short: None,
                kind,
            }
        }
    };
    let id = unit.id.clone();
    units.push(unit);
    Ok(id)
}

fn unit_kind(folded_name: &str) -> Option<UnitKind> {
    const DEPARTMENTS: [&str; 6] = [
        "so ",
        "ban ",
        "van phong ",
        "thanh tra ",
        "cuc ",
        "bo chi huy ",
    ];
    const LOCALITIES: [&str; 6] = ["ubnd ", "huyen ", "thanh pho ", "thi xa ", "quan ", "xa "];
    if DEPARTMENTS.iter().any(|p| folded_name.starts_with(p)) {
        Some(UnitKind::Department)
    } else if LOCALITIES.iter().any(|p| folded_name.starts_with(p)) {
        Some(UnitKind::Locality)
    } else {
        None
    }
}

/// `id,name,kind` rows (kind `department`/`locality`, or `sở`/`địa phương`), header optional.
fn read_units(path: &Path) -> Result<Vec<Unit>, String> {
    let file = path.display().to_string();
    let bytes = read(path)?;
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
        .map_err(|_| format!("{file}: expected UTF-8 text"))?;
    let mut units = Vec::new();
    for (i, row) in csv_rows(text).into_iter().enumerate() {
        let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
        let [id, name, kind] = cells[..] else {
            return Err(format!("{file}: row {}: expected id,name,kind", i + 1));
        };
        if i == 0 && folded(id) == "id" {
            continue;
        }
        let kind = match folded(kind).as_str() {
            "department" | "so" | "so, ban, nganh" => UnitKind::Department,
            "locality" | "dia phuong" => UnitKind::Locality,
            _ => {
                return Err(format!(
                    "{file}: row {}: expected the kind department or locality, found {kind:?}",
                    i + 1
                ))
            }
        };
        units.push(Unit {
            id: id.to_owned(),
            name: Text {
                vi: name.to_owned(),
                en: None,
            },
            short: None,
            kind,
        });
    }
    Ok(units)
}

/// The spreadsheet row and column header of a validation issue at `tasks.records[i].field`.
fn row_and_field(
    path: &str,
    row_of_record: &[usize],
    header: &[String],
    columns: &[Option<Field>],
) -> (usize, String) {
    let index = path
        .strip_prefix("tasks.records[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse::<usize>().ok());
    let field = match path.rsplit('.').next() {
        Some("completed") => Some(Field::Completed),
        Some("due") => Some(Field::Due),
        Some("assigned") => Some(Field::Assigned),
        Some("id") => Some(Field::Id),
        Some("title") => Some(Field::Title),
        _ => None,
    };
    let column = field
        .and_then(|f| columns.iter().position(|c| *c == Some(f)))
        .and_then(|c| header.get(c))
        .map_or_else(|| path.to_owned(), |h| h.trim().to_owned());
    (
        index
            .and_then(|i| row_of_record.get(i).copied())
            .unwrap_or(0),
        column,
    )
}

fn report(file: &str, problems: &[Problem], as_json: bool) -> String {
    if as_json {
        let list: Vec<_> = problems
            .iter()
            .map(|p| json!({ "file": file, "row": p.row, "column": p.column, "value": p.value, "problem": p.message }))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    }
    let mut text: Vec<String> = problems
        .iter()
        .map(|p| {
            let found = if p.value.is_empty() {
                String::new()
            } else {
                format!(", found {:?}", p.value)
            };
            format!(
                "{file}: row {}, {:?}: {}{found}",
                p.row, p.column, p.message
            )
        })
        .collect();
    text.push(format!(
        "{} rows could not be read; nothing was written",
        problems
            .iter()
            .map(|p| p.row)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    ));
    text.join("\n")
}

fn id_from_file(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    id_of(&folded(&stem))
}

/// An id the widget accepts (`a-z 0-9 -`, up to 64) from folded text: `so-tai-chinh`.
fn id_of(folded: &str) -> String {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-").chars().take(64).collect()
}
