//! [`RowsPainter`]: the rows of a table, matched by position, redrawn as
//! [`crate::redraw::table::plan`] says.

use web_sys::{HtmlElement, Node};

use super::dom::{append, append_text, attr, element, set_text};
use crate::chart::Cell;
use crate::redraw::table::{changed, plan, Drawn, Step};

/// Draws table rows into a `<tbody>`: each row's cells, with the column header as
/// `data-label` (the narrow-screen layout shows it before the value). With `row_headers`, the
/// first cell of a row is a `<th scope="row">`. With a `header_row` (a `<tr>` of the
/// `<thead>`), it draws the column headers there too, when they change.
pub struct RowsPainter {
    body: HtmlElement,
    row_headers: bool,
    header_row: Option<HtmlElement>,
    headers: Vec<String>,
    rows: Vec<DrawnTableRow>,
}

/// A `<tr>`, with each cell's text and its text node.
type DrawnTableRow = Drawn<HtmlElement, Node>;

impl RowsPainter {
    pub fn new(
        body: HtmlElement,
        row_headers: bool,
        header_row: Option<HtmlElement>,
    ) -> RowsPainter {
        RowsPainter {
            body,
            row_headers,
            header_row,
            headers: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Brings the body to `rows`, touching only the cells whose text changed.
    pub fn paint(&mut self, headers: &[String], rows: &[Vec<Cell>]) {
        let plan = plan(&self.headers, &self.rows, headers, rows);
        for gone in self.rows.drain(plan.gone) {
            gone.tr.remove();
        }
        if plan.headers {
            // Other columns (or another language): every row is drawn anew.
            self.headers = headers.to_vec();
            if let Some(tr) = &self.header_row {
                tr.set_text_content(None);
                for header in headers {
                    let th = element("th", "");
                    attr(&th, "scope", "col");
                    append_text(&th, header);
                    append(tr, &th);
                }
            }
        }
        for (i, (step, row)) in plan.rows.into_iter().zip(rows).enumerate() {
            match (step, self.rows.get_mut(i)) {
                (Step::Update, Some(drawn)) => {
                    for ((text, node), new) in drawn.cells.iter_mut().zip(row) {
                        if changed(text, new) {
                            set_text(node, &new.text);
                            text.clone_from(&new.text);
                        }
                    }
                }
                (Step::Rebuild, Some(drawn)) => {
                    let fresh = build_table_row(&self.headers, self.row_headers, row);
                    let _ = self.body.replace_child(&fresh.tr, &drawn.tr);
                    *drawn = fresh;
                }
                (Step::Append, _) => {
                    let fresh = build_table_row(&self.headers, self.row_headers, row);
                    append(&self.body, &fresh.tr);
                    self.rows.push(fresh);
                }
                _ => {}
            }
        }
    }
}

fn build_table_row(headers: &[String], row_headers: bool, row: &[Cell]) -> DrawnTableRow {
    let tr = element("tr", "");
    let cells = row
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let el = if c == 0 && row_headers {
                let th = element("th", "");
                attr(&th, "scope", "row");
                th
            } else {
                element("td", "")
            };
            if let Some(header) = headers.get(c) {
                attr(&el, "data-label", header);
            }
            append(&tr, &el);
            (cell.text.clone(), append_text(&el, &cell.text))
        })
        .collect();
    DrawnTableRow { tr, cells }
}
