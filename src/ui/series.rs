//! The series view (full build): the reports of one body over time, or of several bodies side
//! by side (`t=series`, `cmp=`). It loads each report's file (its published summary when there
//! is one: counts are all it draws) besides the snapshot shown; the chart, trend and notes
//! come from `chart::series`, which reports they are from `ViewState::series_members`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::chart::{ChartCard, ExportInfo};
use super::load::{load_snapshot, Version};
use super::parts::{SeriesAfter, SeriesNotes};
use super::state::{use_ctx, IdentityArc, SeriesShown};
use crate::chart::series::{series_figures, series_sources, Member};
use crate::chart::BarChart;
use crate::format::fill;
use crate::snapshot::{DataError, ManifestEntry, SeriesInfo, ValidSnapshot};
use crate::view_state::{series_entries, Ignored};

type Loaded = Vec<(String, Result<IdentityArc<ValidSnapshot>, DataError>)>;
type Members = Option<(Option<SeriesInfo>, Vec<ManifestEntry>, Vec<String>)>;

/// The series view. `controls`: the reader may choose the reports (the full view); an embed
/// draws those of its link.
#[component]
pub fn SeriesView(controls: bool) -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let loaded: RwSignal<Loaded> = RwSignal::new(Vec::new());
    let pending = StoredValue::new(Vec::<String>::new());
    let members: Memo<Members> = Memo::new(move |_| {
        let Some(Ok(manifest)) = ctx.manifest.get() else {
            return None;
        };
        ctx.view.with(|v| {
            let m = v.series_members(&manifest);
            let entries = m.entries.into_iter().cloned().collect();
            Some((m.body.cloned(), entries, m.unknown))
        })
    });
    // Reports of `cmp=` that the manifest does not list: told, and dropped from the link.
    Effect::new(move |_| {
        let unknown = members.with(|m| m.as_ref().map(|m| m.2.clone()).unwrap_or_default());
        if unknown.is_empty() {
            return;
        }
        ctx.notices
            .update(|n| (n.ignored).extend(unknown.iter().map(|id| Ignored::new("cmp", id))));
        ctx.update_view(|v| v.compare.retain(|id| !unknown.contains(id)));
    });
    // Each report not loaded nor on its way is fetched (again, after a retry dropped it).
    Effect::new(move |_| {
        loaded.track();
        let Some((_, entries, _)) = members.get() else {
            return;
        };
        for entry in entries {
            let known = loaded.with_untracked(|l| l.iter().any(|(id, _)| *id == entry.id));
            if known || pending.with_value(|p| p.contains(&entry.id)) {
                continue;
            }
            pending.update_value(|p| p.push(entry.id.clone()));
            spawn_local(async move {
                let version = Version::Current {
                    needs_records: false,
                };
                let result =
                    (load_snapshot(&entry, &version).await).map(|s| IdentityArc(Arc::new(s)));
                pending.update_value(|p| p.retain(|id| *id != entry.id));
                loaded.update(|l| l.push((entry.id.clone(), result)));
            });
        }
    });
    let shown = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let Some((body, entries, _)) = members.get() else {
            return SeriesShown {
                loading: true,
                ..SeriesShown::default()
            };
        };
        loaded.with(|l| {
            let mut shown = SeriesShown::default();
            let mut ready = Vec::with_capacity(entries.len());
            for e in &entries {
                match l.iter().find(|(id, _)| *id == e.id) {
                    None => shown.loading = true,
                    Some((_, Err(err))) => {
                        (shown.failed).push((e.title.get(lang).to_owned(), err.clone()))
                    }
                    Some((_, Ok(snap))) => ready.push((e, snap.clone())),
                }
            }
            if shown.loading {
                return shown;
            }
            let members: Vec<Member<'_>> = (ready.iter())
                .map(|(e, s)| Member {
                    id: &e.id,
                    title: &e.title,
                    snap: s,
                })
                .collect();
            shown.figures = series_figures(&members, body.as_ref().map(|b| &b.title), lang);
            shown.illustrative = ready.iter().any(|(_, s)| s.is_illustrative());
            shown.sources = series_sources(&members, lang);
            shown
        })
    });
    let chart: Memo<Option<BarChart>> =
        Memo::new(move |_| shown.with(|s| s.figures.as_ref().map(|f| f.chart.clone())));
    let export = Memo::new(move |_| {
        let labels = ctx.labels.get();
        shown.with(|s| ExportInfo {
            source: format!(
                "{}: {}",
                labels.source,
                (s.sources.iter())
                    .map(|(title, line, _)| format!("{title}: {line}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            notice: s
                .illustrative
                .then(|| labels.illustrative_notice.to_owned()),
            file_prefix: "series".to_owned(),
        })
    });
    let on_retry = Callback::new(move |_: ()| loaded.update(|l| l.retain(|(_, r)| r.is_ok())));
    view! {
        {controls.then(|| view! { <ReportChoice /> })}
        <SeriesNotes shown on_retry />
        <Show when=move || chart.with(Option::is_some)>
            <ChartCard chart labels export interactive=false
                on_action=Callback::new(|_| {}) emphasis=None />
        </Show>
        <SeriesAfter shown />
    }
}

/// The reports a reader can set side by side: every report of a series in the manifest,
/// grouped by body, those drawn ticked; and the way back to the shown snapshot's series.
#[component]
fn ReportChoice() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let lang = ctx.lang.get_untracked();
    // (body, [(id, label)]) in the manifest's order of series.
    let groups = Memo::new(move |_| {
        let Some(Ok(m)) = ctx.manifest.get() else {
            return Vec::new();
        };
        (m.series.iter())
            .map(|s| {
                let items: Vec<(String, String)> = series_entries(&m)
                    .filter(|e| e.series.as_deref() == Some(s.id.as_str()))
                    .map(|e| (e.id.clone(), e.title.get(lang).to_owned()))
                    .collect();
                (s.title.get(lang).to_owned(), items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect::<Vec<_>>()
    });
    let drawn = Memo::new(move |_| {
        let Some(Ok(m)) = ctx.manifest.get() else {
            return Vec::new();
        };
        ctx.view.with(|v| {
            (v.series_members(&m).entries.iter())
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // "Only {body}'s reports", when the reader has chosen others.
    let reset_label = Memo::new(move |_| {
        let Some(Ok(m)) = ctx.manifest.get() else {
            return None;
        };
        ctx.view.with(|v| {
            if v.compare.is_empty() {
                return None;
            }
            let shown = m.snapshots.iter().find(|e| e.id == v.shown_id(&m))?;
            let body = shown.series_in(&m)?;
            Some(fill(
                labels.compare_reset,
                &[("body", body.title.get(lang))],
            ))
        })
    });
    let toggle = move |id: String| {
        if let Some(Ok(m)) = ctx.manifest.get_untracked() {
            ctx.update_view(|v| v.toggle_compared(&id, &m));
        }
    };
    let item = move |(id, title): (String, String)| {
        let checked = {
            let id = id.clone();
            move || drawn.with(|d| d.contains(&id))
        };
        view! {
            <label class="td-check">
                <input type="checkbox" prop:checked=checked
                    on:change=move |_| toggle(id.clone()) />
                <span>{title}</span>
            </label>
        }
    };
    view! {
        <Show when=move || groups.with(|g| g.iter().map(|(_, i)| i.len()).sum::<usize>() > 1)>
            <fieldset class="td-fieldset td-series-choice">
                <legend>{labels.compare_choose}</legend>
                {move || groups.get().into_iter().map(|(body, items)| view! {
                    <div class="td-series-group">
                        <p class="td-series-body">{body}</p>
                        {items.into_iter().map(item).collect_view()}
                    </div>
                }).collect_view()}
                {move || reset_label.get().map(|text| view! {
                    <button type="button" class="td-button"
                        on:click=move |_| ctx.update_view(|v| v.reset_compared())>
                        {text}
                    </button>
                })}
            </fieldset>
        </Show>
    }
}
