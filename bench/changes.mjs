// How long the "what changed" tab (#20) takes to appear: navigation start → the first frame in
// which its table (.td-changes-table) is in the page, for the illustrative Q2 against Q1
// (2,041 and 1,738 task records), Q4 against Q3 (2,643 and 2,324) and Q4 against Q1, and the
// tasks tab of Q1 alone as the reference (one snapshot, no comparison); interleaved run by run,
// in headless Chromium without throttling (1280 × 900), production CSP, from dist/ with its
// published data. Also the core's time for the view (parse excluded: `changes_view` and its
// HTML, window.__tdChangesMs). Prints medians and each case ÷ the reference.
//   node bench/changes.mjs [runs=7]        (after scripts/build.sh)
import { CSP, startServer } from '../tests/browser/server.mjs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';
import { ROOT } from './setup.mjs';

const runs = Number(process.argv[2] ?? 7);
const q = (k) => `illustrative-2021-q${k}-1738`;
const CASES = [
  ['Q1 tasks tab (reference)', `?v=2&s=${q(1)}`, '.td-card'],
  ['Q2 vs Q1 changes', `?v=2&s=${q(2)}&t=changes`, '.td-changes-table'],
  ['Q4 vs Q3 changes', `?v=2&s=${q(4)}&t=changes`, '.td-changes-table'],
  ['Q4 vs Q1 changes', `?v=2&s=${q(4)}&t=changes&from=${q(1)}`, '.td-changes-table'],
];

const server = await startServer({ root: `${ROOT}dist/`, basePath: '/w/', headers: { 'Content-Security-Policy': CSP } });
const browser = await launchBrowser();
const times = CASES.map(() => []);
const core = CASES.map(() => []);
try {
  for (let r = 0; r < runs; r++) {
    for (const [i, [, query, selector]] of CASES.entries()) {
      const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}${query}`);
      await page.waitForSelector(selector, { timeout: 60_000 });
      await page.waitForFunction(() => !document.documentElement.classList.contains('td-swap'));
      const [ms, changesMs] = await page.evaluate(() => [performance.now(), window.__tdChangesMs ?? 0]);
      times[i].push(ms);
      core[i].push(changesMs);
      if (page.consoleErrors.length) throw new Error(`${query}: ${page.consoleErrors.join('\n')}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ref = median(times[0]);
console.log(`runs: ${runs} (interleaved), median ms from navigation start`);
for (const [i, [name]] of CASES.entries()) {
  const m = median(times[i]);
  console.log(`${name.padEnd(26)} ${m.toFixed(0).padStart(6)} ms  ×${(m / ref).toFixed(2)}  core view ${median(core[i]).toFixed(1)} ms`);
}
