// Trunk post_build hook: move inline <script> bodies out of the staged index.html.
//
// Trunk 0.21 injects `<script type="module">import init from './x.js'; await init(...)</script>`
// into index.html. A strict Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`,
// no 'unsafe-inline', no nonces) blocks inline scripts, so for every inline <script> we
//   1. write its body to `boot-<sha256 prefix>.js` next to index.html (content-addressed,
//      so it can be cached forever like trunk's own hashed files),
//   2. replace the tag with `<script type="module" src="./boot-<hash>.js"></script>`
//      (relative, so the build works when served from any sub-path),
//   3. drop nonce="..." / integrity="..." attributes of the moved tag (they would be wrong).
// Import specifiers inside the body stay valid: Trunk writes them relative to public_url
// ("./"), and a module script resolves them against its own URL, which is in the same folder.
//
// Trunk runs hooks with TRUNK_STAGING_DIR (the not-yet-published dist) and TRUNK_HTML_FILE.
// Usage outside trunk: node scripts/externalize-init.mjs [dir-containing-index.html]
// Node built-ins only.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-init: TRUNK_STAGING_DIR is not set and no directory was given');
  process.exit(1);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// <script ...attrs>body</script> where attrs contain no src= (those are already external).
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
let moved = 0;
/** The `.wasm` preloads whose integrity the loader now checks. */
const wasmPreloads = [];
html = html.replace(SCRIPT, (tag, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || body.trim() === '') return tag;
  // JSON/data blocks (type="application/json", importmap, ...) are not executed; leave them.
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  if (type && type !== 'module' && !/javascript|ecmascript/.test(type)) return tag;
  const code = withIntegrity(body.trim()) + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  moved += 1;
  // Keep the tag's other attributes (e.g. type="module"), minus nonce/integrity.
  const kept = attrs
    .replace(/\s+(nonce|integrity)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s+(nonce|integrity)(?=[\s>]|$)/gi, '')
    .replace(/\s+$/, '');
  // Classic inline scripts become classic external ones; module stays module.
  return `<script${kept} src="./${name}"></script>`;
});

/**
 * The loader fetches the `.wasm` with the integrity of Trunk's preload of it, so the WASM has
 * a working integrity check: a changed file is refused, and start.js says the program could
 * not be loaded. wasm-bindgen's `init` takes a Response promise as `module_or_path`. The
 * preload keeps no `integrity`: browsers ignore it on `as=fetch` preloads (with a console
 * warning on every load, crbug.com/981419), so it claimed a check nobody made.
 */
function withIntegrity(code) {
  return code.replace(/module_or_path:\s*'(\.\/[\w.-]+_bg\.wasm)'/, (whole, path) => {
    const name = path.slice(2).replace(/[.]/g, '\\.');
    const preload = new RegExp(`<link\\b[^>]*href=["']?\\./${name}["']?[^>]*>`).exec(html)?.[0];
    const integrity = preload && /\bintegrity=["']?(sha(?:256|384|512)-[A-Za-z0-9+/=]+)/.exec(preload)?.[1];
    if (!integrity) {
      console.error(`externalize-init: no preload with integrity for ${path}; the WASM is loaded without a check`);
      return whole;
    }
    wasmPreloads.push(preload);
    return `module_or_path: fetch('${path}', { integrity: '${integrity}' })`;
  });
}

for (const preload of wasmPreloads) {
  html = html.replace(preload, preload.replace(/\s+integrity=("[^"]*"|'[^']*'|[^\s>]+)/, ''));
}
writeFileSync(htmlPath, html);
// Trunk stages into a fresh directory; when run by hand on an old dir, drop stale boot files.
for (const f of readdirSync(dir)) {
  if (/^boot-[0-9a-f]{16}\.js$/.test(f) && !html.includes(`./${f}"`)) unlinkSync(join(dir, f));
}
console.log(`externalize-init: moved ${moved} inline script(s) out of ${htmlPath}`);
