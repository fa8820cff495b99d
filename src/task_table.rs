//! The task table: the tasks of the current selection as rows of cells, shown page by page
//! and downloaded whole as CSV. Not a chart: it shares only the [`DataTable`] model.

use crate::chart::{Cell, DataTable};
use crate::format::{self, labels, Lang};
use crate::snapshot::{Date, ValidSnapshot};
use crate::tasks::NO_DOCUMENT;

/// The tasks of the current selection as a table (shown page by page, downloaded whole).
pub fn tasks_table(snap: &ValidSnapshot, rows: &[u32], lang: Lang) -> DataTable {
    let l = labels(lang);
    let headers = [
        l.col_id,
        l.col_title,
        l.col_unit,
        l.col_document,
        l.col_assigned,
        l.col_due,
        l.col_completed,
        l.col_status,
    ];
    DataTable {
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|&i| task_cells(snap, i as usize, lang))
            .collect(),
    }
}

/// One row of the task table.
pub fn task_cells(snap: &ValidSnapshot, i: usize, lang: Lang) -> Vec<Cell> {
    let l = labels(lang);
    let s = snap.snapshot();
    let r = &snap.records()[i];
    let Some(index) = snap.task_index() else {
        return Vec::new();
    };
    let unit = &s.units[usize::from(index.unit[i])];
    let document = match index.document[i] {
        NO_DOCUMENT => String::new(),
        d => s.tasks.as_ref().map_or(String::new(), |t| {
            t.assigning_documents[usize::from(d)].id.clone()
        }),
    };
    let date_cell = |d: Date| Cell::number(format::date(d, lang), d.iso());
    vec![
        Cell::text(r.id.clone()),
        Cell::text(r.title.clone()),
        Cell::text(unit.name.get(lang)),
        Cell::text(document),
        date_cell(r.assigned),
        date_cell(r.due),
        r.completed.map_or(Cell::text(""), date_cell),
        Cell::text(l.status(index.status[i])),
    ]
}
