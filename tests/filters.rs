//! Filtering and aggregation against `tests/fixtures/records-small.json`, whose 8 tasks are
//! counted by hand below.
//!
//! | id | unit (kind) | doc | due | status |
//! |----|-------------|-----|-----|--------|
//! | T1 | a (dept) | D1 | 2021-02-01 | on time |
//! | T2 | a (dept) | D1 | 2021-02-01 | on time (completed on the due date) |
//! | T3 | a (dept) | D2 | 2021-02-15 | late |
//! | T4 | b (loc)  | D1 | 2021-03-30 | overdue ("Hạ Long") |
//! | T5 | b (loc)  | –  | 2021-03-31 | within deadline (due on the snapshot date) |
//! | T6 | c (loc)  | D2 | 2021-04-30 | within deadline ("Hạ Long") |
//! | T7 | c (loc)  | D2 | 2021-03-15 | overdue |
//! | T8 | b (loc)  | D1 | 2021-01-31 | late |

use task_dashboard::chart::{self, Action, UnitSort};
use task_dashboard::format::Lang;
use task_dashboard::generate::{illustrative_snapshot, Options};
use task_dashboard::snapshot::{parse_snapshot, UnitKind};
use task_dashboard::tasks::IndexedSnapshot;
use task_dashboard::tasks::{DuePeriod, SortColumn, Status, StatusSet, StatusTally, TaskFilter};
use task_dashboard::view_state::{Filters, TableView, ViewState};

fn fixture() -> IndexedSnapshot {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/records-small.json"
    );
    IndexedSnapshot::new(
        parse_snapshot("records-small.json", &std::fs::read(path).unwrap()).unwrap(),
    )
}

/// Ids of the matching tasks, in table order.
fn ids(snap: &IndexedSnapshot, filter: &TaskFilter) -> Vec<String> {
    let sel = filter.select(snap, SortColumn::Id, false);
    sel.rows
        .all(snap)
        .iter()
        .map(|&i| snap.records()[i as usize].id.clone())
        .collect()
}

fn unit(snap: &IndexedSnapshot, id: &str) -> usize {
    snap.unit_index(id).unwrap()
}

#[test]
fn statuses_are_derived_from_the_dates() {
    let snap = fixture();
    assert_eq!(
        snap.tasks().unwrap().totals,
        StatusTally::from_counts([2, 2, 2, 2])
    );
}

#[test]
fn no_filter_selects_everything() {
    let snap = fixture();
    let sel = TaskFilter::default().select(&snap, SortColumn::Id, false);
    assert_eq!(sel.matched, Some(8));
    assert_eq!(sel.total, 8);
    assert_eq!(
        ids(&snap, &TaskFilter::default()),
        ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"]
    );
}

#[test]
fn status_filter() {
    let snap = fixture();
    let f = TaskFilter {
        statuses: StatusSet::only(Status::Overdue),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T4", "T7"]);
    let f = TaskFilter {
        statuses: [Status::OnTime, Status::Late].into_iter().collect(),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T1", "T2", "T3", "T8"]);
}

#[test]
fn unit_and_unit_kind_filters() {
    let snap = fixture();
    let f = TaskFilter {
        units: vec![unit(&snap, "b")],
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T4", "T5", "T8"]);
    let f = TaskFilter {
        unit_kind: Some(UnitKind::Locality),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T4", "T5", "T6", "T7", "T8"]);
    let f = TaskFilter {
        unit_kind: Some(UnitKind::Department),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T1", "T2", "T3"]);
}

#[test]
fn document_filter() {
    let snap = fixture();
    let f = TaskFilter {
        document: snap.document_index("D1"),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T1", "T2", "T4", "T8"]);
}

#[test]
fn due_period_filter_by_month_and_by_quarter() {
    let snap = fixture();
    let f = TaskFilter {
        due: DuePeriod::parse("2021-03"),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T4", "T5", "T7"]);
    let f = TaskFilter {
        due: DuePeriod::parse("2021-Q1"),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T1", "T2", "T3", "T4", "T5", "T7", "T8"]);
    let f = TaskFilter {
        due: DuePeriod::parse("2021-Q2"),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T6"]);
}

#[test]
fn text_search_ignores_case_and_accents() {
    let snap = fixture();
    for query in ["ha long", "HẠ LONG", "  hạ long "] {
        let f = TaskFilter {
            text: query.into(),
            ..Default::default()
        };
        assert_eq!(ids(&snap, &f), ["T4", "T6"], "{query:?}");
    }
}

/// The letter-pair index answers exactly what a substring check of every folded title
/// answers: for typed prefixes, pieces of real titles (accents, digits, punctuation, spaces),
/// one letter, and queries nothing matches; in any order, so the last-search cache is covered.
#[test]
fn the_search_finds_exactly_the_titles_that_contain_the_query() {
    let json = serde_json::to_vec(&illustrative_snapshot(&Options {
        tasks: 3000,
        seed: 11,
    }))
    .unwrap();
    let snap = IndexedSnapshot::new(parse_snapshot("generated", &json).unwrap());
    let selector = snap.selector().unwrap();
    let index = selector.index();
    selector.prepare_search(); // as focusing the search field does
    let mut queries: Vec<String> = [
        "h", "ha", "ha ", "ha l", "ha lo", "ha long", "ha lon", "ha", "", "x", "zq", "–", "/", "1",
        "20", "qd-ubnd",
    ]
    .map(String::from)
    .to_vec();
    // Pieces of titles, folded as the widget folds a query.
    let mut seed = 7u64;
    for i in (0..index.len()).step_by(97) {
        let title: Vec<char> = index.folded_title(i).chars().collect();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let start = (seed >> 33) as usize % title.len().max(1);
        let len = 1 + (seed >> 40) as usize % 12;
        queries.push(title.iter().skip(start).take(len).collect());
    }
    for q in &queries {
        let hits = selector.titles_containing(q);
        let expected: Vec<u32> = (0..index.len() as u32)
            .filter(|&i| index.folded_title(i as usize).contains(q.as_str()))
            .collect();
        assert_eq!(*hits, expected, "{q:?}");
    }
}

#[test]
fn filters_combine() {
    let snap = fixture();
    let f = TaskFilter {
        unit_kind: Some(UnitKind::Locality),
        statuses: StatusSet::only(Status::Overdue),
        ..Default::default()
    };
    assert_eq!(ids(&snap, &f), ["T4", "T7"]);
    let f = TaskFilter {
        text: "ha long".into(),
        ..f
    };
    assert_eq!(ids(&snap, &f), ["T4"]);
}

#[test]
fn each_chart_ignores_the_filter_on_its_own_dimension() {
    let snap = fixture();
    let f = TaskFilter {
        statuses: StatusSet::only(Status::Overdue),
        units: vec![unit(&snap, "b")],
        ..Default::default()
    };
    let sel = f.select(&snap, SortColumn::Id, false);
    assert_eq!(sel.matched, Some(1)); // T4
                                      // The status chart: unit b, every status.
    assert_eq!(sel.status_tally, StatusTally::from_counts([0, 1, 1, 1]));
    // The unit chart: every unit, every status.
    let b = sel.unit_tallies[unit(&snap, "b")].unwrap();
    let c = sel.unit_tallies[unit(&snap, "c")].unwrap();
    assert_eq!(b, StatusTally::from_counts([0, 1, 1, 1]));
    assert_eq!(c, StatusTally::from_counts([0, 0, 1, 1]));
}

#[test]
fn the_unit_kind_filter_hides_units_of_the_other_kind_from_the_unit_chart() {
    let snap = fixture();
    let f = TaskFilter {
        unit_kind: Some(UnitKind::Department),
        ..Default::default()
    };
    let sel = f.select(&snap, SortColumn::Id, false);
    assert!(sel.unit_tallies[unit(&snap, "b")].is_none());
    assert_eq!(
        sel.unit_tallies[unit(&snap, "a")],
        Some(StatusTally::from_counts([2, 1, 0, 0]))
    );
}

#[test]
fn table_order_follows_the_sort_column_both_ways() {
    let snap = fixture();
    let f = TaskFilter::default();
    let order = |col, desc| -> Vec<String> {
        f.select(&snap, col, desc)
            .rows
            .all(&snap)
            .iter()
            .map(|&i| snap.records()[i as usize].id.clone())
            .collect()
    };
    assert_eq!(
        order(SortColumn::Due, false),
        ["T8", "T1", "T2", "T3", "T7", "T4", "T5", "T6"]
    );
    assert_eq!(
        order(SortColumn::Due, true),
        ["T6", "T5", "T4", "T7", "T3", "T2", "T1", "T8"]
    );
    // Not completed last.
    assert_eq!(
        order(SortColumn::Completed, false)[..4],
        ["T1", "T2", "T8", "T3"]
    );
}

#[test]
fn sorting_units_by_overdue_share_puts_who_is_behind_first() {
    let snap = fixture();
    let f = TaskFilter::default();
    let sel = f.select(&snap, SortColumn::Id, false);
    let keys = |sort| -> Vec<String> {
        chart::unit_chart(&snap.snapshot().units, &sel, &f, sort, true, Lang::Vi)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.key)
            .collect()
    };
    assert_eq!(keys(UnitSort::OverdueShare), ["c", "b", "a"]); // 1/2, 1/3, 0/3
    assert_eq!(keys(UnitSort::Name), ["b", "a", "c"]); // Huyện Bình, Sở An, Thành phố Cẩm
    assert_eq!(keys(UnitSort::Total), ["b", "a", "c"]); // 3, 3 (tie: by name), 2
}

#[test]
fn pressing_a_segment_filters_and_pressing_again_clears() {
    let snap = fixture();
    let mut view = ViewState::default();
    let press = Action::ToggleSegment {
        unit: unit(&snap, "c"),
        status: Status::Overdue,
    };
    view.apply(press, &snap);
    assert_eq!(view.filters.units, ["c"]);
    assert_eq!(view.filters.statuses, StatusSet::only(Status::Overdue));
    assert_eq!(ids(&snap, &view.task_filter(&snap)), ["T7"]);
    view.apply(press, &snap);
    assert!(!view.has_filters());
}

#[test]
fn pressing_a_legend_entry_toggles_its_status() {
    let snap = fixture();
    let mut view = ViewState::default();
    let press = Action::ToggleStatuses(StatusSet::only(Status::Late));
    view.apply(press, &snap);
    assert_eq!(ids(&snap, &view.task_filter(&snap)), ["T3", "T8"]);
    view.apply(press, &snap);
    assert_eq!(view.filters.statuses, StatusSet::EMPTY);
}

#[test]
fn aggregate_only_snapshots_filter_by_status_and_ignore_record_filters() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/snapshots/quang-ninh-2021-q1.json"
    );
    let snap =
        IndexedSnapshot::new(parse_snapshot("default", &std::fs::read(path).unwrap()).unwrap());
    let mut view = ViewState {
        filters: Filters {
            query: "cao tốc".into(),
            unit_kind: Some(UnitKind::Locality),
            ..Default::default()
        },
        ..Default::default()
    };
    let ignored: Vec<String> = view
        .reconcile(&snap)
        .0
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(ignored, ["k=loc", "q=cao tốc"]);
    view.filters.statuses = StatusSet::only(Status::Overdue);
    let sel = view
        .task_filter(&snap)
        .select(&snap, SortColumn::Due, false);
    assert_eq!(sel.matched, Some(41));
    assert_eq!(sel.total, 1738);
    assert!(sel.unit_tallies.is_empty());
}

#[test]
fn the_status_chart_shows_counts_shares_and_the_selection() {
    let tally = StatusTally::from_counts([506, 123, 41, 1068]);
    let as_of = task_dashboard::snapshot::Date::from_ymd(2021, 3, 31).unwrap();
    let c = chart::status_chart(
        &tally,
        StatusSet::only(Status::Overdue),
        chart::Reported::at(as_of),
        Lang::Vi,
    );
    let values: Vec<&str> = c.rows.iter().map(|r| r.value_text.as_str()).collect();
    assert_eq!(
        values,
        ["506 · 29,1%", "123 · 7,1%", "41 · 2,4%", "1.068 · 61,4%"]
    );
    assert!(c.rows[2].segments[0].selected);
    assert!(c.rows[0].segments[0].dimmed);
    assert_eq!(c.table.rows.last().unwrap()[1].text, "1.738");
    let c = chart::status_chart(
        &tally,
        StatusSet::EMPTY,
        chart::Reported::at(as_of),
        Lang::En,
    );
    assert_eq!(c.rows[3].value_text, "1,068 · 61.4%");
    assert_eq!(c.rows[3].label, "Not completed, within deadline");
}

/// The view redraws the charts only when the counts change (`Selection::same_counts`): a sort
/// keeps them, a filter changes them. The unit chart, only when the per-unit counts change
/// (`same_unit_counts`): a status toggle keeps them.
#[test]
fn a_sort_keeps_the_counts_and_a_filter_changes_them() {
    let snap = fixture();
    let f = TaskFilter::default();
    let by_id = f.select(&snap, SortColumn::Id, false);
    let by_due_desc = f.select(&snap, SortColumn::Due, true);
    assert_ne!(by_id.rows.all(&snap), by_due_desc.rows.all(&snap));
    assert!(by_id.same_counts(&by_due_desc));
    let overdue = TaskFilter {
        statuses: StatusSet::only(Status::Overdue),
        ..Default::default()
    };
    let by_overdue = overdue.select(&snap, SortColumn::Id, false);
    assert!(!by_id.same_counts(&by_overdue));
    assert!(by_id.same_unit_counts(&by_overdue));
    let locality = TaskFilter {
        unit_kind: Some(UnitKind::Locality),
        ..Default::default()
    };
    let by_locality = locality.select(&snap, SortColumn::Id, false);
    assert!(!by_id.same_counts(&by_locality));
    assert!(!by_id.same_unit_counts(&by_locality));
}

/// The selector keeps the last counts (`Selector::counted`) for status toggles and sorts: a
/// sequence of changes on one snapshot must select exactly what a fresh snapshot selects.
#[test]
fn a_sequence_of_changes_selects_what_each_filter_selects_afresh() {
    let snap = fixture();
    let (b, c) = (unit(&snap, "b"), unit(&snap, "c"));
    let overdue = StatusSet::only(Status::Overdue);
    let steps = [
        (TaskFilter::default(), SortColumn::Id, false),
        (
            TaskFilter {
                statuses: overdue,
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                statuses: overdue,
                ..Default::default()
            },
            SortColumn::Due,
            true,
        ),
        (TaskFilter::default(), SortColumn::Due, true),
        (
            TaskFilter {
                units: vec![b],
                ..Default::default()
            },
            SortColumn::Due,
            false,
        ),
        (
            TaskFilter {
                units: vec![b],
                statuses: overdue,
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                units: vec![b, c],
                statuses: overdue,
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                unit_kind: Some(UnitKind::Department),
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                text: "ha long".into(),
                statuses: overdue,
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                text: "ha long".into(),
                ..Default::default()
            },
            SortColumn::Title,
            true,
        ),
        (
            TaskFilter {
                due: DuePeriod::parse("2021-03"),
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (
            TaskFilter {
                document: Some(0),
                ..Default::default()
            },
            SortColumn::Id,
            false,
        ),
        (TaskFilter::default(), SortColumn::Id, false),
    ];
    for (filter, sort, desc) in &steps {
        let fresh_snap = fixture();
        let (kept, fresh) = (
            filter.select(&snap, *sort, *desc),
            filter.select(&fresh_snap, *sort, *desc),
        );
        assert_eq!(kept, fresh, "{filter:?} {sort:?} {desc}");
        let rows = kept.rows.all(&snap);
        assert_eq!(
            rows,
            fresh.rows.all(&fresh_snap),
            "{filter:?} {sort:?} {desc}"
        );
        assert_eq!(rows.len(), kept.rows.len());
        // Pages are slices of the whole list.
        for start in [0, 1, 3, 7, 20] {
            let end = (start + 2).min(rows.len());
            assert_eq!(
                kept.rows.page(&snap, start, 2),
                rows[start.min(end)..end],
                "{filter:?} page at {start}"
            );
        }
    }
}

/// The view draws the unit chart without the status filter and emphasises the statuses on its
/// own (`BarChart::emphasise`): that must be the chart the core builds with the filter.
#[test]
fn the_unit_chart_emphasised_afterwards_is_the_chart_built_with_the_status_filter() {
    let snap = fixture();
    let with = TaskFilter {
        statuses: StatusSet::only(Status::Overdue),
        units: vec![unit(&snap, "b")],
        ..Default::default()
    };
    let without = TaskFilter {
        statuses: StatusSet::default(),
        ..with.clone()
    };
    let sel = with.select(&snap, SortColumn::Id, false);
    let units = &snap.snapshot().units;
    let built = chart::unit_chart(units, &sel, &with, UnitSort::Name, true, Lang::Vi).unwrap();
    let mut emphasised =
        chart::unit_chart(units, &sel, &without, UnitSort::Name, true, Lang::Vi).unwrap();
    assert_ne!(built, emphasised);
    emphasised.emphasise(with.statuses);
    assert_eq!(built, emphasised);
    assert_eq!(built.highlight, with.statuses);
    let pressed: Vec<bool> = built.legend.iter().map(|e| e.selected).collect();
    assert_eq!(pressed, [false, false, true, false]);
}

#[test]
fn the_unit_chart_draws_its_first_ten_units_and_offers_the_rest() {
    let generated = illustrative_snapshot(&Options {
        tasks: 1738,
        seed: 1,
    });
    let snap = IndexedSnapshot::new(
        parse_snapshot("generated", &serde_json::to_vec(&generated).unwrap()).unwrap(),
    );
    let units = &snap.snapshot().units;
    let n = units.len();
    assert!(n > chart::UNIT_ROWS, "{n} units");
    let f = TaskFilter::default();
    let sel = f.select(&snap, SortColumn::Id, false);
    let first =
        chart::unit_chart(units, &sel, &f, UnitSort::OverdueShare, false, Lang::Vi).unwrap();
    let all = chart::unit_chart(units, &sel, &f, UnitSort::OverdueShare, true, Lang::En).unwrap();
    assert_eq!((first.rows.len(), all.rows.len()), (10, n));
    assert_eq!(first.table.rows.len(), n, "the data table lists every unit");
    let limit = first.row_limit.unwrap();
    assert_eq!(limit.note, format!("Đang hiện 10 trên {n} đơn vị."));
    assert_eq!(limit.toggle, format!("Hiện cả {n} đơn vị"));
    assert_eq!(limit.action, Some(Action::AllUnits(true)));
    let limit = all.row_limit.unwrap();
    assert_eq!(limit.note, format!("Showing {n} of {n} units."));
    assert_eq!(limit.toggle, "Show the first 10 only");
    assert_eq!(limit.action, Some(Action::AllUnits(false)));

    // The last unit, filtered to: drawn after the first ten.
    let last = all.rows.last().unwrap().key.clone();
    let f = TaskFilter {
        units: vec![snap.unit_index(&last).unwrap()],
        ..Default::default()
    };
    let sel = f.select(&snap, SortColumn::Id, false);
    let chart =
        chart::unit_chart(units, &sel, &f, UnitSort::OverdueShare, false, Lang::Vi).unwrap();
    assert_eq!(chart.rows.len(), 11);
    assert!(chart.rows[10].selected && chart.rows[10].key == last);

    // Drawing all units is not a filter: the table keeps its page.
    let mut view = ViewState {
        table: TableView {
            page: 3,
            ..Default::default()
        },
        ..Default::default()
    };
    view.apply(Action::AllUnits(true), &snap);
    assert_eq!((view.unit_chart.all, view.table.page), (true, 3));
}
