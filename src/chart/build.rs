//! Builders: validated figures + view state → [`BarChart`]s in the current language.

use super::{
    Action, BarChart, BarRow, Cell, DataTable, LegendEntry, Marker, Segment, Series, Tick,
};
use crate::format::{self, capitalise, count, fill, labels, lowercase, percent, share, Lang};
use crate::snapshot::{Date, DocType, Documents, FigureKind, Growth, Scheme, Source, Unit};
use crate::tasks::{fold, GroupTally, Selection, Status, StatusSet, StatusTally, TaskFilter};

/// Order of the bars of the unit chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum UnitSort {
    /// Highest share of overdue tasks first: who is behind.
    #[default]
    OverdueShare,
    /// Most tasks first.
    Total,
    /// Alphabetical (accent-insensitive).
    Name,
}

impl UnitSort {
    pub const ALL: [UnitSort; 3] = [UnitSort::OverdueShare, UnitSort::Total, UnitSort::Name];

    pub fn code(self) -> &'static str {
        match self {
            UnitSort::OverdueShare => "overdue",
            UnitSort::Total => "total",
            UnitSort::Name => "name",
        }
    }
    pub fn from_code(code: &str) -> Option<UnitSort> {
        UnitSort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The three headline figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub total: String,
    pub completed_share: String,
    /// `None` when the report does not split the not-completed group.
    pub overdue_share: Option<String>,
}

pub fn headline(t: &StatusTally, lang: Lang) -> Headline {
    let total = t.total();
    Headline {
        total: count(total, lang),
        completed_share: share(t.completed.sum(), total, lang),
        overdue_share: t.get(Status::Overdue).map(|n| share(n, total, lang)),
    }
}

fn fraction(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// Rows of a tally: a row per status, or one row for a group known only as a sum.
fn tally_rows(t: &StatusTally) -> Vec<(Series, StatusSet, u32)> {
    let mut rows = Vec::with_capacity(4);
    for (group, a, b, sum_series) in [
        (
            t.completed,
            Status::OnTime,
            Status::Late,
            Series::CompletedSum,
        ),
        (
            t.not_completed,
            Status::Overdue,
            Status::WithinDeadline,
            Series::NotCompletedSum,
        ),
    ] {
        match group {
            GroupTally::Split(x, y) => {
                rows.push((Series::Status(a), StatusSet::only(a), x));
                rows.push((Series::Status(b), StatusSet::only(b), y));
            }
            GroupTally::SumOnly(s) => {
                rows.push((sum_series, [a, b].into_iter().collect(), s));
            }
        }
    }
    rows
}

fn series_label(series: Series, lang: Lang) -> String {
    let l = labels(lang);
    match series {
        Series::Status(s) => l.status(s).to_owned(),
        Series::CompletedSum => format!("{} ({})", l.group_completed, l.not_split),
        Series::NotCompletedSum => format!("{} ({})", l.group_not_completed, l.not_split),
        Series::Count => l.col_count.to_owned(),
        Series::Done => l.schemes_done.to_owned(),
        Series::Remaining => l.schemes_remaining.to_owned(),
        Series::Actual => l.kind_actual.to_owned(),
        Series::Estimate => l.kind_estimate.to_owned(),
        Series::Target => l.kind_target.to_owned(),
    }
}

/// The four statuses with counts and shares. `selected` is the status filter: its rows are
/// emphasised, the others faded; pressing a row toggles it.
pub fn status_chart(t: &StatusTally, selected: StatusSet, as_of: Date, lang: Lang) -> BarChart {
    let l = labels(lang);
    let total = t.total();
    let rows_data = tally_rows(t);
    let max = rows_data.iter().map(|r| r.2).max().unwrap_or(0);
    let mut table = DataTable {
        headers: vec![l.col_status.into(), l.col_count.into(), l.col_share.into()],
        rows: Vec::new(),
    };
    let rows = rows_data
        .iter()
        .map(|&(series, statuses, n)| {
            let label = series_label(series, lang);
            let pct = share(n, total, lang);
            let value_text = format!("{} · {pct}", count(n, lang));
            table.rows.push(vec![
                Cell::text(label.clone()),
                Cell::number(count(n, lang), n),
                Cell::number(
                    pct.clone(),
                    format::plain_decimal(fraction(n, total) * 100.0, 2),
                ),
            ]);
            let is_selected = !selected.is_empty() && statuses.iter().all(|s| selected.contains(s));
            let dimmed = !selected.is_empty() && !is_selected;
            BarRow {
                key: statuses
                    .iter()
                    .map(Status::code)
                    .collect::<Vec<_>>()
                    .join("+"),
                label: label.clone(),
                segments: vec![Segment {
                    series,
                    start: 0.0,
                    end: fraction(n, max),
                    label: format!("{label}: {value_text}"),
                    action: Some(Action::ToggleStatuses(statuses)),
                    selected: is_selected,
                    dimmed,
                }],
                value_text,
                markers: Vec::new(),
                action: Some(Action::ToggleStatuses(statuses)),
                selected: is_selected,
                dimmed,
            }
        })
        .collect();
    table.rows.push(vec![
        Cell::text(l.col_total),
        Cell::number(count(total, lang), total),
        Cell::number(share(total, total, lang), "100.00"),
    ]);
    BarChart {
        id: "status",
        title: l.chart_status.to_owned(),
        subtitle: format!("{} {}", l.as_of, format::date(as_of, lang)),
        rows,
        legend: Vec::new(),
        ticks: Vec::new(),
        highlight: StatusSet::EMPTY,
        summary: format::status_summary(t, as_of, lang),
        table,
        row_limit: None,
    }
}

fn unit_name(u: &Unit, lang: Lang) -> &str {
    u.short.as_ref().unwrap_or(&u.name).get(lang)
}

/// Units the unit chart draws unless the reader asks for all (`all` of [`unit_chart`]); the
/// units of a unit filter are drawn wherever they rank.
pub const UNIT_ROWS: usize = 10;

/// Stacked 100 % bars of the four statuses per unit, the first [`UNIT_ROWS`] of them unless
/// `all`; its data table lists every unit. `None` without per-unit figures.
pub fn unit_chart(
    units: &[Unit],
    selection: &Selection,
    filter: &TaskFilter,
    sort: UnitSort,
    all: bool,
    lang: Lang,
) -> Option<BarChart> {
    if selection.unit_tallies.is_empty() {
        return None;
    }
    let l = labels(lang);
    let mut shown: Vec<(usize, StatusTally)> = selection
        .unit_tallies
        .iter()
        .enumerate()
        .filter_map(|(u, t)| t.filter(|t| t.total() > 0).map(|t| (u, t)))
        .collect();
    let overdue_share = |t: &StatusTally| fraction(t.get(Status::Overdue).unwrap_or(0), t.total());
    let name_key = |u: usize| fold(units[u].name.get(lang));
    // The series' names in segment labels, lower-cased once rather than per segment.
    let series_names: Vec<(Series, String)> = (Status::ALL.map(Series::Status).into_iter())
        .chain([Series::CompletedSum, Series::NotCompletedSum])
        .map(|series| (series, lowercase(&series_label(series, lang))))
        .collect();
    let series_name = |series: Series| {
        (series_names.iter())
            .find(|(s, _)| *s == series)
            .map_or("", |(_, name)| name.as_str())
    };
    match sort {
        UnitSort::OverdueShare => crate::order::sort_by(&mut shown, &|a, b| {
            overdue_share(&b.1)
                .total_cmp(&overdue_share(&a.1))
                .then(b.1.total().cmp(&a.1.total()))
                .then_with(|| name_key(a.0).cmp(&name_key(b.0)))
        }),
        UnitSort::Total => crate::order::sort_by(&mut shown, &|a, b| {
            b.1.total()
                .cmp(&a.1.total())
                .then_with(|| name_key(a.0).cmp(&name_key(b.0)))
        }),
        UnitSort::Name => crate::order::sort_by_key(&mut shown, |(u, _)| name_key(*u)),
    }
    let mut table = DataTable {
        headers: vec![l.col_unit.into(), l.filter_unit_kind.into()],
        rows: Vec::new(),
    };
    table
        .headers
        .extend(Status::ALL.iter().map(|s| l.status(*s).to_owned()));
    table.headers.push(l.col_total.into());
    table
        .headers
        .push(format!("{} ({})", l.col_share, l.share_overdue_of_unit));

    let mut summary_input = Vec::new();
    let rows = shown
        .iter()
        .map(|&(u, t)| {
            let unit = &units[u];
            let total = t.total();
            let overdue = t.get(Status::Overdue);
            let overdue_text = overdue.map_or("–".to_owned(), |n| share(n, total, lang));
            summary_input.push((unit.name.get(lang).to_owned(), overdue.unwrap_or(0), total));
            let mut start = 0.0;
            let segments = tally_rows(&t)
                .into_iter()
                .filter(|r| r.2 > 0)
                .map(|(series, statuses, n)| {
                    let end = start + fraction(n, total);
                    let single = (statuses.iter().count() == 1)
                        .then(|| statuses.iter().next())
                        .flatten();
                    let seg = Segment {
                        series,
                        start,
                        end,
                        label: format!(
                            "{}: {} {} ({})",
                            unit.name.get(lang),
                            series_name(series),
                            count(n, lang),
                            share(n, total, lang)
                        ),
                        action: single.map(|status| Action::ToggleSegment { unit: u, status }),
                        // Status emphasis comes from `BarChart::highlight`; units from the row.
                        selected: false,
                        dimmed: false,
                    };
                    start = end;
                    seg
                })
                .collect();
            let mut cells = vec![
                Cell::text(unit.name.get(lang)),
                Cell::text(l.unit_kind(unit.kind)),
            ];
            cells.extend(Status::ALL.iter().map(|s| match t.get(*s) {
                Some(n) => Cell::number(count(n, lang), n),
                None => Cell::text("–"),
            }));
            cells.push(Cell::number(count(total, lang), total));
            cells.push(Cell::number(
                overdue_text.clone(),
                overdue.map_or(String::new(), |n| {
                    format::plain_decimal(fraction(n, total) * 100.0, 2)
                }),
            ));
            table.rows.push(cells);
            let unit_selected = filter.units.contains(&u);
            BarRow {
                key: unit.id.clone(),
                label: unit_name(unit, lang).to_owned(),
                value_text: format!(
                    "{} · {overdue_text} {}",
                    count(total, lang),
                    l.share_overdue_of_unit
                ),
                segments,
                markers: Vec::new(),
                action: Some(Action::ToggleUnit(u)),
                selected: unit_selected,
                dimmed: !filter.units.is_empty() && !unit_selected,
            }
        })
        .collect();
    let legend = Status::ALL
        .iter()
        .map(|&s| LegendEntry {
            series: Series::Status(s),
            label: l.status(s).to_owned(),
            action: Some(Action::ToggleStatuses(StatusSet::only(s))),
            selected: false,
        })
        .collect();
    let kinds = filter
        .unit_kind
        .map_or(String::new(), |k| l.unit_kind(k).to_owned());
    let mut chart = BarChart {
        id: "units",
        title: l.chart_units.to_owned(),
        subtitle: kinds,
        rows,
        legend,
        ticks: Vec::new(),
        highlight: StatusSet::default(),
        summary: format::units_summary(&summary_input, lang),
        table,
        row_limit: None,
    };
    chart.emphasise(filter.statuses);
    chart.limit_rows(UNIT_ROWS, all);
    if let Some(limit) = &mut chart.row_limit {
        let (shown, total) = (
            count(limit.shown as u32, lang),
            count(limit.total as u32, lang),
        );
        limit.note = fill(l.units_shown, &[("shown", &shown), ("total", &total)]);
        limit.toggle = match limit.all_drawn() {
            true => fill(l.units_show_first, &[("n", &count(UNIT_ROWS as u32, lang))]),
            false => fill(l.units_show_all, &[("total", &total)]),
        };
        limit.action = Some(Action::AllUnits(!limit.all_drawn()));
    }
    Some(chart)
}

/// Documents issued by type, most frequent first.
pub fn documents_chart(docs: &Documents, lang: Lang) -> BarChart {
    let l = labels(lang);
    let mut issued: Vec<_> = docs.issued.iter().collect();
    crate::order::sort_by(&mut issued, &|a, b| b.count.cmp(&a.count));
    let max = issued.iter().map(|d| d.count).max().unwrap_or(0);
    let mut table = DataTable {
        headers: vec![l.col_type.into(), l.col_count.into()],
        rows: Vec::new(),
    };
    let rows = issued
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let label = d
                .label
                .as_ref()
                .map_or(l.doc_type(d.doc_type), |t| t.get(lang))
                .to_owned();
            let value_text = count(d.count, lang);
            table.rows.push(vec![
                Cell::text(label.clone()),
                Cell::number(value_text.clone(), d.count),
            ]);
            let segment = Segment::fixed(
                Series::Count,
                0.0,
                fraction(d.count, max),
                format!("{label}: {value_text}"),
            );
            BarRow::fixed(
                // Keys name elements: "other" may come more than once.
                match d.doc_type {
                    DocType::Other => format!("other-{i}"),
                    t => t.name().to_owned(),
                },
                label,
                value_text,
                vec![segment],
            )
        })
        .collect();
    if let Some(m) = docs.meetings {
        table.rows.push(vec![
            Cell::text(capitalise(l.meetings)),
            Cell::number(count(m, lang), m),
        ]);
    }
    for sub in &docs.of_which {
        table.rows.push(vec![
            Cell::text(format!("{}: {}", l.of_which, sub.label.get(lang))),
            Cell::number(count(sub.count, lang), sub.count),
        ]);
    }
    BarChart {
        id: "documents",
        title: l.chart_documents.to_owned(),
        subtitle: capitalise(&format::period(docs.period, lang)),
        rows,
        legend: Vec::new(),
        ticks: Vec::new(),
        highlight: StatusSet::EMPTY,
        summary: format::documents_summary(docs, lang),
        table,
        row_limit: None,
    }
}

/// Schemes: done and remaining of each.
pub fn schemes_chart(schemes: &[Scheme], as_of: Date, lang: Lang) -> BarChart {
    let l = labels(lang);
    let mut table = DataTable {
        headers: vec![
            l.col_scheme.into(),
            l.schemes_done.into(),
            l.col_total.into(),
            l.col_share.into(),
        ],
        rows: Vec::new(),
    };
    let rows = schemes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = s.label.get(lang).to_owned();
            let pct = share(s.done, s.total, lang);
            let value_text = format!("{}/{} · {pct}", count(s.done, lang), count(s.total, lang));
            table.rows.push(vec![
                Cell::text(label.clone()),
                Cell::number(count(s.done, lang), s.done),
                Cell::number(count(s.total, lang), s.total),
                Cell::number(
                    pct.clone(),
                    format::plain_decimal(fraction(s.done, s.total) * 100.0, 2),
                ),
            ]);
            let done_end = fraction(s.done, s.total);
            let segment = |series, start, end, n: u32| Segment {
                series,
                start,
                end,
                label: format!(
                    "{label}: {} {}",
                    lowercase(&series_label(series, lang)),
                    count(n, lang)
                ),
                action: None,
                selected: false,
                dimmed: false,
            };
            BarRow {
                key: format!("scheme-{i}"),
                segments: vec![
                    segment(Series::Done, 0.0, done_end, s.done),
                    segment(Series::Remaining, done_end, 1.0, s.total - s.done),
                ],
                label,
                value_text,
                markers: Vec::new(),
                action: None,
                selected: false,
                dimmed: false,
            }
        })
        .collect();
    let date = schemes.iter().find_map(|s| s.as_of).unwrap_or(as_of);
    BarChart {
        id: "schemes",
        title: l.chart_schemes.to_owned(),
        subtitle: format!("{} {}", l.as_of, format::date(date, lang)),
        rows,
        legend: [Series::Done, Series::Remaining]
            .into_iter()
            .map(|series| LegendEntry {
                series,
                label: series_label(series, lang),
                action: None,
                selected: false,
            })
            .collect(),
        ticks: Vec::new(),
        highlight: StatusSet::EMPTY,
        summary: format::schemes_summary(schemes, lang),
        table,
        row_limit: None,
    }
}

/// A round upper bound for the axis: 12,4 → 14.
fn nice_ceiling(x: f64, step: f64) -> f64 {
    ((x / step).ceil() * step).max(step)
}

/// Growth per period: the measured value as a bar (actual solid, estimate hatched) and each
/// target as a marker, on one axis from 0 (or the lowest negative value).
pub fn growth_chart(growth: &Growth, snapshot_source: &Source, lang: Lang) -> BarChart {
    let l = labels(lang);
    let values = || {
        growth
            .points
            .iter()
            .flat_map(|p| p.values.iter().map(|v| v.value))
    };
    let high = values().fold(0.0_f64, f64::max);
    let low = values().fold(0.0_f64, f64::min);
    let step = if high - low <= 16.0 { 2.0 } else { 5.0 };
    let (lo, hi) = (
        -nice_ceiling(-low, step) * f64::from(u8::from(low < 0.0)),
        nice_ceiling(high, step),
    );
    let at = |v: f64| ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
    let mut ticks = Vec::new();
    let mut t = lo;
    while t <= hi + 1e-9 {
        ticks.push(Tick {
            at: at(t),
            label: percent(t, lang),
        });
        t += step;
    }
    let mut table = DataTable {
        headers: vec![
            l.col_period.into(),
            l.col_kind.into(),
            l.col_value.into(),
            l.source.into(),
        ],
        rows: Vec::new(),
    };
    let mut used = Vec::new();
    let rows = growth
        .points
        .iter()
        .map(|p| {
            let label = capitalise(&format::period(p.period, lang));
            let mut segments = Vec::new();
            let mut markers = Vec::new();
            let mut texts = Vec::new();
            let mut ordered: Vec<_> = p.values.iter().collect();
            crate::order::sort_by_key(&mut ordered, |v| v.kind == FigureKind::Target);
            for v in ordered {
                let source = v.source.as_ref().unwrap_or(snapshot_source);
                table.rows.push(vec![
                    Cell::text(label.clone()),
                    Cell::text(l.figure_kind(v.kind)),
                    Cell::number(
                        format::comparator_value(v, lang),
                        format::plain_number(v.value, 2),
                    ),
                    Cell::text(source_line(source, lang)),
                ]);
                let words = format::growth_value(v, lang);
                texts.push(format::growth_value_short(v, lang));
                match v.kind {
                    FigureKind::Target => {
                        markers.push(Marker {
                            at: at(v.value),
                            label: format!("{label}: {words}"),
                        });
                        used.push(Series::Target);
                    }
                    kind => {
                        let series = if kind == FigureKind::Actual {
                            Series::Actual
                        } else {
                            Series::Estimate
                        };
                        used.push(series);
                        let (a, b) = (at(0.0), at(v.value));
                        segments.push(Segment::fixed(
                            series,
                            a.min(b),
                            a.max(b),
                            format!("{label}: {words}"),
                        ));
                    }
                }
            }
            BarRow {
                markers,
                ..BarRow::fixed(p.period.to_string(), label, texts.join(" · "), segments)
            }
        })
        .collect();
    let legend = [Series::Actual, Series::Estimate, Series::Target]
        .into_iter()
        .filter(|s| used.contains(s))
        .map(|series| LegendEntry {
            series,
            label: series_label(series, lang),
            action: None,
            selected: false,
        })
        .collect();
    BarChart {
        id: "growth",
        title: l.chart_growth.to_owned(),
        subtitle: growth.indicator.get(lang).to_owned(),
        rows,
        legend,
        ticks,
        highlight: StatusSet::EMPTY,
        summary: format::growth_summary(growth, lang),
        table,
        row_limit: None,
    }
}

/// A source as one line: `«title», author, outlet, đăng ngày 09/04/2021`.
pub fn source_line(source: &Source, lang: Lang) -> String {
    let l = labels(lang);
    let mut parts = Vec::new();
    if let Some(title) = &source.title {
        parts.push(format!("«{title}»"));
    }
    if let Some(author) = &source.author {
        parts.push(author.clone());
    }
    parts.push(source.name.clone());
    if let Some(published) = source.published {
        parts.push(format!("{} {}", l.published, format::date(published, lang)));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{DocumentCount, Period, Text};

    #[test]
    fn document_rows_are_keyed_by_type_name_and_other_rows_stay_unique() {
        let count = |doc_type, count, label: Option<Text>| DocumentCount {
            doc_type,
            count,
            label,
        };
        let docs = Documents {
            period: Period::parse("2021-Q1").expect("a period"),
            source: None,
            issued: vec![
                count(DocType::OfficialLetter, 30, None),
                count(
                    DocType::Other,
                    20,
                    Some(Text::new("Tờ trình", "Submissions")),
                ),
                count(DocType::Other, 10, Some(Text::new("Báo cáo", "Reports"))),
            ],
            meetings: None,
            of_which: Vec::new(),
        };
        let chart = documents_chart(&docs, Lang::En);
        let keys: Vec<&str> = chart.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["official_letter", "other-1", "other-2"]);
    }
}
