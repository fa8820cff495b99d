//! The task table: the tasks of the current selection as rows of cells, shown page by page
//! and downloaded whole as CSV. Not a chart: it shares only the [`DataTable`] model.

use crate::chart::{Cell, DataTable};
use crate::format::{self, labels, Lang};
use crate::snapshot::Date;
use crate::tasks::{IndexedSnapshot, NO_DOCUMENT};

/// The tasks of the current selection as a table (shown page by page, downloaded whole).
pub fn tasks_table(snap: &IndexedSnapshot, rows: &[u32], lang: Lang) -> DataTable {
    let labels = labels(lang);
    let headers = [
        labels.col_id,
        labels.col_title,
        labels.col_unit,
        labels.col_document,
        labels.col_assigned,
        labels.col_due,
        labels.col_completed,
        labels.col_status,
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
pub fn task_cells(snap: &IndexedSnapshot, i: usize, lang: Lang) -> Vec<Cell> {
    let labels = labels(lang);
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
        Cell::text(labels.status(index.status[i])),
    ]
}

/// The records fixture: eight tasks of three units, two documents, as of 31 March 2021.
#[cfg(all(test, feature = "records"))]
mod tests {
    use super::*;

    fn fixture() -> IndexedSnapshot {
        let json = include_str!("../tests/fixtures/records-small.json");
        IndexedSnapshot::new(
            crate::snapshot::parse_snapshot("records-small.json", json).expect("the fixture"),
        )
    }

    fn texts(cells: &[Cell]) -> Vec<&str> {
        cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn the_task_table_lists_the_given_rows_in_their_order() {
        let snap = fixture();
        let table = tasks_table(&snap, &[7, 0], Lang::En);
        assert_eq!(
            table.headers,
            [
                "ID",
                "Task",
                "Unit",
                "Assigning document",
                "Assigned",
                "Due",
                "Completed",
                "Status"
            ]
        );
        let ids: Vec<&str> = table.rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(ids, ["T8", "T1"]);
    }

    #[test]
    fn a_task_row_gives_dates_as_read_and_as_iso_dates() {
        let snap = fixture();
        // T3: unit a, document D2, due 15 Feb, completed 1 Mar: late.
        let cells = task_cells(&snap, 2, Lang::En);
        assert_eq!(
            texts(&cells),
            [
                "T3",
                "Chuyển đổi số",
                "Department A",
                "D2",
                "10 Jan 2021",
                "15 Feb 2021",
                "1 Mar 2021",
                "Completed late"
            ]
        );
        let raw: Vec<&str> = cells[4..7].iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raw, ["2021-01-10", "2021-02-15", "2021-03-01"]);
    }

    #[test]
    fn a_task_without_document_or_completion_has_those_cells_empty() {
        let snap = fixture();
        // T5: unit b, no document, due on the day of the snapshot, not completed.
        let cells = task_cells(&snap, 4, Lang::Vi);
        assert_eq!(
            texts(&cells),
            [
                "T5",
                "Phòng, chống dịch Covid-19",
                "Huyện Bình",
                "",
                "01/02/2021",
                "31/03/2021",
                "",
                "Chưa hoàn thành, còn trong hạn"
            ]
        );
    }
}
