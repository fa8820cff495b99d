//! Charts as data: what each bar, segment, marker, legend entry and table cell says and where
//! it sits (as fractions of the plot width). Built from validated figures, drawn twice:
//! on screen by `ui::chart` (HTML, accessible and responsive) and to a file by [`svg`].
//! CSV downloads come from the same [`DataTable`] the screen shows.
//!
//! One builder a file, each from validated figures to a [`BarChart`] in the reader's language:
//! `status.rs`, `units.rs`, `documents.rs`, `schemes.rs`, `growth.rs` (with its value axis);
//! beside them the headline figures (`headline.rs`) and a source as one line (`source.rs`).
//! `rows.rs` holds what several builders share.

mod changes;
pub mod csv;
mod documents;
mod growth;
mod headline;
pub mod parts;
mod rows;
mod schemes;
pub mod series;
mod source;
mod status;
pub mod svg;
mod units;

pub use changes::{changes_view, ChangeRow, ChangesView};
pub use documents::documents_chart;
pub use growth::{growth_chart, growth_chart_of};
pub use headline::{headline, Headline};
pub use schemes::schemes_chart;
pub use source::source_line;
pub use status::{status_chart, status_choices, Reported, StatusChoice};
pub use units::{unit_chart, UnitSort, UNIT_ROWS};

use crate::tasks::Status;

/// A bar chart: horizontal bars, or, for a time series of one kind of period, columns
/// ([`BarChart::columns`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// Stable name: DOM ids, file names of downloads (`status`, `units`, ...).
    pub id: &'static str,
    pub title: String,
    /// Period or date the chart describes.
    pub subtitle: String,
    pub rows: Vec<BarRow>,
    pub legend: Vec<LegendEntry>,
    /// Tick marks under the plot (growth chart); empty for charts labelled by value.
    pub ticks: Vec<Tick>,
    /// Statuses emphasised by style rather than in the rows (unit chart): changing the status
    /// filter then restyles the bars instead of redrawing them.
    pub highlight: crate::tasks::StatusSet,
    /// Text alternative in the current language.
    pub summary: String,
    pub table: DataTable,
    /// Set when the chart has more rows than it draws by default ([`BarChart::limit_rows`]).
    pub row_limit: Option<RowLimit>,
    /// Drawn as columns: each row a column, in time order left to right, its segments and
    /// markers placed up the value axis (`bottom`, `height`) instead of across it; the axis
    /// stands on the left. Set by the growth chart for years or quarters alone.
    pub columns: bool,
}

/// How many of a long chart's rows are drawn. The data table always lists them all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowLimit {
    /// Rows drawn (the first ones, and any selected row further down).
    pub shown: usize,
    pub total: usize,
    /// Rows drawn by default, when the reader has not asked for all of them.
    pub default: usize,
    /// "Showing 10 of 33 units." (set by the chart's builder).
    pub note: String,
    /// What the button says: "Show all 33 units", or "Show the first 10 only".
    pub toggle: String,
    /// What the button does (set by the chart's builder; no button without it).
    pub action: Option<Action>,
}

impl RowLimit {
    /// Every row is drawn: the button offers the first ones again.
    pub fn all_drawn(&self) -> bool {
        self.shown == self.total
    }
}

impl BarChart {
    /// A chart without ticks (the growth chart pushes its own), emphasis
    /// ([`BarChart::emphasise`]) or row limit ([`BarChart::limit_rows`]).
    ///
    /// The legend is an argument, not a `with_legend`: replacing a field's empty `Vec` still
    /// compiles its drop, and `with_legend`/`with_ticks` made the core's WASM 0.1 KB gzip larger.
    pub fn new(
        id: &'static str,
        title: String,
        subtitle: String,
        rows: Vec<BarRow>,
        legend: Vec<LegendEntry>,
        summary: String,
        table: DataTable,
    ) -> BarChart {
        BarChart {
            id,
            title,
            subtitle,
            rows,
            legend,
            ticks: Vec::new(),
            highlight: crate::tasks::StatusSet::EMPTY,
            summary,
            table,
            row_limit: None,
            columns: false,
        }
    }

    /// Emphasises the statuses of a status filter: the others fade on the bars (`highlight`)
    /// and their legend entries are pressed. (The view applies a status toggle to the unit
    /// chart by itself, with `data-statuses` and its legend's `emphasis`, without a rebuild.)
    pub fn emphasise(&mut self, statuses: crate::tasks::StatusSet) {
        self.highlight = statuses;
        for entry in &mut self.legend {
            if let Series::Status(status) = entry.series {
                entry.selected = statuses.contains(status);
            }
        }
    }

    /// Draws only the first `n` rows (and the selected ones wherever they rank) unless `all`;
    /// records the limit in [`BarChart::row_limit`] when there are more than `n` rows, so the
    /// view can offer to show them all, or the first `n` again.
    pub fn limit_rows(&mut self, n: usize, all: bool) {
        let total = self.rows.len();
        if total <= n {
            self.row_limit = None;
            return;
        }
        if !all {
            let mut rank = 0;
            self.rows.retain(|row| {
                rank += 1;
                rank <= n || row.selected
            });
        }
        self.row_limit = Some(RowLimit {
            shown: self.rows.len(),
            total,
            default: n,
            note: String::new(),
            toggle: String::new(),
            action: None,
        });
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    /// Stable key (status code, unit id, document type, period).
    pub key: String,
    pub label: String,
    /// Exact value(s) written beside the bar.
    pub value_text: String,
    pub segments: Vec<Segment>,
    pub markers: Vec<Marker>,
    /// What pressing the row does (the whole row is one large target); `None` for a static row.
    pub action: Option<Action>,
    /// The row is part of the current selection.
    pub selected: bool,
    /// The row is outside a non-empty selection.
    pub dimmed: bool,
}

impl BarRow {
    /// A row that is not pressable and not part of a selection.
    pub fn fixed(key: String, label: String, value_text: String, segments: Vec<Segment>) -> BarRow {
        BarRow {
            key,
            label,
            value_text,
            segments,
            markers: Vec::new(),
            action: None,
            selected: false,
            dimmed: false,
        }
    }

    pub fn with_markers(self, markers: Vec<Marker>) -> BarRow {
        BarRow { markers, ..self }
    }

    /// Pressing the row does `action`.
    pub fn with_action(self, action: Action) -> BarRow {
        BarRow {
            action: Some(action),
            ..self
        }
    }

    /// The row is `selected`, or, when `any_selected` and it is not, outside the selection.
    pub fn with_selection(self, selected: bool, any_selected: bool) -> BarRow {
        BarRow {
            selected,
            dimmed: any_selected && !selected,
            ..self
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub series: Series,
    /// Start and end as fractions (0–1) of the plot width.
    pub start: f64,
    pub end: f64,
    /// The exact value in words, for the tooltip and screen readers.
    pub label: String,
    /// What pressing the segment does; `None` for a static segment.
    pub action: Option<Action>,
    /// Part of the current selection (drawn emphasised).
    pub selected: bool,
    /// Outside a non-empty selection (drawn faded).
    pub dimmed: bool,
}

impl Segment {
    /// A segment that is not pressable and not part of a selection.
    pub fn fixed(series: Series, start: f64, end: f64, label: String) -> Segment {
        Segment {
            series,
            start,
            end,
            label,
            action: None,
            selected: false,
            dimmed: false,
        }
    }

    /// Pressing the segment does `action`.
    pub fn with_action(self, action: Action) -> Segment {
        Segment {
            action: Some(action),
            ..self
        }
    }

    /// The segment is `selected`, or, when `any_selected` and it is not, outside the selection.
    pub fn with_selection(self, selected: bool, any_selected: bool) -> Segment {
        Segment {
            selected,
            dimmed: any_selected && !selected,
            ..self
        }
    }
}

/// A reference line on a bar, e.g. a growth target.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub at: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub series: Series,
    pub label: String,
    pub action: Option<Action>,
    pub selected: bool,
}

impl LegendEntry {
    /// An entry that is not pressable and not pressed.
    pub fn new(series: Series, label: String) -> LegendEntry {
        LegendEntry {
            series,
            label,
            action: None,
            selected: false,
        }
    }

    /// Pressing the entry does `action`.
    pub fn with_action(self, action: Action) -> LegendEntry {
        LegendEntry {
            action: Some(action),
            ..self
        }
    }
}

/// Cross-filtering actions of the charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Filter to these statuses, or clear the status filter if it is exactly these.
    ToggleStatuses(crate::tasks::StatusSet),
    /// Filter to one unit and one status, or clear both if that is the current filter.
    ToggleSegment { unit: usize, status: Status },
    /// Filter to one unit, or clear the unit filter if it is exactly that unit.
    ToggleUnit(usize),
    /// Draw every unit of the unit chart (`true`) or the first ones ([`UNIT_ROWS`]).
    AllUnits(bool),
}

/// What a segment shows; decides its colour and texture. Colours are the Okabe–Ito palette
/// (safe for the common colour-vision deficiencies); textures and labels make colour
/// never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Series {
    Status(Status),
    /// A completed group known only as a sum.
    CompletedSum,
    /// A not-completed group known only as a sum.
    NotCompletedSum,
    Count,
    Done,
    Remaining,
    Actual,
    Estimate,
    /// A target marker (legend only).
    Target,
}

impl Series {
    /// CSS class of the on-screen segment (`style/main.css` gives colour and texture).
    pub fn class(self) -> &'static str {
        match self {
            Series::Status(Status::OnTime) => "s-ot",
            Series::Status(Status::Late) => "s-lt",
            Series::Status(Status::Overdue) => "s-od",
            Series::Status(Status::WithinDeadline) => "s-wd",
            Series::CompletedSum => "s-done-sum",
            Series::NotCompletedSum => "s-open-sum",
            Series::Count => "s-count",
            Series::Done => "s-done",
            Series::Remaining => "s-remaining",
            Series::Actual => "s-actual",
            Series::Estimate => "s-estimate",
            Series::Target => "s-target",
        }
    }

    /// Fill colour for exported images (same as the light theme on screen).
    pub fn color(self) -> &'static str {
        match self {
            Series::Status(Status::OnTime) | Series::Done => "#009E73",
            Series::Status(Status::Late) => "#E69F00",
            Series::Status(Status::Overdue) => "#D55E00",
            Series::Status(Status::WithinDeadline) => "#56B4E9",
            Series::CompletedSum => "#7FCBB3",
            Series::NotCompletedSum => "#9ACFEF",
            Series::Count | Series::Actual => "#0072B2",
            Series::Estimate => "#56B4E9",
            Series::Remaining => "#E4E4E4",
            Series::Target => "#222222",
        }
    }

    /// Whether the segment carries diagonal hatching (overdue, sums, estimates).
    pub fn hatched(self) -> bool {
        matches!(
            self,
            Series::Status(Status::Overdue)
                | Series::CompletedSum
                | Series::NotCompletedSum
                | Series::Estimate
        )
    }
}

/// The data behind a chart as a table: shown under the chart and downloaded as CSV.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DataTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl DataTable {
    /// A table with these column headers and no rows yet.
    pub fn new(headers: &[&str]) -> DataTable {
        DataTable {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }
}

/// A table cell: `text` as shown (formatted for the language), `raw` for CSV (plain numbers
/// that spreadsheets read in any locale).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub raw: String,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            raw: s.clone(),
            text: s,
        }
    }
    pub fn number(text: String, raw: impl ToString) -> Cell {
        Cell {
            text,
            raw: raw.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(rows: usize, selected: &[usize]) -> BarChart {
        let rows = (0..rows)
            .map(|i| {
                BarRow::fixed(format!("u{i}"), String::new(), String::new(), Vec::new())
                    .with_selection(selected.contains(&i), !selected.is_empty())
            })
            .collect();
        BarChart::new(
            "units",
            String::new(),
            String::new(),
            rows,
            Vec::new(),
            String::new(),
            DataTable::default(),
        )
    }

    fn keys(c: &BarChart) -> Vec<&str> {
        c.rows.iter().map(|r| r.key.as_str()).collect()
    }

    #[test]
    fn a_long_chart_draws_its_first_rows_and_its_selected_ones() {
        let mut c = chart(6, &[4]);
        c.limit_rows(3, false);
        assert_eq!(keys(&c), ["u0", "u1", "u2", "u4"]);
        let limit = c.row_limit.clone().unwrap();
        assert_eq!((limit.shown, limit.total, limit.default), (4, 6, 3));
        assert!(!limit.all_drawn());

        let mut all = chart(6, &[4]);
        all.limit_rows(3, true);
        assert_eq!(all.rows.len(), 6);
        assert!(all.row_limit.unwrap().all_drawn());
    }

    #[test]
    fn a_short_chart_has_no_limit() {
        let mut c = chart(3, &[]);
        c.limit_rows(3, false);
        assert_eq!((c.rows.len(), c.row_limit), (3, None));
    }
}
