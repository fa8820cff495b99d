//! The flat serde form of a [`ViewState`]: one member per link parameter, each written as its
//! link code, so golden-link files (`tests/golden-links.json`) read like links and keep their
//! shape whatever the grouping of the Rust type.

use serde::{Deserialize, Serialize};

use super::{CompactView, Filters, Look, Part, Tab, TableView, Theme, UnitChartView, ViewState};
use crate::chart::UnitSort;
use crate::format::Lang;
use crate::snapshot::{SpanGroup, UnitKind};
use crate::tasks::{DuePeriod, SortColumn, StatusSet};

#[derive(Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct FlatViewState {
    snapshot: Option<String>,
    pin: Option<String>,
    #[serde(with = "codes::lang")]
    lang: Lang,
    #[serde(with = "codes::tab")]
    tab: Tab,
    #[serde(with = "codes::statuses")]
    statuses: StatusSet,
    units: Vec<String>,
    #[serde(with = "codes::unit_kind")]
    unit_kind: Option<UnitKind>,
    document: Option<String>,
    #[serde(with = "codes::due")]
    due: Option<DuePeriod>,
    query: String,
    #[serde(with = "codes::unit_sort")]
    unit_sort: UnitSort,
    #[serde(with = "codes::sort_column")]
    table_sort: SortColumn,
    table_desc: bool,
    page_size: u32,
    page: u32,
    all_units: bool,
    #[serde(with = "codes::growth_spans")]
    growth_spans: Option<SpanGroup>,
    compare: Vec<String>,
    from: Option<String>,
    embed: bool,
    #[serde(with = "codes::parts")]
    parts: Vec<Part>,
    #[serde(with = "codes::theme")]
    theme: Theme,
    accent: Option<String>,
    font: Option<String>,
    frame_id: Option<String>,
}

impl From<FlatViewState> for ViewState {
    fn from(f: FlatViewState) -> ViewState {
        ViewState {
            snapshot: f.snapshot,
            pin: f.pin,
            lang: f.lang,
            tab: f.tab,
            filters: Filters {
                statuses: f.statuses,
                units: f.units,
                unit_kind: f.unit_kind,
                document: f.document,
                due: f.due,
                query: f.query,
            },
            unit_chart: UnitChartView {
                sort: f.unit_sort,
                all: f.all_units,
            },
            table: TableView {
                sort: f.table_sort,
                descending: f.table_desc,
                page_size: f.page_size,
                page: f.page,
            },
            growth_spans: f.growth_spans,
            compare: f.compare,
            from: f.from,
            compact: CompactView {
                on: f.embed,
                parts: f.parts,
                frame_id: f.frame_id,
            },
            look: Look {
                theme: f.theme,
                accent: f.accent,
                font: f.font,
            },
        }
    }
}

impl From<ViewState> for FlatViewState {
    fn from(v: ViewState) -> FlatViewState {
        FlatViewState {
            snapshot: v.snapshot,
            pin: v.pin,
            lang: v.lang,
            tab: v.tab,
            statuses: v.filters.statuses,
            units: v.filters.units,
            unit_kind: v.filters.unit_kind,
            document: v.filters.document,
            due: v.filters.due,
            query: v.filters.query,
            unit_sort: v.unit_chart.sort,
            table_sort: v.table.sort,
            table_desc: v.table.descending,
            page_size: v.table.page_size,
            page: v.table.page,
            all_units: v.unit_chart.all,
            growth_spans: v.growth_spans,
            compare: v.compare,
            from: v.from,
            embed: v.compact.on,
            parts: v.compact.parts,
            theme: v.look.theme,
            accent: v.look.accent,
            font: v.look.font,
            frame_id: v.compact.frame_id,
        }
    }
}

/// Serde adapters writing each field as its link code.
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
        growth_spans,
        Option<SpanGroup>,
        |g| g.map_or(String::new(), |g| g.code().into()),
        |s| if s.is_empty() {
            Some(None)
        } else {
            SpanGroup::from_code(s).map(Some)
        }
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
