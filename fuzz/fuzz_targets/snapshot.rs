//! Snapshot files: read + validate, from bytes (`snapshot-tool`) and from text (the widget,
//! after the browser decoded the fetch). Both must accept and refuse the same files; a file
//! that passes is then drawn the way the widget and the baked pages draw it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use task_dashboard::bake::{compact_view, Links};
use task_dashboard::chart::{csv, parts, svg};
use task_dashboard::format::Lang;
use task_dashboard::snapshot::{parse_snapshot, ValidSnapshot};
use task_dashboard::task_table::tasks_table;
use task_dashboard::tasks::IndexedSnapshot;
use task_dashboard::view_state::ViewState;

#[path = "../common/read_alike.rs"]
mod read_alike;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let same = |a: &ValidSnapshot, b: &ValidSnapshot| {
        a.snapshot() == b.snapshot() && a.warnings() == b.warnings()
    };
    if let Some(snap) =
        read_alike::read_alike(data, &text, |json| parse_snapshot("fuzz.json", json), same)
    {
        draw(IndexedSnapshot::new(snap));
    }
});

/// Every part the widget draws for a snapshot without filters, in both languages: the
/// compact view (as baked), each chart's SVG and CSV downloads, the first table page.
fn draw(snap: IndexedSnapshot) {
    for lang in [Lang::Vi, Lang::En] {
        let links = Links {
            full_view: Some("./?v=2"),
            others: &[],
        };
        let baked = compact_view(&snap, lang, &links);
        std::hint::black_box(&baked.body);

        let view = ViewState {
            lang,
            ..ViewState::default()
        };
        let filter = view.task_filter(&snap);
        let selection = filter.select(&snap, view.table.sort, view.table.descending);
        std::hint::black_box(parts::headline_part(&snap, &selection, lang));
        let charts = [
            parts::status_part(&snap, &selection, filter.statuses, lang),
            parts::units_part(&snap, &selection, &filter, view.unit_chart.sort, true, lang),
            parts::documents_part(&snap, lang),
            parts::schemes_part(&snap, lang),
            parts::growth_part(&snap, lang),
        ];
        let footer = svg::Footer {
            source: "source",
            notice: Some("notice"),
        };
        for chart in charts.iter().flatten() {
            std::hint::black_box(svg::render(chart, &footer));
            std::hint::black_box(csv::render(&chart.table));
        }
        let rows = selection.rows.page(&snap, 0, view.table.rows_per_page());
        std::hint::black_box(csv::render(&tasks_table(&snap, &rows, lang)));
    }
}
