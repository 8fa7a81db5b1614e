/**
 * The designer in real Chromium through `netloom serve`: build the example
 * homelab from an empty design by drag and drop and the inspector, compare
 * it with the shipped example and the CLI's export, undo and redo, save,
 * reload and reopen; a rule violation made in the UI; a malformed file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../../shared/diagram/theme.js';
import { parseDesign } from '../../../shared/load/index.js';
import { type Design } from '../../../shared/model/index.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';
import { firstPixel } from '../../helpers/png.js';
import { canonical } from './canonical.js';
import { DesignerPage } from './designer-page.js';
import { openApp, withApp, type AppSession } from './harness.js';

const load = (path: string): Design => {
  const result = parseDesign(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
};

async function startEmpty(app: AppSession): Promise<DesignerPage> {
  const ui = new DesignerPage(app.page);
  await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
  await ui.menu('file', 'new');
  await expect.poll(() => app.page.title()).toContain('Untitled design');
  return ui;
}

/** Networks 240 and 245 from the side list, set in the inspector. */
async function addNetworks(ui: DesignerPage): Promise<void> {
  const nets = [
    {
      vlan: '240',
      name: 'management',
      subnet: '10.2.200.0/24',
      gateway: '10.2.200.1',
      purpose: 'management',
      colour: '#2563eb',
    },
    { vlan: '245', name: 'vms', subnet: '10.2.245.0/24', gateway: '10.2.245.1', purpose: 'vm', colour: '#16a34a' },
  ];
  for (const n of nets) {
    await ui.click('add-network');
    await expect.poll(() => ui.page.getByTestId('inspector-title').textContent()).toMatch(/^VLAN 10 /);
    await ui.fill('field-vlan', n.vlan);
    await ui.fill('field-name', n.name);
    await ui.fill('field-subnet', n.subnet);
    await ui.fill('field-gateway', n.gateway);
    await ui.choose('field-purpose', n.purpose);
    await ui.set('field-colour', n.colour);
  }
}

const PORTS = [
  {
    id: 'host1-eth0',
    name: 'enp88s0',
    speed: '2500',
    bond: 'host1-bond0',
    switchPort: 'switch1-tengigabitethernet1-0-1',
  },
  {
    id: 'host1-eth1',
    name: 'enp91s0',
    speed: '2500',
    bond: 'host1-bond0',
    switchPort: 'switch1-tengigabitethernet1-0-2',
  },
  {
    id: 'host1-eth2',
    name: 'enp3s0f0np0',
    speed: '10000',
    bond: 'host1-bond1',
    switchPort: 'switch1-tengigabitethernet1-0-3',
  },
  {
    id: 'host1-eth3',
    name: 'enp3s0f1np1',
    speed: '10000',
    bond: 'host1-bond1',
    switchPort: 'switch1-tengigabitethernet1-0-4',
  },
];
/** Typed as a person might (short form, any case, a space); stored in Dell's one long form. */
const SWITCH_PORTS = [
  {
    id: 'switch1-tengigabitethernet1-0-1',
    typed: 'Te1/0/17',
    name: 'Tengigabitethernet1/0/17',
    channel: 'switch1-po1',
  },
  {
    id: 'switch1-tengigabitethernet1-0-2',
    typed: 'tengigabitethernet 2/0/17',
    name: 'Tengigabitethernet2/0/17',
    channel: 'switch1-po1',
  },
  {
    id: 'switch1-tengigabitethernet1-0-3',
    typed: 'TenGigabitEthernet1/0/18',
    name: 'Tengigabitethernet1/0/18',
    channel: 'switch1-po2',
  },
  {
    id: 'switch1-tengigabitethernet1-0-4',
    typed: 'Tengigabitethernet2/0/18',
    name: 'Tengigabitethernet2/0/18',
    channel: 'switch1-po2',
  },
];

async function buildHost(ui: DesignerPage, app: AppSession): Promise<void> {
  const box = await ui.box(ui.page.locator('.react-flow__pane'));
  await ui.drop('host', { x: box.x + box.width * 0.3, y: box.y + 90 });
  await ui.node('host1').waitFor();
  for (const kind of ['port', 'port', 'port', 'port', 'bond', 'bond', 'bridge', 'bridge', 'vm'])
    await ui.dropInto(kind, 'host1');
  await ui.select('host1');
  await ui.fill('field-name', 'ms01');
  await ui.fill('field-ssh-address', '10.2.200.30');
  await ui.menu('arrange', 'layout-device');
  // Laid out and fitted to the view: all nine are on screen.
  await expect
    .poll(() => ui.page.locator('.react-flow__node[data-id^="host1-"], .react-flow__node[data-id="vm-100"]').count())
    .toBe(9);
  await expect
    .poll(async () => (await ui.nodePosition('host1-eth0')).y - (await ui.nodePosition('host1-bond0')).y)
    .toBeGreaterThan(40);
  await app.screenshot('host elements dropped and laid out');

  for (const p of PORTS) {
    await ui.select(p.id);
    await ui.fill('field-name', p.name);
    await ui.fill('field-speed', p.speed);
  }
  for (const p of PORTS) await ui.connect([p.id, 'up'], [p.bond, 'down']);
  await ui.connect(['host1-bond0', 'up'], ['host1-vmbr0', 'down']);
  await ui.connect(['host1-bond1', 'up'], ['host1-vmbr1', 'down']);
  await ui.connect(['vm-100', 'new-nic'], ['host1-vmbr1', 'up']);
  await expect.poll(() => ui.page.locator('.react-flow__edge-member').count()).toBe(6);
  await expect.poll(() => ui.page.locator('.react-flow__edge-nic').count()).toBe(1);

  for (const bond of ['host1-bond0', 'host1-bond1']) {
    await ui.select(bond);
    await ui.choose('field-mode', '802.3ad');
    await ui.choose('field-xmitHashPolicy', 'layer3+4');
    await ui.choose('field-lacpRate', 'fast');
  }
  await ui.select('host1-vmbr0');
  await ui.choose('field-inet-method', 'static');
  await ui.fill('field-inet-addresses', '10.2.200.30/24');
  await ui.fill('field-inet-gateway', '10.2.200.1');
  await ui.fill('field-comment', 'Management');
  await ui.select('host1-vmbr1');
  await ui.tick('field-vlanAware');
  await ui.fill('field-vids', '1-239, 241-255');
  await ui.fill('field-pvid', '240');
  await ui.fill('field-comment', 'VM trunk');
  await ui.select('vm-100');
  await ui.fill('field-name', 'web01');
  await ui.fill('nic-0-tag', '245');
  await ui.tick('nic-0-firewall');
}

async function buildSwitch(ui: DesignerPage, app: AppSession): Promise<void> {
  // A click on the palette puts the switch in free space beside the host and brings it into view.
  await ui.click('palette-switch');
  await ui.node('switch1').waitFor();
  for (const kind of ['switch-port', 'switch-port', 'switch-port', 'switch-port', 'port-channel', 'port-channel'])
    await ui.dropInto(kind, 'switch1');
  await ui.select('switch1');
  await ui.fill('field-name', 'n4032');
  await ui.fill('field-management', '10.2.200.2');
  await ui.fill('field-stackUnits', '2');
  await ui.menu('arrange', 'layout-device');
  await expect
    .poll(async () => (await ui.nodePosition('switch1-po1')).y - (await ui.nodePosition(SWITCH_PORTS[0]!.id)).y)
    .toBeGreaterThan(40);
  for (const p of SWITCH_PORTS) {
    await ui.select(p.id);
    await ui.fill('field-name', p.typed);
    await expect.poll(() => ui.field('field-name').locator('input').inputValue()).toBe(p.name);
    await expect.poll(() => ui.node(p.id).textContent()).toContain(p.name.replace('Tengigabitethernet', 'Te'));
  }
  for (const [id, number] of [
    ['switch1-po1', '8'],
    ['switch1-po2', '9'],
  ] as const) {
    await ui.select(id);
    await ui.fill('field-number', number);
    await ui.choose('field-switchport-mode', 'trunk');
    await ui.fill('field-switchport-native', '240');
  }
  for (const p of SWITCH_PORTS) await ui.connect([p.channel, 'up'], [p.id, 'down']);
  // The host beside the switch, for cabling.
  await ui.menu('view', 'fit-view');
  await ui.settle();
  for (const p of PORTS) await ui.connect([p.switchPort, 'up'], [p.id, 'down']);
  await expect.poll(() => ui.page.locator('.react-flow__edge-cable').count()).toBe(4);
  await app.screenshot('switch cabled');
}

describe('the designer in Chromium', () => {
  beforeAll(() => {
    // The UI tests drive the built app; make sure the CLI they compare with is built too.
    expect(runCli(['--help']).status).toBe(0);
  });

  it('builds the example homelab from an empty design, exports the same configs, undoes and redoes, saves and reopens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-designer-'));
    const saved = join(dir, 'homelab.netloom.json');
    await withApp({}, async (app) => {
      const ui = await startEmpty(app);
      await app.screenshot('empty design');
      ui.actions = 0;
      await ui.fill('field-design-name', 'MS-01 homelab');
      await addNetworks(ui);
      await buildHost(ui, app);
      await buildSwitch(ui, app);
      // Counted the same way, the build took 109 steps before new things were placed in free space.
      console.log(`MS-01 homelab built in ${ui.actions} steps`);
      expect(ui.actions).toBeLessThan(109);
      await ui.clearSelection();
      await ui.page.keyboard.press('Shift+1');
      await app.screenshot('homelab built');
      await expect.poll(() => ui.page.getByTestId('problems-errors').textContent()).toBe('0 errors');

      // Save as, then the design on disk means what the shipped example means.
      await ui.menu('file', 'save-as');
      await ui.answerDialog(saved);
      await expect.poll(() => app.page.title()).toBe('MS-01 homelab — Netloom');
      expect(canonical(load(saved))).toEqual(canonical(exampleDesign()));
      for (const p of SWITCH_PORTS) expect(readFileSync(saved, 'utf8')).toContain(`"name": "${p.name}"`);
      expect(runCli(['check', saved]).status).toBe(0);

      // Undo and redo a drag: one step each way.
      const before = await ui.nodePosition('vm-100');
      const vm = await ui.box(ui.node('vm-100'));
      await ui.page.mouse.move(vm.x + 60, vm.y + 14);
      await ui.page.mouse.down();
      await ui.page.mouse.move(vm.x + 160, vm.y + 34, { steps: 8 });
      await ui.page.mouse.up();
      const moved = await ui.nodePosition('vm-100');
      expect(moved.x).toBeGreaterThan(before.x + 50);
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => ui.nodePosition('vm-100')).toEqual(before);
      await ui.page.keyboard.press('Control+Shift+z');
      await expect.poll(() => ui.nodePosition('vm-100')).toEqual(moved);
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => ui.nodePosition('vm-100')).toEqual(before);

      // Undo and redo a delete.
      await ui.select('vm-100');
      await ui.page.keyboard.press('Delete');
      await expect.poll(() => ui.node('vm-100').count()).toBe(0);
      await app.screenshot('VM deleted');
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => ui.node('vm-100').count()).toBe(1);
      await ui.page.keyboard.press('Control+y');
      await expect.poll(() => ui.node('vm-100').count()).toBe(0);
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => ui.node('vm-100').count()).toBe(1);

      // Save, reload the page, reopen the file: the same design.
      const savedToast = ui.page.getByTestId('toast').filter({ hasText: `Saved ${saved}` });
      // The Save As above said "Saved" too: once that toast has gone, the one awaited below is this save's.
      await savedToast.waitFor({ state: 'hidden' });
      await ui.page.keyboard.press('Control+s');
      await expect.poll(() => app.page.title()).toBe('MS-01 homelab — Netloom');
      // "Saved" appears once the recovery file is discarded too: only then may the page go.
      await savedToast.waitFor();
      const bytes = readFileSync(saved, 'utf8');
      await app.page.reload();
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      await ui.menu('file', 'open');
      await ui.answerDialog(saved);
      await expect.poll(() => app.page.getByTestId('design-name').textContent()).toBe('MS-01 homelab');
      await expect.poll(() => ui.node('vm-100').count()).toBe(1);
      const again = join(dir, 'again.netloom.json');
      await ui.menu('file', 'save-as');
      await ui.answerDialog(again);
      await expect.poll(() => readFileSync(again, 'utf8')).toBe(bytes);
      await app.screenshot('reopened');

      // The previews show exactly what the CLI exports for the saved file.
      for (const device of ['ms01', 'n4032']) {
        await ui.select(device === 'ms01' ? 'host1' : 'switch1');
        await ui.page.getByTestId('tab-preview').click();
        const cli = runCli(['export', saved, '--device', device]);
        expect(cli.stderr).toBe('');
        expect(cli.status).toBe(0);
        await expect.poll(() => ui.previewText()).toBe(cli.stdout);
        await app.screenshot(`preview of ${device}`);
        await ui.page.getByTestId('tab-inspector').click();
      }
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('a native VLAN mismatch made in the inspector shows in Problems and as a badge, and goes away when fixed', async () => {
    const app = await openApp();
    try {
      const ui = new DesignerPage(app.page);
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      await expect.poll(() => app.page.getByTestId('problems-errors').textContent()).toBe('0 errors');
      await ui.select('ms01-vmbr1');
      await ui.fill('field-pvid', '245');
      const problem = app.page.locator('[data-testid="problem"][data-rule="vlan/native-mismatch"]');
      await expect.poll(() => problem.count()).toBeGreaterThan(0);
      await expect.poll(() => ui.node('ms01-vmbr1').getByTestId('problem-badge').count()).toBe(1);
      await app.screenshot('native VLAN mismatch');
      // Clicking the problem selects the element it names and brings it into view.
      await ui.clearSelection();
      await problem.first().click();
      await expect.poll(() => app.page.getByTestId('inspector-title').textContent()).toBeTruthy();
      // What the model cannot express is refused with the reason, and changes nothing.
      await ui.connect(['vm-100', 'new-nic'], ['ms01-enp88s0', 'up']);
      await expect
        .poll(() => app.page.getByTestId('toast').allTextContents())
        .toContain('a VM connects to a bridge, not straight onto a port');
      await ui.connect(['ms01-enp88s0', 'up'], ['ms01-bond1', 'down']);
      await expect
        .poll(() => app.page.getByTestId('toast').allTextContents())
        .toContain('enp88s0 is already a member of bond0; a port joins one bond');
      await app.screenshot('connection refused');
      expect(await app.page.locator('.react-flow__edge-nic').count()).toBe(1);
      await ui.select('ms01-vmbr1');
      await ui.fill('field-pvid', '240');
      await expect.poll(() => problem.count()).toBe(0);
      await expect.poll(() => ui.node('ms01-vmbr1').getByTestId('problem-badge').count()).toBe(0);
      await app.screenshot('native VLAN fixed');

      // Without its port-channel the LACP bond is a problem; the inspector's action makes it again.
      await ui.select('n4032-po8');
      await app.page.keyboard.press('Delete');
      const lacp = app.page.locator('[data-testid="problem"][data-rule="bond/lacp-peer-mismatch"]');
      await expect.poll(() => lacp.count()).toBeGreaterThan(0);
      await ui.select('ms01-bond0');
      await app.page.getByTestId('derive-port-channel').click();
      await expect.poll(() => app.page.getByTestId('derive-outcome').textContent()).toMatch(/port-channel/i);
      await expect.poll(() => lacp.count()).toBe(0);
      await expect.poll(() => app.page.getByTestId('problems-errors').textContent()).toBe('0 errors');
      await app.screenshot('port-channel derived from the bond');
    } finally {
      await app.close();
    }
  });

  it('opening a malformed file shows each problem with its JSON path and leaves the open design untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-bad-'));
    const bad = join(dir, 'broken.netloom.json');
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    json.hosts[0].bonds[1].mode = '802.3adx';
    json.networks[0].vlan = 4095;
    writeFileSync(bad, JSON.stringify(json, null, 2));
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    try {
      const ui = new DesignerPage(app.page);
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      await ui.select('ms01-bond0');
      await ui.choose('field-mode', 'balance-alb');
      await ui.menu('file', 'open');
      await ui.page.getByTestId('dialog-deny').click();
      await ui.answerDialog(bad);
      const error = app.page.getByTestId('load-error');
      await expect.poll(() => error.textContent()).toContain('hosts[0].bonds[1].mode');
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('networks[0].vlan');
      expect(text).toContain('802.3adx');
      expect(text).toContain(bad);
      await app.screenshot('malformed file refused');
      // The design that was open is still open, with its unsaved edit.
      expect(await app.page.getByTestId('design-name').textContent()).toBe(exampleDesign().name);
      await ui.select('ms01-bond0');
      expect(await ui.field('field-mode').locator('select').inputValue()).toBe('balance-alb');
      await app.page.getByTestId('load-error-dismiss').click();
      await expect.poll(() => error.count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('exports configs and the diagram, shows changes since the export, offers to restore autosaved work, and opens dropped files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-files-'));
    await withApp({}, async (app) => {
      const ui = new DesignerPage(app.page);
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);

      // Export every device's configs to a folder: the preview shows what was written.
      await ui.menu('file', 'export-configs');
      await ui.answerDialog(join(dir, 'export'));
      await expect.poll(() => app.page.getByTestId('toast').first().textContent()).toMatch(/^Exported \d+ files to /);
      await ui.select('ms01-vmbr1');
      await app.page.getByTestId('tab-preview').click();
      await expect
        .poll(() => ui.previewText())
        .toBe(readFileSync(join(dir, 'export', 'ms01', 'etc/network/interfaces'), 'utf8'));
      await expect.poll(() => app.page.getByTestId('preview').textContent()).toContain('same as last export');

      // An edit after the export shows as a change against it.
      await app.page.getByTestId('tab-inspector').click();
      await ui.fill('field-pvid', '241');
      await app.page.getByTestId('tab-preview').click();
      await expect.poll(() => app.page.getByTestId('preview').textContent()).toContain('changed since last export');
      await expect.poll(() => app.page.locator('.cm-changedLine').count()).toBeGreaterThan(0);
      await app.screenshot('preview diff against the last export');

      // The diagram in the colours chosen in the Export dialog, whatever the app's theme.
      await app.page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => app.page.locator('html').getAttribute('data-theme')).toBe('dark');
      const exported = async (action: string, theme: string) => {
        await ui.menu('file', action);
        await expect.poll(() => app.page.getByTestId('dialog').textContent()).toContain('Colours of the picture');
        const [file] = await Promise.all([
          app.page.waitForEvent('download'),
          app.page.getByTestId(`choice-${theme}`).click(),
        ]);
        const path = join(dir, file.suggestedFilename());
        await file.saveAs(path);
        return readFileSync(path);
      };
      const svg = (await exported('export-svg', 'light')).toString('utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* data-theme="light">/);
      expect(svg).toContain(`fill="${PALETTES.light.background}"`);
      for (const name of ['ms01', 'n4032', 'vmbr1', 'Po8', 'Te1/0/17', 'VLAN 240, 245', 'tag 245', 'management'])
        expect(svg).toContain(`>${name}<`);
      const png = await exported('export-png', 'dark');
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(firstPixel(png)).toBe(PALETTES.dark.background);
      await app.page.emulateMedia({ colorScheme: 'light' });

      // Unsaved work is autosaved; a new window on the same backend offers to restore it.
      await expect
        .poll(
          () =>
            app.page.evaluate(async (token) => {
              const response = await fetch('/api/readRecovery', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
                body: '[]',
              });
              return ((await response.json()) as { value: unknown }).value !== null;
            }, app.token),
          { timeout: 15_000 },
        )
        .toBe(true);
      const second = await app.context.newPage();
      await app.page.close({ runBeforeUnload: false });
      await second.goto(app.url);
      await expect
        .poll(() => second.getByTestId('dialog').textContent(), { timeout: 15_000 })
        .toContain('Restore unsaved work?');
      await second.getByTestId('dialog-confirm').click();
      await expect
        .poll(() => second.locator('.react-flow__node[data-id="ms01-vmbr1"]').textContent())
        .toContain('PVID 241');
      await expect.poll(() => second.getByTestId('dirty-indicator').count()).toBe(1);

      // A file dropped on the window goes through the same restore step as an opened one.
      const drop = (name: string, text: string) =>
        second.evaluate(
          ([fileName, content]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content!], fileName!, { type: 'application/json' }));
            window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          },
          [name, text],
        );
      await drop('broken.netloom.json', '{"format": "netloom/1", "name": ""}');
      await expect.poll(() => second.getByTestId('load-error').textContent()).toContain('name');
      await second.getByTestId('load-error-dismiss').click();
      const renamed = { ...JSON.parse(readFileSync(EXAMPLE, 'utf8')), name: 'Dropped lab' };
      await drop('lab.netloom.json', JSON.stringify(renamed));
      await second.getByTestId('dialog-deny').click();
      await expect.poll(() => second.getByTestId('design-name').textContent()).toBe('Dropped lab');
      await second.emulateMedia({ colorScheme: 'dark' });
      await second.screenshot({ path: join(app.resultsDir, 'dropped-file-dark.png') });
    });
  });
});
