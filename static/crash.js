/* Last-resort notice if the widget's WebAssembly stops on a bug. Release builds compile a
 * Rust panic to a trap (panic = immediate-abort: no panic machinery in the download), which
 * reaches the page as an uncaught WebAssembly.RuntimeError. Data errors never get here: they
 * are messages in the widget. Loaded before the widget, as a classic script (strict CSP). */
(function () {
  "use strict";
  function crashed(error) {
    if (!(error instanceof WebAssembly.RuntimeError) || !document.body) return;
    document.body.textContent = document.documentElement.lang === "en"
      ? "Something went wrong; please reload the page."
      : "Đã xảy ra lỗi, vui lòng tải lại trang.";
    console.error(error);
  }
  addEventListener("error", function (event) { crashed(event.error); });
  addEventListener("unhandledrejection", function (event) { crashed(event.reason); });
})();
