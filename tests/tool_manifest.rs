//! `snapshot-tool validate` on manifests (issue #18, one truth for the tool and the widget):
//! each entry's file must exist, be a valid snapshot and agree with what the entry repeats of
//! it; a file named `manifest.json` must be a manifest; an entry must not point at one.
//!
//! Each test copies the deployment's `data/` into a directory of its own, edits the copy and
//! runs the real binary there on `data/manifest.json`, as the widget reads it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::{ILL, QN};

/// A copy of `data/` (the manifest and its snapshots) in a new temporary directory, removed
/// when dropped.
struct Deployment {
    root: PathBuf,
}

impl Deployment {
    fn new(name: &str) -> Deployment {
        let root = common::copy_of_data(&format!("tool-manifest-{name}"));
        Deployment { root }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    fn json(&self, file: &str) -> Value {
        let text = std::fs::read_to_string(self.path(file)).expect("read");
        serde_json::from_str(&text).expect("JSON")
    }

    fn write_json(&self, file: &str, value: &Value) {
        let text = serde_json::to_string_pretty(value).expect("JSON") + "\n";
        std::fs::write(self.path(file), text).expect("write");
    }

    /// Edits `data/manifest.json`.
    fn edit_manifest(&self, edit: impl FnOnce(&mut Value)) {
        let mut manifest = self.json("data/manifest.json");
        edit(&mut manifest);
        self.write_json("data/manifest.json", &manifest);
    }

    /// Runs `snapshot-tool validate FILES…` in the deployment's directory.
    fn validate(&self, files: &[&str]) -> Outcome {
        validate_in(&self.root, files)
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn validate_in(dir: &Path, files: &[&str]) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
        .current_dir(dir)
        .arg("validate")
        .args(files)
        .output()
        .expect("snapshot-tool runs");
    Outcome {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts the exit code and the whole of both outputs, line by line.
fn assert_outcome(outcome: &Outcome, code: i32, stdout: &[&str], stderr: &[&str]) {
    let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
    let context = format!("stdout:\n{}\nstderr:\n{}", outcome.stdout, outcome.stderr);
    assert_eq!(lines(&outcome.stderr), stderr, "{context}");
    assert_eq!(lines(&outcome.stdout), stdout, "{context}");
    assert_eq!(outcome.code, Some(code), "{context}");
}

fn entry(manifest: &mut Value, i: usize) -> &mut Value {
    &mut manifest["snapshots"][i]
}

#[test]
fn the_deployments_manifest_validates() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = validate_in(repo, &["data/manifest.json"]);
    let manifest = task_dashboard::snapshot::parse_manifest(
        "data/manifest.json",
        &std::fs::read(repo.join("data/manifest.json")).expect("read")[..],
    )
    .expect("the deployment's manifest is valid");
    let mut expected: Vec<String> = (manifest.snapshots.iter())
        .map(|e| format!("data/{}: ok ({})", e.path, e.id))
        .collect();
    expected.push(format!(
        "data/manifest.json: ok ({} snapshots)",
        manifest.snapshots.len()
    ));
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_outcome(&out, 0, &expected, &[]);
}

#[test]
fn an_unedited_copy_validates() {
    let d = Deployment::new("copy");
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        0,
        &[
            &format!("data/snapshots/{QN}.json: ok ({QN})"),
            &format!("data/snapshots/{ILL}.json: ok ({ILL})"),
            "data/manifest.json: ok (2 snapshots)",
        ],
        &[],
    );
}

#[test]
fn an_as_of_that_differs_from_the_files_is_an_error() {
    let d = Deployment::new("as-of");
    d.edit_manifest(|m| entry(m, 0)["as_of"] = "2021-06-30".into());
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[&format!("data/snapshots/{ILL}.json: ok ({ILL})")],
        &[
            "data/manifest.json: snapshots[0].as_of (entry \"quang-ninh-2021-q1\"): expected \
             \"2021-03-31\", as in its file data/snapshots/quang-ninh-2021-q1.json, found \
             \"2021-06-30\"",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn a_data_status_that_differs_from_the_files_is_an_error() {
    let d = Deployment::new("status");
    d.edit_manifest(|m| entry(m, 1)["data_status"] = "official".into());
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[&format!("data/snapshots/{QN}.json: ok ({QN})")],
        &[
            "data/manifest.json: snapshots[1].data_status (entry \
             \"illustrative-2021-q1-1738\"): expected \"illustrative\", as in its file \
             data/snapshots/illustrative-2021-q1-1738.json, found \"official\"",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn the_entry_title_is_the_pickers_label_not_a_copy_of_the_files() {
    // data/manifest.json already labels its snapshots otherwise than their titles; any label.
    let d = Deployment::new("title");
    d.edit_manifest(|m| entry(m, 0)["title"] = serde_json::json!({ "vi": "Nhãn khác" }));
    assert_eq!(d.validate(&["data/manifest.json"]).code, Some(0));
}

#[test]
fn an_id_that_differs_from_the_files_is_an_error() {
    let d = Deployment::new("id");
    d.edit_manifest(|m| entry(m, 1)["id"] = "other-id".into());
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[&format!("data/snapshots/{QN}.json: ok ({QN})")],
        &[
            "data/manifest.json: snapshots[1].id (entry \"other-id\"): expected \
             \"illustrative-2021-q1-1738\", as in its file \
             data/snapshots/illustrative-2021-q1-1738.json, found \"other-id\"; the widget \
             refuses a file whose id is not its entry's",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn every_field_that_differs_is_named() {
    let d = Deployment::new("fields");
    d.edit_manifest(|m| {
        let e = entry(m, 1);
        e["id"] = "other-id".into();
        e["as_of"] = "2021-04-01".into();
        e["data_status"] = "official".into();
    });
    let out = d.validate(&["data/manifest.json"]);
    let at = "data/manifest.json: snapshots[1]";
    let file = "as in its file data/snapshots/illustrative-2021-q1-1738.json";
    assert_outcome(
        &out,
        1,
        &[&format!("data/snapshots/{QN}.json: ok ({QN})")],
        &[
            &format!(
                "{at}.id (entry \"other-id\"): expected \"{ILL}\", {file}, found \"other-id\"; \
                 the widget refuses a file whose id is not its entry's"
            ),
            &format!(
                "{at}.as_of (entry \"other-id\"): expected \"2021-03-31\", {file}, found \
                 \"2021-04-01\""
            ),
            &format!(
                "{at}.data_status (entry \"other-id\"): expected \"illustrative\", {file}, \
                 found \"official\""
            ),
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let d = Deployment::new("missing");
    std::fs::remove_file(d.path(&format!("data/snapshots/{ILL}.json"))).expect("remove");
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[&format!("data/snapshots/{QN}.json: ok ({QN})")],
        &[
            "data/manifest.json: snapshots[1].path (entry \"illustrative-2021-q1-1738\"): \
             expected a snapshot at data/snapshots/illustrative-2021-q1-1738.json, found no file",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn an_entry_whose_file_is_refused_names_the_entry_then_the_files_errors() {
    let d = Deployment::new("refused");
    let file = format!("data/snapshots/{QN}.json");
    let mut snapshot = d.json(&file);
    snapshot["as_of"] = "2021-02-30".into();
    d.write_json(&file, &snapshot);
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[&format!("data/snapshots/{ILL}.json: ok ({ILL})")],
        &[
            "data/manifest.json: snapshots[0].path (entry \"quang-ninh-2021-q1\"): expected a \
             valid snapshot at data/snapshots/quang-ninh-2021-q1.json, found one the widget \
             refuses:",
            "data/snapshots/quang-ninh-2021-q1.json:2:12: as_of: expected a day of the calendar, \
             found \"2021-02-30\"",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn a_snapshot_at_the_manifests_path_is_an_error() {
    let d = Deployment::new("snapshot-as-manifest");
    std::fs::copy(
        d.path(&format!("data/snapshots/{QN}.json")),
        d.path("data/manifest.json"),
    )
    .expect("copy");
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[],
        &[
            "data/manifest.json: expected a manifest (\"format\": \"task-dashboard/manifest\") \
             at a manifest's path, found a snapshot (id \"quang-ninh-2021-q1\"); the widget \
             reads data/manifest.json as its list of snapshots",
            "1 of 1 files failed",
        ],
    );
    // The same file under a snapshot's name is a valid snapshot.
    assert_outcome(
        &d.validate(&[&format!("data/snapshots/{QN}.json")]),
        0,
        &[&format!("data/snapshots/{QN}.json: ok ({QN})")],
        &[],
    );
}

#[test]
fn an_entry_pointing_at_a_manifest_is_an_error() {
    let d = Deployment::new("entry-at-manifest");
    std::fs::copy(d.path("data/manifest.json"), d.path("data/older.json")).expect("copy");
    d.edit_manifest(|m| {
        let mut itself = entry(m, 0).clone();
        itself["id"] = "itself".into();
        itself["path"] = "manifest.json".into();
        let mut older = itself.clone();
        older["id"] = "older".into();
        older["path"] = "older.json".into();
        let list = m["snapshots"].as_array_mut().expect("snapshots");
        list.push(itself);
        list.push(older);
    });
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[
            &format!("data/snapshots/{QN}.json: ok ({QN})"),
            &format!("data/snapshots/{ILL}.json: ok ({ILL})"),
        ],
        &[
            "data/manifest.json: snapshots[2].path (entry \"itself\"): expected a snapshot \
             (\"format\": \"task-dashboard/snapshot\") at data/manifest.json, found a manifest",
            "data/manifest.json: snapshots[3].path (entry \"older\"): expected a snapshot \
             (\"format\": \"task-dashboard/snapshot\") at data/older.json, found a manifest",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn two_entries_with_one_path_are_an_error() {
    let d = Deployment::new("same-path");
    d.edit_manifest(|m| {
        let mut again = entry(m, 0).clone();
        again["id"] = "again".into();
        m["snapshots"]
            .as_array_mut()
            .expect("snapshots")
            .push(again);
    });
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[
            &format!("data/snapshots/{QN}.json: ok ({QN})"),
            &format!("data/snapshots/{ILL}.json: ok ({ILL})"),
        ],
        &[
            "data/manifest.json: snapshots[2].path (entry \"again\"): expected a path no other \
             entry has, found \"snapshots/quang-ninh-2021-q1.json\", the path of snapshots[0] \
             (entry \"quang-ninh-2021-q1\") too; a file has one id, so the widget refuses one \
             of the two",
            "1 of 1 files failed",
        ],
    );
}

#[test]
fn a_snapshot_named_manifest_json_in_an_entry_is_a_warning() {
    let d = Deployment::new("snapshot-named-manifest");
    std::fs::create_dir_all(d.path("data/q1")).expect("dir");
    std::fs::copy(
        d.path(&format!("data/snapshots/{QN}.json")),
        d.path("data/q1/manifest.json"),
    )
    .expect("copy");
    d.edit_manifest(|m| entry(m, 0)["path"] = "q1/manifest.json".into());
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        0,
        &[
            "data/manifest.json: warning: snapshots[0].path (entry \"quang-ninh-2021-q1\"): \
             expected a snapshot's file named other than manifest.json, found \
             data/q1/manifest.json; validated alone, it is refused as a snapshot at a \
             manifest's path",
            &format!("data/q1/manifest.json: ok ({QN})"),
            &format!("data/snapshots/{ILL}.json: ok ({ILL})"),
            "data/manifest.json: ok (2 snapshots)",
        ],
        &[],
    );
}

#[test]
fn a_broken_manifest_under_another_name_is_read_as_a_manifest() {
    let d = Deployment::new("broken-manifest");
    let mut manifest = d.json("data/manifest.json");
    manifest["format"] = "task-dashboard/snapshot".into();
    d.write_json("data/list.json", &manifest);
    manifest["format"] = "task-dashboard/manifest".into();
    let title = entry(&mut manifest, 1)["title"].take();
    entry(&mut manifest, 1)["titel"] = title;
    d.write_json("data/typo.json", &manifest);
    assert_outcome(
        &d.validate(&["data/list.json", "data/typo.json"]),
        1,
        &[],
        &[
            "data/list.json: format: expected \"task-dashboard/manifest\", found \
             \"task-dashboard/snapshot\"",
            // serde_json's map orders members by name: `titel` after `path`. Every error of
            // one run: `take()` left `"title": null`.
            "data/typo.json:20:16: snapshots[1].titel: unknown field `titel`, expected `id`, `path`, \
             `title`, `as_of`, `data_status`, `integrity`, `bytes`, `summary` or `series`",
            "data/typo.json:24:16: snapshots[1].title: expected an object, found null",
            "2 of 2 files failed",
        ],
    );
}

#[test]
fn a_broken_snapshot_is_read_as_a_snapshot() {
    let d = Deployment::new("broken-snapshot");
    let mut snapshot = d.json(&format!("data/snapshots/{QN}.json"));
    snapshot["version"] = 2.into();
    d.write_json("data/snapshots/v2.json", &snapshot);
    assert_outcome(
        &d.validate(&["data/snapshots/v2.json", "data/manifest.json"]),
        1,
        &[
            &format!("data/snapshots/{QN}.json: ok ({QN})"),
            &format!("data/snapshots/{ILL}.json: ok ({ILL})"),
            "data/manifest.json: ok (2 snapshots)",
        ],
        &[
            "data/snapshots/v2.json: version: expected 1 (the format version this widget \
             reads), found 2",
            "1 of 2 files failed",
        ],
    );
}

#[test]
fn a_series_must_be_named_once_in_the_manifest() {
    let d = Deployment::new("series");
    d.edit_manifest(|m| {
        let body = serde_json::json!({"id": "qn", "title": {"vi": "UBND tỉnh Quảng Ninh"}});
        m["series"] = serde_json::json!([body.clone(), body]);
        entry(m, 0)["series"] = "qn".into();
        entry(m, 1)["series"] = "nobody".into();
    });
    assert_outcome(
        &d.validate(&["data/manifest.json"]),
        1,
        &[],
        &[
            "data/manifest.json: snapshots[1].series: expected the id of one of the manifest's \
             `series`, found \"nobody\"",
            "data/manifest.json: series[1].id: duplicate id \"qn\"",
            "1 of 1 files failed",
        ],
    );
}
