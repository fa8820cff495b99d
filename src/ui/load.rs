//! Fetching the deployment's manifest and snapshots. Paths are relative to the page, so the
//! build works from any sub-path; a link can only name manifest entries, never a URL.

use gloo_net::http::Request;

use crate::snapshot::error::Quoted;
use crate::snapshot::{
    parse_manifest, parse_snapshot, DataError, Manifest, ManifestEntry, ValidSnapshot,
};

/// Where the deployment lists its snapshots.
pub const MANIFEST_PATH: &str = "data/manifest.json";

/// The file's text. As text rather than bytes: the browser decodes UTF-8 natively, faster
/// than the WASM reader checks bytes (measured: ~50 ms less at 100k tasks).
async fn fetch_text(path: &str) -> Result<String, DataError> {
    let fail = |message: String| DataError::unreadable(path, message);
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| fail(format!("could not be fetched: {e}")))?;
    if !response.ok() {
        return Err(fail(format!(
            "could not be fetched: HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|e| fail(format!("could not be read: {e}")))
}

pub async fn load_manifest() -> Result<Manifest, DataError> {
    let text = fetch_text(MANIFEST_PATH).await?;
    parse_manifest(MANIFEST_PATH, text.as_str())
}

/// Fetches, parses and validates one manifest entry's snapshot.
pub async fn load_snapshot(entry: &ManifestEntry) -> Result<ValidSnapshot, DataError> {
    let path = format!("data/{}", entry.path);
    let text = fetch_text(&path).await?;
    // Marked for bench/browser.mjs: parse + validate, against the browser's own JSON.parse.
    let perf = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &perf {
        let _ = p.mark("td-parse-start");
    }
    let parsed = parse_snapshot(&path, text.as_str());
    if let Some(p) = &perf {
        let _ = p.mark("td-parse-end");
        let _ =
            p.measure_with_start_mark_and_end_mark("td-parse", "td-parse-start", "td-parse-end");
    }
    let snap = parsed?;
    if snap.snapshot().id != entry.id {
        return Err(DataError::single(
            &path,
            "id",
            format!(
                "expected {} (the manifest's id for this file), found {}",
                Quoted(&entry.id),
                Quoted(&snap.snapshot().id)
            ),
        ));
    }
    Ok(snap)
}
