//! The snapshot format, version 1, as it is written in JSON.
//!
//! These types mirror the file one to one, so that the JSON Schema generated from them
//! (`snapshot-tool schema`) is the format's reference and cannot drift. They are written with
//! serde (the generator) and read by `decode.rs`, whose field lists the compiler checks
//! against these structs; the `#[serde]` attributes also shape the schema. They say nothing about
//! consistency: a `Snapshot` only becomes usable as a [`super::ValidSnapshot`] after
//! [`super::validate`]. Every struct denies unknown fields, so a typo is an error with a path
//! instead of a silently missing figure.

use serde::Serialize;

use super::values::{Date, HttpUrl, Period, PublicationDate, Text};

/// The value of the `format` field of every snapshot file.
pub const SNAPSHOT_FORMAT: &str = "task-dashboard/snapshot";
/// The value of the `format` field of a deployment's manifest.
pub const MANIFEST_FORMAT: &str = "task-dashboard/manifest";
/// The only version of both formats this code reads.
pub const FORMAT_VERSION: u32 = 1;

/// One snapshot: the figures a People's Committee reported at one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Always `"task-dashboard/snapshot"`.
    pub format: String,
    /// Format version; this is version 1.
    pub version: u32,
    /// Stable identifier, used in links (`?s=<id>`). Lowercase letters, digits, `-`, `_`, `.`.
    /// A snapshot with revised figures gets a new id, so that a link keeps showing what it showed.
    pub id: String,
    /// The date the figures describe ("status at the end of March 2021" → 2021-03-31).
    /// Task statuses are derived against this date.
    pub as_of: Date,
    /// Headline of the snapshot.
    pub title: Text,
    /// Who assigns and reports (e.g. "UBND tỉnh Quảng Ninh").
    pub jurisdiction: Text,
    /// `official`: published figures, shown as they were published. `illustrative`: generated
    /// or made-up figures; the widget always shows a visible notice.
    pub data_status: DataStatus,
    /// Optional explanation shown with the data (why it is illustrative, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Text>,
    /// Where the figures come from. Figures may name their own source when it differs.
    pub source: Source,
    /// The units (departments, agencies, localities) tasks are assigned to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// Tasks assigned and their status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Tasks>,
    /// Documents issued, by type, and meetings held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Documents>,
    /// Schemes / programmes: how many of how many are done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<Scheme>,
    /// Economic growth (GRDP) actuals, estimates and targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
}

/// Whether the figures are real published ones or generated for demonstration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DataStatus {
    Official,
    Illustrative,
}

/// What a figure is: a final actual, an early estimate ("ước"), or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    #[default]
    Actual,
    Estimate,
    Target,
}

impl FigureKind {
    fn is_actual(&self) -> bool {
        *self == FigureKind::Actual
    }
}

/// A publication figures come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Publisher or outlet (e.g. "Báo Quảng Ninh", "danviet.vn").
    pub name: String,
    /// The publisher's name in English, when it is not the same (a body's, "The Prime
    /// Minister's Working Group"; an outlet's own name, "danviet.vn", needs none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Title of the article or report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Author, when the publication names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub published: Option<PublicationDate>,
    /// Link to the publication (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub url: Option<HttpUrl>,
}

impl Source {
    /// A source known by its name alone (the generator, tests).
    pub fn named(name: &str) -> Source {
        Source {
            name: name.to_owned(),
            name_en: None,
            title: None,
            author: None,
            published: None,
            url: None,
        }
    }
}

/// A department/agency or a locality that tasks are assigned to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identifier used by task records, per-unit counts and links.
    pub id: String,
    /// Full name.
    pub name: Text,
    /// Short name for narrow screens and chart labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    pub kind: UnitKind,
}

/// Government reporting separates departments/agencies (sở, ban, ngành) from localities
/// (địa phương: cities, towns, districts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Department,
    Locality,
}

/// Tasks assigned, in one or more of three forms: totals, per-unit counts, task records.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tasks {
    /// Who assigned the tasks (e.g. "UBND tỉnh").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_by: Option<Text>,
    /// Kind of the counts; `actual` when absent.
    #[serde(default, skip_serializing_if = "FigureKind::is_actual")]
    pub kind: FigureKind,
    /// The first day of the reporting period the counts cover, which ends at the snapshot's
    /// `as_of` ("01/01–25/12/2017" → 2017-01-01). Absent: the report gives the end alone.
    /// Counts over a few months and over a year are not comparable; this says which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Date>,
    /// Source of the task figures when it differs from the snapshot's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Counts in the four statuses for all tasks. With `records`, must equal their derived counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<StatusCounts>,
    /// Shares of `totals` as the report published them ("223 overdue, 1.38%"). The widget
    /// shows each beside the share it computes from the counts when the two differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_shares: Vec<PublishedShare>,
    /// Counts per unit. When they don't add up to `totals` the widget says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_unit: Vec<UnitCounts>,
    /// Documents that assigned tasks, referenced by `records[].document`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigning_documents: Vec<AssigningDocument>,
    /// Individual tasks; their status is derived from their dates and the snapshot's `as_of`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<TaskRecord>,
}

/// Counts in the four statuses. A group may be known only as a sum: `completed` without
/// `on_time`/`late`, or `not_completed` without `overdue`/`within_deadline`. A sum with one
/// part gives the other part by subtraction; a part is never invented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusCounts {
    /// Completed on or before the due date (hoàn thành đúng hạn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time: Option<u32>,
    /// Completed after the due date (hoàn thành quá hạn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late: Option<u32>,
    /// All completed tasks, when the report does not split them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<u32>,
    /// Not completed and past the due date (chưa hoàn thành, quá hạn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue: Option<u32>,
    /// Not completed, still within the deadline (chưa hoàn thành, còn trong hạn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_deadline: Option<u32>,
    /// All tasks not completed, when the report does not split them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_completed: Option<u32>,
    /// All tasks; when given, must equal the sum of the groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
}

/// A share of all tasks as a report published it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublishedShare {
    /// The count of `totals` it is a share of.
    pub of: CountName,
    /// Percent, as published (1.38 for "1,38%").
    pub percent: f64,
    /// What the report says it divides by, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Text>,
}

/// A count of [`StatusCounts`], by its member's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CountName {
    OnTime,
    Late,
    Completed,
    Overdue,
    WithinDeadline,
    NotCompleted,
}

/// Counts of one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitCounts {
    /// A `units[].id`.
    pub unit: String,
    pub counts: StatusCounts,
}

/// A document that assigns tasks (e.g. "108/QĐ-UBND").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssigningDocument {
    /// Its number as written on it, e.g. "108/QĐ-UBND".
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

/// One task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskRecord {
    /// Unique within the snapshot.
    pub id: String,
    pub title: String,
    /// A `units[].id`: the unit in charge.
    pub unit: String,
    /// An `assigning_documents[].id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub assigned: Date,
    pub due: Date,
    /// Completion date; absent while not completed. Not after the snapshot's `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
}

/// Documents issued in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// The period the counts cover, e.g. "2021-Q1".
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Counts by document type.
    pub issued: Vec<DocumentCount>,
    /// Meetings held in the period (not documents, reported beside them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<u32>,
    /// Notable subsets ("of which 131 directed Covid-19 prevention").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub of_which: Vec<LabelledCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentCount {
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub count: u32,
    /// Label overriding the type's standard name; required for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// Types of documents a People's Committee issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// Quyết định.
    Decision,
    /// Công văn.
    OfficialLetter,
    /// Chỉ thị.
    Directive,
    /// Báo cáo chuyên đề.
    ThematicReport,
    /// Thông báo.
    Notice,
    /// Kế hoạch.
    Plan,
    /// Báo cáo của Ban Cán sự Đảng UBND tỉnh gửi Thường trực Tỉnh ủy.
    PartyReport,
    /// Nghị quyết.
    Resolution,
    /// Anything else; needs a `label`.
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LabelledCount {
    pub label: Text,
    pub count: u32,
}

/// A scheme or programme: `done` of `total` completed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub label: Text,
    pub done: u32,
    pub total: u32,
    /// When the count was reported, if not the snapshot's `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A growth indicator (GRDP) over periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// E.g. "Tăng trưởng GRDP" / "GRDP growth".
    pub indicator: Text,
    /// One entry per period; the widget orders them in time.
    pub points: Vec<GrowthPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GrowthPoint {
    /// "2021" (whole year), "2021-Q1".."2021-Q4" (one quarter), "2021-H1" (first six months),
    /// "2021-H2" (last six months), "2021-9M" (first nine months).
    pub period: Period,
    /// At most one measured value (actual or estimate) and any number of targets.
    pub values: Vec<GrowthValue>,
}

/// One growth figure in percent, year on year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GrowthValue {
    pub kind: FigureKind,
    /// Percent, e.g. 9.02.
    pub value: f64,
    /// For targets: "at least" (≥, e.g. "double-digit" = at least 10) or "above" (>).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// How the source phrased it ("double-digit", "scenario").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Source of this figure when it differs from the snapshot's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// `current` (when absent): the figure the period is drawn with. `superseded`: an earlier
    /// figure a later one revised ("7,75%, later 8,02%"). `disputed`: another source's figure
    /// for the same thing ("8,2%; another source: 8,6%"). Either is shown beside the current
    /// one, never drawn, and kept in the data table and its CSV.
    #[serde(default, skip_serializing_if = "ValueStatus::is_current")]
    pub status: ValueStatus,
}

/// Whether a growth figure is the one a period is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    #[default]
    Current,
    Superseded,
    Disputed,
}

impl ValueStatus {
    pub fn is_current(&self) -> bool {
        *self == ValueStatus::Current
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    AtLeast,
    Above,
}

/// A deployment's list of snapshots (`data/manifest.json`). Links may name only these.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always `"task-dashboard/manifest"`.
    pub format: String,
    pub version: u32,
    /// Id of the snapshot shown when a link names none.
    pub default: String,
    pub snapshots: Vec<ManifestEntry>,
    /// The series of this deployment: snapshots of one body over time, named here once and
    /// referred to by each entry's `series`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<SeriesInfo>,
}

/// Snapshots of one body over time (a People's Committee's quarterly reports), which the
/// series view draws side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeriesInfo {
    /// Referred to by `snapshots[].series`; letters, digits, `-` and `_`.
    pub id: String,
    /// The body, as the series view names it ("Chính phủ, Thủ tướng Chính phủ").
    pub title: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// Must equal the `id` inside the file.
    pub id: String,
    /// Path of the file relative to the manifest; no scheme, no `..`, no leading `/`.
    pub path: String,
    pub title: Text,
    pub as_of: Date,
    pub data_status: DataStatus,
    /// The file's Subresource Integrity, `sha256-` and the base64 of its SHA-256, written by
    /// `snapshot-tool publish`. The widget refuses a file that does not match it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<String>,
    /// The file's size in bytes (`snapshot-tool publish`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u32>,
    /// Written by `snapshot-tool publish` for a snapshot with task records: the same snapshot
    /// without them (totals and counts per unit). Embeds draw it and never download records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<PublishedFile>,
    /// The id of the series (in the manifest's `series`) this snapshot belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

impl Snapshot {
    /// The first day the task counts cover, when the report gives it (`tasks.period_start`).
    pub fn period_start(&self) -> Option<Date> {
        self.tasks.as_ref()?.period_start
    }
}

impl ManifestEntry {
    /// The version of the data published now: the 16 hex digits of its SHA-256 that
    /// `snapshot-tool publish` puts in the file's name (`snapshots/<id>.<hash>.json`). `None`
    /// for a file not published so (an editor's manifest).
    pub fn content_hash(&self) -> Option<&str> {
        self.integrity.as_ref()?;
        let stem = self.path.strip_suffix(".json")?;
        let hash = &stem[stem.rfind('.')? + 1..];
        is_content_hash(hash).then_some(hash)
    }

    /// Where `publish` wrote another version of this snapshot, by its hash: the same name with
    /// that hash (publishing never deletes a version). `None` when this entry was not
    /// published by hash, or `hash` is not one.
    pub fn version_path(&self, hash: &str) -> Option<String> {
        let current = self.content_hash()?;
        if !is_content_hash(hash) {
            return None;
        }
        let stem = self.path.strip_suffix(&format!("{current}.json"))?;
        Some(format!("{stem}{hash}.json"))
    }
}

/// Whether `text` is a content hash as publish writes it: 16 lowercase hex digits.
pub fn is_content_hash(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A file `snapshot-tool publish` wrote: its path (with its hash in the name, so it can be
/// cached for ever), integrity and size.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublishedFile {
    /// Relative to the manifest, like `ManifestEntry::path`.
    pub path: String,
    /// `sha256-` and the base64 of the file's SHA-256.
    pub integrity: String,
    pub bytes: u32,
}
