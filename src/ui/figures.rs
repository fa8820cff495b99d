//! Memos of everything the views draw (the charts and what their exports say), from the
//! snapshot, the selection and the language; shared by the full and the compact view.

use leptos::prelude::*;

use super::chart::{ChartCard, ExportInfo};
use super::state::Ctx;
use crate::chart::{self, parts, Action, BarChart};
use crate::format;
use crate::snapshot::ValidSnapshot;
use crate::tasks::StatusSet;

fn export_info(snap: &ValidSnapshot, lang: format::Lang) -> ExportInfo {
    let labels = format::labels(lang);
    let s = snap.snapshot();
    let notice = snap.is_illustrative().then(|| {
        let mut text = labels.illustrative_notice.to_owned();
        if let Some(n) = &s.notice {
            text.push_str(". ");
            text.push_str(n.get(lang));
        }
        text
    });
    ExportInfo {
        source: format!(
            "{}: {} · {} · {}",
            labels.source,
            chart::source_line(&s.source, lang),
            s.jurisdiction.get(lang),
            format::reporting_period(s.period_start(), s.as_of, lang)
        ),
        notice,
        file_prefix: s.id.clone(),
    }
}

/// Memos of everything the views draw, from the snapshot, the selection and the language.
#[derive(Clone, Copy)]
pub struct Charts {
    pub export: Memo<ExportInfo>,
    pub status: Memo<Option<BarChart>>,
    pub units: Memo<Option<BarChart>>,
    pub documents: Memo<Option<BarChart>>,
    pub schemes: Memo<Option<BarChart>>,
    pub growth: Memo<Option<BarChart>>,
    on_action: Callback<Action>,
}

impl Charts {
    /// `on_action`: what a chart's bar or legend entry does when pressed (the full view
    /// applies it to the view; the compact view's charts are not interactive).
    pub fn new(ctx: Ctx, on_action: Callback<Action>) -> Charts {
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
                parts::status_part(&snap, &sel, statuses, lang.get())
            }),
            units: Memo::new(move |_| {
                let snap = ctx.snap.get()?;
                let sel = ctx.unit_counts.get()?;
                // The chart reads the unit filter and its own sort; the status filter is its
                // emphasis, applied by the card (`ChartCard::emphasis`), so a status toggle
                // does not rebuild it; any other change of the view must not rebuild it either.
                let (sort, all) = unit_view.with(|(_, sort, all)| (*sort, *all));
                let filter = ctx.view.with_untracked(|v| v.task_filter(&snap));
                parts::units_part(&snap, &sel, &filter, sort, all, lang.get())
            }),
            documents: with_snap(parts::documents_part),
            schemes: with_snap(parts::schemes_part),
            growth: {
                let spans = Memo::new(move |_| ctx.view.with(|v| v.growth_spans));
                Memo::new(move |_| {
                    let only = spans.get();
                    ctx.snap.with(|s| {
                        s.as_ref()
                            .and_then(|s| parts::growth_part(s, only, lang.get()))
                    })
                })
            },
            on_action,
        }
    }

    pub fn card(self, ctx: Ctx, chart: Memo<Option<BarChart>>, interactive: bool) -> impl IntoView {
        self.card_with(ctx, chart, interactive, None)
    }

    /// The unit chart's card: the status filter is its emphasis.
    pub fn units_card(self, ctx: Ctx, interactive: bool) -> impl IntoView {
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
