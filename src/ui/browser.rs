//! The few browser APIs the widget uses, each behind one small function (web-sys / js-sys,
//! no JavaScript of our own). Failures come back as values; nothing here panics. The items
//! marked `staff` (address bar, clipboard, downloads, frame ids, the table's view check) are
//! the full build's alone.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
#[cfg(feature = "staff")]
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;
#[cfg(feature = "staff")]
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Runs `f` and adds how long it took, in ms, to the number `window[total]`, which
/// bench/browser.mjs resets before a filter change and reads after it. Two
/// `performance.now()` calls rather than marks and a measure, which stay in the page's
/// timeline, three more entries per filter change, and each cost more as it grows.
pub fn timed<T>(total: &str, f: impl FnOnce() -> T) -> T {
    let (Some(w), start) = (window(), now()) else {
        return f();
    };
    let value = f();
    let key = JsValue::from_str(total);
    let before = Reflect::get(&w, &key).ok().and_then(|v| v.as_f64());
    let _ = Reflect::set(
        &w,
        &key,
        &JsValue::from_f64(before.unwrap_or(0.0) + now() - start),
    );
    value
}

thread_local! {
    /// Looked up once: each lookup is two calls out of the WASM, on every filter change.
    static PERFORMANCE: Option<web_sys::Performance> = window().and_then(|w| w.performance());
}

/// `performance.now()`, or 0 where there is none.
fn now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
}

/// The current query string, with its `?`.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `origin + pathname`: the page's address without query or fragment.
pub fn page_base() -> String {
    window()
        .map(|w| {
            let labels = w.location();
            format!(
                "{}{}",
                labels.origin().unwrap_or_default(),
                labels.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Whether the page shows its baked view until the live one is drawn (`static/start.js`:
/// `html.td-swap`). Only the full build's pages do: constant `false` in the reader build,
/// whose compiler then drops the swap.
pub fn swapping() -> bool {
    if !cfg!(feature = "staff") {
        return false;
    }
    let html = leptos::prelude::document().document_element();
    html.is_some_and(|h| h.class_list().contains("td-swap"))
}

/// Takes the baked view out of the page (`crate::bake`), so the live view's ids are the page's
/// only ones.
pub fn remove_baked_view() {
    let document = leptos::prelude::document();
    if let Some(baked) = document.query_selector(".td-baked").ok().flatten() {
        baked.remove();
    }
}

/// The live view takes the baked one's place (`html.td-swap`, style/main.css), two frames
/// after it was drawn unseen under it: by then its cards have their real height and what it
/// moves has moved, so the frame that shows it shows it as it stays.
pub fn take_over_baked_view() {
    settle_cards(|| {
        remove_baked_view();
        if let Some(html) = leptos::prelude::document().document_element() {
            let _ = html.class_list().remove_1("td-swap");
        }
    });
}

/// For the frame that first shows the data and the next, cards are laid out at their real
/// height (`html.td-settling`, style/main.css), not at a placeholder's; then `then` runs. Not
/// in the reader build: its cards are never skipped (`.is-embed .td-card`).
pub fn settle_cards(then: impl FnOnce() + 'static) {
    if !cfg!(feature = "staff") {
        return;
    }
    let Some(html) = leptos::prelude::document().document_element() else {
        return;
    };
    let classes = html.class_list();
    let _ = classes.add_1("td-settling");
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(move || {
            then();
            let _ = classes.remove_1("td-settling");
        })
    });
}

/// Loads the full build with this page's query in place of the reader build (no history
/// entry: Back skips it). Its link state, the frame id of an embed included, carries over.
pub fn go_to_full_build() {
    let Some(w) = window() else { return };
    let url = format!(
        "{}{}",
        crate::view_state::full_build_base(&page_base()),
        current_query()
    );
    let _ = w.location().replace(&url);
}

/// Replaces the address bar's query without reloading and without a history entry, so the
/// Back button (also the portal's, around an iframe) never walks through filter changes.
#[cfg(feature = "staff")]
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets `<html lang>` so screen readers pronounce the text in the right language.
pub fn set_document_lang(lang: &str) {
    if let Some(html) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang);
    }
}

pub fn set_document_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Sets (or removes, with `None`) a CSS custom property on an element, through the CSSOM so a
/// strict Content-Security-Policy (no inline styles) allows it.
pub fn set_css_var(el: &HtmlElement, name: &str, value: Option<&str>) {
    let style = el.style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// Writes `text` to the clipboard. Fails inside an iframe without `allow="clipboard-write"`
/// or on an insecure origin; the caller then shows the text to copy by hand.
#[cfg(feature = "staff")]
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let w = window().ok_or(())?;
    let promise = w.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

#[cfg(feature = "staff")]
fn blob(parts: &JsValue, mime: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(parts, &options)
}

#[cfg(feature = "staff")]
fn click_download(url: &str, filename: &str) -> Result<(), JsValue> {
    let document = window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let a: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(url);
    a.set_download(filename);
    a.click();
    Ok(())
}

/// Offers `text` as a file download.
#[cfg(feature = "staff")]
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let url = Url::create_object_url_with_blob(&blob(&parts, mime)?)?;
    let result = click_download(&url, filename);
    revoke_later(url);
    result
}

#[cfg(feature = "staff")]
fn revoke_later(url: String) {
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Rasterises an SVG document to a PNG (at twice its size, for sharp text) and offers it as
/// a download. The SVG goes through an `<img>` from a `blob:` URL, hence `img-src blob:` in
/// the Content-Security-Policy.
#[cfg(feature = "staff")]
pub async fn download_svg_as_png(
    filename: &str,
    svg: &str,
    width: u32,
    height: u32,
) -> Result<(), JsValue> {
    let document = window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let parts = Array::of1(&JsValue::from_str(svg));
    let svg_url = Url::create_object_url_with_blob(&blob(&parts, "image/svg+xml")?)?;
    let img = web_sys::HtmlImageElement::new()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&svg_url);
    let load_result = JsFuture::from(loaded).await;
    let _ = Url::revoke_object_url(&svg_url);
    load_result?;

    let scale = 2.0;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width((f64::from(width) * scale) as u32);
    canvas.set_height((f64::from(height) * scale) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or(JsValue::NULL)?
        .unchecked_into();
    ctx.scale(scale, scale)?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)?;

    let png = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    });
    let png: Blob = JsFuture::from(png).await?.dyn_into()?;
    let url = Url::create_object_url_with_blob(&png)?;
    let result = click_download(&url, filename);
    revoke_later(url);
    result
}

/// True when the event comes from an element matching `selector`, or from inside one (for
/// controls written as HTML text, which have no handlers of their own).
pub fn event_target_has(ev: &web_sys::Event, selector: &str) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// True when the page runs inside an iframe.
pub fn in_iframe() -> bool {
    window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// Tells the parent page our content height (see README, "Embedding"):
/// `{ type: "task-dashboard:resize", version: 1, frameId, height }`.
pub fn post_height(frame_id: Option<&str>, height: f64) {
    let Some(w) = window() else { return };
    let Some(parent) = w.parent().ok().flatten() else {
        return;
    };
    let message = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&message, &JsValue::from_str(k), &v);
    };
    set("type", JsValue::from_str("task-dashboard:resize"));
    set("version", JsValue::from_f64(1.0));
    set("frameId", frame_id.map_or(JsValue::NULL, JsValue::from_str));
    set("height", JsValue::from_f64(height.ceil()));
    // The height is not confidential and the widget does not know its host: any origin.
    let _ = parent.post_message(&message, "*");
}

/// Calls `on_resize(height)` whenever `el` changes size. The observer lives as long as the
/// page (the widget's root is never removed).
pub fn observe_height(el: &web_sys::Element, on_resize: impl Fn(f64) + 'static) {
    let callback = Closure::<dyn Fn(Array)>::new(move |entries: Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            on_resize(entry.target().get_bounding_client_rect().height());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
        callback.forget();
    }
}

/// Calls `on_change(true)` when `el` comes into the viewport and `on_change(false)` when it
/// leaves it (also once at the start). Dropping the returned observer stops it.
#[cfg(feature = "staff")]
pub fn observe_in_view(
    el: &web_sys::Element,
    on_change: impl Fn(bool) + 'static,
) -> Option<InView> {
    let callback = Closure::<dyn Fn(Array)>::new(move |entries: Array| {
        // The last entry is the element's latest state.
        let last = entries.get(entries.length().saturating_sub(1));
        if let Some(entry) = last.dyn_ref::<web_sys::IntersectionObserverEntry>() {
            on_change(entry.is_intersecting());
        }
    });
    let observer = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(InView {
        observer,
        _callback: callback,
    })
}

/// A running [`observe_in_view`]; it stops when dropped.
#[cfg(feature = "staff")]
pub struct InView {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn Fn(Array)>,
}

#[cfg(feature = "staff")]
impl Drop for InView {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A random identifier for a new embed snippet (`td-` and 6 base-36 digits).
#[cfg(feature = "staff")]
pub fn random_frame_id() -> String {
    let n = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    let mut digits = String::new();
    let mut x = n;
    for _ in 0..6 {
        digits.insert(0, char::from_digit((x % 36) as u32, 36).unwrap_or('0'));
        x /= 36;
    }
    format!("td-{digits}")
}

/// Logs a panic's message to the console before the trap (a bug: data errors never panic).
#[cfg(panic = "abort")]
pub fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
    }));
}
