//! The view state — everything a link reproduces — and its query-string form.
//!
//! The URL is a serialisation of one [`ViewState`]: only values that differ from the defaults
//! are written, under short, stable keys, after a version (`v=2`). Old links are upgraded by
//! ordered migrations (see [`query`]). Values are checked twice: their form when the link is
//! read ([`decode`]), and whether they exist in the snapshot once it is loaded
//! ([`ViewState::reconcile`]). Whatever is dropped is reported so the reader can be told.

mod query;
mod share;

pub use query::{decode, encode, Decoded, Ignored, LINK_VERSION};
pub use share::{
    default_parts, embed_snippet, full_build_base, full_view_link, reader_can_draw, READER_PAGE,
};

use serde::{Deserialize, Serialize};

use crate::chart::{Action, UnitSort};
use crate::format::Lang;
use crate::snapshot::{UnitKind, ValidSnapshot};
use crate::tasks::{DuePeriod, SortColumn, StatusSet, TaskFilter};

/// The sections of the full view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Tasks,
    Documents,
    Growth,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Tasks, Tab::Documents, Tab::Growth];
    pub fn code(self) -> &'static str {
        match self {
            Tab::Tasks => "tasks",
            Tab::Documents => "docs",
            Tab::Growth => "growth",
        }
    }
    pub fn from_code(code: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Parts of the widget an embed shows (`show=headline,status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Headline,
    Status,
    Units,
    Table,
    Documents,
    Schemes,
    Growth,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Headline,
        Part::Status,
        Part::Units,
        Part::Table,
        Part::Documents,
        Part::Schemes,
        Part::Growth,
    ];
    /// What an embed shows when the link does not say.
    pub const EMBED_DEFAULT: [Part; 2] = [Part::Headline, Part::Status];

    pub fn code(self) -> &'static str {
        match self {
            Part::Headline => "headline",
            Part::Status => "status",
            Part::Units => "units",
            Part::Table => "table",
            Part::Documents => "documents",
            Part::Schemes => "schemes",
            Part::Growth => "growth",
        }
    }
    pub fn from_code(code: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_code(code: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.code() == code)
    }
}

/// Everything a link reproduces.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewState {
    /// Snapshot id from the manifest; `None` = the manifest's default.
    pub snapshot: Option<String>,
    #[serde(with = "codes::lang")]
    pub lang: Lang,
    #[serde(with = "codes::tab")]
    pub tab: Tab,
    /// Status filter; empty = all.
    #[serde(with = "codes::statuses")]
    pub statuses: StatusSet,
    /// Unit ids; empty = all.
    pub units: Vec<String>,
    #[serde(with = "codes::unit_kind")]
    pub unit_kind: Option<UnitKind>,
    /// Assigning document id.
    pub document: Option<String>,
    #[serde(with = "codes::due")]
    pub due: Option<DuePeriod>,
    /// Free-text search in titles.
    pub query: String,
    #[serde(with = "codes::unit_sort")]
    pub unit_sort: UnitSort,
    #[serde(with = "codes::sort_column")]
    pub table_sort: SortColumn,
    pub table_desc: bool,
    /// Table rows per page, one of [`ViewState::PAGE_SIZES`]; 0 is read as the first (10).
    pub page_size: u32,
    /// Table page, 1-based; 0 is read as 1.
    pub page: u32,
    /// The unit chart draws every unit, not only the first [`crate::chart::UNIT_ROWS`].
    pub all_units: bool,
    /// Compact mode for an iframe in an article.
    pub embed: bool,
    /// Parts an embed shows; empty = [`Part::EMBED_DEFAULT`].
    #[serde(with = "codes::parts")]
    pub parts: Vec<Part>,
    #[serde(with = "codes::theme")]
    pub theme: Theme,
    /// Accent colour as 6 lowercase hex digits (no `#`).
    pub accent: Option<String>,
    /// Font family name the portal asks for (letters, digits, spaces, hyphens).
    pub font: Option<String>,
    /// Identifier of the iframe, echoed in height messages to the parent page.
    pub frame_id: Option<String>,
}

impl ViewState {
    /// Rows per table page a reader can choose; the first is the default. Ten rows keep a
    /// page short on a phone, where each row is a card of eight lines.
    pub const PAGE_SIZES: [u32; 3] = [10, 20, 50];

    /// Rows per table page: [`ViewState::page_size`] when it is one of the sizes offered.
    pub fn rows_per_page(&self) -> usize {
        let size = if Self::PAGE_SIZES.contains(&self.page_size) {
            self.page_size
        } else {
            Self::PAGE_SIZES[0]
        };
        size as usize
    }

    /// Another page size, on the page that holds the first row of the current page (so the
    /// reader keeps their place).
    pub fn set_rows_per_page(&mut self, size: u32) {
        let first_row = (self.page() as usize - 1) * self.rows_per_page();
        self.page_size = Self::page_size_code(size).unwrap_or(0);
        self.page = (first_row / self.rows_per_page() + 1) as u32;
    }

    /// How [`ViewState::page_size`] holds `size`: 0 for the default, `None` if not offered.
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

    /// The parts an embed shows.
    pub fn embed_parts(&self) -> &[Part] {
        if self.parts.is_empty() {
            &Part::EMBED_DEFAULT
        } else {
            &self.parts
        }
    }

    /// True when any task filter is set (the reset button is enabled).
    pub fn has_filters(&self) -> bool {
        !self.statuses.is_empty()
            || !self.units.is_empty()
            || self.unit_kind.is_some()
            || self.document.is_some()
            || self.due.is_some()
            || !self.query.is_empty()
    }

    /// Clears every task filter (and the page), keeping the rest of the view.
    pub fn reset_filters(&mut self) {
        self.statuses = StatusSet::EMPTY;
        self.units.clear();
        self.unit_kind = None;
        self.document = None;
        self.due = None;
        self.query.clear();
        self.page = 0;
    }

    /// Applies a chart's cross-filtering action: pressing a status (or a unit's status segment)
    /// filters to it; pressing the same again clears that filter.
    pub fn apply(&mut self, action: Action, snap: &ValidSnapshot) {
        match action {
            Action::ToggleStatuses(set) => {
                self.statuses = if self.statuses == set {
                    StatusSet::EMPTY
                } else {
                    set
                };
            }
            Action::ToggleUnit(unit) => {
                let Some(unit_id) = snap.snapshot().units.get(unit).map(|u| u.id.clone()) else {
                    return;
                };
                self.units = if self.units == [unit_id.clone()] {
                    Vec::new()
                } else {
                    vec![unit_id]
                };
            }
            Action::ToggleSegment { unit, status } => {
                let Some(unit_id) = snap.snapshot().units.get(unit).map(|u| u.id.clone()) else {
                    return;
                };
                let same =
                    self.units == [unit_id.clone()] && self.statuses == StatusSet::only(status);
                if same {
                    self.units.clear();
                    self.statuses = StatusSet::EMPTY;
                } else {
                    self.units = vec![unit_id];
                    self.statuses = StatusSet::only(status);
                }
            }
            // How many units are drawn: not a filter, so the table keeps its page.
            Action::AllUnits(all) => {
                self.all_units = all;
                return;
            }
        }
        self.page = 0;
    }

    /// Drops values the loaded snapshot cannot honour (unknown units or documents; filters
    /// that need records on an aggregate-only snapshot) and says which.
    pub fn reconcile(&mut self, snap: &ValidSnapshot) -> Vec<Ignored> {
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

    /// The task filter for `snap` (ids resolved to indices; unknown ids skipped).
    pub fn task_filter(&self, snap: &ValidSnapshot) -> TaskFilter {
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
}

/// Serde adapters writing each field as its link code, so golden-link files read like links.
mod codes {
    macro_rules! by_code {
        ($name:ident, $ty:ty, $to:expr, $from:expr) => {
            pub mod $name {
                use super::super::*;
                use serde::{de::Error, Deserialize, Deserializer, Serializer};
                pub fn serialize<S: Serializer>(v: &$ty, s: S) -> Result<S::Ok, S::Error> {
                    let to: fn(&$ty) -> String = $to;
                    s.serialize_str(&to(v))
                }
                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                    let text = String::deserialize(d)?;
                    let from: fn(&str) -> Option<$ty> = $from;
                    from(&text).ok_or_else(|| D::Error::custom(format!("bad value {text:?}")))
                }
            }
        };
    }
    by_code!(lang, Lang, |l| l.code().into(), Lang::from_code);
    by_code!(tab, Tab, |t| t.code().into(), Tab::from_code);
    by_code!(theme, Theme, |t| t.code().into(), Theme::from_code);
    by_code!(
        unit_sort,
        UnitSort,
        |s| s.code().into(),
        UnitSort::from_code
    );
    by_code!(
        sort_column,
        SortColumn,
        |c| c.code().into(),
        SortColumn::from_code
    );
    by_code!(
        unit_kind,
        Option<UnitKind>,
        |k| k.map_or(String::new(), |k| crate::view_state::query::unit_kind_code(
            k
        )
        .into()),
        |s| if s.is_empty() {
            Some(None)
        } else {
            crate::view_state::query::unit_kind_from_code(s).map(Some)
        }
    );
    by_code!(
        due,
        Option<DuePeriod>,
        |d| d.map_or(String::new(), |d| d.to_string()),
        |s| if s.is_empty() {
            Some(None)
        } else {
            DuePeriod::parse(s).map(Some)
        }
    );
    by_code!(
        statuses,
        StatusSet,
        |set| set.iter().map(|s| s.code()).collect::<Vec<_>>().join(","),
        |s| s
            .split(',')
            .filter(|c| !c.is_empty())
            .map(crate::tasks::Status::from_code)
            .collect::<Option<StatusSet>>()
    );
    by_code!(
        parts,
        Vec<Part>,
        |ps| ps.iter().map(|p| p.code()).collect::<Vec<_>>().join(","),
        |s| s
            .split(',')
            .filter(|c| !c.is_empty())
            .map(Part::from_code)
            .collect::<Option<Vec<_>>>()
    );
}
