//! Which reports the series view sets side by side: the link's `cmp=`, else the shown
//! snapshot's series (oldest first); and the reader's choices among them.

use super::query::MAX_COMPARED;
use super::ViewState;
use crate::snapshot::{Manifest, ManifestEntry, SeriesInfo};

/// The reports of the series view, and the body when they are all one body's.
#[derive(Debug, PartialEq)]
pub struct SeriesMembers<'m> {
    pub body: Option<&'m SeriesInfo>,
    /// In the order drawn: one body's oldest first; others in the link's order.
    pub entries: Vec<&'m ManifestEntry>,
    /// Ids of `cmp=` the manifest does not list (told, and dropped from the link).
    pub unknown: Vec<String>,
}

impl SeriesMembers<'_> {
    /// Whether the pages of the shown snapshot bake these reports (`bake::baked_series`):
    /// one body's, two or more.
    pub fn baked(&self) -> bool {
        self.body.is_some() && self.entries.len() > 1
    }
}

impl ManifestEntry {
    /// The series this entry belongs to, as the manifest names it.
    pub fn series_in<'m>(&self, manifest: &'m Manifest) -> Option<&'m SeriesInfo> {
        let id = self.series.as_deref()?;
        manifest.series.iter().find(|s| s.id == id)
    }
}

/// The entries of the manifest that belong to a series: the reports the view can offer.
pub fn series_entries(manifest: &Manifest) -> impl Iterator<Item = &ManifestEntry> {
    manifest.snapshots.iter().filter(|e| e.series.is_some())
}

impl ViewState {
    /// The id of the snapshot shown: the link's, else the manifest's default.
    pub fn shown_id<'a>(&'a self, manifest: &'a Manifest) -> &'a str {
        self.snapshot.as_deref().unwrap_or(&manifest.default)
    }

    /// The reports the series view draws ([`SeriesMembers`]).
    pub fn series_members<'m>(&self, manifest: &'m Manifest) -> SeriesMembers<'m> {
        let find = |id: &str| manifest.snapshots.iter().find(|e| e.id == id);
        let (mut entries, unknown): (Vec<&ManifestEntry>, Vec<String>) = if self.compare.is_empty()
        {
            let shown = find(self.shown_id(manifest));
            let entries = match shown.and_then(|e| e.series.as_deref()) {
                Some(series) => (manifest.snapshots.iter())
                    .filter(|e| e.series.as_deref() == Some(series))
                    .collect(),
                None => shown.into_iter().collect(),
            };
            (entries, Vec::new())
        } else {
            let mut entries = Vec::new();
            let mut unknown = Vec::new();
            for id in &self.compare {
                match find(id) {
                    Some(e) => entries.push(e),
                    None => unknown.push(id.clone()),
                }
            }
            (entries, unknown)
        };
        let first_series = entries.first().and_then(|e| e.series.as_deref());
        let one_body =
            first_series.is_some() && entries.iter().all(|e| e.series.as_deref() == first_series);
        let body = if one_body {
            entries.first().and_then(|e| e.series_in(manifest))
        } else {
            None
        };
        if body.is_some() {
            // Over time: oldest first (the manifest's order breaks ties).
            crate::order::sort_by_key(&mut entries, |e| e.as_of);
        }
        SeriesMembers {
            body,
            entries,
            unknown,
        }
    }

    /// A report ticked or unticked in the series view: in or out of the reports compared
    /// (starting from those drawn now). Back to the shown snapshot's series, `cmp` is not
    /// written; the last report stays.
    pub fn toggle_compared(&mut self, id: &str, manifest: &Manifest) {
        let mut ids: Vec<String> = (self.series_members(manifest).entries.iter())
            .map(|e| e.id.clone())
            .collect();
        match ids.iter().position(|x| x == id) {
            Some(_) if ids.len() == 1 => return,
            Some(i) => {
                ids.remove(i);
            }
            None if ids.len() >= MAX_COMPARED => return,
            None => ids.push(id.to_owned()),
        }
        self.compare = ids;
        let default: Vec<String> = {
            let mut v = self.clone();
            v.compare.clear();
            (v.series_members(manifest).entries.iter())
                .map(|e| e.id.clone())
                .collect()
        };
        let same = default.len() == self.compare.len()
            && default.iter().all(|id| self.compare.contains(id));
        if same {
            self.compare.clear();
        }
    }

    /// Back to the shown snapshot's series.
    pub fn reset_compared(&mut self) {
        self.compare.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::parse_manifest;

    fn manifest() -> Manifest {
        let entry = |id: &str, as_of: &str, series: Option<&str>| {
            let series = series.map_or(String::new(), |s| format!(r#", "series": "{s}""#));
            format!(
                r#"{{"id": "{id}", "path": "snapshots/{id}.json", "title": {{"vi": "{id}"}},
                "as_of": "{as_of}", "data_status": "official"{series}}}"#
            )
        };
        let json = format!(
            r#"{{"format": "task-dashboard/manifest", "version": 1, "default": "qn",
            "series": [{{"id": "cp", "title": {{"vi": "Chính phủ"}}}},
                       {{"id": "q", "title": {{"vi": "Quảng Ninh"}}}}],
            "snapshots": [{}, {}, {}, {}, {}]}}"#,
            entry("qn", "2021-03-31", Some("q")),
            entry("cp8", "2021-08-31", Some("cp")),
            entry("cp2017", "2017-12-25", Some("cp")),
            entry("cp4", "2021-04-30", Some("cp")),
            entry("grdp", "2025-03-31", None),
        );
        parse_manifest("m.json", json.as_str()).expect("a valid manifest")
    }

    fn ids(m: &SeriesMembers<'_>) -> Vec<String> {
        m.entries.iter().map(|e| e.id.clone()).collect()
    }

    #[test]
    fn the_shown_snapshots_series_oldest_first() {
        let m = manifest();
        let v = ViewState {
            snapshot: Some("cp8".into()),
            ..ViewState::default()
        };
        let members = v.series_members(&m);
        assert_eq!(ids(&members), ["cp2017", "cp4", "cp8"]);
        assert_eq!(members.body.map(|b| b.id.as_str()), Some("cp"));
        // A snapshot of no series is drawn alone.
        let alone = ViewState {
            snapshot: Some("grdp".into()),
            ..ViewState::default()
        };
        assert_eq!(ids(&alone.series_members(&m)), ["grdp"]);
    }

    #[test]
    fn reports_compared_keep_the_links_order_and_name_the_unknown() {
        let m = manifest();
        let v = ViewState {
            compare: vec!["qn".into(), "gone".into(), "cp4".into()],
            ..ViewState::default()
        };
        let members = v.series_members(&m);
        assert_eq!(ids(&members), ["qn", "cp4"]);
        assert_eq!(members.body, None);
        assert_eq!(members.unknown, ["gone"]);
    }

    #[test]
    fn ticking_reports_writes_cmp_and_back_to_the_series_drops_it() {
        let m = manifest();
        let mut v = ViewState {
            snapshot: Some("cp4".into()),
            ..ViewState::default()
        };
        v.toggle_compared("qn", &m);
        assert_eq!(v.compare, ["cp2017", "cp4", "cp8", "qn"]);
        assert_eq!(ids(&v.series_members(&m)), ["cp2017", "cp4", "cp8", "qn"]);
        v.toggle_compared("qn", &m);
        assert!(v.compare.is_empty(), "{:?}", v.compare);
        v.toggle_compared("cp2017", &m);
        assert_eq!(v.compare, ["cp4", "cp8"]);
        // Still one body: drawn as its series over time.
        assert_eq!(v.series_members(&m).body.map(|b| b.id.as_str()), Some("cp"));
        v.toggle_compared("cp8", &m);
        v.toggle_compared("cp4", &m);
        assert_eq!(v.compare, ["cp4"], "the last report stays");
    }
}
