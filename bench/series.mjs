// What the series view costs a reader (issue #20): embeds of the Government's 8 months of 2021
// in headless Chromium on a throttled phone profile (4× slower CPU; 1.6 Mbit/s down, 150 ms
// round trip; gzip, cache off), interleaved: its series baked (the snippet's link: the reader
// build's page of that report, no WASM), the same series drawn live by the full build (three
// report files), and one report's headline and status drawn live by the full build (the
// reference). Prints, per view, the bytes the page transferred, the requests, and the time from
// navigation to the view drawn (p50 and range), and each p50 ÷ the reference's.
// Timings are printed, never asserted.
//   node bench/series.mjs [runs=7]        (after scripts/build.sh)
import { startServer } from '../tests/browser/server.mjs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';
import { ROOT, throttleAsPhone } from './setup.mjs';

const runs = Number(process.argv[2] ?? 7);
const THIRD_ROW = '#td-series-bars .td-row ~ .td-row ~ .td-row';
// `us=overdue` (the default's meaning) keeps a link off its baked page: drawn by the WASM.
const VIEWS = {
  'one report, live (reference)': ['?v=2&s=chinh-phu-2021-8t&embed=1&show=headline,status&us=overdue', '.td-root:not(.td-baked) #td-status .td-row'],
  'series of three, live': ['?v=2&s=chinh-phu-2021-8t&embed=1&show=series&us=overdue', `.td-root:not(.td-baked) ${THIRD_ROW}`],
  'series of three, baked': ['embed.chinh-phu-2021-8t.html?v=2&s=chinh-phu-2021-8t&embed=1&show=series', `.td-root.td-baked ${THIRD_ROW}`],
};
const server = await startServer({ root: process.env.BENCH_DIST ?? `${ROOT}dist`, gzip: true });
const browser = await launchBrowser();
const times = Object.fromEntries(Object.keys(VIEWS).map((v) => [v, []]));
const bytes = {};
const requests = {};

for (let run = 0; run < runs; run++) {
  for (const [view, [query, drawnSelector]] of Object.entries(VIEWS)) {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await throttleAsPhone(page);
    await page.goto(`${server.url}${query}`, { waitUntil: 'commit' });
    const drawn = await page.waitForFunction(
      (sel) => document.querySelector(sel) && performance.now(),
      drawnSelector,
      { timeout: 120_000, polling: 'raf' },
    );
    times[view].push(await drawn.jsonValue());
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .map((e) => e.transferSize));
    bytes[view] = entries.reduce((a, b) => a + b, 0);
    requests[view] = entries.length;
    if (page.consoleErrors.length) throw new Error(`${view}: ${page.consoleErrors.join('\n')}`);
    await page.close();
  }
}
await browser.close();
await server.close();

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`embeds of the Government's 8 months of 2021, throttled phone profile, ${runs} loads each, interleaved:`);
for (const [view, xs] of Object.entries(times)) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(
    `  ${view.padEnd(30)} ${String(bytes[view]).padStart(7)} B in ${requests[view]} requests   ` +
      `navigation → drawn: p50 ${p50(xs).toFixed(0)} ms (${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)})`,
  );
}
const reference = p50(Object.values(times)[0]);
for (const [view, xs] of Object.entries(times).slice(1)) {
  console.log(`  ${view} / reference: ×${(p50(xs) / reference).toFixed(2)}`);
}
