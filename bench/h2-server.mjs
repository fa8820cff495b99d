// The static server of tests/browser/server.mjs over HTTP/2 with TLS, as static hosts and CDNs
// (GitHub Pages, Netlify, Cloudflare) serve: every file of a page shares one connection.
// Browsers speak h2 only over TLS, so it uses a self-signed certificate for 127.0.0.1, made
// at run time with openssl (the browser must be launched with --ignore-certificate-errors).
// HTTP/1.1 clients are still answered (allowHTTP1), over TLS. The request handler is
// startServer's (`staticHandler`); bench/first-view.mjs --http2 uses it.
import { execFileSync } from 'node:child_process';
import { createSecureServer } from 'node:http2';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticHandler } from '../tests/browser/server.mjs';

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
  const { base, handle } = staticHandler({ root, basePath, headers, overrides, gzip });
  const server = createSecureServer({ ...selfSignedCert(), allowHTTP1: true }, handle);
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
