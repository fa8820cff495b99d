//! Links and embed snippets made from a view.

use super::{encode, Part, Tab, ViewState};

/// The link to the full view of `state` (embed settings dropped). `base` is the page's
/// address without query (`https://host/path/`).
pub fn full_view_link(base: &str, state: &ViewState) -> String {
    let mut full = state.clone();
    full.embed = false;
    full.parts.clear();
    full.frame_id = None;
    format!("{base}{}", encode(&full))
}

/// The parts an embed of the current tab shows by default.
pub fn default_parts(tab: Tab, has_units: bool) -> Vec<Part> {
    match tab {
        Tab::Tasks if has_units => vec![Part::Headline, Part::Status, Part::Units],
        Tab::Tasks => vec![Part::Headline, Part::Status],
        Tab::Documents => vec![Part::Documents, Part::Schemes],
        Tab::Growth => vec![Part::Growth],
    }
}

/// The ready-to-paste HTML for a portal: the iframe (auto-height through `embed.js`, a
/// sensible fixed height without it) and the script, which a page needs only once.
pub fn embed_snippet(base: &str, state: &ViewState, frame_id: &str, title: &str) -> String {
    let mut embed = state.clone();
    embed.embed = true;
    embed.frame_id = Some(frame_id.to_owned());
    let src = format!("{base}{}", encode(&embed));
    let script = format!("{}embed.js", &base[..base.rfind('/').map_or(0, |i| i + 1)]);
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-task-dashboard=\"{frame_id}\" \
         style=\"width:100%;height:640px;border:0\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n\
         <script src=\"{}\" async></script>",
        html_attr(&src),
        html_attr(title),
        html_attr(&script)
    )
}

fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::{Status, StatusSet};

    #[test]
    fn a_snippet_embeds_the_current_view_and_the_resize_script() {
        let state = ViewState {
            statuses: StatusSet::only(Status::Overdue),
            parts: vec![Part::Status],
            ..ViewState::default()
        };
        let s = embed_snippet(
            "https://example.org/widget/index.html",
            &state,
            "td-abc",
            "Tiến độ \"Q1\"",
        );
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/widget/index.html?v=2&amp;st=od&amp;embed=1&amp;show=status&amp;fid=td-abc\" \
             title=\"Tiến độ &quot;Q1&quot;\" data-task-dashboard=\"td-abc\" style=\"width:100%;height:640px;border:0\" \
             loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n\
             <script src=\"https://example.org/widget/embed.js\" async></script>"
        );
    }

    #[test]
    fn the_full_view_link_drops_embed_settings() {
        let state = ViewState {
            embed: true,
            frame_id: Some("x".into()),
            parts: vec![Part::Growth],
            tab: Tab::Growth,
            ..ViewState::default()
        };
        assert_eq!(
            full_view_link("https://h/p/", &state),
            "https://h/p/?v=2&t=growth"
        );
    }
}
