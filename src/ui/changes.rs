//! The "what changed" tab (full build, issue #20): the older snapshot of the series chosen
//! with "compared with" (`from=` in the link; the one just before by default), fetched like
//! any snapshot (with its integrity), and the changes from it to the one shown, drawn as HTML
//! text by `parts::ChangesPart` from `chart::changes_view`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::load::{load_snapshot, Version};
use super::parts::{ChangesPart, Older};
use super::state::{use_ctx, IdentityArc};
use crate::view_state::earlier_in_series;

#[component]
pub fn ChangesTab() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    // The earlier snapshots of the shown one's series with records, latest first:
    // (id, title in the reader's language).
    let choices = Memo::new(move |_| {
        let id = ctx
            .snap
            .with(|s| s.as_ref().map(|s| s.snapshot().id.clone()))
            .unwrap_or_default();
        let lang = ctx.lang.get();
        ctx.manifest.with(|m| match m {
            Some(Ok(m)) => earlier_in_series(m, &id)
                .into_iter()
                .map(|e| (e.id.clone(), e.title.get(lang).to_owned()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    // The id compared with: the link's, else the latest earlier one.
    let from = Memo::new(move |_| {
        let chosen = ctx.view.with(|v| v.from.clone());
        chosen
            .or_else(|| choices.with(|c| c.first().map(|(id, _)| id.clone())))
            .unwrap_or_default()
    });
    let older: RwSignal<Older> = RwSignal::new(None);
    Effect::new(move |_| {
        let id = from.get();
        // Tracked: a link's `from=` is known before the manifest has arrived.
        let entry = ctx.manifest.with(|m| match m {
            Some(Ok(m)) => m.snapshots.iter().find(|e| e.id == id).cloned(),
            _ => None,
        });
        let Some(entry) = entry else { return };
        older.set(None);
        spawn_local(async move {
            let result = load_snapshot(
                &entry,
                &Version::Current {
                    needs_records: true,
                },
            )
            .await;
            if from.get_untracked() != id {
                return; // another one was chosen meanwhile
            }
            older.set(Some(result.map(|s| IdentityArc(std::sync::Arc::new(s)))));
        });
    });
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let default = choices.with_untracked(|c| c.first().map(|(id, _)| id.clone()));
        ctx.update_view(|v| v.choose_from(&id, &default.unwrap_or_default()));
    };
    view! {
        <section class="td-card td-changes" aria-labelledby="td-changes-title">
            <header class="td-card-head">
                <h2 id="td-changes-title">{labels.changes_heading}</h2>
            </header>
            <label class="td-field td-changes-from">
                <span>{labels.changes_from}</span>
                <select id="td-changes-from" on:change=on_change prop:value=move || from.get()>
                    {move || choices.get().into_iter().map(|(id, title)| {
                        let selected = id == from.get();
                        view! { <option value=id selected=selected>{title}</option> }
                    }).collect_view()}
                </select>
            </label>
            <ChangesPart older />
        </section>
    }
}
