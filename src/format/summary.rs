//! Text summaries of the charts, in the current language: the text alternative a screen-reader
//! user gets first, and a caption every reader can quote.

use super::{capitalise, count, date, fill, labels, lowercase, percent, period, share, Lang};
use crate::snapshot::{
    Comparator, Date, Documents, FigureKind, GrowthPoint, GrowthValue, Scheme, ValueStatus,
};
use crate::tasks::{GroupTally, Status, StatusTally};
use crate::text::isolate;

fn status_phrase(s: Status, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::Vi, Status::OnTime) => "hoàn thành đúng hạn",
        (Lang::Vi, Status::Late) => "hoàn thành quá hạn",
        (Lang::Vi, Status::Overdue) => "chưa hoàn thành, quá hạn",
        (Lang::Vi, Status::WithinDeadline) => "chưa hoàn thành, còn trong hạn",
        (Lang::En, Status::OnTime) => "completed on time",
        (Lang::En, Status::Late) => "completed late",
        (Lang::En, Status::Overdue) => "not completed and overdue",
        (Lang::En, Status::WithinDeadline) => "not completed, still within the deadline",
    }
}

fn group_phrase(completed: bool, lang: Lang) -> &'static str {
    match (lang, completed) {
        (Lang::Vi, true) => "đã hoàn thành (báo cáo không tách đúng hạn, quá hạn)",
        (Lang::Vi, false) => "chưa hoàn thành (báo cáo không tách quá hạn, còn hạn)",
        (Lang::En, true) => "completed (the report does not split on time and late)",
        (Lang::En, false) => {
            "not completed (the report does not split overdue and within deadline)"
        }
    }
}

/// When task figures are from: "Số liệu đến 31/03/2021", or with the start of their
/// reporting period, "Số liệu từ 01/01/2017 đến 25/12/2017".
pub fn reporting_period(start: Option<Date>, end: Date, lang: Lang) -> String {
    match (start, lang) {
        (None, _) => format!("{} {}", super::labels(lang).as_of, date(end, lang)),
        (Some(s), Lang::Vi) => format!("Số liệu từ {} đến {}", date(s, lang), date(end, lang)),
        (Some(s), Lang::En) => format!("Figures from {} to {}", date(s, lang), date(end, lang)),
    }
}

/// "Đến 31/03/2021, 506 trong 1.738 nhiệm vụ hoàn thành đúng hạn (29,1%); 123 ..." (with the
/// start of the reporting period: "Từ 01/01/2017 đến 25/12/2017, …").
pub fn status_summary(t: &StatusTally, (start, as_of): (Option<Date>, Date), lang: Lang) -> String {
    let total = t.total();
    let mut parts: Vec<(u32, &str)> = Vec::new();
    for (group, completed, a, b) in [
        (t.completed, true, Status::OnTime, Status::Late),
        (
            t.not_completed,
            false,
            Status::Overdue,
            Status::WithinDeadline,
        ),
    ] {
        match group {
            GroupTally::Split(x, y) => {
                parts.push((x, status_phrase(a, lang)));
                parts.push((y, status_phrase(b, lang)));
            }
            GroupTally::SumOnly(s) => parts.push((s, group_phrase(completed, lang))),
        }
    }
    let mut out = match (start, lang) {
        (None, Lang::Vi) => format!("Đến {}, ", date(as_of, lang)),
        (None, Lang::En) => format!("As of {}, ", date(as_of, lang)),
        (Some(s), Lang::Vi) => format!("Từ {} đến {}, ", date(s, lang), date(as_of, lang)),
        (Some(s), Lang::En) => format!("From {} to {}, ", date(s, lang), date(as_of, lang)),
    };
    for (i, (n, phrase)) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let n_text = count(*n, lang);
        let pct = share(*n, total, lang);
        if i == 0 {
            let total_text = count(total, lang);
            match lang {
                Lang::Vi => out.push_str(&format!(
                    "{n_text} trong {total_text} nhiệm vụ {phrase} ({pct})"
                )),
                Lang::En => out.push_str(&format!(
                    "{n_text} of {total_text} tasks were {phrase} ({pct})"
                )),
            }
        } else {
            out.push_str(&format!("{n_text} {phrase} ({pct})"));
        }
    }
    out.push('.');
    out
}

/// "Quý I/2021: Công văn 1.523, Quyết định 808, ...; tổ chức 180 cuộc họp."
pub fn documents_summary(docs: &Documents, lang: Lang) -> String {
    let labels = labels(lang);
    let mut issued: Vec<_> = docs.issued.iter().collect();
    crate::order::sort_by(&mut issued, &|a, b| b.count.cmp(&a.count));
    let list: Vec<String> = issued
        .iter()
        .map(|d| {
            let name = d
                .label
                .as_ref()
                .map_or(labels.doc_type(d.doc_type), |t| t.get(lang));
            format!("{} {}", isolate(&lowercase(name)), count(d.count, lang))
        })
        .collect();
    let p = period(docs.period, lang);
    let mut out = match lang {
        Lang::Vi => format!("Trong {p} đã ban hành: {}", list.join(", ")),
        Lang::En => format!("In {p}, issued: {}", list.join(", ")),
    };
    if let Some(m) = docs.meetings {
        match lang {
            Lang::Vi => out.push_str(&format!("; tổ chức {} cuộc họp", count(m, lang))),
            Lang::En => out.push_str(&format!("; {} meetings held", count(m, lang))),
        }
    }
    out.push('.');
    for sub in &docs.of_which {
        out.push_str(&format!(
            " {}: {} {}.",
            labels.of_which,
            count(sub.count, lang),
            isolate(sub.label.get(lang))
        ));
    }
    out
}

/// "Đề án ...: 6 trên 13 đã hoàn thành (46,2%)."
pub fn schemes_summary(schemes: &[Scheme], lang: Lang) -> String {
    schemes
        .iter()
        .map(|s| {
            let (done, total) = (count(s.done, lang), count(s.total, lang));
            let pct = share(s.done, s.total, lang);
            match lang {
                Lang::Vi => format!(
                    "{}: {done} trên {total} đã hoàn thành ({pct}).",
                    isolate(s.label.get(lang))
                ),
                Lang::En => format!(
                    "{}: {done} of {total} completed ({pct}).",
                    isolate(s.label.get(lang))
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A growth value in words: "ước tính 9,02%", "mục tiêu trên 9,5% (hai con số)".
pub fn growth_value(v: &GrowthValue, lang: Lang) -> String {
    let labels = labels(lang);
    let mut out = format!(
        "{} {}",
        lowercase(labels.figure_kind(v.kind)),
        comparator_value(v, lang)
    );
    if let Some(note) = &v.note {
        out.push_str(&format!(" ({})", isolate(note.get(lang))));
    }
    out
}

/// A figure beside a period's current one: "(trước đó: 7,75%)", "(nguồn khác: 8,6%)".
pub fn other_value(v: &GrowthValue, lang: Lang) -> String {
    let labels = labels(lang);
    let template = match v.status {
        ValueStatus::Disputed => labels.value_disputed,
        _ => labels.value_superseded,
    };
    fill(template, &[("x", &comparator_value(v, lang))])
}

/// A growth value's kind as the data table gives it: "Ước tính", "Ước tính (số cũ, đã sửa)".
pub fn value_kind(v: &GrowthValue, lang: Lang) -> String {
    let labels = labels(lang);
    let status = match v.status {
        ValueStatus::Current => "",
        ValueStatus::Superseded => labels.kind_superseded,
        ValueStatus::Disputed => labels.kind_disputed,
    };
    format!("{}{status}", labels.figure_kind(v.kind))
}

/// A period's values in the order they are told: the current measured one, the figures
/// beside it, then targets (each followed by those it revised).
pub fn told_in_order(values: &[GrowthValue]) -> Vec<&GrowthValue> {
    let mut ordered: Vec<&GrowthValue> = values.iter().collect();
    crate::order::sort_by_key(&mut ordered, |v| {
        (v.kind == FigureKind::Target, !v.status.is_current())
    });
    ordered
}

/// A growth value for a chart label: "12,01%", "9,02% (ước tính)", "mục tiêu > 9,5%".
pub fn growth_value_short(v: &GrowthValue, lang: Lang) -> String {
    let labels = labels(lang);
    let value = percent(v.value, lang);
    let sign = match v.comparator {
        Some(Comparator::Above) => ">\u{a0}",
        Some(Comparator::AtLeast) => "≥\u{a0}",
        None => "",
    };
    match v.kind {
        FigureKind::Actual => value,
        FigureKind::Estimate => format!("{value} ({})", lowercase(labels.kind_estimate)),
        FigureKind::Target => format!("{}\u{a0}{sign}{value}", lowercase(labels.kind_target)),
    }
}

/// "> 9,5%" style value with its comparator in words: "trên 9,5%", "ít nhất 10%".
pub fn comparator_value(v: &GrowthValue, lang: Lang) -> String {
    let value = percent(v.value, lang);
    match v.comparator {
        Some(_) => format!("{} {value}", comparator_words(v.comparator, lang)),
        None => value,
    }
}

/// A target's comparator in words, "trên", "ít nhất"; empty without one.
pub fn comparator_words(comparator: Option<Comparator>, lang: Lang) -> &'static str {
    let labels = labels(lang);
    match comparator {
        Some(Comparator::Above) => labels.above,
        Some(Comparator::AtLeast) => labels.at_least,
        None => "",
    }
}

/// What the signs of the targets' short labels ([`growth_value_short`]) mean, for a legend
/// entry: " (> trên, ≥ ít nhất)", each comparator of `used` once; empty when none is used.
pub fn comparator_key(used: &[Comparator], lang: Lang) -> String {
    let signs = [(Comparator::Above, ">"), (Comparator::AtLeast, "≥")];
    let key: Vec<String> = (signs.iter())
        .filter(|(c, _)| used.contains(c))
        .map(|&(c, sign)| format!("{sign}\u{a0}{}", comparator_words(Some(c), lang)))
        .collect();
    match key.is_empty() {
        true => String::new(),
        false => format!(" ({})", key.join(", ")),
    }
}

/// "Năm 2019: thực hiện 12,01%, mục tiêu trên 11,6%. Quý I/2021: ước tính 9,02%. ..."
pub fn growth_summary(points: &[&GrowthPoint], lang: Lang) -> String {
    points
        .iter()
        .map(|p| {
            let mut text: Vec<String> = Vec::new();
            for v in told_in_order(&p.values) {
                match text.last_mut() {
                    Some(last) if !v.status.is_current() => {
                        last.push(' ');
                        last.push_str(&other_value(v, lang));
                    }
                    _ => text.push(growth_value(v, lang)),
                }
            }
            let name = capitalise(&period(p.period, lang));
            format!("{name}: {}.", text.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Tỷ lệ quá hạn cao nhất: A (12,5%), B (10,0%), C (8,3%)." over `(name, overdue, total)`.
pub fn units_summary(units: &[(String, Option<u32>, u32)], lang: Lang) -> String {
    if units.iter().all(|u| u.2 == 0) {
        return labels(lang).no_match.to_owned();
    }
    let n = count(units.len() as u32, lang);
    // Ranked by the overdue share only among units whose report counts overdue tasks: a
    // unit that gives only a sum of its open tasks has no share to rank (never "0%").
    let mut ranked: Vec<(&str, u32, u32)> = units
        .iter()
        .filter_map(|(name, overdue, total)| Some((name.as_str(), (*overdue)?, *total)))
        .filter(|u| u.2 > 0)
        .collect();
    if ranked.is_empty() {
        return match lang {
            Lang::Vi => format!("{n} đơn vị."),
            Lang::En => format!("{n} units."),
        };
    }
    crate::order::sort_by(&mut ranked, &|a, b| {
        let share = |u: &(&str, u32, u32)| f64::from(u.1) / f64::from(u.2);
        share(b).total_cmp(&share(a)).then_with(|| a.0.cmp(b.0))
    });
    let top: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|(name, overdue, total)| {
            format!("{} ({})", isolate(name), share(*overdue, *total, lang))
        })
        .collect();
    match lang {
        Lang::Vi => format!(
            "{n} đơn vị. Tỷ lệ nhiệm vụ chưa hoàn thành, quá hạn cao nhất: {}.",
            top.join(", ")
        ),
        Lang::En => format!(
            "{n} units. Highest shares of tasks not completed and overdue: {}.",
            top.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q1_2021() -> StatusTally {
        StatusTally::from_counts([506, 123, 41, 1068])
    }

    #[test]
    fn status_summary_reads_like_the_article_in_vietnamese() {
        let s = status_summary(
            &q1_2021(),
            (None, Date::from_ymd(2021, 3, 31).unwrap()),
            Lang::Vi,
        );
        assert_eq!(
            s,
            "Đến 31/03/2021, 506 trong 1.738 nhiệm vụ hoàn thành đúng hạn (29,1%); \
             123 hoàn thành quá hạn (7,1%); 41 chưa hoàn thành, quá hạn (2,4%); \
             1.068 chưa hoàn thành, còn trong hạn (61,4%)."
        );
    }

    #[test]
    fn status_summary_in_english() {
        let s = status_summary(
            &q1_2021(),
            (None, Date::from_ymd(2021, 3, 31).unwrap()),
            Lang::En,
        );
        assert!(
            s.starts_with("As of 31 Mar 2021, 506 of 1,738 tasks were completed on time (29.1%);"),
            "{s}"
        );
    }

    #[test]
    fn status_summary_keeps_a_sum_only_group_whole() {
        let t = StatusTally {
            completed: GroupTally::SumOnly(495),
            not_completed: GroupTally::Split(35, 1059),
        };
        let s = status_summary(
            &t,
            (
                Some(Date::from_ymd(2021, 1, 1).unwrap()),
                Date::from_ymd(2021, 4, 30).unwrap(),
            ),
            Lang::Vi,
        );
        assert!(
            s.contains("495 trong 1.589 nhiệm vụ đã hoàn thành (báo cáo không tách"),
            "{s}"
        );
        assert!(!s.contains("đúng hạn ("), "{s}");
    }

    #[test]
    fn units_summary_ranks_by_overdue_share() {
        let units = vec![
            ("A".to_owned(), Some(1), 10),
            ("B".to_owned(), Some(5), 10),
            ("C".to_owned(), Some(0), 0),
            ("D".to_owned(), None, 10),
        ];
        assert_eq!(
            units_summary(&units, Lang::En),
            "4 units. Highest shares of tasks not completed and overdue: B (50.0%), A (10.0%)."
        );
        // Without overdue counts, no share is made up.
        let sums = vec![("A".to_owned(), None, 10), ("B".to_owned(), None, 3)];
        assert_eq!(units_summary(&sums, Lang::Vi), "2 đơn vị.");
    }
}
