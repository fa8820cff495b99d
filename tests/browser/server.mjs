// Tiny dependency-free static file server for the built widget (dist/).
// Used by the browser tests (import { startServer }) and by scripts/serve.sh:
//   node tests/browser/server.mjs --root dist --port 8080 [--base /x/] [--host 127.0.0.1] [--csp]
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve, join, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The production Content-Security-Policy. blob: images are needed for PNG export via <img>. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' blob:";

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function fileIfExists(p) {
  try {
    const st = statSync(p);
    return st.isFile() ? p : st.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/** Types a static host compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);

/**
 * The request handler of a static host for `root` at `basePath` (the options of startServer
 * but the address): `{ base, handle(req, res) }`, `base` normalised to start and end with '/'.
 * Shared by startServer and bench/h2-server.mjs (HTTP/2's compatibility API takes it as is).
 */
export function staticHandler({ root, basePath = '/', headers = {}, overrides = {}, gzip = false } = {}) {
  if (!root) throw new Error('staticHandler: root is required');
  const rootDir = resolve(root);
  let base = basePath.startsWith('/') ? basePath : `/${basePath}`;
  if (!base.endsWith('/')) base += '/';
  const over = new Map(Object.entries(overrides).map(([k, v]) => [k.replace(/^\/+/, ''), v]));

  const handle = (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    // "/base" without the trailing slash: redirect so relative asset URLs resolve correctly.
    if (pathname === base.slice(0, -1)) return send(301, 'moved\n', { Location: base });
    if (!pathname.startsWith(base)) return send(404, 'not found\n');
    const rel = pathname.slice(base.length);
    if (rel.includes('\0')) return send(400, 'bad request\n');

    let file;
    if (over.has(rel)) {
      file = fileIfExists(over.get(rel));
      if (file === 'dir') file = null;
    } else {
      const abs = resolve(rootDir, '.' + sep + rel);
      // No directory traversal: the resolved path must stay inside root.
      if (abs !== rootDir && !abs.startsWith(rootDir + sep)) return send(404, 'not found\n');
      file = fileIfExists(abs);
      if (file === 'dir') {
        if (rel !== '' && !rel.endsWith('/')) {
          return send(301, 'moved\n', { Location: pathname + '/' });
        }
        file = fileIfExists(join(abs, 'index.html'));
        if (file === 'dir') file = null;
      }
    }
    if (!file) return send(404, 'not found\n');

    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (gzip && COMPRESSIBLE.has(extname(file).toLowerCase()) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = gzipSync(readFileSync(file), { level: 9 });
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Content-Encoding': 'gzip',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    const size = statSync(file).size;
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  return { base, handle };
}

/**
 * Serve `root` at `basePath`. `headers` are added to every response; `overrides` maps a path
 * relative to basePath (e.g. 'data/manifest.json') to an absolute file on disk. `gzip: true`
 * compresses text and WASM (gzip -9) for clients that accept it, as a static host does
 * (bench/embed-load.mjs; the tests and scripts/serve.sh send files as they are).
 * Resolves to { url, port, close() }; `url` ends with basePath (so it ends with '/').
 */
export function startServer({
  root,
  port = 0,
  host = '127.0.0.1',
  basePath = '/',
  headers = {},
  overrides = {},
  gzip = false,
} = {}) {
  if (!root) throw new Error('startServer: root is required');
  const { base, handle } = staticHandler({ root, basePath, headers, overrides, gzip });
  const server = createServer(handle);

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `http://${shownHost}:${actual}${base}`,
        port: actual,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

// ---- command line -----------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = { root: 'dist', port: 8080, host: '127.0.0.1', basePath: '/', headers: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = () => {
      if (i + 1 >= args.length) throw new Error(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--root') opt.root = val();
    else if (a === '--port') opt.port = Number(val());
    else if (a === '--host') opt.host = val();
    else if (a === '--base') opt.basePath = val();
    else if (a === '--csp') opt.headers['Content-Security-Policy'] = CSP;
    else {
      console.error(
        'usage: node tests/browser/server.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /x/] [--csp]',
      );
      process.exit(2);
    }
  }
  const { url } = await startServer(opt);
  console.log(`serving ${resolve(opt.root)} at ${url}${opt.headers['Content-Security-Policy'] ? ' (with CSP)' : ''}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
