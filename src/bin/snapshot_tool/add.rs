//! `snapshot-tool add SNAPSHOT`: writes a snapshot's manifest entry from the file itself (id,
//! path, title, as_of, data_status), so an editor never copies them by hand; then checks the
//! manifest as `validate` does.

use std::path::{Component, Path, PathBuf};

use task_dashboard::snapshot::{
    parse_manifest, parse_snapshot, Manifest, ManifestEntry, Text, MANIFEST_FORMAT,
};

use super::read;

/// The manifest the widget reads, from the repository's root.
const DEFAULT_MANIFEST: &str = "data/manifest.json";

pub fn run(args: &[String]) -> Result<(), String> {
    let mut snapshot: Option<PathBuf> = None;
    let mut manifest_path = PathBuf::from(DEFAULT_MANIFEST);
    let (mut title_vi, mut title_en, mut make_default) = (None, None, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("add: {arg} needs a value"))
        };
        match arg.as_str() {
            "--manifest" => manifest_path = PathBuf::from(value()?),
            "--title-vi" => title_vi = Some(value()?),
            "--title-en" => title_en = Some(value()?),
            "--default" => make_default = true,
            flag if flag.starts_with('-') => return Err(format!("add: unknown option {flag}")),
            file if snapshot.is_none() => snapshot = Some(PathBuf::from(file)),
            extra => return Err(format!("add: one snapshot at a time, found also {extra}")),
        }
    }
    let snapshot_path = snapshot.ok_or("add: which snapshot? snapshot-tool add SNAPSHOT")?;
    let snapshot_file = snapshot_path.display().to_string();
    let snap =
        parse_snapshot(&snapshot_file, &read(&snapshot_path)?[..]).map_err(|e| e.to_string())?;
    let s = snap.snapshot();

    let folder = manifest_path.parent().unwrap_or(Path::new(""));
    let relative = relative_path(folder, &snapshot_path).ok_or_else(|| {
        format!(
            "add: {snapshot_file} is not inside {}, the manifest's folder: the widget fetches \
             snapshots from there",
            folder.display()
        )
    })?;
    let entry = ManifestEntry {
        id: s.id.clone(),
        path: relative,
        title: match (title_vi, title_en) {
            (None, None) => s.title.clone(),
            (vi, en) => Text {
                vi: vi.unwrap_or_else(|| s.title.vi.clone()),
                en: en.or_else(|| s.title.en.clone()),
            },
        },
        as_of: s.as_of,
        data_status: s.data_status,
        // An editor's manifest: `snapshot-tool publish` writes these in the one it serves.
        integrity: None,
        bytes: None,
        summary: None,
        // Kept from the entry it replaces (below): the series is the manifest's to say.
        series: None,
    };

    let manifest_file = manifest_path.display().to_string();
    let mut manifest = if manifest_path.exists() {
        parse_manifest(&manifest_file, &read(&manifest_path)?[..]).map_err(|e| e.to_string())?
    } else {
        Manifest {
            format: MANIFEST_FORMAT.to_owned(),
            version: 1,
            default: entry.id.clone(),
            snapshots: Vec::new(),
            series: Vec::new(),
        }
    };
    let id = entry.id.clone();
    let done = match manifest.snapshots.iter_mut().find(|e| e.id == id) {
        Some(existing) => {
            *existing = ManifestEntry {
                series: existing.series.take(),
                ..entry.clone()
            };
            "updated"
        }
        None => {
            manifest.snapshots.push(entry.clone());
            "added"
        }
    };
    if make_default {
        manifest.default = id.clone();
    }
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    // Never write what the widget would refuse.
    parse_manifest(&manifest_file, text.as_str()).map_err(|e| e.to_string())?;
    std::fs::write(&manifest_path, &text).map_err(|e| format!("{manifest_file}: {e}"))?;
    println!(
        "{manifest_file}: {done} {id} ({}, as of {}, {}){}",
        entry.path,
        entry.as_of,
        entry.data_status.name(),
        if manifest.default == id {
            ", the default"
        } else {
            ""
        }
    );
    Ok(())
}

/// `file` relative to `folder`, with `/`, when it is inside it; no `..` is ever written.
fn relative_path(folder: &Path, file: &Path) -> Option<String> {
    let absolute = |p: &Path| std::path::absolute(p).ok();
    let rest = absolute(file)?
        .strip_prefix(absolute(folder)?)
        .ok()?
        .to_path_buf();
    let parts: Vec<String> = rest
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str().map(str::to_owned),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}
