// How fast this machine's Chromium lays out text, apart from the widget: a bare 20 × 8 table
// (the task table's page) whose cell texts all change, then a forced style + layout, as a
// filter change does. Calibrates the widget's figures: on a machine where this takes 5 ms, a
// redraw of the task table cannot take much less.
//   node bench/layout-floor.mjs
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';

const browser = await launchBrowser();
const page = await newPage(browser);
await page.setContent(`<style>
  body { font-family: system-ui, sans-serif; line-height: 1.45 }
  table { width: 100%; border-collapse: collapse }
  td { padding: .35rem .4rem; vertical-align: top; border-bottom: 1px solid #ccc }
</style><table><tbody id="rows"></tbody></table>`);
const median = await page.evaluate(() => {
  const words = ('Triển khai thực hiện kế hoạch phát triển kinh tế xã hội năm của tỉnh Quảng Ninh về '
    + 'việc báo cáo kết quả công tác chỉ đạo điều hành').split(' ');
  const body = document.getElementById('rows');
  const cells = [];
  for (let r = 0; r < 20; r++) {
    const tr = body.insertRow();
    for (let c = 0; c < 8; c++) cells.push([tr.insertCell().appendChild(document.createTextNode('')), c]);
  }
  void document.body.offsetHeight;
  const times = [];
  for (let i = 0; i < 41; i++) {
    // A title of 12–20 words in column 2, two words elsewhere: new texts every round.
    for (const [text, c] of cells) {
      const n = c === 1 ? 12 + ((i * 7 + c) % 9) : 2;
      text.nodeValue = Array.from({ length: n }, (_, k) => words[(i * 13 + k * 5 + c) % words.length]).join(' ');
    }
    const t0 = performance.now();
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[20];
});
console.log(`style + layout of a 20 × 8 table of text after every cell changed: ${median.toFixed(2)} ms (median of 41)`);
await browser.close();
