//! HTML text for the parts of the page that hold no controls: headings, notices, the load
//! state, the headline figures and the source line.
//!
//! Why text and not Leptos views: every distinct view type is monomorphised reactive and
//! rendering code in the download, and these parts only ever change as a whole. The view sets
//! this text as one element's content (`inner_html`), and it is tested here, natively.
//! Everything is written through [`HtmlWriter`], which escapes whatever comes from a file or a
//! link; a link's address is an [`HttpUrl`], checked when the snapshot was read.

use crate::chart::series::Trend;
use crate::chart::{ChangeRow, ChangesView, Headline};
use crate::format::{fill, labels, reporting_period, Labels, Lang};
use crate::html::{Html, HtmlWriter};
use crate::snapshot::{
    DataError, DataStatus, ErrorKind, HttpUrl, Issue, NetworkFault, ValidSnapshot,
};
use crate::text::is_bidi_control;
use crate::view_state::{Ignored, Missing};

/// `<li><code>path</code>: message</li>` for each issue, the path left out when empty.
fn push_issues(w: &mut HtmlWriter, file: Option<&str>, issues: &[Issue]) {
    for issue in issues {
        w.raw_static("<li>");
        if let Some(file) = file {
            w.element("code", file);
        }
        if !issue.path.is_empty() {
            if file.is_some() {
                w.raw_static(" · ");
            }
            w.element("code", &issue.path);
        }
        if file.is_some() || !issue.path.is_empty() {
            w.raw_static(": ");
        }
        w.text(&issue.message);
        // Where the reader stopped, for a file that is not the format: what an editor's
        // "go to line" takes.
        if let Some(at) = issue.at {
            w.text(&format!(" (line {}, column {})", at.line, at.column));
        }
        w.raw_static("</li>");
    }
}

/// What became of the data version a pinned link names (`d=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinNotice {
    /// It is still published, and shown, but newer figures have been published since.
    Older,
    /// It is no longer published (or cannot be read): the figures shown are today's.
    Gone,
}

/// What the notices above the charts say; each part is shown only when it applies.
#[derive(Default)]
pub struct Notices<'a> {
    /// The snapshot is marked illustrative: the notice that must always show.
    pub illustrative: bool,
    /// The snapshot's own note, in the reader's language.
    pub note: Option<&'a str>,
    /// Validation warnings: the data loads, with these remarks.
    pub warnings: &'a [Issue],
    /// A snapshot id the link asked for that the deployment does not list.
    pub refused_snapshot: Option<&'a str>,
    /// The link was made by a newer version of the widget.
    pub from_newer_version: bool,
    /// Link parameters that were ignored (shown as `key=value`).
    pub ignored: &'a [Ignored],
    /// What the link asks for that the snapshot has no figures for.
    pub missing: &'a [Missing],
    /// A pinned link's version, and the address of the same view with today's figures.
    pub pin: Option<(PinNotice, &'a str)>,
}

/// Ignored link parameters named in the notice, at most; the others are counted ("+3").
const IGNORED_SHOWN: usize = 4;
/// Characters of an ignored `key=value` shown, at most.
const IGNORED_CHARS: usize = 40;

/// A parameter of a link, as the notice names it: cut to [`IGNORED_CHARS`], with controls and
/// bidirectional controls shown as U+FFFD. A crafted link must not print a sentence of its
/// own in the widget's notice box, nor turn the text after it around.
pub fn briefly(param: &str) -> String {
    let mut out: String = param
        .chars()
        .take(IGNORED_CHARS)
        .map(|c| match c {
            c if c.is_control() || is_bidi_control(c) || matches!(c, '\u{200E}' | '\u{200F}') => {
                '\u{FFFD}'
            }
            c => c,
        })
        .collect();
    if param.chars().nth(IGNORED_CHARS).is_some() {
        out.pop();
        out.push('…');
    }
    out
}

/// The notices, as HTML text (empty when none applies).
pub fn notices(n: &Notices<'_>, labels: &Labels) -> Html {
    let mut w = HtmlWriter::default();
    if n.illustrative {
        w.raw_static(
            r#"<div class="td-notice td-notice-illustrative" role="note" data-notice="illustrative">"#,
        )
        .element("strong", labels.illustrative_notice);
        if let Some(note) = n.note {
            w.raw_static("<span> ").text(note).raw_static("</span>");
        }
        w.raw_static("</div>");
    } else if let Some(note) = n.note {
        w.raw_static(r#"<p class="td-note">"#)
            .text(note)
            .raw_static("</p>");
    }
    if !n.warnings.is_empty() {
        w.raw_static(
            r#"<div class="td-notice td-notice-warning" role="note" data-notice="warnings">"#,
        )
        .element("strong", labels.data_notes)
        .raw_static("<ul>");
        push_issues(&mut w, None, n.warnings);
        w.raw_static("</ul></div>");
    }
    if let Some((pin, latest)) = n.pin {
        w.raw_static(r#"<div class="td-notice td-notice-link" role="status" data-notice="pin">"#);
        match pin {
            PinNotice::Older => {
                w.raw_static("<p>")
                    .text(labels.pinned_older)
                    .raw_static(" ")
                    .open("a")
                    .attr("href", latest)
                    .text(labels.see_latest)
                    .close("a")
                    .raw_static("</p>");
            }
            PinNotice::Gone => {
                w.element("p", labels.pinned_gone);
            }
        }
        w.raw_static("</div>");
    }
    if n.refused_snapshot.is_some()
        || n.from_newer_version
        || !n.ignored.is_empty()
        || !n.missing.is_empty()
    {
        w.raw_static(r#"<div class="td-notice td-notice-link" role="status" data-notice="link">"#);
        if let Some(id) = n.refused_snapshot {
            w.raw_static(r#"<p data-notice="refused">"#)
                .text(&fill(labels.snapshot_refused, &[("x", id)]))
                .raw_static("</p>");
        }
        if !n.missing.is_empty() {
            let names: Vec<&str> = n.missing.iter().map(|m| m.name(labels)).collect();
            w.raw_static(r#"<p data-notice="missing">"#)
                .text(&fill(labels.missing_figures, &[("x", &names.join("; "))]))
                .raw_static("</p>");
        }
        if n.from_newer_version {
            w.element("p", labels.newer_link);
        }
        if !n.ignored.is_empty() {
            w.raw_static(r#"<p data-notice="ignored">"#)
                .text(labels.ignored_params);
            for param in n.ignored.iter().take(IGNORED_SHOWN) {
                w.raw_static(" ")
                    .element("code", &briefly(&param.to_string()));
            }
            if n.ignored.len() > IGNORED_SHOWN {
                w.text(&format!(" +{}", n.ignored.len() - IGNORED_SHOWN));
            }
            w.raw_static("</p>");
        }
        w.raw_static("</div>");
    }
    w.finish()
}

/// The "what changed" view without its controls: the sentence, its cautions, and the table
/// per unit (a caption, headers with their scope, the total in the footer), in a region that
/// scrolls sideways on its own on a narrow screen (focusable, so a keyboard can scroll it).
/// The caption is also a line above the region, which names it: a caption scrolls with its
/// table, and on a phone would be cut.
pub fn changes(v: &ChangesView) -> Html {
    let mut w = HtmlWriter::default();
    w.open("p")
        .attrs_static(r#" class="td-changes-sentence" data-changes="sentence""#)
        .text(&v.sentence);
    if let Some(removed) = &v.removed {
        w.raw_static(" ").text(removed);
    }
    w.close("p");
    for caution in &v.cautions {
        w.raw_static(r#"<p class="td-caution" role="note">"#)
            .text(caution)
            .raw_static("</p>");
    }
    w.raw_static(r#"<p class="td-changes-caption" id="td-changes-caption">"#)
        .text(v.caption)
        .raw_static("</p>");
    w.raw_static(
        r#"<div class="td-changes-scroll" role="region" tabindex="0" aria-labelledby="td-changes-caption">"#,
    )
    .raw_static(r#"<table class="td-changes-table"><caption class="td-visually-hidden">"#)
    .text(v.caption)
        .raw_static("</caption><thead><tr>");
    for (i, col) in v.columns.iter().enumerate() {
        w.raw_static(if i == 0 {
            r#"<th scope="col" class="td-changes-unit">"#
        } else {
            r#"<th scope="col">"#
        })
        .text(col)
        .raw_static("</th>");
    }
    w.raw_static("</tr></thead><tbody>");
    let row = |w: &mut HtmlWriter, r: &ChangeRow| {
        w.raw_static(r#"<tr><th scope="row" class="td-changes-unit">"#)
            .text(&r.label)
            .raw_static("</th>");
        for c in &r.cells {
            w.element("td", c);
        }
        w.raw_static("</tr>");
    };
    for r in &v.rows {
        row(&mut w, r);
    }
    w.raw_static("</tbody><tfoot>");
    row(&mut w, &v.total);
    w.raw_static("</tfoot></table></div>");
    w.finish()
}

/// The "what changed" tab when either snapshot has no task list to compare.
pub fn changes_absent(labels: &Labels) -> Html {
    let mut w = HtmlWriter::default();
    w.raw_static(r#"<p class="td-empty">"#)
        .text(labels.changes_no_records)
        .raw_static("</p>");
    w.finish()
}

/// The loading line, with its spinner.
pub fn loading(labels: &Labels) -> Html {
    let mut w = HtmlWriter::default();
    w.raw_static(
        r#"<p class="td-loading" role="status" aria-live="polite"><span class="td-spinner" aria-hidden="true"></span>"#,
    )
    .text(labels.loading)
    .raw_static("</p>");
    w.finish()
}

/// A file that could not be loaded. A file that did not arrive (a passing fault) says so in
/// the reader's language, with a retry; a file the host refused or that is broken asks the
/// reader to tell the editors, each issue with its file and JSON path. Every file that could
/// be fetched again has the retry (`data-retry`: `ui::parts::LoadState` listens for it).
pub fn load_error(e: &DataError, labels: &Labels) -> Html {
    let mut w = HtmlWriter::default();
    w.raw_static(r#"<div class="td-error" role="alert">"#);
    if let ErrorKind::Network(fault) = e.kind {
        let why = match fault {
            NetworkFault::TimedOut(s) => fill(labels.fault_timed_out, &[("x", &s.to_string())]),
            NetworkFault::Busy(status) => fill(labels.fault_busy, &[("x", &status.to_string())]),
            NetworkFault::Failed => labels.fault_failed.to_owned(),
        };
        w.element("h2", labels.network_failed)
            .element("p", labels.network_failed_hint);
        push_retry(&mut w, labels);
        w.raw_static(r#"<details class="td-error-details"><summary>"#)
            .text(labels.details)
            .raw_static("</summary><p>")
            .element("code", &e.file)
            .raw_static(": ")
            .text(&why)
            .raw_static("</p></details></div>");
        return w.finish();
    }
    w.element("h2", labels.load_failed)
        .element("p", labels.load_failed_hint)
        .raw_static(r#"<ul class="td-issues">"#);
    push_issues(&mut w, Some(&e.file), &e.issues);
    if e.more > 0 {
        w.raw_static("<li>… +")
            .text(&e.more.to_string())
            .raw_static("</li>");
    }
    w.raw_static("</ul>");
    if e.may_pass() {
        push_retry(&mut w, labels);
    }
    w.raw_static("</div>");
    w.finish()
}

fn push_retry(w: &mut HtmlWriter, labels: &Labels) {
    w.raw_static(r#"<p><button type="button" class="td-retry" data-retry>"#)
        .text(labels.retry)
        .raw_static("</button></p>");
}

/// The heading of the page: the jurisdiction above the title; below it, the date of the
/// figures and whether they are official. `compact` (embeds): no line above the title, and the
/// jurisdiction joins the date. Before a snapshot has loaded, the widget's name.
pub fn heading(snap: Option<&ValidSnapshot>, lang: Lang, compact: bool) -> Html {
    let labels = labels(lang);
    let mut w = HtmlWriter::default();
    let Some(snap) = snap.map(ValidSnapshot::snapshot) else {
        w.element("h1", labels.app_name);
        return w.finish();
    };
    let jurisdiction = snap.jurisdiction.get(lang);
    let as_of = reporting_period(snap.period_start(), snap.as_of, lang);
    let meta = if compact {
        format!("{jurisdiction} · {as_of}")
    } else {
        w.raw_static(r#"<p class="td-kicker">"#)
            .text(jurisdiction)
            .raw_static("</p>");
        let status = match snap.data_status {
            DataStatus::Official => labels.official,
            DataStatus::Illustrative => labels.illustrative_notice,
        };
        format!("{as_of} · {status}")
    };
    w.element("h1", snap.title.get(lang))
        .raw_static(r#"<p class="td-meta">"#)
        .text(&meta)
        .raw_static("</p>");
    w.finish()
}

/// The three headline figures. The overdue one is hidden, not left out, when the report does
/// not split the not-completed group, so the list keeps its shape.
pub fn headline(h: &Headline, labels: &Labels) -> Html {
    let mut w = HtmlWriter::default();
    w.raw_static(r#"<dl class="td-headline">"#);
    let figures = [
        (
            r#" class="td-stat""#,
            labels.headline_tasks,
            "total",
            Some(&h.total),
        ),
        (
            r#" class="td-stat""#,
            labels.headline_completed,
            "completed",
            Some(&h.completed_share),
        ),
        (
            r#" class="td-stat td-stat-alert""#,
            labels.headline_overdue,
            "overdue",
            h.overdue_share.as_ref(),
        ),
    ];
    for (class, term, name, value) in figures {
        w.open("div").attrs_static(class);
        if value.is_none() {
            w.attrs_static(" hidden");
        }
        w.element("dt", term)
            .open("dd")
            .attr("data-figure", name)
            .text(value.map_or("", |v| v.as_str()))
            .raw_static("</dd></div>");
    }
    w.raw_static("</dl>");
    w.finish()
}

/// The source line (a link when the source has one) and, in embeds, the link to the full view
/// (`full_view`: a link the widget made from its own address).
pub fn source_footer(
    source: Option<(&str, Option<&HttpUrl>)>,
    full_view: Option<&str>,
    labels: &Labels,
) -> Html {
    let mut w = HtmlWriter::default();
    if let Some((line, url)) = source {
        w.raw_static(r#"<p class="td-source" data-source=""><span>"#)
            .text(labels.source)
            .raw_static(": </span>");
        match url {
            Some(url) => push_link(&mut w, "", url.as_str(), line),
            None => {
                w.element("span", line);
            }
        }
        w.raw_static("</p>");
    }
    if let Some(url) = full_view {
        push_link(
            &mut w,
            r#" class="td-full-link""#,
            url,
            &format!("{} ↗", labels.full_view),
        );
    }
    w.finish()
}

/// One report of the series view that could not be loaded: its label and why.
pub type SeriesFailure = (String, DataError);

/// Above the series chart: loading, the reports that could not be loaded (each with its
/// file and what went wrong, and the retry), and what a reader must know to compare them.
pub fn series_notes(
    loading: bool,
    failed: &[SeriesFailure],
    notes: &[String],
    labels: &Labels,
) -> Html {
    let mut w = HtmlWriter::default();
    if loading {
        w.raw_static(
            r#"<p class="td-loading" role="status" aria-live="polite"><span class="td-spinner" aria-hidden="true"></span>"#,
        )
        .text(labels.series_loading)
        .raw_static("</p>");
    }
    if !failed.is_empty() {
        w.raw_static(r#"<div class="td-error" role="alert"><ul class="td-issues">"#);
        for (title, e) in failed {
            w.raw_static("<li>")
                .text(&fill(labels.series_failed, &[("r", title)]))
                .raw_static(" ");
            w.element("code", &e.file);
            if let Some(issue) = e.issues.first() {
                w.raw_static(": ").text(&issue.message);
            }
            w.raw_static("</li>");
        }
        w.raw_static("</ul>");
        if failed.iter().any(|(_, e)| e.may_pass()) {
            push_retry(&mut w, labels);
        }
        w.raw_static("</div>");
    }
    for note in notes {
        w.raw_static(r#"<p class="td-note td-series-note">"#)
            .text(note)
            .raw_static("</p>");
    }
    w.finish()
}

/// Below the series chart: the trend of one body's shares (a card with its summary, the
/// line chart and its legend), and the source of every report.
pub fn series_after(
    trend: Option<&Trend>,
    sources: &[crate::chart::series::SourceItem],
    lang: Lang,
    labels: &Labels,
) -> Html {
    let mut w = HtmlWriter::default();
    if let Some(trend) = trend {
        w.raw_static(r#"<section class="td-card td-trend" aria-labelledby="td-trend-title" data-part="trend"><header class="td-card-head"><h2 id="td-trend-title">"#)
            .text(&trend.title)
            .raw_static(r#"</h2></header><p class="td-summary" id="td-trend-summary">"#)
            .text(&trend.summary)
            .raw_static("</p>")
            .push_html(&crate::chart::series::trend_svg(trend, lang))
            .raw_static("</section>");
    }
    if !sources.is_empty() {
        w.raw_static(r#"<section class="td-series-sources" aria-labelledby="td-series-sources"><h2 id="td-series-sources">"#)
            .text(labels.source)
            .raw_static("</h2><ul>");
        for (title, line, url) in sources {
            w.raw_static("<li>")
                .element("strong", title)
                .raw_static(": ");
            match url {
                Some(url) => push_link(&mut w, "", url.as_str(), line),
                None => {
                    w.text(line);
                }
            }
            w.raw_static("</li>");
        }
        w.raw_static("</ul></section>");
    }
    w.finish()
}

/// A link that opens in a new tab.
fn push_link(w: &mut HtmlWriter, attrs: &'static str, url: &str, text: &str) {
    w.open("a")
        .attrs_static(attrs)
        .attr("href", url)
        .attrs_static(r#" target="_blank" rel="noopener""#)
        .text(text)
        .close("a");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changes_table_has_its_caption_headers_and_escaped_names() {
        let v = ChangesView {
            heading: "What changed",
            sentence: "From “<b>” to “B”: 1 tasks newly completed.".into(),
            removed: Some("2 tasks no longer listed.".into()),
            cautions: vec!["Caution: other bodies."],
            caption: "By unit",
            columns: vec!["Unit", "Total", "New"],
            rows: vec![ChangeRow {
                label: "A & B".into(),
                cells: vec!["1 → 2 (+1)".into(), "1".into()],
            }],
            total: ChangeRow {
                label: "Total".into(),
                cells: vec!["1 → 2 (+1)".into(), "1".into()],
            },
        };
        let html = changes(&v).into_string();
        for part in [
            "“&lt;b&gt;” to “B”: 1 tasks newly completed. 2 tasks no longer listed.</p>",
            r#"<p class="td-caution" role="note">Caution: other bodies.</p>"#,
            r#"<p class="td-changes-caption" id="td-changes-caption">By unit</p>"#,
            r#"role="region" tabindex="0" aria-labelledby="td-changes-caption"><table class="td-changes-table"><caption class="td-visually-hidden">By unit</caption>"#,
            r#"<th scope="col">Total</th>"#,
            r#"<tr><th scope="row" class="td-changes-unit">A &amp; B</th><td>1 → 2 (+1)</td><td>1</td></tr>"#,
            "<tfoot><tr><th scope=\"row\" class=\"td-changes-unit\">Total</th>",
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
    }
    use crate::format::{labels, Lang};

    #[test]
    fn ignored_parameters_are_named_briefly() {
        let long = format!("{}evil.example", "Số liệu đã bị thu hồi, xem ".repeat(3));
        let ignored = [
            Ignored::new("a", &long),
            Ignored::new("b", "x\u{202E}y"),
            Ignored::new("c", "1"),
            Ignored::new("d", "2"),
            Ignored::new("e", "3"),
            Ignored::new("f", "4"),
        ];
        let html = notices(
            &Notices {
                ignored: &ignored,
                ..Notices::default()
            },
            labels(Lang::Vi),
        );
        let first = html.split("<code>").nth(1).unwrap_or_default();
        let first = first.split("</code>").next().unwrap_or_default();
        assert_eq!(first.chars().count(), 40, "{first}");
        assert!(
            first.ends_with('…') && !html.contains("evil.example"),
            "{html}"
        );
        assert!(html.contains("<code>b=x\u{FFFD}y</code>"), "{html}");
        assert!(html.contains("<code>d=2</code> +2</p>"), "{html}");
        assert!(!html.contains("e=3"), "{html}");
    }

    #[test]
    fn text_from_files_and_links_is_escaped() {
        let ignored = [Ignored::new("x", "<b>")];
        let html = notices(
            &Notices {
                note: Some("<script>"),
                ignored: &ignored,
                ..Notices::default()
            },
            labels(Lang::En),
        );
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;") && html.contains("<code>x=&lt;b&gt;</code>"));
    }

    #[test]
    fn no_notice_applies_no_markup() {
        assert_eq!(notices(&Notices::default(), labels(Lang::Vi)).as_str(), "");
    }

    #[test]
    fn data_notes_name_their_path_when_they_have_one() {
        let warnings = [
            Issue::new("tasks.by_unit[2]", "counts twice"),
            Issue::new("", "no source link"),
        ];
        let html = notices(
            &Notices {
                warnings: &warnings,
                ..Notices::default()
            },
            labels(Lang::En),
        );
        assert!(
            html.ends_with("<ul><li><code>tasks.by_unit[2]</code>: counts twice</li><li>no source link</li></ul></div>"),
            "{html}"
        );
    }

    #[test]
    fn the_illustrative_notice_carries_the_snapshot_note() {
        let html = notices(
            &Notices {
                illustrative: true,
                note: Some("Sinh tự động"),
                ..Notices::default()
            },
            labels(Lang::Vi),
        );
        assert_eq!(
            html.as_str(),
            r#"<div class="td-notice td-notice-illustrative" role="note" data-notice="illustrative"><strong>Dữ liệu minh họa, không phải số liệu chính thức</strong><span> Sinh tự động</span></div>"#
        );
        // Without the illustrative mark, the note stands alone.
        let html = notices(
            &Notices {
                note: Some("Ghi chú"),
                ..Notices::default()
            },
            labels(Lang::Vi),
        );
        assert_eq!(html.as_str(), r#"<p class="td-note">Ghi chú</p>"#);
    }

    #[test]
    fn link_notices_name_what_was_refused_and_ignored() {
        let ignored = [Ignored::new("tab", "x"), Ignored::new("foo", "1")];
        let html = notices(
            &Notices {
                refused_snapshot: Some("old-2019"),
                from_newer_version: true,
                ignored: &ignored,
                ..Notices::default()
            },
            labels(Lang::En),
        );
        assert!(html.starts_with(r#"<div class="td-notice td-notice-link" role="status" data-notice="link"><p data-notice="refused">The link asks for a snapshot that is not in this site's list (old-2019)"#), "{html}");
        assert!(
            html.contains("<p>This link was made by a newer version"),
            "{html}"
        );
        assert!(html.ends_with(r#"<p data-notice="ignored">Ignored invalid parts of the link: <code>tab=x</code> <code>foo=1</code></p></div>"#), "{html}");
    }

    #[test]
    fn a_load_error_names_file_path_and_expectation() {
        let mut e = DataError::single(
            "data/snapshots/x.json",
            "tasks.records[12].due",
            "expected a date YYYY-MM-DD, found \"31/03\"",
        );
        e.issues.push(Issue::new("", "expected an object"));
        e.more = 3;
        let html = load_error(&e, labels(Lang::En));
        assert_eq!(
            html.as_str(),
            concat!(
                r#"<div class="td-error" role="alert"><h2>The data could not be loaded</h2>"#,
                "<p>The page still works. Please tell the editors, with the details below.</p>",
                r#"<ul class="td-issues"><li><code>data/snapshots/x.json</code> · <code>tasks.records[12].due</code>: "#,
                "expected a date YYYY-MM-DD, found &quot;31/03&quot;</li>",
                "<li><code>data/snapshots/x.json</code>: expected an object</li>",
                "<li>… +3</li></ul></div>"
            )
        );
    }

    #[test]
    fn a_file_that_did_not_arrive_says_so_in_the_readers_language_with_a_retry() {
        let e = DataError::network("data/manifest.json", NetworkFault::TimedOut(15));
        let html = load_error(&e, labels(Lang::Vi));
        assert_eq!(
            html.as_str(),
            concat!(
                r#"<div class="td-error" role="alert"><h2>Chưa tải được số liệu</h2>"#,
                "<p>Có thể kết nối mạng bị gián đoạn hoặc máy chủ đang bận. Vui lòng thử lại.</p>",
                r#"<p><button type="button" class="td-retry" data-retry>Thử lại</button></p>"#,
                r#"<details class="td-error-details"><summary>Chi tiết</summary>"#,
                "<p><code>data/manifest.json</code>: không có phản hồi sau 15 giây</p></details></div>"
            )
        );
        let busy = DataError::network("data/x.json", NetworkFault::Busy(503));
        let html = load_error(&busy, labels(Lang::En));
        assert!(
            html.contains("the server is busy or failing (HTTP 503)"),
            "{html}"
        );
        assert!(!html.contains("tell the editors"), "{html}");
        // A refused file asks for the editors, and may still be fetched again.
        let gone = DataError::unreadable("data/x.json", "could not be fetched: HTTP 404 Not Found");
        let html = load_error(&gone, labels(Lang::En));
        assert!(html.contains("Please tell the editors"), "{html}");
        assert!(html.contains("data-retry"), "{html}");
    }

    #[test]
    fn headings_name_jurisdiction_title_date_and_status() {
        let json = include_str!("../data/snapshots/quang-ninh-2021-q1.json");
        let snap = crate::snapshot::parse_snapshot("default", json).expect("the default snapshot");
        let snap = Some(&snap);
        let full = heading(snap, Lang::Vi, false);
        assert!(full.starts_with(r#"<p class="td-kicker">"#), "{full}");
        assert!(full.contains("<h1>"), "{full}");
        assert!(
            full.ends_with(r#"<p class="td-meta">Số liệu đến 31/03/2021 · Số liệu chính thức</p>"#),
            "{full}"
        );
        let compact = heading(snap, Lang::En, true);
        assert!(compact.starts_with("<h1>"), "{compact}");
        assert!(
            compact.ends_with(" · Figures as of 31 Mar 2021</p>"),
            "{compact}"
        );
        assert_eq!(
            heading(None, Lang::En, false).as_str(),
            format!("<h1>{}</h1>", labels(Lang::En).app_name)
        );
    }

    #[test]
    fn the_headline_hides_the_overdue_share_it_cannot_know() {
        let mut h = Headline {
            total: "1.738".into(),
            completed_share: "36,2%".into(),
            overdue_share: Some("2,4%".into()),
        };
        let html = headline(&h, labels(Lang::Vi));
        for part in [
            r#"<dl class="td-headline"><div class="td-stat"><dt>"#,
            r#"<dd data-figure="total">1.738</dd>"#,
            r#"<div class="td-stat td-stat-alert"><dt>"#,
            r#"<dd data-figure="overdue">2,4%</dd>"#,
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        h.overdue_share = None;
        let html = headline(&h, labels(Lang::Vi));
        for part in [
            r#"<div class="td-stat td-stat-alert" hidden><dt>"#,
            r#"<dd data-figure="overdue"></dd>"#,
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
    }

    #[test]
    fn the_source_links_only_where_the_source_has_a_link() {
        let labels = labels(Lang::En);
        let url = HttpUrl::parse("https://x.vn/a?b=1&c=2").unwrap();
        let linked = source_footer(Some(("«Report»", Some(&url))), None, labels);
        assert_eq!(
            linked.as_str(),
            r#"<p class="td-source" data-source=""><span>Source: </span><a href="https://x.vn/a?b=1&amp;c=2" target="_blank" rel="noopener">«Report»</a></p>"#
        );
        let plain = source_footer(Some(("«Report»", None)), Some("https://w/?tab=g"), labels);
        assert!(plain.contains("<span>«Report»</span></p>"), "{plain}");
        assert!(plain.ends_with(r#"<a class="td-full-link" href="https://w/?tab=g" target="_blank" rel="noopener">Open the full view ↗</a>"#), "{plain}");
        assert_eq!(source_footer(None, None, labels).as_str(), "");
    }
}
