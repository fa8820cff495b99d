// What the Chromium benchmarks share: a generated ILLUSTRATIVE snapshot of `tasks` tasks
// (made once with snapshot-tool, kept in bench/out/), a manifest naming only it, and a server
// of the built widget that serves both in place of the deployment's data.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/browser/server.mjs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = `${ROOT}bench/out`;

/**
 * The slow phone of the load benchmarks (embed-load.mjs, first-view.mjs): 4× slower CPU,
 * 1.6 Mbit/s down, 0.75 up, 150 ms latency per request, cache off.
 */
export async function throttleAsPhone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 0.75e6 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/**
 * Starts the server; returns `{ server, file, id }` (`file`: the snapshot's path).
 * BENCH_DIST=<dir> serves another build (e.g. an older commit's dist/ for a before/after).
 */
export async function benchServer(tasks) {
  const id = `illustrative-2021-q1-${tasks}`;
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/${id}.json`;
  if (!existsSync(file)) {
    console.log(`generating ${file} ...`);
    execFileSync('cargo', ['run', '-q', '--release', '--bin', 'snapshot-tool', '--', 'generate', '--tasks', String(tasks), '--seed', String(tasks), '--out', file], { cwd: ROOT, stdio: 'inherit' });
  }
  const manifest = `${OUT}/bench-manifest.json`;
  writeFileSync(manifest, JSON.stringify({
    format: 'task-dashboard/manifest', version: 1, default: id,
    snapshots: [{ id, path: `snapshots/${id}.json`, title: { vi: `Minh họa ${tasks} nhiệm vụ` }, as_of: '2021-03-31', data_status: 'illustrative' }],
  }));
  const server = await startServer({
    root: process.env.BENCH_DIST ?? `${ROOT}dist`,
    overrides: { 'data/manifest.json': manifest, [`data/snapshots/${id}.json`]: file },
  });
  return { server, file, id };
}

/** The filter changes both benchmarks time: the control a reader uses and how they use it. */
export const ACTIONS = {
  'status chip (toggle overdue)': { selector: '.td-chip-od', act: 'click' },
  'unit kind select (alternate)': { selector: 'select[name=k]', values: ['loc', 'dept', ''] },
  'unit segment (cross-filter)': { selector: '#td-units .td-row-button .td-seg.s-od', act: 'click' },
  'table sort (due asc/desc)': { selector: '[data-sort=due]', act: 'click' },
  // Each query selects other tasks, so every step changes the charts (generated titles put
  // "cao tốc" and "Hạ Long" in one topic: that pair changed only the URL).
  'search text (cycle queries)': { selector: 'input[name=q]', values: ['chuyen doi so', 'du lich', '', 'ha long'] },
  'search typing "ha long" (per key)': { selector: 'input[name=q]', values: ['', 'h', 'ha', 'ha ', 'ha l', 'ha lo', 'ha lon', 'ha long'] },
};

/**
 * Installs `window.__perform(action, i)` in the page: the `i`-th use of an action of
 * `ACTIONS` (a click, or the next value and its change/input event), run inside the page so a
 * timer around it measures no round trip to node.
 */
export function installPerform(page) {
  return page.evaluate(() => {
    window.__perform = ({ selector, act, values }, i) => {
      const el = document.querySelector(selector);
      if (act === 'click') return el.click();
      el.value = values[i % values.length];
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    };
  });
}

/**
 * For the scripts that look inside one kind of change (trace.mjs, profile.mjs): the change
 * named on the command line (`argv[2]`, else the first), a page of the widget on a snapshot
 * of `argv[3]` tasks (100k), with the control in view and four warm-up uses, as a reader
 * would have. `css`: a style sheet added first. Returns `{ name, action, server, browser, page }`.
 */
export async function pageForChange({ css } = {}) {
  const name = process.argv[2] ?? Object.keys(ACTIONS)[0];
  const action = ACTIONS[name];
  if (!action) {
    console.error(`unknown change ${JSON.stringify(name)}; one of:\n  ${Object.keys(ACTIONS).join('\n  ')}`);
    process.exit(2);
  }
  const { server } = await benchServer(Number(process.argv[3] ?? 100000));
  const browser = await launchBrowser();
  const page = await newPage(browser, { url: server.url, viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('.td-task-table tbody tr', { timeout: 60_000 });
  await installPerform(page);
  if (css) await page.addStyleTag({ content: css });
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), action.selector);
  for (let i = 0; i < 4; i++) {
    await page.evaluate(([a, n]) => window.__perform(a, n), [action, i]);
    await page.waitForTimeout(60);
  }
  return { name, action, server, browser, page };
}
