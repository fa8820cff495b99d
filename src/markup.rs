//! HTML text for the parts of the page that hold no controls: headings, notices, the load
//! state, the headline figures and the source line.
//!
//! Why text and not Leptos views: every distinct view type is monomorphised reactive and
//! rendering code in the download, and these parts only ever change as a whole. The view sets
//! this text as one element's content (`inner_html`), and it is tested here, natively.
//! Everything that comes from a file or a link is escaped ([`push_text`]).

use crate::chart::Headline;
use crate::format::{date, fill, labels, Labels, Lang};
use crate::snapshot::{DataError, DataStatus, Issue, Snapshot};
use crate::view_state::Ignored;

/// Appends `text` with the characters that are markup in content or in a double-quoted
/// attribute value escaped (this module quotes every attribute with `"`).
pub fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// `<tag attrs>text</tag>`, the text escaped; `attrs` is markup written by this module.
fn push_element(out: &mut String, tag: &str, attrs: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(attrs);
    out.push('>');
    push_text(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// `<li><code>path</code>: message</li>` for each issue, the path left out when empty.
fn push_issues(out: &mut String, file: Option<&str>, issues: &[Issue]) {
    for issue in issues {
        out.push_str("<li>");
        if let Some(file) = file {
            push_element(out, "code", "", file);
        }
        if !issue.path.is_empty() {
            if file.is_some() {
                out.push_str(" · ");
            }
            push_element(out, "code", "", &issue.path);
        }
        if file.is_some() || !issue.path.is_empty() {
            out.push_str(": ");
        }
        push_text(out, &issue.message);
        out.push_str("</li>");
    }
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
}

/// The notices, as HTML text (empty when none applies).
pub fn notices(n: &Notices<'_>, l: &Labels) -> String {
    let mut out = String::new();
    if n.illustrative {
        out.push_str(
            r#"<div class="td-notice td-notice-illustrative" role="note" data-notice="illustrative">"#,
        );
        push_element(&mut out, "strong", "", l.illustrative_notice);
        if let Some(note) = n.note {
            out.push_str("<span> ");
            push_text(&mut out, note);
            out.push_str("</span>");
        }
        out.push_str("</div>");
    } else if let Some(note) = n.note {
        push_element(&mut out, "p", r#" class="td-note""#, note);
    }
    if !n.warnings.is_empty() {
        out.push_str(
            r#"<div class="td-notice td-notice-warning" role="note" data-notice="warnings">"#,
        );
        push_element(&mut out, "strong", "", l.data_notes);
        out.push_str("<ul>");
        push_issues(&mut out, None, n.warnings);
        out.push_str("</ul></div>");
    }
    if n.refused_snapshot.is_some() || n.from_newer_version || !n.ignored.is_empty() {
        out.push_str(r#"<div class="td-notice td-notice-link" role="status" data-notice="link">"#);
        if let Some(id) = n.refused_snapshot {
            let text = fill(l.snapshot_refused, &[("x", id)]);
            push_element(&mut out, "p", r#" data-notice="refused""#, &text);
        }
        if n.from_newer_version {
            push_element(&mut out, "p", "", l.newer_link);
        }
        if !n.ignored.is_empty() {
            out.push_str(r#"<p data-notice="ignored">"#);
            push_text(&mut out, l.ignored_params);
            for param in n.ignored {
                out.push(' ');
                push_element(&mut out, "code", "", &param.to_string());
            }
            out.push_str("</p>");
        }
        out.push_str("</div>");
    }
    out
}

/// The loading line, with its spinner.
pub fn loading(l: &Labels) -> String {
    let mut out = String::from(
        r#"<p class="td-loading" role="status" aria-live="polite"><span class="td-spinner" aria-hidden="true"></span>"#,
    );
    push_text(&mut out, l.loading);
    out.push_str("</p>");
    out
}

/// A file that could not be loaded: what happened, and each issue with its file and JSON path.
pub fn load_error(e: &DataError, l: &Labels) -> String {
    let mut out = String::from(r#"<div class="td-error" role="alert">"#);
    push_element(&mut out, "h2", "", l.load_failed);
    push_element(&mut out, "p", "", l.load_failed_hint);
    out.push_str(r#"<ul class="td-issues">"#);
    push_issues(&mut out, Some(&e.file), &e.issues);
    if e.more > 0 {
        out.push_str("<li>… +");
        out.push_str(&e.more.to_string());
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
    out
}

/// The heading of the page: the jurisdiction above the title; below it, the date of the
/// figures and whether they are official. `compact` (embeds): no line above the title, and the
/// jurisdiction joins the date. Before a snapshot has loaded, the widget's name.
pub fn heading(snap: Option<&Snapshot>, lang: Lang, compact: bool) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let Some(snap) = snap else {
        push_element(&mut out, "h1", "", l.app_name);
        return out;
    };
    let jurisdiction = snap.jurisdiction.get(lang);
    let as_of = format!("{} {}", l.as_of, date(snap.as_of, lang));
    let meta = if compact {
        format!("{jurisdiction} · {as_of}")
    } else {
        push_element(&mut out, "p", r#" class="td-kicker""#, jurisdiction);
        let status = match snap.data_status {
            DataStatus::Official => l.official,
            DataStatus::Illustrative => l.illustrative_notice,
        };
        format!("{as_of} · {status}")
    };
    push_element(&mut out, "h1", "", snap.title.get(lang));
    push_element(&mut out, "p", r#" class="td-meta""#, &meta);
    out
}

/// The three headline figures. The overdue one is hidden, not left out, when the report does
/// not split the not-completed group, so the list keeps its shape.
pub fn headline(h: &Headline, l: &Labels) -> String {
    let mut out = String::from(r#"<dl class="td-headline">"#);
    let figures = [
        ("", l.headline_tasks, "total", Some(&h.total)),
        (
            "",
            l.headline_completed,
            "completed",
            Some(&h.completed_share),
        ),
        (
            " td-stat-alert",
            l.headline_overdue,
            "overdue",
            h.overdue_share.as_ref(),
        ),
    ];
    for (class, term, name, value) in figures {
        out.push_str(r#"<div class="td-stat"#);
        out.push_str(class);
        out.push('"');
        if value.is_none() {
            out.push_str(" hidden");
        }
        out.push('>');
        push_element(&mut out, "dt", "", term);
        out.push_str(r#"<dd data-figure=""#);
        out.push_str(name);
        out.push_str(r#"">"#);
        push_text(&mut out, value.map_or("", |v| v.as_str()));
        out.push_str("</dd></div>");
    }
    out.push_str("</dl>");
    out
}

/// The source line (a link when the source has one) and, in embeds, the link to the full view.
pub fn source_footer(
    source: Option<(&str, Option<&str>)>,
    full_view: Option<&str>,
    l: &Labels,
) -> String {
    let mut out = String::new();
    if let Some((line, url)) = source {
        out.push_str(r#"<p class="td-source" data-source=""><span>"#);
        push_text(&mut out, l.source);
        out.push_str(": </span>");
        match url {
            Some(url) => push_link(&mut out, "", url, line),
            None => push_element(&mut out, "span", "", line),
        }
        out.push_str("</p>");
    }
    if let Some(url) = full_view {
        push_link(
            &mut out,
            r#" class="td-full-link""#,
            url,
            &format!("{} ↗", l.full_view),
        );
    }
    out
}

/// A link that opens in a new tab. `url` is a validated http(s) link or one the widget made.
fn push_link(out: &mut String, attrs: &str, url: &str, text: &str) {
    out.push_str("<a");
    out.push_str(attrs);
    out.push_str(r#" href=""#);
    push_text(out, url);
    out.push_str(r#"" target="_blank" rel="noopener">"#);
    push_text(out, text);
    out.push_str("</a>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{labels, Lang};

    #[test]
    fn text_from_files_and_links_is_escaped() {
        let mut out = String::new();
        push_text(&mut out, r#"<img src=x onerror="a('b')"> & co"#);
        assert_eq!(out, "&lt;img src=x onerror=&quot;a('b')&quot;&gt; &amp; co");
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
        assert_eq!(notices(&Notices::default(), labels(Lang::Vi)), "");
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
            html,
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
        assert_eq!(html, r#"<p class="td-note">Ghi chú</p>"#);
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
            html,
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
    fn headings_name_jurisdiction_title_date_and_status() {
        let json = include_str!("../data/snapshots/quang-ninh-2021-q1.json");
        let snap = crate::snapshot::parse_snapshot("default", json).expect("the default snapshot");
        let snap = Some(snap.snapshot());
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
            heading(None, Lang::En, false),
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
        let l = labels(Lang::En);
        let linked = source_footer(Some(("«Report»", Some("https://x.vn/a?b=1&c=2"))), None, l);
        assert_eq!(
            linked,
            r#"<p class="td-source" data-source=""><span>Source: </span><a href="https://x.vn/a?b=1&amp;c=2" target="_blank" rel="noopener">«Report»</a></p>"#
        );
        let plain = source_footer(Some(("«Report»", None)), Some("https://w/?tab=g"), l);
        assert!(plain.contains("<span>«Report»</span></p>"), "{plain}");
        assert!(plain.ends_with(r#"<a class="td-full-link" href="https://w/?tab=g" target="_blank" rel="noopener">Open the full view ↗</a>"#), "{plain}");
        assert_eq!(source_footer(None, None, l), "");
    }
}
