// How soon a news reader on a slow phone sees figures: the widget's pages against a Chart.js 4
// page (bench/chartjs/) drawing the same three charts (task statuses, documents by type, growth
// against targets) from the same JSON (data/snapshots/quang-ninh-2021-q1.json), loaded in
// headless Chromium on a throttled phone profile (4× slower CPU; 1.6 Mbit/s down, 0.75 up,
// 150 ms latency; gzip from the server, cache off; 390 × 844), interleaved run by run:
//   chart.js                 bench/chartjs/index.html (chart.umd.js from tests/browser/node_modules)
//   embed (3 charts)         embed.html?v=2&embed=1&show=status,documents,growth&fid=bench
//   embed (default snippet)  embed.html?v=2&embed=1&show=headline,status&fid=bench
//   full view                index.html
// Both servers send the production Content-Security-Policy. Per page it prints:
//   - figures visible: navigation start → the Chart.js page's performance.mark('figures'), or,
//     for the widget, the first animation frame in which every chart the link shows has its
//     value texts (.td-value) rendered with a box (and, for the default snippet, the headline
//     total): a hidden copy of the view (.td-baked under html.td-live) does not count;
//   - first contentful paint;
//   - bytes transferred (resource timing transferSize, navigation + resources) before the
//     figures were visible (responseEnd ≤ that time) and in all, once the page settled (network
//     idle, then 3 s);
//   - cumulative layout shift (layout-shift entries without recent input, read after settling),
//     the largest over the runs, at 390 × 844 and, for the widget pages, at 800 × 900;
// then embed ÷ chart.js for figures visible and FCP, and the last run's resource timings (with
// each file's protocol, nextHopProtocol).
// Timings are printed, never asserted; it fails (exit 1) if a page logs a console error or does
// not show its figures within 60 s.
//   node bench/first-view.mjs [runs=5] [--http2] [--lighthouse]       (after scripts/build.sh)
// By default both sites are served over HTTP/1.1 (node http, cleartext). --http2 serves them as
// static hosts and CDNs do, over HTTP/2 with TLS (bench/h2-server.mjs: a self-signed certificate
// made at run time, Chromium launched with --ignore-certificate-errors), where a page's files
// share one connection; it fails if a file did not come over h2. Chromium's network emulation
// adds the 150 ms to each request, not to connection set-up (TCP, TLS), so what differs here
// is how the requests share connections (HTTP/1.1: at most 6 at a time per host).
// BENCH_DIST=<dir> measures another build. --lighthouse adds a second opinion: Lighthouse 12.2.3
// (npx, not a dependency; mobile, simulated throttling) on the default snippet and the Chart.js
// page: performance score, LCP, CLS, TBT.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, startServer } from '../tests/browser/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, newPage } from '../tests/browser/browser.mjs';
import { startH2Server } from './h2-server.mjs';
import { ROOT, throttleAsPhone } from './setup.mjs';

const args = process.argv.slice(2);
const lighthouse = args.includes('--lighthouse');
const http2 = args.includes('--http2');
const runs = Number(args.find((a) => !a.startsWith('--')) ?? 5);
if (!Number.isInteger(runs) || runs < 1 || args.some((a) => a.startsWith('--') && a !== '--lighthouse' && a !== '--http2')) {
  console.error('usage: node bench/first-view.mjs [runs=5] [--http2] [--lighthouse]');
  process.exit(2);
}
const DIST = process.env.BENCH_DIST ?? `${ROOT}dist`;
const CHART_JS = `${ROOT}tests/browser/node_modules/chart.js/dist/chart.umd.js`;
for (const [file, hint] of [[`${DIST}/embed.html`, 'bash scripts/build.sh'], [CHART_JS, 'bash scripts/setup.sh']]) {
  if (!existsSync(file)) {
    console.error(`first-view: ${file} is missing (${hint})`);
    process.exit(1);
  }
}

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 800, height: 900 };
const TIMEOUT = 60_000;
const SETTLE = 3_000;
// `bars`: the charts (`.td-bars` ids) whose value texts must be visible; `headline`: a headline
// figure that must be too. The Chart.js page says itself when it has drawn (`chartjs`).
const PAGES = {
  'chart.js': { site: 'root', path: 'bench/chartjs/index.html', chartjs: true },
  'embed (3 charts)': {
    site: 'dist',
    path: 'embed.html?v=2&embed=1&show=status,documents,growth&fid=bench',
    bars: ['#td-status-bars', '#td-documents-bars', '#td-growth-bars'],
  },
  'embed (default snippet)': {
    site: 'dist',
    path: 'embed.html?v=2&embed=1&show=headline,status&fid=bench',
    bars: ['#td-status-bars'],
    headline: '[data-figure="total"]',
  },
  'full view': { site: 'dist', path: 'index.html', bars: ['#td-status-bars'] },
};

// Runs in the page before its own scripts: sums layout shifts, and, on the widget's pages,
// records in `__figures` the time of the first animation frame where the figures are visible.
function observe({ bars = [], headline = null, chartjs = false }) {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  if (chartjs) return;
  const rendered = (el) => {
    if (el.getClientRects().length === 0) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (el.checkVisibility) {
      return el.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
    }
    for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return false;
    return true;
  };
  const filled = (el) => el.textContent.trim() !== '';
  // A chart is visible when one copy of it is rendered and each of its values that has a text
  // is rendered too (a row may have no value text: a growth period with only a target).
  const chartShown = (selector) =>
    [...document.querySelectorAll(selector)].some((chart) => {
      if (!rendered(chart)) return false;
      const values = [...chart.querySelectorAll('.td-value')].filter(filled);
      return values.length > 0 && values.every(rendered);
    });
  const shown = () =>
    bars.every(chartShown) &&
    (!headline || [...document.querySelectorAll(headline)].some((el) => filled(el) && rendered(el)));
  const frame = () => {
    if (shown()) window.__figures = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One load of `name` at `viewport`: { figures, fcp, before, total, cls, resources }. */
async function load(browser, url, name, viewport) {
  const spec = PAGES[name];
  const page = await newPage(browser, { viewport });
  try {
    await page.addInitScript(observe, { bars: spec.bars, headline: spec.headline, chartjs: !!spec.chartjs });
    await throttleAsPhone(page);
    await page.goto(url, { waitUntil: 'commit' });
    const figures = await page
      .waitForFunction(
        spec.chartjs
          ? () => document.documentElement.dataset.figures === 'drawn' && performance.getEntriesByName('figures', 'mark')[0]?.startTime
          : () => window.__figures,
        null,
        { timeout: TIMEOUT, polling: 100 },
      )
      .then((h) => h.jsonValue())
      .catch((e) => {
        if (page.consoleErrors.length) return null; // reported below
        throw new Error(`${name} (${viewport.width}×${viewport.height}): no figures within ${TIMEOUT / 1000} s (${e.message.split('\n')[0]})`);
      });
    if (figures !== null && spec.chartjs) {
      const canvases = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].filter((c) => c.getBoundingClientRect().height > 0 && c.width > 0).length);
      if (canvases !== 3) throw new Error(`chart.js: ${canvases} of 3 canvases drawn`);
    }
    if (figures !== null) {
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
      await page.waitForTimeout(SETTLE);
    }
    if (page.consoleErrors.length) {
      throw new Error(`${name} (${viewport.width}×${viewport.height}) logged errors:\n  ${page.consoleErrors.join('\n  ')}`);
    }
    const timings = await page.evaluate((at) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const sum = (es) => es.reduce((s, e) => s + e.transferSize, 0);
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        before: sum(entries.filter((e) => e.responseEnd <= at)),
        total: sum(entries),
        cls: window.__cls,
        resources: entries.map((e) => ({
          name: e.name.replace(location.origin, ''),
          type: e.initiatorType ?? 'navigation',
          start: e.startTime,
          end: e.responseEnd,
          bytes: e.transferSize,
          protocol: e.nextHopProtocol,
        })),
      };
    }, figures);
    const notH2 = timings.resources.filter((r) => r.protocol !== 'h2');
    if (http2 && notH2.length) {
      throw new Error(`${name} (${viewport.width}×${viewport.height}): not over h2: ${notH2.map((r) => `${r.name} (${r.protocol || '?'})`).join(', ')}`);
    }
    return { figures, ...timings };
  } finally {
    await page.close();
  }
}

function runLighthouse(url, outDir, i) {
  const out = join(outDir, `lh-${i}.json`);
  const argv = [
    '--yes', 'lighthouse@12.2.3', url,
    '--quiet', '--only-categories=performance', '--form-factor=mobile',
    '--output=json', `--output-path=${out}`,
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu${http2 ? ' --ignore-certificate-errors' : ''}`,
  ];
  // Asynchronous: the servers of this process must keep answering while it runs.
  return new Promise((resolve, reject) => {
    execFile('npx', argv, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 << 20 }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`lighthouse ${url}: ${err.message}\n${stderr}`));
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const audit = (id) => report.audits[id]?.numericValue ?? NaN;
      resolve({
        score: (report.categories.performance.score ?? NaN) * 100,
        lcp: audit('largest-contentful-paint'),
        cls: audit('cumulative-layout-shift'),
        tbt: audit('total-blocking-time'),
        warnings: report.runWarnings ?? [],
      });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');

const serve = http2 ? startH2Server : startServer;
const sites = {
  root: await serve({
    root: ROOT,
    gzip: true,
    headers: { 'Content-Security-Policy': CSP },
    overrides: { 'bench/chartjs/chart.umd.js': CHART_JS },
  }),
  dist: await serve({ root: DIST, gzip: true, headers: { 'Content-Security-Policy': CSP } }),
};
const urlOf = (name) => sites[PAGES[name].site].url + PAGES[name].path;
console.log(
  http2
    ? 'protocol: HTTP/2 over TLS (node http2, self-signed certificate; Chromium --ignore-certificate-errors)'
    : 'protocol: HTTP/1.1, cleartext (node http)',
);
const browser = await launchBrowser(http2 ? { args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } : {});
const results = Object.fromEntries(Object.keys(PAGES).map((p) => [p, []]));
const wideCls = Object.fromEntries(Object.keys(PAGES).filter((p) => !PAGES[p].chartjs).map((p) => [p, []]));
let lighthouseResults = null;
try {
  for (let run = 0; run < runs; run++) {
    for (const name of Object.keys(PAGES)) results[name].push(await load(browser, urlOf(name), name, PHONE));
    for (const name of Object.keys(wideCls)) wideCls[name].push((await load(browser, urlOf(name), name, WIDE)).cls);
  }
  if (lighthouse) {
    const dir = mkdtempSync(join(tmpdir(), 'first-view-lh-'));
    try {
      lighthouseResults = {};
      let i = 0;
      for (const name of ['embed (default snippet)', 'chart.js']) lighthouseResults[name] = await runLighthouse(urlOf(name), dir, i++);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} catch (e) {
  console.error(`first-view: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await Promise.all(Object.values(sites).map((s) => s.close()));
}
if (process.exitCode) process.exit();

console.log(
  `first view of the Quảng Ninh Q1/2021 figures, throttled phone profile (4× CPU, 1.6 Mbit/s down, ` +
    `0.75 up, 150 ms, gzip, cache off, 390×844), ${runs} load${runs > 1 ? 's' : ''} each, interleaved:`,
);
const header = [
  'page'.padEnd(24),
  'figures visible p50 (range)'.padEnd(28),
  'FCP p50'.padStart(8),
  'B before figures'.padStart(17),
  'B total'.padStart(9),
  'CLS max'.padStart(8),
  'CLS max 800×900'.padStart(16),
].join('  ');
console.log(`  ${header}`);
const summary = {};
for (const [name, rs] of Object.entries(results)) {
  const figs = rs.map((r) => r.figures);
  summary[name] = { figures: median(figs), fcp: median(rs.map((r) => r.fcp)) };
  const row = [
    name.padEnd(24),
    `${ms(summary[name].figures)} (${Math.min(...figs).toFixed(0)}–${Math.max(...figs).toFixed(0)})`.padEnd(28),
    ms(summary[name].fcp).padStart(8),
    String(Math.round(median(rs.map((r) => r.before)))).padStart(17),
    String(Math.round(median(rs.map((r) => r.total)))).padStart(9),
    Math.max(...rs.map((r) => r.cls)).toFixed(3).padStart(8),
    (wideCls[name] ? Math.max(...wideCls[name]).toFixed(3) : '–').padStart(16),
  ].join('  ');
  console.log(`  ${row}`);
}
console.log('embed ÷ chart.js (p50):');
for (const name of Object.keys(PAGES).filter((p) => !PAGES[p].chartjs)) {
  const ratio = (k) => (summary[name][k] / summary['chart.js'][k]).toFixed(2);
  console.log(`  ${name.padEnd(24)} figures visible ×${ratio('figures')}   FCP ×${ratio('fcp')}`);
}
console.log('last load of each page at 390×844, resource timing (start → response end, bytes transferred, protocol):');
for (const [name, rs] of Object.entries(results)) {
  const last = rs[rs.length - 1];
  console.log(`  ${name}: figures visible at ${ms(last.figures)}, FCP ${ms(last.fcp)}`);
  for (const r of last.resources) {
    const file = r.name.length > 60 ? `…${r.name.slice(-59)}` : r.name;
    console.log(
      `    ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ${String(r.bytes).padStart(7)} B  ` +
        `${(r.protocol || '?').padEnd(8)} ${r.type.padEnd(10)} ${file}`,
    );
  }
}
if (lighthouseResults) {
  console.log('Lighthouse 12.2.3, mobile (simulated throttling), one run each:');
  for (const [name, r] of Object.entries(lighthouseResults)) {
    console.log(
      `  ${name.padEnd(24)} performance ${r.score.toFixed(0).padStart(3)}   LCP ${ms(r.lcp).padStart(8)}   ` +
        `CLS ${r.cls.toFixed(3)}   TBT ${ms(r.tbt).padStart(7)}`,
    );
    for (const w of r.warnings) console.log(`    warning: ${w}`);
  }
}
