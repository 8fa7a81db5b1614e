import { describe, expect, it } from 'vitest';
import { checkInterfaceName } from '../../../shared/model/names.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleDesign } from '../../helpers/design.js';
import { restored } from './ifupdown2/designs.js';

/** Every printable ASCII character the interface-name check lets into a name. */
const acceptedCharacters = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter(
  (c) => checkInterfaceName(`br${c}1`) === undefined,
);

describe('a name the model accepts is one every writer accepts, or check refuses it', () => {
  it.each(acceptedCharacters)('bridge name "br%s1" carrying a VM NIC', (c) => {
    const json = JSON.parse(JSON.stringify(exampleDesign()));
    json.hosts[0].bridges.find((b: { name: string }) => b.name === 'vmbr1').name = `br${c}1`;
    const design = restored(json);
    const errors = validateDesign(design).filter((d) => d.severity === 'error');
    if (errors.length > 0) return;
    for (const device of [...design.hosts, ...design.switches])
      expect(() => renderDevice(design, device.id)).not.toThrow();
  });

  it('covers the characters where Proxmox and Linux differ', () => {
    expect(acceptedCharacters).toEqual(expect.arrayContaining(['+', '@', '-', '_', '.']));
  });
});
