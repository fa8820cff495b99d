/* task-dashboard embed helper: include once on a page with widget iframes.
 * Each widget posts {type: "task-dashboard:resize", version: 1, frameId, height} to its
 * parent whenever its content height changes; this script sets the height of the iframe
 * that sent it, and of no other: the frame must be marked as a widget
 * (data-task-dashboard="<frame id>"), be the message's source window, show a page of the
 * origin its src names, and the message must carry its frame id. Any other iframe of the
 * page (an advertisement, a video) cannot resize itself or another through this script.
 * Heights are clamped to 120–20000 px. A widget may have told its height before this script
 * (loaded async) listened: on start, and whenever a widget's frame loads, it asks each one to
 * tell it again ("task-dashboard:measure"). No dependencies; safe to include twice. */
(function () {
  "use strict";
  if (window.__taskDashboardEmbed) return;
  window.__taskDashboardEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "task-dashboard:resize" || typeof data.height !== "number" ||
        !isFinite(data.height) || typeof data.frameId !== "string") return;
    var frames = document.querySelectorAll("iframe[data-task-dashboard]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (frame.getAttribute("data-task-dashboard") !== data.frameId) return;
      var origin;
      try { origin = new URL(frame.src, location.href).origin; } catch (e) { return; }
      if (origin !== event.origin) return;
      var height = Math.max(120, Math.min(20000, Math.ceil(data.height)));
      frame.style.height = height + "px";
      frame.setAttribute("scrolling", "no");
      return;
    }
  });
  function measure(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: "task-dashboard:measure" }, "*");
  }
  var widgets = document.querySelectorAll("iframe[data-task-dashboard]");
  for (var i = 0; i < widgets.length; i++) {
    measure(widgets[i]);
    widgets[i].addEventListener("load", measure.bind(null, widgets[i]));
  }
})();
