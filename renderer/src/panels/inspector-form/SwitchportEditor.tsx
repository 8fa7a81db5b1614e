/** Layer-2 mode of a switch port or port-channel: vendor default, access VLAN, or trunk (allowed VLANs, native VLAN). */
import type { Switchport } from '../../../../shared/model/schema.js';
import { fieldCommit } from './commit-hooks.js';
import { parseNumber, parseVlanList, SelectField, TextField } from './fields.js';

export function SwitchportEditor({ id, value }: { id: string; value: Switchport | undefined }) {
  const commit = (build: (v: unknown) => Switchport | undefined) =>
    fieldCommit(id, 'switchport', (v) => ({ switchport: build(v) }));
  return (
    <div className="switchport-editor" data-testid="field-switchport">
      <SelectField
        label="Mode"
        value={value?.mode ?? ''}
        options={[
          { value: '', label: 'default (access VLAN 1)' },
          { value: 'access', label: 'access' },
          { value: 'trunk', label: 'trunk' },
        ]}
        commit={commit((m) =>
          m === 'access' ? { mode: 'access', vlan: 1 } : m === 'trunk' ? { mode: 'trunk', allowed: 'all' } : undefined,
        )}
        testId="field-switchport-mode"
      />
      {value?.mode === 'access' && (
        <TextField
          label="Access VLAN"
          value={String(value.vlan)}
          parse={parseNumber}
          commit={commit((vlan) => ({ mode: 'access', vlan: vlan as number }))}
          testId="field-switchport-vlan"
        />
      )}
      {value?.mode === 'trunk' && (
        <>
          <TextField
            label="Allowed VLANs"
            help="all, or a list such as 1-239,241-255"
            value={value.allowed}
            parse={(t) => (t.trim().toLowerCase() === 'all' || t.trim() === '' ? 'all' : parseVlanList(t))}
            commit={commit((allowed) => ({ ...value, allowed: allowed as string }))}
            testId="field-switchport-allowed"
          />
          <TextField
            label="Native VLAN"
            value={value.native === undefined ? '' : String(value.native)}
            placeholder="1"
            parse={parseNumber}
            commit={commit((native) => {
              const next: Switchport = { mode: 'trunk', allowed: value.allowed };
              return native === undefined ? next : { ...next, native: native as number };
            })}
            testId="field-switchport-native"
          />
        </>
      )}
    </div>
  );
}
