//! The core without Leptos, for `bench/core-size.sh`: one exported function that reads a
//! snapshot and a link, then builds, renders and formats everything the widget shows, so the
//! linker keeps the core code the widget uses (and no view code).
use task_dashboard::chart::{self, csv, svg};
use task_dashboard::format::{self, Lang};
use task_dashboard::markup;
use task_dashboard::snapshot::parse_snapshot;
use task_dashboard::view_state;

/// Memory for the caller to write the snapshot and the link into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// # Safety
/// `json` and `link` must point to `json_len` and `link_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn run(
    json: *const u8,
    json_len: usize,
    link: *const u8,
    link_len: usize,
    english: bool,
) -> usize {
    let json = String::from_utf8_lossy(std::slice::from_raw_parts(json, json_len));
    let link = String::from_utf8_lossy(std::slice::from_raw_parts(link, link_len));
    let lang = if english { Lang::En } else { Lang::Vi };
    let l = format::labels(lang);
    let mut state = view_state::decode(&link).state;
    let mut out = String::new();
    match parse_snapshot("data/snapshot.json", &*json) {
        Err(e) => out.push_str(&markup::load_error(&e, l)),
        Ok(snap) => {
            out.push_str(&state.reconcile(&snap).len().to_string());
            let filter = state.task_filter(&snap);
            let sel = filter.select(&snap, state.table_sort, state.table_desc);
            let s = snap.snapshot();
            let source = chart::source_line(&s.source, lang);
            let footer = svg::Footer {
                source: &source,
                notice: None,
            };
            let mut charts = vec![chart::status_chart(
                &sel.status_tally,
                state.statuses,
                s.as_of,
                lang,
            )];
            charts.extend(chart::unit_chart(
                &s.units,
                &sel,
                &filter,
                state.unit_sort,
                state.all_units,
                lang,
            ));
            charts.extend(
                s.documents
                    .as_ref()
                    .map(|d| chart::documents_chart(d, lang)),
            );
            charts.push(chart::schemes_chart(&s.schemes, s.as_of, lang));
            charts.extend(
                s.growth
                    .as_ref()
                    .map(|g| chart::growth_chart(g, &s.source, lang)),
            );
            for c in &mut charts {
                c.emphasise(state.statuses);
                c.limit_rows(10, state.all_units);
                out.push_str(&svg::render(c, &footer));
                out.push_str(&csv::render(&c.table));
            }
            let rows = sel.rows.page(&snap, 0, state.rows_per_page());
            out.push_str(&csv::render(&chart::tasks_table(&snap, &rows, lang)));
            out.push_str(&markup::headline(
                &chart::headline(&sel.status_tally, lang),
                l,
            ));
            out.push_str(&markup::source_footer(
                Some((&source, s.source.url.as_ref())),
                None,
                l,
            ));
            out.push_str(&markup::notices(
                &markup::Notices {
                    warnings: snap.warnings(),
                    ..Default::default()
                },
                l,
            ));
            out.push_str(&view_state::embed_snippet(
                "https://example.org/",
                &state,
                false,
                "f",
                "t",
            ));
            out.push_str(&view_state::full_view_link("https://example.org/", &state));
        }
    }
    out.push_str(&view_state::encode(&state));
    let len = out.len();
    std::mem::forget(out);
    len
}
