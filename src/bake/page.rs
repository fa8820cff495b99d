//! Baked pages: a page Trunk built (`dist/embed.html`, `dist/index.html`) with a baked view
//! in its `<body>`, its own stylesheet, and its start-up in `static/start.js`'s hands.
//!
//! Names: `embed.html` is the reader build's page of the default snapshot in Vietnamese,
//! `embed.en.html` in English, `embed.<id>.html` and `embed.<id>.en.html` another snapshot's
//! (`index…` for the full build). Old links keep their address: `start.js` sends a link to the
//! page of its snapshot and language.

use super::view::Baked;
use crate::format::Lang;
use crate::html::HtmlWriter;
use crate::view_state::Part;
pub use crate::view_state::{page_name, Build};

/// What a page says about itself, for `start.js` (attributes of `<html>`).
pub struct PageSpec<'a> {
    pub build: Build,
    pub lang: Lang,
    /// The snapshot of the baked view.
    pub snapshot: &'a str,
    /// The deployment's default snapshot.
    pub default: &'a str,
    /// Every snapshot this build has a page of.
    pub pages: &'a [&'a str],
    /// The document's title.
    pub title: &'a str,
    /// The link format version (`view_state::LINK_VERSION`).
    pub link_version: u32,
    /// The address of the page's stylesheet, which replaces the build's `main-….css`.
    pub stylesheet: &'a str,
    /// The address of `start.js`.
    pub start_script: &'a str,
    /// The version of the snapshot's data baked in (`ManifestEntry::content_hash`): a pinned
    /// link (`d=`) to it is this page; to another version, the WASM's.
    pub data_version: Option<&'a str>,
}

/// The page: `template` (Trunk's output) with `baked` in its body.
///
/// What Trunk put in `<head>` for the WASM (the start-up module script, the preloads of the
/// glue and the `.wasm`, `crash.js`) moves into `<template id="td-wasm">`, inert until
/// `start.js` decides the page needs it; `start.js` follows it, so it runs before the body
/// is parsed.
pub fn bake_page(template: &str, spec: &PageSpec<'_>, baked: &Baked) -> Result<String, String> {
    let head_end = find(template, "</head>")?;
    let (head, rest) = template.split_at(head_end);
    let body_start = find(rest, "<body")?;
    let body_open_end = body_start + find(&rest[body_start..], ">")? + 1;
    let body_close = rest.rfind("</body>").ok_or("no </body> in the page")?;

    let mut out = String::with_capacity(template.len() + baked.body.len() + 1024);
    let mut start = String::new();
    let mut stylesheet_found = false;
    let mut at = 0;
    while let Some(offset) = head[at..].find('<') {
        let tag_start = at + offset;
        out.push_str(&head[at..tag_start]);
        let tag_end = tag_start + find(&head[tag_start..], ">")? + 1;
        let tag = &head[tag_start..tag_end];
        let name = tag_name(tag);
        at = tag_end;
        match name.as_str() {
            "html" => out.push_str(&html_tag(spec, &baked.parts)),
            "title" => {
                let close = at + find(&head[at..], "</title>")?;
                let mut w = HtmlWriter::default();
                w.element("title", spec.title);
                out.push_str(w.finish().as_str());
                at = close + "</title>".len();
            }
            "link" if matches!(attr(tag, "rel"), Some("preload" | "modulepreload")) => {
                start.push_str(tag);
            }
            "link" if main_stylesheet_of(tag).is_some() => {
                let mut w = HtmlWriter::default();
                w.open("link")
                    .attrs_static(r#" rel="stylesheet""#)
                    .attr("href", spec.stylesheet);
                out.push_str(w.finish().as_str());
                stylesheet_found = true;
            }
            // Every script Trunk wrote serves the WASM: its start-up, and `crash.js`, which
            // tells the reader when it traps.
            "script" => {
                let close = at + find(&head[at..], "</script>")? + "</script>".len();
                start.push_str(&head[tag_start..close]);
                at = close;
            }
            _ => out.push_str(tag),
        }
    }
    out.push_str(&head[at..]);
    if start.is_empty() || !stylesheet_found {
        return Err(
            "the page has no WASM start-up or no main stylesheet: not Trunk's output?".into(),
        );
    }
    out.push_str(r#"<template id="td-wasm">"#);
    out.push_str(&start);
    out.push_str("</template>");
    let mut w = HtmlWriter::default();
    w.open("script")
        .attr("src", spec.start_script)
        .close("script");
    out.push_str(w.finish().as_str());
    out.push_str(&rest[..body_open_end]);
    out.push_str(baked.body.as_str());
    out.push_str(&rest[body_close..]);
    Ok(out)
}

/// The address of the build's `main-….css` in a page Trunk wrote (`./main-1a2b.css`): the
/// stylesheet a baked page's own replaces.
pub fn main_stylesheet(template: &str) -> Option<&str> {
    template
        .split('<')
        .filter_map(|rest| rest.split('>').next())
        .find_map(|inner| main_stylesheet_of(inner))
}

/// The `href` of `tag` when it is the build's main stylesheet (`<link rel=stylesheet
/// href=./main-….css>`; `tag` with or without its angle brackets).
fn main_stylesheet_of(tag: &str) -> Option<&str> {
    let tag = tag.trim_start_matches('<');
    let is_link = tag.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("link"));
    (is_link && attr(tag, "rel") == Some("stylesheet"))
        .then(|| attr(tag, "href"))
        .flatten()
        .filter(|href| href.contains("main-"))
}

fn find(text: &str, what: &str) -> Result<usize, String> {
    text.find(what)
        .ok_or_else(|| format!("no {what} in the page"))
}

/// `<html lang="…" data-td-…>`: what `start.js` reads.
fn html_tag(spec: &PageSpec<'_>, parts: &[Part]) -> String {
    let parts: Vec<&str> = parts.iter().map(|p| p.code()).collect();
    let mut w = HtmlWriter::default();
    w.open("html")
        .attr("lang", spec.lang.code())
        .attr("data-td-page", spec.build.stem())
        .attr("data-td-snapshot", spec.snapshot)
        .attr("data-td-default", spec.default)
        .attr("data-td-pages", &spec.pages.join(" "))
        .attr("data-td-parts", &parts.join(" "))
        .attr_num("data-td-link", spec.link_version);
    if let Some(version) = spec.data_version {
        w.attr("data-td-data", version);
    }
    w.finish().into_string()
}

/// The lower-case name of a tag (`<link …>` → `link`; `</x>` and `<!…>` → ``).
fn tag_name(tag: &str) -> String {
    tag[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// An attribute's value in a start tag, quoted or not (Trunk's minified output leaves quotes
/// out where it can).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let mut rest = inner.split_once(char::is_whitespace)?.1;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest == "/" {
            return None;
        }
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = &rest[key_end..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let (value, after) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q)? + 1;
                    (&after[1..end], &after[end + 1..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = after;
            value
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::Html;

    const TEMPLATE: &str = r#"<!doctype html><html lang=vi><head><meta charset=utf-8><title>Theo dõi</title><script defer src=./crash-1.js></script><link href=./main-abc.css integrity=sha384-x rel=stylesheet><link as=fetch crossorigin href=./widget-1_bg.wasm integrity="sha384-y" rel=preload type=application/wasm><link crossorigin href=./widget-1.js rel=modulepreload><script src=./init-1.js type=module></script></head><body><noscript>needs JS</noscript></body></html>"#;

    fn spec() -> PageSpec<'static> {
        PageSpec {
            build: Build::Reader,
            lang: Lang::En,
            snapshot: "q1",
            default: "q1",
            pages: &["q1", "q2"],
            title: "Q1 <2021>",
            link_version: 2,
            stylesheet: "./bake-1.css",
            start_script: "./start-1.js",
            data_version: Some("0123456789abcdef"),
        }
    }

    #[test]
    fn a_page_holds_its_view_and_loads_the_wasm_only_when_its_start_up_script_says() {
        let baked = Baked {
            body: {
                let mut w = HtmlWriter::default();
                w.element("p", "1,738 tasks");
                w.finish()
            },
            css: String::new(),
            parts: vec![Part::Headline, Part::Status, Part::Growth],
        };
        let page = bake_page(TEMPLATE, &spec(), &baked).expect("baked");
        assert_eq!(
            page,
            "<!doctype html><html lang=\"en\" data-td-page=\"embed\" \
             data-td-snapshot=\"q1\" data-td-default=\"q1\" data-td-pages=\"q1 q2\" \
             data-td-parts=\"headline status growth\" data-td-link=\"2\" \
             data-td-data=\"0123456789abcdef\">\
             <head><meta charset=utf-8><title>Q1 &lt;2021&gt;</title>\
             <link rel=\"stylesheet\" href=\"./bake-1.css\">\
             <template id=\"td-wasm\"><script defer src=./crash-1.js></script><link as=fetch crossorigin href=./widget-1_bg.wasm integrity=\"sha384-y\" rel=preload type=application/wasm>\
             <link crossorigin href=./widget-1.js rel=modulepreload><script src=./init-1.js type=module></script></template>\
             <script src=\"./start-1.js\"></script></head><body><p>1,738 tasks</p></body></html>"
        );
    }

    #[test]
    fn a_page_that_is_not_trunks_output_is_refused() {
        let baked = Baked {
            body: Html::default(),
            css: String::new(),
            parts: Vec::new(),
        };
        let err = bake_page("<html><head></head><body></body></html>", &spec(), &baked);
        assert!(err.is_err());
    }

    #[test]
    fn the_main_stylesheet_is_found_in_trunks_page() {
        assert_eq!(main_stylesheet(TEMPLATE), Some("./main-abc.css"));
        assert_eq!(main_stylesheet("<html><head></head></html>"), None);
    }

    #[test]
    fn attributes_are_read_quoted_or_not() {
        let tag = r#"<link as=fetch crossorigin href="./a b.wasm" rel='preload'>"#;
        assert_eq!(attr(tag, "href"), Some("./a b.wasm"));
        assert_eq!(attr(tag, "rel"), Some("preload"));
        assert_eq!(attr(tag, "crossorigin"), Some(""));
        assert_eq!(attr(tag, "type"), None);
    }
}
