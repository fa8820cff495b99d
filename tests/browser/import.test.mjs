// A task tracker's export, imported by snapshot-tool (issue #19), reads in the widget: the
// round trip import → the widget's own validation → the figures a reader sees. Uses the tool
// built by `cargo test` (target/debug/snapshot-tool), which scripts/test.sh runs first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage } from './browser.mjs';
import { ROOT, startWidget, textOf } from './widget.mjs';

const TOOL = `${ROOT}target/debug/snapshot-tool`;

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

test('an imported export shows its four statuses in the widget', async () => {
  assert.ok(existsSync(TOOL), `${TOOL} missing: run cargo test first`);
  const out = join(mkdtempSync(join(tmpdir(), 'td-import-')), 'q1.json');
  const run = spawnSync(TOOL, [
    'import', `${ROOT}tests/fixtures/import/tasks-q1.csv`,
    '--as-of', '2021-03-31', '--out', out, '--id', 'test-records-small',
    '--jurisdiction', 'UBND tỉnh Quảng Ninh', '--source', 'Hệ thống theo dõi nhiệm vụ', '--illustrative',
  ], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const body = readFileSync(out);
  const page = await newPage(w.browser);
  await page.route('**/data/snapshots/test-records-small.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(w.url('?v=2&s=test-records-small'));
  await page.locator('#td-status .td-row-button').first().waitFor({ timeout: 20_000 });
  assert.equal(await textOf(page, '[data-figure=total]'), '4');
  assert.deepEqual(await page.locator('#td-status .td-value').allInnerTexts(), ['1 · 25,0%', '1 · 25,0%', '1 · 25,0%', '1 · 25,0%']);
  const units = await page.locator('#td-units .td-label').allInnerTexts();
  assert.deepEqual([...units].sort(), ['Huyện Vân Đồn', 'Sở Tài chính', 'Sở Xây dựng', 'Thành phố Hạ Long']);
  assert.ok(await page.locator('[data-notice=illustrative]').isVisible());
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
