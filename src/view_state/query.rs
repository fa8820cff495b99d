//! Query string ⇄ [`ViewState`].
//!
//! Keys (stable; a key once published is never reused for something else):
//!
//! | key | value | default |
//! |---|---|---|
//! | `v` | link format version | 1 (links were first published without it) |
//! | `s` | snapshot id from the manifest | manifest default |
//! | `d` | the data version a shared link was made with: 16 hex digits of the file's SHA-256 | the published one |
//! | `l` | `vi`, `en` | `vi` |
//! | `t` | tab: `tasks`, `docs`, `growth`, `series`, `changes` | `tasks` |
//! | `st` | statuses, comma-separated: `ot`, `lt`, `od`, `wd` | all |
//! | `u` | unit ids, comma-separated | all |
//! | `k` | unit kind: `dept`, `loc` | both |
//! | `doc` | assigning document id | all |
//! | `due` | due month `2021-03` or quarter `2021-Q1` | all |
//! | `q` | text searched in task titles | none |
//! | `us` | unit sort: `overdue`, `total`, `name` | `overdue` |
//! | `ts` | table sort column, `-` prefix for descending | `due` |
//! | `n` | table rows per page: `10`, `20`, `50` (since v2) | `10` |
//! | `pg` | table page, from 1 | 1 |
//! | `ua` | `1`: the unit chart draws every unit, not the first ten (since v2) | off |
//! | `cmp` | the reports the series view sets side by side: snapshot ids, comma-separated | the shown snapshot's series |
//! | `gs` | the growth chart's periods: `year`, `quarter`, `part` (6 and 9 months, halves) | all |
//! | `from` | the snapshot id `t=changes` compares with: an earlier one of the series | the one before |
//! | `embed` | `1`: compact view for an iframe | off |
//! | `show` | embed parts: `headline,status,units,table,documents,schemes,growth,series` | `headline,status` |
//! | `theme` | `light`, `dark` | reader's preference |
//! | `accent` | accent colour, 3 or 6 hex digits | portal default |
//! | `font` | font family name | system font |
//! | `fid` | iframe id echoed in height messages | none |

use std::fmt;

use super::{Part, Tab, TableView, Theme, ViewState};
use crate::chart::UnitSort;
use crate::format::Lang;
use crate::snapshot::{is_valid_id, SpanGroup, UnitKind};
use crate::tasks::{DuePeriod, SortColumn, Status, StatusSet};

/// Reports a link may set side by side (`cmp=`): more would not fit a phone's screen, and
/// each is a download.
pub const MAX_COMPARED: usize = 8;

/// Version written by [`encode`]. Bump it when the meaning of a key changes, and add the
/// migration from the previous version to [`MIGRATIONS`].
pub const LINK_VERSION: u32 = 2;

/// Upgrades the key/value pairs of a link of version `i + 1` to version `i + 2`.
type Migration = fn(&mut Vec<(String, String)>);

/// Ordered migrations; `MIGRATIONS[i]` takes a version `i + 1` link to version `i + 2`.
const MIGRATIONS: [Migration; (LINK_VERSION - 1) as usize] = [v1_to_v2];

/// Version 2 made table pages 10 rows long (`n` chooses 10, 20 or 50): a version 1 link to a
/// page other than the first keeps its 20-row pages, so `pg=3` still shows tasks 41–60.
/// (The unit chart's first-ten default, `ua`, needs no migration: it draws the same figures,
/// a unit filter's units always among them, and the data table lists every unit.)
fn v1_to_v2(pairs: &mut Vec<(String, String)>) {
    let paged = pairs
        .iter()
        .any(|(k, v)| k == "pg" && v.parse::<u32>().is_ok_and(|p| p > 1));
    if paged && !pairs.iter().any(|(k, _)| k == "n") {
        pairs.push(("n".into(), "20".into()));
    }
}

/// A parameter that was not applied, shown to the reader as `key=value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
}

impl Ignored {
    pub fn new(key: &str, value: &str) -> Ignored {
        Ignored {
            key: key.to_owned(),
            value: value.to_owned(),
        }
    }
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.key, self.value)
    }
}

/// The result of reading a link.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decoded {
    pub state: ViewState,
    /// Parameters that were unknown or invalid, in link order.
    pub ignored: Vec<Ignored>,
    /// The link says it comes from a newer version than this code.
    pub from_newer_version: bool,
}

pub(crate) fn unit_kind_code(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Department => "dept",
        UnitKind::Locality => "loc",
    }
}

pub(crate) fn unit_kind_from_code(code: &str) -> Option<UnitKind> {
    match code {
        "dept" => Some(UnitKind::Department),
        "loc" => Some(UnitKind::Locality),
        _ => None,
    }
}

/// Parameters added by portals and social networks: dropped without a notice.
fn is_tracking_param(key: &str) -> bool {
    key.starts_with("utm_") || matches!(key, "fbclid" | "gclid" | "zarsrc" | "_gl")
}

/// Reads a query string (with or without the leading `?`).
pub fn decode(query: &str) -> Decoded {
    let mut out = Decoded::default();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match (percent_decode(k), percent_decode(v)) {
            (Some(k), Some(v)) => pairs.push((k, v)),
            _ => out.ignored.push(Ignored::new(
                &String::from_utf8_lossy(k.as_bytes()),
                &String::from_utf8_lossy(v.as_bytes()),
            )),
        }
    }

    // Links were published without a version before it was written: they are version 1.
    let mut version = 1;
    if let Some(pos) = pairs.iter().position(|(k, _)| k == "v") {
        let (_, v) = pairs.remove(pos);
        match v.parse::<u32>() {
            Ok(n) if n >= 1 => version = n,
            _ => out.ignored.push(Ignored::new("v", &v)),
        }
    }
    if version > LINK_VERSION {
        out.from_newer_version = true;
    } else {
        for migrate in &MIGRATIONS[(version - 1) as usize..] {
            migrate(&mut pairs);
        }
    }

    let mut seen: Vec<String> = Vec::new();
    for (key, value) in pairs {
        if is_tracking_param(&key) {
            continue;
        }
        if seen.contains(&key) {
            out.ignored.push(Ignored::new(&key, &value));
            continue;
        }
        seen.push(key.clone());
        if !apply(&mut out.state, &key, &value, &mut out.ignored) {
            out.ignored.push(Ignored::new(&key, &value));
        }
    }
    out
}

/// Applies one parameter; `false` if the key is unknown or the value invalid as a whole.
/// List values drop their invalid items one by one (reported through `ignored`).
fn apply(s: &mut ViewState, key: &str, value: &str, ignored: &mut Vec<Ignored>) -> bool {
    fn set<T>(slot: &mut T, value: Option<T>) -> bool {
        value.map(|v| *slot = v).is_some()
    }
    match key {
        "s" => set(
            &mut s.snapshot,
            is_valid_id(value).then(|| Some(value.to_owned())),
        ),
        "d" => set(
            &mut s.pin,
            crate::snapshot::is_content_hash(value).then(|| Some(value.to_owned())),
        ),
        "l" => set(&mut s.lang, Lang::from_code(value)),
        "t" => set(&mut s.tab, Tab::from_code(value)),
        "st" => {
            let statuses: StatusSet = list(key, value, ignored, Status::from_code).collect();
            set(
                &mut s.filters.statuses,
                (!statuses.is_empty()).then_some(statuses),
            ) || has_items(value)
        }
        "u" => {
            let mut units: Vec<String> = Vec::new();
            for u in list(key, value, ignored, |u| {
                is_valid_id(u).then(|| u.to_owned())
            }) {
                if !units.contains(&u) {
                    units.push(u);
                }
            }
            set(&mut s.filters.units, (!units.is_empty()).then_some(units)) || has_items(value)
        }
        "k" => set(
            &mut s.filters.unit_kind,
            unit_kind_from_code(value).map(Some),
        ),
        "doc" => set(
            &mut s.filters.document,
            (!value.trim().is_empty() && value.chars().count() <= 100)
                .then(|| Some(value.to_owned())),
        ),
        "due" => set(&mut s.filters.due, DuePeriod::parse(value).map(Some)),
        "q" => set(
            &mut s.filters.query,
            (!value.trim().is_empty() && value.chars().count() <= 200).then(|| value.to_owned()),
        ),
        "us" => set(&mut s.unit_chart.sort, UnitSort::from_code(value)),
        "gs" => set(&mut s.growth_spans, SpanGroup::from_code(value).map(Some)),
        "cmp" => {
            let mut ids: Vec<String> = Vec::new();
            for id in list(key, value, ignored, |id| {
                is_valid_id(id).then(|| id.to_owned())
            }) {
                if !ids.contains(&id) && ids.len() < MAX_COMPARED {
                    ids.push(id);
                }
            }
            set(&mut s.compare, (!ids.is_empty()).then_some(ids)) || has_items(value)
        }
        "ts" => {
            let (desc, code) = match value.strip_prefix('-') {
                Some(code) => (true, code),
                None => (false, value),
            };
            SortColumn::from_code(code)
                .map(|c| {
                    s.table.sort = c;
                    s.table.descending = desc;
                })
                .is_some()
        }
        "n" => set(
            &mut s.table.page_size,
            value.parse().ok().and_then(TableView::page_size_code),
        ),
        "ua" => set(&mut s.unit_chart.all, (value == "1").then_some(true)),
        // Page 1 is the first page, as no `pg` is: read as the default, so the state
        // survives its own link (found by fuzzing, tests/fuzz_regressions.rs).
        "pg" => set(
            &mut s.table.page,
            value
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=1_000_000).contains(p))
                .map(|p| if p == 1 { 0 } else { p }),
        ),
        "from" => set(
            &mut s.from,
            is_valid_id(value).then(|| Some(value.to_owned())),
        ),
        "embed" => set(&mut s.compact.on, (value == "1").then_some(true)),
        "show" => {
            let mut parts: Vec<Part> = Vec::new();
            for p in list(key, value, ignored, Part::from_code) {
                if !parts.contains(&p) {
                    parts.push(p);
                }
            }
            set(&mut s.compact.parts, (!parts.is_empty()).then_some(parts)) || has_items(value)
        }
        "theme" => set(
            &mut s.look.theme,
            Theme::from_code(value).filter(|t| *t != Theme::Auto),
        ),
        "accent" => set(&mut s.look.accent, parse_hex_colour(value).map(Some)),
        "font" => set(
            &mut s.look.font,
            (!value.trim().is_empty()
                && value.len() <= 40
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-'))
            .then(|| Some(value.trim().to_owned())),
        ),
        "fid" => set(
            &mut s.compact.frame_id,
            ((1..=64).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .then(|| Some(value.to_owned())),
        ),
        _ => false,
    }
}

/// True when a list value has items (each invalid one was already reported on its own).
fn has_items(value: &str) -> bool {
    value.split(',').any(|i| !i.is_empty())
}

/// Items of a comma-separated list that `parse` accepts; the others are reported.
fn list<'a, T>(
    key: &'a str,
    value: &'a str,
    ignored: &'a mut Vec<Ignored>,
    parse: impl Fn(&str) -> Option<T> + 'a,
) -> impl Iterator<Item = T> + 'a {
    value
        .split(',')
        .filter(|i| !i.is_empty())
        .filter_map(move |item| {
            let parsed = parse(item);
            if parsed.is_none() {
                ignored.push(Ignored::new(key, item));
            }
            parsed
        })
}

/// `0a5fb4` or `0af` (case-insensitive) → `0a5fb4`.
fn parse_hex_colour(v: &str) -> Option<String> {
    let v = v.trim_start_matches('#');
    if !v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match v.len() {
        6 => Some(v.to_ascii_lowercase()),
        3 => Some(
            v.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase(),
        ),
        _ => None,
    }
}

/// The query string of `state`: `""` for the default view, else `?v=2&...` with only the
/// values that differ from the defaults, in a fixed key order.
pub fn encode(state: &ViewState) -> String {
    let d = ViewState::default();
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(s) = &state.snapshot {
        pairs.push(("s", s.clone()));
    }
    if let Some(d) = &state.pin {
        pairs.push(("d", d.clone()));
    }
    if state.lang != d.lang {
        pairs.push(("l", state.lang.code().into()));
    }
    if state.tab != d.tab {
        pairs.push(("t", state.tab.code().into()));
    }
    if !state.filters.statuses.is_empty() {
        pairs.push(("st", join(state.filters.statuses.iter().map(Status::code))));
    }
    if !state.filters.units.is_empty() {
        pairs.push(("u", join(state.filters.units.iter().map(String::as_str))));
    }
    if let Some(k) = state.filters.unit_kind {
        pairs.push(("k", unit_kind_code(k).into()));
    }
    if let Some(doc) = &state.filters.document {
        pairs.push(("doc", doc.clone()));
    }
    if let Some(due) = state.filters.due {
        pairs.push(("due", due.to_string()));
    }
    if !state.filters.query.is_empty() {
        pairs.push(("q", state.filters.query.clone()));
    }
    if state.unit_chart.sort != d.unit_chart.sort {
        pairs.push(("us", state.unit_chart.sort.code().into()));
    }
    if state.table.sort != d.table.sort || state.table.descending {
        let dash = if state.table.descending { "-" } else { "" };
        pairs.push(("ts", format!("{dash}{}", state.table.sort.code())));
    }
    if state.table.rows_per_page() != d.table.rows_per_page() {
        pairs.push(("n", state.table.rows_per_page().to_string()));
    }
    if state.table.page() > 1 {
        pairs.push(("pg", state.table.page().to_string()));
    }
    if state.unit_chart.all {
        pairs.push(("ua", "1".into()));
    }
    if !state.compare.is_empty() {
        pairs.push(("cmp", join(state.compare.iter().map(String::as_str))));
    }
    if let Some(g) = state.growth_spans {
        pairs.push(("gs", g.code().into()));
    }
    if let Some(from) = &state.from {
        pairs.push(("from", from.clone()));
    }
    if state.compact.on {
        pairs.push(("embed", "1".into()));
    }
    if !state.compact.parts.is_empty() {
        pairs.push(("show", join(state.compact.parts.iter().map(|p| p.code()))));
    }
    if state.look.theme != d.look.theme {
        pairs.push(("theme", state.look.theme.code().into()));
    }
    if let Some(a) = &state.look.accent {
        pairs.push(("accent", a.clone()));
    }
    if let Some(f) = &state.look.font {
        pairs.push(("font", f.clone()));
    }
    if let Some(fid) = &state.compact.frame_id {
        pairs.push(("fid", fid.clone()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let mut out = format!("?v={LINK_VERSION}");
    for (k, v) in pairs {
        out.push('&');
        out.push_str(k);
        out.push('=');
        // Lists keep their commas readable; free text gets them encoded.
        let keep_commas = matches!(k, "st" | "u" | "show" | "cmp");
        percent_encode_into(&v, keep_commas, &mut out);
    }
    out
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(",")
}

/// Percent-encodes everything but unreserved characters and `/` (and `,` when asked).
fn percent_encode_into(s: &str, keep_commas: bool, out: &mut String) {
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (keep_commas && b == b',');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// Decodes `%XX` and `+` (as space); `None` for malformed escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_state::Filters;

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode("").state, ViewState::default());
    }

    #[test]
    fn only_values_that_differ_from_defaults_are_written() {
        let state = ViewState {
            filters: Filters {
                statuses: StatusSet::only(Status::Overdue),
                unit_kind: Some(UnitKind::Locality),
                ..Filters::default()
            },
            tab: Tab::Tasks,
            ..ViewState::default()
        };
        assert_eq!(encode(&state), "?v=2&st=od&k=loc");
    }

    #[test]
    fn free_text_is_percent_encoded_and_decoded() {
        let state = ViewState {
            filters: Filters {
                query: "Hạ Long, 100%".into(),
                document: Some("108/QĐ-UBND".into()),
                ..Filters::default()
            },
            ..ViewState::default()
        };
        let q = encode(&state);
        assert_eq!(
            q,
            "?v=2&doc=108/Q%C4%90-UBND&q=H%E1%BA%A1%20Long%2C%20100%25"
        );
        assert_eq!(decode(&q).state, state);
        assert_eq!(decode("?q=H%E1%BA%A1+Long").state.filters.query, "Hạ Long");
    }

    #[test]
    fn invalid_values_are_ignored_and_reported() {
        let d = decode("?st=od,zz&k=city&pg=0&foo=1&utm_source=fb");
        assert_eq!(d.state.filters.statuses, StatusSet::only(Status::Overdue));
        assert_eq!(d.state.filters.unit_kind, None);
        let ignored: Vec<String> = d.ignored.iter().map(|i| i.to_string()).collect();
        assert_eq!(ignored, ["st=zz", "k=city", "pg=0", "foo=1"]);
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value() {
        let d = decode("?l=en&l=vi");
        assert_eq!(d.state.lang, Lang::En);
        assert_eq!(d.ignored, [Ignored::new("l", "vi")]);
    }

    #[test]
    fn links_from_a_newer_version_are_read_as_far_as_possible() {
        let d = decode("?v=9&l=en");
        assert!(d.from_newer_version);
        assert_eq!(d.state.lang, Lang::En);
    }

    #[test]
    fn malformed_escapes_are_ignored() {
        let d = decode("?q=%E1%BA&l=en");
        assert_eq!(d.state.filters.query, "");
        assert_eq!(d.state.lang, Lang::En);
        assert_eq!(d.ignored.len(), 1);
    }

    #[test]
    fn a_version_1_link_to_a_later_page_keeps_its_20_row_pages() {
        let v1 = decode("?v=1&st=od&pg=3").state;
        assert_eq!((v1.table.rows_per_page(), v1.table.page()), (20, 3));
        assert_eq!(encode(&v1), "?v=2&st=od&n=20&pg=3");
        // Without a version a link is version 1; its first page needs nothing kept.
        assert_eq!(decode("?pg=2").state.table.rows_per_page(), 20);
        assert_eq!(decode("?st=od").state.table.rows_per_page(), 10);
        // A version 2 link means what it says.
        assert_eq!(decode("?v=2&pg=3").state.table.rows_per_page(), 10);
        assert_eq!(decode("?v=1&n=50&pg=2").state.table.rows_per_page(), 50);
    }

    #[test]
    fn page_sizes_outside_the_offer_are_ignored() {
        let d = decode("?v=2&n=15&ua=2");
        assert_eq!(d.state.table.rows_per_page(), 10);
        assert!(!d.state.unit_chart.all);
        let ignored: Vec<String> = d.ignored.iter().map(|i| i.to_string()).collect();
        assert_eq!(ignored, ["n=15", "ua=2"]);
        assert_eq!(decode("?v=2&n=10").state, ViewState::default());
    }

    #[test]
    fn a_new_page_size_keeps_the_first_row_in_view() {
        let mut v = decode("?v=2&pg=4").state; // rows 31–40
        v.table.set_rows_per_page(20);
        assert_eq!((v.table.rows_per_page(), v.table.page()), (20, 2)); // rows 21–40
        v.table.set_rows_per_page(50);
        assert_eq!(v.table.page(), 1);
        v.table.set_rows_per_page(10);
        assert_eq!((v.table.page_size, v.table.page()), (0, 1));
    }

    #[test]
    fn accent_colours_are_normalised() {
        assert_eq!(
            decode("?accent=0AF").state.look.accent.as_deref(),
            Some("00aaff")
        );
        assert_eq!(decode("?accent=red").ignored.len(), 1);
    }
}
