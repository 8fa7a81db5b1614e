/**
 * `npm start`: the desktop app, or the browser app when Electron cannot run
 * here (see launcher.ts). Arguments after `npm start --` go to the app.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from './cli.js';
import { chooseLaunch, fallbackNotice, findElectronPackage, serveArgs } from './launcher.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const launch = chooseLaunch({ electronDir: findElectronPackage(), env: process.env, platform: process.platform });

if (launch.kind === 'electron') {
  const child = spawn(launch.binary, [ROOT, ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    process.stderr.write(`netloom: cannot start ${launch.binary}: ${e.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  process.stderr.write(fallbackNotice(launch.reason));
  process.exitCode = await main(serveArgs(args));
}
