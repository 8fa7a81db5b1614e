/**
 * The deploy part of the backend API on the bed, as the UI uses it: keys from
 * ssh-agent, an unknown host key offered for trust, then prepare, apply and
 * the progress events.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend.js';
import type { DeployProgress } from '../../../shared/deploy/progress.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { bedDesign } from './bed-design.js';
import { CONFIRM_WINDOW, leftovers, tempDataDir } from './deploy-helpers.js';

let bed: Bed;
let agentPid: number | undefined;

beforeAll(async () => {
  bed = await createBed(2, { prefix: 'nlapi' });
  // The user's ssh-agent holds the key, as on a desktop.
  const out = execFileSync('ssh-agent', ['-s'], { encoding: 'utf8' });
  process.env.SSH_AUTH_SOCK = /SSH_AUTH_SOCK=([^;]+);/.exec(out)![1]!;
  agentPid = Number(/SSH_AGENT_PID=(\d+);/.exec(out)![1]);
  execFileSync('ssh-add', ['-q', bed.identityFile], { env: process.env });
});
afterAll(async () => {
  if (agentPid) process.kill(agentPid);
  await bed?.destroy();
});

describe('DeployApi', () => {
  it('asks to trust unknown host keys, then prepares, applies and reports progress per host and step', async () => {
    const { api, emitter } = createBackend({ dataDir: await tempDataDir() });
    const events: (DeployProgress & { deployId: string })[] = [];
    emitter.subscribe(
      (name, payload) => name === 'didDeployProgress' && events.push(payload as DeployProgress & { deployId: string }),
    );
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1420 } }));

    const first = await api.prepareDeploy(design, { hosts: [], acceptHostKeys: [] });
    expect(first.hosts.map((h) => h.state)).toEqual(['failed', 'failed']);
    const fingerprints = first.hosts.map((h) => (h.state === 'failed' ? h.unknownHostKey?.fingerprint : undefined));
    expect(fingerprints).toEqual(bed.hosts.map((h) => h.hostKeyFingerprint));

    const second = await api.prepareDeploy(design, { hosts: [], acceptHostKeys: fingerprints as string[] });
    expect(second.hosts.map((h) => h.state)).toEqual(['ready', 'ready']);
    const reports = await api.applyDeploy(second.deployId, CONFIRM_WINDOW);
    expect(reports).toEqual(bed.hosts.map((h) => ({ host: h.name, outcome: { kind: 'confirmed' } })));
    for (const h of bed.hosts)
      expect(await readFile(h.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${h.index}`));
    const mine = events
      .filter((e) => e.deployId === second.deployId && e.host === bed.hosts[0]!.name && e.state === 'done')
      .map((e) => e.step);
    expect(mine).toEqual([
      'connect',
      'lock',
      'read',
      'upload',
      'check',
      'backup',
      'arm',
      'install',
      'apply',
      'reconnect',
      'health',
      'confirm',
    ]);
    await expect(api.applyDeploy(second.deployId, CONFIRM_WINDOW)).rejects.toThrow(/no prepared deploy/);

    // The accepted keys are now trusted: no question the next time.
    const third = await api.prepareDeploy(
      bedDesign(bed, () => ({})),
      { hosts: [bed.hosts[0]!.name], acceptHostKeys: [] },
    );
    expect(third.hosts.map((h) => h.state)).toEqual(['ready']);
    expect(await api.discardDeploy(third.deployId)).toEqual([
      { host: bed.hosts[0]!.name, outcome: { kind: 'checked' } },
    ]);
  });

  it('refuses a design with rule errors as netloom deploy does: nothing logs in, nothing changes', async () => {
    const backend = createBackend({ dataDir: await tempDataDir() });
    const host = bed.hosts[0]!;
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1400 }, vlans: [{ name: 'eth1.10', vlan: 10 }] }), [
      host.index,
    ]);
    design.hosts[0]!.vlans[0]!.mtu = 9000;
    const before = await readFile(host.interfacesPath, 'utf8');
    const sshdLogBefore = await host.runOk('cat /run/sshd.log');
    const fingerprints = bed.hosts.map((h) => h.hostKeyFingerprint);
    await expect(backend.api.prepareDeploy(design, { hosts: [], acceptHostKeys: fingerprints })).rejects.toMatchObject({
      code: 'deploy-refused',
      message: expect.stringMatching(
        /^the design has errors; fix them before deploying\n {2}error mtu\/vlan-above-parent h\d+-eth1\.10 hosts\[0\]\.vlans\[0\]: /,
      ),
    });
    await backend.dispose();
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect((await host.runOk('cat /run/sshd.log')).slice(sshdLogBefore.length)).not.toMatch(/Accepted publickey/);
  });

  it('releases prepared hosts when the backend is disposed (the app quits)', async () => {
    const backend = createBackend({ dataDir: await tempDataDir() });
    const host = bed.hosts[1]!;
    const fingerprints = bed.hosts.map((h) => h.hostKeyFingerprint);
    const prepared = await backend.api.prepareDeploy(
      bedDesign(bed, () => ({ eth1: { mtu: 1390 } })),
      { hosts: [host.name], acceptHostKeys: fingerprints },
    );
    expect(prepared.hosts.map((h) => h.state)).toEqual(['ready']);
    expect(await leftovers(host)).not.toEqual([]);
    await backend.dispose();
    expect(await leftovers(host)).toEqual([]);
  });
});
