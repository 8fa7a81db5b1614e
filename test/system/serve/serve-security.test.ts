/**
 * `netloom serve` as an attacker on this machine or a web page would meet
 * it: the built CLI, real HTTP requests.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { startServe, type ServeProcess } from '../e2e/harness.js';

/** A raw request, so that paths like `/../x` reach the server unnormalised. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('netloom serve', () => {
  let serve: ServeProcess;
  const call = (method: string, args: unknown[], token?: string) =>
    fetch(`${serve.origin}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(args),
    });

  beforeAll(async () => {
    const build = runCli(['--version']);
    expect(build.status, 'build first: node build/compile.mjs && npx vite build').toBe(0);
    serve = await startServe();
  });
  afterAll(() => serve?.stop());

  it('prints a loopback URL with a 256-bit token', () => {
    expect(serve.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(serve.token, 'base64url')).toHaveLength(32);
  });

  it('answers 401 to API calls without the token or with a wrong one', async () => {
    for (const token of [undefined, '', 'wrong', `${serve.token}x`, serve.token.slice(1)]) {
      const response = await call('initialDesign', [], token);
      expect(response.status, `token ${JSON.stringify(token)}`).toBe(401);
      expect(((await response.json()) as any).error.code).toBe('unauthorized');
    }
    // The token in the query string is accepted for the event stream only.
    expect(
      (
        await fetch(`${serve.origin}/api/initialDesign?token=${serve.token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '[]',
        })
      ).status,
    ).toBe(401);
    expect((await raw(serve.port, '/api/events')).status).toBe(401);
    expect((await raw(serve.port, '/api/events?token=nope')).status).toBe(401);
  });

  it('answers calls with the right token, and parses inputs with zod', async () => {
    const response = await call('initialDesign', [], serve.token);
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as any;
    expect(value.ok).toBe(true);
    expect(value.isExample).toBe(true);
    expect(value.design.name).toBeTruthy();

    const bad = await call('openDesign', [42], serve.token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('openDesign'),
    });
    const unknown = await call('deleteEverything', [], serve.token);
    expect(unknown.status).toBe(404);
  });

  it('refuses other origins, foreign Host headers, non-JSON bodies and oversized bodies', async () => {
    const auth = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
    expect(
      (
        await raw(serve.port, '/api/capabilities', {
          method: 'POST',
          headers: { ...auth, Origin: 'http://evil.example' },
          body: '[]',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await raw(serve.port, '/api/capabilities', {
          method: 'POST',
          headers: { ...auth, Host: 'evil.example' },
          body: '[]',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await raw(serve.port, '/api/capabilities', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/plain' },
          body: '[]',
        })
      ).status,
    ).toBe(415);
    // Refused on the declared length, before a byte of the body is read.
    expect(
      (
        await raw(serve.port, '/api/openDesign', {
          method: 'POST',
          headers: { ...auth, 'Content-Length': String(17 * 1024 * 1024) },
          body: '[]',
        })
      ).status,
    ).toBe(413);
    const ok = await raw(serve.port, '/api/capabilities', {
      method: 'POST',
      headers: { ...auth, Origin: serve.origin },
      body: '[]',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses path traversal and serves only the built app', async () => {
    for (const path of [
      '/../package.json',
      '/../../etc/passwd',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%5cpackage.json',
      '/.vite/manifest.json',
      '/index.html%00.png',
    ]) {
      const response = await raw(serve.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name"');
    }
    const page = await raw(serve.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeTruthy();
    const asset = await raw(serve.port, `/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('streams backend events to holders of the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`${serve.origin}/api/events?token=${serve.token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const nextEvent = async () => {
      while (!/^data: /m.test(text)) text += (await reader.read()).value ?? '';
      return JSON.parse(/^data: (.*)$/m.exec(text)![1]!);
    };
    const design = ((await (await call('initialDesign', [], serve.token)).json()) as any).value.design;
    const saved = await call('saveDesign', [`${serve.dataDir}/mine.netloom.json`, design], serve.token);
    expect(saved.status).toBe(200);
    const event = await nextEvent();
    controller.abort();
    expect(event.name).toBe('didChangeRecentFiles');
    expect(event.payload[0].path).toBe(`${serve.dataDir}/mine.netloom.json`);
  });
});

describe('netloom serve refuses to listen beyond this machine unless told', () => {
  it.each(['0.0.0.0', '::', '192.0.2.1'])('--host %s without --allow-remote exits 2 with a reason', (host) => {
    const run = runCli(['serve', '--port', '0', '--host', host]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`refusing to listen on ${host}`);
    expect(run.stderr).toContain('--allow-remote');
    expect(run.stdout).not.toContain('token=');
  });

  it('--host 0.0.0.0 --allow-remote listens, with a warning', async () => {
    const serve = await startServe({ extraArgs: ['--host', '0.0.0.0', '--allow-remote'] });
    try {
      expect(serve.stderr()).toContain('warning');
      expect(
        (
          await fetch(`http://127.0.0.1:${serve.port}/api/capabilities`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '[]',
          })
        ).status,
      ).toBe(401);
    } finally {
      await serve.stop();
    }
  });

  it('a design that does not load is refused before listening', () => {
    const run = runCli(['serve', '--port', '0', '/nonexistent/x.netloom.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file');
  });

  it('a bad port is a usage error', () => {
    const run = runCli(['serve', '--port', 'eighty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port');
  });
});
