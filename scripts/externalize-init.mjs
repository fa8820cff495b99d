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
html = html.replace(SCRIPT, (tag, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || body.trim() === '') return tag;
  // JSON/data blocks (type="application/json", importmap, ...) are not executed; leave them.
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  if (type && type !== 'module' && !/javascript|ecmascript/.test(type)) return tag;
  const code = body.trim() + '\n';
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

writeFileSync(htmlPath, html);
// Trunk stages into a fresh directory; when run by hand on an old dir, drop stale boot files.
for (const f of readdirSync(dir)) {
  if (/^boot-[0-9a-f]{16}\.js$/.test(f) && !html.includes(`./${f}"`)) unlinkSync(join(dir, f));
}
console.log(`externalize-init: moved ${moved} inline script(s) out of ${htmlPath}`);
