/* Start-up of a baked page (`snapshot-tool bake`, src/bake.rs), before its first paint: a
 * classic script in <head>, after the <template id="td-wasm"> that holds the WASM's loader.
 *
 * The page's <body> already holds one view: the compact view of its snapshot (data-td-snapshot)
 * in its language (lang), every part the snapshot has. This script reads the link:
 *   - the view is that one (parts chosen by `show=`, a frame id): the baked view is the page.
 *     The parts the link names are shown (data-td-show, style/main.css), heights are posted to
 *     the portal, and the WASM is never downloaded: a compact view has nothing it would add;
 *   - another snapshot or language that has its own page: that page, same query;
 *   - a page of the full build, with a link to its default full view (only `v`, `s`, `l`):
 *     on the page of that snapshot and language, the baked view shows while the WASM loads
 *     (html.td-swap), and the WASM swaps its full view in, in one frame, once drawn;
 *   - anything else (filters, a look, an old link version): the baked view is hidden before
 *     it is painted (html.td-live) and the WASM draws the link's view, as it always has,
 *     with the messages and migrations of the Rust link codec.
 * It accepts only values the codec would take as they are; anything it is unsure of goes to
 * the WASM (tests/browser/bake.test.mjs compares both ways of drawing a view). */
(function () {
  "use strict";
  var html = document.documentElement;
  var d = html.dataset;
  var query = new URLSearchParams(location.search);

  // The WASM's loader, out of its template. If the program cannot be fetched, compiled or
  // started (a missing or corrupt file, a stale page naming an old one), the reader is told so,
  // in the page's language, with a way to try again, instead of a blank page; on a page that
  // shows its baked view meanwhile, the figures stay. (A trap once it runs is crash.js's.)
  function startWasm() {
    var start = document.getElementById("td-wasm");
    if (!start) return;
    var started = false;
    addEventListener("TrunkApplicationStarted", function () { started = true; });
    function failed(error) {
      if (started || (error && error.name === "RuntimeError") || document.querySelector(".td-failed")) return;
      var en = html.lang === "en";
      // In the baked view's main landmark when it shows; else in a main of its own, whose
      // heading the message is (a page without its view still has a main and an h1).
      var shown = !html.classList.contains("td-live") && document.querySelector(".td-baked main");
      var box = document.createElement("div");
      box.className = "td-failed";
      box.setAttribute("role", "alert");
      var text = document.createElement(shown ? "p" : "h1");
      text.textContent = en
        ? "The program that draws the charts could not be loaded. Check the connection and try again."
        : "Không tải được chương trình vẽ biểu đồ. Hãy kiểm tra kết nối mạng và thử lại.";
      var retry = document.createElement("button");
      retry.type = "button";
      retry.textContent = en ? "Try again" : "Thử lại";
      retry.addEventListener("click", function () { location.reload(); });
      box.appendChild(text);
      box.appendChild(retry);
      if (shown) shown.insertBefore(box, shown.firstChild);
      else {
        var main = document.createElement("main");
        main.appendChild(box);
        document.body.insertBefore(main, document.body.firstChild);
      }
      html.classList.add("td-wasm-failed");
    }
    // A script that cannot be fetched (error event), or the loader's promise rejected (the
    // .wasm missing or corrupt); the body may not be parsed yet.
    function onError(event) {
      var reason = event && event.reason;
      if (document.body) failed(reason);
      else addEventListener("DOMContentLoaded", function () { failed(reason); });
    }
    addEventListener("unhandledrejection", onError);
    // A module's rejected top-level await (Trunk's loader awaits the WASM) is reported as an
    // uncaught error.
    addEventListener("error", function (event) {
      if (event.error) onError({ reason: event.error });
    });
    var nodes = document.importNode(start.content, true);
    var scripts = nodes.querySelectorAll("script");
    for (var i = 0; i < scripts.length; i++) scripts[i].addEventListener("error", onError);
    document.head.appendChild(nodes);
  }

  // The page of snapshot `s` (the default one: "") in language `l`: embed.html, embed.en.html,
  // embed.<id>.html, embed.<id>.en.html (index… for the full build).
  function pageFor(s, l) {
    return d.tdPage + (s && s !== d.tdDefault ? "." + s : "") + (l === "en" ? ".en" : "") + ".html";
  }

  // The link's parameters, if each is one the baked pages know, given once; else null.
  function read(keys) {
    var seen = {};
    var ok = true;
    query.forEach(function (value, key) {
      if (seen[key] !== undefined || keys.indexOf(key) < 0) ok = false;
      seen[key] = value;
    });
    return ok ? seen : null;
  }

  // The full build's pages: "swap" for the page's own default full view, the page of another
  // snapshot or language for its default full view, else "live".
  function judgeFull() {
    var seen = read(["v", "s", "l"]);
    if (!seen || (seen.v !== undefined && seen.v !== d.tdLink)) return "live";
    if (seen.v === undefined && (seen.s !== undefined || seen.l !== undefined)) return "live";
    return place(seen) || "swap";
  }

  // The page of the link's snapshot and language when it is another page (a page to go to),
  // "live" when there is none, null when it is this one.
  function place(seen) {
    var lang = seen.l === undefined ? "vi" : seen.l;
    var snapshot = seen.s === undefined ? d.tdDefault : seen.s;
    var pages = (d.tdPages || "").split(" ");
    if ((lang !== "vi" && lang !== "en") || pages.indexOf(snapshot) < 0) return "live";
    if (snapshot !== d.tdSnapshot || lang !== html.lang) return pageFor(snapshot, lang);
    return null;
  }

  // "baked", "swap", a page to go to, or "live".
  function judge() {
    if (d.tdPage !== "embed") return judgeFull();
    var seen = read(["v", "embed", "s", "d", "l", "show", "fid"]);
    if (!seen || seen.v !== d.tdLink || seen.embed !== "1") return "live";
    // A pinned link (`d=`) is this page only if it pins the data baked in; the page of
    // another snapshot checks its own.
    if (seen.d !== undefined && seen.d !== d.tdData && (seen.s === undefined ? d.tdDefault : seen.s) === d.tdSnapshot) return "live";
    if (seen.fid !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(seen.fid)) return "live";
    // Parts: known, each once, in the order the embed panel writes them.
    var known = d.tdParts.split(" ");
    var parts = seen.show === undefined ? ["headline", "status"] : seen.show.split(",");
    var last = -1;
    for (var i = 0; i < parts.length; i++) {
      var at = known.indexOf(parts[i]);
      if (at <= last) return "live";
      last = at;
    }
    var elsewhere = place(seen);
    if (elsewhere) return elsewhere;
    html.setAttribute("data-td-show", parts.join(" "));
    return "baked";
  }

  // The portal's resize script (embed.js) sets the iframe's height from these messages, the
  // same the WASM posts (for the view on show: the baked one, else the live one). The first
  // may come before the portal's script listens (it loads async): it asks again with
  // "task-dashboard:measure" once it does.
  function postHeight() {
    var roots = document.querySelectorAll(".td-root");
    for (var i = 0; i < roots.length; i++) {
      if (!roots[i].getClientRects().length) continue;
      window.parent.postMessage({
        type: "task-dashboard:resize",
        version: 1,
        frameId: query.get("fid"),
        height: Math.ceil(roots[i].getBoundingClientRect().height)
      }, "*");
      return;
    }
  }

  function postHeights() {
    var root = document.querySelector(".td-baked");
    if (root && typeof ResizeObserver === "function") new ResizeObserver(postHeight).observe(root);
  }

  if (window.parent !== window) {
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === "task-dashboard:measure") postHeight();
    });
  }

  var verdict = judge();
  if (verdict === "baked") {
    if (window.parent === window) return;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", postHeights);
    } else {
      postHeights();
    }
  } else if (verdict === "swap" || verdict === "live") {
    html.classList.add(verdict === "swap" ? "td-swap" : "td-live");
    startWasm();
  } else {
    location.replace(verdict + location.search + location.hash);
  }
})();
