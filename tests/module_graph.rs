//! The module graph follows the data: no two modules import each other, at the crate's top
//! level (`snapshot`, `tasks`, `format`, …) or between the files of one folder
//! (`tasks/index.rs`, `tasks/filter.rs`, …), and the top level keeps its declared layers.
//!
//! Read from the sources: `crate::m` names top-level module `m`; `super::f` in a folder's
//! file names its sibling file `f` (a folder's `mod.rs` is its facade, re-exporting the files,
//! and is not a node). Run alone: `cargo test --test module_graph -- --nocapture` prints the
//! graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level modules from the bottom layer up: a module may use only those before it.
/// `ui` (wasm32 only) sits on top of everything.
const LAYERS: &[&str] = &[
    "codes",
    "order",
    "text",
    "html",
    "snapshot",
    "tasks",
    "format",
    "generate",
    "chart",
    "task_table",
    "redraw",
    "view_state",
    "markup",
    "bake",
    "ui",
];

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`, with its path relative to `src/`.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix("src")
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The code of a file without its `#[cfg(test)] mod tests` (tests may reach anywhere) and
/// without comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Identifiers that follow `prefix` in `code`.
fn names_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .filter(|(i, _)| {
            // `crate::x`, not `some_crate::x`.
            !code[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|n| !n.is_empty())
        .collect()
}

fn graphs() -> (Graph, BTreeMap<String, Graph>) {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut top: Graph = BTreeMap::new();
    let mut folders: BTreeMap<String, Graph> = BTreeMap::new();
    for (rel, text) in &files {
        let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
        if matches!(parts[0], "lib" | "main" | "bin") {
            continue;
        }
        let module = parts[0].to_owned();
        let code = code(text);
        let uses = top.entry(module.clone()).or_default();
        for name in names_after(&code, "crate::") {
            if name != module {
                uses.insert(name.to_owned());
            }
        }
        // Files of a folder (one level): `super::sibling`.
        if parts.len() == 2 && parts[1] != "mod" {
            let folder = folders.entry(module.clone()).or_default();
            let siblings: BTreeSet<String> = files
                .iter()
                .filter_map(|(r, _)| {
                    let p: Vec<&str> = r.trim_end_matches(".rs").split('/').collect();
                    (p.len() == 2 && p[0] == module && p[1] != "mod").then(|| p[1].to_owned())
                })
                .collect();
            let uses = folder.entry(parts[1].to_owned()).or_default();
            for name in names_after(&code, "super::") {
                if siblings.contains(name) && name != parts[1] {
                    uses.insert(name.to_owned());
                }
            }
        }
    }
    (top, folders)
}

/// A cycle of `graph`, if it has one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut found = path[i..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn print(name: &str, graph: &Graph) {
    println!("{name}");
    for (module, uses) in graph {
        let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
        println!("  {module} → {}", uses.join(", "));
    }
}

#[test]
fn no_two_top_level_modules_import_each_other() {
    let (top, _) = graphs();
    print("crate", &top);
    assert_eq!(cycle(&top), None, "a cycle of top-level modules");
}

#[test]
fn no_two_files_of_a_folder_import_each_other() {
    let (_, folders) = graphs();
    for (folder, graph) in &folders {
        print(folder, graph);
        assert_eq!(
            cycle(graph),
            None,
            "a cycle among the files of src/{folder}/"
        );
    }
}

#[test]
fn each_top_level_module_uses_only_the_layers_below_it() {
    let (top, _) = graphs();
    for (module, uses) in &top {
        let Some(layer) = LAYERS.iter().position(|l| l == module) else {
            panic!("src/{module} is not in LAYERS: add it where it belongs");
        };
        for used in uses {
            let below = LAYERS.iter().position(|l| l == used);
            assert!(
                below.is_some_and(|b| b < layer),
                "{module} uses {used}, which is not a layer below it ({LAYERS:?})"
            );
        }
    }
}

/// The checks above would pass on an empty graph: make sure they read real imports.
#[test]
fn the_graph_reads_the_imports_it_checks() {
    let (top, folders) = graphs();
    assert!(top["tasks"].contains("snapshot"), "{:?}", top["tasks"]);
    assert!(top["chart"].contains("format"), "{:?}", top["chart"]);
    assert!(folders["tasks"]["selector"].contains("index"));
    let mut looped = Graph::new();
    looped.entry("a".into()).or_default().insert("b".into());
    looped.entry("b".into()).or_default().insert("a".into());
    assert_eq!(
        cycle(&looped),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}

/// Markup reaches the page through one file, `ui/parts.rs`, whose `inner_html`s are set from
/// `crate::html::Html` (text only the escaping writer makes): no other view sets HTML.
#[test]
fn only_the_html_text_parts_set_inner_html() {
    let mut files = Vec::new();
    sources(Path::new("src/ui"), &mut files);
    let setting: Vec<&str> = files
        .iter()
        .filter(|(_, text)| {
            let code = code(text);
            code.contains("inner_html") || code.contains("set_inner_html")
        })
        .map(|(rel, _)| rel.as_str())
        .collect();
    assert_eq!(setting, ["ui/parts.rs"]);
    let parts = &files
        .iter()
        .find(|(rel, _)| rel == "ui/parts.rs")
        .unwrap()
        .1;
    // Every markup function called there hands over its `Html` (not a `String` made by hand).
    let markup_calls = names_after(parts, "markup::")
        .into_iter()
        .filter(|name| name.starts_with(|c: char| c.is_ascii_lowercase()))
        .count();
    assert!(markup_calls >= 5, "{markup_calls}");
    assert_eq!(markup_calls, parts.matches(".into_string()").count());
}
