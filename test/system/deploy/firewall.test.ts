/**
 * The Proxmox VE firewall files deploy with /etc/network/interfaces, in one
 * commit-confirmed change, on real hosts (test bed: no /etc/pve and no
 * pve-firewall there, so the files go under a firewall root, /var/tmp/pve,
 * per host): a change whose network part loses the host rolls back the
 * firewall files with the interfaces file, byte for byte; a confirmed change
 * leaves both new; a host without /etc/pve and no root is refused before
 * anything changes; `netloom deploy --firewall-root` shows and applies them
 * (runs the built CLI: `node build/compile.mjs`).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';
import { ROOT } from '../../helpers/cli.js';
import { hostJson, type PortTweak } from './bed-design.js';
import { bedOpener, CONFIRM_WINDOW, deploy, leftovers, plansOf, reachable, tempDataDir } from './deploy-helpers.js';

let bed: Bed;
let dataDir: string;

beforeAll(async () => {
  bed = await createBed(2, { prefix: 'nlfwd' });
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await bed?.destroy();
});

const ROOT_ON_HOST = '/var/tmp/pve';
/** Window of the deploy that loses its host: the test waits it out. */
const WINDOW = 8;

/** One bed host as a Proxmox VE host with a datacenter, host and (with `vm`) VM firewall; its rule opens `sshPort`. */
function firewallDesign(host: BedHost, tweak: PortTweak, sshPort: number, vm = true): Design {
  const subnet = host.mgmtAddress.replace(/\.\d+$/, '.0/24');
  const result = parseDesign(
    JSON.stringify({
      format: 'netloom/1',
      name: `bed ${bed.prefix}`,
      firewall: {
        options: { enable: true },
        ipsets: [{ name: 'management', entries: [{ cidr: subnet, comment: 'admin subnet' }] }],
      },
      hosts: [
        {
          ...hostJson(host, tweak),
          platform: 'proxmox',
          firewall: {
            options: { enable: true },
            rules: [{ type: 'in', action: 'ACCEPT', source: '+management', proto: 'tcp', dport: String(sshPort) }],
          },
          vms: [
            {
              id: 'vm100',
              vmid: 100,
              name: 'web',
              nics: [],
              ...(vm ? { firewall: { options: { enable: true } } } : {}),
            },
          ],
        },
      ],
    }),
  );
  if (!result.ok) throw new Error(`firewall design does not load: ${JSON.stringify(result.problems)}`);
  return result.design;
}

/** The firewall files as the host has them: path under ROOT_ON_HOST to content, absent ones left out. */
async function firewallFiles(host: BedHost): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const path of ['etc/pve/firewall/cluster.fw', `etc/pve/nodes/${host.name}/host.fw`, 'etc/pve/firewall/100.fw']) {
    const run = await host.run(`cat ${ROOT_ON_HOST}/${path}`);
    if (run.code === 0) found[path] = run.stdout;
  }
  return found;
}

function exported(design: Design, host: BedHost): Record<string, string> {
  return Object.fromEntries(
    renderDevice(design, `h${host.index}`)
      .filter((f) => f.target === 'pve-firewall')
      .map((f) => [f.path, f.content]),
  );
}

describe('firewall files in the host change', () => {
  it('a confirmed change leaves the interfaces file and the firewall files new; the diff shows both', async () => {
    const host = bed.hosts[0]!;
    const design = firewallDesign(host, { eth1: { mtu: 1400 } }, 22);
    const result = await deploy(
      plansOf(design),
      { openSession: bedOpener(bed, dataDir), firewallRoot: ROOT_ON_HOST },
      CONFIRM_WINDOW,
    );
    expect(result.lines).toEqual([`${host.name}: confirmed`]);
    const [preparation] = result.preparations;
    expect(preparation).toMatchObject({ state: 'ready' });
    const diff = preparation!.state === 'ready' ? preparation!.diff : '';
    expect(diff).toContain('+++ b/etc/network/interfaces');
    expect(diff).toContain(`+++ b${ROOT_ON_HOST}/etc/pve/nodes/${host.name}/host.fw`);
    expect(diff).toContain('+IN ACCEPT -source +management -p tcp -dport 22');
    expect(result.events.find((e) => e.step === 'upload' && e.detail?.includes('firewall'))?.detail).toBe(
      `no /etc/pve on this host: 3 firewall files under ${ROOT_ON_HOST}; no pve-firewall to compile them`,
    );
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(
      renderDevice(design, `h${host.index}`).find((f) => f.path === 'etc/network/interfaces')!.content,
    );
    expect(await firewallFiles(host)).toEqual(exported(design, host));
    expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=confirmed/);
    expect(await leftovers(host)).toEqual([]);
    expect((await host.runOk(`find ${ROOT_ON_HOST} -name '.*netloom*'`)).trim()).toBe('');

    const again = await deploy(
      plansOf(design),
      { openSession: bedOpener(bed, dataDir), firewallRoot: ROOT_ON_HOST },
      CONFIRM_WINDOW,
    );
    expect(again.lines).toEqual([`${host.name}: unchanged`]);

    // Only a firewall file changes: still a change, confirmed.
    const ruleChanged = firewallDesign(host, { eth1: { mtu: 1400 } }, 2222);
    const third = await deploy(
      plansOf(ruleChanged),
      { openSession: bedOpener(bed, dataDir), firewallRoot: ROOT_ON_HOST },
      CONFIRM_WINDOW,
    );
    expect(third.lines).toEqual([`${host.name}: confirmed`]);
    const thirdDiff = third.preparations[0]!.state === 'ready' ? third.preparations[0]!.diff : '';
    expect(thirdDiff).not.toContain('etc/network/interfaces');
    expect(thirdDiff).toContain('+IN ACCEPT -source +management -p tcp -dport 2222');
    expect(await firewallFiles(host)).toEqual(exported(ruleChanged, host));
  });

  it('a change that loses the host restores the firewall files with /etc/network/interfaces, byte for byte', async () => {
    const host = bed.hosts[1]!;
    // What the host has before: an older firewall (confirmed) without the VM's file, which the change adds.
    const older = firewallDesign(host, {}, 22, false);
    expect(
      (
        await deploy(
          plansOf(older),
          { openSession: bedOpener(bed, dataDir), firewallRoot: ROOT_ON_HOST },
          CONFIRM_WINDOW,
        )
      ).lines,
    ).toEqual([`${host.name}: confirmed`]);
    const beforeInterfaces = await readFile(host.interfacesPath, 'utf8');
    const beforeFirewall = await firewallFiles(host);
    expect(Object.keys(beforeFirewall)).toHaveLength(2);

    const lost = firewallDesign(
      host,
      { eth0: { inet: { method: 'static', addresses: [`${host.mgmtAddress.replace(/\.2$/, '.77')}/24`] } } },
      2200,
    );
    expect(plansOf(lost)[0]!.companions?.map((f) => f.path)).toContain('etc/pve/firewall/100.fw');
    const result = await deploy(
      plansOf(lost),
      { openSession: bedOpener(bed, dataDir), firewallRoot: ROOT_ON_HOST, timing: { reconnectAttemptMs: 1_000 } },
      WINDOW,
    );
    expect(result.reports.map((r) => r.outcome.kind)).toEqual(['rolled-back']);
    expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=rolled-back\nmode=timer\n(.*\n)*files=ok\n/);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(beforeInterfaces);
    expect(await firewallFiles(host)).toEqual(beforeFirewall);
    expect(await reachable(bed, host, dataDir)).toBe(true);
    expect(await leftovers(host)).toEqual([]);
    expect((await host.runOk(`find ${ROOT_ON_HOST} -name '.*netloom*'`)).trim()).toBe('');
  });

  it('refuses a host without /etc/pve when no firewall root is given, before anything changes', async () => {
    const host = bed.hosts[0]!;
    const interfaces = await readFile(host.interfacesPath, 'utf8');
    const firewall = await firewallFiles(host);
    const result = await deploy(
      plansOf(firewallDesign(host, { eth1: { mtu: 1300 } }, 22)),
      { openSession: bedOpener(bed, dataDir) },
      CONFIRM_WINDOW,
    );
    expect(result.lines).toEqual([
      `${host.name}: failed before change: no /etc/pve on this host (not Proxmox VE, or pmxcfs is not mounted); a firewall root (--firewall-root DIR) writes them elsewhere`,
    ]);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(interfaces);
    expect(await firewallFiles(host)).toEqual(firewall);
    expect(await leftovers(host)).toEqual([]);
  });

  it('netloom deploy --firewall-root shows the firewall diff and confirms the change', async () => {
    const host = bed.hosts[0]!;
    const design = firewallDesign(host, { eth1: { mtu: 1400 } }, 2022);
    const file = join(dataDir, 'firewall.netloom.json');
    await writeFile(file, serializeDesign(design));
    const run = await promisify(execFile)(
      process.execPath,
      [
        `${ROOT}bin/netloom.js`,
        'deploy',
        file,
        '--yes',
        '--firewall-root',
        ROOT_ON_HOST,
        '--confirm-timeout',
        String(CONFIRM_WINDOW),
        '--identity',
        bed.identityFile,
        '--known-hosts',
        bed.knownHostsFile,
      ],
      { env: { ...process.env, NETLOOM_DATA_DIR: dataDir } },
    );
    expect(run.stdout).toContain(`+++ b${ROOT_ON_HOST}/etc/pve/nodes/${host.name}/host.fw`);
    expect(run.stdout).toContain('+IN ACCEPT -source +management -p tcp -dport 2022');
    expect(run.stdout).toMatch(new RegExp(`^${host.name}\\s+confirmed$`, 'm'));
    expect(await firewallFiles(host)).toEqual(exported(design, host));
    // The firewall files it replaced are kept in the data folder beside the interfaces file.
    const kept = await readdir(join(dataDir, 'backups', host.name));
    const hostFw = kept.filter((f) => /^host\.fw\.\d{8}T\d{6}Z$/.test(f));
    expect(hostFw).toHaveLength(1);
    expect(await readFile(join(dataDir, 'backups', host.name, hostFw[0]!), 'utf8')).toBe(
      exported(firewallDesign(host, { eth1: { mtu: 1400 } }, 2222), host)[`etc/pve/nodes/${host.name}/host.fw`],
    );
    expect(kept.some((f) => f.startsWith('interfaces.'))).toBe(false);
  });
});
