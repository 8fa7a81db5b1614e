import { describe, expect, it } from 'vitest';
import { applyButton, devicesNamed } from '../../../renderer/src/deploy/apply-label.js';
import type { Preparation } from '../../../shared/deploy/outcome.js';
import type { Design } from '../../../shared/model/schema.js';
import { exampleDesign } from '../../helpers/design.js';

const design: Design = {
  ...exampleDesign(),
  hosts: ['h1', 'h2', 'h3'].map((name) => ({ ...exampleDesign().hosts[0]!, id: name, name })),
  switches: ['sw1', 'sw2'].map((name) => ({ ...exampleDesign().switches[0]!, id: name, name })),
};
const ready = (host: string): Preparation => ({ host, state: 'ready', diff: '', checkOutput: '' });
const unchanged = (host: string): Preparation => ({ host, state: 'unchanged' });
const failed = (host: string): Preparation => ({ host, state: 'failed', reason: 'refused' });

describe('the Apply button of the Deploy panel', () => {
  it('names the hosts and switches it applies to', () => {
    expect(applyButton([ready('h1'), ready('h2'), ready('sw1')], design)).toEqual({
      enabled: true,
      label: 'Apply to 2 hosts and 1 switch',
    });
    expect(applyButton([ready('sw1'), unchanged('h1')], design).label).toBe('Apply to 1 switch');
    expect(applyButton([ready('h3'), failed('sw2')], design).label).toBe('Apply to 1 host');
    expect(devicesNamed(['sw1', 'sw2', 'h1'], design)).toBe('1 host and 2 switches');
    expect(devicesNamed([], design)).toBe('nothing');
  });

  it('is off with the reason when nothing is ready', () => {
    expect(applyButton([], design)).toEqual({
      enabled: false,
      label: 'Nothing to apply',
      reason: 'No host or switch was prepared.',
    });
    expect(applyButton([unchanged('h1'), unchanged('sw1')], design)).toMatchObject({
      enabled: false,
      reason: 'Every device is already as designed.',
    });
    expect(applyButton([unchanged('h1'), failed('sw1')], design)).toMatchObject({
      enabled: false,
      reason: 'No device is ready: each card says why.',
    });
  });
});
