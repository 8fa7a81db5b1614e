import { defineRule } from '../define-rule.js';

/** Device names are export folder names (`DIR/<name>/`); two equal ones (ignoring case) overwrite each other. */
export const namesDuplicateDevice = defineRule({
  id: 'names/duplicate-device',
  severity: 'error',
  summary: 'Two hosts or switches have the same name (ignoring case), so their exported configs collide.',
  check(index, report) {
    const first = new Map<string, { id: string; name: string }>();
    for (const device of [...index.design.hosts, ...index.design.switches]) {
      const key = device.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier)
        report(
          [device.id, earlier.id],
          `"${device.name}" names two devices (also "${earlier.id}"); their exported configuration folders would collide`,
        );
      else first.set(key, device);
    }
  },
});
