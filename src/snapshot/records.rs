//! Task records checked: unique ids, references to units and assigning documents, dates in
//! order. What the checks resolve (each record's status, unit and document as indices) is
//! kept, so the task index (`crate::tasks`) is built without looking anything up again.

use std::collections::HashMap;

use super::error::{Issues, Quoted};
use super::model::TaskRecord;
use super::status::Status;
use super::values::Date;

/// Marks a record without an assigning document.
pub const NO_DOCUMENT: u16 = u16::MAX;

/// What validation resolved of each record, in file order.
#[derive(Debug, Default)]
pub struct ResolvedRecords {
    /// Derived from the dates and the snapshot's `as_of`.
    pub status: Vec<Status>,
    /// Index into the snapshot's `units`.
    pub unit: Vec<u16>,
    /// Index into `tasks.assigning_documents`, or [`NO_DOCUMENT`].
    pub document: Vec<u16>,
}

/// Checks every record in one pass. Problems go to `issues` with their JSON path; a record
/// with a problem is still resolved (with a placeholder) so that every problem is reported,
/// but the caller then rejects the snapshot.
pub(super) fn check_records(
    records: &[TaskRecord],
    as_of: Date,
    units: &HashMap<&str, u16>,
    documents: &HashMap<&str, u16>,
    issues: &mut Issues,
) -> ResolvedRecords {
    let n = records.len();
    let mut resolved = ResolvedRecords {
        status: Vec::with_capacity(n),
        unit: Vec::with_capacity(n),
        document: Vec::with_capacity(n),
    };
    let mut seen_ids: HashMap<&str, usize> = HashMap::with_capacity(n);
    for (i, r) in records.iter().enumerate() {
        let at = |field: &str| format!("tasks.records[{i}].{field}");
        if r.title.trim().is_empty() {
            issues.push(at("title"), "expected the task's title");
        } else if let Some(problem) =
            super::readable::text_problem(&r.title, super::readable::TEXT_CHARS)
        {
            issues.push(at("title"), problem);
        }
        if r.id.trim().is_empty() {
            issues.push(at("id"), "expected a non-empty task id");
        } else if let Some(first) = seen_ids.insert(&r.id, i) {
            issues.push(
                at("id"),
                format!(
                    "duplicate task id {} (first at tasks.records[{first}])",
                    Quoted(&r.id)
                ),
            );
        }
        let unit = units.get(r.unit.as_str()).copied().unwrap_or_else(|| {
            issues.push(
                at("unit"),
                format!(
                    "expected the id of one of `units`, found {}",
                    Quoted(&r.unit)
                ),
            );
            0
        });
        let document = match &r.document {
            None => NO_DOCUMENT,
            Some(doc) => documents.get(doc.as_str()).copied().unwrap_or_else(|| {
                issues.push(
                    at("document"),
                    format!(
                        "expected the id of one of `tasks.assigning_documents`, found {}",
                        Quoted(doc)
                    ),
                );
                NO_DOCUMENT
            }),
        };
        if r.assigned > as_of {
            issues.push(
                at("assigned"),
                format!(
                    "assigned {} is after the snapshot's as_of {as_of}",
                    r.assigned
                ),
            );
        }
        if r.due < r.assigned {
            issues.push(
                at("due"),
                format!("due {} is before assigned {}", r.due, r.assigned),
            );
        }
        if let Some(done) = r.completed {
            if done < r.assigned {
                issues.push(
                    at("completed"),
                    format!("completed {done} is before assigned {}", r.assigned),
                );
            }
            if done > as_of {
                issues.push(
                    at("completed"),
                    format!("completed {done} is after the snapshot's as_of {as_of}"),
                );
            }
        }
        resolved
            .status
            .push(Status::derive(as_of, r.due, r.completed));
        resolved.unit.push(unit);
        resolved.document.push(document);
    }
    resolved
}
