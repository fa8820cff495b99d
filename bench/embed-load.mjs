// What portal readers wait for: an embed of the default snapshot (headline and status chart)
// loaded in headless Chromium on a throttled phone profile (4× slower CPU; 1.6 Mbit/s down,
// 150 ms round trip; gzip from the server, cache off), from the reader build (embed.html) and
// from the full build (index.html?embed=1), interleaved. Prints, per build, the bytes the
// page transferred and the time from navigation to the status chart drawn (p50 and range).
// Both are drawn by the WASM: the link carries `us=overdue` (the default unit order), a
// parameter the baked pages leave to it; `bench/first-view.mjs` measures the baked pages.
// Timings are printed, never asserted.
//   node bench/embed-load.mjs [runs=7]        (after scripts/build.sh)
import { startServer } from '../tests/browser/server.mjs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';
import { ROOT, throttleAsPhone } from './setup.mjs';

const runs = Number(process.argv[2] ?? 7);
const QUERY = '?v=2&embed=1&show=headline,status&fid=bench&us=overdue';
const BUILDS = { 'reader build (embed.html)': `embed.html${QUERY}`, 'full build (index.html)': QUERY };
const server = await startServer({ root: process.env.BENCH_DIST ?? `${ROOT}dist`, gzip: true });
const browser = await launchBrowser();
const times = Object.fromEntries(Object.keys(BUILDS).map((b) => [b, []]));
const bytes = {};

for (let run = 0; run < runs; run++) {
  for (const [build, path] of Object.entries(BUILDS)) {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await throttleAsPhone(page);
    await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
    const drawn = await page.waitForFunction(
      () => document.querySelector('.td-root:not(.td-baked) #td-status .td-row') && performance.now(),
      null,
      { timeout: 120_000, polling: 'raf' },
    );
    times[build].push(await drawn.jsonValue());
    bytes[build] = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .reduce((sum, e) => sum + e.transferSize, 0));
    if (page.consoleErrors.length) throw new Error(`${build}: ${page.consoleErrors.join('\n')}`);
    await page.close();
  }
}
await browser.close();
await server.close();

const sorted = (xs) => [...xs].sort((a, b) => a - b);
console.log(`embed of the default snapshot, throttled phone profile, ${runs} loads each:`);
for (const [build, xs] of Object.entries(times)) {
  const s = sorted(xs);
  console.log(
    `  ${build.padEnd(28)} ${String(bytes[build]).padStart(7)} B transferred   ` +
      `navigation → status chart drawn: p50 ${s[Math.floor(s.length / 2)].toFixed(0)} ms ` +
      `(${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)})`,
  );
}
