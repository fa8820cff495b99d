//! HTML text for the parts of the page that hold no controls: the notices and the load state.
//!
//! Why text and not Leptos views: every distinct view type is monomorphised reactive and
//! rendering code in the download, and these parts only ever change as a whole. The view sets
//! this text as one element's content (`inner_html`), and it is tested here, natively.
//! Everything that comes from a file or a link is escaped ([`push_text`]).

use super::{fill, Labels};
use crate::snapshot::{DataError, Issue};

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
        out.push_str(": ");
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
    /// Link parameters that were ignored (`key=value`).
    pub ignored: &'a [String],
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
                push_element(&mut out, "code", "", param);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{labels, Lang};

    #[test]
    fn text_from_files_and_links_is_escaped() {
        let mut out = String::new();
        push_text(&mut out, r#"<img src=x onerror="a('b')"> & co"#);
        assert_eq!(out, "&lt;img src=x onerror=&quot;a('b')&quot;&gt; &amp; co");
        let ignored = ["x=<b>".to_owned()];
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
        let ignored = ["tab=x".to_owned(), "foo=1".to_owned()];
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
}
