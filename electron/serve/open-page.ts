/**
 * `netloom serve --open` without the token on any command line: the browser
 * is started on a small local page (`file://`) that sends it on to the
 * served URL, token included. The page lives in the data folder, readable
 * by the user only (0600); the command line of `xdg-open` and of the browser
 * (which `ps` shows to every user of the machine) holds only its path.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../engine/project-files.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function openPageHtml(url: string): string {
  const href = escapeHtml(url);
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Opening Netloom</title>',
    `<p><a href="${href}">Open Netloom</a></p>`,
    '',
  ].join('\n');
}

export interface OpenPage {
  /** `file:///...`: what the browser is started with. */
  readonly fileUrl: string;
  remove(): Promise<void>;
}

/** Writes the page for the server on `port` (one per port, so a stale one is replaced). */
export async function writeOpenPage(dataDir: string, port: number, url: string): Promise<OpenPage> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, `serve-open-${port}.html`);
  await writeFileAtomic(path, openPageHtml(url), { mode: 0o600 });
  return { fileUrl: pathToFileURL(path).href, remove: () => rm(path, { force: true }) };
}
