import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createBackend } from '../backend.js';
import { resolveDataDir } from '../engine/data-dir.js';
import { startServe } from '../serve.js';
import { isLoopbackHost } from '../serve/loopback.js';
import { writeOpenPage } from '../serve/open-page.js';
import { createToken } from '../serve/token.js';
import { interrupted } from './interrupted.js';
import { loadDesignOrFail } from './load.js';
import { printErr, printOut, UsageError } from './output.js';

/** The built renderer next to the built CLI (`dist/renderer/`). */
const RENDERER_DIR = fileURLToPath(new URL('./renderer/', import.meta.url));

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly allowRemote?: boolean;
  readonly open?: boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port ${text}: expected a port number 0-65535 (0 picks a free port)`);
  return port;
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => printErr('netloom: could not open a browser; open the URL above yourself\n'));
  child.unref();
}

async function serve(design: string | undefined, flags: ServeFlags): Promise<void> {
  const port = parsePort(flags.port);
  if (!isLoopbackHost(flags.host) && !flags.allowRemote) {
    throw new UsageError(
      `refusing to listen on ${flags.host}: it is not a loopback address, and anyone who can reach it and learns the URL could read and write files as you.\n` +
        'Use the default 127.0.0.1 (for example through an SSH tunnel), or add --allow-remote together with --host if you really mean it.',
    );
  }
  if (design) await loadDesignOrFail(design);
  if (!existsSync(`${RENDERER_DIR}index.html`))
    throw new UsageError(`the app is not built (${RENDERER_DIR}index.html is missing); run npm run build`);

  const dataDir = resolveDataDir();
  const backend = createBackend({ dataDir, ...(design ? { initialPath: design } : {}) });
  const running = await startServe({
    api: backend.api,
    emitter: backend.emitter,
    staticDir: RENDERER_DIR,
    host: flags.host,
    port,
    token: createToken(),
    allowRemote: flags.allowRemote === true,
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE')
      throw new UsageError(`port ${port} on ${flags.host} is in use; pick another with --port (0 picks a free one)`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on ${flags.host}: no such local address`);
    throw e;
  });

  const stopped = interrupted();
  if (!isLoopbackHost(flags.host))
    printErr(`netloom: warning: listening on ${flags.host}, reachable from other machines (--allow-remote)\n`);
  printOut(
    `Netloom is serving ${design ?? 'the example design'} on port ${running.port}. Open:\n  ${running.url}\nPress Ctrl+C to stop.\n`,
  );
  // The browser gets a private local page that leads on to the URL: the token stays off every command line.
  const openPage = flags.open
    ? await writeOpenPage(dataDir, running.port, running.url).catch((e: Error) => {
        printErr(`netloom: not opening a browser: ${e.message}; open the URL above yourself\n`);
        return undefined;
      })
    : undefined;
  if (openPage) openBrowser(openPage.fileUrl);

  await stopped;
  await running.close();
  await backend.dispose();
  await openPage?.remove();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the designer to a browser on this machine (127.0.0.1, with a secret token in the URL)')
    .argument('[design]', 'a .netloom.json file to open (default: the example design)')
    .option('--port <n>', 'TCP port; 0 picks a free one', '4280')
    .option('--host <address>', 'address to listen on; only loopback unless --allow-remote', '127.0.0.1')
    .option('--allow-remote', 'allow --host to be a non-loopback address (anyone with the URL can edit files as you)')
    .option(
      '--open',
      'open the app in the system browser (through a private local page, so the token is on no command line)',
    )
    .action(serve);
}
