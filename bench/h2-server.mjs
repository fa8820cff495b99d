// The static server of tests/browser/server.mjs over HTTP/2 with TLS, as static hosts and CDNs
// (GitHub Pages, Netlify, Cloudflare) serve: every file of a page shares one connection.
// Browsers speak h2 only over TLS, so it uses a self-signed certificate for 127.0.0.1, made
// at run time with openssl (the browser must be launched with --ignore-certificate-errors).
// HTTP/1.1 clients are still answered (allowHTTP1), over TLS. Same options, paths, MIME types,
// gzip and headers as startServer; bench/first-view.mjs --http2 uses it.
import { execFileSync } from 'node:child_process';
import { createSecureServer } from 'node:http2';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MIME } from '../tests/browser/server.mjs';

/** Types a static host compresses (as in tests/browser/server.mjs). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);

function fileIfExists(p) {
  try {
    const st = statSync(p);
    return st.isFile() ? p : st.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

let certificate = null;
/** A self-signed certificate for 127.0.0.1, valid one day, made once per process: { key, cert }. */
export function selfSignedCert() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'h2-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    certificate = { key: readFileSync(key), cert: readFileSync(cert) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serve `root` at `basePath` over HTTP/2 + TLS; options as startServer's (`headers` on every
 * response, `overrides` from a path relative to basePath to a file on disk, `gzip`).
 * Resolves to { url, port, close() }; `url` is https://…/ and ends with basePath.
 */
export function startH2Server({
  root,
  port = 0,
  host = '127.0.0.1',
  basePath = '/',
  headers = {},
  overrides = {},
  gzip = false,
} = {}) {
  if (!root) throw new Error('startH2Server: root is required');
  const rootDir = resolve(root);
  let base = basePath.startsWith('/') ? basePath : `/${basePath}`;
  if (!base.endsWith('/')) base += '/';
  const over = new Map(Object.entries(overrides).map(([k, v]) => [k.replace(/^\/+/, ''), v]));

  const server = createSecureServer({ ...selfSignedCert(), allowHTTP1: true }, (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'https://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
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
      if (abs !== rootDir && !abs.startsWith(rootDir + sep)) return send(404, 'not found\n');
      file = fileIfExists(abs);
      if (file === 'dir') {
        if (rel !== '' && !rel.endsWith('/')) return send(301, 'moved\n', { Location: pathname + '/' });
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
  });
  // A page closed mid-transfer resets its streams or drops its connection: not our error.
  server.on('sessionError', () => {});
  server.on('tlsClientError', () => {});
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `https://${shownHost}:${actual}${base}`,
        port: actual,
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
