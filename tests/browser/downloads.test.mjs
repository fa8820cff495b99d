// Downloads a reader takes away: CSV of a chart (Excel-friendly UTF-8, headers in the reader's
// language, plain numbers), SVG and PNG of a chart with its source line (and the illustrative
// notice), and the CSV of the tasks of the current selection. Under the production CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startWidget, openWidget, readJson, statusOf } from './widget.mjs';

const ILL = 'illustrative-2021-q1-1738';
const BOM = [0xef, 0xbb, 0xbf];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let w;
before(async () => {
  w = await startWidget();
});
after(async () => {
  await w?.close();
});

/** Clicks `selector` and returns the downloaded file: { name, bytes, text }. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.locator(selector).click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** RFC 4180 CSV (quoted fields, CRLF) → rows of fields; the BOM is dropped. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.ok(!quoted, 'unterminated quote');
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** Records CSP violations of the page in window.__csp (Chromium also logs them as console errors). */
async function watchCsp(page) {
  await page.evaluate(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

// Guards: the status CSV opens in Excel with Vietnamese intact and numbers usable as numbers.
test('status chart CSV: BOM, Vietnamese headers, plain numbers', async () => {
  const page = await openWidget(w);
  const csv = await download(page, '#td-status [data-download=csv]');
  assert.equal(csv.name, 'quang-ninh-2021-q1-status.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], BOM, 'UTF-8 byte-order mark');
  assert.ok(csv.text.includes('\r\n'), 'CRLF line ends');
  const [header, ...rows] = parseCsv(csv.text);
  assert.deepEqual(header, ['Tình trạng', 'Số lượng', 'Tỷ lệ']);
  assert.deepEqual(rows, [
    ['Hoàn thành đúng hạn', '506', '29.11'],
    ['Hoàn thành quá hạn', '123', '7.08'],
    ['Chưa hoàn thành, quá hạn', '41', '2.36'],
    ['Chưa hoàn thành, còn trong hạn', '1068', '61.45'],
    ['Tổng', '1738', '100.00'],
  ]);
  // Labels with a comma are quoted so the columns stay aligned.
  assert.ok(csv.text.includes('\r\n"Chưa hoàn thành, quá hạn",41,'), csv.text);
  assert.ok(!/1\.068|29,1/.test(csv.text), 'no display formatting in the CSV');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: an English reader gets English column headers.
test('status chart CSV in English', async () => {
  const page = await openWidget(w, '?l=en');
  const csv = await download(page, '#td-status [data-download=csv]');
  const [header, ...rows] = parseCsv(csv.text);
  assert.deepEqual(header, ['Status', 'Count', 'Share']);
  assert.deepEqual(rows.map((r) => r[0]), ['Completed on time', 'Completed late', 'Not completed, overdue', 'Not completed, within deadline', 'Total']);
  assert.deepEqual(rows.map((r) => r[1]), ['506', '123', '41', '1068', '1738']);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the chart images carry the title and the source line, and the PNG renders under the strict CSP.
test('status chart SVG and PNG, with title and source, under the production CSP', async () => {
  const page = await openWidget(w);
  await watchCsp(page);
  const svg = await download(page, '#td-status [data-download=svg]');
  assert.equal(svg.name, 'quang-ninh-2021-q1-status.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      name: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n'),
    };
  }, svg.text);
  assert.equal(parsed.error, null, 'the SVG is well-formed XML');
  assert.equal(parsed.name, 'svg');
  assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
  assert.match(parsed.texts, /Tình trạng thực hiện nhiệm vụ/);
  assert.match(parsed.texts, /Hồng Nhung/);
  assert.match(parsed.texts, /Nguồn/);
  assert.match(parsed.texts, /1\.068/, 'the image shows formatted values');

  const png = await download(page, '#td-status [data-download=png]');
  assert.equal(png.name, 'quang-ninh-2021-q1-status.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], PNG_SIGNATURE);
  assert.ok(png.bytes.length > 10_000, `PNG of ${png.bytes.length} bytes`);
  // Twice the SVG's size (sharp text), read from the IHDR chunk.
  assert.equal(png.bytes.readUInt32BE(16), parsed.width * 2);
  assert.equal(png.bytes.readUInt32BE(20), parsed.height * 2);
  // The bars were drawn: many pixels of the on-time colour #009E73, and not all one colour.
  const pixels = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let onTime = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 0x00) < 8 && Math.abs(data[i + 1] - 0x9e) < 8 && Math.abs(data[i + 2] - 0x73) < 8) onTime++;
      if (data[i] > 250 && data[i + 1] > 250 && data[i + 2] > 250) white++;
    }
    return { onTime, white, total: data.length / 4 };
  }, png.bytes.toString('base64'));
  assert.ok(pixels.onTime > 1000, `on-time bar pixels: ${JSON.stringify(pixels)}`);
  assert.ok(pixels.white < pixels.total * 0.98, `almost blank: ${JSON.stringify(pixels)}`);

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: a PNG the browser cannot make (a canvas refused, as on a device out of memory) is
// told to the reader next to the buttons, not only in the console; the next try clears it.
test('a PNG export that fails says so to the reader', async () => {
  const page = await openWidget(w, '');
  await page.evaluate(() => {
    window.__realToBlob = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function (callback) {
      callback(null);
    };
  });
  await page.locator('#td-status [data-download=png]').click();
  const status = page.locator('#td-status .td-download-status[role=status]');
  await status.filter({ hasText: 'PNG' }).waitFor({ timeout: 10_000 });
  assert.equal(await status.innerText(), 'Không tạo được tệp PNG. Vui lòng thử lại hoặc chọn định dạng khác.');
  await page.evaluate(() => (HTMLCanvasElement.prototype.toBlob = window.__realToBlob));
  const png = await download(page, '#td-status [data-download=png]');
  assert.deepEqual([...png.bytes.subarray(0, 8)], PNG_SIGNATURE);
  assert.equal(await status.innerText(), '', 'the message goes with a download that works');
  await page.close();
});

// Guards: an image of generated data cannot be passed off as official figures.
test('SVG of an illustrative snapshot carries the illustrative notice', async () => {
  const page = await openWidget(w, `?s=${ILL}`);
  const svg = await download(page, '#td-units [data-download=svg]');
  assert.equal(svg.name, `${ILL}-units.svg`);
  assert.match(svg.text, /Dữ liệu minh họa, không phải số liệu chính thức/);
  const status = await download(page, '#td-status [data-download=svg]');
  assert.match(status.text, /Dữ liệu minh họa/);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// Guards: the tasks CSV holds exactly the filtered tasks (all of them, not just the visible page).
test('tasks CSV of a filtered view has exactly the 41 overdue tasks', async () => {
  const snap = readJson(`data/snapshots/${ILL}.json`);
  const expected = snap.tasks.records.filter((r) => statusOf(r, snap.as_of) === 'od').map((r) => r.id);
  assert.equal(expected.length, 41);
  const page = await openWidget(w, `?s=${ILL}&st=od`);
  await page.waitForFunction(() => document.querySelector('[data-count]')?.textContent.startsWith('41 '));
  const csv = await download(page, '[data-download=tasks-csv]');
  assert.equal(csv.name, `${ILL}-tasks.csv`);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], BOM);
  const [header, ...rows] = parseCsv(csv.text);
  assert.equal(rows.length, 41, 'one row per task of the selection, all pages');
  assert.equal(header[0], 'Mã');
  assert.ok(header.includes('Tình trạng'), header.join('|'));
  assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
  assert.deepEqual(rows.map((r) => r[0]).sort(), [...expected].sort());
  const status = header.indexOf('Tình trạng');
  assert.ok(rows.every((r) => r[status] === 'Chưa hoàn thành, quá hạn'), rows.map((r) => r[status]).join('|'));
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
