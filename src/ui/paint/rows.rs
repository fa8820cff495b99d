//! [`RowsPainter`]: the rows of a table, matched by position.

use web_sys::{HtmlElement, Node};

use super::dom::{append, append_text, attr, element, set_text};
use crate::chart::Cell;

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

struct DrawnTableRow {
    tr: HtmlElement,
    /// Each cell's text and its text node.
    cells: Vec<(String, Node)>,
}

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
        if self.headers != headers {
            // Other columns (or another language): every row is drawn anew.
            for gone in self.rows.drain(..) {
                gone.tr.remove();
            }
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
        for (i, row) in rows.iter().enumerate() {
            match self.rows.get_mut(i) {
                Some(drawn) if drawn.cells.len() == row.len() => {
                    for ((text, node), new) in drawn.cells.iter_mut().zip(row) {
                        if *text != new.text {
                            set_text(node, &new.text);
                            text.clone_from(&new.text);
                        }
                    }
                }
                Some(drawn) => {
                    let fresh = build_table_row(&self.headers, self.row_headers, row);
                    let _ = self.body.replace_child(&fresh.tr, &drawn.tr);
                    *drawn = fresh;
                }
                None => {
                    let fresh = build_table_row(&self.headers, self.row_headers, row);
                    append(&self.body, &fresh.tr);
                    self.rows.push(fresh);
                }
            }
        }
        for gone in self.rows.drain(rows.len().min(self.rows.len())..) {
            gone.tr.remove();
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
