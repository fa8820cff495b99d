//! Links and embed snippets made from a view.
//!
//! A deployment serves two builds from one folder: the full build (`index.html`: the full
//! view, the staff tools, and the embed view of any parts) and the reader build
//! ([`READER_PAGE`]: the compact embed view alone, much smaller, for portal iframes). Snippets
//! point at the reader build whenever it can draw the view; the reader build hands any other
//! view, or snapshot with task records, to the full build.

use super::{encode, Part, Tab, ViewState};
use crate::html::HtmlWriter;
use crate::snapshot::{ManifestEntry, ValidSnapshot};
use crate::text::Lang;

/// The reader build's page, beside the full build's `index.html`.
pub const READER_PAGE: &str = "embed.html";

/// Which build a page belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// `embed.html`: the reader build.
    Reader,
    /// `index.html`: the full build.
    Full,
}

impl Build {
    pub fn stem(self) -> &'static str {
        match self {
            Build::Reader => "embed",
            Build::Full => "index",
        }
    }
}

/// The page of a build baked for `snapshot` (`None`: the default one) in `lang`
/// (`crate::bake`): `embed.html`, `embed.en.html`, `embed.<id>.html`, `embed.<id>.en.html`
/// (`index…` for the full build); the names `pageFor` of `static/start.js` gives.
pub fn page_name(build: Build, snapshot: Option<&str>, lang: Lang) -> String {
    let mut name = build.stem().to_owned();
    if let Some(id) = snapshot {
        name.push('.');
        name.push_str(id);
    }
    if lang == Lang::En {
        name.push_str(".en");
    }
    name.push_str(".html");
    name
}

/// Whether the reader build can draw `state` of a snapshot: an embed of any parts but the task
/// table (the table, the records' reading and index are staff-build code), of a snapshot
/// without task records, or of one whose published summary the view can do with (`has_summary`:
/// see [`ViewState::needs_records`]). Before the snapshot is read, `has_records` is `false`.
pub fn reader_can_draw(state: &ViewState, has_records: bool, has_summary: bool) -> bool {
    state.compact.on
        && !state.compact.parts().contains(&Part::Table)
        // Several reports' files, the series view's code: the full build's.
        && !state.compact.parts().contains(&Part::Series)
        && (!has_records || (has_summary && !state.needs_records()))
}

/// Whether `embed` is the series its snapshot's pages bake (`bake::baked_series`, when its
/// body has several reports): the series of its body (no `cmp=`), with parts the reader
/// build draws, and nothing in the view but what a baked page takes as it is (`start.js`:
/// `s`, `d`, `l`, `embed`, `show`, `fid`; all else at its default). The reader build's page
/// shows it without any WASM; another such link goes live there, and on to the full build.
fn shows_baked_series(embed: &ViewState, has_records: bool, has_summary: bool) -> bool {
    let as_baked = ViewState {
        snapshot: embed.snapshot.clone(),
        pin: embed.pin.clone(),
        lang: embed.lang,
        compact: embed.compact.clone(),
        ..ViewState::default()
    };
    let mut rest = embed.clone();
    rest.compact.parts.retain(|p| *p != Part::Series);
    embed.compact.parts.contains(&Part::Series)
        && *embed == as_baked
        && reader_can_draw(&rest, has_records, has_summary)
}

impl ViewState {
    /// The view as a shared link (copied, or in a snippet) gives it: naming its snapshot and
    /// the version of the data shown (`entry`'s, when published by hash), so that opened
    /// later it shows the same figures, or says they changed.
    pub fn pinned_to(&self, entry: &ManifestEntry) -> ViewState {
        let mut shared = self.clone();
        if shared.pin.is_none() {
            shared.pin = entry.content_hash().map(str::to_owned);
        }
        if shared.pin.is_some() {
            shared.snapshot = Some(entry.id.clone());
        }
        shared
    }

    /// Whether the view draws anything from task records: the full view (its table and
    /// filters), an embed of the task table, or an embed filtered by what only records hold
    /// (document, due period, text). Any other view draws the same from a snapshot's published
    /// summary, its counts without the records (`snapshot::summary`).
    pub fn needs_records(&self) -> bool {
        let f = &self.filters;
        !self.compact.on
            || self.compact.parts().contains(&Part::Table)
            || f.document.is_some()
            || f.due.is_some()
            || !f.query.trim().is_empty()
    }
}

/// The full build's address for a page's address (`https://host/path/embed.html`, or a baked
/// page of the reader build such as `embed.en.html` → its folder, where `index.html` is
/// served); the full build's own address is kept as it is.
pub fn full_build_base(page: &str) -> &str {
    let folder = page.rfind('/').map_or(0, |i| i + 1);
    let file = &page[folder..];
    if file.starts_with("embed.") && file.ends_with(".html") {
        &page[..folder]
    } else {
        page
    }
}

/// The link to the full view of `state` (embed settings dropped). `base` is the page's
/// address without query (`https://host/path/`).
pub fn full_view_link(base: &str, state: &ViewState) -> String {
    let mut full = state.clone();
    full.compact.on = false;
    full.compact.parts.clear();
    full.compact.frame_id = None;
    format!("{base}{}", encode(&full))
}

/// The parts an embed of the current tab shows by default: those of the tab that `snap` has
/// figures for (of its first tab with any, if the current one has none). Never a part the
/// snapshot lacks.
pub fn default_parts(tab: Tab, snap: &ValidSnapshot) -> Vec<Part> {
    let of_tab = |tab: Tab| -> Vec<Part> {
        let parts: &[Part] = match tab {
            Tab::Tasks => &[Part::Headline, Part::Status, Part::Units],
            Tab::Documents => &[Part::Documents, Part::Schemes],
            Tab::Growth => &[Part::Growth],
            Tab::Series => &[Part::Series],
            Tab::Changes => &[],
        };
        parts.iter().copied().filter(|p| p.held_by(snap)).collect()
    };
    let parts = of_tab(tab);
    if !parts.is_empty() {
        return parts;
    }
    Tab::held(snap)
        .first()
        .map_or_else(Vec::new, |t| of_tab(*t))
}

/// The ready-to-paste HTML for a portal: the iframe (auto-height through `embed.js`, a
/// sensible fixed height without it) and the script, which a page needs only once. The
/// iframe loads the page of its snapshot and language ([`page_name`]), whose first response
/// holds the view: of the reader build when it can draw the view, else of the full build
/// (`base`, the full build's page address, for the default snapshot in Vietnamese). Written
/// by [`HtmlWriter`], so the title and the frame id are escaped; a `String`, because the
/// embed panel shows it as text to copy.
pub fn embed_snippet(
    base: &str,
    state: &ViewState,
    (has_records, has_summary): (bool, bool),
    baked_series: bool,
    frame_id: &str,
    title: &str,
) -> String {
    let mut embed = state.clone();
    embed.compact.on = true;
    embed.compact.frame_id = Some(frame_id.to_owned());
    let folder = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let snapshot = embed.snapshot.as_deref();
    let reader_page = reader_can_draw(&embed, has_records, has_summary)
        || (baked_series && shows_baked_series(&embed, has_records, has_summary));
    let page = if reader_page {
        format!("{folder}{}", page_name(Build::Reader, snapshot, embed.lang))
    } else if snapshot.is_none() && embed.lang == Lang::Vi {
        base.to_owned()
    } else {
        format!("{folder}{}", page_name(Build::Full, snapshot, embed.lang))
    };
    let src = format!("{page}{}", encode(&embed));
    let mut w = HtmlWriter::default();
    w.open("iframe")
        .attr("src", &src)
        .attr("title", title)
        .attr("data-task-dashboard", frame_id)
        .attrs_static(
            r#" style="width:100%;height:640px;border:0" loading="lazy" allow="clipboard-write""#,
        )
        .close("iframe")
        .raw_static("\n")
        .open("script")
        .attr("src", &format!("{folder}embed.js"))
        .attrs_static(" async")
        .close("script");
    w.finish().into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::{Status, StatusSet};
    use crate::view_state::{CompactView, Filters};

    #[test]
    fn a_shared_link_pins_the_snapshot_and_the_version_of_its_data() {
        let published = |path: &str| crate::snapshot::ManifestEntry {
            id: "q1".into(),
            path: path.into(),
            title: crate::snapshot::Text::new("Q1", "Q1"),
            as_of: crate::snapshot::Date::parse("2021-03-31").unwrap(),
            data_status: crate::snapshot::DataStatus::Official,
            integrity: Some(format!("sha256-{}=", "A".repeat(43))),
            bytes: Some(10),
            summary: None,
            series: None,
        };
        let entry = published("snapshots/q1.0123456789abcdef.json");
        assert_eq!(entry.content_hash(), Some("0123456789abcdef"));
        assert_eq!(
            entry.version_path("fedcba9876543210").as_deref(),
            Some("snapshots/q1.fedcba9876543210.json")
        );
        // Only a hash can name a version: never a path of the link's choosing.
        for hostile in [
            "../../x",
            "FEDCBA9876543210",
            "fedcba987654321",
            "0123/../../a.json",
        ] {
            assert_eq!(entry.version_path(hostile), None, "{hostile}");
        }
        // An editor's manifest (no integrity, a plain name) has no versions.
        let plain = crate::snapshot::ManifestEntry {
            integrity: None,
            ..published("snapshots/q1.json")
        };
        assert_eq!(plain.content_hash(), None);
        assert_eq!(plain.version_path("fedcba9876543210"), None);

        // The default snapshot's view: the link names it and its version.
        let shared = ViewState::default().pinned_to(&entry);
        assert_eq!(shared.snapshot.as_deref(), Some("q1"));
        assert_eq!(shared.pin.as_deref(), Some("0123456789abcdef"));
        assert_eq!(encode(&shared), "?v=2&s=q1&d=0123456789abcdef");
        // A view of an older version (opened from a pinned link) passes that version on.
        let older = ViewState {
            pin: Some("fedcba9876543210".into()),
            ..ViewState::default()
        };
        assert_eq!(
            older.pinned_to(&entry).pin.as_deref(),
            Some("fedcba9876543210")
        );
        // Data not published by hash: nothing to pin, the link is as it was.
        assert_eq!(ViewState::default().pinned_to(&plain), ViewState::default());
    }

    #[test]
    fn only_embeds_of_counts_by_status_and_unit_do_without_task_records() {
        let embed = |parts: Vec<Part>, filters: Filters| ViewState {
            compact: CompactView {
                on: true,
                parts,
                ..CompactView::default()
            },
            filters,
            ..ViewState::default()
        };
        let counts = Filters {
            statuses: StatusSet::only(Status::Overdue),
            units: vec!["so-y-te".into()],
            ..Filters::default()
        };
        assert!(!embed(
            vec![Part::Headline, Part::Status, Part::Units],
            counts.clone()
        )
        .needs_records());
        assert!(!embed(vec![], Filters::default()).needs_records());
        assert!(ViewState::default().needs_records(), "the full view");
        assert!(embed(vec![Part::Table], Filters::default()).needs_records());
        let only_records = [
            Filters {
                document: Some("108/QĐ-UBND".into()),
                ..counts.clone()
            },
            Filters {
                query: "cầu".into(),
                ..counts.clone()
            },
        ];
        for filters in only_records {
            assert!(embed(vec![Part::Status], filters).needs_records());
        }
    }

    #[test]
    fn a_snippet_embeds_the_current_view_and_the_resize_script() {
        let state = ViewState {
            filters: Filters {
                statuses: StatusSet::only(Status::Overdue),
                ..Filters::default()
            },
            compact: CompactView {
                parts: vec![Part::Status],
                ..CompactView::default()
            },
            ..ViewState::default()
        };
        let s = embed_snippet(
            "https://example.org/widget/index.html",
            &state,
            (false, false),
            false,
            "td-abc",
            "Tiến độ \"Q1\"",
        );
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/widget/embed.html?v=2&amp;st=od&amp;embed=1&amp;show=status&amp;fid=td-abc\" \
             title=\"Tiến độ &quot;Q1&quot;\" data-task-dashboard=\"td-abc\" style=\"width:100%;height:640px;border:0\" \
             loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n\
             <script src=\"https://example.org/widget/embed.js\" async></script>"
        );
    }

    #[test]
    fn a_snippet_names_the_page_of_its_snapshot_and_language() {
        let mut state = ViewState {
            snapshot: Some("q2".into()),
            lang: Lang::En,
            ..ViewState::default()
        };
        let s = embed_snippet(
            "https://example.org/w/index.html",
            &state,
            (false, false),
            false,
            "f",
            "T",
        );
        assert!(
            s.starts_with("<iframe src=\"https://example.org/w/embed.q2.en.html?v=2&amp;s=q2&amp;l=en&amp;embed=1"),
            "{s}"
        );
        // With task records, the full build's page of the snapshot.
        let s = embed_snippet(
            "https://example.org/w/",
            &state,
            (true, false),
            false,
            "f",
            "T",
        );
        assert!(
            s.starts_with("<iframe src=\"https://example.org/w/index.q2.en.html?v=2&amp;"),
            "{s}"
        );
        state.lang = Lang::Vi;
        state.snapshot = None;
        let s = embed_snippet(
            "https://example.org/w/",
            &state,
            (false, false),
            false,
            "f",
            "T",
        );
        assert!(
            s.starts_with("<iframe src=\"https://example.org/w/embed.html?v=2&amp;embed=1"),
            "{s}"
        );
        assert_eq!(
            page_name(Build::Full, Some("q2"), Lang::Vi),
            "index.q2.html"
        );
        assert_eq!(page_name(Build::Reader, None, Lang::En), "embed.en.html");
    }

    // Guards: an embed of the series goes to the reader build's page when that page bakes
    // it (the figures without any WASM), to the full build when not, or when the reports
    // are chosen (`cmp=`) or filtered.
    #[test]
    fn a_snippet_of_the_series_names_the_page_that_bakes_it() {
        let mut state = ViewState {
            snapshot: Some("cp-8t".into()),
            compact: CompactView {
                parts: vec![Part::Series],
                ..CompactView::default()
            },
            ..ViewState::default()
        };
        let src = |state: &ViewState, baked: bool| {
            let s = embed_snippet("https://h/w/", state, (true, true), baked, "f", "T");
            s.split('"').nth(1).unwrap_or_default().to_owned()
        };
        assert_eq!(
            src(&state, true),
            "https://h/w/embed.cp-8t.html?v=2&amp;s=cp-8t&amp;embed=1&amp;show=series&amp;fid=f"
        );
        assert!(src(&state, false).starts_with("https://h/w/index.cp-8t.html?"));
        state.compare = vec!["cp-4t".into(), "qn".into()];
        assert!(src(&state, true).starts_with("https://h/w/index.cp-8t.html?"));
        state.compare.clear();
        state.filters.statuses = StatusSet::only(Status::Overdue);
        assert!(src(&state, true).starts_with("https://h/w/index.cp-8t.html?"));
    }

    #[test]
    fn a_snippet_escapes_its_title_and_frame_id() {
        let s = embed_snippet(
            "https://example.org/w/",
            &ViewState::default(),
            (false, false),
            false,
            r#"x"><script>a()</script>"#,
            "<b>T</b> & \"U\"",
        );
        assert!(
            s.contains(r#" title="&lt;b&gt;T&lt;/b&gt; &amp; &quot;U&quot;" data-task-dashboard="x&quot;&gt;&lt;script&gt;a()&lt;/script&gt;" style="#),
            "{s}"
        );
        assert_eq!(s.matches('<').count(), 4, "{s}");
    }

    #[test]
    fn a_snippet_with_the_task_table_loads_the_full_build() {
        let state = ViewState {
            compact: CompactView {
                parts: vec![Part::Status, Part::Table],
                ..CompactView::default()
            },
            ..ViewState::default()
        };
        let s = embed_snippet(
            "https://example.org/w/",
            &state,
            (false, false),
            false,
            "td-abc",
            "T",
        );
        assert!(
            s.starts_with("<iframe src=\"https://example.org/w/?v=2&amp;embed=1&amp;show=status,table&amp;fid=td-abc\""),
            "{s}"
        );
        assert!(
            s.contains("<script src=\"https://example.org/w/embed.js\""),
            "{s}"
        );
        // So does one of a snapshot with task records.
        let state = ViewState::default();
        let s = embed_snippet(
            "https://example.org/w/",
            &state,
            (true, false),
            false,
            "td-abc",
            "T",
        );
        assert!(
            s.starts_with("<iframe src=\"https://example.org/w/?v=2&amp;embed=1&amp;"),
            "{s}"
        );
    }

    #[test]
    fn the_reader_build_draws_embeds_without_the_task_table_or_records() {
        let embed = |parts: Vec<Part>| ViewState {
            compact: CompactView {
                on: true,
                parts,
                frame_id: None,
            },
            ..ViewState::default()
        };
        assert!(reader_can_draw(
            &embed(vec![Part::Headline, Part::Units]),
            false,
            false
        ));
        assert!(
            reader_can_draw(&embed(Vec::new()), false, false),
            "the default parts"
        );
        assert!(
            !reader_can_draw(&embed(vec![Part::Status]), true, false),
            "records"
        );
        assert!(!reader_can_draw(
            &embed(vec![Part::Status, Part::Table]),
            false,
            false
        ));
        assert!(
            !reader_can_draw(&ViewState::default(), false, false),
            "the full view"
        );
        // A snapshot with records whose summary is published: embeds of counts are drawn from
        // it; an embed filtered by document needs the records, and the full build.
        assert!(reader_can_draw(&embed(vec![Part::Status]), true, true));
        let mut by_document = embed(vec![Part::Status]);
        by_document.filters.document = Some("108/QĐ-UBND".into());
        assert!(!reader_can_draw(&by_document, true, true));
        assert_eq!(full_build_base("https://h/p/embed.html"), "https://h/p/");
        assert_eq!(
            full_build_base("https://h/p/embed.q2.en.html"),
            "https://h/p/"
        );
        assert_eq!(
            full_build_base("https://h/p/index.q2.html"),
            "https://h/p/index.q2.html"
        );
        assert_eq!(full_build_base("https://h/p/"), "https://h/p/");
        assert_eq!(
            full_build_base("https://h/p/index.html"),
            "https://h/p/index.html"
        );
    }

    #[test]
    fn the_full_view_link_drops_embed_settings() {
        let state = ViewState {
            compact: CompactView {
                on: true,
                frame_id: Some("x".into()),
                parts: vec![Part::Growth],
            },
            tab: Tab::Growth,
            ..ViewState::default()
        };
        assert_eq!(
            full_view_link("https://h/p/", &state),
            "https://h/p/?v=2&t=growth"
        );
    }
}
