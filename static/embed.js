/* task-dashboard embed helper: include once on a page with widget iframes.
 * Each widget posts {type: "task-dashboard:resize", version: 1, frameId, height} to its
 * parent whenever its content height changes; this script sets the height of the iframe
 * that sent it (matched by the message's source window and origin), so the frame neither
 * crops nor leaves a gap and has no inner scrollbar. No dependencies; safe to include twice. */
(function () {
  "use strict";
  if (window.__taskDashboardEmbed) return;
  window.__taskDashboardEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "task-dashboard:resize" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try { origin = new URL(frame.src, location.href).origin; } catch (e) { return; }
      if (origin !== event.origin) return;
      var height = Math.max(120, Math.min(20000, Math.ceil(data.height)));
      frame.style.height = height + "px";
      frame.setAttribute("scrolling", "no");
      return;
    }
  });
})();
