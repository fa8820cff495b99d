//! A source of figures as one line of text (footer, growth table, downloads).

use crate::format::{self, labels, Lang};
use crate::snapshot::{PublicationDate, Source};
use crate::text::isolate;

/// A source as one line: `«title», author, outlet, đăng ngày 09/04/2021`.
pub fn source_line(source: &Source, lang: Lang) -> String {
    let labels = labels(lang);
    let mut parts = Vec::new();
    if let Some(title) = &source.title {
        parts.push(format!("«{}»", isolate(title)));
    }
    if let Some(author) = &source.author {
        parts.push(isolate(author).into_owned());
    }
    let name = match lang {
        Lang::En => source.name_en.as_deref().unwrap_or(&source.name),
        Lang::Vi => &source.name,
    };
    parts.push(isolate(name).into_owned());
    match source.published {
        Some(PublicationDate::Day(day)) => {
            parts.push(format!("{} {}", labels.published, format::date(day, lang)))
        }
        Some(PublicationDate::Month { year, month }) => parts.push(format!(
            "{} {}",
            labels.published_month,
            format::month(year, month, lang)
        )),
        None => {}
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Date;

    fn source(name: &str) -> Source {
        Source::named(name)
    }

    #[test]
    fn a_source_line_gives_title_author_outlet_and_date_in_that_order() {
        let full = Source {
            title: Some("GRDP quý I".to_owned()),
            author: Some("Minh Hà".to_owned()),
            published: Date::from_ymd(2021, 4, 9).map(PublicationDate::Day),
            url: crate::snapshot::HttpUrl::parse("https://example.org/a"),
            ..source("Báo Quảng Ninh")
        };
        assert_eq!(
            source_line(&full, Lang::Vi),
            "«GRDP quý I», Minh Hà, Báo Quảng Ninh, đăng ngày 09/04/2021"
        );
        assert_eq!(
            source_line(&full, Lang::En),
            "«GRDP quý I», Minh Hà, Báo Quảng Ninh, published 9 Apr 2021"
        );
    }

    #[test]
    fn a_source_known_to_the_month_says_the_month() {
        let monthly = Source {
            published: PublicationDate::parse("2020-07"),
            ..source("baoquangnam.vn")
        };
        assert_eq!(
            source_line(&monthly, Lang::Vi),
            "baoquangnam.vn, đăng tháng 07/2020"
        );
        assert_eq!(
            source_line(&monthly, Lang::En),
            "baoquangnam.vn, published in Jul 2020"
        );
    }

    #[test]
    fn a_body_is_named_in_the_readers_language() {
        let body = Source {
            name_en: Some("The Prime Minister's Working Group".to_owned()),
            ..source("Tổ công tác của Thủ tướng Chính phủ")
        };
        assert_eq!(
            source_line(&body, Lang::Vi),
            "Tổ công tác của Thủ tướng Chính phủ"
        );
        assert_eq!(
            source_line(&body, Lang::En),
            "The Prime Minister's Working Group"
        );
    }

    #[test]
    fn a_source_without_details_is_its_name() {
        assert_eq!(source_line(&source("danviet.vn"), Lang::En), "danviet.vn");
    }
}
