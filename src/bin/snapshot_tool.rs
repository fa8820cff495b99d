//! Staff command-line tool, built on the same code the browser runs.
//!
//! ```text
//! snapshot-tool validate FILE...          check snapshots or manifests (a manifest: every entry)
//! snapshot-tool add SNAPSHOT [...]        write its manifest entry from the file
//! snapshot-tool diff OLD NEW [--json]      what changed between two snapshots of a body
//! snapshot-tool import FILE [...]          a spreadsheet (CSV, XLSX) as a snapshot
//! snapshot-tool generate --tasks N [--seed S] [--quarter K] [--out FILE]
//!                                         write an ILLUSTRATIVE snapshot with N task records
//! snapshot-tool schema [snapshot|manifest] print the JSON Schema (every build)
//! snapshot-tool bake DIST [--start FILE]   bake every snapshot's views into the built pages
//! snapshot-tool [COMMAND] --help           help; exit status 2 for a command line that cannot run
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use task_dashboard::generate::{illustrative_quarter, Options};
use task_dashboard::snapshot::error::Quoted;
use task_dashboard::snapshot::{
    parse_manifest, parse_snapshot, read_snapshot, validate as validate_snapshot, DataError,
    Manifest, ManifestEntry, Snapshot, ValidSnapshot, BOM, MANIFEST_FORMAT, SNAPSHOT_FORMAT,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str);
    let rest = args.get(1..).unwrap_or_default();
    // `--help` (or `-h`) anywhere asks for help, never for a file of that name.
    if command.is_none_or(is_help) || rest.iter().any(|a| matches!(a.as_str(), "--help" | "-h")) {
        let help = match command.filter(|c| !is_help(c)) {
            None | Some("help") => Some(USAGE.to_owned()),
            Some(c) => command_help(c),
        };
        return match help {
            Some(text) if command.is_some() => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            // No command at all: the usage, on stderr, as a failure.
            Some(text) => {
                eprintln!("{text}");
                ExitCode::from(2)
            }
            None => usage_error(&format!(
                "unknown command {}",
                Quoted(command.unwrap_or_default())
            )),
        };
    }
    let result = match command {
        Some("validate") if !rest.is_empty() => validate(rest),
        Some("generate") => generate(rest),
        Some("schema") if rest.len() <= 1 => {
            schema(rest.first().map_or("snapshot", String::as_str))
        }
        Some("bake") if !rest.is_empty() => bake::run(rest),
        Some("add") if !rest.is_empty() => add::run(rest),
        Some("diff") if !rest.is_empty() => diff::run(rest),
        Some("publish") if !rest.is_empty() => publish::run(rest),
        // The spreadsheet readers are native only (the tool is never a WASM program; only
        // `cargo clippy --target wasm32-unknown-unknown` builds it for that target).
        #[cfg(not(target_arch = "wasm32"))]
        Some("import") if !rest.is_empty() => import::run(rest),
        Some(c) if command_help(c).is_some() => {
            return usage_error(&format!("{c}: missing or extra arguments"))
        }
        Some(c) => return usage_error(&format!("unknown command {}", Quoted(c))),
        None => return usage_error("no command"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn is_help(arg: &str) -> bool {
    matches!(arg, "--help" | "-h" | "help")
}

/// A command line that cannot be run: what is wrong and the usage, exit status 2.
fn usage_error(what: &str) -> ExitCode {
    eprintln!("snapshot-tool: {what}\n\n{USAGE}");
    ExitCode::from(2)
}

pub(crate) const USAGE: &str = "snapshot-tool: check, generate and bake the widget's data files

usage:
  snapshot-tool validate FILE...
  snapshot-tool add SNAPSHOT [--manifest data/manifest.json] [--title-vi T] [--title-en T] [--default]
  snapshot-tool diff OLD NEW [--json]
  snapshot-tool import FILE.csv|FILE.xlsx --as-of DATE --out FILE --jurisdiction NAME --source NAME [...]
  snapshot-tool generate --tasks N [--seed S] [--quarter K] [--out FILE]
  snapshot-tool schema [snapshot|manifest]
  snapshot-tool bake DIST [--start static/start.js]
  snapshot-tool COMMAND --help

Exit status: 0 when everything is valid, 1 when a file is not, 2 for a command line that
cannot be run.";

/// The help of one command; `None` for a command that does not exist.
fn command_help(command: &str) -> Option<String> {
    let text = match command {
        "validate" => {
            "snapshot-tool validate FILE...

Checks snapshot files and manifests with the widget's own reader and validation. A manifest
(a file named manifest.json must be one) is checked with every snapshot it lists: each file
must exist, be valid, and agree with its entry (id, as_of, data_status). Problems are printed
on stderr with the file, the JSON path and what was expected; warnings and \"ok\" on stdout.
Exit status 1 when any file fails."
        }
        "add" => {
            "snapshot-tool add SNAPSHOT [--manifest FILE] [--title-vi TEXT] [--title-en TEXT] [--default]

Adds the snapshot to the manifest (default data/manifest.json, created if missing), or
updates its entry: id, path (relative to the manifest), title (the snapshot's own unless
given), as_of and data_status, all read from the file. --default: links that name no
snapshot show this one. The manifest is checked before it is written."
        }
        "diff" => {
            "snapshot-tool diff OLD NEW [--json]

What changed from one snapshot of a body to the next: the four statuses, each unit whose
counts differ, and with task records in both, the tasks newly completed, newly overdue, new
and removed (by id). --json: the same for machines, every id listed."
        }
        "import" => {
            "snapshot-tool import FILE --as-of DATE --out SNAPSHOT.json --jurisdiction NAME --source NAME
                     [--period-start DATE] [--sheet NAME] [--map MAP.toml] [--units UNITS.csv]
                     [--id ID] [--title TEXT] [--indicator TEXT] [--illustrative] [--json]

Reads a spreadsheet as a snapshot: UTF-8 CSV (with or without BOM, CRLF, quoted fields, `,`
or `;`) or an XLSX workbook (its first sheet, or --sheet NAME). The header row is found below
any title rows, headers read accents and case aside, and it tells the kind of table:

  a task list, one row a task: STT, Mã nhiệm vụ, Tên nhiệm vụ / Nội dung nhiệm vụ, Đơn vị chủ
    trì / Đơn vị thực hiện, Văn bản giao / Số, ký hiệu văn bản, Ngày giao, Hạn xử lý / Thời
    hạn, Ngày hoàn thành. Dates dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, Excel date numbers or date
    cells. Ids are made when there is no Mã nhiệm vụ.
  a table of counts, one row a unit: Đơn vị and status columns (Tổng số / Tổng, Hoàn thành
    đúng hạn, Hoàn thành quá hạn, Đã hoàn thành, Chưa hoàn thành quá hạn / Quá hạn, Chưa hoàn
    thành trong hạn / Còn trong hạn, Chưa hoàn thành); a row Tổng cộng / Cộng becomes the
    totals and must agree with the units' sum. Counts 1.523 or 1,523 are thousands.
  a growth series, one row a figure: Kỳ (2021, 2021-Q1, 2021-H1, 2021-9M, Quý I/2021, 6
    tháng/2021…), Giá trị (%) (8,02 or 8.02), Loại (actual/thực hiện, estimate/ước,
    target/kế hoạch/mục tiêu/kịch bản), and optionally So sánh (at least/tối thiểu,
    above/trên), Nguồn, Ngày công bố, Ghi chú. The snapshot has `growth` only (--indicator
    names it).

--map MAP.toml: a task list with other headers. Keys are the fields (id, number, title,
unit, document, assigned, due, completed), values the headers; columns it does not name are
still recognised by the headers above. [dates] format (optional) is the one order of text
dates (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, dd.mm.yyyy…):

  [columns]
  title = \"Nội dung công việc\"
  unit = \"Cơ quan chủ trì\"
  due = \"Hạn hoàn thành\"
  [dates]
  format = \"dd/mm/yyyy\"

--period-start DATE: the first day the task counts cover (\"01/01–25/12/2017\": 2017-01-01);
the widget then says \"Số liệu từ … đến …\", not only \"đến --as-of\".

Units are matched to --units (id,name,kind) or made from their names (Sở…, Huyện…). Every
row that cannot be read is reported (file, sheet, row as the spreadsheet numbers it, column,
value, what was expected; --json for machines) and nothing is written. The snapshot is
checked by the widget's own validation before it is written. A progress bar is drawn on
stderr when it is a terminal."
        }
        "generate" => {
            "snapshot-tool generate --tasks N [--seed S] [--quarter K] [--out FILE]

Writes an ILLUSTRATIVE snapshot (data_status \"illustrative\": the widget always says so) with
N generated task records, reproducible from the seed (default 2021), to FILE or stdout.
--quarter K (1-4, default 1): the snapshot as of the end of quarter K of 2021; each quarter
evolves the one before (the same tasks, some completed, some newly overdue, new tasks), so
quarter 1 is the single snapshot and `snapshot-tool diff` of two quarters tells what changed."
        }
        "schema" => {
            "snapshot-tool schema [snapshot|manifest]

Prints the JSON Schema of the snapshot format (default) or of the manifest: the files in
schema/, generated from the Rust types (scripts/schema.sh; a test fails when they drift)."
        }
        "bake" => {
            "snapshot-tool bake DIST [--start FILE]

Writes every snapshot's compact view, in both languages, into the built pages of DIST (run
by scripts/build.sh after Trunk). --start: the start-up script (default static/start.js)."
        }
        _ => return None,
    };
    Some(text.to_owned())
}

#[path = "snapshot_tool/add.rs"]
mod add;
#[path = "snapshot_tool/bake.rs"]
mod bake;
#[path = "snapshot_tool/diff.rs"]
mod diff;
#[cfg(not(target_arch = "wasm32"))]
#[path = "snapshot_tool/import.rs"]
mod import;
#[path = "snapshot_tool/publish.rs"]
mod publish;

/// FNV-1a (64 bits): names of content-hashed files, ids that stay the same from one export
/// to the next. Not for security.
pub(crate) fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn validate(files: &[String]) -> Result<(), String> {
    let mut failed = 0;
    for file in files {
        let path = PathBuf::from(file);
        let outcome = read(&path).and_then(|bytes| validate_file(&path, &bytes));
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

/// The name the widget reads its manifest under (`data/manifest.json`, `ui::load`): a file of
/// this name must be a manifest, whatever it holds.
pub(crate) const MANIFEST_NAME: &str = "manifest.json";

/// One file named on the command line: a manifest (and every snapshot it lists) or a snapshot.
fn validate_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let file = path.display().to_string();
    let at_manifest_path = path.file_name().is_some_and(|n| n == MANIFEST_NAME);
    match Found::read(&file, bytes) {
        Found::Manifest(manifest) => validate_manifest(path, bytes, &manifest),
        Found::Snapshot(snapshot) if at_manifest_path => Err(format!(
            "{file}: expected a manifest (\"format\": {}) at a manifest's path, found a snapshot \
             (id {}); the widget reads data/{MANIFEST_NAME} as its list of snapshots",
            Quoted(MANIFEST_FORMAT),
            Quoted(&snapshot.id)
        )),
        Found::Snapshot(snapshot) => {
            let snap = validate_snapshot(&file, *snapshot).map_err(|e| e.to_string())?;
            print_warnings(&file, &snap);
            println!("{file}: ok ({}{})", snap.snapshot().id, bom_note(bytes));
            Ok(())
        }
        Found::Neither { manifest, snapshot } => Err(if at_manifest_path
            || manifest_meant(&manifest, &snapshot)
        {
            manifest
        } else {
            snapshot
        }
        .to_string()),
    }
}

/// What a file holds, read by the library's own readers (those the widget runs).
enum Found {
    /// A manifest that passed validation.
    Manifest(Manifest),
    /// A file of the snapshot's shape, not yet validated (boxed: a snapshot is large).
    Snapshot(Box<Snapshot>),
    /// Neither: each reader's refusal.
    Neither {
        manifest: DataError,
        snapshot: DataError,
    },
}

impl Found {
    fn read(file: &str, bytes: &[u8]) -> Found {
        let manifest = match parse_manifest(file, bytes) {
            Ok(m) => return Found::Manifest(m),
            Err(e) => e,
        };
        match read_snapshot(file, bytes) {
            Ok(s) => Found::Snapshot(Box::new(s)),
            Err(snapshot) => Found::Neither { manifest, snapshot },
        }
    }
}

/// Whether a file that neither reader accepts was meant as a manifest. Both readers take
/// members in the file's order and stop at the first that does not fit, so a manifest stops
/// the snapshot reader at a member only manifests have (`default`, `snapshots`), or the
/// manifest reader stops inside `snapshots` or at `default`; a snapshot stops the manifest
/// reader at its first member of a snapshot (`id`, `as_of`…), before either.
fn manifest_meant(manifest: &DataError, snapshot: &DataError) -> bool {
    let first = |e: &DataError| e.issues.first().map_or("", |i| i.path.as_str()).to_owned();
    let (m, s) = (first(manifest), first(snapshot));
    matches!(s.as_str(), "default" | "snapshots") || m == "default" || m.starts_with("snapshots[")
}

fn print_warnings(file: &str, snap: &ValidSnapshot) {
    for w in snap.warnings() {
        println!("{file}: warning: {w}");
    }
}

fn bom_note(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(BOM) {
        "; its UTF-8 byte-order mark ignored"
    } else {
        ""
    }
}

/// A value as the file writes it (the format's own serialization), for "expected X, found Y".
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("<{e}>"))
}

/// A manifest and every snapshot it lists, read as the widget reads them: each entry's file,
/// at its `path` relative to the manifest (`data/` + path beside `data/manifest.json`), must be
/// a valid snapshot whose fields agree with what the entry repeats of them. `parse_manifest`
/// has checked the manifest itself (format, unique ids, safe paths, the default).
pub(crate) fn validate_manifest(
    path: &Path,
    bytes: &[u8],
    manifest: &Manifest,
) -> Result<(), String> {
    let file = path.display().to_string();
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut errors = Vec::new();
    for (i, entry) in manifest.snapshots.iter().enumerate() {
        // Every field by name: a field added to the entry does not compile until it is
        // compared here, or said not to be a copy of the file's.
        let ManifestEntry {
            id,
            path: entry_path,
            // The picker's label for the snapshot, not a copy of the file's `title`
            // (data/manifest.json labels "Quảng Ninh: Q1 2021, official figures" a snapshot titled
            // "…: direction and management in Q1 2021"); it must say what the file is.
            title,
            as_of,
            data_status,
            // What `publish` wrote of the file, checked against it when present.
            integrity,
            bytes: size,
            summary,
            // Checked against the manifest's `series` by validate_manifest.
            series: _,
        } = entry;
        // Where in the manifest: the entry's JSON path and its id.
        let entry_at = |field: &str| format!("snapshots[{i}].{field} (entry {})", Quoted(id));
        let at = |field: &str| format!("{file}: {}", entry_at(field));
        if let Some((j, first)) =
            (manifest.snapshots[..i].iter().enumerate()).find(|(_, e)| e.path == *entry_path)
        {
            errors.push(format!(
                "{}: expected a path no other entry has, found {}, the path of snapshots[{j}] \
                 (entry {}) too; a file has one id, so the widget refuses one of the two",
                at("path"),
                Quoted(entry_path),
                Quoted(&first.id)
            ));
            continue;
        }
        let snap_path = dir.join(entry_path);
        let snap_file = snap_path.display().to_string();
        let snap_bytes = match std::fs::read(&snap_path) {
            Ok(b) => b,
            Err(e) => {
                let found = match e.kind() {
                    std::io::ErrorKind::NotFound => "no file".to_owned(),
                    _ => format!("a file that cannot be read ({e})"),
                };
                errors.push(format!(
                    "{}: expected a snapshot at {snap_file}, found {found}",
                    at("path")
                ));
                continue;
            }
        };
        let a_manifest = || {
            format!(
                "{}: expected a snapshot (\"format\": {}) at {snap_file}, found a manifest",
                at("path"),
                Quoted(SNAPSHOT_FORMAT)
            )
        };
        let snapshot = match Found::read(&snap_file, &snap_bytes) {
            Found::Snapshot(s) => {
                if snap_path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
                    println!(
                        "{file}: warning: {}: expected a snapshot's file named other than \
                         {MANIFEST_NAME}, found {snap_file}; validated alone, it is refused as \
                         a snapshot at a manifest's path",
                        entry_at("path")
                    );
                }
                s
            }
            Found::Manifest(_) => {
                errors.push(a_manifest());
                continue;
            }
            Found::Neither { manifest, snapshot } => {
                errors.push(if manifest_meant(&manifest, &snapshot) {
                    a_manifest()
                } else {
                    refused(&at("path"), &snap_file, &snapshot)
                });
                continue;
            }
        };
        let before = errors.len();
        let mut agree = |field: &str, entry_value: String, file_value: String| {
            if entry_value != file_value {
                errors.push(format!(
                    "{}: expected {file_value}, as in its file {snap_file}, found {entry_value}{}",
                    at(field),
                    if field == "id" {
                        "; the widget refuses a file whose id is not its entry's"
                    } else {
                        ""
                    }
                ));
            }
        };
        let s = &snapshot;
        agree("id", json(id), json(&s.id));
        agree("as_of", json(as_of), json(&s.as_of));
        agree("data_status", json(data_status), json(&s.data_status));
        if let Some(problem) = publish::title_problem(title, s.data_status) {
            errors.push(format!("{}: {problem}", at("title")));
        }
        if let Some(problem) = publish::check_file(&snap_bytes, integrity.as_deref(), *size) {
            errors.push(format!("{}: {snap_file}: {problem}", at("integrity")));
        }
        if let Some(summary) = summary {
            if let Err(problem) = publish::check_summary(dir, summary, id) {
                errors.push(format!("{}: {problem}", at("summary")));
            }
        }
        match validate_snapshot(&snap_file, *snapshot) {
            Ok(snap) => {
                print_warnings(&snap_file, &snap);
                if errors.len() == before {
                    println!("{snap_file}: ok ({id}{})", bom_note(&snap_bytes));
                }
            }
            Err(e) => errors.push(refused(&at("path"), &snap_file, &e)),
        }
    }
    if errors.is_empty() {
        println!(
            "{file}: ok ({} snapshots{})",
            manifest.snapshots.len(),
            bom_note(bytes)
        );
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// An entry whose file the widget refuses: the entry, then the file's own errors.
fn refused(at: &str, snap_file: &str, error: &DataError) -> String {
    format!(
        "{at}: expected a valid snapshot at {snap_file}, found one the widget refuses:\n{error}"
    )
}

fn generate(args: &[String]) -> Result<(), String> {
    let mut opts = Options {
        tasks: 1738,
        seed: 2021,
    };
    let mut out: Option<String> = None;
    let mut quarter = 1;
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
            "--quarter" => quarter = number()? as usize,
            "--out" => out = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let snapshot = illustrative_quarter(&opts, quarter)
        .ok_or_else(|| format!("--quarter: expected 1 to 4, found {quarter}"))?;
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

/// The JSON Schema of the snapshot format or of the manifest. Derived from the Rust types
/// with the `schema` feature (how scripts/schema.sh writes schema/); in every other build, the
/// files it wrote, which a test keeps equal to the derived ones (`tests/schema.rs`).
fn schema(which: &str) -> Result<(), String> {
    let text = match which {
        "snapshot" | "manifest" => schema_text(which)?,
        other => {
            return Err(format!(
                "unknown schema {}: snapshot or manifest",
                Quoted(other)
            ))
        }
    };
    println!("{}", text.trim_end());
    Ok(())
}

#[cfg(feature = "schema")]
fn schema_text(which: &str) -> Result<String, String> {
    use task_dashboard::snapshot::{Manifest, Snapshot};
    let schema = match which {
        "manifest" => schemars::schema_for!(Manifest),
        _ => schemars::schema_for!(Snapshot),
    };
    serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())
}

#[cfg(not(feature = "schema"))]
fn schema_text(which: &str) -> Result<String, String> {
    Ok(match which {
        "manifest" => include_str!("../../schema/manifest.schema.json"),
        _ => include_str!("../../schema/snapshot.schema.json"),
    }
    .to_owned())
}
