//! `snapshot-tool import FILE --as-of DATE --out SNAPSHOT.json …`: a spreadsheet (CSV, or a
//! sheet of an XLSX workbook) as a snapshot the widget reads. Which kind of table it is is told
//! by its headers, found below any title rows: a task list (one row a task: Vietnamese headers,
//! dd/mm/yyyy or Excel dates), a table of counts by unit and status (with or without a total
//! row), or a growth series (one row a figure). `--map MAP.toml` names the headers of any
//! other task list. A row that cannot be read is never dropped or guessed: every bad row is
//! reported (file, sheet, row as the spreadsheet numbers it, column header, value, what was
//! expected), the exit status is non-zero and nothing is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::json;
use task_dashboard::snapshot::{
    parse_snapshot, DataStatus, Date, Growth, Snapshot, Source, Tasks, Text, Unit, UnitKind,
    SNAPSHOT_FORMAT,
};
use task_dashboard::text::fold;

use super::read;

#[path = "import/counts.rs"]
mod counts;
#[path = "import/growth.rs"]
mod growth;
#[path = "import/map.rs"]
mod map;
#[path = "import/read.rs"]
mod reader;
#[path = "import/tasks.rs"]
mod tasks;

use reader::{Cell, Place};

/// Rows searched for the header, below the export's title rows.
pub(super) const HEADER_WITHIN: usize = 30;

/// One row that could not be read.
struct Problem {
    row: usize,
    column: String,
    value: String,
    /// "expected …" (what a cell should hold), or validation's own words.
    message: String,
}

/// What every table's reader is given.
struct Context {
    place: Place,
    known_units: Option<Vec<Unit>>,
    dates: DateFormat,
    /// `--indicator`: the growth indicator's name.
    indicator: Option<String>,
}

/// The header row: its number as the spreadsheet shows it, and its cells as text.
struct Header {
    number: usize,
    names: Vec<String>,
}

impl Header {
    fn new(number: usize, row: &[Cell]) -> Header {
        Header {
            number,
            names: row.iter().map(|c| c.text().into_owned()).collect(),
        }
    }

    /// A column's header as the file writes it.
    fn name(&self, col: usize) -> String {
        self.names.get(col).cloned().unwrap_or_default()
    }
}

/// The row and column header of a validation issue, from its JSON path.
type Locate<'a> = Box<dyn Fn(&str) -> (usize, String) + 'a>;

/// What a table's reader made of it.
struct Output<'a> {
    units: Vec<Unit>,
    tasks: Option<Tasks>,
    growth: Option<Growth>,
    problems: Vec<Problem>,
    /// For the success message: "4 tasks from …, read as a task list (header at row 4) …".
    said: String,
    /// The row and column header of a validation issue's JSON path.
    locate: Locate<'a>,
}

/// The kinds of table, each with its reader.
enum Table<'a> {
    Tasks(tasks::TaskList<'a>),
    Counts(counts::Counts<'a>),
    Growth(growth::Series<'a>),
}

impl<'a> Table<'a> {
    fn row(&mut self, number: usize, cells: &[Cell]) {
        match self {
            Table::Tasks(t) => t.row(number, cells),
            Table::Counts(t) => t.row(number, cells),
            Table::Growth(t) => t.row(number, cells),
        }
    }

    fn finish(self) -> Output<'a> {
        match self {
            Table::Tasks(t) => t.finish(),
            Table::Counts(t) => t.finish(),
            Table::Growth(t) => t.finish(),
        }
    }
}

/// The header (within the first rows) and the kind of table it heads.
fn detect<'a>(
    ctx: &'a Context,
    map: Option<&map::Map>,
    head: &[(usize, Vec<Cell>)],
) -> Result<(usize, Table<'a>), String> {
    if let Some(map) = map {
        let (at, columns) = tasks::mapped(head, map, &ctx.place)?;
        let header = Header::new(head[at].0, &head[at].1);
        return Ok((
            at,
            Table::Tasks(tasks::TaskList::new(ctx, header, &columns)),
        ));
    }
    for (at, (number, row)) in head.iter().enumerate() {
        let header = || Header::new(*number, row);
        if let Some(columns) = tasks::columns(row) {
            return Ok((
                at,
                Table::Tasks(tasks::TaskList::new(ctx, header(), &columns)),
            ));
        }
        if let Some(columns) = counts::columns(row) {
            return Ok((
                at,
                Table::Counts(counts::Counts::new(ctx, header(), columns)),
            ));
        }
        if let Some(columns) = growth::columns(row) {
            return Ok((
                at,
                Table::Growth(growth::Series::new(ctx, header(), columns)),
            ));
        }
    }
    Err(format!(
        "{}: no header row found in the first {HEADER_WITHIN} rows: expected the columns {} \
         (and optionally Mã nhiệm vụ, Văn bản giao, Ngày hoàn thành), or give --map MAP.toml; \
         or a table of counts by unit (Đơn vị and {}); or a growth series ({})",
        ctx.place,
        tasks::REQUIRED.map(|(_, name)| name).join(", "),
        counts::EXAMPLE,
        growth::EXAMPLE,
    ))
}

/// Rows in: the first ones held until the header is found, then each handed to the table.
struct Intake<'a> {
    ctx: &'a Context,
    map: Option<&'a map::Map>,
    head: Vec<(usize, Vec<Cell>)>,
    table: Option<Table<'a>>,
}

impl<'a> Intake<'a> {
    fn row(&mut self, number: usize, cells: Vec<Cell>) -> Result<(), String> {
        if let Some(table) = &mut self.table {
            table.row(number, &cells);
            return Ok(());
        }
        self.head.push((number, cells));
        if self.head.len() == HEADER_WITHIN {
            self.start()?;
        }
        Ok(())
    }

    fn start(&mut self) -> Result<(), String> {
        let head = std::mem::take(&mut self.head);
        let (at, mut table) = detect(self.ctx, self.map, &head)?;
        for (number, cells) in head.into_iter().skip(at + 1) {
            table.row(number, &cells);
        }
        self.table = Some(table);
        Ok(())
    }

    fn finish(mut self) -> Result<Table<'a>, String> {
        if self.table.is_none() {
            self.start()?;
        }
        self.table.ok_or_else(|| "no table".to_owned())
    }
}

struct Options {
    file: PathBuf,
    out: PathBuf,
    as_of: Date,
    /// The first day the task counts cover (`tasks.period_start`).
    period_start: Option<Date>,
    units: Option<PathBuf>,
    map: Option<PathBuf>,
    sheet: Option<String>,
    id: Option<String>,
    title: Option<String>,
    indicator: Option<String>,
    jurisdiction: String,
    source: String,
    illustrative: bool,
    json: bool,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    let map = o.map.as_deref().map(map::read_map).transpose()?;
    let known_units = match &o.units {
        Some(path) => Some(read_units(path)?),
        None => None,
    };
    let (source, place) = reader::open(&o.file, o.sheet.as_deref())?;
    let ctx = Context {
        place,
        known_units,
        dates: map
            .as_ref()
            .and_then(|m| m.dates.clone())
            .unwrap_or_default(),
        indicator: o.indicator.clone(),
    };
    let mut intake = Intake {
        ctx: &ctx,
        map: map.as_ref(),
        head: Vec::new(),
        table: None,
    };
    source.rows(&ctx.place, &mut |number, cells| intake.row(number, cells))?;
    let Output {
        units,
        tasks,
        growth,
        mut problems,
        said,
        locate,
    } = intake.finish()?.finish();
    let tasks = tasks.map(|t| Tasks {
        period_start: o.period_start,
        ..t
    });

    let snapshot = Snapshot {
        format: SNAPSHOT_FORMAT.to_owned(),
        version: 1,
        id: o.id.clone().unwrap_or_else(|| id_from_file(&o.file)),
        as_of: o.as_of,
        title: Text {
            vi: o.title.clone().unwrap_or_else(|| {
                if growth.is_some() {
                    format!("Tăng trưởng kinh tế đến {}", vi_date(o.as_of))
                } else {
                    format!("Nhiệm vụ đến {}", vi_date(o.as_of))
                }
            }),
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
        tasks,
        documents: None,
        schemes: Vec::new(),
        growth,
    };
    let out_file = o.out.display().to_string();
    let text = serde_json::to_string(&snapshot).map_err(|e| e.to_string())? + "\n";
    // Validation reads the text: one copy of the tasks at a time.
    drop(snapshot);
    // The widget's own validation of the rows that were read, its problems told by row (a
    // completion before the assignment, a duplicate id…), with the others, in row order.
    if let Err(e) = parse_snapshot(&out_file, text.as_str()) {
        for issue in &e.issues {
            let (row, column) = locate(&issue.path);
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
        return Err(report(&ctx.place, &problems, o.json));
    }
    std::fs::write(&o.out, text).map_err(|e| format!("{out_file}: {e}"))?;
    println!("{out_file}: {said}");
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
            flag @ ("--as-of" | "--period-start" | "--out" | "--units" | "--map" | "--sheet"
            | "--id" | "--title" | "--indicator" | "--jurisdiction" | "--source") => {
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
    let period_start =
        match values.remove("--period-start") {
            None => None,
            Some(text) => Some(read_date(&text).ok_or_else(|| {
                format!("import: --period-start: expected a date, found {text:?}")
            })?),
        };
    let mut need = |flag: &str| {
        values
            .remove(flag)
            .ok_or_else(|| format!("import: {flag} is required (snapshot-tool import --help)"))
    };
    let as_of_text = need("--as-of")?;
    let as_of = read_date(&as_of_text)
        .ok_or_else(|| format!("import: --as-of: expected a date, found {as_of_text:?}"))?;
    if let Some(start) = period_start.filter(|start| *start > as_of) {
        return Err(format!(
            "import: --period-start ({start}) is after --as-of ({as_of}): the period the counts \
             cover ends at --as-of"
        ));
    }
    Ok(Options {
        file: file.ok_or("import: which file? snapshot-tool import TASKS.csv …")?,
        out: PathBuf::from(need("--out")?),
        as_of,
        period_start,
        jurisdiction: need("--jurisdiction")?,
        source: need("--source")?,
        units: values.remove("--units").map(PathBuf::from),
        map: values.remove("--map").map(PathBuf::from),
        sheet: values.remove("--sheet"),
        id: values.remove("--id"),
        title: values.remove("--title"),
        indicator: values.remove("--indicator"),
        illustrative,
        json,
    })
}

fn folded(header: &str) -> String {
    fold(header.trim())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How dates written as text are read: the default (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, an
/// Excel date number), or the one order a map gives.
#[derive(Clone, Debug, Default)]
pub(super) struct DateFormat {
    /// (positions of day, month, year; separator; the format as written), from a map.
    given: Option<([usize; 3], char, String)>,
}

impl DateFormat {
    /// `dd/mm/yyyy`, `mm/dd/yyyy`, `yyyy-mm-dd`, `dd.mm.yyyy`… (any order, one separator).
    fn parse(format: &str) -> Option<DateFormat> {
        let f = format.trim().to_ascii_lowercase();
        let sep = f.chars().find(|c| !c.is_ascii_alphabetic())?;
        let parts: Vec<&str> = f.split(sep).collect();
        let [a, b, c] = parts[..] else { return None };
        let pos = |letter: char| {
            [a, b, c]
                .iter()
                .position(|p| !p.is_empty() && p.chars().all(|ch| ch == letter) && p.len() <= 4)
        };
        let order = [pos('d')?, pos('m')?, pos('y')?];
        Some(DateFormat {
            given: Some((order, sep, f.clone())),
        })
    }

    fn read(&self, cell: &Cell) -> Option<Date> {
        match cell {
            Cell::Date(d) => Some(*d),
            Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 => excel_date(*n as u64),
            Cell::Number(_) | Cell::Empty => None,
            Cell::Text(t) => match &self.given {
                None => read_date(t),
                Some((order, sep, _)) => {
                    let t = t.trim();
                    let parts: Vec<&str> = t.split(*sep).collect();
                    if parts.len() != 3 {
                        return t.parse().ok().and_then(excel_date);
                    }
                    let [d, m, y] = order.map(|i| parts[i]);
                    if y.len() != 4 {
                        return None;
                    }
                    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                }
            },
        }
    }

    fn expected(&self) -> String {
        match &self.given {
            None => "a date dd/mm/yyyy (or yyyy-mm-dd, or an Excel date number)".to_owned(),
            Some((_, _, written)) => format!("a date {written} (or an Excel date)"),
        }
    }

    fn expected_short(&self) -> String {
        match &self.given {
            None => "a date dd/mm/yyyy".to_owned(),
            Some((_, _, written)) => format!("a date {written}"),
        }
    }
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
    excel_date(t.parse().ok()?)
}

/// An Excel date number as a date.
fn excel_date(serial: u64) -> Option<Date> {
    // 1900-01-01 is 1 in Excel; above 60 (its made-up 29/02/1900), days count from 1899-12-30.
    (61..=2_958_465).contains(&serial).then(|| {
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
        let day = epoch.checked_add_days(chrono::Days::new(serial))?;
        Date::parse(&day.format("%Y-%m-%d").to_string())
    })?
}

/// A count as a report writes it: `1523`, `1.523` or `1,523` (thousands), `1 523`; an Excel
/// number that is a whole number.
fn read_count(cell: &Cell) -> Option<u32> {
    match cell {
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX) => {
            Some(*n as u32)
        }
        Cell::Text(t) => {
            let t = t.trim();
            let groups: Vec<&str> = t.split(['.', ',', ' ', '\u{a0}']).collect();
            let grouped = groups.len() == 1
                || (!groups[0].is_empty()
                    && groups[0].len() <= 3
                    && groups[1..].iter().all(|g| g.len() == 3));
            if !grouped || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            groups.concat().parse().ok()
        }
        _ => None,
    }
}

fn vi_date(d: Date) -> String {
    task_dashboard::format::date(d, task_dashboard::format::Lang::Vi)
}

/// A unit's id: from the unit list when given (by id or name, accents and case aside), else
/// made from its name, its kind from how Vietnamese names begin.
pub(super) fn unit_id(
    name: &str,
    known: Option<&[Unit]>,
    units: &mut Vec<Unit>,
) -> Result<String, String> {
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
    let rows = reader::csv_reader(text).into_records().map(|r| {
        r.map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    for (i, row) in rows.enumerate() {
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

/// Every problem, one line each (and with --json, the list on stdout).
fn report(place: &Place, problems: &[Problem], as_json: bool) -> String {
    if as_json {
        let list: Vec<_> = problems
            .iter()
            .map(|p| {
                let mut o = json!({ "file": place.file, "row": p.row, "column": p.column, "value": p.value, "problem": p.message });
                if let Some(sheet) = &place.sheet {
                    o["sheet"] = json!(sheet);
                }
                o
            })
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
                "{place}: row {}, {:?}: {}{found}",
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
