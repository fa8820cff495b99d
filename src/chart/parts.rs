//! Which chart each part of a view draws, from the snapshot and its selection. The one place
//! the live view (`ui::figures`) and the pages baked at build time (`crate::bake`) ask, so
//! the two cannot disagree on what a part shows or when it has nothing to show (`None`).

use super::{
    documents_chart, growth_chart_of, headline, schemes_chart, status_chart, unit_chart, BarChart,
    Headline, Reported, UnitSort,
};
use crate::format::Lang;
use crate::snapshot::{SpanGroup, ValidSnapshot};
use crate::tasks::{Selection, StatusSet, TaskFilter};

/// The headline figures of the selected tasks; `None` without task figures (a snapshot of
/// growth alone has no "0 tasks assigned").
pub fn headline_part(snap: &ValidSnapshot, selection: &Selection, lang: Lang) -> Option<Headline> {
    snap.tasks()?;
    Some(headline(&selection.status_tally, lang))
}

/// The four statuses of the selected tasks; `None` without task figures.
pub fn status_part(
    snap: &ValidSnapshot,
    selection: &Selection,
    statuses: StatusSet,
    lang: Lang,
) -> Option<BarChart> {
    let all = snap.tasks()?.totals;
    let s = snap.snapshot();
    let tasks = s.tasks.as_ref();
    // The report's own shares are of all its tasks: beside a selection's, they would mislead.
    let shares = match tasks {
        Some(t) if selection.status_tally == all => &t.published_shares[..],
        _ => &[],
    };
    let reported = Reported {
        start: s.period_start(),
        end: s.as_of,
        shares,
    };
    Some(status_chart(
        &selection.status_tally,
        statuses,
        reported,
        lang,
    ))
}

/// The units' statuses. `filter` is the view's: the status filter is left out, because the
/// chart shows it as emphasis (the card's `data-statuses`), not in its rows.
pub fn units_part(
    snap: &ValidSnapshot,
    selection: &Selection,
    filter: &TaskFilter,
    sort: UnitSort,
    all: bool,
    lang: Lang,
) -> Option<BarChart> {
    let mut filter = filter.clone();
    filter.statuses = StatusSet::default();
    unit_chart(&snap.snapshot().units, selection, &filter, sort, all, lang)
}

pub fn documents_part(snap: &ValidSnapshot, lang: Lang) -> Option<BarChart> {
    (snap.snapshot().documents.as_ref()).map(|d| documents_chart(d, lang))
}

pub fn schemes_part(snap: &ValidSnapshot, lang: Lang) -> Option<BarChart> {
    let s = snap.snapshot();
    (!s.schemes.is_empty()).then(|| schemes_chart(&s.schemes, s.as_of, lang))
}

pub fn growth_part(snap: &ValidSnapshot, only: Option<SpanGroup>, lang: Lang) -> Option<BarChart> {
    let s = snap.snapshot();
    (s.growth.as_ref()).map(|g| growth_chart_of(g, only, &s.source, lang))
}

/// The kinds of period a snapshot's growth series has, in [`SpanGroup::ALL`]'s order: the
/// choices a reader is offered when there are two or more.
pub fn growth_groups(snap: &ValidSnapshot) -> Vec<SpanGroup> {
    let growth = snap.snapshot().growth.as_ref();
    SpanGroup::ALL
        .into_iter()
        .filter(|g| growth.is_some_and(|gr| gr.points.iter().any(|p| p.period.span.group() == *g)))
        .collect()
}
