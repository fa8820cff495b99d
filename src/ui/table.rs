//! The tasks of the current selection: sortable columns, one page at a time (only the page is
//! in the DOM, whatever the selection size), Vietnamese dates, CSV of the whole selection.

use leptos::prelude::*;

use super::browser;
use super::chart::ExportInfo;
use super::paint::{paint_effect_in_view_first, RowsPainter};
use super::state::use_ctx;
use crate::chart::csv;
use crate::format::{self, fill};
use crate::task_table::tasks_table;
use crate::tasks::SortColumn;
use crate::view_state::TableView;

#[component]
pub fn TaskTable(export: Memo<ExportInfo>) -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let has_records = move || {
        ctx.snap
            .with(|s| s.as_ref().is_some_and(|s| !s.records().is_empty()))
    };
    let matched = move || {
        ctx.selection
            .with(|s| s.as_ref().map_or(0, |s| s.rows.len()))
    };
    let page_size = Memo::new(move |_| ctx.view.with(|v| v.table.rows_per_page()));
    let pages = move || matched().div_ceil(page_size.get()).max(1);
    let wanted_page = Memo::new(move |_| ctx.view.with(|v| v.table.page()) as usize);
    let page = move || wanted_page.get().min(pages());
    let rows = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let p = page();
        let snap = ctx.snap.get()?;
        ctx.selection.with(|sel| {
            let sel = sel.as_ref()?;
            let size = page_size.get();
            let page = sel.rows.page(&snap, (p - 1) * size, size);
            Some(tasks_table(&snap, &page, lang))
        })
    });
    let header = move |col: SortColumn| {
        let sorted = move || {
            ctx.view
                .with(|v| (v.table.sort == col).then_some(v.table.descending))
        };
        let aria = move || match sorted() {
            Some(true) => "descending",
            Some(false) => "ascending",
            None => "none",
        };
        let arrow = move || match sorted() {
            Some(true) => " ↓",
            Some(false) => " ↑",
            None => "",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="td-sort" data-sort=col.code()
                    on:click=move |_| ctx.update_view(|v| v.sort_table_by(col))>
                    {labels.sort_column(col)}<span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    // The page's rows are painted in place: a filter change rewrites the texts of 10 rows
    // instead of rebuilding them (see `super::paint`); below the fold, after the frame.
    let body_ref = NodeRef::<leptos::html::Tbody>::new();
    paint_effect_in_view_first(
        body_ref,
        |body| RowsPainter::new(body, false, None),
        rows,
        |painter, table| match table {
            Some(table) => painter.paint(&table.headers, &table.rows),
            None => painter.paint(&[], &[]),
        },
    );
    let download = move |_| {
        let lang = ctx.lang.get_untracked();
        let Some(snap) = ctx.snap.get_untracked() else {
            return;
        };
        let text = ctx.selection.with_untracked(|sel| {
            sel.as_ref()
                .map(|sel| csv::render(&tasks_table(&snap, &sel.rows.all(&snap), lang)))
        });
        if let Some(text) = text {
            let name = format!("{}-tasks.csv", export.get_untracked().file_prefix);
            let _ = browser::download_text(&name, "text/csv;charset=utf-8", &text);
        }
    };
    let go = move |delta: isize| {
        let target = (page() as isize + delta).clamp(1, pages() as isize) as u32;
        ctx.update_view(|v| v.go_to_page(target));
    };
    view! {
        <Show when=has_records>
            <section class="td-card td-tasks" aria-labelledby="td-tasks-title">
                <header class="td-card-head">
                    <h2 id="td-tasks-title">{labels.table_tasks}</h2>
                    <button type="button" class="td-small-button" data-download="tasks-csv" on:click=download>
                        {move || format!("{} CSV", labels.downloads)}
                    </button>
                </header>
                <div class="td-table-wrap">
                    <table class="td-table td-task-table">
                        <caption class="td-visually-hidden">{labels.table_tasks}</caption>
                        <thead><tr>{SortColumn::ALL.into_iter().map(header).collect_view()}</tr></thead>
                        <tbody node_ref=body_ref></tbody>
                    </table>
                </div>
                <Show when=move || matched() == 0>
                    <p class="td-empty">{labels.no_match}</p>
                </Show>
                <nav class="td-pager" aria-label=labels.table_tasks>
                    <button type="button" class="td-button" data-page="prev" disabled=move || { page() <= 1 } on:click=move |_| go(-1)>
                        {labels.page_prev}
                    </button>
                    <span class="td-page" data-page-status="">{move || {
                        let lang = ctx.lang.get();
                        fill(labels.page_of, &[("p", &format::count(page() as u32, lang)), ("n", &format::count(pages() as u32, lang))])
                    }}</span>
                    <button type="button" class="td-button" data-page="next" disabled=move || { page() >= pages() } on:click=move |_| go(1)>
                        {labels.page_next}
                    </button>
                    <label class="td-page-size">
                        <span>{labels.page_size}</span>
                        <select name="n" prop:value=ctx.view_value(|v| v.table.rows_per_page().to_string())
                            on:change=move |ev| {
                                // From the page on screen (a link may ask for a page past the end).
                                let shown = page() as u32;
                                if let Ok(size) = event_target_value(&ev).parse() {
                                    ctx.update_view(|v| v.set_rows_per_page(size, shown));
                                }
                            }>
                            {TableView::PAGE_SIZES.map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </label>
                </nav>
            </section>
        </Show>
    }
}

/// The task table as a part of the compact view (`show=…,table`).
pub fn compact_task_table(export: Memo<ExportInfo>) -> AnyView {
    view! { <TaskTable export /> }.into_any()
}
