//! Sharing a view: "copy link" (clipboard, with a visible confirmation or the link to copy by
//! hand) and "embed" (the ready-to-paste snippet for a portal, with a choice of parts).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::state::use_ctx;
use crate::view_state::{default_parts, embed_snippet, full_view_link, Part};

#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The clipboard refused; the link is shown to copy by hand.
    Failed(String),
}

#[component]
pub fn CopyLinkButton() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let state = RwSignal::new(CopyState::Idle);
    let copy = move |_| {
        let entry = ctx.shown_entry();
        let link = full_view_link(&browser::page_base(), &ctx.shared_view(entry.as_ref()));
        spawn_local(async move {
            match browser::copy_text(&link).await {
                Ok(()) => {
                    state.set(CopyState::Copied);
                    set_timeout(
                        move || {
                            state.update(|s| {
                                if *s == CopyState::Copied {
                                    *s = CopyState::Idle
                                }
                            })
                        },
                        std::time::Duration::from_secs(4),
                    );
                }
                Err(()) => state.set(CopyState::Failed(link)),
            }
        });
    };
    view! {
        <div class="td-copy">
            <button type="button" class="td-button" data-action="copy-link" on:click=copy>{labels.copy_link}</button>
            <span class="td-copy-status" role="status" aria-live="polite" data-copy-status="">
                {move || match state.get() {
                    CopyState::Idle => ().into_any(),
                    CopyState::Copied => view! { <span>"✓ "{labels.copied}</span> }.into_any(),
                    CopyState::Failed(link) => view! {
                        <span>{labels.copy_failed}
                            <input class="td-copy-fallback" type="text" readonly prop:value=link aria-label=labels.copy_link
                                on:focus=move |ev| {
                                    use wasm_bindgen::JsCast;
                                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        input.select();
                                    }
                                } />
                        </span>
                    }.into_any(),
                }}
            </span>
        </div>
    }
}

#[component]
pub fn EmbedPanel() -> impl IntoView {
    let ctx = use_ctx();
    let labels = ctx.labels.get_untracked();
    let open = RwSignal::new(false);
    let frame_id = StoredValue::new(browser::random_frame_id());
    // The parts start from what the current tab shows; the editor can change them.
    let parts = RwSignal::new(Vec::<Part>::new());
    let toggle = move |_| {
        if !open.get_untracked() {
            let tab = ctx.view.with_untracked(|v| v.tab);
            let defaults = ctx
                .snap
                .with_untracked(|s| s.as_ref().map(|s| default_parts(tab, s)));
            parts.set(defaults.unwrap_or_default());
        }
        open.update(|o| *o = !*o);
    };
    // Only the parts the snapshot has figures for are offered.
    let offered = Memo::new(move |_| {
        ctx.snap.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                Part::ALL
                    .into_iter()
                    .filter(|p| p.held_by(s))
                    .collect::<Vec<_>>()
            })
        })
    });
    let snippet = move || {
        let title = ctx
            .snap
            .with(|s| {
                s.as_ref()
                    .map(|s| s.snapshot().title.get(ctx.lang.get()).to_owned())
            })
            .unwrap_or_default();
        let has_records = ctx
            .snap
            .with(|s| s.as_ref().is_some_and(|s| !s.records().is_empty()));
        ctx.view.track();
        let entry = ctx.shown_entry();
        // Whether the deployment published a summary of it (`snapshot-tool publish`).
        let has_summary = entry.as_ref().is_some_and(|e| e.summary.is_some());
        let mut view = ctx.shared_view(entry.as_ref());
        view.compact.parts = parts.get();
        // Whether the snapshot's pages bake its series (its body's several reports).
        let baked_series = ctx.manifest.with(|m| match m {
            Some(Ok(m)) => view.series_members(m).baked(),
            _ => false,
        });
        embed_snippet(
            &browser::page_base(),
            &view,
            (has_records, has_summary),
            baked_series,
            &frame_id.get_value(),
            &title,
        )
    };
    view! {
        <div class="td-embed">
            <button type="button" class="td-button" data-action="embed" aria-expanded=move || open.get().to_string()
                aria-controls="td-embed-panel" on:click=toggle>
                {labels.embed}
            </button>
            <Show when=move || open.get()>
                <div class="td-embed-panel" id="td-embed-panel" role="region" aria-label=labels.embed>
                    <p>{labels.embed_help}</p>
                    <fieldset class="td-fieldset">
                        <legend>{labels.embed_parts}</legend>
                        <div class="td-chips">
                            {move || offered.get().into_iter().map(|p| view! {
                                <label class="td-check">
                                    <input type="checkbox" name="show" value=p.code()
                                        prop:checked=move || parts.with(|ps| ps.contains(&p))
                                        on:change=move |_| parts.update(|ps| p.toggle_in(ps)) />
                                    {p.name(labels)}
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <textarea class="td-snippet" readonly rows="5" aria-label=labels.embed prop:value=snippet></textarea>
                    <button type="button" class="td-button" on:click=move |_| open.set(false)>{labels.close}</button>
                </div>
            </Show>
        </div>
    }
}
