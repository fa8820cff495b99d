// axe-core for the browser tests: every rule it runs by default (WCAG 2.x A and AA and its
// best practices). The page must be served without the CSP header, its meta CSP bypassed
// (`startWidget({ csp: false })`), so that axe-core can be injected.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page and fails with a readable list of the violations. */
export async function assertNoAxeViolations(page, what) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // Every rule axe-core enables by default: WCAG and best practices (not the experimental).
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary })),
    }));
  });
  const report = violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => `    - ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n\s*/g, ' ')}`);
      const more = v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : [];
      return [`  ${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}\n    ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
  assert.equal(violations.length, 0, `axe-core violations in ${what}:\n${report}`);
}

