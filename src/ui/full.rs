//! The full view, for staff and readers of the widget's own page: tabs, filters, the task
//! table and the staff tools (snapshot picker, copy link, embed panel, downloads), with the
//! address bar kept in step with the view. Only in the full build (`staff` feature).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use super::changes::ChangesTab;
use super::compact::CompactView;
use super::figures::Charts;
use super::filters::FilterPanel;
use super::parts::{heading, Headline, LoadState, Notices, SourceFooter};
use super::share::{CopyLinkButton, EmbedPanel};
use super::state::{use_ctx, Ctx};
use super::table::TaskTable;
use crate::chart::{Action, BarChart};
use crate::format;
use crate::snapshot::SpanGroup;
use crate::view_state::{encode, Tab};

/// The page: the compact view when the link asks for it, else the full view.
pub fn page(compact: bool) -> AnyView {
    if compact {
        view! { <CompactView /> }.into_any()
    } else {
        view! { <FullView /> }.into_any()
    }
}

/// A chart's bar or legend entry pressed: cross-filtering, applied to the view.
fn apply_chart_action(ctx: Ctx) -> Callback<Action> {
    Callback::new(move |action: Action| {
        if let Some(snap) = ctx.snap.get_untracked() {
            ctx.update_view(|v| v.apply(action, &snap));
        }
    })
}

/// Writes the view to the address bar (replaceState, debounced so typing in the search box
/// does not hit the browsers' limits on history calls). Called once, by the shell, which
/// outlives every page it draws.
pub fn keep_url_in_step(ctx: Ctx) {
    use std::time::Duration;

    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let query = ctx.view.with(encode);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    browser::replace_query(&query);
                }
            },
            Duration::from_millis(80),
        );
    });
}

#[component]
fn FullView() -> impl IntoView {
    let ctx = use_ctx();
    let charts = Charts::new(ctx, apply_chart_action(ctx));
    let labels = ctx.labels.get_untracked();
    let tab = Memo::new(move |_| ctx.view.with(|v| v.tab));
    // Only the tabs the snapshot has something for, and only when there are two or more to
    // choose from (none until it has loaded).
    // The series and "what changed" tabs only where the manifest has reports for them.
    let shown = Memo::new(move |_| {
        ctx.snap.with(|s| {
            let held = ctx.manifest.with(|m| {
                let m = m.as_ref().and_then(|m| m.as_ref().ok()).map(|m| &**m);
                s.as_ref().map_or_else(Vec::new, |s| Tab::offered(s, m))
            });
            if held.len() > 1 {
                held
            } else {
                Vec::new()
            }
        })
    });
    let tabbed = Memo::new(move |_| shown.with(|s| !s.is_empty()));
    let tab_button = move |t: Tab| {
        let selected = move || tab.get() == t;
        view! {
            <button type="button" role="tab" id=format!("td-tab-{}", t.code())
                aria-controls="td-panel" aria-selected=move || selected().to_string()
                tabindex=move || if selected() { "0" } else { "-1" }
                class="td-tab" class:is-active=selected
                on:click=move |_| ctx.update_view(|v| v.tab = t)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    let Some(next) = shown.with_untracked(|s| t.after_key(&ev.key(), s)) else { return };
                    ev.prevent_default();
                    ctx.update_view(|v| v.tab = next);
                    if let Some(el) = document().get_element_by_id(&format!("td-tab-{}", next.code())) {
                        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
                    }
                }>
                {t.name(labels)}
            </button>
        }
    };
    view! {
        <Header />
        // Notices inside the main landmark: all content is in a landmark.
        <main class="td-main">
            <Notices />
            <Show when=move || tabbed.get()>
                <nav class="td-tabs" role="tablist" aria-label=labels.tabs_label>
                    {move || shown.get().into_iter().map(tab_button).collect_view()}
                </nav>
            </Show>
            <LoadState />
            // A tab panel once there are tabs to label it (not while loading, nor on a failure).
            <div id="td-panel" class="td-panel"
                role=move || tabbed.get().then_some("tabpanel")
                aria-labelledby=move || tabbed.get().then(|| format!("td-tab-{}", tab.get().code()))>
                {move || match tab.get() {
                    Tab::Tasks => view! { <TasksTab charts /> }.into_any(),
                    Tab::Documents => view! {
                        {charts.card(ctx, charts.documents, true)}
                        {charts.card(ctx, charts.schemes, true)}
                        <Absent chart=charts.documents />
                    }.into_any(),
                    Tab::Series => view! { <super::series::SeriesView controls=true /> }.into_any(),
                    Tab::Growth => view! {
                        <GrowthSpans />
                        {charts.card(ctx, charts.growth, true)}
                        <Absent chart=charts.growth />
                    }.into_any(),
                    Tab::Changes => view! { <ChangesTab /> }.into_any(),
                }}
            </div>
        </main>
        <SourceFooter full_link=false />
    }
}

/// "This snapshot has no such figures", instead of an empty tab.
/// The growth chart's kinds of period, when the series mixes them: all, whole years,
/// quarters, or 6 and 9 months (pressed: `aria-pressed`; the choice is in the link, `gs=`).
#[component]
fn GrowthSpans() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let groups = Memo::new(move |_| {
        ctx.snap.with(|s| {
            s.as_ref()
                .map(|s| crate::chart::parts::growth_groups(s))
                .unwrap_or_default()
        })
    });
    let chip = move |(spans, label): (Option<SpanGroup>, &'static str)| {
        let pressed = move || ctx.view.with(|v| v.growth_spans == spans).to_string();
        view! {
            <button type="button" class="td-chip" aria-pressed=pressed
                on:click=move |_| ctx.update_view(|v| v.choose_growth_spans(spans))>
                {label}
            </button>
        }
    };
    view! {
        <Show when=move || groups.with(|g| g.len() > 1)>
            <fieldset class="td-fieldset td-growth-spans">
                <legend>{labels.growth_spans}</legend>
                <div class="td-chips">
                    {move || {
                        let mut choices = vec![(None, labels.spans_all)];
                        choices.extend(groups.get().into_iter().map(|g| (Some(g), labels.span_group(g))));
                        choices.into_iter().map(chip).collect_view()
                    }}
                </div>
            </fieldset>
        </Show>
    }
}

#[component]
fn Absent(chart: Memo<Option<BarChart>>) -> impl IntoView {
    let ctx = use_ctx();
    let missing = move || ctx.snap.with(Option::is_some) && chart.with(Option::is_none);
    view! {
        <Show when=missing>
            <p class="td-empty">{ctx.labels.get_untracked().absent}</p>
        </Show>
    }
}

#[component]
fn TasksTab(charts: Charts) -> impl IntoView {
    let ctx = use_ctx();
    let has_tasks = move || {
        ctx.snap
            .with(|s| s.as_ref().is_some_and(|s| s.tasks().is_some()))
    };
    view! {
        <Show when=has_tasks fallback=move || view! { <Absent chart=charts.status /> }>
            <Headline />
            {charts.card(ctx, charts.status, true)}
            <FilterPanel />
            {charts.units_card(ctx, true)}
            <TaskTable export=charts.export />
        </Show>
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let switch_lang = move |_| ctx.update_view(|v| v.switch_language());
    let other_lang = move || match ctx.lang.get() {
        format::Lang::Vi => "en",
        format::Lang::En => "vi",
    };
    view! {
        <header class="td-header">
            {heading(false)}
            <div class="td-tools">
                <button type="button" class="td-button" lang=other_lang
                    aria-label=labels.language_switch_label on:click=switch_lang>
                    {labels.language_switch}
                </button>
                <SnapshotPicker />
                <CopyLinkButton />
                <EmbedPanel />
            </div>
        </header>
    }
}

#[component]
fn SnapshotPicker() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let entries = Memo::new(move |_| match ctx.manifest.get() {
        Some(Ok(m)) => m
            .snapshots
            .iter()
            .map(|e| (e.id.clone(), e.title.get(ctx.lang.get()).to_owned()))
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    let current = Memo::new(move |_| {
        let chosen = ctx.view.with(|v| v.snapshot.clone());
        chosen
            .or_else(|| match ctx.manifest.get() {
                Some(Ok(m)) => Some(m.default.clone()),
                _ => None,
            })
            .unwrap_or_default()
    });
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let default = match ctx.manifest.get_untracked() {
            Some(Ok(m)) => m.default.clone(),
            _ => String::new(),
        };
        ctx.notices.update(|n| n.pin = None);
        ctx.update_view(|v| v.choose_snapshot(&id, &default));
    };
    view! {
        <Show when=move || entries.with(|e| e.len() > 1)>
            <label class="td-field td-snapshot-picker">
                <span>{labels.snapshot}</span>
                <select on:change=on_change prop:value=move || current.get()>
                    {move || entries.get().into_iter().map(|(id, title)| {
                        let selected = id == current.get();
                        view! { <option value=id selected=selected>{title}</option> }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}
