// Browser benchmark (headless Chromium) on a generated 100k-task ILLUSTRATIVE snapshot:
//   1. load: the widget's parse + validate + index (performance measure "td-parse", made in
//      src/ui/load.rs) against the browser's own JSON.parse of the same text;
//   2. filter change → redrawn view: from the click (or select change) until every effect has
//      run and layout is done, p50/p95 per kind of change; and "after frame": the work left
//      for after the next frame (the task table's rows when it is out of view, src/ui/paint/effects.rs),
//      its script and layout, p50.
// Prints a table and writes bench/out/browser.json. Timings are printed, never asserted.
//   node bench/browser.mjs [tasks=100000]        (after scripts/build.sh)
//   BENCH_DIST=/tmp/old/dist node bench/browser.mjs   (another build, for a before/after)
//   ONLY=chip,kind CSS='…' node bench/browser.mjs     (changes whose names contain a word; a style
//                                                     tried without rebuilding; load is skipped)
import { writeFileSync, statSync } from 'node:fs';
import { launchBrowser, newPage } from '../tests/browser/browser.mjs';
import { benchServer, installPerform, ACTIONS, OUT as out } from './setup.mjs';

const tasks = Number(process.argv[2] ?? 100000);
const { server, file, id } = await benchServer(tasks);
const browser = await launchBrowser();
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * q)]; };
const fmt = (x) => `${x.toFixed(1)} ms`;
const results = { tasks, bytes: statSync(file).size, load: {}, filters: {} };

const only = process.env.ONLY?.split(',');
const timedActions = Object.entries(ACTIONS).filter(([name]) => !only || only.some((word) => name.includes(word)));

// 1. Load: JSON.parse vs the widget's parse + validate, 3 page loads each.
const parseTimes = [];
const widgetTimes = [];
const drawnTimes = [];
for (let run = 0; run < (only ? 0 : 3); run++) {
  const page = await newPage(browser, { url: `${server.url}data/manifest.json` });
  parseTimes.push(await page.evaluate(async (u) => {
    const text = await (await fetch(u)).text();
    const t0 = performance.now();
    JSON.parse(text);
    return performance.now() - t0;
  }, `${server.url}data/snapshots/${id}.json`));
  await page.goto(server.url);
  await page.waitForSelector('.td-task-table tbody tr', { timeout: 60_000 });
  widgetTimes.push(await page.evaluate(() => performance.getEntriesByName('td-parse')[0]?.duration ?? NaN));
  // The whole load as a reader waits for it: from navigation to the task table drawn (the
  // page, the WASM, the manifest, the 17.6 MB fetch into WASM memory, parse, first draw).
  drawnTimes.push(await page.evaluate(() => performance.now()));
  await page.close();
}
results.load = { json_parse_ms: quantile(parseTimes, 0.5), widget_parse_validate_ms: quantile(widgetTimes, 0.5) };
results.load.ratio = results.load.widget_parse_validate_ms / results.load.json_parse_ms;
results.load.navigation_to_table_ms = quantile(drawnTimes, 0.5);

// 1b. The first search of a page builds the letter-pair index: typed straight into the
// field (the index is built by that key) and after focusing it (built on focus).
results.first_search = {};
for (const focus of only ? [] : [false, true]) {
  const times = [];
  for (let run = 0; run < 2; run++) {
    const page = await newPage(browser, { url: server.url, viewport: { width: 1280, height: 900 } });
    await page.waitForSelector('.td-task-table tbody tr', { timeout: 60_000 });
    times.push(await page.evaluate(async (focus) => {
      const input = document.querySelector('input[name=q]');
      input.scrollIntoView({ block: 'center' });
      if (focus) input.focus();
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      input.value = 'ha long';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      return performance.now() - t0;
    }, focus));
    await page.close();
  }
  results.first_search[focus ? 'after_focus_ms' : 'typed_at_once_ms'] = quantile(times, 0.5);
}

// 2. Filter changes, timed inside the page.
const page = await newPage(browser, { url: server.url, viewport: { width: 1280, height: 900 } });
await page.waitForSelector('.td-task-table tbody tr', { timeout: 60_000 });
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.evaluate(() => {
  // Time from the user action to the end of the work it causes: effects run in microtasks,
  // so a message-channel macrotask comes after all of them; then force style and layout.
  // A reader acts on what is in view: the control is scrolled into view first (untimed), so
  // off-screen cards are skipped as they would be (content-visibility: auto).
  window.__timeAction = async (action, i) => {
    document.querySelector(action.selector).scrollIntoView({ block: 'center' });
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    const channel = new MessageChannel();
    const done = new Promise((resolve) => { channel.port1.onmessage = resolve; });
    window.__tdSelectMs = 0;
    const t0 = performance.now();
    window.__perform(action, i);
    await Promise.resolve();
    channel.port2.postMessage(0);
    await done;
    document.body.getBoundingClientRect();
    void document.body.offsetHeight;
    const total = performance.now() - t0;
    // The core's share: filter + aggregate in WASM (`__tdSelectMs`, src/ui/state.rs).
    const select = window.__tdSelectMs;
    // Work put off until after the next frame: the widget's frame callback (registered during
    // the change, so it runs first) sets a zero timeout, which runs before this one.
    const after = await new Promise((resolve) => requestAnimationFrame(() => {
      const t1 = performance.now();
      setTimeout(() => { void document.body.offsetHeight; resolve(performance.now() - t1); }, 0);
    }));
    return [total, select, after];
  };
});
await installPerform(page);
const act = (action, i) => page.evaluate(([a, n]) => window.__timeAction(a, n), [action, i]);
for (const [name, action] of timedActions) {
  const times = [];
  const core = [];
  const afterFrame = [];
  // A change of several steps (a select's values, queries) costs differently per step: the
  // step a reader lands on decides what is redrawn (e.g. unit rows put back or taken out).
  const bySteps = {};
  for (let i = 0; i < 4; i++) await act(action, i); // warm-up (caches sort orders, JIT)
  for (let i = 0; i < 50; i++) {
    const [total, select, after] = await act(action, i);
    times.push(total);
    core.push(select);
    afterFrame.push(after);
    if (action.values) (bySteps[JSON.stringify(action.values[i % action.values.length])] ??= []).push(total);
  }
  results.filters[name] = {
    p50_ms: quantile(times, 0.5),
    p95_ms: quantile(times, 0.95),
    max_ms: Math.max(...times),
    core_p50_ms: quantile(core, 0.5),
    core_p95_ms: quantile(core, 0.95),
    after_frame_p50_ms: quantile(afterFrame, 0.5),
    ...(action.values && {
      step_p50_ms: Object.fromEntries(Object.entries(bySteps).map(([step, t]) => [step, quantile(t, 0.5)])),
    }),
  };
}
if (page.consoleErrors.length) console.log('console errors:', page.consoleErrors);
await page.close();
await browser.close();
await server.close();

console.log(`browser benchmark: ${tasks} tasks, ${(results.bytes / 1e6).toFixed(1)} MB of JSON (Chromium, headless)`);
if (!only) console.log(`  load:  JSON.parse ${fmt(results.load.json_parse_ms)}   widget parse+validate+index ${fmt(results.load.widget_parse_validate_ms)}   ratio ${results.load.ratio.toFixed(2)}x   (navigation → table drawn ${fmt(results.load.navigation_to_table_ms)})`);
if (!only) console.log(`  first search of a page ("ha long"): ${fmt(results.first_search.typed_at_once_ms)} typed at once, ${fmt(results.first_search.after_focus_ms)} after focusing the field`);
console.log('  filter change → redrawn view               p50        p95        max   core p50   core p95   after frame');
for (const [name, r] of Object.entries(results.filters)) {
  const cols = [r.p50_ms, r.p95_ms, r.max_ms, r.core_p50_ms, r.core_p95_ms, r.after_frame_p50_ms].map((x) => fmt(x).padStart(9));
  console.log(`    ${name.padEnd(37)} ${cols.join('  ')}`);
  if (r.step_p50_ms) console.log(`      p50 per step: ${Object.entries(r.step_p50_ms).map(([step, t]) => `→ ${step} ${fmt(t)}`).join('   ')}`);
}
// A partial or restyled run is not the widget's figure: bench/out/browser.json keeps the last full one.
if (!only && !process.env.CSS) {
  writeFileSync(`${out}/browser.json`, JSON.stringify(results, null, 2));
  console.log('wrote bench/out/browser.json');
}
