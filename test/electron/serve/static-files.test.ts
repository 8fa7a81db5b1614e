import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveStaticFile } from '../../../electron/serve/static-files.js';

const root = mkdtempSync(join(tmpdir(), 'netloom-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'a b.js'), '');
writeFileSync(join(root, '.hidden'), '');
writeFileSync(join(root, '..sneaky'), '');

describe('resolveStaticFile', () => {
  it('maps / to index.html and decodes paths', async () => {
    expect((await resolveStaticFile(root, '/'))?.path).toBe(join(root, 'index.html'));
    expect((await resolveStaticFile(root, '/assets/a%20b.js'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../index.html',
    '/assets/../../x',
    '/%2e%2e/x',
    '/assets/%2e%2e%2f%2e%2e%2fx',
    '/.hidden',
    '/..sneaky',
    '/a\\..\\x',
    '/%00',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
    'relative',
  ])('refuses or misses %j', async (path) => {
    expect(await resolveStaticFile(root, path)).toBeNull();
  });

  it('knows the MIME types the app uses and falls back to octet-stream', () => {
    expect(mimeType('x.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('x.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('x.svg')).toBe('image/svg+xml');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
