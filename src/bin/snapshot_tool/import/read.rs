//! The readers of `import`: a CSV export or one sheet of an XLSX workbook, both handed one row
//! at a time (numbered as the spreadsheet numbers it) to the same consumer, with a progress bar
//! on stderr for long files (hidden when stderr is not a terminal).

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};
use indicatif::{ProgressBar, ProgressStyle};
use task_dashboard::snapshot::Date;

use super::folded;
use crate::read;

/// One cell: text as the file has it, or a typed value of a workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell of a date type (its time of day, if any, left aside).
    Date(Date),
}

impl Cell {
    /// The cell as a person reads it (trimmed); an Excel date as dd/mm/yyyy.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) => Cow::Borrowed(t.trim()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                Cow::Owned(format!("{}", *n as i64))
            }
            Cell::Number(n) => Cow::Owned(n.to_string()),
            Cell::Date(d) => Cow::Owned(format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// Where rows come from: the file, and for a workbook the sheet.
pub struct Place {
    pub file: String,
    pub sheet: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{}, sheet {sheet:?}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// An opened export, ready to hand out its rows.
pub enum Source {
    Csv { bytes: Vec<u8> },
    Xlsx { book: Box<Xlsx<BufReader<File>>> },
}

/// Rows between two updates of the progress bar (its cost stays out of the loop).
const PROGRESS_EVERY: usize = 4096;

/// Opens a `.xlsx`/`.xlsm` workbook (the sheet named, else the first) or a CSV file.
pub fn open(path: &Path, sheet: Option<&str>) -> Result<(Source, Place), String> {
    let file = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => {
            let book: Xlsx<_> = calamine::open_workbook(path)
                .map_err(|e| format!("{file}: cannot read as an XLSX workbook: {e}"))?;
            let names = book.sheet_names();
            let name = match sheet {
                None => names.first().cloned().ok_or(format!("{file}: no sheets"))?,
                Some(wanted) => names
                    .iter()
                    .find(|n| *n == wanted)
                    .or_else(|| names.iter().find(|n| folded(n) == folded(wanted)))
                    .cloned()
                    .ok_or_else(|| {
                        format!(
                            "{file}: no sheet {wanted:?}; its sheets: {}",
                            names
                                .iter()
                                .map(|n| format!("{n:?}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })?,
            };
            let place = Place {
                file,
                sheet: Some(name),
            };
            Ok((
                Source::Xlsx {
                    book: Box::new(book),
                },
                place,
            ))
        }
        "xls" | "xlsb" | "ods" => Err(format!(
            "{file}: expected CSV (UTF-8) or XLSX; save the workbook as .xlsx"
        )),
        _ => {
            if sheet.is_some() {
                return Err(format!(
                    "{file}: --sheet is for XLSX workbooks; this is read as CSV"
                ));
            }
            let bytes = read(path)?;
            Ok((Source::Csv { bytes }, Place { file, sheet: None }))
        }
    }
}

impl Source {
    /// Hands every row, with its number as the spreadsheet shows it (1-based, title rows
    /// included), to `row`; stops at its first error.
    pub fn rows(
        self,
        place: &Place,
        row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), String>,
    ) -> Result<(), String> {
        match self {
            Source::Csv { bytes } => csv_rows(place, &bytes, row),
            Source::Xlsx { mut book } => xlsx_rows(place, &mut book, row),
        }
    }
}

fn progress(total: u64) -> ProgressBar {
    // The default draw target is stderr, hidden when it is not a terminal (tests, pipes).
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {percent:>3}% {msg}") {
        bar.set_style(style);
    }
    bar
}

fn csv_rows(
    place: &Place,
    bytes: &[u8],
    row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), String>,
) -> Result<(), String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| format!("{place}: expected UTF-8 text (save the CSV as UTF-8): {e}"))?;
    let mut reader = csv_reader(text);
    let bar = progress(text.len() as u64);
    let mut record = csv::StringRecord::new();
    let mut index = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(format!("{place}: row {}: {e}", index + 1)),
        }
        index += 1;
        if index % PROGRESS_EVERY == 0 {
            bar.set_position(reader.position().byte());
        }
        row(
            index,
            record.iter().map(|c| Cell::Text(c.to_owned())).collect(),
        )?;
    }
    bar.finish_and_clear();
    Ok(())
}

/// A reader of a CSV export: `,` or `;` (whichever the first rows use more), quoted fields,
/// CRLF, rows of any length.
pub fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let head: String = text.lines().take(super::HEADER_WITHIN).collect();
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

fn xlsx_rows(
    place: &Place,
    book: &mut Xlsx<BufReader<File>>,
    row: &mut dyn FnMut(usize, Vec<Cell>) -> Result<(), String>,
) -> Result<(), String> {
    let sheet = place.sheet.as_deref().unwrap_or_default();
    let mut cells = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| format!("{place}: cannot read: {e}"))?;
    let bar = progress(u64::from(cells.dimensions().end.0) + 1);
    // Cells come in row order; a row is handed on when the next one starts.
    let mut current: Option<(u32, Vec<Cell>)> = None;
    let mut count = 0;
    loop {
        let next = cells
            .next_cell()
            .map_err(|e| format!("{place}: cannot read: {e}"))?;
        let Some(cell) = next else { break };
        let (r, c) = cell.get_position();
        let value = typed(cell.get_value());
        if current.as_ref().is_some_and(|(at, _)| *at != r) {
            if let Some((at, done)) = current.take() {
                count += 1;
                if count % PROGRESS_EVERY == 0 {
                    bar.set_position(u64::from(at));
                }
                row(at as usize + 1, done)?;
            }
        }
        if value == Cell::Empty {
            continue;
        }
        let (_, line) = current.get_or_insert_with(|| (r, Vec::new()));
        let c = c as usize;
        if line.len() <= c {
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = value;
    }
    if let Some((at, done)) = current {
        row(at as usize + 1, done)?;
    }
    bar.finish_and_clear();
    Ok(())
}

/// A workbook's cell as the importer reads it.
fn typed(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cell::Text(s.clone())
        }
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::from_ymd(i32::from(y), u32::from(m), u32::from(d))
                .map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}
