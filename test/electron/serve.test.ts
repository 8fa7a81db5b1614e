/**
 * The HTTP adapter in-process, driven by the renderer's own HTTP transport
 * and API client: what works over IPC works the same over HTTP.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend.js';
import { startServe, ServeRefused, type RunningServe } from '../../electron/serve.js';
import { createToken } from '../../electron/serve/token.js';
import { createApiClient, ApiCallError } from '../../shared/api-client.js';
import { createHttpTransport } from '../../renderer/src/api/http-transport.js';
import { exampleDesign } from '../helpers/design.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-serve-'));
let running: RunningServe | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serveIn(options: { maxBodyBytes?: number } = {}) {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const backend = createBackend({ dataDir: tempDir() });
  const token = createToken();
  running = await startServe({
    api: backend.api,
    emitter: backend.emitter,
    staticDir,
    host: '127.0.0.1',
    port: 0,
    token,
    ...options,
  });
  const origin = `http://127.0.0.1:${running.port}`;
  return { backend, token, origin, staticDir, api: createApiClient(createHttpTransport({ baseUrl: origin, token })) };
}

describe('serve (in-process)', () => {
  it('prints a URL that carries the token', async () => {
    const { token } = await serveIn();
    expect(running!.url).toBe(`http://127.0.0.1:${running!.port}/?token=${token}`);
  });

  it('carries every call and error code through the HTTP client', async () => {
    const { api } = await serveIn();
    const dir = tempDir();
    expect(await api.capabilities()).toEqual({ nativeDialogs: false });
    expect((await api.initialDesign()).isExample).toBe(true);
    await api.saveDesign(join(dir, 'a.netloom.json'), exampleDesign());
    expect((await api.listRecentFiles()).map((r) => r.path)).toEqual([join(dir, 'a.netloom.json')]);
    expect(await api.openDesign(join(dir, 'a.netloom.json'))).toMatchObject({ ok: true, design: exampleDesign() });
    const failure = await api.openDesign(123 as unknown as string).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiCallError);
    expect(failure).toMatchObject({ code: 'bad-input' });
    const example = (await api.initialDesign()).path;
    await expect(api.saveDesign(example, exampleDesign())).rejects.toMatchObject({ code: 'read-only' });
  });

  it('a client with a wrong token gets unauthorized errors', async () => {
    const { origin } = await serveIn();
    const api = createApiClient(createHttpTransport({ baseUrl: origin, token: createToken() }));
    await expect(api.capabilities()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses bodies over the limit with 413', async () => {
    const { origin, token } = await serveIn({ maxBodyBytes: 1000 });
    const response = await fetch(`${origin}/api/openDesign`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(['x'.repeat(2000)]),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('too-large');
    // Without a declared length (chunked), the limit is counted while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: running!.port,
          path: '/api/openDesign',
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.write('["');
      req.write('x'.repeat(1200));
      req.end('"]');
    });
    expect(chunked).toBe(413);
  });

  it('does not follow symlinks out of the static folder', async () => {
    const { origin, staticDir } = await serveIn();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
    expect((await fetch(`${origin}/assets/link.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${origin}/assets`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a non-loopback address unless allowed', async () => {
    const backend = createBackend({ dataDir: tempDir() });
    await expect(
      startServe({
        api: backend.api,
        emitter: backend.emitter,
        staticDir: tempDir(),
        host: '0.0.0.0',
        port: 0,
        token: createToken(),
      }),
    ).rejects.toBeInstanceOf(ServeRefused);
  });
});
