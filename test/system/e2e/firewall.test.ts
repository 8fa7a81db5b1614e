/**
 * The firewall panel in real Chromium through `netloom serve`: turn the
 * datacenter firewall on and see the lockout problem and the shield; add IP
 * set management and see the problem go; edit an IP set entry and an alias in
 * place, and rename an alias a rule names (the rule follows); give the host two rules, drag them
 * into the wrong order and see the shadowed-rule problem, which opens the
 * panel at the rule; put them back with the keyboard; undo and redo; export
 * and find the rules in host.fw and the IP set in cluster.fw.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../helpers/cli.js';
import { DesignerPage } from './designer-page.js';
import { openApp } from './harness.js';

describe('the firewall panel in Chromium', () => {
  it('edits IP sets and rules through the store: problems follow, reorder by drag and keyboard, export writes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-firewall-'));
    // The example with the datacenter firewall managed but off, and the hosts' own network declared
    // elsewhere (alias local_network), so only IP set management can admit the management network.
    const design = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    design.firewall = { aliases: [{ name: 'local_network', cidr: '10.2.100.0/24' }] };
    const file = join(dir, 'firewall.netloom.json');
    writeFileSync(file, JSON.stringify(design, null, 2));
    const app = await openApp({ design: file });
    const { page } = app;
    try {
      const ui = new DesignerPage(page);
      await expect.poll(() => page.title(), { timeout: 15_000 }).toContain(design.name);
      const problems = (rule: string) => page.locator(`[data-testid="problem"][data-rule="${rule}"]`);
      const rows = page.getByTestId('fw-rule');
      const ruleTexts = () => rows.getByTestId('fw-rule-text').allTextContents();

      await ui.menu('view', 'firewall');
      await expect.poll(() => page.getByTestId('fw-level').inputValue()).toBe('datacenter');
      expect(await ui.node('ms01').getByTestId('shield-badge').count()).toBe(0);

      // Firewall on: the management network is locked out, and ms01 wears the shield.
      await page.getByTestId('fw-opt-enable').check();
      await expect.poll(() => problems('firewall/lockout').count()).toBe(1);
      await expect.poll(() => ui.node('ms01').getByTestId('shield-badge').count()).toBe(1);

      // IP set management with the management network: the lockout goes away.
      await page.getByTestId('fw-ipset-name').fill('management');
      await page.getByTestId('fw-ipset-add').click();
      const management = page.locator('[data-testid="fw-ipset"][data-name="management"]');
      await management.getByTestId('fw-ipset-entry-new').fill('10.2.200.0/24');
      await management.getByTestId('fw-ipset-entry-add').click();
      await expect
        .poll(() => management.getByTestId('fw-ipset-entry').locator('code').allTextContents())
        .toEqual(['10.2.200.0/24']);
      await expect.poll(() => problems('firewall/lockout').count()).toBe(0);
      await app.screenshot('datacenter firewall with IP set management');

      // A refused entry says why and changes nothing.
      await management.getByTestId('fw-ipset-entry-new').fill('10.2.200.7/32');
      await management.getByTestId('fw-ipset-entry-add').click();
      await expect.poll(() => page.getByTestId('fw-error').textContent()).toContain('10.2.200.7');
      expect(await management.getByTestId('fw-ipset-entry').count()).toBe(1);

      // An entry edited in place: checked as when added (refused, it stays as it was), one history step.
      const entries = () => management.getByTestId('fw-ipset-entry').locator('code').allTextContents();
      await management.getByTestId('fw-ipset-entry-edit').click();
      await management.getByTestId('fw-ipset-entry-edit-text').fill('10.2.200.7/32');
      await management.getByTestId('fw-in-place-save').click();
      await expect.poll(() => page.getByTestId('fw-error').textContent()).toContain('10.2.200.7');
      expect(await entries()).toEqual([]);
      await management.getByTestId('fw-ipset-entry-edit-text').fill('!10.2.200.0/23');
      await management.getByTestId('fw-ipset-entry-edit-text').press('Enter');
      await expect.poll(entries).toEqual(['!10.2.200.0/23']);
      expect(await page.getByTestId('fw-error').count()).toBe(0);
      await ui.menu('edit', 'undo');
      await expect.poll(entries).toEqual(['10.2.200.0/24']);

      // So is an alias: a bad address is refused with the reason, a good one replaces the old in one step.
      const aliases = () => page.getByTestId('fw-alias').locator('code').allTextContents();
      expect(await aliases()).toEqual(['local_network = 10.2.100.0/24']);
      await page.getByTestId('fw-alias-edit').click();
      await page.getByTestId('fw-alias-edit-cidr').fill('10.2.100.0/33');
      await page.getByTestId('fw-alias-edit-cidr').press('Enter');
      await expect.poll(() => page.getByTestId('fw-error').textContent()).toContain('alias local_network');
      await page.getByTestId('fw-alias-edit-name').fill('lab_network');
      await page.getByTestId('fw-alias-edit-cidr').fill('10.2.101.0/24');
      await page.getByTestId('fw-in-place-save').click();
      await expect.poll(aliases).toEqual(['lab_network = 10.2.101.0/24']);
      await ui.menu('edit', 'undo');
      await expect.poll(aliases).toEqual(['local_network = 10.2.100.0/24']);
      // Escape leaves an edit without a change.
      await page.getByTestId('fw-alias-edit').click();
      await page.getByTestId('fw-alias-edit-cidr').fill('10.9.9.0/24');
      await page.getByTestId('fw-alias-edit-cidr').press('Escape');
      await expect.poll(aliases).toEqual(['local_network = 10.2.100.0/24']);

      // Renaming an alias renames the rules that name it, in the same step: none is left naming nothing.
      await page.getByTestId('fw-add-rule').click();
      await page.getByTestId('fw-form-source').fill('local_network');
      await page.getByTestId('fw-form-save').click();
      await expect.poll(ruleTexts).toEqual(['IN ACCEPT -source local_network']);
      await page.getByTestId('fw-alias-edit').click();
      await page.getByTestId('fw-alias-edit-name').fill('lab_network');
      await page.getByTestId('fw-alias-edit-name').press('Enter');
      await expect.poll(aliases).toEqual(['lab_network = 10.2.100.0/24']);
      await expect.poll(ruleTexts).toEqual(['IN ACCEPT -source lab_network']);
      expect(await problems('firewall/undefined-reference').count()).toBe(0);
      await ui.menu('edit', 'undo');
      await expect.poll(ruleTexts).toEqual(['IN ACCEPT -source local_network']);
      expect(await aliases()).toEqual(['local_network = 10.2.100.0/24']);
      await ui.menu('edit', 'undo');
      await expect.poll(ruleTexts).toEqual([]);

      // Host ms01: managed, two rules.
      await page.getByTestId('fw-level').selectOption('host:ms01');
      await page.getByTestId('fw-manage').click();
      await page.getByTestId('fw-add-rule').click();
      await page.getByTestId('fw-form-source').fill('+management');
      await page.getByTestId('fw-form-proto').fill('tcp');
      await page.getByTestId('fw-form-dport').fill('22');
      await page.getByTestId('fw-form-comment').fill('admins');
      await page.getByTestId('fw-form-save').click();
      await page.getByTestId('fw-add-rule').click();
      await page.getByTestId('fw-form-action').selectOption('DROP');
      await page.getByTestId('fw-form-save').click();
      const rightOrder = ['IN ACCEPT -source +management -p tcp -dport 22 # admins', 'IN DROP'];
      await expect.poll(ruleTexts).toEqual(rightOrder);
      expect(await problems('firewall/shadowed-rule').count()).toBe(0);

      // Dragging DROP above the ACCEPT shadows it: the problem appears and points at the rule.
      await rows.nth(1).dragTo(rows.nth(0));
      await expect.poll(ruleTexts).toEqual([...rightOrder].reverse());
      await expect.poll(() => problems('firewall/shadowed-rule').count()).toBe(1);
      await page.getByTestId('firewall-close').click();
      await problems('firewall/shadowed-rule').click();
      await expect.poll(() => page.getByTestId('fw-level').inputValue()).toBe('host:ms01');
      await expect
        .poll(() => page.locator('[data-testid="fw-rule"].is-highlighted').getAttribute('data-index'))
        .toBe('1');
      await app.screenshot('shadowed rule highlighted');

      // The keyboard puts it back: Alt+Up on the highlighted (focused) row.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(ruleTexts).toEqual(rightOrder);
      await expect.poll(() => problems('firewall/shadowed-rule').count()).toBe(0);

      // Each edit is one history step; Ctrl+Z works with the focus on a rule row too.
      await page.keyboard.press('Control+z');
      await expect.poll(ruleTexts).toEqual([...rightOrder].reverse());
      await ui.menu('edit', 'redo');
      await expect.poll(ruleTexts).toEqual(rightOrder);

      // A disabled rule is written commented out with `|`.
      await rows.nth(1).getByTestId('fw-rule-enabled').uncheck();
      await expect.poll(() => rows.nth(1).getAttribute('class')).toContain('is-disabled');

      await ui.menu('file', 'export-configs');
      await ui.answerDialog(join(dir, 'export'));
      await expect.poll(() => page.getByTestId('toast').first().textContent()).toMatch(/^Exported \d+ files to /);
      const exported = (path: string) => readFileSync(join(dir, 'export', 'ms01', path), 'utf8');
      expect(exported('etc/pve/nodes/ms01/host.fw')).toBe(
        '[RULES]\n\nIN ACCEPT -source +management -p tcp -dport 22 # admins\n|IN DROP\n\n',
      );
      expect(exported('etc/pve/firewall/cluster.fw')).toContain('[IPSET management]\n\n10.2.200.0/24\n');
      expect(exported('etc/pve/firewall/cluster.fw')).toContain('enable: 1\n');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
