// Where the time of a filter change goes (headless Chromium, Chrome DevTools Protocol tracing):
// script, style, layout and paint per change, as self time of the renderer's main thread
// events, averaged over N changes; with the number of elements each style recalculation
// touched. Complements bench/browser.mjs, which times the whole change.
//   node bench/trace.mjs ["status chip (toggle overdue)"] [tasks=100000]   (after scripts/build.sh)
//   N=30 node bench/trace.mjs ...                                         (changes traced)
//   CSS='.td-root{...}' LAYOUTS=5 node bench/trace.mjs ...   (try a style; print 5 layout passes)
import { pageForChange } from './setup.mjs';

const runs = Number(process.env.N ?? 20);
// CSS="..." adds a style sheet first: try a style change without rebuilding.
const { name, action, server, browser, page } = await pageForChange({ css: process.env.CSS });

const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
for (let i = 0; i < runs; i++) {
  await page.evaluate(([a, n]) => { window.__perform(a, n); void document.body.offsetHeight; }, [action, i]);
  await page.waitForTimeout(100); // let paint happen, apart from the next change
}
await cdp.send('Tracing.end');
await complete;

// Self time of each complete event on the main thread (children subtracted).
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const spans = events
  .filter((e) => e.ph === 'X' && e.dur && e.pid === main?.pid && e.tid === main?.tid)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const stack = [];
for (const e of spans) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
  self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
  stack.push(e);
}
const perChange = (us) => `${(us / 1000 / runs).toFixed(2).padStart(7)} ms`;
const restyled = spans.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0);
console.log(`trace of "${name}", ${runs} changes, self time per change on the main thread:`);
for (const [event, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${perChange(us)}  ${event}`);
console.log(`  elements restyled per style recalculation: max ${Math.max(0, ...restyled)}`);
// Layout: how many layout objects each pass had to lay out, of how many (beginData).
const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.args?.beginData);
const dirty = layouts.map((e) => e.args.beginData.dirtyObjects ?? 0);
const totals = layouts.map((e) => e.args.beginData.totalObjects ?? 0);
console.log(`  layout objects per layout pass: dirty max ${Math.max(0, ...dirty)} of ${Math.max(0, ...totals)}`);
if (process.env.LAYOUTS) for (const e of layouts.slice(0, Number(process.env.LAYOUTS))) console.log(`    ${(e.dur / 1000).toFixed(2)} ms, ${e.args.beginData.dirtyObjects} of ${e.args.beginData.totalObjects} objects`);
await browser.close();
await server.close();
