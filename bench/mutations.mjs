// What a filter change rewrites in the page (headless Chromium, MutationObserver): the DOM
// mutations of a few uses of one change, per use, grouped by kind and target. An attribute set
// again to the value it had ("x→x") means a view was rebuilt rather than updated; text changes
// are what the reader sees change. Complements bench/trace.mjs (how long) with what.
//   node bench/mutations.mjs ["unit kind select (alternate)"] [tasks=100000]   (after scripts/build.sh)
//   N=6 TOP=60 node bench/mutations.mjs ...                                  (uses, lines shown)
import { pageForChange } from './setup.mjs';

const uses = Number(process.env.N ?? 3);
const top = Number(process.env.TOP ?? 40);
const { name, action, server, browser, page } = await pageForChange();

const lines = await page.evaluate(async ([action, uses]) => {
  const counts = new Map();
  const describe = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const what = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}` : '?';
    return node === el ? what : `text in ${what}`;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const change = r.type === 'attributes'
        ? `${r.attributeName} ${r.oldValue}→${r.target.getAttribute(r.attributeName)}`.slice(0, 60)
        : r.type;
      const key = `${change}  ${describe(r.target)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  observer.observe(document.body, { attributes: true, attributeOldValue: true, characterData: true, childList: true, subtree: true });
  // Uses past the warm-up ones, each given time for what is put off until after the frame.
  for (let i = 0; i < uses; i++) {
    window.__perform(action, i + 4);
    await new Promise((done) => setTimeout(done, 200));
  }
  observer.disconnect();
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${(n / uses).toFixed(1).padStart(6)}  ${key}`);
}, [action, uses]);

console.log(`DOM mutations of "${name}", per use (${uses} uses):`);
for (const line of lines.slice(0, top)) console.log(line);
if (lines.length > top) console.log(`  … and ${lines.length - top} more kinds (TOP=${lines.length})`);
await browser.close();
await server.close();
