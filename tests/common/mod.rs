//! What the staff tool's tests share: a copy of the deployment's data to edit and run on.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The deployment's snapshot of its own figures, and the one with task records.
pub const QN: &str = "quang-ninh-2021-q1";
pub const ILL: &str = "illustrative-2021-q1-1738";

/// A new temporary directory `td-<name>-…` with `data/`: the deployment's manifest, cut to
/// its first two snapshots ([`QN`], [`ILL`], whose names the tests' outputs give), and their
/// files. The caller removes it.
pub fn copy_of_data(name: &str) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "td-{name}-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&root);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("data/snapshots")).expect("temp dir");
    for id in [QN, ILL] {
        let file = format!("data/snapshots/{id}.json");
        std::fs::copy(repo.join(&file), root.join(&file)).expect("copy data");
    }
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.join("data/manifest.json")).expect("read"))
            .expect("JSON");
    manifest["snapshots"]
        .as_array_mut()
        .expect("snapshots")
        .retain(|e| e["id"] == QN || e["id"] == ILL);
    // The series name snapshots not copied; the tests that need one add it.
    strip_series(&mut manifest);
    let text = serde_json::to_string_pretty(&manifest).expect("JSON") + "\n";
    std::fs::write(root.join("data/manifest.json"), text).expect("write");
    root
}

/// A manifest without series (the entries' `series` and the list).
pub fn strip_series(manifest: &mut serde_json::Value) {
    if let Some(m) = manifest.as_object_mut() {
        m.remove("series");
    }
    for e in manifest["snapshots"].as_array_mut().into_iter().flatten() {
        if let Some(e) = e.as_object_mut() {
            e.remove("series");
        }
    }
}
