//! `snapshot-tool publish DATA_DIR OUT_DIR` (issue #19): files named by their hash, a manifest
//! with each file's Subresource Integrity and size, a summary without records for embeds;
//! `validate` of the published manifest catches a file changed after publishing; nothing is
//! published from data the widget would refuse or label wrongly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{ILL, QN};

/// A temporary directory with a copy of the deployment's `data/`, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let root = common::copy_of_data(&format!("publish-{name}"));
        Dir(root)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    fn json(&self, file: &str) -> Value {
        serde_json::from_slice(&std::fs::read(self.path(file)).expect("read")).expect("JSON")
    }

    fn tool(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
            .current_dir(&self.0)
            .args(args)
            .output()
            .expect("snapshot-tool runs")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `sha256-` and the base64 of the SHA-256 of a file, computed by a tool other than ours.
fn openssl_integrity(path: &Path) -> Option<String> {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "openssl dgst -sha256 -binary '{}' | base64",
            path.display()
        ))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| format!("sha256-{}", text(&out.stdout).trim()))
}

#[test]
fn publish_names_files_by_hash_and_records_their_integrity_and_size() {
    let d = Dir::new("ok");
    let out = d.tool(&["publish", "data", "out"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let manifest = d.json("out/manifest.json");
    let source = d.json("data/manifest.json");
    assert_eq!(manifest["default"], source["default"]);
    let entries = manifest["snapshots"].as_array().expect("snapshots");
    assert_eq!(entries.len(), 2);
    for (entry, was) in entries.iter().zip(source["snapshots"].as_array().unwrap()) {
        let id = entry["id"].as_str().unwrap();
        assert_eq!(entry["title"], was["title"]);
        let path = entry["path"].as_str().unwrap();
        // The name holds the first 16 hex digits of the SHA-256: a changed file, a new name.
        let hash = path
            .strip_prefix(&format!("snapshots/{id}."))
            .and_then(|rest| rest.strip_suffix(".json"))
            .unwrap_or_else(|| panic!("{path}"));
        assert!(
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{path}"
        );
        let file = d.path(&format!("out/{path}"));
        let bytes = std::fs::read(&file).expect("published file");
        // The published file is the editors' file, byte for byte.
        assert_eq!(
            bytes,
            std::fs::read(d.path(&format!("data/{}", was["path"].as_str().unwrap()))).unwrap()
        );
        assert_eq!(entry["bytes"], bytes.len());
        if let Some(expected) = openssl_integrity(&file) {
            assert_eq!(entry["integrity"], expected.as_str());
        }
    }
    // The snapshot with records has a summary: its counts, none of its records.
    assert!(
        entries[0].get("summary").is_none(),
        "no records, no summary"
    );
    let summary = &entries[1]["summary"];
    let path = summary["path"].as_str().expect("summary path");
    assert!(
        path.starts_with(&format!("snapshots/{ILL}.summary.")),
        "{path}"
    );
    let published = d.json(&format!("out/{path}"));
    assert_eq!(published["id"], ILL);
    assert!(published["tasks"].get("records").is_none());
    assert_eq!(published["tasks"]["totals"]["total"], 1738);
    let bytes = summary["bytes"].as_u64().unwrap();
    assert!(bytes < 10_000, "a summary of {bytes} bytes");
    assert_eq!(
        text(&out.stdout).lines().last(),
        Some("Cache for ever (immutable): snapshots/*.<hash>.json. Revalidate (no-cache): manifest.json.")
    );

    // What was published validates, and publishing again changes nothing.
    let check = d.tool(&["validate", "out/manifest.json"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    let before = std::fs::read(d.path("out/manifest.json")).unwrap();
    assert!(d.tool(&["publish", "data", "out"]).status.success());
    assert_eq!(std::fs::read(d.path("out/manifest.json")).unwrap(), before);
}

#[test]
fn a_file_changed_after_publishing_is_named_by_validate() {
    let d = Dir::new("tampered");
    assert!(d.tool(&["publish", "data", "out"]).status.success());
    let manifest = d.json("out/manifest.json");
    let path = manifest["snapshots"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let file = d.path(&format!("out/{path}"));
    // The same size, one figure changed: only the hash can tell.
    let changed = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("\"total\": 1738", "\"total\": 1739", 1)
        .replacen("\"total\": 1519", "\"total\": 1518", 1);
    let original = std::fs::read_to_string(&file).unwrap();
    assert_ne!(changed, original, "the fixture changed");
    assert_eq!(changed.len(), original.len());
    std::fs::write(&file, changed).unwrap();
    let out = d.tool(&["validate", "out/manifest.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "out/manifest.json: snapshots[0].integrity (entry \"{QN}\"): out/{path}: expected SHA-256 {} (the manifest's `integrity`), found sha256-",
            manifest["snapshots"][0]["integrity"].as_str().unwrap()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "the file changed after it was published, and the widget refuses it; publish again"
        ),
        "{stderr}"
    );
}

#[test]
fn nothing_is_published_from_data_the_widget_refuses_or_labels_wrongly() {
    let d = Dir::new("refused");
    let mut manifest = d.json("data/manifest.json");
    // An illustrative snapshot labelled as if its figures were real.
    manifest["snapshots"][1]["title"] =
        serde_json::json!({ "vi": "Quý I/2021 theo đơn vị", "en": "Q1 2021 by unit" });
    std::fs::write(d.path("data/manifest.json"), manifest.to_string()).unwrap();
    let out = d.tool(&["publish", "data", "out"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        format!(
            "data/manifest.json: snapshots[1].title (entry \"{ILL}\"): expected a label that says \
             the figures are illustrative (\"minh họa\", \"illustrative\"), found \"Quý I/2021 theo đơn vị\""
        )
    );
    assert!(!d.path("out").exists(), "nothing written");
}
