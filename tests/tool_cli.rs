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
    for command in ["validate", "generate", "schema", "bake"] {
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
