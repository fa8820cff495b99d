// Dev helper: screenshot of the built widget. node tests/browser/shot.mjs QUERY OUT.png [width]
import { startServer, CSP } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { fileURLToPath } from 'node:url';
const [query = '', out = '/tmp/shot.png', width = '1280', from = '0', height = '0'] = process.argv.slice(2);
const server = await startServer({ root: fileURLToPath(new URL('../../dist/', import.meta.url)), headers: { 'Content-Security-Policy': CSP } });
const browser = await launchBrowser();
const page = await newPage(browser, { url: server.url + query, viewport: { width: Number(width), height: 900 } });
await page.waitForTimeout(1500);
const clip = Number(height) > 0 ? { x: 0, y: Number(from), width: Number(width), height: Number(height) } : undefined;
await page.screenshot({ path: out, fullPage: true, clip });
console.log(JSON.stringify({ errors: page.consoleErrors, url: page.url(), title: await page.title() }));
await browser.close(); await server.close();
