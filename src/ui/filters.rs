//! The filter panel: status, unit kind, unit, assigning document, due period, title search,
//! the "x of y tasks" count and a reset. Filters the snapshot cannot serve are disabled with
//! the reason next to them.

use leptos::prelude::*;

use super::state::use_ctx;
use crate::chart;
use crate::format::{self, fill};
use crate::tasks::DuePeriod;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let has_records = Memo::new(move |_| {
        ctx.snap
            .with(|s| s.as_ref().is_some_and(|s| !s.records().is_empty()))
    });
    let has_units = Memo::new(move |_| {
        ctx.snap.with(|s| {
            s.as_ref()
                .and_then(|s| s.tasks())
                .is_some_and(|t| !t.by_unit.is_empty())
        })
    });

    let unit_options = Memo::new(move |_| {
        let kind = ctx.view.with(|v| v.filters.unit_kind);
        let lang = ctx.lang.get();
        ctx.snap.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let mut units: Vec<(String, String)> = s
                .snapshot()
                .units
                .iter()
                .filter(|u| kind.is_none_or(|k| u.kind == k))
                .map(|u| (u.id.clone(), u.name.get(lang).to_owned()))
                .collect();
            crate::order::sort_by_key(&mut units, |(_, name)| crate::tasks::fold(name));
            units
        })
    });
    let document_options = Memo::new(move |_| {
        ctx.snap.with(|s| {
            s.as_ref()
                .and_then(|s| s.snapshot().tasks.as_ref())
                .map(|t| {
                    t.assigning_documents
                        .iter()
                        .map(|d| d.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let due_options = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.snap.with(|s| {
            let Some(index) = s.as_ref().and_then(|s| s.task_index()) else {
                return Vec::new();
            };
            DuePeriod::choices(&index.due_months())
                .into_iter()
                .map(|p| (p.to_string(), format::due_period(p, lang)))
                .collect::<Vec<_>>()
        })
    });

    let count_text = move || {
        let lang = ctx.lang.get();
        ctx.counts.with(|sel| {
            sel.as_ref().map(|sel| match sel.matched {
                Some(m) => fill(
                    labels.count_of,
                    &[
                        ("x", &format::count(m, lang)),
                        ("y", &format::count(sel.total, lang)),
                    ],
                ),
                None => labels.count_unknown.to_owned(),
            })
        })
    };

    // A chip per status with a count of its own; a group known only as a sum is one chip.
    let status_choices = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.snap.with(|s| {
            s.as_ref()
                .and_then(|s| s.tasks())
                .map(|t| chart::status_choices(&t.totals, lang))
                .unwrap_or_default()
        })
    });
    let status_chip = move |choice: chart::StatusChoice| {
        let set = choice.statuses;
        let pressed = move || ctx.statuses.with(|s| s.contains_all(set));
        view! {
            <button type="button" class=format!("td-chip td-chip-{}", choice.key) aria-pressed=move || pressed().to_string()
                on:click=move |_| ctx.update_view(|v| v.toggle_statuses(set))>
                <span class=format!("td-swatch {}", choice.class) aria-hidden="true"></span>
                {choice.label}
            </button>
        }
    };

    let select_value = move |f| ctx.view_value(f);
    view! {
        <section class="td-card td-filters" aria-labelledby="td-filters-title">
            <header class="td-card-head">
                <h2 id="td-filters-title">{labels.filters}</h2>
                <p class="td-count" role="status" aria-live="polite" data-count="">{count_text}</p>
            </header>
            <fieldset class="td-fieldset">
                <legend>{labels.filter_status}</legend>
                <div class="td-chips">{move || status_choices.get().into_iter().map(status_chip).collect_view()}</div>
            </fieldset>
            <div class="td-field-grid">
                <label class="td-field">
                    <span>{labels.filter_unit_kind}</span>
                    <select name="k" disabled=move || !has_units.get() aria-describedby="td-reason-units"
                        prop:value=select_value(|v| v.filters.unit_kind_code().to_owned())
                        on:change=move |ev| ctx.update_view(|v| v.choose_unit_kind(&event_target_value(&ev)))>
                        <option value="">{labels.all}</option>
                        <option value="dept">{labels.kind_department}</option>
                        <option value="loc">{labels.kind_locality}</option>
                    </select>
                </label>
                <label class="td-field">
                    <span>{labels.filter_unit}</span>
                    <select name="u" disabled=move || !has_units.get() aria-describedby="td-reason-units"
                        prop:value=select_value(|v| v.filters.unit_choice().to_owned())
                        on:change=move |ev| ctx.update_view(|v| v.choose_unit(&event_target_value(&ev)))>
                        <option value="">{labels.all}</option>
                        <Show when=move || ctx.view.with(|v| v.filters.units.len() > 1)>
                            <option value="*" disabled>{move || format!("{} {}", ctx.view.with(|v| v.filters.units.len()), crate::format::lowercase(labels.filter_unit))}</option>
                        </Show>
                        {move || unit_options.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="td-field">
                    <span>{labels.filter_document}</span>
                    <select name="doc" disabled=move || !has_records.get() aria-describedby="td-reason-records"
                        prop:value=select_value(|v| v.filters.document.clone().unwrap_or_default())
                        on:change=move |ev| ctx.update_view(|v| v.choose_document(&event_target_value(&ev)))>
                        <option value="">{labels.all}</option>
                        {move || document_options.get().into_iter().map(|id| { let label = id.clone(); view! { <option value=id>{label}</option> } }).collect_view()}
                    </select>
                </label>
                <label class="td-field">
                    <span>{labels.filter_due}</span>
                    <select name="due" disabled=move || !has_records.get() aria-describedby="td-reason-records"
                        prop:value=select_value(|v| v.filters.due.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |ev| ctx.update_view(|v| v.choose_due(&event_target_value(&ev)))>
                        <option value="">{labels.all}</option>
                        {move || due_options.get().into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="td-field td-field-wide">
                    <span>{labels.filter_search}</span>
                    <input type="search" name="q" disabled=move || !has_records.get() aria-describedby="td-reason-records"
                        placeholder=labels.filter_search_placeholder
                        prop:value=select_value(|v| v.filters.query.clone())
                        // A reader who focuses the field is about to type: build the search
                        // index now (~40 ms at 100k tasks) rather than on the first key.
                        on:focus=move |_| ctx.snap.with_untracked(|s| {
                            if let Some(selector) = s.as_ref().and_then(|s| s.selector()) {
                                selector.prepare_search();
                            }
                        })
                        on:input=move |ev| ctx.update_view(|v| v.search(event_target_value(&ev))) />
                </label>
            </div>
            <Show when=move || !has_units.get()>
                <p class="td-reason" id="td-reason-units">{labels.needs_units}</p>
            </Show>
            <Show when=move || !has_records.get()>
                <p class="td-reason" id="td-reason-records">{labels.needs_records}</p>
            </Show>
            <div class="td-filter-actions">
                <button type="button" class="td-button" data-action="reset"
                    disabled=move || !ctx.view.with(|v| v.has_filters())
                    on:click=move |_| ctx.update_view(|v| v.reset_filters())>
                    {labels.reset}
                </button>
                <label class="td-field td-inline">
                    <span>{labels.sort_units}</span>
                    <select name="us" disabled=move || !has_units.get()
                        prop:value=select_value(|v| v.unit_chart.sort.code().to_owned())
                        on:change=move |ev| ctx.update_view(|v| v.sort_units_by(&event_target_value(&ev)))>
                        <option value="overdue">{labels.sort_overdue_share}</option>
                        <option value="total">{labels.sort_total}</option>
                        <option value="name">{labels.sort_name}</option>
                    </select>
                </label>
            </div>
        </section>
    }
}
