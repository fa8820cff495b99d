//! `snapshot-tool bake DIST`: after Trunk, every snapshot of `DIST/data/manifest.json` baked
//! into pages of both builds and both languages (`task_dashboard::bake`), each with its own
//! stylesheet (the build's `main-….css` and the rules that place its bars), content-hashed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use task_dashboard::bake::{
    bake_page, baked_series, compact_view, full_view_href, main_stylesheet, page_name, Build,
    Links, PageSpec,
};
use task_dashboard::format::Lang;
use task_dashboard::snapshot::{parse_manifest, parse_snapshot, ValidSnapshot};
use task_dashboard::tasks::IndexedSnapshot;
use task_dashboard::view_state::LINK_VERSION;

use super::read;

const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

pub fn run(args: &[String]) -> Result<(), String> {
    let dist = PathBuf::from(&args[0]);
    let mut start = PathBuf::from("static/start.js");
    let mut it = args[1..].iter();
    while let Some(flag) = it.next() {
        match (flag.as_str(), it.next()) {
            ("--start", Some(path)) => start = PathBuf::from(path),
            _ => return Err(format!("bake: unknown option {flag}\n{}", super::USAGE)),
        }
    }
    let text = |path: &Path| {
        read(path).and_then(|b| {
            String::from_utf8(b).map_err(|_| format!("{}: not UTF-8", path.display()))
        })
    };

    let manifest_path = dist.join("data/manifest.json");
    let manifest_file = manifest_path.display().to_string();
    let manifest =
        parse_manifest(&manifest_file, &read(&manifest_path)?[..]).map_err(|e| e.to_string())?;
    // Each snapshot, whether a summary of it is published, and its data version (its hash,
    // when published).
    let mut snapshots = Vec::new();
    for entry in &manifest.snapshots {
        let path = manifest_path.with_file_name("").join(&entry.path);
        let file = path.display().to_string();
        let snap = parse_snapshot(&file, &read(&path)?[..]).map_err(|e| e.to_string())?;
        if snap.snapshot().id != entry.id {
            return Err(format!(
                "{file}: its id is not {:?}, as the manifest says",
                entry.id
            ));
        }
        snapshots.push((
            IndexedSnapshot::new(snap),
            entry.summary.is_some(),
            entry.content_hash().map(str::to_owned),
        ));
    }
    // Each snapshot's file by id, for the series part of the pages of a body's reports.
    let files: Vec<(&str, &ValidSnapshot)> = (snapshots.iter())
        .map(|(s, _, _)| (s.snapshot().id.as_str(), &**s))
        .collect();
    let default = manifest.default.as_str();
    // The page of a snapshot names it unless it is the default.
    let own = |id: &str| (id != default).then(|| id.to_owned());

    let start_src = format!("./{}", write_hashed(&dist, "start", "js", &text(&start)?)?);

    for build in [Build::Reader, Build::Full] {
        let template_path = dist.join(page_name(build, None, Lang::Vi));
        let template = text(&template_path)?;
        let main_css = main_stylesheet(&template).ok_or_else(|| {
            format!(
                "{}: no main-….css stylesheet (baked already?)",
                template_path.display()
            )
        })?;
        let main_css = text(&dist.join(main_css.trim_start_matches("./")))?;
        // The reader build draws snapshots without task records, or with a published summary
        // of them (`snapshot-tool publish`); it hands the others to the full build, which has
        // a page of every snapshot.
        let in_build: Vec<(&IndexedSnapshot, Option<&str>)> = (snapshots.iter())
            .filter(|(s, has_summary, _)| {
                build == Build::Full || s.records().is_empty() || *has_summary
            })
            .map(|(s, _, version)| (s, version.as_deref()))
            .collect();
        let ids: Vec<&str> = in_build
            .iter()
            .map(|(s, _)| s.snapshot().id.as_str())
            .collect();
        for &(snap, data_version) in &in_build {
            let id = snap.snapshot().id.as_str();
            // The default snapshot's pages also under its id (a link may name it).
            let names = |lang| {
                let mut names = vec![page_name(build, own(id).as_deref(), lang)];
                if id == default {
                    names.push(page_name(build, Some(id), lang));
                }
                names
            };
            for lang in LANGS {
                let names = names(lang);
                let full_view = full_view_href(lang, own(id).as_deref());
                let others: Vec<(String, String)> = match build {
                    Build::Reader => Vec::new(),
                    Build::Full => (in_build.iter())
                        .map(|(o, _)| o.snapshot())
                        .filter(|o| o.id != id)
                        .map(|o| {
                            let page = page_name(build, own(&o.id).as_deref(), lang);
                            (o.title.get(lang).to_owned(), format!("./{page}"))
                        })
                        .collect(),
                };
                let links = Links {
                    full_view: (build == Build::Reader).then_some(full_view.as_str()),
                    others: &others,
                };
                let series = baked_series(&manifest, &files, id, lang);
                let baked = compact_view(snap, lang, &links, series.as_ref());
                let css_name =
                    write_hashed(&dist, "bake", "css", &(main_css.clone() + &baked.css))?;
                let stylesheet = format!("./{css_name}");
                let spec = PageSpec {
                    build,
                    lang,
                    snapshot: id,
                    default,
                    pages: &ids,
                    title: snap.snapshot().title.get(lang),
                    link_version: LINK_VERSION,
                    stylesheet: &stylesheet,
                    start_script: &start_src,
                    data_version,
                };
                let page = bake_page(&template, &spec, &baked)
                    .map_err(|e| format!("{}: {e}", template_path.display()))?;
                for name in &names {
                    std::fs::write(dist.join(name), &page)
                        .map_err(|e| format!("{}: {e}", dist.display()))?;
                    println!("{name}: {} bytes, {css_name}", page.len());
                }
            }
        }
    }
    Ok(())
}

/// Writes `content` to `dist/stem-<hash>.ext` and returns that name: a file that may be cached
/// for ever. FNV-1a, 64 bits: a name that changes with the content, not a checksum against
/// tampering.
fn write_hashed(dist: &Path, stem: &str, ext: &str, content: &str) -> Result<String, String> {
    let mut name = format!("{stem}-");
    let _ = write!(name, "{:016x}.{ext}", super::fnv(content));
    std::fs::write(dist.join(&name), content).map_err(|e| format!("{}: {e}", dist.display()))?;
    Ok(name)
}
