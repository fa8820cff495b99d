//! From parsed JSON to a [`ValidSnapshot`]: every rule of the format that serde cannot check,
//! each failure reported with its JSON path.

use std::collections::HashMap;

use super::error::{DataError, Issue, Issues, Quoted};
use super::model::*;
use super::readable::{text_problem, NOTICE_CHARS, TEXT_CHARS};
use super::records::{check_records, ResolvedRecords};
use super::status::{GroupTally, StatusTally};

/// A snapshot that passed validation, with what validation derived from it. The only way to
/// get one is [`validate`] (or [`super::parse_snapshot`]), so views can trust it.
#[derive(Debug)]
pub struct ValidSnapshot {
    snapshot: Snapshot,
    tasks: Option<TaskData>,
    warnings: Vec<Issue>,
}

/// Task figures in the form views use.
#[derive(Debug)]
pub struct TaskData {
    /// Counts for all tasks: from the records, else `totals`, else the sum of `by_unit`.
    pub totals: StatusTally,
    /// Counts per unit, indexed like `Snapshot::units`; `None` for a unit without figures.
    /// Empty when the snapshot has neither records nor per-unit counts.
    pub by_unit: Vec<Option<StatusTally>>,
    /// Each record's status, unit and document, when the snapshot has records (and the
    /// build reads them: the `records` feature), until the task index takes them
    /// ([`ValidSnapshot::take_resolved_records`]).
    pub records: Option<ResolvedRecords>,
}

impl ValidSnapshot {
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }
    pub fn tasks(&self) -> Option<&TaskData> {
        self.tasks.as_ref()
    }
    /// What validation resolved of the task records, moved out for the task index
    /// (`tasks::IndexedSnapshot::new`), which then holds the only copy. `None` without records,
    /// once taken, or without the `records` feature (the compiler then drops the code that
    /// reads them).
    pub fn take_resolved_records(&mut self) -> Option<ResolvedRecords> {
        if !cfg!(feature = "records") {
            return None;
        }
        self.tasks.as_mut()?.records.take()
    }
    /// Records of the snapshot (empty for aggregate-only snapshots).
    pub fn records(&self) -> &[TaskRecord] {
        self.snapshot
            .tasks
            .as_ref()
            .map_or(&[][..], |t| &t.records[..])
    }
    /// Inconsistencies that do not stop the figures being shown, but must be shown with them
    /// (e.g. per-unit counts that do not add up to the total).
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
    pub fn is_illustrative(&self) -> bool {
        self.snapshot.data_status == DataStatus::Illustrative
    }
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.snapshot.units.iter().position(|u| u.id == id)
    }
    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.snapshot
            .tasks
            .as_ref()?
            .assigning_documents
            .iter()
            .position(|d| d.id == id)
    }
}

/// Checks a parsed snapshot. `file` names it in the error.
pub fn validate(file: &str, mut snapshot: Snapshot) -> Result<ValidSnapshot, DataError> {
    let mut issues = Issues::default();
    let mut warnings = Vec::new();

    check_header(
        &mut issues,
        &snapshot.format,
        SNAPSHOT_FORMAT,
        snapshot.version,
    );
    check_id(&mut issues, "id", &snapshot.id);
    check_text(&mut issues, "title", &snapshot.title);
    check_text(&mut issues, "jurisdiction", &snapshot.jurisdiction);
    if let Some(notice) = &snapshot.notice {
        check_text_of(&mut issues, "notice", notice, NOTICE_CHARS);
    }
    check_source(&mut issues, "source", &snapshot.source);
    // A snapshot with no figures would be a page of headings: refused, with what it may hold.
    if snapshot.tasks.is_none()
        && snapshot.documents.is_none()
        && snapshot.schemes.is_empty()
        && snapshot.growth.is_none()
    {
        issues.push(
            "",
            "expected figures: at least one of \"tasks\", \"documents\", \"schemes\" or \"growth\"",
        );
    }

    let mut unit_ids: HashMap<&str, u16> = HashMap::new();
    if snapshot.units.len() > usize::from(u16::MAX) {
        issues.push("units", "expected at most 65535 units");
    }
    for (i, unit) in snapshot.units.iter().enumerate() {
        let path = format!("units[{i}]");
        check_id(&mut issues, &format!("{path}.id"), &unit.id);
        check_text(&mut issues, &format!("{path}.name"), &unit.name);
        if let Some(short) = &unit.short {
            check_text(&mut issues, &format!("{path}.short"), short);
        }
        if unit_ids.insert(&unit.id, i as u16).is_some() {
            issues.push(
                format!("{path}.id"),
                format!("duplicate unit id {}", Quoted(&unit.id)),
            );
        }
    }

    let tasks = snapshot
        .tasks
        .as_ref()
        .and_then(|t| validate_tasks(t, &snapshot, &unit_ids, &mut issues, &mut warnings));

    if let Some(docs) = &snapshot.documents {
        if let Some(source) = &docs.source {
            check_source(&mut issues, "documents.source", source);
        }
        for (i, d) in docs.issued.iter().enumerate() {
            if let Some(label) = &d.label {
                check_text(&mut issues, &format!("documents.issued[{i}].label"), label);
            }
            if d.doc_type == DocType::Other && d.label.is_none() {
                issues.push(
                    format!("documents.issued[{i}].label"),
                    "expected a label for a document of type \"other\"",
                );
            }
            let dup = docs.issued[..i]
                .iter()
                .any(|e| e.doc_type == d.doc_type && e.doc_type != DocType::Other);
            if dup {
                issues.push(
                    format!("documents.issued[{i}].type"),
                    "this document type is listed twice",
                );
            }
        }
    }

    for (i, s) in snapshot.schemes.iter().enumerate() {
        let path = format!("schemes[{i}]");
        check_text(&mut issues, &format!("{path}.label"), &s.label);
        if s.total == 0 {
            issues.push(format!("{path}.total"), "expected at least 1");
        } else if s.done > s.total {
            issues.push(
                format!("{path}.done"),
                format!("expected at most total ({}), found {}", s.total, s.done),
            );
        }
        if let Some(source) = &s.source {
            check_source(&mut issues, &format!("{path}.source"), source);
        }
    }

    if let Some(growth) = &mut snapshot.growth {
        validate_growth(growth, &mut issues);
        crate::order::sort_by_key(&mut growth.points, |p| p.period.sort_key());
    }

    if issues.is_empty() {
        Ok(ValidSnapshot {
            snapshot,
            tasks,
            warnings,
        })
    } else {
        Err(issues.into_error(file))
    }
}

fn validate_tasks(
    tasks: &Tasks,
    snapshot: &Snapshot,
    unit_ids: &HashMap<&str, u16>,
    issues: &mut Issues,
    warnings: &mut Vec<Issue>,
) -> Option<TaskData> {
    if tasks.totals.is_none() && tasks.by_unit.is_empty() && tasks.records.is_empty() {
        issues.push(
            "tasks",
            "expected at least one of `totals`, `by_unit` or `records`",
        );
        return None;
    }
    if let Some(source) = &tasks.source {
        check_source(issues, "tasks.source", source);
    }
    for (i, share) in tasks.published_shares.iter().enumerate() {
        let path = format!("tasks.published_shares[{i}]");
        if !(0.0..=100.0).contains(&share.percent) {
            issues.push(
                format!("{path}.percent"),
                format!(
                    "expected a percent from 0 to 100, found {}",
                    crate::text::plain_number(share.percent, 6)
                ),
            );
        }
        if tasks.totals.is_none() {
            issues.push(
                path.clone(),
                "expected `totals`, of which a published share is a share",
            );
        }
        if let Some(base) = &share.base {
            check_text(issues, &format!("{path}.base"), base);
        }
    }
    if let Some(start) = tasks.period_start.filter(|start| *start > snapshot.as_of) {
        issues.push(
            "tasks.period_start",
            format!(
                "expected the first day of the reporting period, on or before as_of ({}), found {start}",
                snapshot.as_of
            ),
        );
    }
    let totals = tasks
        .totals
        .as_ref()
        .and_then(|c| tally_of(c, "tasks.totals", issues));

    let mut by_unit: Vec<Option<StatusTally>> = Vec::new();
    if !tasks.by_unit.is_empty() {
        by_unit = vec![None; snapshot.units.len()];
        for (i, uc) in tasks.by_unit.iter().enumerate() {
            let path = format!("tasks.by_unit[{i}]");
            let tally = tally_of(&uc.counts, &format!("{path}.counts"), issues);
            match unit_ids.get(uc.unit.as_str()) {
                None => issues.push(
                    format!("{path}.unit"),
                    format!(
                        "expected the id of one of `units`, found {}",
                        Quoted(&uc.unit)
                    ),
                ),
                Some(&u) if by_unit[usize::from(u)].is_some() => issues.push(
                    format!("{path}.unit"),
                    format!("unit {} has counts twice", Quoted(&uc.unit)),
                ),
                Some(&u) => by_unit[usize::from(u)] = tally,
            }
        }
    }

    let mut doc_ids: HashMap<&str, u16> = HashMap::new();
    for (i, d) in tasks.assigning_documents.iter().enumerate() {
        let path = format!("tasks.assigning_documents[{i}].id");
        if d.id.trim().is_empty() {
            issues.push(path, "expected a non-empty document number");
        } else if i >= usize::from(u16::MAX) {
            issues.push(path, "expected at most 65534 assigning documents");
        } else if doc_ids.insert(&d.id, i as u16).is_some() {
            issues.push(path, format!("duplicate document {}", Quoted(&d.id)));
        }
    }

    // Without the `records` feature no record is ever read: the compiler drops this.
    let records = (cfg!(feature = "records") && !tasks.records.is_empty())
        .then(|| check_records(&tasks.records, snapshot.as_of, unit_ids, &doc_ids, issues));

    let derived = records.as_ref().map(|records| {
        let mut counts = [0u32; 4];
        let mut per_unit = vec![[0u32; 4]; snapshot.units.len()];
        for (status, &unit) in records.status.iter().zip(&records.unit) {
            counts[status.index()] += 1;
            if let Some(unit) = per_unit.get_mut(usize::from(unit)) {
                unit[status.index()] += 1;
            }
        }
        (
            StatusTally::from_counts(counts),
            per_unit
                .into_iter()
                .map(|c| Some(StatusTally::from_counts(c)))
                .collect::<Vec<_>>(),
        )
    });

    if !issues.is_empty() {
        return None;
    }

    let totals = match (derived, totals) {
        (Some((from_records, per_unit)), given) => {
            if let Some(given) = given {
                compare_tallies(
                    issues,
                    "tasks.totals",
                    &given,
                    &from_records,
                    "the records give",
                );
            }
            if !by_unit.is_empty() {
                for (u, given) in by_unit.iter().enumerate() {
                    if let (Some(given), Some(Some(derived))) = (given, per_unit.get(u)) {
                        let path =
                            format!("tasks.by_unit (unit {})", Quoted(&snapshot.units[u].id));
                        compare_tallies(issues, &path, given, derived, "its records give");
                    }
                }
            }
            by_unit = per_unit;
            from_records
        }
        (None, Some(given)) => {
            if !by_unit.is_empty() {
                let sum = sum_tallies(&by_unit);
                if sum != given {
                    warnings.push(Issue::new(
                        "tasks.by_unit",
                        format!(
                            "per-unit counts add up to {} tasks ({}), but tasks.totals says {} ({})",
                            sum.total(),
                            describe(&sum),
                            given.total(),
                            describe(&given)
                        ),
                    ));
                }
            }
            given
        }
        (None, None) => sum_tallies(&by_unit),
    };
    Some(TaskData {
        totals,
        by_unit,
        records,
    })
}

fn sum_tallies(tallies: &[Option<StatusTally>]) -> StatusTally {
    tallies
        .iter()
        .flatten()
        .fold(StatusTally::default(), |acc, t| acc.plus(t))
}

fn describe(t: &StatusTally) -> String {
    let group = |g: GroupTally, a: &str, b: &str, sum: &str| match g {
        GroupTally::Split(x, y) => format!("{a} {x}, {b} {y}"),
        GroupTally::SumOnly(s) => format!("{sum} {s}"),
    };
    format!(
        "{}, {}",
        group(t.completed, "on_time", "late", "completed"),
        group(
            t.not_completed,
            "overdue",
            "within_deadline",
            "not_completed"
        )
    )
}

fn compare_tallies(
    issues: &mut Issues,
    path: &str,
    given: &StatusTally,
    derived: &StatusTally,
    derived_name: &str,
) {
    let consistent = given.total() == derived.total()
        && given.completed.sum() == derived.completed.sum()
        && super::Status::ALL
            .iter()
            .all(|s| given.get(*s).is_none() || given.get(*s) == derived.get(*s));
    if !consistent {
        issues.push(
            path,
            format!(
                "counts ({}) differ from what {derived_name} ({})",
                describe(given),
                describe(derived)
            ),
        );
    }
}

/// Turns the counts of a report into a tally, or says which part is missing or inconsistent.
fn tally_of(c: &StatusCounts, path: &str, issues: &mut Issues) -> Option<StatusTally> {
    let completed = group_of(
        issues,
        path,
        (c.on_time, "on_time"),
        (c.late, "late"),
        (c.completed, "completed"),
    );
    let not_completed = group_of(
        issues,
        path,
        (c.overdue, "overdue"),
        (c.within_deadline, "within_deadline"),
        (c.not_completed, "not_completed"),
    );
    let tally = StatusTally {
        completed: completed?,
        not_completed: not_completed?,
    };
    let sum = u64::from(tally.completed.sum()) + u64::from(tally.not_completed.sum());
    if sum > u64::from(u32::MAX) {
        issues.push(path, "counts add up to more than 4294967295");
        return None;
    }
    if let Some(total) = c.total {
        if u64::from(total) != sum {
            issues.push(
                format!("{path}.total"),
                format!("expected the sum of the statuses ({sum}), found {total}"),
            );
            return None;
        }
    }
    Some(tally)
}

fn group_of(
    issues: &mut Issues,
    path: &str,
    (a, a_name): (Option<u32>, &str),
    (b, b_name): (Option<u32>, &str),
    (sum, sum_name): (Option<u32>, &str),
) -> Option<GroupTally> {
    let split = |x: u32, y: u32| GroupTally::Split(x, y);
    match (a, b, sum) {
        (Some(x), Some(y), None) => Some(split(x, y)),
        (Some(x), Some(y), Some(s)) if u64::from(x) + u64::from(y) == u64::from(s) => {
            Some(split(x, y))
        }
        (Some(x), Some(y), Some(s)) => {
            issues.push(
                format!("{path}.{sum_name}"),
                format!(
                    "expected {a_name} + {b_name} = {}, found {s}",
                    u64::from(x) + u64::from(y)
                ),
            );
            None
        }
        (Some(x), None, Some(s)) if x <= s => Some(split(x, s - x)),
        (None, Some(y), Some(s)) if y <= s => Some(split(s - y, y)),
        (Some(_), None, Some(s)) | (None, Some(_), Some(s)) => {
            issues.push(
                format!("{path}.{sum_name}"),
                format!("expected at least its part, found {s}"),
            );
            None
        }
        (None, None, Some(s)) => Some(GroupTally::SumOnly(s)),
        (None, None, None) => {
            issues.push(
                path,
                format!("expected `{a_name}` and `{b_name}`, or their sum `{sum_name}`"),
            );
            None
        }
        (Some(_), None, None) | (None, Some(_), None) => {
            let (given, missing) = if a.is_some() {
                (a_name, b_name)
            } else {
                (b_name, a_name)
            };
            issues.push(
                path,
                format!("`{given}` is given without `{missing}` or `{sum_name}`; the other part cannot be derived"),
            );
            None
        }
    }
}

fn validate_growth(growth: &Growth, issues: &mut Issues) {
    check_text(issues, "growth.indicator", &growth.indicator);
    for (i, point) in growth.points.iter().enumerate() {
        let path = format!("growth.points[{i}]");
        if growth.points[..i].iter().any(|p| p.period == point.period) {
            issues.push(
                format!("{path}.period"),
                format!("period {} is listed twice", point.period),
            );
        }
        if point.values.is_empty() {
            issues.push(format!("{path}.values"), "expected at least one value");
        }
        let measured = |current: bool| {
            (point.values.iter())
                .filter(|v| v.kind != FigureKind::Target && v.status.is_current() == current)
                .count()
        };
        if measured(true) > 1 {
            issues.push(
                format!("{path}.values"),
                "expected at most one current actual or estimate per period: when sources disagree, \
                 pick one and name its source, and mark the other \"disputed\" (an earlier figure \
                 revised since: \"superseded\")",
            );
        }
        if measured(false) > 0 && measured(true) == 0 {
            issues.push(
                format!("{path}.values"),
                "expected a current actual or estimate beside a superseded or disputed one",
            );
        }
        for (j, v) in point.values.iter().enumerate() {
            let vpath = format!("{path}.values[{j}]");
            if !v.value.is_finite() || !(-100.0..=1000.0).contains(&v.value) {
                issues.push(
                    format!("{vpath}.value"),
                    format!(
                        "expected a percentage between -100 and 1000, found {}",
                        crate::text::plain_number(v.value, 6)
                    ),
                );
            }
            if v.comparator.is_some() && v.kind != FigureKind::Target {
                issues.push(
                    format!("{vpath}.comparator"),
                    "only a target can be \"at least\" or \"above\" a value",
                );
            }
            if let Some(source) = &v.source {
                check_source(issues, &format!("{vpath}.source"), source);
            }
        }
    }
}

/// The `format` and `version` fields every file starts with.
fn check_header(issues: &mut Issues, format: &str, expected: &str, version: u32) {
    if format != expected {
        issues.push(
            "format",
            format!("expected {}, found {}", Quoted(expected), Quoted(format)),
        );
    }
    if version != FORMAT_VERSION {
        issues.push(
            "version",
            format!(
                "expected {FORMAT_VERSION} (the format version this widget reads), found {version}"
            ),
        );
    }
}

/// Ids appear in links: lowercase ASCII letters, digits, `-`, `_`, `.`, 1 to 64 characters.
pub(crate) fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

fn check_id(issues: &mut Issues, path: &str, id: &str) {
    if !is_valid_id(id) {
        issues.push(
            path,
            format!(
                "expected 1–64 characters a-z, 0-9, '-', '_' or '.', found {}",
                Quoted(id)
            ),
        );
    }
}

fn check_text(issues: &mut Issues, path: &str, text: &super::Text) {
    check_text_of(issues, path, text, TEXT_CHARS);
}

/// Both languages of a text: Vietnamese present, and each readable as it will be shown
/// ([`text_problem`]).
fn check_text_of(issues: &mut Issues, path: &str, text: &super::Text, max_chars: usize) {
    if text.vi.trim().is_empty() {
        issues.push(format!("{path}.vi"), "expected non-empty Vietnamese text");
    } else if let Some(problem) = text_problem(&text.vi, max_chars) {
        issues.push(format!("{path}.vi"), problem);
    }
    if let Some(problem) = text
        .en
        .as_deref()
        .and_then(|en| text_problem(en, max_chars))
    {
        issues.push(format!("{path}.en"), problem);
    }
}

/// Its `url` is an `HttpUrl`, checked when the file was read.
fn check_source(issues: &mut Issues, path: &str, source: &Source) {
    if source.name.trim().is_empty() {
        issues.push(
            format!("{path}.name"),
            "expected the name of the publication",
        );
    } else if let Some(problem) = text_problem(&source.name, TEXT_CHARS) {
        issues.push(format!("{path}.name"), problem);
    }
    if let Some(problem) = (source.name_en.as_deref()).and_then(|n| text_problem(n, TEXT_CHARS)) {
        issues.push(format!("{path}.name_en"), problem);
    }
}

/// Checks a manifest: format, unique ids, a default that exists, paths that stay inside the
/// deployment (so a link can never make the widget load a file from elsewhere).
pub fn validate_manifest(file: &str, manifest: &Manifest) -> Result<(), DataError> {
    let mut issues = Issues::default();
    check_header(
        &mut issues,
        &manifest.format,
        MANIFEST_FORMAT,
        manifest.version,
    );
    if manifest.snapshots.is_empty() {
        issues.push("snapshots", "expected at least one snapshot");
    }
    for (i, entry) in manifest.snapshots.iter().enumerate() {
        let path = format!("snapshots[{i}]");
        check_id(&mut issues, &format!("{path}.id"), &entry.id);
        if manifest.snapshots[..i].iter().any(|e| e.id == entry.id) {
            issues.push(
                format!("{path}.id"),
                format!("duplicate id {}", Quoted(&entry.id)),
            );
        }
        check_path(&mut issues, &format!("{path}.path"), &entry.path);
        if let Some(integrity) = &entry.integrity {
            check_integrity(&mut issues, &format!("{path}.integrity"), integrity);
        }
        if let Some(summary) = &entry.summary {
            check_path(&mut issues, &format!("{path}.summary.path"), &summary.path);
            check_integrity(
                &mut issues,
                &format!("{path}.summary.integrity"),
                &summary.integrity,
            );
        }
        if let Some(series) = &entry.series {
            if !manifest.series.iter().any(|s| s.id == *series) {
                issues.push(
                    format!("{path}.series"),
                    format!(
                        "expected the id of one of the manifest's `series`, found {}",
                        Quoted(series)
                    ),
                );
            }
        }
    }
    for (i, series) in manifest.series.iter().enumerate() {
        let path = format!("series[{i}]");
        check_id(&mut issues, &format!("{path}.id"), &series.id);
        if manifest.series[..i].iter().any(|s| s.id == series.id) {
            issues.push(
                format!("{path}.id"),
                format!("duplicate id {}", Quoted(&series.id)),
            );
        }
    }
    if !manifest.snapshots.iter().any(|e| e.id == manifest.default) {
        issues.push(
            "default",
            format!(
                "expected the id of one of `snapshots`, found {}",
                Quoted(&manifest.default)
            ),
        );
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues.into_error(file))
    }
}

fn check_path(issues: &mut Issues, at: &str, path: &str) {
    if !is_safe_relative_path(path) {
        issues.push(
            at,
            format!("expected a relative path inside the deployment (no scheme, no leading '/', no '..'), found {}", Quoted(path)),
        );
    }
}

/// Subresource Integrity as `snapshot-tool publish` writes it: `sha256-` and 44 characters
/// of base64 (the browser would otherwise ignore it, or refuse every file).
fn check_integrity(issues: &mut Issues, at: &str, integrity: &str) {
    let fits = integrity.strip_prefix("sha256-").is_some_and(|b64| {
        b64.len() == 44
            && b64.ends_with('=')
            && b64[..43]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
    });
    if !fits {
        issues.push(
            at,
            format!(
                "expected \"sha256-\" and the base64 of the file's SHA-256 (snapshot-tool publish writes it), found {}",
                Quoted(integrity)
            ),
        );
    }
}

/// A path such as `snapshots/q1.json`: no scheme, host, absolute path, `..`, backslash or query.
pub(crate) fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && path.ends_with(".json")
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && seg != ".."
                && seg != "."
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
}
