/**
 * `netloom serve`: the built renderer and the backend API over HTTP for a
 * browser. Listens on loopback unless the caller explicitly allows otherwise
 * (the CLI checks `--allow-remote`); every API request must carry the token.
 * Every response carries the page's CSP and no CORS headers, so other sites
 * can neither read answers nor send JSON with the token.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetloomMethods } from '../shared/api.js';
import type { ApiEmitter } from '../shared/api-events.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { handleApiRequest } from './serve/api-routes.js';
import { hostForUrl, isLoopbackHost } from './serve/loopback.js';
import { resolveStaticFile } from './serve/static-files.js';

export interface ServeOptions {
  readonly api: NetloomMethods;
  readonly emitter: ApiEmitter;
  /** The built renderer (`dist/renderer`). */
  readonly staticDir: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token: string;
  /** Listening on a non-loopback address needs this; the caller asks the user. */
  readonly allowRemote?: boolean;
  readonly maxBodyBytes?: number;
}

export interface RunningServe {
  readonly port: number;
  /** The URL to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The token is in the first URL: never send it anywhere as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // With the opener policy, the page is cross-origin isolated: nothing from another origin can be
  // embedded, and its clock reads in steps of 5 µs, not 100 (the canvas benchmark times frames by it).
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};

export class ServeRefused extends Error {}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Host header check against DNS rebinding: on loopback, only loopback names of our own port are answered. */
function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  return (
    [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase()) ||
    /^127\.\d+\.\d+\.\d+:(\d+)$/.exec(host)?.[1] === String(port)
  );
}

/** A browser sends Origin on cross-site requests; only our own origin may call the API. */
function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${request.headers.host ?? ''}`;
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return plain(response, 405, 'method not allowed\n');
  }
  const file = await resolveStaticFile(root, pathname);
  if (!file) return plain(response, 404, 'not found\n');
  response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.size });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  if (!isLoopbackHost(options.host) && !options.allowRemote) {
    throw new ServeRefused(`refusing to listen on ${options.host}: it is not a loopback address`);
  }
  let port = options.port;
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://netloom.invalid');
    } catch {
      return plain(response, 400, 'bad request\n');
    }
    if (!options.allowRemote && !hostAllowed(request, port)) return plain(response, 403, 'unexpected Host header\n');
    if (url.pathname.startsWith('/api/')) {
      if (!originAllowed(request)) return plain(response, 403, 'cross-origin requests are not allowed\n');
      handleApiRequest(request, response, url, options).catch(() => {
        if (!response.headersSent) plain(response, 500, 'internal error\n');
        else response.destroy();
      });
      return;
    }
    serveStatic(request, response, options.staticDir, url.pathname).catch(() => response.destroy());
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${hostForUrl(options.host)}:${port}/?token=${options.token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
