//! What a snapshot holds, for the choices a view offers: the tabs with content, the parts
//! with figures, the statuses with a count of their own. A view offers and draws nothing else,
//! so a reader never sees a zero for a figure nobody published; a link that asks for more is
//! told what is missing ([`Missing`]).

use super::{Part, Tab, ViewState};
use crate::format::Labels;
use crate::snapshot::{Manifest, ManifestEntry, ValidSnapshot};
use crate::tasks::{Status, StatusSet};

impl Tab {
    /// Whether `snap` has anything to show on this tab.
    pub fn held_by(self, snap: &ValidSnapshot) -> bool {
        let s = snap.snapshot();
        match self {
            Tab::Tasks => snap.tasks().is_some(),
            Tab::Documents => s.documents.is_some() || !s.schemes.is_empty(),
            Tab::Growth => s.growth.is_some(),
            // Its reports side by side; which others the manifest has, the view asks it.
            Tab::Series => snap.tasks().is_some(),
            // And an earlier snapshot of its series with records: [`Tab::offered`].
            Tab::Changes => !snap.records().is_empty(),
        }
    }

    /// The tabs the full view offers for `snap`, shown as `manifest`'s entry: those it has
    /// something for; "over time" only when the manifest has two or more reports in series,
    /// "what changed" only when its series has an earlier snapshot with records to compare with.
    pub fn offered(snap: &ValidSnapshot, manifest: Option<&Manifest>) -> Vec<Tab> {
        let mut tabs = Tab::held(snap);
        let earlier =
            manifest.is_some_and(|m| !earlier_in_series(m, &snap.snapshot().id).is_empty());
        // Reports to set side by side: two or more in the manifest's series.
        let reports = manifest.is_some_and(|m| super::series_entries(m).nth(1).is_some());
        tabs.retain(|t| match t {
            Tab::Changes => earlier,
            Tab::Series => reports,
            _ => true,
        });
        tabs
    }

    /// The tabs `snap` has, in order.
    pub fn held(snap: &ValidSnapshot) -> Vec<Tab> {
        Tab::ALL.into_iter().filter(|t| t.held_by(snap)).collect()
    }

    pub fn name(self, labels: &Labels) -> &'static str {
        match self {
            Tab::Tasks => labels.tab_tasks,
            Tab::Documents => labels.tab_documents,
            Tab::Growth => labels.tab_growth,
            Tab::Series => labels.tab_series,
            Tab::Changes => labels.tab_changes,
        }
    }
}

impl Part {
    /// Whether `snap` has figures for this part.
    pub fn held_by(self, snap: &ValidSnapshot) -> bool {
        let s = snap.snapshot();
        let tasks = snap.tasks();
        match self {
            Part::Headline | Part::Status | Part::Series => tasks.is_some(),
            Part::Units => tasks.is_some_and(|t| !t.by_unit.is_empty()),
            Part::Table => !snap.records().is_empty(),
            Part::Documents => s.documents.is_some(),
            Part::Schemes => !s.schemes.is_empty(),
            Part::Growth => s.growth.is_some(),
        }
    }

    /// The part's name in the embed panel and in notices.
    pub fn name(self, labels: &Labels) -> &'static str {
        match self {
            Part::Headline => labels.headline_tasks,
            Part::Status => labels.chart_status,
            Part::Units => labels.chart_units,
            Part::Table => labels.table_tasks,
            Part::Documents => labels.chart_documents,
            Part::Schemes => labels.chart_schemes,
            Part::Growth => labels.chart_growth,
            Part::Series => labels.part_series,
        }
    }
}

/// The statuses `snap` counts one by one: a group a report gives only as a sum (completed,
/// not completed) has no count, and so no filter, of each of its two statuses.
pub fn split_statuses(snap: &ValidSnapshot) -> StatusSet {
    snap.tasks().map_or(StatusSet::EMPTY, |t| {
        Status::ALL
            .into_iter()
            .filter(|s| t.totals.get(*s).is_some())
            .collect()
    })
}

/// The snapshots the "what changed" tab can compare the manifest's entry `id` with: those of
/// its series dated before it that have task records, the latest first (the default). A
/// published entry says whether it has records (a `summary`); an editor's manifest (no
/// `integrity`) does not, so its entries are offered, and one without records says so.
pub fn earlier_in_series<'m>(manifest: &'m Manifest, id: &str) -> Vec<&'m ManifestEntry> {
    let Some(shown) = manifest.snapshots.iter().find(|e| e.id == id) else {
        return Vec::new();
    };
    let Some(series) = &shown.series else {
        return Vec::new();
    };
    let mut earlier: Vec<&ManifestEntry> = manifest
        .snapshots
        .iter()
        .filter(|e| {
            let records = e.summary.is_some() || e.integrity.is_none();
            e.series.as_ref() == Some(series) && e.as_of < shown.as_of && records
        })
        .collect();
    crate::order::sort_by_key(&mut earlier, |e| std::cmp::Reverse(e.as_of));
    earlier
}

/// Something a link asks for that its snapshot has no figures for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Tab(Tab),
    Part(Part),
    /// A status filter on a status known only within its group's sum.
    Status(Status),
}

impl Missing {
    pub fn name(self, labels: &Labels) -> &'static str {
        match self {
            Missing::Tab(t) => t.name(labels),
            Missing::Part(p) => p.name(labels),
            Missing::Status(s) => labels.status(s),
        }
    }
}

impl ViewState {
    /// The compact view's parts that `snap` has figures for, and those it lacks.
    pub fn parts_held(&self, snap: &ValidSnapshot) -> (Vec<Part>, Vec<Missing>) {
        let (held, lacking): (Vec<Part>, Vec<Part>) =
            self.compact.parts().iter().partition(|p| p.held_by(snap));
        (held, lacking.into_iter().map(Missing::Part).collect())
    }

    /// Moves the view off what `snap` lacks: a tab it has nothing for (to its first tab with
    /// something), a status filter it has no count for. Says what was missing.
    pub(super) fn reconcile_held(&mut self, snap: &ValidSnapshot) -> Vec<Missing> {
        let mut missing = Vec::new();
        if !self.tab.held_by(snap) {
            if let Some(&first) = Tab::held(snap).first() {
                // Told only when the link named it: the default tab is no one's request, and
                // the compact view has no tabs.
                if self.tab != Tab::default() && !self.compact.on {
                    missing.push(Missing::Tab(self.tab));
                }
                self.tab = first;
            }
        }
        // A group known only as a sum is filtered whole (its row, its chip) or not at all: a
        // filter on one of its statuses, which has no count, would grey every bar.
        let split = split_statuses(snap);
        for group in [
            [Status::OnTime, Status::Late],
            [Status::Overdue, Status::WithinDeadline],
        ] {
            let chosen: Vec<Status> = group
                .into_iter()
                .filter(|s| self.filters.statuses.contains(*s))
                .collect();
            let dropped: &[Status] = match chosen[..] {
                // Without task figures, no status filter means anything.
                _ if snap.tasks().is_none() => &chosen,
                [alone] if !split.contains(alone) => &chosen,
                _ => &[],
            };
            for &s in dropped {
                missing.push(Missing::Status(s));
                self.filters.statuses = self.filters.statuses.toggled(s);
            }
        }
        missing
    }

    /// Moves the view off what the manifest's series cannot give the "what changed" tab, for
    /// `snap` shown: the tab without an earlier snapshot to compare with (told as missing), a
    /// `from` that is not one of them (told as ignored).
    pub fn reconcile_series(
        &mut self,
        manifest: &Manifest,
        snap: &ValidSnapshot,
    ) -> (Vec<super::Ignored>, Vec<Missing>) {
        let earlier = earlier_in_series(manifest, &snap.snapshot().id);
        let (mut ignored, mut missing) = (Vec::new(), Vec::new());
        if let Some(from) = &self.from {
            if !earlier.iter().any(|e| &e.id == from) {
                ignored.push(super::Ignored::new("from", from));
                self.from = None;
            }
        }
        if self.tab == Tab::Changes && earlier.is_empty() {
            if !self.compact.on {
                missing.push(Missing::Tab(Tab::Changes));
            }
            self.tab = Tab::held(snap).first().copied().unwrap_or_default();
        }
        (ignored, missing)
    }
}
