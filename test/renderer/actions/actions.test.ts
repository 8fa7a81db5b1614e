import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRegistry, type ActionContext, type Services } from '../../../renderer/src/actions/action.js';
import { ACTIONS } from '../../../renderer/src/actions/index.js';
import { formatShortcut, matchesChord, parseShortcut } from '../../../renderer/src/actions/shortcut.js';
import { emptyDesign, history, useAppStore } from '../../../renderer/src/store/store.js';
import { exampleDesign } from '../../helpers/design.js';

const services: Services = {
  newDesign: vi.fn(async () => undefined),
  openDesign: vi.fn(async () => undefined),
  openExample: vi.fn(async () => undefined),
  save: vi.fn(async () => true),
  saveAs: vi.fn(async () => true),
  exportConfigs: vi.fn(async () => undefined),
  exportImage: vi.fn(async () => undefined),
  autoLayout: vi.fn(async () => undefined),
  fitView: vi.fn(),
  zoomIn: vi.fn(),
  zoomOut: vi.fn(),
  zoomReset: vi.fn(),
  viewCenter: () => ({ x: 0, y: 0 }),
  openCommandPalette: vi.fn(),
  openShortcuts: vi.fn(),
};
const ctx: ActionContext = { store: useAppStore, services };
const run = (id: string) => ACTIONS.get(id).perform(ctx);
const state = () => useAppStore.getState();

afterEach(() => state().load(emptyDesign(), null));

describe('the action registry', () => {
  it('refuses two actions with one shortcut, naming both', () => {
    const perform = () => undefined;
    expect(() =>
      createRegistry([
        { id: 'a', label: 'A', group: 'edit', shortcuts: ['Mod+Shift+Z'], perform },
        { id: 'b', label: 'B', group: 'edit', shortcuts: ['Shift+Mod+z'], perform },
      ]),
    ).toThrow('shortcut Mod+Shift+Z is claimed by both "a" and "b"');
  });

  it('the app’s own registry builds, and every action has a label and a group', () => {
    expect(ACTIONS.all.length).toBeGreaterThan(20);
    for (const a of ACTIONS.all) expect(a.label).not.toBe('');
  });

  it('offers every bundled example under File > Examples, opening it by id', async () => {
    const examples = ACTIONS.all.filter((a) => a.group === 'examples');
    expect(examples.map((a) => a.id)).toEqual([
      'open-example-homelab',
      'open-example-kvm-bridged-nat',
      'open-example-vmware-dmz',
      'open-example-nested-esxi',
    ]);
    for (const a of examples) expect(a.detail).toMatch(/\w.{20,}/);
    await run('open-example-nested-esxi');
    expect(services.openExample).toHaveBeenCalledWith('nested-esxi');
  });

  it('matches Shift+1 by physical key and shows shortcuts the platform way', () => {
    const chord = parseShortcut('Shift+1');
    expect(
      matchesChord(
        chord,
        { key: '!', code: 'Digit1', ctrlKey: false, metaKey: false, shiftKey: true, altKey: false },
        false,
      ),
    ).toBe(true);
    expect(
      matchesChord(
        parseShortcut('Mod+Z'),
        { key: 'z', code: 'KeyZ', ctrlKey: false, metaKey: true, shiftKey: false, altKey: false },
        true,
      ),
    ).toBe(true);
    expect(
      matchesChord(
        parseShortcut('Mod+Z'),
        { key: 'z', code: 'KeyZ', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false },
        false,
      ),
    ).toBe(false);
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});

describe('edit actions', () => {
  it('delete removes the selection as one undoable step', () => {
    state().load(exampleDesign(), null);
    state().select(['ms01-bond0']);
    run('delete');
    expect(state().design.hosts[0]!.bonds.map((b) => b.name)).toEqual(['bond1']);
    expect(state().selection).toEqual([]);
    expect(history().pastStates).toHaveLength(1);
    run('undo');
    expect(state().design.hosts[0]!.bonds.map((b) => b.name)).toEqual(['bond0', 'bond1']);
    run('redo');
    expect(state().design.hosts[0]!.bonds).toHaveLength(1);
  });

  it('copy then paste adds a copy and selects it; duplicate leaves the clipboard alone', () => {
    state().load(exampleDesign(), null);
    state().select(['ms01-vmbr0']);
    run('copy');
    run('paste');
    const bridges = state().design.hosts[0]!.bridges;
    expect(bridges.map((b) => b.name)).toEqual(['vmbr0', 'vmbr1', 'vmbr2']);
    expect(state().selection).toEqual([bridges[2]!.id]);
    const clipboard = state().clipboard;
    state().select(['vm-100']);
    run('duplicate');
    expect(state().design.hosts[0]!.vms.map((v) => v.vmid)).toEqual([100, 101]);
    expect(state().clipboard?.hostParts).toEqual(clipboard?.hostParts);
  });

  it('select all selects every node; cut empties the design in one step', () => {
    state().load(exampleDesign(), null);
    run('select-all');
    expect(state().selection).toContain('ms01');
    expect(state().selection).toContain('n4032-po9');
    run('cut');
    expect(state().design.hosts).toEqual([]);
    expect(state().design.switches).toEqual([]);
    expect(history().pastStates).toHaveLength(1);
  });

  it('undo is disabled with no history, file actions go to the services', async () => {
    state().load(exampleDesign(), null);
    expect(ACTIONS.get('undo').enabled!(ctx)).toBe(false);
    await run('save');
    expect(services.save).toHaveBeenCalled();
  });
});
