//! `snapshot-tool diff OLD NEW [--json]`: what changed between two snapshots of the same body
//! (`tasks::changes`): the four statuses, each unit whose counts differ, and with task records,
//! each task newly completed, newly overdue, new or removed.

use serde_json::{json, Value};
use task_dashboard::snapshot::parse_snapshot;
use task_dashboard::tasks::{changes, Changes, Status, StatusTally};

use super::read;

/// Task ids listed per kind of change in the text report (all of them in `--json`).
const IDS_SHOWN: usize = 10;

pub fn run(args: &[String]) -> Result<(), String> {
    let as_json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [old_file, new_file] = files[..] else {
        return Err("diff: expected two snapshots, OLD and NEW".to_owned());
    };
    let load = |file: &String| {
        parse_snapshot(file, &read(std::path::Path::new(file))?[..]).map_err(|e| e.to_string())
    };
    let (old, new) = (load(old_file)?, load(new_file)?);
    let c = changes(&old, &new);
    let (o, n) = (old.snapshot(), new.snapshot());
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report(
                &c,
                (&o.id, o.as_of.to_string()),
                (&n.id, n.as_of.to_string())
            ))
            .map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!(
        "{} (as of {}) → {} (as of {})",
        o.id, o.as_of, n.id, n.as_of
    );
    for caution in &c.cautions {
        println!("caution: {}", caution.text());
    }
    if let (Some(a), Some(b)) = (c.old_totals, c.new_totals) {
        println!("statuses: {}", tally_change(&a, &b));
    }
    if !c.units.is_empty() {
        println!("units whose counts changed: {}", c.units.len());
        for u in &c.units {
            let what = match (&u.old, &u.new) {
                (Some(a), Some(b)) => tally_change(a, b),
                (None, Some(_)) => "new in the newer snapshot".to_owned(),
                (Some(_), None) => "not in the newer snapshot".to_owned(),
                (None, None) => continue,
            };
            println!("  {} ({}): {what}", u.name, u.id);
        }
    }
    if let Some(t) = &c.tasks {
        for (what, ids) in [
            ("newly completed", &t.newly_completed),
            ("newly overdue", &t.newly_overdue),
            ("new", &t.new),
            ("removed", &t.removed),
        ] {
            let shown: Vec<&str> = ids.iter().take(IDS_SHOWN).map(String::as_str).collect();
            let more = ids.len().saturating_sub(IDS_SHOWN);
            let tail = if more > 0 {
                format!(" … +{more}")
            } else {
                String::new()
            };
            println!(
                "tasks {what}: {}{}{tail}",
                ids.len(),
                if ids.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", shown.join(", "))
                }
            );
        }
    }
    Ok(())
}

/// Each status, as the report names it and as snapshot files do.
const NAMES: [(Status, &str, &str); 4] = [
    (Status::OnTime, "on time", "on_time"),
    (Status::Late, "late", "late"),
    (Status::Overdue, "overdue", "overdue"),
    (Status::WithinDeadline, "within deadline", "within_deadline"),
];

/// "on time 506 → 700 (+194), …, total 1738 → 2000 (+262)"; a status known only within a
/// sum on either side is given as its group's sum.
fn tally_change(a: &StatusTally, b: &StatusTally) -> String {
    let mut parts = Vec::new();
    let split = |t: &StatusTally, s: Status| t.get(s);
    for (s, name, _) in NAMES {
        if let (Some(x), Some(y)) = (split(a, s), split(b, s)) {
            parts.push(format!("{name} {x} → {y} ({})", signed(x, y)));
        }
    }
    for (group, name, x, y) in [
        (
            Status::OnTime,
            "completed",
            a.completed.sum(),
            b.completed.sum(),
        ),
        (
            Status::Overdue,
            "not completed",
            a.not_completed.sum(),
            b.not_completed.sum(),
        ),
    ] {
        if split(a, group).is_none() || split(b, group).is_none() {
            parts.push(format!("{name} {x} → {y} ({})", signed(x, y)));
        }
    }
    parts.push(format!(
        "total {} → {} ({})",
        a.total(),
        b.total(),
        signed(a.total(), b.total())
    ));
    parts.join(", ")
}

fn signed(x: u32, y: u32) -> String {
    let d = i64::from(y) - i64::from(x);
    if d > 0 {
        format!("+{d}")
    } else if d < 0 {
        format!("−{}", -d)
    } else {
        "±0".to_owned()
    }
}

fn tally(t: &StatusTally) -> Value {
    let mut v = json!({ "total": t.total(), "completed": t.completed.sum(), "not_completed": t.not_completed.sum() });
    for (s, _, key) in NAMES {
        if let Some(n) = t.get(s) {
            v[key] = json!(n);
        }
    }
    v
}

fn report(c: &Changes, old: (&str, String), new: (&str, String)) -> Value {
    json!({
        "old": { "id": old.0, "as_of": old.1, "totals": c.old_totals.as_ref().map(tally) },
        "new": { "id": new.0, "as_of": new.1, "totals": c.new_totals.as_ref().map(tally) },
        "cautions": c.cautions.iter().map(|c| c.text()).collect::<Vec<_>>(),
        "units": c.units.iter().map(|u| json!({
            "id": u.id, "name": u.name,
            "old": u.old.as_ref().map(tally), "new": u.new.as_ref().map(tally),
        })).collect::<Vec<_>>(),
        "tasks": c.tasks.as_ref().map(|t| json!({
            "newly_completed": t.newly_completed, "newly_overdue": t.newly_overdue,
            "new": t.new, "removed": t.removed,
            "by_unit": t.by_unit.iter().map(|u| json!({
                "id": u.id, "newly_completed": u.newly_completed, "newly_overdue": u.newly_overdue,
                "new": u.new, "removed": u.removed,
            })).collect::<Vec<_>>(),
        })),
    })
}
