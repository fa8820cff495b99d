// Which functions a filter change spends its script time in (headless Chromium, CDP sampling
// profiler): self time per change of the top functions, JS and WASM alike. Complements
// bench/trace.mjs (script vs style vs layout) one level down.
// WASM functions have names only in a build that keeps them: `bash scripts/named-build.sh`
// makes one in /tmp/named-dist, then
//   BENCH_DIST=/tmp/named-dist node bench/profile.mjs ["unit segment (cross-filter)"] [tasks=100000]
//   N=30 TOP=40 INCLUSIVE=1 ...          (changes profiled, functions shown, time with callees)
//   CALLERS='RemoveEventHandler' ...     (where the time of the matching functions comes from:
//                                         their heaviest call stacks, innermost callers first)
import { pageForChange } from './setup.mjs';

const runs = Number(process.env.N ?? 30);
const top = Number(process.env.TOP ?? 30);
const { name, action, server, browser, page } = await pageForChange();

const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (let i = 0; i < runs; i++) {
  await page.evaluate(([a, n]) => { window.__perform(a, n); void document.body.offsetHeight; }, [action, i]);
  await page.waitForTimeout(60);
}
const { profile } = await cdp.send('Profiler.stop');

// Self time per function: samples × their intervals, summed by node. INCLUSIVE=1: time with
// callees, each sample counted once per function on its stack.
const inclusive = Boolean(process.env.INCLUSIVE);
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (node) => (node.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
const byName = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  if (!us || label(node) === '(idle)' || label(node) === '(program)') continue;
  total += us;
  const names = new Set([label(node)]);
  if (inclusive) for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) names.add(label(nodes.get(id)));
  for (const key of names) byName.set(key, (byName.get(key) ?? 0) + us);
}
const perChange = (us) => `${(us / 1000 / runs).toFixed(3).padStart(7)} ms`;
console.log(`profile of "${name}", ${runs} changes: ${perChange(total)} sampled per change, top functions by ${inclusive ? 'inclusive' : 'self'} time:`);
for (const [fn, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${perChange(us)}  ${fn.slice(0, 150)}`);
// CALLERS=pattern: time under each call stack that reaches a matching function.
if (process.env.CALLERS) {
  const pattern = new RegExp(process.env.CALLERS);
  const stacks = new Map();
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    if (!us) continue;
    let id = node.id;
    while (id !== undefined && !pattern.test(label(nodes.get(id)))) id = parent.get(id);
    if (id === undefined) continue;
    const chain = [];
    for (let up = id; up !== undefined && chain.length < 12; up = parent.get(up)) {
      const fn = label(nodes.get(up));
      chain.push(fn.slice(0, 110));
    }
    const key = chain.join('\n      ← ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  console.log(`\ncall stacks reaching /${process.env.CALLERS}/:`);
  for (const [key, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${perChange(us)}  ${key}`);
}
await browser.close();
await server.close();
