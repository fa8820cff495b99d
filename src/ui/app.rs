//! The app shell: reads the link, loads the data, sets the page's language, title, portal
//! look and iframe height, keeps the address bar in step, and draws the build's page
//! (`super::page`: the full view or the compact view in the full build, the compact view
//! alone in the reader build).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::load::Version;
use super::page;
use super::state::{Ctx, IdentityArc, LinkNotices, Load};
use crate::markup::PinNotice;
use crate::snapshot::ErrorKind;
use crate::tasks::IndexedSnapshot;
use crate::view_state::{decode, Theme};

#[component]
pub fn App() -> impl IntoView {
    let decoded = decode(&browser::current_query());
    let ctx = Ctx::new(
        decoded.state,
        LinkNotices {
            ignored: decoded.ignored,
            from_newer_version: decoded.from_newer_version,
            refused_snapshot: None,
            missing: Vec::new(),
            pin: None,
        },
    );
    provide_context(ctx);
    load_data(ctx);
    page::keep_url_in_step(ctx);

    Effect::new(move |_| {
        let labels = ctx.labels.get();
        browser::set_document_lang(ctx.lang.get().code());
        let title = ctx.snap.with(|s| {
            s.as_ref()
                .map(|s| s.snapshot().title.get(ctx.lang.get()).to_owned())
        });
        browser::set_document_title(&title.unwrap_or_else(|| labels.app_name.to_owned()));
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

    // The baked view of a full-build page shows until the data is drawn (or fails), and the
    // live view, drawn unseen under it, has settled: then it takes its place
    // (`browser::take_over_baked_view`).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let loaded = ctx.load.with(|l| !matches!(l, Load::Loading));
        if loaded && browser::swapping() {
            browser::take_over_baked_view();
        } else if loaded {
            browser::settle_cards(|| {});
        }
        loaded
    });

    let theme = move || {
        ctx.view.with(|v| match v.look.theme {
            Theme::Auto => None,
            t => Some(t.code()),
        })
    };
    // Memos, not closures over the view: a closure would redraw the whole page on every
    // filter change (measured: ~100 ms for 100k tasks), a memo only when its value changes.
    let compact = Memo::new(move |_| ctx.view.with(|v| v.compact.on));
    view! {
        <div class="td-root" class:is-embed=compact data-theme=theme node_ref=root>
            // Labels are plain text, not signals: a language change redraws the whole view
            // (rare, and far smaller WASM than a reactive binding per label).
            {move || {
                ctx.lang.track();
                page::page(compact.get())
            }}
        </div>
    }
}

/// A pinned link's version cannot be shown: the current one is, with a notice, and the link
/// in the address bar no longer names the version.
fn pin_gone(ctx: Ctx) {
    ctx.notices.update(|n| n.pin = Some(PinNotice::Gone));
    ctx.update_view(|v| v.pin = None);
}

/// Loads the manifest, then the snapshot the view names (again whenever it changes), and
/// both again on the reader's "try again" (`Ctx::retry`) after they failed.
fn load_data(ctx: Ctx) {
    // Which snapshot, which version of it (a pinned link's), and whether the view draws from
    // its task records (else a published summary will do).
    let wanted = Memo::new(move |_| {
        ctx.view
            .with(|v| (v.snapshot.clone(), v.pin.clone(), v.needs_records()))
    });
    Effect::new(move |_| {
        let (id, pin, needs_records) = wanted.get();
        let Some(manifest) = ctx.manifest.get() else {
            // None: not loaded yet, or a retry after it failed (`Ctx::retry`).
            spawn_local(async move {
                let manifest = super::load::load_manifest()
                    .await
                    .map(|m| IdentityArc(std::sync::Arc::new(m)));
                ctx.manifest.set(Some(manifest));
            });
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
        // A pinned link's version, when it is not the one published now.
        let pinned = pin.as_deref().filter(|h| Some(*h) != entry.content_hash());
        let version = match pinned.map(|h| entry.version_path(h)) {
            None => Version::Current { needs_records },
            Some(Some(path)) => Version::Older(path),
            // Not published by hash here: no version can be found by it.
            Some(None) => return pin_gone(ctx),
        };
        if matches!(version, Version::Older(_)) {
            ctx.notices.update(|n| n.pin = Some(PinNotice::Older));
        }
        ctx.load.set(Load::Loading);
        spawn_local(async move {
            let result = super::load::load_snapshot(&entry, &version).await;
            if wanted.get_untracked() != (id.clone(), pin.clone(), needs_records) {
                return; // the reader picked another snapshot meanwhile
            }
            match result {
                // The pinned version is no longer there, or no longer reads: today's
                // figures, said so. (A network fault is told as one, with its retry.)
                Err(e)
                    if matches!(version, Version::Older(_))
                        && !matches!(e.kind, ErrorKind::Network(_)) =>
                {
                    pin_gone(ctx)
                }
                Ok(snap) => {
                    let (mut ignored, mut missing) = ctx
                        .view
                        .try_update(|v| v.reconcile(&snap))
                        .unwrap_or_default();
                    // The "what changed" tab and its `from=`: the full build's only.
                    if cfg!(feature = "staff") {
                        let (i, m) = ctx
                            .view
                            .try_update(|v| v.reconcile_series(&manifest, &snap))
                            .unwrap_or_default();
                        ignored.extend(i);
                        missing.extend(m);
                    }
                    ctx.notices.update(|n| {
                        n.ignored.extend(ignored);
                        n.missing = missing;
                    });
                    ctx.load.set(Load::Ready(IdentityArc(std::sync::Arc::new(
                        IndexedSnapshot::new(snap),
                    ))));
                }
                // A build that does not read task records (the reader build) hands the
                // snapshot to the full build.
                Err(e) if e.needs_records() => browser::go_to_full_build(),
                Err(e) => ctx.load.set(Load::Failed(e)),
            }
        });
    });
}
