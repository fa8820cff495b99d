//! Hostile text from files and links through every function that writes markup: the notices,
//! the load error, the heading, the headline, the source line, the SVG export and the embed
//! snippet. Whatever the text, the markup has exactly the tags and attributes it has for
//! benign text, every attribute value stays inside its quotes, the text reads back as it was
//! given (but for the characters XML forbids, which become U+FFFD), and a link that is not
//! http(s) never becomes an `href`.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use task_dashboard::chart::{self, svg, BarChart, LegendEntry, Marker, Series, Tick};
use task_dashboard::format::{labels, Lang};
use task_dashboard::markup::{self, Notices};
use task_dashboard::snapshot::{
    read_snapshot, validate, DataError, HttpUrl, Issue, Text, ValidSnapshot,
};
use task_dashboard::text::is_bidi_control;
use task_dashboard::view_state::{
    embed_snippet, full_view_link, CompactView, Filters, Ignored, Part, ViewState,
};

const DEFAULT: &str = "data/snapshots/quang-ninh-2021-q1.json";

/// What a reader of the markup finds in it.
#[derive(Debug, Default, PartialEq)]
struct Scan {
    tags: BTreeSet<String>,
    attrs: BTreeSet<String>,
    /// The values of `href` attributes, entities decoded.
    hrefs: Vec<String>,
    /// The text between the tags, entities decoded.
    text: String,
}

/// A tiny tag scanner, strict about what this crate writes: tags `<name attr="value">`,
/// `</name>` and `<name/>`, properly nested; attribute values in double quotes; `<` only
/// where a tag starts and `&` only in the four entities the escaper writes.
fn scan(markup: &str) -> Result<Scan, String> {
    let mut scan = Scan::default();
    let mut open: Vec<&str> = Vec::new();
    let mut rest = markup;
    let at = |rest: &str| format!("at {:?}", rest.chars().take(40).collect::<String>());
    while let Some(lt) = rest.find('<') {
        scan.text.push_str(&decode(&rest[..lt])?);
        rest = &rest[lt + 1..];
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(format!("a < that starts no tag {}", at(rest)));
        }
        let name = &rest[..len];
        rest = &rest[len..];
        if closing {
            rest = rest
                .strip_prefix('>')
                .ok_or_else(|| format!("an unfinished end tag {}", at(rest)))?;
            if open.pop() != Some(name) {
                return Err(format!("</{name}> closes no open <{name}>"));
            }
            continue;
        }
        scan.tags.insert(name.to_owned());
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                break;
            }
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                open.push(name);
                break;
            }
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            if len == 0 {
                return Err(format!("not an attribute {}", at(rest)));
            }
            let attr = &rest[..len];
            scan.attrs.insert(attr.to_owned());
            rest = &rest[len..];
            if let Some(r) = rest.strip_prefix("=\"") {
                let end = r
                    .find('"')
                    .ok_or_else(|| format!("an unfinished value {}", at(r)))?;
                let value = &r[..end];
                if value.contains(['<', '>']) {
                    return Err(format!("< or > in the value of {attr}: {value:?}"));
                }
                let value = decode(value)?;
                if attr == "href" {
                    scan.hrefs.push(value);
                }
                rest = &r[end + 1..];
                if !rest.starts_with([' ', '>', '/']) {
                    return Err(format!("a value that ends before its end {}", at(rest)));
                }
            }
        }
    }
    scan.text.push_str(&decode(rest)?);
    if let Some(name) = open.pop() {
        return Err(format!("<{name}> is not closed"));
    }
    Ok(scan)
}

/// Text with the escaper's four entities decoded; any other `&` is an error.
fn decode(text: &str) -> Result<String, String> {
    if text.contains('>') {
        return Err(format!("a > in text: {text:?}"));
    }
    let mut out = String::new();
    let mut parts = text.split('&');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let (c, len) = [("amp;", '&'), ("lt;", '<'), ("gt;", '>'), ("quot;", '"')]
            .into_iter()
            .find(|(entity, _)| part.starts_with(entity))
            .map(|(entity, c)| (c, entity.len()))
            .ok_or_else(|| format!("a bare & before {part:?}"))?;
        out.push(c);
        out.push_str(&part[len..]);
    }
    Ok(out)
}

/// A character XML 1.0 does not allow in a document.
fn xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
}

/// `text` as the escaper writes it, once read back: forbidden characters become U+FFFD.
fn as_read(text: &str) -> String {
    text.chars()
        .map(|c| if xml_forbidden(c) { '\u{fffd}' } else { c })
        .collect()
}

/// Scans `markup` and checks what holds for any output: no forbidden character, every
/// `href` an http(s) link.
fn checked(what: &str, markup: &str) -> Result<Scan, TestCaseError> {
    let scan = scan(markup).map_err(|e| TestCaseError::fail(format!("{what}: {e} in {markup}")))?;
    prop_assert!(
        !markup.chars().any(xml_forbidden),
        "{what}: a character XML forbids in {markup:?}"
    );
    for href in &scan.hrefs {
        prop_assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{what}: href {href:?}"
        );
    }
    Ok(scan)
}

/// Checks that `hostile` markup has the tags and attributes of the `benign` one, and that
/// each of `texts` reads back from it.
fn same_shape(
    what: &str,
    benign: &str,
    hostile: &str,
    texts: &[&str],
) -> Result<(), TestCaseError> {
    let expected = checked(what, benign)?;
    let found = checked(what, hostile)?;
    prop_assert_eq!(&found.tags, &expected.tags, "{}: tags of {}", what, hostile);
    prop_assert_eq!(
        &found.attrs,
        &expected.attrs,
        "{}: attributes of {}",
        what,
        hostile
    );
    for text in texts {
        let text = as_read(text);
        prop_assert!(
            found.text.contains(&text),
            "{what}: {text:?} does not read back from {hostile}"
        );
    }
    Ok(())
}

fn default_snapshot() -> task_dashboard::snapshot::Snapshot {
    let json = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT)).unwrap();
    read_snapshot(DEFAULT, &json).unwrap()
}

/// What validation accepts of `text`: it refuses control characters, bidirectional controls
/// left open, invisible-only and over-long text (`snapshot::readable::text_problem`), so those are
/// dropped, the rest cut to 400 characters and a visible full stop added.
fn acceptable(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .filter(|c| !is_bidi_control(*c))
        .take(400)
        .collect();
    format!("{kept}.")
}

/// The default snapshot with `text` in every text the heading and the source line show: as
/// validation accepts it where it checks, as it is elsewhere (the source's title and author).
fn snapshot_with(text: &str) -> ValidSnapshot {
    let mut s = default_snapshot();
    let bilingual = Text {
        vi: acceptable(text),
        en: Some(acceptable(text)),
    };
    s.title = bilingual.clone();
    s.jurisdiction = bilingual.clone();
    s.notice = Some(bilingual);
    s.source.name = acceptable(text);
    s.source.title = Some(text.to_owned());
    s.source.author = Some(text.to_owned());
    validate(DEFAULT, s).expect("a snapshot with any text is valid")
}

fn notices_with(text: &str, illustrative: bool) -> String {
    let warnings = [Issue::new(text, text), Issue::new("tasks.by_unit", text)];
    let ignored = [Ignored::new(text, text)];
    // The "latest figures" address is the page's own (http or https): hostile text in its
    // query stays inside the attribute.
    let latest = format!("https://example.org/w/?q={text}");
    let n = Notices {
        illustrative,
        note: Some(text),
        warnings: &warnings,
        refused_snapshot: Some(text),
        from_newer_version: true,
        ignored: &ignored,
        missing: &[],
        pin: Some((markup::PinNotice::Older, &latest)),
    };
    markup::notices(&n, labels(Lang::En)).into_string()
}

fn load_error_with(text: &str) -> String {
    let mut e = DataError::single(text, text, text);
    e.issues.push(Issue::new("", text));
    e.more = 2;
    markup::load_error(&e, labels(Lang::Vi)).into_string()
}

fn headline_with(text: &str, overdue: bool) -> String {
    let h = chart::Headline {
        total: text.to_owned(),
        completed_share: text.to_owned(),
        overdue_share: overdue.then(|| text.to_owned()),
    };
    markup::headline(&h, labels(Lang::En)).into_string()
}

/// The embed's state: the text wherever a link carries text.
fn state_with(text: &str) -> ViewState {
    ViewState {
        compact: CompactView {
            on: true,
            parts: vec![Part::Status, Part::Units],
            frame_id: Some(text.to_owned()),
        },
        filters: Filters {
            query: text.to_owned(),
            document: Some(text.to_owned()),
            units: vec![text.to_owned()],
            ..Filters::default()
        },
        ..ViewState::default()
    }
}

fn footer_with(snap: &ValidSnapshot, url: Option<&HttpUrl>, text: &str) -> String {
    let line = chart::source_line(&snap.snapshot().source, Lang::Vi);
    let full = full_view_link("https://example.org/w/", &state_with(text));
    markup::source_footer(Some((&line, url)), Some(&full), labels(Lang::Vi)).into_string()
}

/// The growth chart of the default snapshot (rows, segments, markers, ticks, a legend) with
/// `text` in every text it carries.
fn chart_with(text: &str) -> BarChart {
    let s = default_snapshot();
    let mut c = chart::growth_chart(s.growth.as_ref().unwrap(), &s.source, Lang::En);
    let t = || text.to_owned();
    c.title = t();
    c.subtitle = t();
    c.summary = t();
    for row in &mut c.rows {
        row.label = t();
        row.value_text = t();
        for seg in &mut row.segments {
            seg.label = t();
        }
        row.markers.push(Marker {
            at: 0.5,
            label: t(),
        });
    }
    c.ticks.push(Tick {
        at: 0.5,
        label: t(),
    });
    c.legend.push(LegendEntry {
        series: Series::Target,
        label: t(),
        action: None,
        selected: false,
    });
    for entry in &mut c.legend {
        entry.label = t();
    }
    c
}

fn svg_with(text: &str, notice: bool) -> String {
    let footer = svg::Footer {
        source: text,
        notice: notice.then_some(text),
    };
    svg::render(&chart_with(text), &footer).into_string()
}

/// Strings a file or a link could hold to break out of the markup.
fn hostile() -> impl Strategy<Value = String> {
    let samples = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "\" onfocus=\"alert(1)\" autofocus x=\"",
        "</p></div></footer><svg onload=alert(1)>",
        "&amp;&lt;&#60;&#x3c;&",
        "javascript:alert(document.domain)",
        "<!-- --> <![CDATA[ ]]> <?xml ?>",
        "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{e}\u{1b}\u{1f}\u{7f}",
        "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}",
        "\u{fffe}\u{ffff}\u{feff}",
        "a\tb\nc\rd",
        "",
        " ",
    ])
    .prop_map(str::to_owned);
    let chars = "[<>\"'&=/;#:! a-z\\x00-\\x1f\u{7f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}]{0,40}";
    let piece = prop_oneof![samples, chars, any::<String>()];
    prop_oneof![
        8 => prop::collection::vec(piece.clone(), 1..4).prop_map(|p| p.concat()),
        1 => (piece, 500..3000usize).prop_map(|(p, n)| format!("{p}x").repeat(n / (p.len() + 1) + 1)),
    ]
}

/// Links a file could give as a source's link.
fn link() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "https://x.vn/",
        "http://x.vn",
        "https://",
        "javascript:",
        "JavaScript:",
        " javascript:",
        "java\tscript:",
        "\u{0}javascript:",
        "data:text/html,",
        "vbscript:",
        "//x.vn/",
        "",
    ]);
    (scheme, hostile()).prop_map(|(scheme, rest)| format!("{scheme}{rest}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_tag_or_attribute_escapes_any_markup(text in hostile()) {
        let benign = "Sở Tài chính";
        for illustrative in [true, false] {
            same_shape(
                "notices",
                &notices_with(benign, illustrative),
                &notices_with(&text, illustrative),
                // The ignored parameter is named briefly (`markup::briefly`: cut, controls
                // shown as U+FFFD); the rest as it is.
                &[&text, &markup::briefly(&format!("{text}={text}"))],
            )?;
        }
        same_shape("load_error", &load_error_with(benign), &load_error_with(&text), &[&text])?;
        for overdue in [true, false] {
            same_shape("headline", &headline_with(benign, overdue), &headline_with(&text, overdue), &[&text])?;
        }

        let (benign_snap, snap) = (snapshot_with(benign), snapshot_with(&text));
        for lang in [Lang::Vi, Lang::En] {
            for compact in [false, true] {
                same_shape(
                    "heading",
                    markup::heading(Some(&benign_snap), lang, compact).as_str(),
                    markup::heading(Some(&snap), lang, compact).as_str(),
                    &[snap.snapshot().title.get(lang), snap.snapshot().jurisdiction.get(lang)],
                )?;
            }
        }
        let url = HttpUrl::parse("https://x.vn/a?b=1&c=2").unwrap();
        for url in [Some(&url), None] {
            same_shape(
                "source_footer",
                &footer_with(&benign_snap, url, benign),
                &footer_with(&snap, url, &text),
                &[&chart::source_line(&snap.snapshot().source, Lang::Vi)],
            )?;
        }

        for notice in [true, false] {
            let hostile_svg = svg_with(&text, notice);
            same_shape("svg::render", &svg_with(benign, notice), &hostile_svg, &[])?;
            let height = svg::height_of(&hostile_svg);
            let view_box = height.map(|h| format!(r#"viewBox="0 0 860 {h}""#));
            prop_assert!(view_box.is_some_and(|v| hostile_svg.contains(&v)), "{}", "the height is read back");
        }

        let state = state_with(&text);
        let benign_state = state_with(benign);
        for base in ["https://example.org/w/index.html", "https://example.org/w/"] {
            same_shape(
                "embed_snippet",
                &embed_snippet(base, &benign_state, (false, false), false, benign, benign),
                &embed_snippet(base, &state, (false, false), false, &text, &text),
                &[],
            )?;
        }
    }

    #[test]
    fn only_http_links_become_an_href(link in link()) {
        let snap = snapshot_with("Báo Quảng Ninh");
        let line = chart::source_line(&snap.snapshot().source, Lang::En);
        let url = HttpUrl::parse(&link);
        let html = markup::source_footer(Some((&line, url.as_ref())), None, labels(Lang::En));
        let found = checked("source_footer", html.as_str())?;
        match &url {
            Some(_) => {
                prop_assert!(link.starts_with("https://") || link.starts_with("http://"));
                prop_assert!(!link.chars().any(|c| c == ' ' || c.is_control()), "{:?}", link);
                prop_assert_eq!(found.hrefs, vec![link.clone()]);
            }
            None => prop_assert!(found.hrefs.is_empty()),
        }
        if link.trim_start_matches(|c: char| c <= ' ').to_ascii_lowercase().starts_with("javascript:") {
            prop_assert!(url.is_none(), "{:?}", link);
        }
    }
}

#[test]
fn the_scanner_sees_markup_that_escapes() {
    assert_eq!(
        scan(r#"<p class="a">x &amp; y</p>"#).map(|s| s.text),
        Ok("x & y".to_owned())
    );
    for bad in [
        "<p>a<img src=x></p>",
        r#"<p title="a"b">x</p>"#,
        r#"<p title="a" onclick="b">x</p>"#,
        "<p>a & b</p>",
        "<p>a > b</p>",
        "<p>a</b>",
        "<p>",
    ] {
        let found = scan(bad);
        // Either the scanner refuses it, or it finds a tag or attribute benign markup lacks.
        let benign = scan(r#"<p title="a">x</p>"#).unwrap();
        assert!(
            found
                .as_ref()
                .map_or(true, |s| s.tags != benign.tags || s.attrs != benign.attrs),
            "{bad}: {found:?}"
        );
    }
}

// Guards: a name in a right-to-left script, inserted in a generated sentence, is isolated
// (U+2068…U+2069), so it cannot carry the figures after it to its side of the sentence.
#[test]
fn a_right_to_left_name_cannot_reorder_the_sentence_it_is_in() {
    let mut s = default_snapshot();
    s.source.name = "صحيفة الأخبار".into();
    let snap = validate(DEFAULT, s).expect("an Arabic outlet is a valid source");
    let line = chart::source_line(&snap.snapshot().source, Lang::Vi);
    assert!(
        line.ends_with("\u{2068}صحيفة الأخبار\u{2069}, đăng ngày 09/04/2021"),
        "{line}"
    );
    let units = [
        ("שלום".to_owned(), Some(1), 2),
        ("Sở A".to_owned(), Some(0), 2),
    ];
    assert_eq!(
        task_dashboard::format::units_summary(&units, Lang::Vi),
        "2 đơn vị. Tỷ lệ nhiệm vụ chưa hoàn thành, quá hạn cao nhất: \u{2068}שלום\u{2069} (50,0%), Sở A (0,0%)."
    );
}
