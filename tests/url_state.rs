//! The URL is the view: golden links that must keep working in every later version, and a
//! round-trip property over arbitrary view states.

use proptest::prelude::*;
use serde::Deserialize;
use task_dashboard::chart::UnitSort;
use task_dashboard::format::Lang;
use task_dashboard::snapshot::{SpanGroup, UnitKind};
use task_dashboard::tasks::{DuePeriod, SortColumn, Status, StatusSet};
use task_dashboard::view_state::{
    decode, encode, CompactView, Filters, Look, Part, Tab, TableView, Theme, UnitChartView,
    ViewState,
};

#[derive(Deserialize)]
struct Golden {
    why: String,
    link: String,
    state: ViewState,
    #[serde(default)]
    ignored: Vec<String>,
    canonical: String,
}

#[test]
fn golden_links_produce_their_views() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden-links.json");
    let golden: Vec<Golden> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert!(golden.len() >= 8);
    for g in &golden {
        let decoded = decode(&g.link);
        assert_eq!(decoded.state, g.state, "{}: {}", g.why, g.link);
        let ignored: Vec<String> = decoded.ignored.iter().map(|i| i.to_string()).collect();
        assert_eq!(ignored, g.ignored, "{}", g.why);
        assert_eq!(encode(&g.state), g.canonical, "{}", g.why);
        assert_eq!(
            decode(&g.canonical).state,
            g.state,
            "{}: canonical form",
            g.why
        );
    }
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9._-]{0,20}"
}

prop_compose! {
    fn view_state()(
        snapshot in proptest::option::of(id()),
        en in any::<bool>(),
        tab in prop::sample::select(Tab::ALL.to_vec()),
        statuses in prop::collection::vec(prop::sample::select(Status::ALL.to_vec()), 0..4),
        units in prop::collection::btree_set(id(), 0..4),
        unit_kind in proptest::option::of(prop::sample::select(vec![UnitKind::Department, UnitKind::Locality])),
        document in proptest::option::of("[^\u{0}]{1,30}".prop_filter("not blank", |s| !s.trim().is_empty())),
        due in proptest::option::of((2000i32..2100, 1u32..=12, any::<bool>())),
        query in "[^\u{0}]{0,40}".prop_filter("no surrounding-only blanks", |s| s.is_empty() || !s.trim().is_empty()),
        unit_sort in prop::sample::select(UnitSort::ALL.to_vec()),
        table_sort in prop::sample::select(SortColumn::ALL.to_vec()),
        table_desc in any::<bool>(),
        page_size in prop::sample::select(vec![0u32, 20, 50]),
        page in 0u32..500,
        all_units in any::<bool>(),
        embed in any::<bool>(),
        parts in prop::collection::btree_set(0usize..Part::ALL.len(), 0..4),
        theme in prop::sample::select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        accent in proptest::option::of("[0-9a-f]{6}"),
        font in proptest::option::of("[A-Za-z0-9][A-Za-z0-9 -]{0,20}[A-Za-z0-9]"),
        frame_id in proptest::option::of("[A-Za-z0-9_-]{1,20}"),
        pin in proptest::option::of("[0-9a-f]{16}"),
        growth_spans in proptest::option::of(prop::sample::select(SpanGroup::ALL.to_vec())),
        compare in prop::collection::btree_set(id(), 0..4),
        from in proptest::option::of(id()),
    ) -> ViewState {
        ViewState {
            snapshot,
            pin,
            lang: if en { Lang::En } else { Lang::Vi },
            tab,
            filters: Filters {
                statuses: statuses.into_iter().collect::<StatusSet>(),
                units: units.into_iter().collect(),
                unit_kind,
                document,
                due: due.map(|(year, m, quarter)| if quarter {
                    DuePeriod::Quarter { year, quarter: (m - 1) / 3 + 1 }
                } else {
                    DuePeriod::Month { year, month: m }
                }),
                query,
            },
            unit_chart: UnitChartView { sort: unit_sort, all: all_units },
            table: TableView {
                sort: table_sort,
                descending: table_desc,
                page_size,
                page: if page < 2 { 0 } else { page },
            },
            growth_spans,
            compare: compare.into_iter().collect(),
            from,
            compact: CompactView {
                on: embed,
                parts: parts.into_iter().map(|i| Part::ALL[i]).collect(),
                frame_id,
            },
            look: Look { theme, accent, font },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_view_survives_a_round_trip_through_its_link(state in view_state()) {
        let link = encode(&state);
        let decoded = decode(&link);
        prop_assert!(decoded.ignored.is_empty(), "{link}: ignored {:?}", decoded.ignored);
        prop_assert_eq!(decoded.state, state);
    }

    #[test]
    fn any_query_string_decodes_without_panicking(query in ".{0,200}") {
        let decoded = decode(&query);
        // Whatever was kept encodes to a link that reads back the same.
        prop_assert_eq!(decode(&encode(&decoded.state)).state, decoded.state);
    }
}
