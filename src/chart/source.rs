//! A source of figures as one line of text (footer, growth table, downloads).

use crate::format::{self, labels, Lang};
use crate::snapshot::Source;

/// A source as one line: `«title», author, outlet, đăng ngày 09/04/2021`.
pub fn source_line(source: &Source, lang: Lang) -> String {
    let l = labels(lang);
    let mut parts = Vec::new();
    if let Some(title) = &source.title {
        parts.push(format!("«{title}»"));
    }
    if let Some(author) = &source.author {
        parts.push(author.clone());
    }
    parts.push(source.name.clone());
    if let Some(published) = source.published {
        parts.push(format!("{} {}", l.published, format::date(published, lang)));
    }
    parts.join(", ")
}
