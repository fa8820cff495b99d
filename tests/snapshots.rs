//! The shipped snapshots and the catalogue of broken ones.

use std::path::Path;

use serde::Deserialize;
use task_dashboard::generate::{illustrative_snapshot, Options, REAL_Q1_2021_COUNTS};
use task_dashboard::snapshot::{
    parse_manifest, parse_snapshot, read_snapshot, Comparator, DataStatus, DocType, FigureKind,
    Period, PublicationDate,
};
use task_dashboard::tasks::{Status, StatusTally};

fn read(path: &str) -> Vec<u8> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

const DEFAULT: &str = "data/snapshots/quang-ninh-2021-q1.json";

#[test]
fn the_default_snapshot_holds_exactly_the_published_q1_2021_figures() {
    let snap = parse_snapshot(DEFAULT, &read(DEFAULT)).expect("default snapshot is valid");
    let s = snap.snapshot();
    assert_eq!(s.data_status, DataStatus::Official);
    assert_eq!(s.as_of.to_string(), "2021-03-31");
    assert_eq!(
        s.source.published.map(|d| d.to_string()).as_deref(),
        Some("2021-04-09")
    );
    assert_eq!(s.source.author.as_deref(), Some("Hồng Nhung"));

    let tasks = snap.tasks().expect("tasks");
    assert_eq!(tasks.totals, StatusTally::from_counts([506, 123, 41, 1068]));
    assert_eq!(tasks.totals.total(), 1738);
    assert!(tasks.by_unit.is_empty(), "no invented per-unit breakdown");
    assert!(snap.records().is_empty(), "no invented task records");

    let docs = s.documents.as_ref().expect("documents");
    let count = |t: DocType| {
        docs.issued
            .iter()
            .find(|d| d.doc_type == t)
            .map(|d| d.count)
    };
    assert_eq!(count(DocType::Decision), Some(808));
    assert_eq!(count(DocType::OfficialLetter), Some(1523));
    assert_eq!(count(DocType::Directive), Some(2));
    assert_eq!(count(DocType::ThematicReport), Some(45));
    assert_eq!(count(DocType::Notice), Some(30));
    assert_eq!(count(DocType::Plan), Some(58));
    assert_eq!(count(DocType::PartyReport), Some(97));
    assert_eq!(docs.meetings, Some(180));
    assert_eq!(docs.of_which[0].count, 131);

    assert_eq!((s.schemes[0].done, s.schemes[0].total), (6, 13));

    let growth = s.growth.as_ref().expect("growth");
    let point = |p: &str| {
        growth
            .points
            .iter()
            .find(|x| x.period == Period::parse(p).unwrap())
            .unwrap_or_else(|| panic!("no point {p}"))
    };
    let q1 = &point("2021-Q1").values[0];
    assert_eq!((q1.value, q1.kind), (9.02, FigureKind::Estimate));
    let q2 = &point("2021-Q2").values[0];
    assert_eq!(
        (q2.value, q2.kind, q2.comparator),
        (9.5, FigureKind::Target, Some(Comparator::Above))
    );
    let year = &point("2021").values[0];
    assert_eq!(
        (year.value, year.comparator),
        (10.0, Some(Comparator::AtLeast))
    );
    // Every growth figure published before the snapshot's date (or in its own source).
    for p in &growth.points {
        for v in &p.values {
            if let Some(PublicationDate::Day(published)) =
                v.source.as_ref().and_then(|s| s.published)
            {
                assert!(published <= s.as_of, "{} published after as_of", p.period);
            }
        }
    }
}

#[test]
fn snapshots_round_trip_through_json() {
    for path in [DEFAULT, "tests/fixtures/records-small.json"] {
        // Read by the widget's reader, written by serde (the generator), read back.
        let original = read_snapshot(path, &read(path)).unwrap();
        let text = serde_json::to_string(&original).unwrap();
        let again = read_snapshot("again", text.as_bytes()).unwrap();
        assert_eq!(original, again, "{path}");
    }
}

#[test]
fn the_manifest_lists_valid_snapshots_whose_ids_match() {
    let manifest = parse_manifest("data/manifest.json", &read("data/manifest.json")).unwrap();
    assert_eq!(manifest.default, "quang-ninh-2021-q1");
    for entry in &manifest.snapshots {
        let path = format!("data/{}", entry.path);
        let snap = parse_snapshot(&path, &read(&path)).unwrap();
        assert_eq!(snap.snapshot().id, entry.id);
        assert_eq!(snap.snapshot().data_status, entry.data_status);
    }
}

#[test]
fn the_shipped_illustrative_snapshot_is_the_generators_output_with_the_real_totals() {
    let path = "data/snapshots/illustrative-2021-q1-1738.json";
    let generated = illustrative_snapshot(&Options {
        tasks: 1738,
        seed: 2021,
    });
    let shipped = read_snapshot(path, &read(path)).unwrap();
    assert_eq!(shipped, generated, "regenerate with: cargo run --bin snapshot-tool -- generate --tasks 1738 --seed 2021 --out {path}");
    assert_eq!(shipped.data_status, DataStatus::Illustrative);
    assert!(shipped.notice.is_some());

    let snap = parse_snapshot(path, &read(path)).unwrap();
    let totals = snap.tasks().unwrap().totals;
    let counts: Vec<usize> = Status::ALL
        .iter()
        .map(|s| totals.get(*s).unwrap() as usize)
        .collect();
    assert_eq!(counts, REAL_Q1_2021_COUNTS);
}

#[test]
fn generated_snapshots_are_deterministic_and_valid_at_any_size() {
    for tasks in [0, 1, 10, 5000] {
        let a = illustrative_snapshot(&Options { tasks, seed: 7 });
        let b = illustrative_snapshot(&Options { tasks, seed: 7 });
        assert_eq!(a, b);
        let json = serde_json::to_vec(&a).unwrap();
        if tasks > 0 {
            let snap = parse_snapshot("generated", &json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(snap.tasks().unwrap().totals.total() as usize, tasks);
        }
    }
}

#[derive(Deserialize)]
struct Expected {
    file: String,
    path: String,
    message: String,
}

#[test]
fn broken_snapshots_are_rejected_with_their_json_path() {
    let dir = "tests/fixtures/broken";
    let expected: Vec<Expected> =
        serde_json::from_slice(&read(&format!("{dir}/expected.json"))).unwrap();
    let listed: Vec<&str> = expected.iter().map(|e| e.file.as_str()).collect();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "expected.json" || listed.contains(&name.as_str()),
            "{name} has no expectation"
        );
    }
    for e in &expected {
        let file = format!("{dir}/{}", e.file);
        let bytes = read(&file);
        let err = parse_snapshot(&file, &bytes).expect_err(&e.file);
        // The widget reads the text its browser decoded: it refuses the file with the same
        // message, invalid UTF-8 included (the browser makes it U+FFFD).
        let as_text = parse_snapshot(&file, String::from_utf8_lossy(&bytes).as_ref());
        assert_eq!(as_text.as_ref().err(), Some(&err), "{}", e.file);
        assert_eq!(err.file, file);
        let issue = &err.issues[0];
        assert_eq!(issue.path, e.path, "{}: {issue}", e.file);
        assert!(
            issue.message.contains(&e.message),
            "{}: {:?} does not contain {:?}",
            e.file,
            issue.message,
            e.message
        );
    }
}

#[test]
fn per_unit_counts_that_do_not_add_up_are_a_visible_warning() {
    let json = br#"{"format":"task-dashboard/snapshot","version":1,"id":"x","as_of":"2021-03-31",
        "title":{"vi":"t"},"jurisdiction":{"vi":"j"},"data_status":"official","source":{"name":"s"},
        "units":[{"id":"a","name":{"vi":"A"},"kind":"department"}],
        "tasks":{"totals":{"on_time":5,"late":1,"overdue":1,"within_deadline":3},
                 "by_unit":[{"unit":"a","counts":{"on_time":4,"late":1,"overdue":1,"within_deadline":3}}]}}"#;
    let snap = parse_snapshot("x.json", json).unwrap();
    assert_eq!(snap.warnings().len(), 1);
    assert_eq!(snap.warnings()[0].path, "tasks.by_unit");
    assert!(
        snap.warnings()[0].message.contains("add up to 9 tasks"),
        "{}",
        snap.warnings()[0].message
    );
    assert!(snap.warnings()[0].message.contains("says 10"));
}

#[test]
fn a_status_group_known_only_as_a_sum_is_kept_as_a_sum() {
    // Government and Prime Minister's tasks, first 4 months of 2021 (REAL-SERIES.md).
    let json = br#"{"format":"task-dashboard/snapshot","version":1,"id":"x","as_of":"2021-04-30",
        "title":{"vi":"t"},"jurisdiction":{"vi":"j"},"data_status":"official","source":{"name":"vietnamplus.vn"},
        "tasks":{"totals":{"completed":495,"overdue":35,"within_deadline":1059,"total":1589}}}"#;
    let snap = parse_snapshot("x.json", json).unwrap();
    let t = snap.tasks().unwrap().totals;
    assert_eq!(t.get(Status::OnTime), None);
    assert_eq!(t.completed.sum(), 495);
    assert_eq!(t.get(Status::Overdue), Some(35));
    assert_eq!(t.total(), 1589);
}

#[test]
fn a_large_broken_file_reports_a_bounded_number_of_issues() {
    let mut snap = illustrative_snapshot(&Options {
        tasks: 500,
        seed: 1,
    });
    for r in &mut snap.tasks.as_mut().unwrap().records {
        r.unit = "nowhere".into();
    }
    let err = parse_snapshot("big.json", &serde_json::to_vec(&snap).unwrap()).unwrap_err();
    assert_eq!(err.issues.len(), 50);
    assert_eq!(err.more, 450);
}

mod damaged_files {
    //! Fuzz-style: damaged copies of a valid snapshot never panic the reader, and it accepts
    //! only JSON (every file it reads, serde_json reads too).
    use proptest::prelude::*;

    use super::*;

    #[derive(Debug, Clone)]
    enum Damage {
        Delete(usize, usize),
        Insert(usize, u8),
        Replace(usize, u8),
        Truncate(usize),
    }

    fn damage() -> impl Strategy<Value = Damage> {
        // Bytes that matter to JSON's grammar, plus any byte.
        let byte = prop_oneof![
            prop::sample::select(b"{}[]\",:\\0123456789.-eEtfn u\n".to_vec()),
            any::<u8>(),
        ];
        prop_oneof![
            (any::<usize>(), 1usize..8).prop_map(|(at, len)| Damage::Delete(at, len)),
            (any::<usize>(), byte.clone()).prop_map(|(at, b)| Damage::Insert(at, b)),
            (any::<usize>(), byte).prop_map(|(at, b)| Damage::Replace(at, b)),
            any::<usize>().prop_map(Damage::Truncate),
        ]
    }

    fn apply(json: &mut Vec<u8>, damage: &Damage) {
        let len = json.len();
        if len == 0 {
            // Truncated to nothing: an empty file is damage enough.
            return;
        }
        match *damage {
            Damage::Delete(at, n) => {
                let at = at % len;
                json.drain(at..(at + n).min(len));
            }
            Damage::Insert(at, b) => json.insert(at % (len + 1), b),
            Damage::Replace(at, b) => json[at % len] = b,
            Damage::Truncate(at) => json.truncate(at % len),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn damaged_snapshots_are_read_or_refused_never_a_panic(damages in prop::collection::vec(damage(), 1..4)) {
            let mut json = read("tests/fixtures/records-small.json");
            for d in &damages {
                apply(&mut json, d);
            }
            let ours = read_snapshot("damaged.json", &json);
            if ours.is_ok() {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok(), "read what is not JSON");
                // What reads also validates or is refused with a message, without a panic.
                let _ = parse_snapshot("damaged.json", &json);
            } else {
                let err = ours.unwrap_err();
                prop_assert_eq!(err.file.as_str(), "damaged.json");
                prop_assert!(!err.issues[0].message.is_empty());
            }
        }
    }
}

// Guards: the tool and the widget read a file with a UTF-8 byte-order mark alike (#18): as
// bytes (the tool) and as text (the widget, after the browser decoded it), it is the same
// snapshot, and the tool says it ignored the mark.
#[test]
fn a_byte_order_mark_is_ignored_by_both_the_tool_and_the_widget() {
    let bytes = read("data/snapshots/quang-ninh-2021-q1.json");
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(&bytes);
    let as_bytes = parse_snapshot("bom.json", &marked).expect("bytes with a BOM");
    let text = String::from_utf8(marked.clone()).expect("UTF-8");
    let as_text = parse_snapshot("bom.json", text.as_str()).expect("text with a BOM");
    assert_eq!(as_bytes.snapshot(), as_text.snapshot());
    assert_eq!(as_bytes.snapshot().id, "quang-ninh-2021-q1");

    let dir = std::env::temp_dir().join(format!("td-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("bom.json");
    std::fs::write(&file, &marked).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
        .arg("validate")
        .arg(&file)
        .output()
        .expect("snapshot-tool runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("ok (quang-ninh-2021-q1; its UTF-8 byte-order mark ignored)"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// One case of `tests/fixtures/hostile/catalogue.json`.
#[derive(Deserialize)]
struct Hostile {
    name: String,
    pointer: String,
    value: String,
    #[serde(default)]
    repeat: Option<usize>,
    #[serde(default)]
    path: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct Catalogue {
    refused: Vec<Hostile>,
    accepted: Vec<Hostile>,
}

/// `tests/fixtures/records-small.json` with the case's text in place.
fn with_hostile_text(case: &Hostile) -> Vec<u8> {
    let mut doc: serde_json::Value =
        serde_json::from_slice(&read("tests/fixtures/records-small.json")).expect("fixture");
    let text = case.value.repeat(case.repeat.unwrap_or(1));
    *doc.pointer_mut(&case.pointer).expect(&case.pointer) = serde_json::Value::String(text);
    serde_json::to_vec(&doc).expect("JSON")
}

// Guards: the hostile-text catalogue (bidi controls left open, zero-width and control
// characters, text of a megabyte) is refused by the tool, reading bytes, with the path and the
// message the widget shows (tests/browser/hostile.test.mjs), and the accepted cases pass both.
#[test]
fn hostile_text_is_refused_alike_by_the_tool_and_the_widget() {
    let catalogue: Catalogue =
        serde_json::from_slice(&read("tests/fixtures/hostile/catalogue.json")).expect("catalogue");
    let dir = std::env::temp_dir().join(format!("td-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, case) in catalogue.refused.iter().enumerate() {
        let bytes = with_hostile_text(case);
        let err = parse_snapshot("x.json", &bytes).expect_err(&case.name);
        assert_eq!(err.issues[0].path, case.path, "{}", case.name);
        assert_eq!(err.issues[0].message, case.message, "{}", case.name);
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        assert_eq!(parse_snapshot("x.json", text.as_str()).err(), Some(err));

        let file = dir.join(format!("case-{i}.json"));
        std::fs::write(&file, &bytes).expect("write");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_snapshot-tool"))
            .arg("validate")
            .arg(&file)
            .output()
            .expect("snapshot-tool runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: accepted by the tool", case.name);
        assert!(
            stderr.contains(&format!("{}: {}", case.path, case.message)),
            "{}: {stderr}",
            case.name
        );
    }
    for case in &catalogue.accepted {
        parse_snapshot("x.json", &with_hostile_text(case)).expect(&case.name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// Guards: a hand-written snapshot with several mistakes is told all of them in one run, each
// with its path, line and column, and a hint where the mistake is a known one (issue #19); a
// syntax error ends the run, and is told too.
#[test]
fn every_mistake_of_a_hand_written_snapshot_is_told_in_one_run() {
    let text = String::from_utf8(read("data/snapshots/quang-ninh-2021-q1.json")).expect("UTF-8");
    let broken = text
        .replacen("\"as_of\": \"2021-03-31\"", "\"as_of\": \"31/03/2021\"", 1)
        .replacen("\"on_time\": 506", "\"on_time\": 0.506", 1)
        .replacen("\"late\": 123", "\"late\": 123, \"lated\": 1", 1)
        .replacen("\"overdue\": 41", "\"overdue\": 41,,", 1);
    assert_ne!(broken, text);
    let err = parse_snapshot("hand.json", broken.as_str()).expect_err("broken");
    let found: Vec<(&str, &str)> = err
        .issues
        .iter()
        .map(|i| {
            (
                i.path.as_str(),
                i.message.split(';').next().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("as_of", "expected a date YYYY-MM-DD, found \"31/03/2021\""),
            ("tasks.totals.on_time", "expected a whole number from 0 to 4294967295, found 0.506"),
            ("tasks.totals.lated", "unknown field `lated`, expected `on_time`, `late`, `completed`, `overdue`, `within_deadline`, `not_completed` or `total`"),
            ("tasks.totals", "expected a member name in double quotes, found something that is not JSON"),
        ],
        "{err}"
    );
    assert!(!err.issues[1].message.contains("hint"), "{err}");
    assert!(err.issues.iter().all(|i| i.at.is_some()));
    // The tool's form: file:line:column: path: message.
    assert!(err.to_string().starts_with("hand.json:5:"), "{err}");
}
