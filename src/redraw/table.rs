//! The redraw plan of a table's rows ([`plan`]), executed by `ui::paint::RowsPainter`.
//!
//! Rows are matched by position: a sort or a page change rewrites the texts of the rows in
//! place (a table row has no identity a reader could follow, and only one page is drawn).
//! Only the cells whose text changed are written.

use std::ops::Range;

use crate::chart::Cell;

/// A table row as a painter drew it: its element (`E`) and each cell's text with its text
/// node (`N`); nothing in tests.
pub struct Drawn<E, N> {
    pub tr: E,
    pub cells: Vec<(String, N)>,
}

/// What a painter does to bring its drawn rows to new ones, in this order: the rows of `gone`
/// leave the page, the column headers are written if they changed, then each new row is made.
#[derive(Debug, PartialEq)]
pub struct Plan {
    /// Other columns (or another language): the header row is written again, every drawn row
    /// leaves and every row is drawn anew.
    pub headers: bool,
    /// Indices of the drawn rows that leave the page: those past the new ones, or all.
    pub gone: Range<usize>,
    /// One step per new row, in order: new row `i` is drawn row `i`, if any.
    pub rows: Vec<Step>,
}

#[derive(Debug, PartialEq)]
pub enum Step {
    /// The drawn row already shows it.
    Keep,
    /// The texts of the cells that differ ([`changed`]) are written in place.
    Update,
    /// Another number of cells: a new row in the drawn one's place.
    Rebuild,
    /// Built and added at the end.
    Append,
}

/// The plan that brings `drawn` rows under `drawn_headers` to `rows` under `headers`.
pub fn plan<E, N>(
    drawn_headers: &[String],
    drawn: &[Drawn<E, N>],
    headers: &[String],
    rows: &[Vec<Cell>],
) -> Plan {
    let redrawn = drawn_headers != headers;
    let kept = if redrawn {
        0
    } else {
        drawn.len().min(rows.len())
    };
    let steps = rows
        .iter()
        .enumerate()
        .map(|(i, row)| match drawn[..kept].get(i) {
            Some(d) if d.cells.len() != row.len() => Step::Rebuild,
            Some(d) if (d.cells.iter().zip(row)).any(|((old, _), new)| changed(old, new)) => {
                Step::Update
            }
            Some(_) => Step::Keep,
            None => Step::Append,
        });
    Plan {
        headers: redrawn,
        gone: kept..drawn.len(),
        rows: steps.collect(),
    }
}

/// Whether a cell drawn with the text `old` must be written to show `new`.
pub fn changed(old: &str, new: &Cell) -> bool {
    old != new.text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(texts: &[&str]) -> Vec<Vec<Cell>> {
        (texts.iter())
            .map(|row| row.split(' ').map(Cell::text).collect())
            .collect()
    }

    fn drawn(texts: &[&str]) -> Vec<Drawn<(), ()>> {
        (rows(texts).into_iter())
            .map(|row| Drawn {
                tr: (),
                cells: row.into_iter().map(|c| (c.text, ())).collect(),
            })
            .collect()
    }

    /// The plan from `old` rows (cells split at spaces) under headers `a b` to `new` under
    /// `headers`, one line a step.
    fn check(old: &[&str], headers: &str, new: &[&str], expected: &[&str]) {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let (old, new) = (drawn(old), rows(new));
        let plan = plan(&words("a b"), &old, &words(headers), &new);
        let mut lines = Vec::new();
        if plan.headers {
            lines.push("headers".to_owned());
        }
        lines.extend(plan.gone.clone().map(|i| format!("remove {i}")));
        for (i, step) in plan.rows.iter().enumerate() {
            lines.push(match step {
                Step::Keep => format!("{i}: keep"),
                Step::Update => {
                    let (old, new) = (&old[i].cells, &new[i]);
                    let cells = (0..new.len()).filter(|&c| changed(&old[c].0, &new[c]));
                    format!("{i}: update cells {:?}", cells.collect::<Vec<_>>())
                }
                Step::Rebuild => format!("{i}: rebuild"),
                Step::Append => format!("{i}: append"),
            });
        }
        assert_eq!(lines, expected);
    }

    #[test]
    fn the_same_rows_need_nothing() {
        check(
            &["1 x", "2 y"],
            "a b",
            &["1 x", "2 y"],
            &["0: keep", "1: keep"],
        );
    }

    #[test]
    fn only_the_cells_whose_text_changed_are_written() {
        let expected = ["0: update cells [1]", "1: update cells [0, 1]"];
        check(&["1 x", "2 y"], "a b", &["1 z", "3 w"], &expected);
    }

    #[test]
    fn rows_are_matched_by_position_not_by_content() {
        // A sort: the drawn rows take the texts of the rows now at their places.
        let expected = ["0: update cells [0, 1]", "1: update cells [0, 1]"];
        check(&["1 x", "2 y"], "a b", &["2 y", "1 x"], &expected);
    }

    #[test]
    fn a_row_of_another_number_of_cells_is_rebuilt() {
        check(
            &["1 x", "2 y"],
            "a b",
            &["1 x", "2"],
            &["0: keep", "1: rebuild"],
        );
    }

    #[test]
    fn more_rows_are_appended_and_fewer_removed_from_the_end() {
        let expected = ["0: keep", "1: append", "2: append"];
        check(&["1 x"], "a b", &["1 x", "2 y", "3 z"], &expected);
        let expected = ["remove 1", "remove 2", "0: keep"];
        check(&["1 x", "2 y", "3 z"], "a b", &["1 x"], &expected);
    }

    #[test]
    fn other_headers_draw_every_row_anew() {
        let expected = ["headers", "remove 0", "remove 1", "0: append", "1: append"];
        check(&["1 x", "2 y"], "a c", &["1 x", "2 y"], &expected);
    }
}
