//! HTML and SVG text that is escaped by construction.
//!
//! An [`Html`] can only come out of an [`HtmlWriter`], which escapes every text and attribute
//! value it is given; markup (tags, attribute names, literal start tags) can only be a
//! `&'static str`, that is, written in this crate's source. So a string from a file or a link
//! cannot become a tag or an attribute, whatever a caller forgets: the view sets `Html` as an
//! element's content (`inner_html`), the downloads write it as an SVG file, and the embed
//! snippet is pasted into a portal's page.
//!
//! One escaper serves HTML and SVG (XML 1.0): every attribute is quoted with `"`, and `&`,
//! `<`, `>` and `"` become entities. The control characters XML 1.0 does not allow (U+0000–
//! U+0008, U+000B, U+000C, U+000E–U+001F) and the non-characters U+FFFE and U+FFFF become
//! U+FFFD: one of them would make an SVG file malformed, and HTML shows none of them.

use std::fmt;

/// Escaped HTML (or SVG) text, made by an [`HtmlWriter`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, to hand to the DOM or to a file.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Read-only: `&html` is a `&str` where one is expected (the downloads).
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes markup: `open` and `attr` start a tag, which the next text, tag or markup ends with
/// `>`; `close` ends an element, `close_empty` an SVG element without content (`/>`).
///
/// ```
/// # use task_dashboard::html::HtmlWriter;
/// let mut w = HtmlWriter::default();
/// w.open("a").attr("href", "https://x.vn/?a=1&b=2").text("<Report>").close("a");
/// assert_eq!(w.finish().as_str(), r#"<a href="https://x.vn/?a=1&amp;b=2">&lt;Report&gt;</a>"#);
/// ```
#[derive(Default)]
pub struct HtmlWriter {
    out: String,
    /// A start tag is open: attributes may follow; anything else ends it with `>` first.
    in_tag: bool,
}

impl HtmlWriter {
    /// `<tag`, for attributes to follow.
    pub fn open(&mut self, tag: &'static str) -> &mut Self {
        self.end_tag();
        self.out.push('<');
        self.out.push_str(tag);
        self.in_tag = true;
        self
    }

    /// ` name="value"` in the open start tag, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.attr_name(name);
        escape(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// ` name="n"`: a number needs no escaping.
    pub fn attr_num(&mut self, name: &'static str, n: u32) -> &mut Self {
        self.attr_name(name);
        self.out.push_str(&n.to_string());
        self.out.push('"');
        self
    }

    fn attr_name(&mut self, name: &'static str) {
        debug_assert!(self.in_tag, "attribute {name} outside a start tag");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
    }

    /// Literal attributes in the open start tag, written as they are: ` class="x" hidden`.
    pub fn attrs_static(&mut self, attrs: &'static str) -> &mut Self {
        debug_assert!(self.in_tag, "attributes {attrs} outside a start tag");
        self.out.push_str(attrs);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.end_tag();
        escape(&mut self.out, text);
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.end_tag();
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `/>`: the open start tag is the whole element (SVG).
    pub fn close_empty(&mut self) -> &mut Self {
        debug_assert!(self.in_tag, "no start tag to close");
        self.in_tag = false;
        self.out.push_str("/>");
        self
    }

    /// `<tag>text</tag>`, the text escaped.
    pub fn element(&mut self, tag: &'static str, text: &str) -> &mut Self {
        self.open(tag).text(text).close(tag)
    }

    /// Literal markup written by this crate (`<ul>`, `</div>`, a whole start tag), as it is.
    pub fn raw_static(&mut self, markup: &'static str) -> &mut Self {
        self.end_tag();
        self.out.push_str(markup);
        self
    }

    /// Markup another writer made.
    pub fn push_html(&mut self, html: &Html) -> &mut Self {
        self.end_tag();
        self.out.push_str(&html.0);
        self
    }

    pub fn finish(mut self) -> Html {
        self.end_tag();
        Html(self.out)
    }

    fn end_tag(&mut self) {
        if std::mem::take(&mut self.in_tag) {
            self.out.push('>');
        }
    }
}

/// The escaper: see the module's documentation.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}' => {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut w = HtmlWriter::default();
        w.text(s);
        w.finish().into_string()
    }

    #[test]
    fn text_and_attribute_values_are_escaped() {
        assert_eq!(
            text(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a('b')&quot;&gt; &amp; co"
        );
        let mut w = HtmlWriter::default();
        w.open("p")
            .attr("title", r#""><script>"#)
            .attr_num("data-n", 12)
            .text("x")
            .close("p");
        assert_eq!(
            w.finish().as_str(),
            r#"<p title="&quot;&gt;&lt;script&gt;" data-n="12">x</p>"#
        );
    }

    #[test]
    fn characters_xml_forbids_become_the_replacement_character() {
        assert_eq!(
            text("a\0b\x08c\x0bd\x0ce\x1ff"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\u{fffd}f"
        );
        assert_eq!(
            text("Việt\u{fffe}Nam\u{ffff}ắ\u{fffd}\u{ffbf}\u{ffbe}"),
            "Việt\u{fffd}Nam\u{fffd}ắ\u{fffd}\u{ffbf}\u{ffbe}"
        );
        // Tab and line breaks are allowed, and so are the other controls and the bidi marks.
        assert_eq!(
            text("\t\n\r\u{7f}\u{85}\u{202e}\u{2066}"),
            "\t\n\r\u{7f}\u{85}\u{202e}\u{2066}"
        );
    }

    #[test]
    fn a_start_tag_ends_before_what_follows_it() {
        let mut inner = HtmlWriter::default();
        inner.element("b", "1");
        let inner = inner.finish();
        let mut w = HtmlWriter::default();
        w.open("div")
            .attrs_static(r#" class="x" hidden"#)
            .push_html(&inner)
            .open("rect")
            .attr("x", "1.5")
            .close_empty()
            .open("span")
            .raw_static("<br>")
            .close("span")
            .open("i");
        assert_eq!(
            w.finish().as_str(),
            r#"<div class="x" hidden><b>1</b><rect x="1.5"/><span><br></span><i>"#
        );
    }
}
