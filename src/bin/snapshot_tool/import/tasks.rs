//! A task list: one row a task (the tracker's export).

use task_dashboard::snapshot::{AssigningDocument, TaskRecord, Tasks, Unit};

use super::map::Map;
use super::reader::Cell;
use super::{folded, unit_id, Context, Header, Output, Problem};
use crate::fnv;

/// What a column holds, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Number,
    Id,
    Title,
    Unit,
    Document,
    Assigned,
    Due,
    Completed,
}

const FIELDS: usize = 8;

impl Field {
    fn index(self) -> usize {
        self as usize
    }
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

pub const REQUIRED: [(Field, &str); 4] = [
    (Field::Title, "Tên nhiệm vụ"),
    (Field::Unit, "Đơn vị chủ trì"),
    (Field::Assigned, "Ngày giao"),
    (Field::Due, "Hạn xử lý"),
];

fn known(header: &str) -> Option<Field> {
    let h = folded(header);
    HEADERS.iter().find(|(name, _)| *name == h).map(|(_, f)| *f)
}

/// The columns of a task list in this header row, if it is one.
pub fn columns(row: &[Cell]) -> Option<Vec<Option<Field>>> {
    let columns: Vec<Option<Field>> = row.iter().map(|h| known(&h.text())).collect();
    REQUIRED
        .iter()
        .all(|(f, _)| columns.contains(&Some(*f)))
        .then_some(columns)
}

/// The header row a map names, and its columns; else every header the map names that is
/// not in the file, with the headers found.
pub fn mapped(
    head: &[(usize, Vec<Cell>)],
    map: &Map,
    place: &impl std::fmt::Display,
) -> Result<(usize, Vec<Option<Field>>), String> {
    let found_in = |row: &[Cell], header: &str| {
        let h = folded(header);
        row.iter().position(|c| folded(&c.text()) == h)
    };
    let matches = |row: &[Cell]| {
        map.columns
            .iter()
            .filter(|(_, _, h)| found_in(row, h).is_some())
            .count()
    };
    let best = head
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, row))| {
            (
                matches(row),
                row.iter().filter(|c| !c.is_empty()).count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i);
    let Some(at) = best else {
        return Err(format!("{place}: no rows"));
    };
    let (number, row) = &head[at];
    let missing: Vec<String> = map
        .columns
        .iter()
        .filter(|(_, _, h)| found_in(row, h).is_none())
        .map(|(key, _, h)| {
            format!(
                "{}: [columns] {key} = {h:?}: no such header in {place}; headers found (row {number}): {}",
                map.file,
                headers_found(row)
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing.join("\n"));
    }
    let mapped_fields: Vec<Field> = map.columns.iter().map(|(_, f, _)| *f).collect();
    let mut columns: Vec<Option<Field>> = row
        .iter()
        .map(|c| known(&c.text()).filter(|f| !mapped_fields.contains(f)))
        .collect();
    for (_, field, header) in &map.columns {
        if let Some(col) = found_in(row, header) {
            columns[col] = Some(*field);
        }
    }
    let unmapped: Vec<String> = REQUIRED
        .iter()
        .filter(|(f, _)| !columns.contains(&Some(*f)))
        .map(|(f, name)| {
            let key = super::map::KEYS
                .iter()
                .find(|(_, k)| k == f)
                .map_or("", |(k, _)| *k);
            format!(
                "{}: no column for {key}: name its header in [columns] (headers found in {place}, row {number}: {}), or head it {name}",
                map.file,
                headers_found(row)
            )
        })
        .collect();
    if !unmapped.is_empty() {
        return Err(unmapped.join("\n"));
    }
    Ok((at, columns))
}

/// The non-empty cells of a header row, quoted, for a message.
fn headers_found(row: &[Cell]) -> String {
    row.iter()
        .filter(|c| !c.is_empty())
        .map(|c| format!("{:?}", c.text()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rows of a task list, read one at a time.
pub struct TaskList<'a> {
    ctx: &'a Context,
    header: Header,
    /// Column of each field, by `Field::index`.
    at: [Option<usize>; FIELDS],
    records: Vec<TaskRecord>,
    row_of_record: Vec<usize>,
    units: Vec<Unit>,
    documents: Vec<AssigningDocument>,
    problems: Vec<Problem>,
}

impl<'a> TaskList<'a> {
    pub fn new(ctx: &'a Context, header: Header, columns: &[Option<Field>]) -> TaskList<'a> {
        let mut at = [None; FIELDS];
        for (col, field) in columns.iter().enumerate() {
            if let Some(f) = field {
                at[f.index()].get_or_insert(col);
            }
        }
        TaskList {
            ctx,
            header,
            at,
            records: Vec::new(),
            row_of_record: Vec::new(),
            units: Vec::new(),
            documents: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn column_name(&self, field: Field) -> String {
        self.at[field.index()].map_or_else(String::new, |c| self.header.name(c))
    }

    pub fn row(&mut self, number: usize, row: &[Cell]) {
        if row.iter().all(Cell::is_empty) {
            return;
        }
        let at = self.at;
        let cell = |field: Field| -> Option<&Cell> {
            let col = at[field.index()]?;
            Some(row.get(col).unwrap_or(&Cell::Empty))
        };
        let problems_before = self.problems.len();
        let mut bad = Vec::new();
        let date_of = |field: Field, bad: &mut Vec<(Field, String, String)>| match cell(field) {
            Some(c) if !c.is_empty() => {
                let d = self.ctx.dates.read(c);
                if d.is_none() {
                    bad.push((field, c.text().into_owned(), self.ctx.dates.expected()));
                }
                d
            }
            _ => None,
        };
        let title = cell(Field::Title)
            .map(|c| c.text().into_owned())
            .unwrap_or_default();
        if title.is_empty() {
            bad.push((Field::Title, String::new(), "the task's title".into()));
        }
        let unit = match cell(Field::Unit) {
            Some(c) if !c.is_empty() => {
                let v = c.text();
                match unit_id(&v, self.ctx.known_units.as_deref(), &mut self.units) {
                    Ok(id) => Some(id),
                    Err(expected) => {
                        bad.push((Field::Unit, v.into_owned(), expected));
                        None
                    }
                }
            }
            Some(_) => {
                bad.push((Field::Unit, String::new(), "the unit in charge".into()));
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
            if cell(field).is_some_and(Cell::is_empty) && missing {
                bad.push((field, String::new(), self.ctx.dates.expected_short()));
            }
        }
        let document = cell(Field::Document)
            .map(|c| c.text().into_owned())
            .filter(|v| !v.is_empty());
        if let Some(doc) = &document {
            if !self.documents.iter().any(|d| &d.id == doc) {
                self.documents.push(AssigningDocument {
                    id: doc.clone(),
                    date: None,
                    title: None,
                });
            }
        }
        let id = cell(Field::Id)
            .map(|c| c.text().into_owned())
            .filter(|v| !v.is_empty());
        for (field, value, expected) in bad {
            self.problems.push(Problem {
                row: number,
                column: self.column_name(field),
                value,
                message: format!("expected {expected}"),
            });
        }
        let (Some(unit), Some(assigned), Some(due)) = (unit, assigned, due) else {
            return;
        };
        if self.problems.len() > problems_before {
            return; // told once, by the cell that could not be read
        }
        // Stable across exports of the same task (a quarter later), unlike a row number.
        // 64 bits: 32 would likely collide somewhere in 100k tasks.
        let id =
            id.unwrap_or_else(|| format!("nv-{:016x}", fnv(&format!("{unit}|{assigned}|{title}"))));
        self.records.push(TaskRecord {
            id,
            title,
            unit,
            document,
            assigned,
            due,
            completed,
        });
        self.row_of_record.push(number);
    }

    pub fn finish(self) -> Output<'a> {
        let n = self.records.len();
        let said = format!(
            "{n} tasks from {}, read as a task list (header at row {}), {} units",
            self.ctx.place,
            self.header.number,
            self.units.len()
        );
        let (header, at, row_of_record) = (self.header, self.at, self.row_of_record);
        Output {
            units: self.units,
            tasks: Some(Tasks {
                assigning_documents: self.documents,
                records: self.records,
                ..Tasks::default()
            }),
            growth: None,
            problems: self.problems,
            said,
            locate: Box::new(move |path: &str| {
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
                    .and_then(|f| at[f.index()])
                    .map_or_else(|| path.to_owned(), |c| header.name(c));
                (
                    index
                        .and_then(|i| row_of_record.get(i).copied())
                        .unwrap_or(0),
                    column,
                )
            }),
        }
    }
}
