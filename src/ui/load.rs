//! Fetching the deployment's manifest and snapshots. Paths are relative to the page, so the
//! build works from any sub-path; a link can only name manifest entries, never a URL.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;

use crate::snapshot::error::Quoted;
use crate::snapshot::{
    parse_manifest, parse_snapshot, DataError, Manifest, ManifestEntry, NetworkFault, ValidSnapshot,
};

/// Where the deployment lists its snapshots.
pub const MANIFEST_PATH: &str = "data/manifest.json";

/// How long a file may take to answer, and then to arrive in full: a host that never
/// answers ends in a message with a retry, not in "loading" for ever.
const ANSWER_WITHIN_S: u32 = 15;
const BODY_WITHIN_S: u32 = 60;

/// The file's text. As text rather than bytes: the browser decodes UTF-8 natively, faster
/// than the WASM reader checks bytes (measured: ~50 ms less at 100k tasks). With the
/// manifest's `integrity` (a published file), the browser checks the file's SHA-256 before
/// it answers, and a file changed since is refused, named.
async fn fetch_text(path: &str, integrity: Option<&str>) -> Result<String, DataError> {
    // The browser answers a fetch with integrity only once the whole file has arrived.
    let answer_within = match integrity {
        Some(_) => ANSWER_WITHIN_S + BODY_WITHIN_S,
        None => ANSWER_WITHIN_S,
    };
    let deadline = Deadline::new(answer_within);
    let fault = |deadline: &Deadline| {
        DataError::network(path, deadline.fault().unwrap_or(NetworkFault::Failed))
    };
    let mut request = Request::get(path).abort_signal(deadline.signal().as_ref());
    if let Some(integrity) = integrity {
        request = request.integrity(integrity);
    }
    let response = match request.send().await {
        Ok(response) => response,
        // The browser says no more of a file that fails its integrity than of a failed
        // connection: the file fetched again without it tells them apart.
        Err(_) if integrity.is_some() && deadline.fault().is_none() => {
            let plain = Request::get(path).send().await;
            return Err(match plain {
                Ok(r) if r.ok() => DataError::unreadable(path, TAMPERED),
                _ => fault(&deadline),
            });
        }
        Err(_) => return Err(fault(&deadline)),
    };
    if !response.ok() {
        let status = response.status();
        return Err(match NetworkFault::of_status(status) {
            Some(busy) => DataError::network(path, busy),
            None => DataError::unreadable(
                path,
                format!(
                    "could not be fetched: HTTP {status} {}",
                    response.status_text()
                ),
            ),
        });
    }
    let deadline = deadline.extended(BODY_WITHIN_S);
    response.text().await.map_err(|_| fault(&deadline))
}

/// Aborts a fetch that takes too long, and remembers that it did (an abort for any other
/// reason is a failed connection). The timer is cleared when the deadline is dropped.
struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<leptos::prelude::TimeoutHandle>,
    expired: Rc<Cell<Option<u32>>>,
}

impl Deadline {
    fn new(seconds: u32) -> Deadline {
        let controller = web_sys::AbortController::new().ok();
        let expired = Rc::default();
        let timer = Deadline::start(controller.clone(), &expired, seconds);
        Deadline {
            controller,
            timer,
            expired,
        }
    }

    fn start(
        controller: Option<web_sys::AbortController>,
        expired: &Rc<Cell<Option<u32>>>,
        seconds: u32,
    ) -> Option<leptos::prelude::TimeoutHandle> {
        let expired = Rc::clone(expired);
        leptos::prelude::set_timeout_with_handle(
            move || {
                expired.set(Some(seconds));
                if let Some(c) = controller {
                    c.abort();
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        )
        .ok()
    }

    /// The same fetch given `seconds` more from now.
    fn extended(mut self, seconds: u32) -> Deadline {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
        self.timer = Deadline::start(self.controller.clone(), &self.expired, seconds);
        self
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller
            .as_ref()
            .map(web_sys::AbortController::signal)
    }

    fn fault(&self) -> Option<NetworkFault> {
        self.expired.get().map(NetworkFault::TimedOut)
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
    }
}

/// What a published file that fails its integrity is told as (for the editors: the reader's
/// heading above it says the figures could not be loaded).
const TAMPERED: &str =
    "expected the file published with the manifest (its SHA-256 in `integrity`), \
found a file changed since: the browser refused it. Publish the data again (snapshot-tool publish)";

pub async fn load_manifest() -> Result<Manifest, DataError> {
    let text = fetch_text(MANIFEST_PATH, None).await?;
    parse_manifest(MANIFEST_PATH, text.as_str())
}

/// Which file of a manifest entry to load.
pub enum Version {
    /// The one published now: its summary when the view draws nothing from task records and
    /// the deployment published one (an embed then never downloads records), else the file.
    Current { needs_records: bool },
    /// An older version a pinned link names, at this path (`ManifestEntry::version_path`).
    /// Its integrity is not in the manifest: the hash is the file's name.
    Older(String),
}

/// Fetches, parses and validates a version of one manifest entry's snapshot.
pub async fn load_snapshot(
    entry: &ManifestEntry,
    version: &Version,
) -> Result<ValidSnapshot, DataError> {
    let (file, integrity) = match (version, &entry.summary) {
        (Version::Older(path), _) => (path, None),
        (
            Version::Current {
                needs_records: false,
            },
            Some(summary),
        ) => (&summary.path, Some(&summary.integrity)),
        (Version::Current { .. }, _) => (&entry.path, entry.integrity.as_ref()),
    };
    let path = format!("data/{file}");
    let text = fetch_text(&path, integrity.map(String::as_str)).await?;
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
