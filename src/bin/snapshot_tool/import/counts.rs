//! A table of counts: one row a unit, one column a status (`Đơn vị`, `Tổng số`, `Hoàn thành
//! đúng hạn`…), perhaps a total row (`Tổng cộng`), which must agree with the units' sum.

use task_dashboard::snapshot::{StatusCounts, Tasks, Unit, UnitCounts};

use super::reader::Cell;
use super::{folded, read_count, unit_id, Context, Header, Output, Problem};

/// A status column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    OnTime,
    Late,
    Completed,
    Overdue,
    WithinDeadline,
    NotCompleted,
    Total,
}

/// Status headers, normalised (folded, `,` and `-` as spaces).
const COUNT_HEADERS: &[(&str, Count)] = &[
    ("tong so", Count::Total),
    ("tong", Count::Total),
    ("tong so nhiem vu", Count::Total),
    ("tong so nhiem vu duoc giao", Count::Total),
    ("hoan thanh dung han", Count::OnTime),
    ("da hoan thanh dung han", Count::OnTime),
    ("hoan thanh qua han", Count::Late),
    ("da hoan thanh qua han", Count::Late),
    ("hoan thanh cham", Count::Late),
    ("hoan thanh tre han", Count::Late),
    ("da hoan thanh", Count::Completed),
    ("hoan thanh", Count::Completed),
    ("chua hoan thanh qua han", Count::Overdue),
    ("qua han", Count::Overdue),
    ("dang thuc hien qua han", Count::Overdue),
    ("chua hoan thanh trong han", Count::WithinDeadline),
    ("chua hoan thanh con trong han", Count::WithinDeadline),
    ("con trong han", Count::WithinDeadline),
    ("trong han", Count::WithinDeadline),
    ("dang thuc hien trong han", Count::WithinDeadline),
    ("chua hoan thanh", Count::NotCompleted),
    ("dang thuc hien", Count::NotCompleted),
];

const UNIT_HEADERS: &[&str] = &[
    "don vi",
    "ten don vi",
    "co quan",
    "co quan don vi",
    "don vi chu tri",
    "don vi thuc hien",
    "so ban nganh dia phuong",
];

/// The words of a total row.
const TOTAL_ROW: &[&str] = &["tong cong", "cong", "tong", "tong so", "toan tinh"];

pub const EXAMPLE: &str = "Tổng số, Hoàn thành đúng hạn, Hoàn thành quá hạn, Đã hoàn thành, \
                           Chưa hoàn thành quá hạn, Chưa hoàn thành trong hạn, Chưa hoàn thành";

fn norm(text: &str) -> String {
    folded(&text.replace([',', '-', ':'], " "))
}

pub struct Columns {
    unit: usize,
    counts: Vec<(usize, Count)>,
}

/// The columns of a table of counts in this header row, if it is one: a unit column and at
/// least two status columns.
pub fn columns(row: &[Cell]) -> Option<Columns> {
    let names: Vec<String> = row.iter().map(|c| norm(&c.text())).collect();
    let unit = names
        .iter()
        .position(|n| UNIT_HEADERS.contains(&n.as_str()))?;
    let mut counts: Vec<(usize, Count)> = Vec::new();
    for (col, name) in names.iter().enumerate() {
        if let Some((_, count)) = COUNT_HEADERS.iter().find(|(h, _)| h == name) {
            if !counts.iter().any(|(_, c)| c == count) {
                counts.push((col, *count));
            }
        }
    }
    (counts.len() >= 2).then_some(Columns { unit, counts })
}

pub struct Counts<'a> {
    ctx: &'a Context,
    header: Header,
    columns: Columns,
    units: Vec<Unit>,
    by_unit: Vec<UnitCounts>,
    row_of_unit: Vec<usize>,
    total: Option<(usize, StatusCounts)>,
    problems: Vec<Problem>,
}

fn slot(counts: &mut StatusCounts, count: Count) -> &mut Option<u32> {
    match count {
        Count::OnTime => &mut counts.on_time,
        Count::Late => &mut counts.late,
        Count::Completed => &mut counts.completed,
        Count::Overdue => &mut counts.overdue,
        Count::WithinDeadline => &mut counts.within_deadline,
        Count::NotCompleted => &mut counts.not_completed,
        Count::Total => &mut counts.total,
    }
}

impl<'a> Counts<'a> {
    pub fn new(ctx: &'a Context, header: Header, columns: Columns) -> Counts<'a> {
        Counts {
            ctx,
            header,
            columns,
            units: Vec::new(),
            by_unit: Vec::new(),
            row_of_unit: Vec::new(),
            total: None,
            problems: Vec::new(),
        }
    }

    pub fn row(&mut self, number: usize, row: &[Cell]) {
        if row.iter().all(Cell::is_empty) {
            return;
        }
        let is_count = |col: usize| self.columns.counts.iter().any(|(c, _)| *c == col);
        let is_total = row
            .iter()
            .enumerate()
            .any(|(col, c)| !is_count(col) && TOTAL_ROW.contains(&norm(&c.text()).as_str()));
        let problems_before = self.problems.len();
        let mut counts = StatusCounts::default();
        for &(col, count) in &self.columns.counts {
            let cell = row.get(col).unwrap_or(&Cell::Empty);
            if cell.is_empty() || matches!(cell.text().as_ref(), "-" | "–" | "—") {
                continue;
            }
            match read_count(cell) {
                Some(n) => *slot(&mut counts, count) = Some(n),
                None => self.problems.push(Problem {
                    row: number,
                    column: self.header.name(col),
                    value: cell.text().into_owned(),
                    message: "expected a count (a whole number; 1.523 is read as 1523)".into(),
                }),
            }
        }
        if is_total {
            if let Some((first, _)) = self.total {
                self.problems.push(Problem {
                    row: number,
                    column: self.header.name(self.columns.unit),
                    value: String::new(),
                    message: format!("expected one total row, found another at row {first}"),
                });
            } else {
                self.total = Some((number, counts));
            }
            return;
        }
        let name = row
            .get(self.columns.unit)
            .map(|c| c.text().into_owned())
            .unwrap_or_default();
        let unit = if name.is_empty() {
            Err("the unit's name (or Tổng cộng on the total row)".to_owned())
        } else {
            unit_id(&name, self.ctx.known_units.as_deref(), &mut self.units)
        };
        match unit {
            Ok(unit) if self.problems.len() == problems_before => {
                self.by_unit.push(UnitCounts { unit, counts });
                self.row_of_unit.push(number);
            }
            Ok(_) => {}
            Err(expected) => self.problems.push(Problem {
                row: number,
                column: self.header.name(self.columns.unit),
                value: name,
                message: format!("expected {expected}"),
            }),
        }
    }

    pub fn finish(mut self) -> Output<'a> {
        // The total row against the units' sum, status by status.
        if let Some((row, total)) = &mut self.total {
            for &(col, count) in &self.columns.counts {
                let Some(said) = *slot(total, count) else {
                    continue;
                };
                let parts: Option<Vec<u32>> = self
                    .by_unit
                    .iter_mut()
                    .map(|u| *slot(&mut u.counts, count))
                    .collect();
                let Some(parts) = parts.filter(|p| !p.is_empty()) else {
                    continue;
                };
                let sum: u64 = parts.iter().map(|&n| u64::from(n)).sum();
                if sum != u64::from(said) {
                    self.problems.push(Problem {
                        row: *row,
                        column: self.header.name(col),
                        value: String::new(),
                        message: format!(
                            "the total row says {said} but the {} units above add up to {sum}",
                            parts.len()
                        ),
                    });
                }
            }
        }
        let totals_said = match self.total {
            Some((row, _)) => format!("totals from row {row}"),
            None => "no total row (the widget sums the units)".to_owned(),
        };
        let said = format!(
            "counts of {} units from {}, read as a table of counts by unit and status (header \
             at row {}), {totals_said}",
            self.by_unit.len(),
            self.ctx.place,
            self.header.number,
        );
        let (header, columns, row_of_unit) = (self.header, self.columns, self.row_of_unit);
        let total_row = self.total.map(|(row, _)| row);
        Output {
            units: self.units,
            tasks: Some(Tasks {
                totals: self.total.map(|(_, t)| t),
                by_unit: self.by_unit,
                ..Tasks::default()
            }),
            growth: None,
            problems: self.problems,
            said,
            locate: Box::new(move |path: &str| {
                let row = if path.starts_with("tasks.totals") {
                    total_row
                } else {
                    path.strip_prefix("tasks.by_unit[")
                        .and_then(|rest| rest.split(']').next())
                        .and_then(|i| i.parse::<usize>().ok())
                        .and_then(|i| row_of_unit.get(i).copied())
                };
                let count = match path.rsplit('.').next() {
                    Some("on_time") => Some(Count::OnTime),
                    Some("late") => Some(Count::Late),
                    Some("completed") => Some(Count::Completed),
                    Some("overdue") => Some(Count::Overdue),
                    Some("within_deadline") => Some(Count::WithinDeadline),
                    Some("not_completed") => Some(Count::NotCompleted),
                    Some("total") => Some(Count::Total),
                    _ => None,
                };
                let column = count
                    .and_then(|k| columns.counts.iter().find(|(_, c)| *c == k))
                    .map_or_else(|| header.name(columns.unit), |(col, _)| header.name(*col));
                (row.unwrap_or(0), column)
            }),
        }
    }
}
