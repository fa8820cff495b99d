//! `snapshot-tool publish DATA_DIR OUT_DIR`: the files a static host or CDN serves. Every
//! snapshot is checked as `validate` checks it (and its entry against it), then written under
//! a name that holds its hash (`snapshots/<id>.<hash>.json`: cacheable for ever, since a
//! changed file gets a new name), with a manifest that gives each file's SHA-256 as
//! Subresource Integrity and its size. The widget fetches with that integrity, so a file
//! changed after publishing is refused, named. A snapshot with task records also gets its
//! summary (`snapshot::summary`: its counts without the records), which embeds load instead.

use std::path::Path;
use std::time::Instant;

use task_dashboard::format::{self, Lang};
use task_dashboard::snapshot::{
    parse_manifest, parse_snapshot, summary, DataStatus, Manifest, ManifestEntry, PublishedFile,
    Text,
};
use task_dashboard::text::fold;

use super::{read, validate_manifest, MANIFEST_NAME};

pub fn run(args: &[String]) -> Result<(), String> {
    let [data_dir, out_dir] = args else {
        return Err("publish: expected DATA_DIR OUT_DIR".to_owned());
    };
    let started = Instant::now();
    let (data_dir, out_dir) = (Path::new(data_dir), Path::new(out_dir));
    let manifest_path = data_dir.join(MANIFEST_NAME);
    let manifest_file = manifest_path.display().to_string();
    let manifest_bytes = read(&manifest_path)?;
    let manifest =
        parse_manifest(&manifest_file, &manifest_bytes[..]).map_err(|e| e.to_string())?;
    // Every file and entry checked first, every problem told, before anything is written.
    validate_manifest(&manifest_path, &manifest_bytes, &manifest)?;

    let mut published = Manifest {
        snapshots: Vec::with_capacity(manifest.snapshots.len()),
        ..manifest.clone()
    };
    let mut lines = Vec::new();
    for entry in &manifest.snapshots {
        let source = data_dir.join(&entry.path);
        let bytes = read(&source)?;
        let file = source.display().to_string();
        let snap = parse_snapshot(&file, &bytes[..]).map_err(|e| e.to_string())?;
        let main = write_file(out_dir, &entry.id, "", &bytes)?;
        lines.push(format!("{}  {}", main.path, size(main.bytes)));
        let summary = match summary(&snap) {
            Some(s) => {
                let text = serde_json::to_string(&s).map_err(|e| e.to_string())? + "\n";
                // Never publish what the widget would refuse.
                parse_snapshot(&format!("{file} (summary)"), text.as_str())
                    .map_err(|e| e.to_string())?;
                let written = write_file(out_dir, &entry.id, ".summary", text.as_bytes())?;
                lines.push(format!(
                    "{}  {}  (for embeds: counts without the {} task records)",
                    written.path,
                    size(written.bytes),
                    snap.records().len()
                ));
                Some(written)
            }
            None => None,
        };
        published.snapshots.push(ManifestEntry {
            path: main.path,
            integrity: Some(main.integrity),
            bytes: Some(main.bytes),
            summary,
            ..entry.clone()
        });
    }
    let text = serde_json::to_string_pretty(&published).map_err(|e| e.to_string())? + "\n";
    let out_manifest = out_dir.join(MANIFEST_NAME);
    let out_file = out_manifest.display().to_string();
    parse_manifest(&out_file, text.as_str()).map_err(|e| e.to_string())?;
    std::fs::write(&out_manifest, &text).map_err(|e| format!("{out_file}: {e}"))?;
    for line in lines {
        println!("{}/{line}", out_dir.display());
    }
    println!(
        "{out_file}: {} snapshots, default {} ({} ms)\n\
         Cache for ever (immutable): snapshots/*.<hash>.json. Revalidate (no-cache): {MANIFEST_NAME}.",
        published.snapshots.len(),
        published.default,
        started.elapsed().as_millis()
    );
    Ok(())
}

/// Writes `bytes` as `OUT_DIR/snapshots/<id><kind>.<hash>.json` (already there: the same
/// bytes, by its name) and says what the manifest records of it.
fn write_file(out_dir: &Path, id: &str, kind: &str, bytes: &[u8]) -> Result<PublishedFile, String> {
    let (digest, integrity) = digest(bytes);
    let path = format!("snapshots/{id}{kind}.{}.json", &digest[..16]);
    let target = out_dir.join(&path);
    let size = u32::try_from(bytes.len())
        .map_err(|_| format!("{}: larger than 4 GB", target.display()))?;
    let same = std::fs::metadata(&target).is_ok_and(|m| m.len() == u64::from(size));
    if !same {
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(PublishedFile {
        path,
        integrity,
        bytes: size,
    })
}

/// The file's SHA-256 in hex (for its name) and as Subresource Integrity.
#[cfg(not(target_arch = "wasm32"))]
fn digest(bytes: &[u8]) -> (String, String) {
    use base64::Engine;
    use sha2::Digest;
    let hash = sha2::Sha256::digest(bytes);
    let hex = hash.iter().map(|b| format!("{b:02x}")).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(hash);
    (hex, format!("sha256-{b64}"))
}

/// The tool is a native program: its hashing crates are native-only dependencies, and
/// `cargo clippy --target wasm32-unknown-unknown --bins` only type-checks this.
#[cfg(target_arch = "wasm32")]
fn digest(_: &[u8]) -> (String, String) {
    unreachable!("snapshot-tool runs natively")
}

fn size(bytes: u32) -> String {
    format!("{} B", format::int(i64::from(bytes), Lang::En))
}

/// Whether a file is the one published: its integrity and size, when the entry gives them.
pub fn check_file(bytes: &[u8], integrity: Option<&str>, size: Option<u32>) -> Option<String> {
    if let Some(expected) = size.filter(|n| *n as usize != bytes.len()) {
        return Some(format!(
            "expected {expected} bytes (the manifest's `bytes`), found {}: the file changed after it was published; publish again",
            bytes.len()
        ));
    }
    let expected = integrity?;
    let found = digest(bytes).1;
    (found != expected).then(|| {
        format!(
            "expected SHA-256 {expected} (the manifest's `integrity`), found {found}: the file changed after it was published, and the widget refuses it; publish again"
        )
    })
}

/// A published summary: there, unchanged, a valid snapshot of the entry's id without records.
pub fn check_summary(dir: &Path, summary: &PublishedFile, id: &str) -> Result<(), String> {
    let path = dir.join(&summary.path);
    let file = path.display().to_string();
    let bytes = read(&path)?;
    if let Some(problem) = check_file(&bytes, Some(&summary.integrity), Some(summary.bytes)) {
        return Err(format!("{file}: {problem}"));
    }
    let snap = parse_snapshot(&file, &bytes[..]).map_err(|e| e.to_string())?;
    if snap.snapshot().id != id {
        return Err(format!(
            "{file}: expected the id {id:?} of its entry, found {:?}",
            snap.snapshot().id
        ));
    }
    if !snap.records().is_empty() {
        return Err(format!("{file}: expected a summary without task records"));
    }
    Ok(())
}

/// The picker's label of an illustrative snapshot must say so in each language it has (a
/// portal must never show made-up figures as real ones), and an official one must not.
pub fn title_problem(title: &Text, status: DataStatus) -> Option<String> {
    let marks = |text: &str| {
        let text = fold(text);
        text.contains("minh hoa") || text.contains("illustrat")
    };
    let languages = [Some(&title.vi), title.en.as_ref()];
    let unmarked = languages.iter().flatten().find(|t| !marks(t));
    match status {
        DataStatus::Illustrative => unmarked.map(|t| {
            format!(
                "expected a label that says the figures are illustrative (\"minh họa\", \"illustrative\"), found {t:?}"
            )
        }),
        DataStatus::Official => languages.iter().flatten().find(|t| marks(t)).map(|t| {
            format!(
                "expected the label of official figures, found {t:?}, which calls them illustrative"
            )
        }),
    }
}
