import { describe, expect, it } from 'vitest';
import { createDisposables } from '../../../electron/engine/disposables.js';

describe('disposables', () => {
  it('runs every cleanup once, newest first, even when one fails', async () => {
    const ran: string[] = [];
    const d = createDisposables();
    d.onDispose(() => void ran.push('poller'));
    d.onDispose(() => {
      throw new Error('already closed');
    });
    d.onDispose(async () => void ran.push('ssh'));
    await d.dispose();
    await d.dispose();
    expect(ran).toEqual(['ssh', 'poller']);
  });
});
