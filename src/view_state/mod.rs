//! The view state — everything a link reproduces — and its query-string form.
//!
//! The URL is a serialisation of one [`ViewState`]: only values that differ from the defaults
//! are written, under short, stable keys, after a version (`v=2`). Old links are upgraded by
//! ordered migrations (see [`query`]). Values are checked twice: their form when the link is
//! read ([`decode`]), and whether they exist in the snapshot once it is loaded
//! ([`ViewState::reconcile`]). Whatever is dropped is reported so the reader can be told.

mod flat;
mod held;
mod query;
mod series;
mod share;

pub use held::{earlier_in_series, split_statuses, Missing};
pub use query::{decode, encode, Decoded, Ignored, LINK_VERSION, MAX_COMPARED};
pub use series::{series_entries, SeriesMembers};
pub use share::{
    default_parts, embed_snippet, full_build_base, full_view_link, page_name, reader_can_draw,
    Build, READER_PAGE,
};

use serde::{Deserialize, Serialize};

use crate::chart::{Action, UnitSort};
use crate::format::Lang;
use crate::snapshot::{SpanGroup, UnitKind, ValidSnapshot};
use crate::tasks::{DuePeriod, SortColumn, Status, StatusSet, TaskFilter};

coded_enum! {
    /// The sections of the full view. Codes: links (`t=growth`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum Tab {
        #[default]
        Tasks => "tasks",
        Documents => "docs",
        Growth => "growth",
        Series => "series",
        /// What changed since an earlier snapshot of the series (`from=`).
        Changes => "changes",
    }
}

impl Tab {
    /// The tab an arrow key moves to among the tabs shown (`ArrowRight`, `ArrowLeft`,
    /// wrapping around; `Home`, `End`), if any.
    pub fn after_key(self, key: &str, shown: &[Tab]) -> Option<Tab> {
        let i = shown.iter().position(|t| *t == self)?;
        let n = shown.len();
        match key {
            "ArrowRight" => Some(shown[(i + 1) % n]),
            "ArrowLeft" => Some(shown[(i + n - 1) % n]),
            "Home" => shown.first().copied(),
            "End" => shown.last().copied(),
            _ => None,
        }
    }
}

coded_enum! {
    /// Parts of the widget the compact view shows. Codes: links (`show=headline,status`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Part {
        Headline => "headline",
        Status => "status",
        Units => "units",
        Table => "table",
        Documents => "documents",
        Schemes => "schemes",
        Growth => "growth",
        Series => "series",
    }
}

impl Part {
    /// What the compact view shows when the link does not say.
    pub const EMBED_DEFAULT: [Part; 2] = [Part::Headline, Part::Status];

    /// A part ticked or unticked in the embed panel: in or out of `parts`, which stay in the
    /// order of [`Part::ALL`] (so a snippet's `show=` reads the same however it was ticked).
    pub fn toggle_in(self, parts: &mut Vec<Part>) {
        match parts.iter().position(|p| *p == self) {
            Some(i) => {
                parts.remove(i);
            }
            None => parts.push(self),
        }
        crate::order::sort_by_key(parts, |p| *p as usize);
    }
}

coded_enum! {
    /// The colour scheme. Codes: links (`theme=dark`; `auto` is never written).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum Theme {
        /// Follow the reader's `prefers-color-scheme`.
        #[default]
        Auto => "auto",
        Light => "light",
        Dark => "dark",
    }
}

/// Everything a link reproduces, grouped by what it is about. Views change it only through
/// its intent methods (`toggle_status`, `sort_table_by`, …), which keep its parts consistent
/// (a filter change goes back to the table's first page).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "flat::FlatViewState", into = "flat::FlatViewState")]
pub struct ViewState {
    /// Snapshot id from the manifest; `None` = the manifest's default.
    pub snapshot: Option<String>,
    /// The version of the snapshot's data a shared link was made with: the first 16 hex
    /// digits of its file's SHA-256, as `snapshot-tool publish` names the file. `None`: the
    /// version published now.
    pub pin: Option<String>,
    pub lang: Lang,
    pub tab: Tab,
    pub filters: Filters,
    pub unit_chart: UnitChartView,
    pub table: TableView,
    /// The growth chart's kind of period (years, quarters, parts of a year); `None`: all.
    pub growth_spans: Option<SpanGroup>,
    /// The reports the series view sets side by side (snapshot ids); empty: the shown
    /// snapshot's series ([`ViewState::series_members`]).
    pub compare: Vec<String>,
    /// The older snapshot the "what changed" tab compares with (an earlier snapshot of the
    /// shown one's series, with task records); `None`: the one just before it.
    pub from: Option<String>,
    pub compact: CompactView,
    pub look: Look,
}

/// The task filters: what the selection depends on. Every filter field is listed here once;
/// "any filter set", reset and the selection's key come from `PartialEq` and `Default`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filters {
    /// Status filter; empty = all.
    pub statuses: StatusSet,
    /// Unit ids; empty = all.
    pub units: Vec<String>,
    pub unit_kind: Option<UnitKind>,
    /// Assigning document id.
    pub document: Option<String>,
    pub due: Option<DuePeriod>,
    /// Free-text search in titles.
    pub query: String,
}

/// How the unit chart is drawn (not a filter: the table keeps its page).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct UnitChartView {
    pub sort: UnitSort,
    /// Draw every unit, not only the first [`crate::chart::UNIT_ROWS`].
    pub all: bool,
}

/// The task table's order and page.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct TableView {
    pub sort: SortColumn,
    pub descending: bool,
    /// Rows per page, one of [`TableView::PAGE_SIZES`]; 0 is read as the first (10).
    pub page_size: u32,
    /// 1-based; 0 is read as 1.
    pub page: u32,
}

/// The compact view (`embed=1`): the layout for an iframe in an article.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CompactView {
    pub on: bool,
    /// Parts it shows; empty = [`Part::EMBED_DEFAULT`].
    pub parts: Vec<Part>,
    /// Identifier of the iframe, echoed in height messages to the parent page.
    pub frame_id: Option<String>,
}

/// How the widget looks in a portal.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Look {
    pub theme: Theme,
    /// Accent colour as 6 lowercase hex digits (no `#`).
    pub accent: Option<String>,
    /// Font family name the portal asks for (letters, digits, spaces, hyphens).
    pub font: Option<String>,
}

impl TableView {
    /// Rows per table page a reader can choose; the first is the default. Ten rows keep a
    /// page short on a phone, where each row is a card of eight lines.
    pub const PAGE_SIZES: [u32; 3] = [10, 20, 50];

    /// Rows per page: [`TableView::page_size`] when it is one of the sizes offered.
    pub fn rows_per_page(&self) -> usize {
        let size = if Self::PAGE_SIZES.contains(&self.page_size) {
            self.page_size
        } else {
            Self::PAGE_SIZES[0]
        };
        size as usize
    }

    /// How [`TableView::page_size`] holds `size`: 0 for the default, `None` if not offered.
    pub(crate) fn page_size_code(size: u32) -> Option<u32> {
        match Self::PAGE_SIZES.iter().position(|&s| s == size)? {
            0 => Some(0),
            _ => Some(size),
        }
    }

    /// 1-based page, never 0.
    pub fn page(&self) -> u32 {
        self.page.max(1)
    }

    /// Another page size, on the page that holds the first row of the current page (so the
    /// reader keeps their place).
    pub fn set_rows_per_page(&mut self, size: u32) {
        let first_row = (self.page() as usize - 1) * self.rows_per_page();
        self.page_size = Self::page_size_code(size).unwrap_or(0);
        self.page = (first_row / self.rows_per_page() + 1) as u32;
    }
}

impl CompactView {
    /// The parts the compact view shows.
    pub fn parts(&self) -> &[Part] {
        if self.parts.is_empty() {
            &Part::EMBED_DEFAULT
        } else {
            &self.parts
        }
    }
}

impl Filters {
    /// The unit-kind filter as its link code (`""` for both kinds): a select's value.
    pub fn unit_kind_code(&self) -> &'static str {
        self.unit_kind.map_or("", query::unit_kind_code)
    }

    /// The unit filter as a select shows it: the unit's id, `""` for all, `"*"` for several.
    pub fn unit_choice(&self) -> &str {
        match self.units.as_slice() {
            [] => "",
            [one] => one,
            _ => "*",
        }
    }

    /// The filters for `snap` (ids resolved to indices; unknown ids skipped).
    pub fn resolve(&self, snap: &ValidSnapshot) -> TaskFilter {
        TaskFilter {
            statuses: self.statuses,
            units: self
                .units
                .iter()
                .filter_map(|u| snap.unit_index(u))
                .collect(),
            unit_kind: self.unit_kind,
            document: self
                .document
                .as_deref()
                .and_then(|d| snap.document_index(d)),
            due: self.due,
            text: self.query.clone(),
        }
    }

    /// Drops values `snap` cannot honour (unknown units or documents; filters that need
    /// records on an aggregate-only snapshot) and says which.
    fn reconcile(&mut self, snap: &ValidSnapshot) -> Vec<Ignored> {
        let mut ignored = Vec::new();
        let before = self.units.len();
        let mut dropped = Vec::new();
        self.units.retain(|u| {
            let known = snap.unit_index(u).is_some();
            if !known {
                dropped.push(u.clone());
            }
            known
        });
        if self.units.len() != before {
            ignored.push(Ignored::new("u", &dropped.join(",")));
        }
        let has_records = !snap.records().is_empty();
        let has_units = snap.tasks().is_some_and(|t| !t.by_unit.is_empty());
        if !has_units && (!self.units.is_empty() || self.unit_kind.is_some()) {
            if !self.units.is_empty() {
                ignored.push(Ignored::new("u", &self.units.join(",")));
            }
            if let Some(kind) = self.unit_kind {
                ignored.push(Ignored::new("k", query::unit_kind_code(kind)));
            }
            self.units.clear();
            self.unit_kind = None;
        }
        if let Some(doc) = &self.document {
            if !has_records || snap.document_index(doc).is_none() {
                ignored.push(Ignored::new("doc", doc));
                self.document = None;
            }
        }
        if !has_records {
            if let Some(due) = self.due.take() {
                ignored.push(Ignored::new("due", &due.to_string()));
            }
            if !self.query.is_empty() {
                ignored.push(Ignored::new("q", &self.query));
                self.query.clear();
            }
        }
        ignored
    }
}

/// Intents: the changes views ask for.
impl ViewState {
    /// True when any task filter is set (the reset button is enabled).
    pub fn has_filters(&self) -> bool {
        self.filters != Filters::default()
    }

    /// Changes the filters; the table goes back to its first page.
    pub fn set_filter(&mut self, change: impl FnOnce(&mut Filters)) {
        change(&mut self.filters);
        self.table.page = 0;
    }

    /// Clears every task filter (and the page), keeping the rest of the view.
    pub fn reset_filters(&mut self) {
        self.set_filter(|f| *f = Filters::default());
    }

    /// A status chip pressed: the status joins the filter, or leaves it.
    pub fn toggle_status(&mut self, status: Status) {
        self.toggle_statuses(StatusSet::only(status));
    }

    /// A chip of the status filter pressed: its statuses (one, or a group known only as a
    /// sum) join the filter, or leave it when all of them were in.
    pub fn toggle_statuses(&mut self, set: StatusSet) {
        self.set_filter(|f| {
            f.statuses = if f.statuses.contains_all(set) {
                f.statuses.without(set)
            } else {
                f.statuses.union(set)
            }
        });
    }

    /// The unit-kind select: `"dept"`, `"loc"`, or anything else for both kinds.
    pub fn choose_unit_kind(&mut self, code: &str) {
        self.set_filter(|f| f.unit_kind = query::unit_kind_from_code(code));
    }

    /// The unit select: one unit's id, or `""` for all.
    pub fn choose_unit(&mut self, id: &str) {
        self.set_filter(|f| {
            f.units = if id.is_empty() {
                Vec::new()
            } else {
                vec![id.to_owned()]
            }
        });
    }

    /// The document select: a document id, or `""` for all.
    pub fn choose_document(&mut self, id: &str) {
        self.set_filter(|f| f.document = (!id.is_empty()).then(|| id.to_owned()));
    }

    /// The due-period select: `2021-03`, `2021-Q1`, or anything else for all.
    pub fn choose_due(&mut self, code: &str) {
        self.set_filter(|f| f.due = DuePeriod::parse(code));
    }

    /// The search field, as typed.
    pub fn search(&mut self, text: String) {
        self.set_filter(|f| f.query = text);
    }

    /// The unit chart's order, by its code; an unknown code changes nothing.
    pub fn sort_units_by(&mut self, code: &str) {
        if let Some(sort) = UnitSort::from_code(code) {
            self.unit_chart.sort = sort;
        }
    }

    /// A table column's header pressed: sort by it, or reverse it if it is the sort already;
    /// back to the first page.
    pub fn sort_table_by(&mut self, column: SortColumn) {
        let table = &mut self.table;
        if table.sort == column {
            table.descending = !table.descending;
        } else {
            table.sort = column;
            table.descending = false;
        }
        table.page = 0;
    }

    /// Another table page (1-based).
    pub fn go_to_page(&mut self, page: u32) {
        self.table.page = page;
    }

    /// Another page size, keeping the first row of `shown_page` (the page on screen, which a
    /// link asking for a page past the end may not be) in view.
    pub fn set_rows_per_page(&mut self, size: u32, shown_page: u32) {
        self.table.page = shown_page;
        self.table.set_rows_per_page(size);
    }

    /// Vietnamese ⇄ English.
    pub fn switch_language(&mut self) {
        self.lang = match self.lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
    }

    /// Another snapshot of the manifest (`default`: the manifest's default, kept out of the
    /// link); the filters of the last one do not carry over.
    pub fn choose_snapshot(&mut self, id: &str, default: &str) {
        self.snapshot = (id != default).then(|| id.to_owned());
        self.pin = None;
        self.from = None;
        self.reset_filters();
    }

    /// The "compared with" select of the "what changed" tab: an earlier snapshot's id
    /// (`default`: the one just before the shown one, kept out of the link).
    pub fn choose_from(&mut self, id: &str, default: &str) {
        self.from = (id != default).then(|| id.to_owned());
    }

    /// Applies a chart's cross-filtering action: pressing a status (or a unit's status segment)
    /// filters to it; pressing the same again clears that filter.
    pub fn apply(&mut self, action: Action, snap: &ValidSnapshot) {
        let unit_id = |unit: usize| snap.snapshot().units.get(unit).map(|u| u.id.clone());
        match action {
            Action::ToggleStatuses(set) => self.set_filter(|f| {
                f.statuses = if f.statuses == set {
                    StatusSet::EMPTY
                } else {
                    set
                };
            }),
            Action::ToggleUnit(unit) => {
                let Some(unit_id) = unit_id(unit) else { return };
                self.set_filter(|f| {
                    f.units = if f.units == [unit_id.clone()] {
                        Vec::new()
                    } else {
                        vec![unit_id]
                    };
                });
            }
            Action::ToggleSegment { unit, status } => {
                let Some(unit_id) = unit_id(unit) else { return };
                self.set_filter(|f| {
                    let same =
                        f.units == [unit_id.clone()] && f.statuses == StatusSet::only(status);
                    if same {
                        f.units.clear();
                        f.statuses = StatusSet::EMPTY;
                    } else {
                        f.units = vec![unit_id];
                        f.statuses = StatusSet::only(status);
                    }
                });
            }
            // How many units are drawn: not a filter, so the table keeps its page.
            Action::AllUnits(all) => self.unit_chart.all = all,
        }
    }

    /// Drops values the loaded snapshot cannot honour and says which: ids it does not know
    /// (`Ignored`), and what it has no figures for (`Missing`).
    pub fn reconcile(&mut self, snap: &ValidSnapshot) -> (Vec<Ignored>, Vec<Missing>) {
        let mut ignored = self.filters.reconcile(snap);
        // A kind of period the series does not have would draw an empty chart: all, said so.
        if let Some(group) = self.growth_spans {
            if !crate::chart::parts::growth_groups(snap).contains(&group) {
                ignored.push(Ignored::new("gs", group.code()));
                self.growth_spans = None;
            }
        }
        (ignored, self.reconcile_held(snap))
    }

    /// The growth chart's periods: one kind (`Some`), or all of them.
    pub fn choose_growth_spans(&mut self, spans: Option<SpanGroup>) {
        self.growth_spans = spans;
    }

    /// The task filter for `snap` (ids resolved to indices; unknown ids skipped).
    pub fn task_filter(&self, snap: &ValidSnapshot) -> TaskFilter {
        self.filters.resolve(snap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view on table page 3 with a sort and no filters.
    fn paged() -> ViewState {
        let mut v = ViewState::default();
        v.go_to_page(3);
        v
    }

    #[test]
    fn a_kind_of_period_the_series_lacks_is_dropped_and_said() {
        let facts = include_str!("../../data/snapshots/quang-ninh-2021-q1.json");
        let snap = crate::snapshot::parse_snapshot("facts.json", facts).unwrap();
        // Its series has years, quarters and halves.
        let mut v = ViewState {
            growth_spans: Some(SpanGroup::Quarter),
            ..ViewState::default()
        };
        assert!(v.reconcile(&snap).0.is_empty());
        assert_eq!(v.growth_spans, Some(SpanGroup::Quarter));
        // A snapshot without growth figures has no kind of period to show.
        let tasks = include_str!("../../tests/fixtures/records-small.json");
        let snap = crate::snapshot::parse_snapshot("records.json", tasks).unwrap();
        let (ignored, _) = v.reconcile(&snap);
        assert_eq!(ignored, [Ignored::new("gs", "quarter")]);
        assert_eq!(v.growth_spans, None);
    }

    /// The shipped manifest as `snapshot-tool publish` writes it: entries with records have
    /// a summary.
    fn published_manifest() -> crate::snapshot::Manifest {
        let text = include_str!("../../data/manifest.json");
        let mut m = crate::snapshot::parse_manifest("manifest.json", text).unwrap();
        for e in &mut m.snapshots {
            e.integrity = Some("sha256-x".into());
            if e.id.starts_with("illustrative-") {
                e.summary = Some(crate::snapshot::PublishedFile {
                    path: format!("snapshots/{}.summary.json", e.id),
                    integrity: "sha256-x".into(),
                    bytes: 1,
                });
            }
        }
        m
    }

    #[test]
    fn what_changed_compares_with_an_earlier_snapshot_of_the_series() {
        let m = published_manifest();
        let ids = |id: &str| -> Vec<String> {
            earlier_in_series(&m, id)
                .iter()
                .map(|e| e.id.clone())
                .collect()
        };
        assert_eq!(
            ids("illustrative-2021-q4-1738"),
            [
                "illustrative-2021-q3-1738",
                "illustrative-2021-q2-1738",
                "illustrative-2021-q1-1738"
            ]
        );
        assert!(ids("illustrative-2021-q1-1738").is_empty());
        // Another series without records to compare: none.
        assert!(ids("chinh-phu-2021-8t").is_empty());
        // An editor's manifest does not say which entries have records: all are offered.
        let mut editors = m.clone();
        for e in &mut editors.snapshots {
            (e.integrity, e.summary) = (None, None);
        }
        assert_eq!(earlier_in_series(&editors, "chinh-phu-2021-8t").len(), 2);
        assert!(ids("no-such-id").is_empty());

        let q2 = include_str!("../../data/snapshots/illustrative-2021-q2-1738.json");
        let q2 = crate::snapshot::parse_snapshot("q2.json", q2).unwrap();
        let q1 = include_str!("../../data/snapshots/illustrative-2021-q1-1738.json");
        let q1 = crate::snapshot::parse_snapshot("q1.json", q1).unwrap();
        assert!(Tab::offered(&q2, Some(&m)).contains(&Tab::Changes));
        assert!(!Tab::offered(&q1, Some(&m)).contains(&Tab::Changes));
        assert!(!Tab::offered(&q2, None).contains(&Tab::Changes));

        // A `from` that is not an earlier snapshot of the series is dropped and told.
        let mut v =
            crate::view_state::decode("?v=2&t=changes&from=illustrative-2021-q3-1738").state;
        let (ignored, missing) = v.reconcile_series(&m, &q2);
        assert_eq!(ignored, [Ignored::new("from", "illustrative-2021-q3-1738")]);
        assert!(missing.is_empty());
        assert_eq!((v.tab, v.from.as_deref()), (Tab::Changes, None));
        v.from = Some("illustrative-2021-q1-1738".into());
        assert_eq!(v.reconcile_series(&m, &q2), (vec![], vec![]));
        assert_eq!(v.from.as_deref(), Some("illustrative-2021-q1-1738"));
        // The first of the series has nothing to compare with: the tab is told missing.
        let mut v = crate::view_state::decode("?v=2&t=changes").state;
        let (_, missing) = v.reconcile_series(&m, &q1);
        assert_eq!(missing, [Missing::Tab(Tab::Changes)]);
        assert_eq!(v.tab, Tab::Tasks);
        // The select: the default (the snapshot just before) stays out of the link.
        let mut v = ViewState::default();
        v.choose_from("illustrative-2021-q1-1738", "illustrative-2021-q1-1738");
        assert_eq!(v.from, None);
        v.choose_from("illustrative-2021-q2-1738", "illustrative-2021-q3-1738");
        assert_eq!(
            crate::view_state::encode(&v),
            "?v=2&from=illustrative-2021-q2-1738"
        );
        v.choose_snapshot("other", "default");
        assert_eq!(v.from, None);
    }

    #[test]
    fn every_filter_change_goes_back_to_the_first_page() {
        type Change = fn(&mut ViewState);
        let changes: [(&str, Change); 7] = [
            ("status", |v| v.toggle_status(Status::Overdue)),
            ("unit kind", |v| v.choose_unit_kind("loc")),
            ("unit", |v| v.choose_unit("ha-long")),
            ("document", |v| v.choose_document("108/QĐ-UBND")),
            ("due", |v| v.choose_due("2021-Q1")),
            ("search", |v| v.search("cao tốc".into())),
            ("reset", |v| v.reset_filters()),
        ];
        for (name, change) in changes {
            let mut v = paged();
            change(&mut v);
            assert_eq!(v.table.page(), 1, "{name}");
            assert_eq!(v.has_filters(), name != "reset", "{name}");
        }
    }

    #[test]
    fn a_select_set_to_all_clears_its_filter() {
        let mut v = ViewState::default();
        v.choose_unit_kind("dept");
        v.choose_unit("a");
        v.choose_document("D1");
        v.choose_due("2021-03");
        assert_eq!(v.filters.unit_kind, Some(UnitKind::Department));
        assert_eq!(
            (v.filters.unit_kind_code(), v.filters.unit_choice()),
            ("dept", "a")
        );
        for clear in ["", "x"] {
            let mut w = v.clone();
            w.choose_unit_kind(clear);
            assert_eq!(w.filters.unit_kind, None);
            w.choose_due(clear);
            assert_eq!(w.filters.due, None);
        }
        v.choose_unit("");
        v.choose_document("");
        assert_eq!(
            (v.filters.units.len(), v.filters.document.clone()),
            (0, None)
        );
        v.filters.units = vec!["a".into(), "b".into()];
        assert_eq!(v.filters.unit_choice(), "*");
    }

    #[test]
    fn pressing_a_column_header_sorts_by_it_then_reverses() {
        let mut v = paged();
        v.sort_table_by(SortColumn::Title);
        assert_eq!(
            (v.table.sort, v.table.descending),
            (SortColumn::Title, false)
        );
        assert_eq!(v.table.page(), 1);
        v.sort_table_by(SortColumn::Title);
        assert_eq!(
            (v.table.sort, v.table.descending),
            (SortColumn::Title, true)
        );
        v.sort_table_by(SortColumn::Due);
        assert_eq!((v.table.sort, v.table.descending), (SortColumn::Due, false));
    }

    #[test]
    fn the_unit_order_and_a_page_size_are_not_filters() {
        let mut v = paged();
        v.sort_units_by("name");
        assert_eq!(v.unit_chart.sort, UnitSort::Name);
        v.sort_units_by("nonsense");
        assert_eq!(v.unit_chart.sort, UnitSort::Name);
        assert_eq!(v.table.page(), 3);
        // Page 3 of 10 rows starts at row 21: with 20 rows a page, that is page 2.
        v.set_rows_per_page(20, 3);
        assert_eq!((v.table.rows_per_page(), v.table.page()), (20, 2));
    }

    #[test]
    fn another_snapshot_drops_the_filters_and_names_only_a_non_default() {
        let mut v = ViewState::default();
        v.toggle_status(Status::Late);
        v.choose_snapshot("illustrative", "real");
        assert_eq!(v.snapshot.as_deref(), Some("illustrative"));
        assert!(!v.has_filters());
        v.choose_snapshot("real", "real");
        assert_eq!(v.snapshot, None);
    }

    #[test]
    fn the_language_switch_goes_back_and_forth() {
        let mut v = ViewState::default();
        v.switch_language();
        assert_eq!(v.lang, Lang::En);
        v.switch_language();
        assert_eq!(v.lang, Lang::Vi);
    }

    #[test]
    fn arrow_keys_move_between_tabs_and_wrap_around() {
        let all = [
            Tab::Tasks,
            Tab::Documents,
            Tab::Growth,
            Tab::Series,
            Tab::Changes,
        ];
        assert_eq!(
            Tab::Tasks.after_key("ArrowRight", &all),
            Some(Tab::Documents)
        );
        assert_eq!(Tab::Changes.after_key("ArrowRight", &all), Some(Tab::Tasks));
        assert_eq!(Tab::Tasks.after_key("ArrowLeft", &all), Some(Tab::Changes));
        assert_eq!(Tab::Documents.after_key("End", &all), Some(Tab::Changes));
        assert_eq!(Tab::Tasks.after_key("Enter", &all), None);
        // Only among the tabs shown: a snapshot without documents has two.
        let two = [Tab::Tasks, Tab::Growth];
        assert_eq!(Tab::Tasks.after_key("ArrowRight", &two), Some(Tab::Growth));
        assert_eq!(Tab::Growth.after_key("ArrowRight", &two), Some(Tab::Tasks));
    }

    #[test]
    fn ticked_parts_keep_the_order_of_all_parts() {
        let mut parts = Vec::new();
        for p in [Part::Growth, Part::Headline, Part::Status] {
            p.toggle_in(&mut parts);
        }
        assert_eq!(parts, [Part::Headline, Part::Status, Part::Growth]);
        Part::Headline.toggle_in(&mut parts);
        assert_eq!(parts, [Part::Status, Part::Growth]);
    }
}
