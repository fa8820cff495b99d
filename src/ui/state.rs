//! The app's reactive state: one `ViewState` signal (the URL), the loaded data, and memos
//! derived from both. Components get this `Ctx` from context and only read it and call
//! `update_view`; all the logic lives in the plain-Rust core.

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

use crate::format::{labels, Labels, Lang};
use crate::markup::PinNotice;
use crate::snapshot::{DataError, Manifest};
use crate::tasks::{IndexedSnapshot, Selection, StatusSet};
use crate::view_state::{Ignored, Missing, ViewState};

/// An `Arc` compared by identity: memos of large values (a 100k-task selection) change when
/// they are recomputed, without comparing their contents.
#[derive(Debug)]
pub struct IdentityArc<T>(pub Arc<T>);

impl<T> Clone for IdentityArc<T> {
    fn clone(&self) -> Self {
        IdentityArc(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for IdentityArc<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for IdentityArc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where the data is.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Failed(DataError),
    Ready(IdentityArc<IndexedSnapshot>),
}

/// What the reader is told about their link.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LinkNotices {
    pub ignored: Vec<Ignored>,
    pub from_newer_version: bool,
    /// A snapshot id the link asked for that the manifest does not list.
    pub refused_snapshot: Option<String>,
    /// What the link asked for that the loaded snapshot has no figures for (its tab, a status
    /// filter; the compact view's parts are added when drawn).
    pub missing: Vec<Missing>,
    /// What became of the data version a pinned link names.
    pub pin: Option<PinNotice>,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub view: RwSignal<ViewState>,
    pub manifest: RwSignal<Option<Result<IdentityArc<Manifest>, DataError>>>,
    pub load: RwSignal<Load>,
    pub notices: RwSignal<LinkNotices>,
    pub lang: Memo<Lang>,
    /// The status filter alone (chips, status chart, emphasis on the unit chart).
    pub statuses: Memo<StatusSet>,
    pub labels: Memo<&'static Labels>,
    pub snap: Memo<Option<IdentityArc<IndexedSnapshot>>>,
    #[cfg_attr(not(feature = "staff"), allow(dead_code))] // the task table's
    pub selection: Memo<Option<IdentityArc<Selection>>>,
    /// The same selection, signalled only when its counts change: charts, headline and the
    /// "x of y" count depend on this one, so a table sort or a page change redraws the table
    /// alone.
    pub counts: Memo<Option<IdentityArc<Selection>>>,
    /// The same selection, signalled only when its per-unit counts change (the unit chart):
    /// a status toggle does not rebuild the 33-row unit chart.
    pub unit_counts: Memo<Option<IdentityArc<Selection>>>,
}

impl Ctx {
    pub fn new(initial: ViewState, notices: LinkNotices) -> Ctx {
        let view = RwSignal::new(initial);
        let load = RwSignal::new(Load::Loading);
        let lang = Memo::new(move |_| view.with(|v| v.lang));
        let statuses = Memo::new(move |_| view.with(|v| v.filters.statuses));
        let snap = Memo::new(move |_| match load.get() {
            Load::Ready(s) => Some(s),
            _ => None,
        });
        // Only the parts of the view that change the selection (not the page, language, tab).
        let selection_key = Memo::new(move |_| {
            view.with(|v| (v.filters.clone(), v.table.sort, v.table.descending))
        });
        let selection = Memo::new(move |_| {
            selection_key.with(|(filters, sort, desc)| {
                snap.get().map(|s| {
                    let filter = filters.resolve(&s);
                    let selection =
                        super::browser::timed("__tdSelectMs", || filter.select(&s, *sort, *desc));
                    IdentityArc(Arc::new(selection))
                })
            })
        });
        let counts = Memo::new_with_compare(move |_| selection.get(), counts_changed);
        let unit_counts = Memo::new_with_compare(move |_| counts.get(), unit_counts_changed);
        Ctx {
            view,
            manifest: RwSignal::new(None),
            load,
            notices: RwSignal::new(notices),
            lang,
            statuses,
            labels: Memo::new(move |_| labels(lang.get())),
            snap,
            selection,
            counts,
            unit_counts,
        }
    }

    /// Fetches again what did not arrive: the manifest if it failed, else the snapshot.
    pub fn retry(&self) {
        self.load.set(Load::Loading);
        // The loading effect runs again (ui::app::load_data): it fetches the manifest when
        // there is none, else the snapshot.
        self.manifest.update(|m| {
            if matches!(m, Some(Err(_))) {
                *m = None;
            }
        });
    }

    /// Changes the view (and so the URL).
    pub fn update_view(&self, f: impl FnOnce(&mut ViewState)) {
        self.view.update(f);
    }

    /// The manifest entry of the snapshot shown (untracked).
    #[cfg(feature = "staff")]
    pub fn shown_entry(&self) -> Option<crate::snapshot::ManifestEntry> {
        let id = self
            .snap
            .with_untracked(|s| s.as_ref().map(|s| s.snapshot().id.clone()))?;
        self.manifest.with_untracked(|m| {
            let m = m.as_ref()?.as_ref().ok()?;
            m.snapshots.iter().find(|e| e.id == id).cloned()
        })
    }

    /// The view as a shared link gives it ([`ViewState::pinned_to`] `entry`, the manifest
    /// entry of the snapshot shown): the copied link's and the embed snippet's.
    #[cfg(feature = "staff")]
    pub fn shared_view(&self, entry: Option<&crate::snapshot::ManifestEntry>) -> ViewState {
        self.view.with_untracked(|v| match entry {
            Some(entry) => v.pinned_to(entry),
            None => v.clone(),
        })
    }

    /// A control's value read from the view (`prop:value` of a select). One closure type for
    /// every control: each distinct closure type in a view costs its own reactive code.
    #[cfg(feature = "staff")]
    pub fn view_value(self, f: fn(&ViewState) -> String) -> impl Fn() -> String + Copy {
        move || self.view.with(f)
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

type MaybeSelection = Option<IdentityArc<Selection>>;

/// Whether a memo of the selection signals: when `same` says the part it stands for differs.
fn changed(
    old: Option<&MaybeSelection>,
    new: Option<&MaybeSelection>,
    same: fn(&Selection, &Selection) -> bool,
) -> bool {
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => !same(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

fn counts_changed(old: Option<&MaybeSelection>, new: Option<&MaybeSelection>) -> bool {
    changed(old, new, Selection::same_counts)
}

fn unit_counts_changed(old: Option<&MaybeSelection>, new: Option<&MaybeSelection>) -> bool {
    changed(old, new, Selection::same_unit_counts)
}

/// What the series view draws now (`ui::series`).
#[cfg(feature = "staff")]
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SeriesShown {
    /// Some report is still on its way (nothing is drawn until all have arrived: a chart
    /// that grows a row at a time would jump under the reader's eyes).
    pub loading: bool,
    pub failed: Vec<crate::markup::SeriesFailure>,
    pub figures: Option<crate::chart::series::SeriesFigures>,
    /// Each report's label, source line and the source's address.
    pub sources: Vec<crate::chart::series::SourceItem>,
    /// Whether any report drawn is illustrative (the downloads say so).
    pub illustrative: bool,
}
