// What the Chromium benchmarks share: a generated ILLUSTRATIVE snapshot of `tasks` tasks
// (made once with snapshot-tool, kept in bench/out/), a manifest naming only it, and a server
// of the built widget that serves both in place of the deployment's data.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/browser/server.mjs';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = `${ROOT}bench/out`;

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
  'search text (cycle queries)': { selector: 'input[name=q]', values: ['cao toc', 'du lich', '', 'ha long'] },
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
