//! `snapshot-tool`'s command line (issue #19): help for every command, also where a file name
//! would go, exit status 2 for a command line that cannot be run, and `schema` in every build.

use std::process::{Command, Output};

fn tool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
        .args(args)
        .output()
        .expect("snapshot-tool runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_is_printed_for_the_tool_and_every_command_with_success() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let o = tool(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(
            stdout(&o).contains("snapshot-tool validate FILE..."),
            "{args:?}"
        );
    }
    for command in [
        "validate", "add", "diff", "import", "generate", "schema", "bake",
    ] {
        for flag in ["--help", "-h"] {
            let o = tool(&[command, flag]);
            assert_eq!(o.status.code(), Some(0), "{command} {flag}: {}", stderr(&o));
            assert!(
                stdout(&o).starts_with(&format!("snapshot-tool {command}")),
                "{command} {flag}: {}",
                stdout(&o)
            );
        }
    }
    // Not read as a file, wherever it is.
    let o = tool(&["validate", "data/manifest.json", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains(": ok"), "{}", stdout(&o));
}

#[test]
fn a_command_line_that_cannot_run_says_why_with_status_2() {
    let cases: [(&[&str], &str); 3] = [
        (&[], "snapshot-tool validate FILE..."),
        (&["bogus"], "snapshot-tool: unknown command \"bogus\""),
        (
            &["validate"],
            "snapshot-tool: validate: missing or extra arguments",
        ),
    ];
    for (args, said) in cases {
        let o = tool(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(said), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn schema_prints_the_published_schemas_in_every_build() {
    for which in ["snapshot", "manifest"] {
        let o = tool(&["schema", which]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let file = std::fs::read_to_string(format!(
            "{}/schema/{which}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("schema file");
        assert_eq!(stdout(&o), file, "{which}");
    }
    let o = tool(&["schema", "other"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown schema \"other\": snapshot or manifest"));
}

// Guards: `add` writes a snapshot's manifest entry from the file (no hand copying), updates it
// when the snapshot changes, and the manifest it writes validates (issue #19).
#[test]
fn add_writes_the_manifest_entry_from_the_file() {
    let root = std::env::temp_dir().join(format!("td-add-{}", std::process::id()));
    let snapshots = root.join("data/snapshots");
    std::fs::create_dir_all(&snapshots).expect("temp dir");
    let text = std::fs::read_to_string(format!(
        "{}/data/snapshots/quang-ninh-2021-q1.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the default snapshot");
    let file = snapshots.join("q2.json");
    std::fs::write(
        &file,
        text.replace("quang-ninh-2021-q1", "quang-ninh-2021-q2"),
    )
    .expect("write");
    let manifest = root.join("data/manifest.json");
    let run = |extra: &[&str]| {
        let mut args = vec!["add", file.to_str().expect("path"), "--manifest"];
        args.push(manifest.to_str().expect("path"));
        args.extend_from_slice(extra);
        tool(&args)
    };

    let o = run(&["--title-en", "Q2 2021"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with(
            "added quang-ninh-2021-q2 (snapshots/q2.json, as of 2021-03-31, official), the default\n"
        ),
        "{}",
        stdout(&o)
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).expect("manifest")).expect("JSON");
    let entry = &written["snapshots"][0];
    assert_eq!(entry["path"], "snapshots/q2.json");
    assert_eq!(entry["title"]["en"], "Q2 2021");
    assert_eq!(entry["as_of"], "2021-03-31");
    assert_eq!(written["default"], "quang-ninh-2021-q2");

    // The file changes; `add` again updates its entry, and `validate` agrees with it.
    std::fs::write(
        &file,
        std::fs::read_to_string(&file)
            .expect("read")
            .replace("\"as_of\": \"2021-03-31\"", "\"as_of\": \"2021-06-30\""),
    )
    .expect("write");
    let o = run(&[]);
    assert!(
        stdout(&o).contains("updated quang-ninh-2021-q2 (snapshots/q2.json, as of 2021-06-30"),
        "{}",
        stdout(&o)
    );
    let o = tool(&["validate", manifest.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // A snapshot outside the manifest's folder cannot be fetched by the widget.
    let outside = root.join("elsewhere.json");
    std::fs::copy(&file, &outside).expect("copy");
    let o = tool(&[
        "add",
        outside.to_str().expect("path"),
        "--manifest",
        manifest.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is not inside"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&root);
}

// Guards: `diff` of two quarters of a body says what changed: statuses, the units whose
// counts differ, and each task newly completed, newly overdue, new or removed (issue #19).
#[test]
fn diff_tells_what_changed_from_one_quarter_to_the_next() {
    let root = std::env::temp_dir().join(format!("td-diff-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("temp dir");
    let q1_path = format!(
        "{}/tests/fixtures/records-small.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut q2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&q1_path).expect("fixture")).expect("JSON");
    q2["id"] = "test-records-small-q2".into();
    q2["as_of"] = "2021-06-30".into();
    let records = q2["tasks"]["records"].as_array_mut().expect("records");
    records[3]["completed"] = "2021-05-10".into(); // T4: overdue, then completed late
    records[5]["completed"] = "2021-04-20".into(); // T6: within, then completed on time
    records.retain(|r| r["id"] != "T8"); // removed
    records.push(
        serde_json::json!({ "id": "T9", "title": "Kè sông", "unit": "c",
        "assigned": "2021-04-05", "due": "2021-07-15" }),
    );
    let q2_path = root.join("q2.json");
    std::fs::write(&q2_path, q2.to_string()).expect("write");
    let q2_arg = q2_path.to_str().expect("path");

    let o = tool(&["diff", &q1_path, q2_arg]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_owned).collect();
    assert_eq!(
        lines,
        [
            "test-records-small (as of 2021-03-31) → test-records-small-q2 (as of 2021-06-30)",
            "statuses: on time 2 → 3 (+1), late 2 → 2 (±0), overdue 2 → 2 (±0), within deadline 2 → 1 (−1), total 8 → 8 (±0)",
            "units whose counts changed: 2",
            "  Huyện Bình (b): on time 0 → 0 (±0), late 1 → 1 (±0), overdue 1 → 1 (±0), within deadline 1 → 0 (−1), total 3 → 2 (−1)",
            "  Thành phố Cẩm (c): on time 0 → 1 (+1), late 0 → 0 (±0), overdue 1 → 1 (±0), within deadline 1 → 1 (±0), total 2 → 3 (+1)",
            "tasks newly completed: 2 (T4, T6)",
            "tasks newly overdue: 1 (T5)",
            "tasks new: 1 (T9)",
            "tasks removed: 1 (T8)",
        ]
    );
    let o = tool(&["diff", &q1_path, q2_arg, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["tasks"]["newly_overdue"], serde_json::json!(["T5"]));
    assert_eq!(report["new"]["totals"]["on_time"], 3);
    assert_eq!(report["units"][1]["id"], "c");
    let _ = std::fs::remove_dir_all(&root);
}
