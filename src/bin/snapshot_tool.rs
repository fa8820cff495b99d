//! Staff command-line tool, built on the same code the browser runs.
//!
//! ```text
//! snapshot-tool validate FILE...          check snapshots or manifests (a manifest: every entry)
//! snapshot-tool generate --tasks N [--seed S] [--out FILE]
//!                                         write an ILLUSTRATIVE snapshot with N task records
//! snapshot-tool schema [snapshot|manifest] print the JSON Schema (needs --features schema)
//! snapshot-tool bake DIST [--start FILE]   bake every snapshot's views into the built pages
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use task_dashboard::generate::{illustrative_snapshot, Options};
use task_dashboard::snapshot::{parse_manifest, parse_snapshot, BOM, MANIFEST_FORMAT};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("generate") => generate(&args[1..]),
        Some("schema") => schema(args.get(1).map(String::as_str).unwrap_or("snapshot")),
        Some("bake") if args.len() > 1 => bake::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) const USAGE: &str = "usage:
  snapshot-tool validate FILE...
  snapshot-tool generate --tasks N [--seed S] [--out FILE]
  snapshot-tool schema [snapshot|manifest]
  snapshot-tool bake DIST [--start static/start.js]";

#[path = "snapshot_tool/bake.rs"]
mod bake;

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn validate(files: &[String]) -> Result<(), String> {
    let mut failed = 0;
    for file in files {
        let path = PathBuf::from(file);
        let outcome = read(&path).and_then(|bytes| {
            if is_manifest(&bytes) {
                validate_manifest(&path, &bytes)
            } else {
                parse_snapshot(file, &bytes)
                    .map(|snap| {
                        for w in snap.warnings() {
                            println!("{file}: warning: {w}");
                        }
                        let bom = if bytes.starts_with(BOM) {
                            "; its UTF-8 byte-order mark ignored"
                        } else {
                            ""
                        };
                        println!("{file}: ok ({}{bom})", snap.snapshot().id);
                    })
                    .map_err(|e| e.to_string())
            }
        });
        if let Err(message) = outcome {
            eprintln!("{message}");
            failed += 1;
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} files failed", files.len())),
    }
}

fn is_manifest(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes.strip_prefix(BOM).unwrap_or(bytes))
        .ok()
        .and_then(|v| v.get("format")?.as_str().map(|f| f == MANIFEST_FORMAT))
        .unwrap_or(false)
}

/// A manifest and every snapshot it lists; each file's id must match its entry.
fn validate_manifest(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let file = path.display().to_string();
    let manifest = parse_manifest(&file, bytes).map_err(|e| e.to_string())?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut errors = Vec::new();
    for (i, entry) in manifest.snapshots.iter().enumerate() {
        let snap_path = dir.join(&entry.path);
        let snap_file = snap_path.display().to_string();
        match read(&snap_path)
            .and_then(|b| parse_snapshot(&snap_file, &b).map_err(|e| e.to_string()))
        {
            Ok(snap) if snap.snapshot().id != entry.id => errors.push(format!(
                "{file}: snapshots[{i}].id: expected the id inside {snap_file} ({:?}), found {:?}",
                snap.snapshot().id,
                entry.id
            )),
            Ok(snap) if snap.snapshot().data_status != entry.data_status => errors.push(format!(
                "{file}: snapshots[{i}].data_status: differs from {snap_file}"
            )),
            Ok(_) => println!("{snap_file}: ok ({})", entry.id),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        println!("{file}: ok ({} snapshots)", manifest.snapshots.len());
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn generate(args: &[String]) -> Result<(), String> {
    let mut opts = Options {
        tasks: 1738,
        seed: 2021,
    };
    let mut out: Option<String> = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = || {
            value
                .parse()
                .map_err(|_| format!("{flag}: expected a number, found {value:?}"))
        };
        match flag.as_str() {
            "--tasks" => opts.tasks = number()? as usize,
            "--seed" => opts.seed = number()?,
            "--out" => out = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let snapshot = illustrative_snapshot(&opts);
    // Compact: the file is fetched by readers' browsers.
    let json = serde_json::to_string(&snapshot).map_err(|e| e.to_string())? + "\n";
    // Never write what the widget would refuse.
    parse_snapshot("generated", json.as_bytes()).map_err(|e| e.to_string())?;
    match out {
        Some(path) => std::fs::write(&path, json).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

#[cfg(feature = "schema")]
fn schema(which: &str) -> Result<(), String> {
    use task_dashboard::snapshot::{Manifest, Snapshot};
    let schema = match which {
        "snapshot" => schemars::schema_for!(Snapshot),
        "manifest" => schemars::schema_for!(Manifest),
        other => return Err(format!("unknown schema {other:?}: snapshot or manifest")),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

#[cfg(not(feature = "schema"))]
fn schema(_: &str) -> Result<(), String> {
    Err("built without the schema feature: cargo run --features schema --bin snapshot-tool -- schema".into())
}
