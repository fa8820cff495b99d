//! The app shell: reads the link, loads the data, keeps the URL in step with the view, and lays
//! out the full view or the compact embed.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::chart::{ChartCard, ExportInfo};
#[cfg(feature = "staff")]
use super::filters::FilterPanel;
#[cfg(feature = "staff")]
use super::share::{CopyLinkButton, EmbedPanel};
use super::state::{use_ctx, Ctx, LinkNotices, Load, Shared};
#[cfg(feature = "staff")]
use super::table::TaskTable;
use crate::chart::{self, Action, BarChart};
use crate::format;
use crate::markup;
use crate::snapshot::ValidSnapshot;
use crate::tasks::IndexedSnapshot;
use crate::tasks::StatusSet;
use crate::view_state::{decode, full_build_base, full_view_link, Part, Theme};
#[cfg(feature = "staff")]
use crate::view_state::{encode, Tab};

#[component]
pub fn App() -> impl IntoView {
    let decoded = decode(&browser::current_query());
    let ctx = Ctx::new(
        decoded.state,
        LinkNotices {
            ignored: decoded.ignored,
            from_newer_version: decoded.from_newer_version,
            refused_snapshot: None,
        },
    );
    provide_context(ctx);
    load_data(ctx);
    // The reader build draws one fixed view: nothing to write back.
    #[cfg(feature = "staff")]
    sync_url(ctx);

    Effect::new(move |_| {
        let l = ctx.labels.get();
        browser::set_document_lang(ctx.lang.get().code());
        let title = ctx.snap.with(|s| {
            s.as_ref()
                .map(|s| s.snapshot().title.get(ctx.lang.get()).to_owned())
        });
        browser::set_document_title(&title.unwrap_or_else(|| l.app_name.to_owned()));
    });

    let root = NodeRef::<html::Div>::new();
    // Portal styling: accent colour and font from the link, set through the CSSOM (allowed
    // under a strict Content-Security-Policy, unlike inline style attributes).
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let (accent, font) = ctx
            .view
            .with(|v| (v.look.accent.clone(), v.look.font.clone()));
        let el: &web_sys::HtmlElement = el.unchecked_ref();
        browser::set_css_var(
            el,
            "--td-accent",
            accent.map(|a| format!("#{a}")).as_deref(),
        );
        browser::set_css_var(
            el,
            "--td-font",
            font.map(|f| format!("\"{f}\", system-ui, sans-serif"))
                .as_deref(),
        );
    });
    // Inside an iframe, tell the parent page our height whenever it changes.
    Effect::new(move |prev: Option<bool>| {
        if prev == Some(true) {
            return true;
        }
        let Some(el) = root.get() else { return false };
        if browser::in_iframe() {
            browser::observe_height(&el, move |h| {
                let fid = ctx.view.with_untracked(|v| v.compact.frame_id.clone());
                browser::post_height(fid.as_deref(), h);
            });
        }
        true
    });

    let theme = move || {
        ctx.view.with(|v| match v.look.theme {
            Theme::Auto => None,
            t => Some(t.code()),
        })
    };
    // Memos, not closures over the view: a closure would redraw the whole page on every
    // filter change (measured: ~100 ms for 100k tasks), a memo only when its value changes.
    let embed = Memo::new(move |_| ctx.view.with(|v| v.compact.on));
    view! {
        <div class="td-root" class:is-embed=embed data-theme=theme node_ref=root>
            // Labels are plain text, not signals: a language change redraws the whole view
            // (rare, and far smaller WASM than a reactive binding per label).
            {move || {
                ctx.lang.track();
                body(embed.get())
            }}
        </div>
    }
}

/// The embed view or the full view (the reader build has the embed view alone).
fn body(embed: bool) -> AnyView {
    #[cfg(feature = "staff")]
    if !embed {
        return view! { <FullView /> }.into_any();
    }
    let _ = embed;
    view! { <EmbedView /> }.into_any()
}

/// Loads the manifest once, then the snapshot the view names (again whenever it changes).
fn load_data(ctx: Ctx) {
    spawn_local(async move {
        let manifest = super::load::load_manifest()
            .await
            .map(|m| Shared(std::sync::Arc::new(m)));
        ctx.manifest.set(Some(manifest));
    });
    let wanted = Memo::new(move |_| ctx.view.with(|v| v.snapshot.clone()));
    Effect::new(move |_| {
        let id = wanted.get();
        let Some(manifest) = ctx.manifest.get() else {
            return;
        };
        let manifest = match manifest {
            Ok(m) => m,
            Err(e) => return ctx.load.set(Load::Failed(e)),
        };
        let entry = match &id {
            None => manifest.snapshots.iter().find(|e| e.id == manifest.default),
            Some(id) => manifest.snapshots.iter().find(|e| &e.id == id),
        };
        let Some(entry) = entry.cloned() else {
            // Only the deployment's own snapshots can be shown: refuse, show the default.
            ctx.notices.update(|n| n.refused_snapshot = id);
            ctx.update_view(|v| v.snapshot = None);
            return;
        };
        ctx.load.set(Load::Loading);
        spawn_local(async move {
            let result = super::load::load_snapshot(&entry).await;
            if wanted.get_untracked() != id {
                return; // the reader picked another snapshot meanwhile
            }
            match result {
                Ok(snap) => {
                    let ignored = ctx
                        .view
                        .try_update(|v| v.reconcile(&snap))
                        .unwrap_or_default();
                    ctx.notices.update(|n| n.ignored.extend(ignored));
                    ctx.load.set(Load::Ready(Shared(std::sync::Arc::new(
                        IndexedSnapshot::new(snap),
                    ))));
                }
                // The reader build does not read task records: the full build shows them.
                #[cfg(not(feature = "staff"))]
                Err(e) if e.needs_records() => browser::go_to_full_build(),
                Err(e) => ctx.load.set(Load::Failed(e)),
            }
        });
    });
}

/// Writes the view to the address bar (replaceState, debounced so typing in the search box
/// does not hit the browsers' limits on history calls).
#[cfg(feature = "staff")]
fn sync_url(ctx: Ctx) {
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

fn export_info(snap: &ValidSnapshot, lang: format::Lang) -> ExportInfo {
    let l = format::labels(lang);
    let s = snap.snapshot();
    let notice = snap.is_illustrative().then(|| {
        let mut text = l.illustrative_notice.to_owned();
        if let Some(n) = &s.notice {
            text.push_str(". ");
            text.push_str(n.get(lang));
        }
        text
    });
    ExportInfo {
        source: format!(
            "{}: {} · {} · {} {}",
            l.source,
            chart::source_line(&s.source, lang),
            s.jurisdiction.get(lang),
            l.as_of,
            format::date(s.as_of, lang)
        ),
        notice,
        file_prefix: s.id.clone(),
    }
}

/// Memos of everything the views draw, from the snapshot, the selection and the language.
#[derive(Clone, Copy)]
struct Charts {
    export: Memo<ExportInfo>,
    status: Memo<Option<BarChart>>,
    units: Memo<Option<BarChart>>,
    documents: Memo<Option<BarChart>>,
    schemes: Memo<Option<BarChart>>,
    growth: Memo<Option<BarChart>>,
    on_action: Callback<Action>,
}

impl Charts {
    fn new(ctx: Ctx) -> Charts {
        let lang = ctx.lang;
        let unit_view = Memo::new(move |_| {
            ctx.view
                .with(|v| (v.filters.units.clone(), v.unit_chart.sort, v.unit_chart.all))
        });
        let with_snap = move |f: fn(&ValidSnapshot, format::Lang) -> Option<BarChart>| {
            Memo::new(move |_| ctx.snap.with(|s| s.as_ref().and_then(|s| f(s, lang.get()))))
        };
        Charts {
            export: Memo::new(move |_| {
                ctx.snap.with(|s| {
                    s.as_ref()
                        .map(|s| export_info(s, lang.get()))
                        .unwrap_or_default()
                })
            }),
            status: Memo::new(move |_| {
                let statuses = ctx.statuses.get();
                let snap = ctx.snap.get()?;
                let sel = ctx.counts.get()?;
                snap.tasks()?;
                Some(chart::status_chart(
                    &sel.status_tally,
                    statuses,
                    snap.snapshot().as_of,
                    lang.get(),
                ))
            }),
            units: Memo::new(move |_| {
                let snap = ctx.snap.get()?;
                let sel = ctx.unit_counts.get()?;
                // The chart reads the unit filter and its own sort; the status filter is its
                // emphasis, applied by the card (`ChartCard::emphasis`), so a status toggle
                // does not rebuild it; any other change of the view must not rebuild it either.
                let (sort, all) = unit_view.with(|(_, sort, all)| (*sort, *all));
                let mut filter = ctx.view.with_untracked(|v| v.task_filter(&snap));
                filter.statuses = StatusSet::default();
                chart::unit_chart(&snap.snapshot().units, &sel, &filter, sort, all, lang.get())
            }),
            documents: with_snap(|s, lang| {
                s.snapshot()
                    .documents
                    .as_ref()
                    .map(|d| chart::documents_chart(d, lang))
            }),
            schemes: with_snap(|s, lang| {
                let snap = s.snapshot();
                (!snap.schemes.is_empty())
                    .then(|| chart::schemes_chart(&snap.schemes, snap.as_of, lang))
            }),
            growth: with_snap(|s, lang| {
                let snap = s.snapshot();
                snap.growth
                    .as_ref()
                    .map(|g| chart::growth_chart(g, &snap.source, lang))
            }),
            on_action: Callback::new(move |action: Action| {
                // The reader build's charts have no actions (`ChartCard`).
                #[cfg(feature = "staff")]
                if let Some(snap) = ctx.snap.get_untracked() {
                    ctx.update_view(|v| v.apply(action, &snap));
                }
                let _ = action;
            }),
        }
    }

    fn card(self, ctx: Ctx, chart: Memo<Option<BarChart>>, interactive: bool) -> impl IntoView {
        self.card_with(ctx, chart, interactive, None)
    }

    /// The unit chart's card: the status filter is its emphasis.
    fn units_card(self, ctx: Ctx, interactive: bool) -> impl IntoView {
        self.card_with(ctx, self.units, interactive, Some(ctx.statuses))
    }

    fn card_with(
        self,
        ctx: Ctx,
        chart: Memo<Option<BarChart>>,
        interactive: bool,
        emphasis: Option<Memo<StatusSet>>,
    ) -> impl IntoView {
        let labels = ctx.labels.get_untracked();
        let export = self.export;
        let on_action = self.on_action;
        view! {
            <Show when=move || chart.with(Option::is_some)>
                <ChartCard chart labels export interactive on_action emphasis />
            </Show>
        }
    }
}

#[cfg(feature = "staff")]
#[component]
fn FullView() -> impl IntoView {
    let ctx = use_ctx();
    let charts = Charts::new(ctx);
    let l = ctx.labels.get_untracked();
    let tab = Memo::new(move |_| ctx.view.with(|v| v.tab));
    let tab_button = move |t: Tab| {
        let name = move || match t {
            Tab::Tasks => l.tab_tasks,
            Tab::Documents => l.tab_documents,
            Tab::Growth => l.tab_growth,
        };
        let selected = move || tab.get() == t;
        view! {
            <button type="button" role="tab" id=format!("td-tab-{}", t.code())
                aria-controls="td-panel" aria-selected=move || selected().to_string()
                tabindex=move || if selected() { "0" } else { "-1" }
                class="td-tab" class:is-active=selected
                on:click=move |_| ctx.update_view(|v| v.tab = t)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    let Some(next) = t.after_key(&ev.key()) else { return };
                    ev.prevent_default();
                    ctx.update_view(|v| v.tab = next);
                    if let Some(el) = document().get_element_by_id(&format!("td-tab-{}", next.code())) {
                        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
                    }
                }>
                {name}
            </button>
        }
    };
    view! {
        <Header />
        <Notices />
        <nav class="td-tabs" role="tablist" aria-label=l.tabs_label>
            {Tab::ALL.into_iter().map(tab_button).collect_view()}
        </nav>
        <main id="td-panel" class="td-panel" role="tabpanel" aria-labelledby=move || format!("td-tab-{}", tab.get().code())>
            <LoadState />
            {move || match tab.get() {
                Tab::Tasks => view! { <TasksTab charts /> }.into_any(),
                Tab::Documents => view! {
                    {charts.card(ctx, charts.documents, true)}
                    {charts.card(ctx, charts.schemes, true)}
                    <Absent chart=charts.documents />
                }.into_any(),
                Tab::Growth => view! {
                    {charts.card(ctx, charts.growth, true)}
                    <Absent chart=charts.growth />
                }.into_any(),
            }}
        </main>
        <SourceFooter full_link=false />
    }
}

/// "This snapshot has no such figures", instead of an empty tab.
#[cfg(feature = "staff")]
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

#[cfg(feature = "staff")]
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
fn Headline() -> impl IntoView {
    let ctx = use_ctx();
    // A memo of the text: a filter change that leaves the counts alone does not touch the
    // list; one that changes them replaces the three short figures.
    let html = Memo::new(move |_| {
        let sel = ctx.counts.get()?;
        let l = ctx.labels.get();
        Some(markup::headline(
            &chart::headline(&sel.status_tally, ctx.lang.get()),
            l,
        ))
    });
    view! { <div class="td-part" inner_html=move || html.get().unwrap_or_default()></div> }
}

#[cfg(feature = "staff")]
#[component]
fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let l = ctx.labels.get_untracked();
    let heading = move || {
        let lang = ctx.lang.get();
        ctx.snap
            .with(|s| markup::heading(s.as_ref().map(|s| s.snapshot()), lang, false))
    };
    let switch_lang = move |_| ctx.update_view(|v| v.switch_language());
    let other_lang = move || match ctx.lang.get() {
        format::Lang::Vi => "en",
        format::Lang::En => "vi",
    };
    view! {
        <header class="td-header">
            <div class="td-heading" inner_html=heading></div>
            <div class="td-tools">
                <button type="button" class="td-button" lang=other_lang
                    aria-label=l.language_switch_label on:click=switch_lang>
                    {l.language_switch}
                </button>
                <SnapshotPicker />
                <CopyLinkButton />
                <EmbedPanel />
            </div>
        </header>
    }
}

#[cfg(feature = "staff")]
#[component]
fn SnapshotPicker() -> impl IntoView {
    let ctx = use_ctx();
    let l = ctx.labels.get_untracked();
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
        ctx.update_view(|v| v.choose_snapshot(&id, &default));
    };
    view! {
        <Show when=move || entries.with(|e| e.len() > 1)>
            <label class="td-field td-snapshot-picker">
                <span>{l.snapshot}</span>
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

/// Loading, and load failures with file, JSON path and what was expected.
#[component]
fn LoadState() -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let l = ctx.labels.get();
        ctx.load.with(|load| match load {
            Load::Loading => markup::loading(l),
            Load::Failed(e) => markup::load_error(e, l),
            Load::Ready(_) => String::new(),
        })
    };
    view! { <div class="td-part" inner_html=html></div> }
}

/// The illustrative-data notice, notes on the data, and what was ignored in the link.
#[component]
fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let lang = ctx.lang.get();
        let l = ctx.labels.get();
        ctx.notices.with(|link| {
            ctx.snap.with(|s| {
                let s = s.as_ref();
                markup::notices(
                    &markup::Notices {
                        illustrative: s.is_some_and(|s| s.is_illustrative()),
                        note: s.and_then(|s| s.snapshot().notice.as_ref().map(|n| n.get(lang))),
                        warnings: s.map_or(&[], |s| s.warnings()),
                        refused_snapshot: link.refused_snapshot.as_deref(),
                        from_newer_version: link.from_newer_version,
                        ignored: &link.ignored,
                    },
                    l,
                )
            })
        })
    };
    view! { <div class="td-part" inner_html=html></div> }
}

/// Source line (with its link when the source has one), and in embeds the link to the full view.
#[component]
fn SourceFooter(full_link: bool) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let lang = ctx.lang.get();
        let full_url = full_link.then(|| {
            let page = browser::page_base();
            ctx.view.with(|v| full_view_link(full_build_base(&page), v))
        });
        ctx.snap.with(|s| {
            let src = s.as_ref().map(|s| &s.snapshot().source);
            let line = src
                .map(|src| chart::source_line(src, lang))
                .unwrap_or_default();
            let source = src.map(|src| (line.as_str(), src.url.as_deref()));
            markup::source_footer(source, full_url.as_deref(), ctx.labels.get())
        })
    };
    view! { <footer class="td-footer" inner_html=html></footer> }
}

/// The task table of an embed (the reader build hands such embeds to the full build).
fn table(charts: Charts) -> AnyView {
    #[cfg(feature = "staff")]
    return view! { <TaskTable export=charts.export /> }.into_any();
    #[cfg(not(feature = "staff"))]
    {
        let _ = charts;
        ().into_any()
    }
}

/// The compact view for an iframe in an article: the chosen parts, the source, a link out.
#[component]
fn EmbedView() -> impl IntoView {
    let ctx = use_ctx();
    let charts = Charts::new(ctx);
    let heading = move || {
        let lang = ctx.lang.get();
        ctx.snap
            .with(|s| markup::heading(s.as_ref().map(|s| s.snapshot()), lang, true))
    };
    let parts = Memo::new(move |_| ctx.view.with(|v| v.compact.parts().to_vec()));
    view! {
        <header class="td-header td-header-compact">
            <div class="td-heading" inner_html=heading></div>
        </header>
        <Notices />
        <main class="td-panel">
            <LoadState />
            {move || parts.get().into_iter().map(|part| match part {
                Part::Headline => view! { <Headline /> }.into_any(),
                Part::Status => charts.card(ctx, charts.status, false).into_any(),
                Part::Units => charts.units_card(ctx, false).into_any(),
                Part::Table => table(charts),
                Part::Documents => charts.card(ctx, charts.documents, false).into_any(),
                Part::Schemes => charts.card(ctx, charts.schemes, false).into_any(),
                Part::Growth => charts.card(ctx, charts.growth, false).into_any(),
            }).collect_view()}
        </main>
        <SourceFooter full_link=true />
    }
}
