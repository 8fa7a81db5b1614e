import { afterEach, describe, expect, it } from 'vitest';
import { addHost } from '../../../shared/edit/create.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import { emptyDesign, history, isDirty, useAppStore } from '../../../renderer/src/store/store.js';
import { exampleDesign } from '../../helpers/design.js';

const state = () => useAppStore.getState();

afterEach(() => state().load(emptyDesign(), null));

describe('the store', () => {
  it('loading a design is not an undo step, and clears history', () => {
    state().edit((d) => addHost(d).design);
    expect(history().pastStates).toHaveLength(1);
    state().load(exampleDesign(), '/tmp/lab.netloom.json');
    expect(history().pastStates).toHaveLength(0);
    expect(isDirty(state())).toBe(false);
    expect(state().filePath).toBe('/tmp/lab.netloom.json');
  });

  it('each edit is one step; undo and redo restore the very design objects', () => {
    state().load(exampleDesign(), null);
    const loaded = state().design;
    state().edit((d) => addHost(d).design);
    const edited = state().design;
    expect(isDirty(state())).toBe(true);
    history().undo();
    expect(state().design).toBe(loaded);
    expect(isDirty(state())).toBe(false);
    history().redo();
    expect(state().design).toBe(edited);
  });

  it('a move of several nodes at drag end is one step', () => {
    state().load(exampleDesign(), null);
    state().edit((d) => withPositions(d, { ms01: { x: 5, y: 5 }, n4032: { x: 5, y: 500 } }));
    expect(history().pastStates).toHaveLength(1);
  });

  it('an edit that changes nothing records nothing', () => {
    state().load(exampleDesign(), null);
    state().edit((d) => d);
    expect(history().pastStates).toHaveLength(0);
  });

  it('live status, selection and panels are never recorded and survive undo', () => {
    state().load(exampleDesign(), null);
    state().edit((d) => addHost(d).design);
    state().setLive('ms01-bond0', { health: 'degraded', reasons: ['enp91s0 is down'], readAt: '2026-01-01T00:00:00Z' });
    state().select(['ms01-bond0']);
    useAppStore.setState({ sidePanel: 'preview' });
    expect(history().pastStates).toHaveLength(1);
    history().undo();
    expect(state().live['ms01-bond0']?.health).toBe('degraded');
    expect(state().selection).toEqual(['ms01-bond0']);
    expect(state().sidePanel).toBe('preview');
  });

  it('a restored recovery counts as unsaved', () => {
    state().load(exampleDesign(), '/tmp/x.netloom.json', { dirty: true });
    expect(isDirty(state())).toBe(true);
  });
});
