// Trunk post_build hook: minify wasm-bindgen's JS glue (widget-<hash>.js) with terser and
// write its new sha384 into the integrity attribute of index.html's modulepreload link.
//
// Trunk's own JS minifier (minify-js, `minify = "on_release"` in Trunk.toml) cannot parse the
// glue: it warns "Failed to minify JS" and copies it as it is. terser takes it from 8.7 to
// 6.6 KB gzip. terser comes from the npm packages of tests/browser (scripts/setup.sh), found
// from this repository or from $TD_REPO (bench/feature-cost.mjs builds copies elsewhere).
//
// Trunk runs hooks with TRUNK_STAGING_DIR (the not-yet-published dist).
// Usage outside trunk: node scripts/minify-glue.mjs [dist-dir]
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-glue: TRUNK_STAGING_DIR is not set and no directory was given');
  process.exit(1);
}
const repo = process.env.TD_REPO ?? fileURLToPath(new URL('..', import.meta.url));
const { minify } = createRequire(join(repo, 'tests/browser/package.json'))('terser');

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
for (const name of readdirSync(dir).filter((f) => /^widget-[0-9a-f]+\.js$/.test(f))) {
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  const { code } = await minify(before, { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  // The <link> naming the file (quoted or not, as trunk's HTML minifier left it).
  let found = 0;
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    if (!new RegExp(`href=["']?\\./${name.replace('.', '\\.')}["'\\s>]`).test(tag)) return tag;
    found += 1;
    return tag.replace(/\bintegrity=("[^"]*"|'[^']*'|[^\s>]+)/i, `integrity=${integrity}`);
  });
  if (found !== 1) {
    console.error(`minify-glue: expected one <link> to ./${name} in ${htmlPath}, found ${found}`);
    process.exit(1);
  }
  console.log(`minify-glue: ${name} ${before.length} → ${code.length} bytes`);
}
writeFileSync(htmlPath, html);
