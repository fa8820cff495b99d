//! The documents chart: documents issued in a period, by type.

use super::rows::fraction;
use super::{BarChart, BarRow, Cell, DataTable, Segment, Series};
use crate::format::{self, capitalise, count, labels, Lang};
use crate::snapshot::{DocType, Documents};
use crate::text::isolate;

/// Documents issued by type, most frequent first.
pub fn documents_chart(docs: &Documents, lang: Lang) -> BarChart {
    let labels = labels(lang);
    let mut issued: Vec<_> = docs.issued.iter().collect();
    crate::order::sort_by(&mut issued, &|a, b| b.count.cmp(&a.count));
    let max = issued.iter().map(|d| d.count).max().unwrap_or(0);
    let mut table = DataTable::new(&[labels.col_type, labels.col_count]);
    let rows = issued
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let label = d
                .label
                .as_ref()
                .map_or(labels.doc_type(d.doc_type), |t| t.get(lang))
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
                format!("{}: {value_text}", isolate(&label)),
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
            Cell::text(capitalise(labels.meetings)),
            Cell::number(count(m, lang), m),
        ]);
    }
    for sub in &docs.of_which {
        table.rows.push(vec![
            Cell::text(format!(
                "{}: {}",
                labels.of_which,
                isolate(sub.label.get(lang))
            )),
            Cell::number(count(sub.count, lang), sub.count),
        ]);
    }
    BarChart::new(
        "documents",
        labels.chart_documents.to_owned(),
        capitalise(&format::period(docs.period, lang)),
        rows,
        Vec::new(),
        format::documents_summary(docs, lang),
        table,
    )
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
